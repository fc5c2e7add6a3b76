"""The entrepreneur's survey (/e/): the link is exchanged for a session, progress is kept, one
anonymous response, friendly pages for every dead end, no token or answer in any log line."""

import datetime as dt
import functools
import logging
import re
import secrets

import pytest
from django.test import Client
from django.urls import reverse
from django_scopes import scope

from analyse.models import EnqueteConcept, Reactie, Vraag
from analyse.services.enquete import enquete_maak, vraag_maak
from analyse.services.uitnodigingen import enquete_verstuur
from analyse.tokens import nieuwe_link
from tests.factories import BedrijventerreinFactory, OndernemerFactory

START = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
OPEN_ANTWOORD = "Bij de loods aan de Kanaalweg staat het hek altijd open"


@pytest.fixture
def nu(time_machine):
    time_machine.move_to(START, tick=False)
    return time_machine


@pytest.fixture
def enquete(actoren, nu, django_capture_on_commit_callbacks):
    enquete = enquete_maak(actor=None, cyclus=actoren.cyclus)
    vraag_maak(
        actor=None,
        enquete=enquete,
        thema="overlast",
        blok=None,
        tekst="Hoe oud is uw bedrijf?",
        type="getal",
        opties=[],
        verplicht=True,
    )
    terrein = BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam="Zuid")
    OndernemerFactory(terrein=terrein, email="a@bedrijf.nl")
    OndernemerFactory(terrein=terrein, email="b@bedrijf.nl")
    with django_capture_on_commit_callbacks(execute=False):  # no mails: the tests make their own links
        enquete_verstuur(actor=None, enquete=enquete, gesloten_op=dt.date(2026, 11, 30), herinnering_dagen=[])
    enquete.refresh_from_db()
    return enquete


@pytest.fixture
def uitnodiging(enquete):
    return enquete.uitnodigingen.select_related("enquete").first()


@pytest.fixture
def token(uitnodiging):
    return nieuwe_link(uitnodiging)


def stappen_van(enquete):
    from analyse.vragenlijst import stappen

    return stappen(enquete)


def vul_alles_in(client, enquete):
    """Answer every step: the first option / 3 on scales / 'ja' / 12 / a sentence."""
    for stap in stappen_van(enquete):
        data = {"richting": "volgende"}
        for iv in stap.vragen:
            v = iv.vraag
            data[iv.naam] = {
                Vraag.Type.SCHAAL: "3",
                Vraag.Type.JA_NEE: "ja",
                Vraag.Type.GETAL: "12",
                Vraag.Type.OPEN: OPEN_ANTWOORD,
            }.get(v.type, v.opties[0] if v.opties else "")
        response = client.post(reverse("enquete:stap", kwargs={"nummer": stap.nummer}), data)
        assert response.status_code == 302, response.content[:500]
    return client.post(reverse("enquete:insturen"))


def test_link_wordt_ingeruild_voor_een_sessie(client, token, enquete):
    response = client.get(reverse("enquete:start", args=[token]))
    assert response.status_code == 302 and response["Location"] == reverse("enquete:pagina")
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"]
    welkom = client.get(reverse("enquete:pagina"))
    assert welkom.status_code == 200
    assert "Uw antwoorden zijn anoniem" in welkom.text
    assert token not in welkom.text
    # No Referer to other sites; same-origin so a form post carries a real Origin for the CSRF check.
    assert welkom["Referrer-Policy"] == "same-origin" and "no-store" in welkom["Cache-Control"]
    assert 'name="referrer" content="same-origin"' in welkom.text


@pytest.mark.parametrize(
    "onbekend",
    # the random link keeps a fixed id: pytest-xdist's workers must collect the same test names
    [pytest.param(secrets.token_urlsafe(32), id="willekeurig"), "kort", "x" * 200, "%C3%A9%00", "'; DROP TABLE--"],
)
def test_onbekende_link_krijgt_een_vriendelijke_pagina(client, enquete, onbekend):
    response = client.get(f"/e/{onbekend}/")
    assert response.status_code == 404
    assert "Deze link werkt niet" in response.text


def test_zonder_sessie_uitleg_waar_de_link_staat(client, enquete):
    response = client.get(reverse("enquete:pagina"))
    assert response.status_code == 404 and "persoonlijke link" in response.text
    assert client.get(reverse("enquete:stap", kwargs={"nummer": 1})).status_code == 404
    assert client.post(reverse("enquete:insturen")).status_code == 404


