"""The facilitator's start (Nieuwe werkgroep) asks which scheme; the new group and its first cycle get
it, and its mandatory parties are the scheme's (PVO: municipality, police, entrepreneurs)."""

import re

import pytest
from django.core.exceptions import ValidationError
from django_scopes import scopes_disabled

from kvo import eisen_pvo
from kvo.regelingen import KVO, PVO
from kvo.toets import voer_toets_uit
from tests.kvo.test_starten import NIEUW, doorloop, stap
from werkgroepen.models import Werkgroep, WerkgroepStart
from werkgroepen.services import starten

pytestmark = pytest.mark.django_db


def test_begeleider_start_een_pvo_werkgroep(actoren, als):
    client = als(actoren.begeleider)
    pagina = client.get(NIEUW).content.decode()
    assert "PVO Proces Veilig Bedrijventerrein" in pagina and 'name="handboek"' in pagina
    r = client.post(NIEUW, {"naam": "Veilig Bedrijventerrein De Kolk", "slug": "de-kolk", "handboek": PVO})
    assert r.status_code == 302
    start = WerkgroepStart.objects.get(slug="de-kolk")
    assert starten.regeling_van_start(start).handboek == PVO
    assert client.post(stap(start, 2), {"naam": "De Kolk", "gemeente": "Lochem"}).status_code == 302
    # PVO knows no certificate: a "recertification" is refused
    r = client.post(
        stap(start, 3), {"start": "2026-03-01", "soort": "opvolgende", "vorig_nummer": "X", "vorig_datum": "2023-01-01"}
    )
    assert r.status_code == 200 and "PVO Veilig Bedrijventerrein kent geen certificaat" in r.content.decode()
    assert client.post(stap(start, 3), {"start": "2026-03-01", "soort": "eerste"}).status_code == 302
    bestuur = {
        "voorzitter_naam": "Anna Jansen", "voorzitter_email": "anna@example.org",
        "voorzitter_partij": "OV De Kolk", "voorzitter_soort": "ondernemersvereniging",
        "secretaris_naam": "Piet Smit", "secretaris_email": "piet@example.org",
        "secretaris_partij": "OV De Kolk", "secretaris_soort": "ondernemersvereniging",
    }  # fmt: skip
    assert client.post(stap(start, 4), bestuur).status_code == 302
    overzicht = client.get(stap(start, 5)).content.decode()
    assert "PVO Proces Veilig Bedrijventerrein; verplichte partijen: ondernemers" in overzicht
    assert "brandweer" not in overzicht.split('data-testid="regeling"')[1].split("</dd>")[0]
    assert client.post(stap(start, 5)).status_code == 302
    wg = Werkgroep.objects.get(slug="de-kolk")
    assert wg.handboek == PVO
    with scopes_disabled():
        assert [c.handboek for c in wg.cycli.all()] == [PVO]
    resultaten = voer_toets_uit(wg)
    assert [r.id for r in resultaten] == list(eisen_pvo.EISEN)
    deelnemers = next(r for r in resultaten if r.id == "pvo.deelnemers").uitkomst
    assert "1 van 3 verplichte partijen" in deelnemers.toelichting
    assert "ontbreekt: gemeente, politie" in deelnemers.toelichting


def test_zonder_keuze_kvo_en_de_keuze_blijft_bij_teruggaan(actoren, als):
    client = als(actoren.begeleider)
    start = doorloop(client)
    assert starten.regeling_van_start(start).handboek == KVO
    r = client.post(stap(start, 1), {"naam": start.naam, "slug": start.slug, "handboek": PVO})
    assert r.status_code == 302
    start.refresh_from_db()
    assert start.gegevens["handboek"] == PVO and "cyclus" in start.gegevens  # "eerste" is valid for PVO too
    pagina = client.get(stap(start, 1)).content.decode()
    assert re.search(r'value="PVO Veilig Bedrijventerrein"[^>]*checked', pagina)


def test_hercertificering_vervalt_bij_overstap_naar_pvo(actoren):
    start = starten.werkgroepstart_maak(
        actor=actoren.begeleider, begeleiding=actoren.werkgroep.begeleiding, naam="Nieuw Park"
    )
    starten.werkgroepstart_bewaar_stap(
        actor=None, start=start, stap=3,
        gegevens={"start": "2026-03-01", "soort": "opvolgende", "vorig_nummer": "K-1", "vorig_datum": "2023-01-01"},
    )  # fmt: skip
    starten.werkgroepstart_wijzig_naam(actor=None, start=start, naam="Nieuw Park", slug=start.slug, handboek=PVO)
    assert "cyclus" not in start.gegevens  # asked again: PVO has no recertification
    with pytest.raises(ValidationError):
        starten.werkgroepstart_maak(actor=None, begeleiding=None, naam="X", handboek="KVO-B 9")
