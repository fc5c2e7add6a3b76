"""The survey's content checks at each boundary: a theme at its minimum − 1 and at its minimum, an open
question missing and present, open questions not counting toward their theme, one park and two."""

import datetime as dt

import pytest

from analyse.models import Enquete
from analyse.services.enquete import enquete_blok_zet, enquete_maak, vraag_verwijder
from kvo.toets import Status, voer_toets_uit
from tests.analyse.factories import EnqueteUitnodigingFactory
from tests.factories import BedrijventerreinFactory, CyclusFactory, OndernemerFactory, WerkgroepFactory

DATUM = dt.date(2025, 6, 1)
URL = "/w/de-hoek/analyse/enquete/"


@pytest.fixture
def enquete(cyclus):
    return enquete_maak(actor=None, cyclus=cyclus)


def verstuur(enquete, op=dt.date(2025, 3, 1)):
    Enquete.objects.filter(pk=enquete.pk).update(geopend_op=op, gesloten_op=op + dt.timedelta(days=28))


def zet(enquete, blok, aan):
    enquete_blok_zet(actor=None, enquete=enquete, blok=blok, aan=aan)


# --- enquete.minimum-blokken --------------------------------------------------------------


def test_minimum_open_zonder_cyclus_of_enquete(wg, toets):
    uitkomst = toets(wg, "enquete.minimum-blokken", DATUM)
    assert uitkomst.status == Status.OPEN
    assert uitkomst.toelichting == "Er is nog geen enquête opgezet voor cyclus 1."
    assert uitkomst.url == URL
    zonder = WerkgroepFactory(slug="zonder-cyclus")
    assert toets(zonder, "enquete.minimum-blokken", DATUM).toelichting.startswith("Er is nog geen cyclus gestart")


def test_minimum_voldaan_met_de_standaardvragen(wg, enquete, toets):
    uitkomst = toets(wg, "enquete.minimum-blokken", DATUM)
    assert uitkomst.status == Status.VOLDAAN
    assert uitkomst.toelichting.startswith(
        "20 van minimaal 20 blokken; Sociale veiligheid 2/2; Fysieke veiligheid 3/3;"
    )
    assert "Calamiteit 1/1" in uitkomst.toelichting and uitkomst.url == URL


def test_thema_op_minimum_min_een_in_concept_is_open(wg, enquete, toets):
    zet(enquete, 12, False)  # Fysieke veiligheid: 10, 14 left of the minimum 3
    uitkomst = toets(wg, "enquete.minimum-blokken", DATUM)
    assert uitkomst.status == Status.OPEN
    assert uitkomst.toelichting == (
        "19 van minimaal 20 blokken; tekort bij Fysieke veiligheid 2/3 (1 te weinig). "
        "De enquête is nog een concept en kan nog worden aangepast."
    )
    zet(enquete, 11, True)  # back at the minimum with another block
    assert toets(wg, "enquete.minimum-blokken", DATUM).status == Status.VOLDAAN


def test_thema_op_minimum_min_een_na_versturen_niet_voldaan(wg, enquete, toets):
    zet(enquete, 12, False)
    zet(enquete, 42, False)
    verstuur(enquete)
    uitkomst = toets(wg, "enquete.minimum-blokken", DATUM)
    assert uitkomst.status == Status.NIET_VOLDAAN
    assert uitkomst.toelichting == (
        "18 van minimaal 20 blokken; tekort bij Fysieke veiligheid 2/3 (1 te weinig), "
        "Communicatie 1/2 (1 te weinig). De enquête is verstuurd op 01-03-2025."
    )


def test_open_vraag_telt_niet_mee_voor_het_thema(wg, enquete, toets):
    """Fysieke veiligheid with 10, 14 and the open question 16 is still one short."""
    zet(enquete, 12, False)
    assert 16 in Enquete.objects.get(pk=enquete.pk).blokken
    assert "Fysieke veiligheid 2/3" in toets(wg, "enquete.minimum-blokken", DATUM).toelichting


def test_blok_zonder_vragen_telt_niet_mee(wg, enquete, toets):
    for vraag in enquete.vragen.filter(blok=41):
        vraag_verwijder(actor=None, vraag=vraag)
    uitkomst = toets(wg, "enquete.minimum-blokken", DATUM)
    assert uitkomst.status == Status.OPEN and "Cyberweerbaarheid 0/1 (1 te weinig)" in uitkomst.toelichting


# --- enquete.open-vragen ------------------------------------------------------------------