def test_invullen_bewaart_een_anonieme_reactie_en_ruimt_op(client, token, uitnodiging, enquete):
    client.get(reverse("enquete:start", args=[token]))
    response = vul_alles_in(client, enquete)
    assert response.status_code == 302 and response["Location"] == reverse("enquete:klaar")
    assert "Dank u wel" in client.get(response["Location"]).text
    reactie = Reactie.objects.get()
    assert OPEN_ANTWOORD in reactie.antwoorden.values()
    assert reactie.terrein_id == uitnodiging.ondernemer.terrein_id
    uitnodiging.refresh_from_db()
    assert uitnodiging.beantwoord and not uitnodiging.papier
    assert not EnqueteConcept.objects.exists()


def test_tweede_keer_insturen_wordt_vriendelijk_geweigerd(client, token, enquete):
    client.get(reverse("enquete:start", args=[token]))
    sessie_cookie = client.cookies["sessionid"].value
    vul_alles_in(client, enquete)
    # The same browser posts the form again (back button, double click), or goes back to a step...
    opnieuw = client.post(reverse("enquete:insturen"))
    assert opnieuw.status_code == 409 and "U hebt de enquête al ingevuld" in opnieuw.text
    terug = client.get(reverse("enquete:versturen"))
    assert terug.status_code == 409 and "U hebt de enquête al ingevuld" in terug.text
    # ...and a second browser opening the same link.
    ander = Client()
    ander.get(reverse("enquete:start", args=[token]))
    response = ander.get(reverse("enquete:pagina"))
    assert response.status_code == 409 and "U hebt de enquête al ingevuld" in response.text
    # An old session that was never cleared (another tab) posting again.
    oud = Client()
    oud.cookies["sessionid"] = sessie_cookie
    assert oud.post(reverse("enquete:insturen")).status_code in (404, 409)
    assert Reactie.objects.count() == 1


def test_verplichte_vraag_en_fout_getal_geven_een_nederlandse_melding(client, token, enquete):
    client.get(reverse("enquete:start", args=[token]))
    laatste = next(s for s in stappen_van(enquete) if any(iv.vraag.type == "getal" for iv in s.vragen))
    getal = next(iv for iv in laatste.vragen if iv.vraag.type == "getal")
    response = client.post(
        reverse("enquete:stap", kwargs={"nummer": laatste.nummer}), {getal.naam: "twaalf", "richting": "volgende"}
    )
    assert response.status_code == 422
    assert "Vul een getal in" in response.text and 'value="twaalf"' in response.text
    response = client.post(reverse("enquete:stap", kwargs={"nummer": laatste.nummer}), {"richting": "volgende"})
    assert "Deze vraag is verplicht" in response.text
    assert not EnqueteConcept.objects.exists()
    # Sending without the required answer leads back to its step.
    response = client.post(reverse("enquete:insturen"))
    assert response.status_code == 302 and f"/e/stap/{laatste.nummer}/" in response["Location"]
    assert not Reactie.objects.exists()


def test_voortgang_blijft_bewaard_tussen_bezoeken(token, uitnodiging, enquete):
    eerste = Client()
    eerste.get(reverse("enquete:start", args=[token]))
    stap = stappen_van(enquete)[0]
    iv = next(iv for iv in stap.vragen if iv.vraag.type == "schaal")
    eerste.post(reverse("enquete:stap", kwargs={"nummer": 1}), {iv.naam: "4", "richting": "volgende"})
    assert EnqueteConcept.objects.get(uitnodiging=uitnodiging).antwoorden == {iv.vraag.ref: 4}
    later = Client()  # another day, another device, the same link
    later.get(reverse("enquete:start", args=[token]))
    welkom = later.get(reverse("enquete:pagina"))
    assert "Verder waar u was" in welkom.text
    stap1 = later.get(reverse("enquete:stap", kwargs={"nummer": 1}))
    assert f'name="{iv.naam}" value="4" checked' in stap1.text


def test_gesloten_enquete(client, token, enquete, nu):
    nu.move_to(START + dt.timedelta(days=28), tick=False)  # 30 November: the last day
    client.get(reverse("enquete:start", args=[token]))
    assert client.get(reverse("enquete:pagina")).status_code == 200
    nu.move_to(START + dt.timedelta(days=29), tick=False)  # 1 December
    response = client.get(reverse("enquete:pagina"))
    assert response.status_code == 410 and "De enquête is gesloten" in response.text
    assert client.post(reverse("enquete:insturen")).status_code == 410


def test_rate_limit_per_link(client, token, enquete, settings):
    settings.RATELIMIT_ENABLE = True
    adres = f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250)}"
    antwoorden = [client.get(reverse("enquete:start", args=[token]), REMOTE_ADDR=adres) for _ in range(21)]
    assert {r.status_code for r in antwoorden[:20]} == {302}
    assert antwoorden[20].status_code == 429 and "Even geduld" in antwoorden[20].text


def test_rate_limit_per_ip(client, enquete, settings):
    settings.RATELIMIT_ENABLE = True
    adres = f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250)}"
    codes = [client.get(f"/e/{secrets.token_urlsafe(32)}/", REMOTE_ADDR=adres).status_code for _ in range(61)]
    assert codes[:60] == [404] * 60 and codes[60] == 429


