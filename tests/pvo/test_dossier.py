"""A PVO group in the dossier: the root's ``handboek`` names the scheme, PVO's own records travel under
``x-`` keys valid against the public schema, and import → export round-trips (also for a group that
moved to KVO-B, whose earlier cycle keeps PVO)."""

import pytest
from django_scopes import scopes_disabled
from jsonschema import Draft202012Validator

from kvo.dossier.schema import schema
from kvo.dossier.services import dossier_als_zip, dossier_exporteer, dossier_importeer, dossier_lees
from kvo.regelingen import KVO, PVO
from kvo.toets import voer_toets_uit
from tests.factories import CyclusFactory
from tests.pvo.groep import PEILDATUM, maak_pvo_groep
from werkgroepen.models import Bijeenkomst, Communicatie, Werkgroep

pytestmark = pytest.mark.django_db


def _fouten(dossier) -> list[str]:
    validator = Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [f"{list(f.absolute_path)}: {f.message}" for f in validator.iter_errors(dossier)]


def _rond(werkgroep) -> tuple[dict, Werkgroep]:
    inhoud = dossier_als_zip(werkgroep=werkgroep)
    ingelezen = dossier_lees(inhoud, naam="pvo.zip")
    with scopes_disabled():
        nieuw = dossier_importeer(actor=None, dossier=ingelezen.dossier, bestanden=ingelezen.bestanden, vervang=True)
    return ingelezen.dossier, nieuw


def test_export_noemt_de_regeling_en_draagt_pvo_onder_x_sleutels():
    g = maak_pvo_groep()
    Bijeenkomst.objects.create(werkgroep=g.werkgroep, datum=PEILDATUM, soort=Bijeenkomst.Soort.VOORLICHTING)
    g.werkgroep.geen_intentieverklaring = True
    g.werkgroep.save()
    d = dossier_exporteer(werkgroep=g.werkgroep)
    assert _fouten(d) == []
    assert d["handboek"] == "PVO Veilig Bedrijventerrein"
    assert d["werkgroep"]["x-geen-intentieverklaring"] is True
    assert "x-handboek" not in d["cycli"][0]  # the cycle runs under the group's scheme
    gemeente = next(p for p in d["partijen"] if p["ref"] == g.gemeente.ref)
    assert gemeente["x-toegezegde-capaciteit"].startswith("8 uur")
    voorlichting = next(b for b in d["bijeenkomsten"] if b.get("x-soort") == "voorlichting")
    assert voorlichting["soort"] == "overig"
    kickoff = next(b for b in d["bijeenkomsten"] if b["ref"] == g.kickoff.ref)
    assert kickoff["soort"] == "kick-off" and kickoff["x-georganiseerd-door"] == g.gemeente.ref
    assert {c.get("x-soort") for c in d["communicatie"]} == {"enquete-resultaten", "meldwijzer"}
    assert d["terreinen"][0]["x-postcodes"] == [{"postcode": "7241 AA", "huisnummers": "1-40"}]
    cyclus = d["cycli"][0]
    assert cyclus["enquete"]["x-pvo"]["brief_namens"] == g.gemeente.ref
    assert [s["fenomenen"][0] for s in cyclus["x-gebiedsscans"]] == ["Afvaldumpingen", "Inbraak", "Afvaldumpingen"]
    assert {doel["thema"] for doel in cyclus["plan"]["doelstellingen"]} == {
        "eigen:schoon", "eigen:heel", "eigen:veilig", "eigen:meldingsbereidheid",
    }  # fmt: skip
    pvo = cyclus["plan"]["x-pvo"]
    assert pvo["kalender_vastgesteld_op"] == "2025-06-15" and len(pvo["activiteiten"]) == 3
    assert pvo["integraal"] == [g.maatregelen[3].ref]
    waardering = cyclus["x-waardering"]
    assert waardering["gehouden_op"] == "2025-12-15" and len(waardering["ondertekenaars"]) == 3


def test_import_export_rond_en_de_toets_antwoordt_hetzelfde():
    g = maak_pvo_groep()
    activiteit = g.activiteiten[2]
    activiteit.communicatie = Communicatie.objects.get(soort="meldwijzer")
    activiteit.save()
    voor = [(r.id, r.uitkomst) for r in voer_toets_uit(g.werkgroep, datum=PEILDATUM)]
    eerst, nieuw = _rond(g.werkgroep)
    assert nieuw.handboek == PVO
    with scopes_disabled():
        assert {c.handboek for c in nieuw.cycli.all()} == {PVO}
        assert "x-gebiedsscans" not in nieuw.cycli.get().extra  # kept in its rows, not twice
        opnieuw = dossier_exporteer(werkgroep=nieuw)
    assert opnieuw == eerst
    assert [(r.id, r.uitkomst) for r in voer_toets_uit(nieuw, datum=PEILDATUM)] == voor


def test_na_de_overstap_naar_kvo_houdt_de_pvo_cyclus_zijn_regeling():
    g = maak_pvo_groep()
    g.werkgroep.handboek = KVO
    g.werkgroep.save()
    CyclusFactory(werkgroep=g.werkgroep, nummer=2, start=PEILDATUM, handboek=KVO)
    eerst, nieuw = _rond(g.werkgroep)
    assert "handboek" not in eerst  # the default
    assert eerst["cycli"][0]["x-handboek"] == PVO and "x-handboek" not in eerst["cycli"][1]
    with scopes_disabled():
        assert dict(nieuw.cycli.values_list("nummer", "handboek")) == {1: PVO, 2: KVO}
        assert dossier_exporteer(werkgroep=nieuw) == eerst
    (r,) = voer_toets_uit(nieuw, cyclus=nieuw.cycli.get(nummer=1), datum=PEILDATUM, ids=["pvo.waardering"])
    assert r.status == "voldaan"


def test_onbekende_pvo_verwijzingen_worden_geweigerd():
    from kvo.dossier import DossierFout

    g = maak_pvo_groep()
    d = dossier_exporteer(werkgroep=g.werkgroep)
    d["cycli"][0]["x-waardering"]["ondertekenaars"][0]["partij"] = "bestaat-niet"
    d["cycli"][0]["x-gebiedsscans"][0]["fenomenen"] = ["a", "b", "c", "d"]
    d["bijeenkomsten"][0]["x-soort"] = "feest"
    d["cycli"][0]["x-handboek"] = "KVO-B 9"
    d["werkgroep"]["slug"] = "pvo-kopie"
    with pytest.raises(DossierFout) as fout, scopes_disabled():
        dossier_importeer(actor=None, dossier=d)
    tekst = " ".join(fout.value.problemen)
    assert "x-waardering.ondertekenaars[0].partij" in tekst and "top 3" in tekst
    assert "onbekende soort bijeenkomst" in tekst and "onbekende regeling" in tekst