def test_open_vragen_compleet(wg, enquete, toets):
    uitkomst = toets(wg, "enquete.open-vragen", DATUM)
    assert (uitkomst.status, uitkomst.toelichting) == (
        Status.VOLDAAN,
        "De open vragen 16, 23 en 33 staan in de enquête.",
    )


def test_open_vraag_23_ontbreekt_in_concept_en_na_versturen(wg, enquete, toets):
    zet(enquete, 23, False)
    uitkomst = toets(wg, "enquete.open-vragen", DATUM)
    assert uitkomst.status == Status.OPEN
    assert uitkomst.toelichting.startswith(
        "2 van de 3 verplichte open vragen staan in de enquête; ontbreekt: open vraag 23 (Onderhoud en beheer)."
    )
    verstuur(enquete)
    uitkomst = toets(wg, "enquete.open-vragen", DATUM)
    assert uitkomst.status == Status.NIET_VOLDAAN and "open vraag 23" in uitkomst.toelichting
    assert uitkomst.url == URL


def test_open_vragen_open_zonder_enquete(wg, toets):
    assert toets(wg, "enquete.open-vragen", DATUM).status == Status.OPEN


# --- enquete.cluster-gelijk ---------------------------------------------------------------


def test_cluster_gelijk_nvt_voor_een_terrein(wg, enquete, toets):
    BedrijventerreinFactory(werkgroep=wg, naam="De Hoek")
    uitkomst = toets(wg, "enquete.cluster-gelijk", DATUM)
    assert uitkomst.status == Status.NVT
    assert uitkomst.toelichting == "Het gebied is één bedrijventerrein (De Hoek), geen cluster."


def test_cluster_gelijk_open_zonder_terrein(wg, toets):
    assert toets(wg, "enquete.cluster-gelijk", DATUM).status == Status.OPEN


@pytest.fixture
def cluster(wg):
    noord = BedrijventerreinFactory(werkgroep=wg, naam="Noord")
    zuid = BedrijventerreinFactory(werkgroep=wg, naam="Zuid")
    leeg = BedrijventerreinFactory(werkgroep=wg, naam="Zonder ondernemers")
    return {
        "noord": [OndernemerFactory(terrein=noord) for _ in range(3)],
        "zuid": [OndernemerFactory(terrein=zuid) for _ in range(2)],
        "leeg": leeg,
    }


def test_cluster_gelijk_open_voor_versturen(wg, enquete, cluster, toets):
    uitkomst = toets(wg, "enquete.cluster-gelijk", DATUM)
    assert uitkomst.status == Status.OPEN and "alle 3 terreinen" in uitkomst.toelichting


def test_cluster_gelijk_niet_voldaan_als_een_terrein_geen_uitnodigingen_heeft(wg, enquete, cluster, toets):
    verstuur(enquete)
    for o in cluster["noord"]:
        EnqueteUitnodigingFactory(enquete=enquete, ondernemer=o)
    uitkomst = toets(wg, "enquete.cluster-gelijk", DATUM)
    assert uitkomst.status == Status.NIET_VOLDAAN
    assert "geen uitnodigingen op Zuid (2 ondernemers)" in uitkomst.toelichting
    assert "Noord: 3 van 3; Zuid: 0 van 2" in uitkomst.toelichting


def test_cluster_gelijk_voldaan_als_elk_terrein_met_ondernemers_uitnodigingen_heeft(wg, enquete, cluster, toets):
    verstuur(enquete)
    for o in cluster["noord"] + cluster["zuid"][:1]:
        EnqueteUitnodigingFactory(enquete=enquete, ondernemer=o)
    uitkomst = toets(wg, "enquete.cluster-gelijk", DATUM)
    assert uitkomst.status == Status.VOLDAAN
    assert uitkomst.toelichting.startswith("Eén enquête voor alle 2 terreinen met ondernemers, verstuurd op 01-03-2025")


def test_cluster_gelijk_telt_alleen_uitnodigingen_van_deze_cyclus(wg, enquete, cluster, toets):
    verstuur(enquete)
    andere = enquete_maak(actor=None, cyclus=CyclusFactory(werkgroep=wg, nummer=2, start=dt.date(2028, 1, 15)))
    for o in cluster["noord"] + cluster["zuid"]:
        EnqueteUitnodigingFactory(enquete=andere, ondernemer=o)
    (resultaat,) = voer_toets_uit(wg, cyclus=enquete.cyclus, datum=DATUM, ids=["enquete.cluster-gelijk"])
    assert resultaat.status == Status.NIET_VOLDAAN
