"""Every check of the Work group section of eisen.md, at its boundaries."""

import datetime as dt

import pytest

from kvo.toets import Status, geregistreerde_checks
from tests.factories import LidFactory, PartijFactory, WerkgroepFactory
from tests.werkgroepen.factories import AfsprakenFactory, BijeenkomstFactory, CommunicatieFactory
from werkgroepen.checks import IDS
from werkgroepen.models import Partij

D = dt.date
# actoren: the work group and its cycle start on 15 January 2025; year 1 ends 14 January 2026.
JAAR1_VOLTOOID = D(2026, 1, 15)
JAAR1_LOPEND = D(2025, 9, 1)


def test_elke_werkgroep_eis_heeft_een_check():
    from kvo.eisen import EISEN

    werkgroep_ids = {e.id for e in EISEN.values() if e.groep == "Werkgroep"}
    assert werkgroep_ids == set(IDS)
    assert werkgroep_ids <= set(geregistreerde_checks())


# --- meetings -------------------------------------------------------------------------------


def _bijeenkomsten(wg, n, **kwargs):
    for i in range(n):
        BijeenkomstFactory(werkgroep=wg, datum=D(2025, 3, 1) + dt.timedelta(days=30 * i), **kwargs)


def test_bijeenkomsten_twee_in_voltooid_jaar_is_niet_voldaan(wg, toets):
    _bijeenkomsten(wg, 2)
    u = toets(wg, "werkgroep.bijeenkomsten", JAAR1_VOLTOOID)
    assert u.status == Status.NIET_VOLDAAN
    assert "jaar 1: 2" in u.toelichting and "minimaal 3" in u.toelichting
    assert u.url.endswith("/w/de-hoek/bijeenkomsten/")


def test_bijeenkomsten_drie_in_voltooid_jaar_is_voldaan(wg, toets):
    _bijeenkomsten(wg, 3)
    assert toets(wg, "werkgroep.bijeenkomsten", JAAR1_VOLTOOID).status == Status.VOLDAAN


def test_bijeenkomst_zonder_notulen_of_agenda_telt_niet(wg, toets):
    _bijeenkomsten(wg, 2)
    BijeenkomstFactory(werkgroep=wg, datum=D(2025, 10, 1), notulen="")
    BijeenkomstFactory(werkgroep=wg, datum=D(2025, 10, 2), agenda=None)
    BijeenkomstFactory(werkgroep=wg, datum=D(2025, 10, 3), soort="audit")
    assert toets(wg, "werkgroep.bijeenkomsten", JAAR1_VOLTOOID).status == Status.NIET_VOLDAAN


def test_bijeenkomsten_in_lopend_jaar_open_of_voldaan(wg, toets):
    _bijeenkomsten(wg, 2)
    assert toets(wg, "werkgroep.bijeenkomsten", JAAR1_LOPEND).status == Status.OPEN
    BijeenkomstFactory(werkgroep=wg, datum=D(2025, 8, 1))
    assert toets(wg, "werkgroep.bijeenkomsten", JAAR1_LOPEND).status == Status.VOLDAAN


def test_bijeenkomsten_zonder_cyclus_open(db, toets):
    wg = WerkgroepFactory()
    assert toets(wg, "werkgroep.bijeenkomsten", JAAR1_VOLTOOID).status == Status.OPEN


# --- communication --------------------------------------------------------------------------


def test_communicatie_een_vs_twee_in_voltooid_jaar(wg, toets):
    CommunicatieFactory(werkgroep=wg, datum=D(2025, 4, 1))
    CommunicatieFactory(werkgroep=wg, datum=D(2025, 5, 1), alle_ondernemers=False)
    u = toets(wg, "werkgroep.communicatie", JAAR1_VOLTOOID)
    assert u.status == Status.NIET_VOLDAAN
    assert "jaar 1: 1" in u.toelichting and "minimaal 2" in u.toelichting
    CommunicatieFactory(werkgroep=wg, datum=D(2026, 1, 14))  # last day of year 1
    assert toets(wg, "werkgroep.communicatie", JAAR1_VOLTOOID).status == Status.VOLDAAN


def test_communicatie_lopend_jaar(wg, toets):
    CommunicatieFactory(werkgroep=wg, datum=D(2025, 4, 1))
    assert toets(wg, "werkgroep.communicatie", JAAR1_LOPEND).status == Status.OPEN
    CommunicatieFactory(werkgroep=wg, datum=D(2025, 5, 1))
    assert toets(wg, "werkgroep.communicatie", JAAR1_LOPEND).status == Status.VOLDAAN


