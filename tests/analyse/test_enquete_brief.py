"""The survey letter (§4.1.1): the address names the place, the letter, the mail and the survey name
the contact, and the link on the letter is a short code to type that survives copying from the PDF."""

import copy
import datetime as dt
import re
import subprocess

import pytest
from django.core import mail
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from analyse.models import EnqueteLink
from analyse.services.enquete import enquete_maak
from analyse.services.uitnodigingen import brieven_maak, enquete_verstuur
from analyse.tokens import CODE_ALFABET, CODE_LENGTE, als_code, hash_van, nieuwe_brieflinks
from gebieden.models import Ondernemer
from kvo.logfilters import verberg
from tests.factories import BedrijventerreinFactory, OndernemerFactory
from werkgroepen.models import Lid

START = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
SLUG = "de-hoek"
CODE_URL = re.compile(r"http://[^\s<]+/e/([" + CODE_ALFABET + r"]{10})/")


def url(naam, **kwargs):
    return reverse(f"analyse:{naam}", kwargs={"werkgroep": SLUG, **kwargs})


@pytest.fixture
def opzet(actoren, time_machine, django_capture_on_commit_callbacks):
    time_machine.move_to(START, tick=False)
    wg = actoren.werkgroep
    wg.adres_naam, wg.adres_straat, wg.adres_postcode, wg.adres_plaats = (
        "t.a.v. secretariaat",
        "Postbus 12",
        "8470 AA",
        "Wolvega",
    )
    wg.save()
    with scopes_disabled():
        secretaris = Lid.objects.get(werkgroep=wg, user=actoren.secretaris)
        secretaris.naam = "Anne de Vries"
        secretaris.save()
    enquete = enquete_maak(actor=None, cyclus=actoren.cyclus)
    terrein = BedrijventerreinFactory(werkgroep=wg, naam="Zuid", gemeente="Weststellingwerf")
    OndernemerFactory(terrein=terrein, naam="Brief B.V.", email=None, postcode="8471 AB", plaats="Wolvega")
    OndernemerFactory(terrein=terrein, naam="Mail B.V.", email="mail@bedrijf.nl")
    with django_capture_on_commit_callbacks(execute=True):
        enquete_verstuur(actor=None, enquete=enquete, gesloten_op=dt.date(2026, 11, 30), herinnering_dagen=[])
    enquete.refresh_from_db()
    return enquete, terrein


