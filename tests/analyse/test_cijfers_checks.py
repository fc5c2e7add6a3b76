"""cijfers.politie-brandweer and cijfers.gemeente (§4.1.2), at each boundary."""

import datetime as dt

import pytest

from analyse.models import Cijfer
from kvo.toets import Status
from tests.analyse.factories import CijferFactory, ConclusieFactory
from tests.factories import CyclusFactory, WerkgroepFactory

PB = "cijfers.politie-brandweer"
GEM = "cijfers.gemeente"
DATUM = dt.date(2025, 6, 1)
JAN = dt.date(2024, 1, 1)
DEC = dt.date(2024, 12, 31)


def cijfer(cyclus, bron, van=JAN, tot=DEC, **kwargs):
    return CijferFactory(cyclus=cyclus, bron=bron, periode_van=van, periode_tot=tot, **kwargs)


def test_niets_vastgelegd_is_open(wg, cyclus, toets):
    uitkomst = toets(wg, PB, DATUM)
    assert uitkomst.status == Status.OPEN
    assert "Nog geen cijfers van politie en brandweer" in uitkomst.toelichting
    assert uitkomst.url == "/w/de-hoek/analyse/cijfers/"
    assert toets(wg, GEM, DATUM).status == Status.OPEN


def test_zonder_cyclus_open(db, toets):
    leeg = WerkgroepFactory(slug="zonder-cyclus")
    assert toets(leeg, PB, DATUM).status == Status.OPEN
    assert "nog geen cyclus" in toets(leeg, GEM, DATUM).toelichting


def test_beide_een_heel_kalenderjaar(wg, cyclus, toets):
    cijfer(cyclus, "politie")
    cijfer(cyclus, "brandweer", soort=Cijfer.Soort.INCIDENT)
    uitkomst = toets(wg, PB, DATUM)
    assert uitkomst.status == Status.VOLDAAN
    assert uitkomst.toelichting.startswith(
        "politie: 01-01-2024 t/m 31-12-2024 (heel kalenderjaar 2024); "
        "brandweer: 01-01-2024 t/m 31-12-2024 (heel kalenderjaar 2024)."
    )
    assert "Meegeteld tot en met 01-06-2025 (toetsdatum" in uitkomst.toelichting


def test_een_dienst_ontbreekt(wg, cyclus, toets):
    cijfer(cyclus, "politie")
    uitkomst = toets(wg, PB, DATUM)
    assert uitkomst.status == Status.NIET_VOLDAAN
    assert "politie: 01-01-2024 t/m 31-12-2024 (heel kalenderjaar 2024); brandweer: ontbreekt." in uitkomst.toelichting


def test_een_dag_te_kort(wg, cyclus, toets):
    cijfer(cyclus, "politie")
    cijfer(cyclus, "brandweer", tot=dt.date(2024, 12, 30))
    uitkomst = toets(wg, PB, DATUM)
    assert uitkomst.status == Status.NIET_VOLDAAN
    assert "brandweer: 01-01-2024 t/m 30-12-2024 (langste aaneengesloten periode 365 dagen" in uitkomst.toelichting


def test_heel_jaar_maar_geen_kalenderjaar(wg, cyclus, toets):
    cijfer(cyclus, "politie", van=dt.date(2023, 3, 15), tot=dt.date(2024, 3, 14))
    cijfer(cyclus, "brandweer")
    uitkomst = toets(wg, PB, DATUM)
    assert uitkomst.status == Status.NIET_VOLDAAN
    assert "politie: 15-03-2023 t/m 14-03-2024 (een heel jaar, maar geen heel kalenderjaar" in uitkomst.toelichting


def test_aansluitende_kwartalen_tellen_samen_en_een_gat_niet(wg, cyclus, toets):
    for van, tot in [((1, 1), (3, 31)), ((4, 1), (6, 30)), ((7, 1), (9, 30)), ((10, 1), (12, 31))]:
        cijfer(cyclus, "politie", van=dt.date(2024, *van), tot=dt.date(2024, *tot))
    brandweer = cijfer(cyclus, "brandweer", tot=dt.date(2024, 6, 30))
    cijfer(cyclus, "brandweer", van=dt.date(2024, 7, 2))
    uitkomst = toets(wg, PB, DATUM)
    assert uitkomst.status == Status.NIET_VOLDAAN
    assert "politie: 01-01-2024 t/m 31-12-2024 (heel kalenderjaar 2024)" in uitkomst.toelichting
    assert "brandweer: 01-01-2024 t/m 30-06-2024 en 02-07-2024 t/m 31-12-2024" in uitkomst.toelichting
    brandweer.periode_tot = dt.date(2024, 7, 1)  # closes the one-day gap
    brandweer.save()
    assert toets(wg, PB, DATUM).status == Status.VOLDAAN


@pytest.mark.parametrize(("analyse", "status"), [(dt.date(2024, 12, 30), "niet_voldaan"), (DEC, "voldaan")])
def test_voor_de_analyse_volgens_de_conclusie(wg, cyclus, toets, analyse, status):
    cijfer(cyclus, "politie")
    cijfer(cyclus, "brandweer")
    ConclusieFactory(cyclus=cyclus, vastgesteld_op=analyse)
    uitkomst = toets(wg, PB, DATUM)
    assert uitkomst.status == status
    assert f"Meegeteld tot en met {analyse:%d-%m-%Y} (conclusie van de analyse vastgesteld)" in uitkomst.toelichting


