"""Figures from open data travel in the dossier under ``x-`` keys: a count CBS withholds stays
withheld after an export and an import (never 0), with its neighbourhood and origin."""

import copy

import pytest

from analyse.models import Cijfer
from kvo.dossier import DossierFout
from kvo.dossier.services import dossier_exporteer, dossier_importeer
from tests.dossier.conftest import MINI

CBS = [
    {
        "bron": "politie",
        "soort": "aangifte",
        "categorie": "Totaal misdrijven",
        "periode_van": "2024-01-01",
        "periode_tot": "2024-12-31",
        "aantal": 14,
        "deelgebied": "onbekend",
        "x-herkomst": "cbs",
        "x-gebied": {"code": "BU00980101", "naam": "Bedrijventerrein Molenhoek"},
    },
    {
        "bron": "politie",
        "soort": "aangifte",
        "categorie": "Diefstal/inbraak bedrijven en instellingen",
        "periode_van": "2024-01-01",
        "periode_tot": "2024-12-31",
        "aantal": 0,
        "deelgebied": "onbekend",
        "x-herkomst": "cbs",
        "x-gebied": {"code": "BU00980101", "naam": "Bedrijventerrein Molenhoek"},
        "x-afgeschermd": True,
        "x-deel_van_totaal": True,
    },
]


@pytest.fixture
def dossier():
    d = copy.deepcopy(MINI)
    d["cycli"][0]["cijfers"] = copy.deepcopy(CBS)
    return d


def test_afgeschermd_blijft_afgeschermd_na_export_en_import(db, dossier):
    werkgroep = dossier_importeer(actor=None, dossier=copy.deepcopy(dossier))
    afgeschermd = Cijfer.objects.get(werkgroep=werkgroep, afgeschermd=True)
    assert (afgeschermd.herkomst, afgeschermd.gebiedscode, afgeschermd.deel_van_totaal) == ("cbs", "BU00980101", True)
    export = dossier_exporteer(werkgroep=werkgroep)
    assert export["cycli"][0]["cijfers"] == CBS


@pytest.mark.parametrize(
    ("wijzig", "melding"),
    [
        (lambda c: c.update({"x-herkomst": "twitter"}), "x-herkomst: onbekend"),
        (lambda c: c.update({"x-gebied": "BU00980101"}), "x-gebied: verwacht"),
        (lambda c: c.update({"x-afgeschermd": "ja"}), "x-afgeschermd: verwacht true of false"),
        (lambda c: c.update({"aantal": 3}), "een afgeschermd aantal is 0"),
    ],
)
def test_onjuiste_open_data_sleutels_worden_geweigerd_met_hun_pad(db, dossier, wijzig, melding):
    wijzig(dossier["cycli"][0]["cijfers"][1])
    with pytest.raises(DossierFout) as fout:
        dossier_importeer(actor=None, dossier=dossier)
    assert any(p.startswith("cycli[0].cijfers[1]") and melding in p for p in fout.value.problemen)
