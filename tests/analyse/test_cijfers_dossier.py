"""``cycli[].cijfers`` in the dossier: round trip, canonical form, problems with their JSON paths."""

import copy

import pytest

from analyse.models import Cijfer
from kvo.dossier import DossierFout
from kvo.dossier.services import dossier_exporteer, dossier_importeer
from tests.dossier.conftest import MINI
from werkgroepen.models import Werkgroep

CIJFERS = [
    {
        "bron": "politie",
        "soort": "aangifte",
        "categorie": "Inbraak bedrijfspand",
        "periode_van": "2024-01-01",
        "periode_tot": "2024-12-31",
        "aantal": 12,
        "terrein": "hoek",
    },
    {
        "bron": "politie",
        "soort": "aangifte",
        "categorie": "Inbraak bedrijfspand",
        "periode_van": "2024-01-01",
        "periode_tot": "2024-12-31",
        "aantal": 5,
        "deelgebied": "overig",
    },
    {
        "bron": "brandweer",
        "categorie": "Buitenbrand",
        "periode_van": "2024-01-01",
        "periode_tot": "2024-12-31",
        "aantal": 0,
    },
    {
        "bron": "gemeente",
        "categorie": "Zwerfvuil / illegale stort",
        "periode_van": "2023-07-01",
        "periode_tot": "2024-06-30",
        "aantal": 26,
        "deelgebied": "onbekend",
        "afgehandeld": 0,
    },
]


@pytest.fixture
def dossier():
    d = copy.deepcopy(MINI)
    d["cycli"][0]["cijfers"] = copy.deepcopy(CIJFERS)
    return d


def test_round_trip(db, dossier):
    werkgroep = dossier_importeer(actor=None, dossier=copy.deepcopy(dossier))
    assert Cijfer.objects.filter(werkgroep=werkgroep).count() == 4
    gemeente = Cijfer.objects.get(bron="gemeente")
    assert (gemeente.soort, gemeente.afgehandeld, gemeente.terrein) == ("melding", 0, None)
    assert Cijfer.objects.get(aantal=12).terrein.ref == "hoek"
    assert dossier_exporteer(werkgroep=werkgroep) == dossier


def test_niet_canoniek_wordt_canoniek(db, dossier):
    dossier["cycli"][0]["cijfers"][2].update(
        soort="melding", deelgebied="bedrijventerrein", terrein=None, afgehandeld=None
    )
    werkgroep = dossier_importeer(actor=None, dossier=copy.deepcopy(dossier))
    export = dossier_exporteer(werkgroep=werkgroep)
    assert export["cycli"][0]["cijfers"][2] == CIJFERS[2]


def test_geen_cijfers_geen_sleutel(db, dossier):
    dossier["cycli"][0]["cijfers"] = []
    werkgroep = dossier_importeer(actor=None, dossier=copy.deepcopy(dossier))
    assert "cijfers" not in dossier_exporteer(werkgroep=werkgroep)["cycli"][0]


def test_problemen_met_pad_en_niets_geschreven(db, dossier):
    cijfers = dossier["cycli"][0]["cijfers"]
    cijfers[0]["terrein"] = "nergens"
    cijfers[1]["periode_tot"] = "2023-12-31"
    cijfers[2]["afgehandeld"] = 1  # of 0
    cijfers[3]["categorie"] = "x" * 121
    cijfers.append({**CIJFERS[2], "aantal": 100_001})
    with pytest.raises(DossierFout) as fout:
        dossier_importeer(actor=None, dossier=dossier)
    problemen = fout.value.problemen
    for verwacht in [
        'cycli[0].cijfers[0].terrein: onbekend bedrijventerrein "nergens"',
        "cycli[0].cijfers[1].periode_tot: ligt vóór periode_van (2024-01-01)",
        "cycli[0].cijfers[2].afgehandeld: meer dan aantal (1 > 0)",
        "cycli[0].cijfers[3].categorie: te lang (121 tekens, hoogstens 120)",
        "cycli[0].cijfers[4].aantal: hoogstens 100.000 (100001)",
    ]:
        assert verwacht in problemen, problemen
    assert not Werkgroep.objects.filter(slug=dossier["werkgroep"]["slug"]).exists()
    assert not Cijfer.objects.exists()


def test_schema_weigert_onbekende_velden(db, dossier):
    # The format allows `x-` keys in every object (shared/dossier/schema.json, as its README promises);
    # an unknown key without the prefix, or an unknown value, is still refused.
    dossier["cycli"][0]["cijfers"][0]["x-bron"] = "excel"
    dossier["cycli"][0]["cijfers"][0]["herkomst"] = "excel"
    dossier["cycli"][0]["cijfers"][1]["bron"] = "ambulance"
    with pytest.raises(DossierFout) as fout:
        dossier_importeer(actor=None, dossier=dossier)
    assert any(p.startswith("cycli[0].cijfers[0]") and "herkomst" in p for p in fout.value.problemen)
    assert not any("x-bron" in p for p in fout.value.problemen)
    assert any(p.startswith("cycli[0].cijfers[1].bron") for p in fout.value.problemen)


def test_veel_cijfers_in_bulk(db, dossier, django_assert_max_num_queries):
    dossier["cycli"][0]["cijfers"] = [{**CIJFERS[0], "categorie": f"Categorie {i}", "aantal": i} for i in range(500)]
    with django_assert_max_num_queries(30):
        werkgroep = dossier_importeer(actor=None, dossier=copy.deepcopy(dossier))
    with django_assert_max_num_queries(20):
        export = dossier_exporteer(werkgroep=werkgroep)
    assert export == dossier
