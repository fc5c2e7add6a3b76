"""Pages kept whole under the data version (kvo.versie.bewaarde_pagina): the kept HTML never carries
another request's CSRF token or message, differs per user and role, and follows every change."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from kvo.versie import CSRF_PLAATS
from tests.factories import WerkgroepFactory
from werkgroepen.models import Partij

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def zonder_cyclus(actoren):
    """The home page of a group without a cycle has a form (start the cycle) for those who manage."""
    actoren.cyclus.delete()
    return reverse("werkgroepen:home", kwargs={"werkgroep": actoren.werkgroep.slug})


def test_elk_verzoek_krijgt_zijn_eigen_csrf_token(actoren, zonder_cyclus):
    eerste, tweede = _client(actoren.voorzitter), _client(actoren.voorzitter)  # two sessions, one user
    html_1 = eerste.get(zonder_cyclus).content.decode()
    html_2 = tweede.get(zonder_cyclus).content.decode()  # from the cache
    assert CSRF_PLAATS not in html_1 and CSRF_PLAATS not in html_2
    token = CSRF.search(html_2).group(1)
    assert token != CSRF.search(html_1).group(1)
    # the kept page's form works for the second session
    response = tweede.post(
        reverse("werkgroepen:cyclus_start", kwargs={"werkgroep": actoren.werkgroep.slug}),
        {"start": "2026-01-01", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    assert actoren.werkgroep.cycli.count() == 1


def test_de_inhoud_verschilt_per_gebruiker_en_rol(actoren, zonder_cyclus):
    voorzitter = _client(actoren.voorzitter).get(zonder_cyclus).content.decode()
    lid = _client(actoren.lid).get(zonder_cyclus).content.decode()
    assert "Cyclus starten" in voorzitter and "Cyclus starten" not in lid


def test_een_rol_buiten_de_werkgroepgegevens_telt_ook(actoren, zonder_cyclus):
    """A facilitator is added to the organisation (not a table of the work group's data): the roles
    are part of the key, so the page shows what the new role may do at once."""
    gebruiker = actoren.lid
    client = _client(gebruiker)
    assert "Cyclus starten" not in client.get(zonder_cyclus).content.decode()
    actoren.werkgroep.begeleiding.gebruikers.add(gebruiker)
    assert "Cyclus starten" in client.get(zonder_cyclus).content.decode()


def test_de_inhoud_volgt_een_wijziging(actoren):
    url = reverse("werkgroepen:home", kwargs={"werkgroep": actoren.werkgroep.slug})
    client = _client(actoren.lid)
    assert "Brandweer Fryslân" not in client.get(url).content.decode()
    actoren.werkgroep.partijen.create(naam="Brandweer Fryslân", soort=Partij.Soort.BRANDWEER)
    assert "Brandweer" in client.get(url).content.decode()


def test_een_andere_werkgroep_krijgt_nooit_de_bewaarde_inhoud(actoren):
    url = reverse("werkgroepen:home", kwargs={"werkgroep": actoren.werkgroep.slug})
    assert _client(actoren.lid).get(url).status_code == 200  # kept now
    assert _client(actoren.vreemde).get(url).status_code == 404
    WerkgroepFactory(slug="derde")
    assert _client(actoren.vreemde).get(url).status_code == 404


def test_de_wisselaar_haalt_de_andere_werkgroepen_pas_bij_openen(actoren, als, django_assert_max_num_queries):
    """The header's switcher lists the user's other work groups from its own URL (fetched when it
    opens); the pages themselves no longer query them."""
    from tests.factories import LidFactory, PartijFactory

    tweede = WerkgroepFactory(naam="KVO Tweede", slug="tweede")
    LidFactory(werkgroep=tweede, partij=PartijFactory(werkgroep=tweede), user=actoren.lid, email="lid@example.org")
    client = als(actoren.lid)
    home = client.get(reverse("werkgroepen:home", kwargs={"werkgroep": actoren.werkgroep.slug})).content.decode()
    wissel = reverse("werkgroepen:wisselaar", kwargs={"werkgroep": actoren.werkgroep.slug})
    assert f'hx-get="{wissel}"' in home and 'hx-trigger="toggle once"' in home
    assert "KVO Tweede" not in home  # not on the page itself
    with django_assert_max_num_queries(10):
        lijst = client.get(wissel, headers={"HX-Request": "true"}).content.decode()
    assert "KVO Tweede" in lijst and "Alle werkgroepen" in lijst
    assert "KVO De Hoek" not in lijst and "KVO Andere Kant" not in lijst  # itself, and a group not theirs
    assert als(actoren.vreemde).get(wissel).status_code == 404


def test_alleen_de_parameters_van_de_pagina_maken_een_nieuwe_ingang(actoren):
    """A filter the page reads is part of the key; any other query parameter is not (it does not
    change the page, and so cannot fill the cache with copies of it)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = _client(actoren.lid)
    url = reverse("audits:toets", kwargs={"werkgroep": actoren.werkgroep.slug})

    def zonder_token(html: str) -> str:  # the masked CSRF token differs per response
        return re.sub(r'(csrfmiddlewaretoken" value="|X-CSRFToken": ")[^"]+', r"\1", html)

    alles = client.get(url + "?x=1").content.decode()
    with CaptureQueriesContext(connection) as andere_parameter:
        assert zonder_token(client.get(url + "?x=2").content.decode()) == zonder_token(alles)
    with CaptureQueriesContext(connection) as filter_:
        gefilterd = client.get(url + "?status=voldaan").content.decode()
    assert len(andere_parameter) < len(filter_)  # kept vs computed
    assert 'data-status="open"' in alles and 'data-status="open"' not in gefilterd


def test_de_hele_pagina_wordt_bewaard(actoren):
    """Layout and content: a kept page renders no template at all."""
    client = _client(actoren.lid)
    for naam in ("werkgroepen:home", "aanpak:matrix", "audits:toets", "analyse:resultaten"):
        url = reverse(naam, kwargs={"werkgroep": actoren.werkgroep.slug})
        eerste = client.get(url)
        assert eerste.status_code == 200 and eerste.templates, naam
        tweede = client.get(url)
        assert tweede.status_code == 200 and tweede.templates == [], naam
        assert actoren.lid.email in tweede.content.decode()


def test_de_kop_volgt_het_eigen_emailadres(actoren):
    """The header shows the user's e-mail address, which is not a table of the work group's data."""
    url = reverse("werkgroepen:home", kwargs={"werkgroep": actoren.werkgroep.slug})
    client = _client(actoren.lid)
    assert "lid@example.org" in client.get(url).content.decode()
    actoren.lid.email = "nieuw-adres@example.org"
    actoren.lid.save(update_fields=["email"])
    html = client.get(url).content.decode()
    assert "nieuw-adres@example.org" in html and "lid@example.org" not in html


def test_een_melding_wordt_eenmaal_getoond_en_nooit_bewaard(actoren):
    """A message (after a form) is shown on the next page once: that page is rendered, not kept, and
    the kept page never carries it."""
    from django.contrib.messages import constants, get_messages

    url = reverse("begeleiding:portfolio")
    client = Client()
    client.force_login(actoren.begeleider, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(url).templates  # computed and kept
    assert client.get(url).templates == []  # kept
    assert client.post(url).status_code == 302  # "De handboektoets van 1 werkgroep wordt opnieuw berekend."
    met = client.get(url)
    assert "wordt opnieuw berekend" in met.content.decode() and met.templates
    assert [m.level for m in get_messages(met.wsgi_request)] == [constants.SUCCESS]
    zonder = client.get(url)
    assert "wordt opnieuw berekend" not in zonder.content.decode()
    assert _client(actoren.begeleider).get(url).templates == []  # still the kept page, without the message