# --- the entrepreneurs' association deadline -------------------------------------------------


@pytest.fixture
def zonder_ov(db):
    wg = WerkgroepFactory(slug="zonder-ov", gestart_op=D(2025, 1, 15))
    LidFactory(werkgroep=wg, partij=PartijFactory(werkgroep=wg, soort=Partij.Soort.GEMEENTE))
    return wg


@pytest.mark.parametrize(
    ("datum", "status"),
    [
        (D(2026, 1, 14), Status.OPEN),  # the day before the deadline
        (D(2026, 1, 15), Status.OPEN),  # one year after the start: still within
        (D(2026, 1, 16), Status.NIET_VOLDAAN),  # the day after
    ],
)
def test_ondernemersvereniging_termijn_een_jaar(zonder_ov, toets, datum, status):
    u = toets(zonder_ov, "werkgroep.ondernemersvereniging", datum)
    assert u.status == status
    assert "15-01-2026" in u.toelichting


@pytest.mark.parametrize("soort", [Partij.Soort.ONDERNEMERSVERENIGING, Partij.Soort.BELANGENBEHARTIGER])
def test_ondernemersvereniging_of_overeenkomst_voldaan(zonder_ov, toets, soort):
    PartijFactory(werkgroep=zonder_ov, soort=soort, naam="OV")
    assert toets(zonder_ov, "werkgroep.ondernemersvereniging", D(2026, 6, 1)).status == Status.VOLDAAN


def test_ondernemersvereniging_telt_pas_vanaf_oprichting(zonder_ov, toets):
    PartijFactory(werkgroep=zonder_ov, soort=Partij.Soort.ONDERNEMERSVERENIGING, opgericht_op=D(2026, 3, 1))
    assert toets(zonder_ov, "werkgroep.ondernemersvereniging", D(2026, 2, 1)).status == Status.NIET_VOLDAAN
    u = toets(zonder_ov, "werkgroep.ondernemersvereniging", D(2026, 3, 1))
    assert u.status == Status.VOLDAAN
    assert "na de termijn" in u.toelichting


# --- retention --------------------------------------------------------------------------------


@pytest.mark.parametrize(("jaren", "status"), [(None, Status.OPEN), (5, Status.NIET_VOLDAAN), (6, Status.VOLDAAN)])
def test_bewaartermijn(wg, toets, jaren, status):
    AfsprakenFactory(werkgroep=wg, bewaartermijn_jaren=jaren)
    u = toets(wg, "werkgroep.bewaartermijn", JAAR1_LOPEND)
    assert u.status == status
    if jaren:
        assert f"{jaren} jaar" in u.toelichting


def test_bewaartermijn_zonder_afspraken_open(wg, toets):
    assert toets(wg, "werkgroep.bewaartermijn", JAAR1_LOPEND).status == Status.OPEN


# --- parties, members, roles ------------------------------------------------------------------


def test_verplichte_partijen(wg, toets):
    u = toets(wg, "werkgroep.verplichte-partijen", JAAR1_VOLTOOID)
    assert u.status == Status.NIET_VOLDAAN
    assert "2 van 4" in u.toelichting and "politie" in u.toelichting and "brandweer" in u.toelichting
    LidFactory(werkgroep=wg, partij=PartijFactory(werkgroep=wg, soort=Partij.Soort.POLITIE))
    LidFactory(werkgroep=wg, partij=PartijFactory(werkgroep=wg, soort=Partij.Soort.BRANDWEER))
    assert toets(wg, "werkgroep.verplichte-partijen", JAAR1_VOLTOOID).status == Status.VOLDAAN


def test_verplichte_partijen_alleen_actieve_leden(wg, toets):
    LidFactory(werkgroep=wg, partij=PartijFactory(werkgroep=wg, soort=Partij.Soort.POLITIE))
    LidFactory(werkgroep=wg, partij=PartijFactory(werkgroep=wg, soort=Partij.Soort.BRANDWEER), lid_tot=D(2025, 12, 31))
    assert toets(wg, "werkgroep.verplichte-partijen", D(2025, 12, 31)).status == Status.VOLDAAN
    u = toets(wg, "werkgroep.verplichte-partijen", D(2026, 1, 1))
    assert u.status == Status.NIET_VOLDAAN and "brandweer" in u.toelichting


