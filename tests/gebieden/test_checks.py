"""The readiness checks of the area: statuses per eisen.md, with the numbers in the explanation."""

import datetime as dt

import pytest

from gebieden.checks import IDS
from gebieden.models import Ondernemer
from kvo.toets import Status, voer_toets_uit
from tests.factories import BedrijventerreinFactory, LidFactory


def toets(wg) -> dict:
    return {r.id: r.uitkomst for r in voer_toets_uit(wg, ids=IDS)}


def test_zonder_terrein_alles_open(wg):
    uit = toets(wg)
    assert set(uit) == set(IDS)
    assert {u.status for u in uit.values()} == {Status.OPEN}
    assert all(u.url == "/w/de-hoek/gebied/" for u in uit.values())


def test_een_terrein_clusterregels_nvt(wg, terrein):
    uit = toets(wg)
    for eis in ("cluster.max-terreinen", "cluster.een-gemeente", "cluster.vertegenwoordiging", "cluster.regie"):
        assert uit[eis].status == Status.NVT
    assert uit["gebied.kaart"].status == Status.VOLDAAN
    assert uit["gebied.max-ondernemers"].status == Status.OPEN  # nothing registered yet


@pytest.mark.parametrize(("aantal", "status"), [(600, Status.VOLDAAN), (601, Status.NIET_VOLDAAN)])
def test_max_ondernemers(wg, terrein, aantal, status):
    Ondernemer.objects.bulk_create(Ondernemer(terrein=terrein, naam=f"B{i}", ref=f"o{i}") for i in range(aantal))
    uit = toets(wg)["gebied.max-ondernemers"]
    assert uit.status == status
    assert f"{aantal} ondernemers" in uit.toelichting and "maximaal 600" in uit.toelichting


@pytest.mark.parametrize(("aantal", "status"), [(4, Status.VOLDAAN), (5, Status.NIET_VOLDAAN)])
def test_max_terreinen(wg, aantal, status):
    BedrijventerreinFactory.create_batch(aantal, werkgroep=wg)
    uit = toets(wg)["cluster.max-terreinen"]
    assert uit.status == status
    assert f"{aantal} bedrijventerreinen, maximaal 4" in uit.toelichting


def test_een_gemeente(wg, terrein):
    BedrijventerreinFactory(werkgroep=wg, gemeente="voorbeeldstad")
    assert toets(wg)["cluster.een-gemeente"].status == Status.VOLDAAN
    BedrijventerreinFactory(werkgroep=wg, gemeente="Anderstad")
    uit = toets(wg)["cluster.een-gemeente"]
    assert uit.status == Status.NIET_VOLDAAN
    assert "2 gemeenten (Voorbeeldstad, Anderstad)" in uit.toelichting


def test_regie(wg, terrein):
    BedrijventerreinFactory(werkgroep=wg)
    assert toets(wg)["cluster.regie"].status == Status.NIET_VOLDAAN
    wg.regie_organisatie = "Parkmanagement Zuid"
    wg.save()
    uit = toets(wg)["cluster.regie"]
    assert uit.status == Status.VOLDAAN and "Parkmanagement Zuid" in uit.toelichting


def test_vertegenwoordiging(wg, terrein):
    noord = BedrijventerreinFactory(werkgroep=wg, naam="Noord")
    LidFactory(werkgroep=wg, terrein=terrein)
    oud = LidFactory(werkgroep=wg, terrein=noord, lid_tot=dt.date(2020, 1, 1))
    uit = toets(wg)["cluster.vertegenwoordiging"]
    assert uit.status == Status.NIET_VOLDAAN
    assert "1 van 2 terreinen" in uit.toelichting and "Noord" in uit.toelichting
    oud.lid_tot = None
    oud.save()
    assert toets(wg)["cluster.vertegenwoordiging"].status == Status.VOLDAAN


def test_vertegenwoordiger_van_andere_werkgroep_telt_niet(wg, actoren, terrein):
    BedrijventerreinFactory(werkgroep=wg, naam="Noord")
    LidFactory(werkgroep=wg, terrein=terrein)
    LidFactory(werkgroep=actoren.anderewerkgroep, terrein=wg.terreinen.get(naam="Noord"))
    assert toets(wg)["cluster.vertegenwoordiging"].status == Status.NIET_VOLDAAN


def test_kaart(wg, terrein):
    zonder = BedrijventerreinFactory(werkgroep=wg, naam="Zonder", grens=None)
    uit = toets(wg)["gebied.kaart"]
    assert uit.status == Status.OPEN and "1 van 2" in uit.toelichting and "Zonder" in uit.toelichting
    zonder.grens = {"type": "Polygon", "coordinates": [[[5, 52], [5.1, 52.1], [5.1, 52], [5, 52.1], [5, 52]]]}
    zonder.save()
    assert toets(wg)["gebied.kaart"].status == Status.NIET_VOLDAAN