def test_geen_token_en_geen_antwoord_in_de_logs(client, token, enquete, caplog):
    caplog.set_level(logging.DEBUG)
    onbekend = secrets.token_urlsafe(32)
    client.get(f"/e/{onbekend}/")
    client.get(reverse("enquete:start", args=[token]))
    vul_alles_in(client, enquete)
    client.post(reverse("enquete:insturen"))
    regels = [r.getMessage() for r in caplog.records]
    assert regels, "the 404 of the unknown link is logged (without its token)"
    for regel in regels:
        assert token not in regel and onbekend not in regel
        assert OPEN_ANTWOORD not in regel


def test_logfilter_verbergt_tokens():
    from kvo.logfilters import verberg

    t = secrets.token_urlsafe(32)
    assert verberg(f"Not Found: /e/{t}/") == "Not Found: /e/…/"
    assert verberg("GET /w/de-hoek/analyse/ HTTP/1.1") == "GET /w/de-hoek/analyse/ HTTP/1.1"


def test_paginas_werken_zonder_javascript(client, token, enquete):
    client.get(reverse("enquete:start", args=[token]))
    stap = client.get(reverse("enquete:stap", kwargs={"nummer": 1}))
    assert "<script" not in stap.text
    assert '<form method="post"' in stap.text and 'name="viewport"' in stap.text


def test_queries_per_stap_groeien_niet_mee(client, token, enquete, django_assert_max_num_queries):
    client.get(reverse("enquete:start", args=[token]))
    with django_assert_max_num_queries(12):
        assert client.get(reverse("enquete:stap", kwargs={"nummer": 1})).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("enquete:versturen")).status_code == 200


def test_de_bewaarde_vragen_volgen_een_wijziging(client, token, enquete, django_assert_max_num_queries):
    """Every step reads the survey's questions kept under the work group's data version: a second
    request reads no question, and a change (here outside the services, which refuse to change a
    sent survey) is on the next page at once."""
    client.get(reverse("enquete:start", args=[token]))
    with scope(werkgroep=enquete.werkgroep):
        nummer = next(s.nummer for s in stappen_van(enquete) for iv in s.vragen if iv.vraag.tekst.startswith("Hoe oud"))
    stap = reverse("enquete:stap", kwargs={"nummer": nummer})
    eerste = client.get(stap).text
    assert "Hoe oud is uw bedrijf?" in eerste and "Zuid" in eerste  # the park's name in the header
    with django_assert_max_num_queries(3):  # session, the invitation with its answers so far, the version
        assert "Hoe oud is uw bedrijf?" in client.get(stap).text
    Vraag.objects.filter(enquete=enquete).update(tekst="Hoeveel jaar bestaat uw bedrijf?")
    assert "Hoeveel jaar bestaat uw bedrijf?" in client.get(stap).text


def test_een_onbeantwoorde_stap_wordt_eenmaal_opgemaakt(token, enquete):
    """The questions of a step not yet answered are the same HTML for every entrepreneur: rendered
    for the first, kept for the next (issue 27); a step with an answer or an error is rendered."""
    from kvo import versie

    with scope(werkgroep=enquete.werkgroep):
        nummer = next(s.nummer for s in stappen_van(enquete) for iv in s.vragen if iv.vraag.tekst.startswith("Hoe oud"))
    stap = reverse("enquete:stap", kwargs={"nummer": nummer})
    eerste, tweede = Client(), Client()
    eerste.get(reverse("enquete:start", args=[token]))
    tweede.get(reverse("enquete:start", args=[nieuwe_link(enquete.uitnodigingen.order_by("-pk").first())]))
    with versie.tel_berekend() as berekend:
        html = eerste.get(stap).text
    assert "enquete-vragen-html" in berekend and "Hoe oud is uw bedrijf?" in html
    zonder_csrf = functools.partial(re.sub, r'name="csrfmiddlewaretoken" value="[^"]*"', "")
    with versie.tel_berekend() as berekend:
        assert zonder_csrf(tweede.get(stap).text) == zonder_csrf(html)
    assert "enquete-vragen-html" not in berekend
    with scope(werkgroep=enquete.werkgroep):
        ref = next(iv.vraag.ref for iv in stappen_van(enquete)[nummer - 1].vragen if iv.vraag.type == "getal")
    with versie.tel_berekend() as berekend:
        fout = eerste.post(stap, {"richting": "volgende", f"v-{ref}": "x"})
    assert fout.status_code == 422 and "Vul een getal in" in fout.text and 'value="x"' in fout.text
    assert "enquete-vragen-html" not in berekend  # rendered with the error, not kept