@pytest.mark.parametrize(("datum", "status"), [(dt.date(2024, 12, 30), "niet_voldaan"), (DEC, "voldaan")])
def test_voor_de_analyse_zonder_conclusie_de_toetsdatum(wg, cyclus, toets, datum, status):
    cijfer(cyclus, "politie")
    cijfer(cyclus, "brandweer")
    ConclusieFactory(cyclus=cyclus, vastgesteld_op=None)
    assert toets(wg, PB, datum).status == status


def test_cijfers_die_pas_na_de_analyse_beginnen(wg, cyclus, toets):
    cijfer(cyclus, "politie", van=dt.date(2025, 1, 1), tot=dt.date(2025, 3, 31))
    cijfer(cyclus, "brandweer")
    ConclusieFactory(cyclus=cyclus, vastgesteld_op=dt.date(2024, 12, 31))
    uitkomst = toets(wg, PB, DATUM)
    assert uitkomst.status == Status.NIET_VOLDAAN
    assert (
        "politie: geen cijfers tot en met 31-12-2024; vastgelegd is 01-01-2025 t/m 31-03-2025" in uitkomst.toelichting
    )


def test_niet_gesplitst_in_bedrijventerrein_en_overig(wg, cyclus, toets):
    cijfer(cyclus, "politie")
    cijfer(cyclus, "politie", deelgebied=Cijfer.Deelgebied.OVERIG)
    cijfer(cyclus, "brandweer")
    assert toets(wg, PB, DATUM).status == Status.VOLDAAN  # split: bedrijventerrein + overig
    cijfer(cyclus, "brandweer", categorie="Buitenbrand", deelgebied=Cijfer.Deelgebied.ONBEKEND)
    uitkomst = toets(wg, PB, DATUM)
    assert uitkomst.status == Status.NIET_VOLDAAN
    assert "brandweer: 01-01-2024 t/m 31-12-2024 (heel kalenderjaar 2024), maar 1 cijfer niet gesplitst" in (
        uitkomst.toelichting
    )


def test_andere_cyclus_en_werkgroep_tellen_niet(wg, cyclus, toets):
    cijfer(cyclus, "politie")
    cijfer(cyclus, "brandweer")
    ander = CyclusFactory(werkgroep=WerkgroepFactory(slug="elders"))
    cijfer(ander, "gemeente", afgehandeld=1)
    assert toets(wg, GEM, DATUM).status == Status.OPEN
    CyclusFactory(werkgroep=wg, nummer=2, start=dt.date(2028, 1, 15))  # the newest cycle is judged
    assert toets(wg, PB, DATUM).status == Status.OPEN


def test_gemeente_heel_kalenderjaar_met_afgehandeld(wg, cyclus, toets):
    cijfer(cyclus, "gemeente", categorie="Zwerfvuil", aantal=60, afgehandeld=59)
    cijfer(cyclus, "gemeente", categorie="Verlichting defect", aantal=26, afgehandeld=25)
    uitkomst = toets(wg, GEM, DATUM)
    assert uitkomst.status == Status.VOLDAAN
    assert uitkomst.toelichting.startswith(
        "gemeente: 01-01-2024 t/m 31-12-2024 (heel kalenderjaar 2024); 86 meldingen, waarvan 84 afgehandeld."
    )


def test_gemeente_een_dag_te_kort(wg, cyclus, toets):
    cijfer(cyclus, "gemeente", van=dt.date(2024, 1, 2), afgehandeld=3)
    uitkomst = toets(wg, GEM, DATUM)
    assert uitkomst.status == Status.NIET_VOLDAAN
    assert "gemeente: 02-01-2024 t/m 31-12-2024" in uitkomst.toelichting
    assert "Nodig: minstens één heel kalenderjaar" in uitkomst.toelichting


def test_gemeente_een_heel_jaar_is_geen_kalenderjaar(wg, cyclus, toets):
    cijfer(cyclus, "gemeente", van=dt.date(2023, 7, 1), tot=dt.date(2024, 6, 30), afgehandeld=3)
    uitkomst = toets(wg, GEM, DATUM)
    assert uitkomst.status == Status.NIET_VOLDAAN
    assert "een heel jaar, maar geen heel kalenderjaar" in uitkomst.toelichting


def test_gemeente_zonder_afgehandeld_is_open(wg, cyclus, toets):
    cijfer(cyclus, "gemeente", aantal=12)
    cijfer(cyclus, "gemeente", categorie="Groen", aantal=4)
    uitkomst = toets(wg, GEM, DATUM)
    assert uitkomst.status == Status.OPEN
    assert "16 meldingen; bij geen enkel cijfer is vastgelegd hoeveel er al zijn afgehandeld" in uitkomst.toelichting
    assert "'waarvan afgehandeld'" in uitkomst.toelichting
    cijfer(cyclus, "gemeente", categorie="Wegdek", aantal=2, afgehandeld=0)  # 0 handled is recorded
    assert toets(wg, GEM, DATUM).status == Status.VOLDAAN


def test_beveiliging_telt_niet_voor_de_regels(wg, cyclus, toets):
    cijfer(cyclus, "beveiliging")
    cijfer(cyclus, "overig")
    assert toets(wg, PB, DATUM).status == Status.OPEN
    assert toets(wg, GEM, DATUM).status == Status.OPEN
