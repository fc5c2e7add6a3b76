"""A kept page's CSRF placeholder is never replaced inside a user's text (pen test, issue 19,
finding 12). The kept HTML used one fixed placeholder, so a measure titled with it showed each
viewer's token in the matrix. Now each render writes a random placeholder of its own and keeps it
beside the HTML: no text can hold it, and the forms still get the viewer's token."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from aanpak.models import Maatregel
from aanpak.services.plan import plan_maak
from kvo import versie
from tests.aanpak.factories import MaatregelFactory

INVOER = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
KOP = re.compile(r'"X-CSRFToken": "([^"]+)"')


def _client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def matrix(actoren):
    plan = plan_maak(actor=None, cyclus=actoren.cyclus)
    maatregel = MaatregelFactory(plan=plan, titel="Camera's bij de ingang")
    return maatregel, reverse("aanpak:matrix", kwargs={"werkgroep": actoren.werkgroep.slug})


def _buiten_formulieren(html: str) -> str:
    """The page without the places a CSRF token belongs (the forms' fields, htmx's header)."""
    return KOP.sub("", INVOER.sub("", html))


def _tokens(html: str) -> set[str]:
    return set(INVOER.findall(html)) | set(KOP.findall(html))


def _controleer(client: Client, html: str, titel: str) -> None:
    tokens = _tokens(html)
    assert tokens, "the page has a form"
    assert f">{titel}<" in html or f"{titel}</" in html, "the title is shown as typed"
    rest = _buiten_formulieren(html)
    for token in tokens:
        assert token not in rest  # the token only where it belongs
    assert versie.CSRF_PLAATS not in _buiten_formulieren(html.replace(titel, ""))  # nothing left
    # the forms' token is the viewer's: a form posted with it passes the CSRF check
    token = INVOER.search(html).group(1)
    assert client.post(reverse("account_logout"), {"csrfmiddlewaretoken": token}).status_code == 302


def test_een_titel_gelijk_aan_de_oude_plaatshouder_blijft_tekst(actoren, matrix):
    maatregel, url = matrix
    Maatregel.objects.filter(pk=maatregel.pk).update(titel=versie.CSRF_PLAATS)
    maatregel.refresh_from_db()
    maatregel.save()  # through the model, so the data version moves on
    eerste_client = _client(actoren.lid)
    eerste = eerste_client.get(url).content.decode()  # rendered and kept
    _controleer(eerste_client, eerste, versie.CSRF_PLAATS)
    tweede_client = _client(actoren.lid)
    tweede = tweede_client.get(url).content.decode()  # from the cache
    _controleer(tweede_client, tweede, versie.CSRF_PLAATS)


def test_de_plaatshouder_van_een_weergave_is_in_geen_tekst_te_raden(actoren, matrix, monkeypatch):
    """A user who somehow learnt a render's placeholder and typed it into a title gains nothing: the
    title changes the data, the page is rendered anew, with a new placeholder."""
    maatregel, url = matrix
    gebruikt: list[str] = []
    echt = versie._csrf_plaats

    def spion() -> str:
        gebruikt.append(echt())
        return gebruikt[-1]

    monkeypatch.setattr(versie, "_csrf_plaats", spion)
    client = _client(actoren.lid)
    html = client.get(url).content.decode()
    assert len(gebruikt) == 1 and gebruikt[0].startswith(versie.CSRF_PLAATS + "-")
    assert gebruikt[0] not in html
    assert client.get(url).content.decode() and len(gebruikt) == 1  # kept: no new render

    maatregel.titel = gebruikt[0]
    maatregel.save()
    client = _client(actoren.lid)
    html = client.get(url).content.decode()
    assert len(gebruikt) == 2 and gebruikt[1] != gebruikt[0]
    _controleer(client, html, gebruikt[0])
    assert _client(actoren.voorzitter).get(url).content.decode().count(gebruikt[0]) >= 1