def test_verplichte_partijen_ondernemers_binnen_termijn_open(zonder_ov, toets):
    for soort in (Partij.Soort.POLITIE, Partij.Soort.BRANDWEER):
        LidFactory(werkgroep=zonder_ov, partij=PartijFactory(werkgroep=zonder_ov, soort=soort))
    assert toets(zonder_ov, "werkgroep.verplichte-partijen", D(2026, 1, 15)).status == Status.OPEN
    assert toets(zonder_ov, "werkgroep.verplichte-partijen", D(2026, 1, 16)).status == Status.NIET_VOLDAAN


def test_zonder_leden_open(db, toets):
    wg = WerkgroepFactory()
    for eis_id in (
        "werkgroep.verplichte-partijen",
        "werkgroep.ledenlijst",
        "werkgroep.rollen",
        "werkgroep.woordvoerder",
    ):
        assert toets(wg, eis_id, JAAR1_LOPEND).status == Status.OPEN, eis_id


def test_ledenlijst(wg, toets):
    u = toets(wg, "werkgroep.ledenlijst", JAAR1_LOPEND)
    assert u.status == Status.VOLDAAN
    assert "4 actieve leden" in u.toelichting


def test_rollen_ontbreken(wg, toets):
    u = toets(wg, "werkgroep.rollen", JAAR1_LOPEND)
    assert u.status == Status.NIET_VOLDAAN
    assert "2 van 4" in u.toelichting and "interne communicatie" in u.toelichting
    LidFactory(werkgroep=wg, rollen=["interne-communicatie", "externe-communicatie"])
    assert toets(wg, "werkgroep.rollen", JAAR1_LOPEND).status == Status.VOLDAAN


def test_rol_van_oud_lid_telt_niet(wg, toets):
    LidFactory(werkgroep=wg, rollen=["interne-communicatie", "externe-communicatie"], lid_tot=D(2025, 6, 1))
    assert toets(wg, "werkgroep.rollen", JAAR1_LOPEND).status == Status.NIET_VOLDAAN


def test_woordvoerder(wg, toets):
    assert toets(wg, "werkgroep.woordvoerder", JAAR1_LOPEND).status == Status.NIET_VOLDAAN
    LidFactory(werkgroep=wg, naam="Wim Woord", rollen=["woordvoerder"])
    u = toets(wg, "werkgroep.woordvoerder", JAAR1_LOPEND)
    assert u.status == Status.VOLDAAN and "Wim Woord" in u.toelichting


def test_app_beheerder(wg, toets):
    assert toets(wg, "werkgroep.app-beheerder", JAAR1_LOPEND).status == Status.NVT
    AfsprakenFactory(werkgroep=wg, communicatie_app=True)
    assert toets(wg, "werkgroep.app-beheerder", JAAR1_LOPEND).status == Status.NIET_VOLDAAN
    LidFactory(werkgroep=wg, rollen=["app-beheerder"])
    assert toets(wg, "werkgroep.app-beheerder", JAAR1_LOPEND).status == Status.VOLDAAN


def test_correspondentieadres(wg, toets):
    assert toets(wg, "werkgroep.correspondentieadres", JAAR1_LOPEND).status == Status.OPEN
    wg.adres_straat = "Dorpsstraat 1"
    wg.save()
    u = toets(wg, "werkgroep.correspondentieadres", JAAR1_LOPEND)
    assert u.status == Status.NIET_VOLDAAN and "postcode" in u.toelichting
    wg.adres_postcode, wg.adres_plaats = "1234 AB", "Voorbeeldstad"
    wg.save()
    assert toets(wg, "werkgroep.correspondentieadres", JAAR1_LOPEND).status == Status.VOLDAAN


def test_afspraken(wg, toets):
    assert toets(wg, "werkgroep.afspraken", JAAR1_LOPEND).status == Status.OPEN
    af = AfsprakenFactory(werkgroep=wg, financien="")
    u = toets(wg, "werkgroep.afspraken", JAAR1_LOPEND)
    assert u.status == Status.OPEN and "5 van 6" in u.toelichting and "financiële" in u.toelichting
    af.financien = "Uit de BIZ."
    af.bijeenkomsten_per_jaar = 2
    af.save()
    u = toets(wg, "werkgroep.afspraken", JAAR1_LOPEND)
    assert u.status == Status.NIET_VOLDAAN and "minimaal 3" in u.toelichting
    af.bijeenkomsten_per_jaar = 3
    af.save()
    assert toets(wg, "werkgroep.afspraken", JAAR1_LOPEND).status == Status.VOLDAAN