def pdf_tekst(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def test_code_alfabet_en_lezen():
    assert not set("01OIL") & set(CODE_ALFABET) and CODE_LENGTE == 10
    assert als_code("7kx4-m9pq 2r") == "7KX4M9PQ2R"
    assert als_code("7KX4M9PQ2") is None and als_code("7KX4M9PQ2O") is None  # too short; O is not in it
    assert als_code("a" * 43) is None


def test_brieflink_bewaart_alleen_hashes(actoren, opzet):
    enquete, _ = opzet
    with scope(werkgroep=actoren.werkgroep):
        uitnodiging = enquete.uitnodigingen.get(ondernemer__naam="Brief B.V.")
        ((token, code),) = nieuwe_brieflinks([uitnodiging])
        link = EnqueteLink.objects.get(token_hash=hash_van(token))
    assert link.code_hash == hash_van(code) and len(code) == CODE_LENGTE
    assert code not in str(EnqueteLink.objects.filter(pk=link.pk).values().get())


@pytest.mark.parametrize("schrijfwijze", [str, str.lower, lambda c: f"{c[:5]}-{c[5:]}"])
def test_korte_code_geeft_de_enquete(client, actoren, opzet, schrijfwijze):
    enquete, _ = opzet
    with scope(werkgroep=actoren.werkgroep):
        ((_, code),) = nieuwe_brieflinks([enquete.uitnodigingen.get(ondernemer__naam="Brief B.V.")])
    response = client.get(f"/e/{schrijfwijze(code)}/")
    assert response.status_code == 302 and response["Location"] == reverse("enquete:pagina")
    assert client.get(reverse("enquete:pagina")).status_code == 200
    assert client.get("/e/23456789AB/").status_code == 404  # an unknown code: the same friendly page
    assert verberg(f"GET /e/{code}/ HTTP/1.1") == "GET /e/…/ HTTP/1.1"
    assert verberg("GET /e/stap/2/ HTTP/1.1") == "GET /e/stap/2/ HTTP/1.1"


def test_brief_noemt_plaats_contact_en_een_korte_link_die_heel_blijft(actoren, als, opzet):
    _enquete, terrein = opzet
    response = als(actoren.secretaris).post(url("brieven", terrein=terrein.pk))
    assert response.status_code == 200
    tekst = pdf_tekst(response.content)
    assert "8471 AB Wolvega" in tekst and "Weststellingwerf" not in tekst
    assert "Anne de Vries" in tekst and "Postbus 12" in tekst and "8470 AA Wolvega" in tekst
    # The typed link is short, on one line, without a hyphen added: copied from the PDF it works.
    (code,) = CODE_URL.findall(tekst)
    with scopes_disabled():
        assert EnqueteLink.objects.filter(code_hash=hash_van(code)).exists()
    regel = next(r for r in tekst.splitlines() if f"/e/{code}/" in r)
    assert len(regel.strip()) < 60


def test_brieven_maken_geeft_token_en_code(actoren, opzet):
    enquete, terrein = opzet
    with scope(werkgroep=actoren.werkgroep):
        Ondernemer.objects.filter(naam="Brief B.V.").update(plaats="")
        paren = brieven_maak(actor=None, enquete=enquete, terrein=terrein)
    assert len(paren) == 1 and len(paren[0]) == 3


def test_mail_en_enquete_noemen_de_secretaris(client, actoren, opzet):
    _enquete, _ = opzet
    (bericht,) = [m for m in mail.outbox if "mail@bedrijf.nl" in m.to]
    assert "Anne de Vries, secretaris van de KVO-werkgroep, Postbus 12, 8470 AA Wolvega" in bericht.body
    token = re.search(r"/e/([A-Za-z0-9_-]{40,})/", bericht.body).group(1)
    client.get(f"/e/{token}/")
    pagina = client.get(reverse("enquete:pagina"))
    assert "Anne de Vries, secretaris van de KVO-werkgroep" in pagina.text


def test_brief_mail_en_enquete_verwijzen_naar_de_privacyverklaring(client, actoren, als, opzet):
    """Issue 24 (AVG): members and entrepreneurs find the privacy statement from the letter, the mail
    (invitation and reminder) and the survey's pages."""
    _enquete, terrein = opzet
    from django.conf import settings
    from django.template.loader import render_to_string

    adres = settings.SITE_URL.rstrip("/") + reverse("privacyverklaring")
    (bericht,) = [m for m in mail.outbox if "mail@bedrijf.nl" in m.to]
    assert adres in bericht.body
    brief = pdf_tekst(als(actoren.secretaris).post(url("brieven", terrein=terrein.pk)).content)
    assert adres in brief.replace("\n", "")
    client.logout()
    token = re.search(r"/e/([A-Za-z0-9_-]{40,})/", bericht.body).group(1)
    client.get(f"/e/{token}/")
    assert f'href="{reverse("privacyverklaring")}"' in client.get(reverse("enquete:pagina")).text
    herinnering = render_to_string("analyse/mail/herinnering.txt", {"privacy_url": adres, "contact": {}})
    assert adres in herinnering


# --- the place in the register -------------------------------------------------------------


def test_plaats_uit_csv_import(actoren, als):
    terrein = BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam="Noord")
    from gebieden.importeren import lees_bestand

    inhoud = b"naam;adres;postcode;huisnummer;plaats\nBakker B.V.;Kanaalweg;8471 AB;3;Wolvega\n"
    rijen = lees_bestand("register.csv", inhoud)
    from gebieden.services import ondernemers_importeer

    with scope(werkgroep=actoren.werkgroep):
        (ondernemer,) = ondernemers_importeer(actor=None, terrein=terrein, rijen=rijen)
        assert Ondernemer.objects.get(pk=ondernemer.pk).plaats == "Wolvega"


def test_plaats_in_het_dossier_heen_en_terug(db):
    from kvo.dossier.services import dossier_exporteer, dossier_importeer
    from tests.dossier.conftest import MINI

    dossier = copy.deepcopy(MINI)
    dossier["terreinen"][0]["ondernemers"][0]["x-plaats"] = "Wolvega"
    werkgroep = dossier_importeer(actor=None, dossier=copy.deepcopy(dossier))
    with scopes_disabled():
        ondernemer = Ondernemer.objects.get(
            terrein__werkgroep=werkgroep, ref=dossier["terreinen"][0]["ondernemers"][0]["ref"]
        )
        assert ondernemer.plaats == "Wolvega" and ondernemer.extra == {}
        assert dossier_exporteer(werkgroep=werkgroep) == dossier
