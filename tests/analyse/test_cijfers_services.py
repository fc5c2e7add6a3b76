"""Writing incident figures: one set of rules, each at its boundary; a log line per change."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from analyse.cijferregels import MAX_AANTAL, valideer
from analyse.models import Cijfer
from analyse.services.cijfers import cijfer_maak, cijfer_verwijder, cijfer_wijzig
from tests.analyse.factories import CijferFactory
from tests.factories import BedrijventerreinFactory, WerkgroepFactory
from werkgroepen.models import Logregel

VANDAAG = dt.date(2025, 6, 1)
pytestmark = pytest.mark.usefixtures("_klok")


@pytest.fixture
def _klok():
    with time_machine.travel(dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC), tick=False):
        yield


def gegevens(**kwargs):
    basis = {
        "bron": "politie",
        "soort": "aangifte",
        "categorie": "Inbraak bedrijfspand",
        "periode_van": dt.date(2024, 1, 1),
        "periode_tot": dt.date(2024, 12, 31),
        "aantal": 12,
        "deelgebied": "bedrijventerrein",
        "terrein": None,
        "afgehandeld": None,
    }
    return {**basis, **kwargs}


def test_maak_wijzig_verwijder_met_logregels(actoren, cyclus):
    terrein = BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam="De Hoek")
    cijfer = cijfer_maak(
        actor=actoren.lid, cyclus=cyclus, **gegevens(categorie="  Inbraak   bedrijfspand ", terrein=terrein)
    )
    assert cijfer.werkgroep == actoren.werkgroep and cijfer.cyclus == cyclus
    assert cijfer.categorie == "Inbraak bedrijfspand"
    cijfer_wijzig(actor=actoren.lid, cijfer=cijfer, **gegevens(aantal=13, deelgebied="overig"))
    cijfer.refresh_from_db()
    assert (cijfer.aantal, cijfer.deelgebied, cijfer.terrein) == (13, "overig", None)
    cijfer_verwijder(actor=actoren.lid, cijfer=cijfer)
    assert not Cijfer.objects.exists()
    regels = list(
        Logregel.objects.filter(werkgroep=actoren.werkgroep).order_by("pk").values_list("actie", "omschrijving")
    )
    assert [a for a, _ in regels] == ["cijfer.vastgelegd", "cijfer.gewijzigd", "cijfer.verwijderd"]
    assert regels[0][1] == "Cijfer vastgelegd: politie, Inbraak bedrijfspand, 01-01-2024 t/m 31-12-2024: 12"


def fouten(wg, **kwargs):
    return valideer(werkgroep=wg, vandaag=VANDAAG, **gegevens(**kwargs))


def test_periode_einde_niet_voor_begin(wg):
    assert fouten(wg, periode_van=dt.date(2024, 5, 1), periode_tot=dt.date(2024, 5, 1)) == {}  # one day is fine
    assert fouten(wg, periode_van=dt.date(2024, 5, 2), periode_tot=dt.date(2024, 5, 1)) == {
        "periode_tot": ["01-05-2024 ligt vóór het begin van de periode (02-05-2024)"]
    }


def test_niet_in_de_toekomst(wg):
    assert fouten(wg, periode_tot=VANDAAG) == {}
    assert fouten(wg, periode_tot=VANDAAG + dt.timedelta(days=1)) == {
        "periode_tot": ["02-06-2025 ligt in de toekomst (vandaag is 01-06-2025)"]
    }


def test_niet_voor_2000(wg):
    assert fouten(wg, periode_van=dt.date(2000, 1, 1)) == {}
    assert fouten(wg, periode_van=dt.date(24, 1, 1))["periode_van"] == [
        "01-01-0024 ligt vóór 2000; controleer het jaartal"
    ]


def test_afgehandeld_niet_meer_dan_aantal(wg):
    assert fouten(wg, aantal=12, afgehandeld=12) == {}
    assert fouten(wg, aantal=12, afgehandeld=0) == {}
    assert fouten(wg, aantal=12, afgehandeld=13) == {"afgehandeld": ["13 afgehandeld is meer dan het aantal (12)"]}


def test_aantallen_begrensd(wg):
    assert fouten(wg, aantal=0) == {}
    assert fouten(wg, aantal=MAX_AANTAL) == {}
    assert fouten(wg, aantal=MAX_AANTAL + 1) == {"aantal": ["100.001 is meer dan het maximum van 100.000"]}
    assert fouten(wg, aantal=-1) == {"aantal": ["-1 is negatief; vul 0 tot en met 100.000 in"]}
    assert "afgehandeld" in fouten(wg, aantal=5, afgehandeld=MAX_AANTAL + 1)


@pytest.mark.parametrize(
    ("categorie", "goed"),
    [
        ("Vernieling", True),
        ("AB", True),
        ("A", False),
        ("12", False),
        ("--", False),
        ("   ", False),
        ("x" * 121, False),
    ],
)
def test_een_zinnige_categorie(wg, categorie, goed):
    assert ("categorie" not in fouten(wg, categorie=categorie)) is goed


def test_keuzes_en_terrein_van_de_eigen_werkgroep(wg):
    assert fouten(wg, bron="ambulance") == {"bron": ["onbekende bron 'ambulance'"]}
    assert "soort" in fouten(wg, soort="klacht")
    assert "deelgebied" in fouten(wg, deelgebied="stad")
    elders = BedrijventerreinFactory(werkgroep=WerkgroepFactory(slug="elders"))
    assert fouten(wg, terrein=elders) == {"terrein": ["dit bedrijventerrein hoort niet bij deze werkgroep"]}
    assert fouten(wg, terrein=BedrijventerreinFactory(werkgroep=wg)) == {}


def test_service_weigert_en_schrijft_niets(actoren, cyclus):
    with pytest.raises(ValidationError) as fout:
        cijfer_maak(actor=actoren.lid, cyclus=cyclus, **gegevens(aantal=3, afgehandeld=4))
    assert fout.value.messages == ["Waarvan afgehandeld: 4 afgehandeld is meer dan het aantal (3)"]
    with pytest.raises(ValidationError):
        cijfer_maak(actor=actoren.lid, cyclus=cyclus, **gegevens(periode_tot=dt.date(2025, 6, 2)))
    assert not Cijfer.objects.exists()
    assert not Logregel.objects.exists()


def test_hetzelfde_cijfer_niet_twee_keer(actoren, cyclus):
    eerste = cijfer_maak(actor=actoren.lid, cyclus=cyclus, **gegevens())
    with pytest.raises(ValidationError) as fout:
        cijfer_maak(actor=actoren.lid, cyclus=cyclus, **gegevens(categorie="inbraak BEDRIJFSPAND"))
    assert (
        "Dit cijfer staat er al (politie, Inbraak bedrijfspand, 01-01-2024 t/m 31-12-2024: 12)"
        in fout.value.messages[0]
    )
    cijfer_maak(actor=actoren.lid, cyclus=cyclus, **gegevens(deelgebied="overig"))  # the other half of a split
    cijfer_wijzig(actor=actoren.lid, cijfer=eerste, **gegevens(aantal=14))  # itself is no duplicate
    CijferFactory(cyclus=cyclus, bron="gemeente")
    assert Cijfer.objects.count() == 3
