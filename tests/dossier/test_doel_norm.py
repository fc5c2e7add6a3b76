"""A goal's ``norm`` and ``blok`` in the public format (shared/dossier/schema.json): on the goal itself,
older files' ``x-doelstellingen`` still read, and ``pva.smart`` decidable for a dossier another tool
wrote to the schema (numeric ``nulmeting`` and ``streefwaarde`` measure a number)."""

import copy
import datetime as dt

import pytest
from django_scopes import scopes_disabled
from jsonschema import Draft202012Validator

from aanpak.models import Doelstelling
from kvo.dossier.schema import schema
from kvo.dossier.services import dossier_exporteer, dossier_importeer
from kvo.toets import Status, voer_toets_uit
from tests.dossier.conftest import MINI

PEILDATUM = dt.date(2025, 6, 1)

SMART = {
    "specifiek": "Minder inbraken in bedrijfspanden.",
    "acceptabel": "Ondernemers, politie en gemeente staan erachter.",
    "realistisch": "Met alarmopvolging haalbaar.",
    "tijdgebonden": "2027-12-31",
}


def _fouten(dossier) -> list[str]:
    validator = Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [f"{list(f.absolute_path)}: {f.message}" for f in validator.iter_errors(dossier)]


def _x_sleutels(waarde, pad="") -> list[str]:
    if isinstance(waarde, dict):
        return [p for k, v in waarde.items() for p in ([f"{pad}.{k}"] if k.startswith("x-") else _x_sleutels(v, k))]
    if isinstance(waarde, list):
        return [p for v in waarde for p in _x_sleutels(v, pad)]
    return []


def _met_doelen(doelen: list[dict], **plan) -> dict:
    dossier = copy.deepcopy(MINI)
    dossier["cycli"][0]["plan"] = {"doelstellingen": doelen, **plan}
    return dossier


def _importeer(dossier) -> object:
    with scopes_disabled():
        return dossier_importeer(actor=None, dossier=copy.deepcopy(dossier))


def _smart(werkgroep):
    (r,) = voer_toets_uit(werkgroep, datum=PEILDATUM, ids=["pva.smart"])
    return r.uitkomst


def _doelen(werkgroep) -> dict[str, Doelstelling]:
    with scopes_disabled():
        return {d.ref: d for d in Doelstelling.objects.filter(plan__werkgroep=werkgroep)}


def test_dossier_van_een_ander_hulpmiddel_zonder_x_sleutels_haalt_pva_smart(db):
    """Written to the schema alone: no ``norm``, no ``x-`` key, numbers for baseline and target."""
    dossier = _met_doelen(
        [
            {"ref": "inbraak", "thema": "sociale-veiligheid", "titel": "Minder inbraken",
             "meetbaar": "Aangiften van inbraak volgens de politiecijfers.", "nulmeting": 17, "streefwaarde": 12,
             **SMART},
            {"ref": "licht", "thema": "fysieke-veiligheid", "titel": "Goede verlichting",
             "meetbaar": "Aandeel ondernemers (%) dat de verlichting voldoende vindt.", "nulmeting": 38.5,
             "streefwaarde": 60, **SMART},
        ]
    )  # fmt: skip
    assert _fouten(dossier) == [] and _x_sleutels(dossier) == []
    werkgroep = _importeer(dossier)
    uitkomst = _smart(werkgroep)
    assert uitkomst.status == Status.VOLDAAN, uitkomst.toelichting
    doelen = _doelen(werkgroep)
    assert {r: d.norm for r, d in doelen.items()} == {"inbraak": "", "licht": ""}  # nothing invented on import
    assert doelen["inbraak"].soort_norm == "aantal" and doelen["licht"].soort_norm == "percentage"
    # and its export is the same file: no norm appears that the file did not have
    export = dossier_exporteer(werkgroep=werkgroep)
    assert export["cycli"][0]["plan"]["doelstellingen"] == dossier["cycli"][0]["plan"]["doelstellingen"]


@pytest.mark.parametrize(
    "doel",
    [
        {"meetbaar": "Minder aangiften.", "nulmeting": 17},  # no target
        {"meetbaar": "Minder aangiften."},  # no numbers and no norm
        {"meetbaar": "Minder aangiften.", "nulmeting": None, "streefwaarde": None, "norm": None},
    ],
)
def test_zonder_norm_en_zonder_twee_getallen_niet_smart(db, doel):
    dossier = _met_doelen([{"ref": "d", "thema": "sociale-veiligheid", "titel": "Minder inbraken", **SMART, **doel}])
    assert _fouten(dossier) == []
    uitkomst = _smart(_importeer(dossier))
    assert uitkomst.status == Status.NIET_VOLDAAN and "de soort norm" in uitkomst.toelichting


def test_norm_en_blok_op_de_doelstelling_heen_en_terug(db):
    doel = {"ref": "licht", "thema": "fysieke-veiligheid", "titel": "Goede verlichting",
            "meetbaar": "Aandeel ondernemers dat de verlichting voldoende vindt.", "norm": "percentage", "blok": 10,
            **SMART, "x-bron": {"regel": 4}}  # fmt: skip
    dossier = _met_doelen([doel])
    assert _fouten(dossier) == []  # the schema allows norm, blok and x- keys on a goal
    werkgroep = _importeer(dossier)
    d = _doelen(werkgroep)["licht"]
    assert (d.norm, d.blok) == ("percentage", 10)
    export = dossier_exporteer(werkgroep=werkgroep)
    plan = export["cycli"][0]["plan"]
    assert plan["doelstellingen"] == [doel]
    assert "x-doelstellingen" not in plan
    assert _fouten(export) == []


def test_oud_bestand_met_x_doelstellingen_wordt_nog_gelezen(db):
    """Files written before the schema had ``norm`` and ``blok`` kept them at plan level."""
    dossier = _met_doelen(
        [
            {"ref": "inbraak", "thema": "sociale-veiligheid", "titel": "Minder inbraken",
             "meetbaar": "Aangiften van inbraak.", **SMART},
            {"ref": "licht", "thema": "fysieke-veiligheid", "titel": "Goede verlichting",
             "meetbaar": "Aandeel ondernemers.", "norm": "aantal", **SMART},
        ],
        **{"x-doelstellingen": {"inbraak": {"norm": "eenmalig"}, "licht": {"norm": "percentage", "blok": 10}}},
    )  # fmt: skip
    assert _fouten(dossier) == []
    werkgroep = _importeer(dossier)
    doelen = _doelen(werkgroep)
    assert (doelen["inbraak"].norm, doelen["inbraak"].blok) == ("eenmalig", None)
    assert (doelen["licht"].norm, doelen["licht"].blok) == ("aantal", 10)  # the goal's own key wins
    assert _smart(werkgroep).status == Status.VOLDAAN
    export = dossier_exporteer(werkgroep=werkgroep)
    plan = export["cycli"][0]["plan"]
    assert "x-doelstellingen" not in plan
    assert [(d["ref"], d.get("norm"), d.get("blok")) for d in plan["doelstellingen"]] == [
        ("inbraak", "eenmalig", None),
        ("licht", "aantal", 10),
    ]
    assert _fouten(export) == []


def test_het_schema_staat_x_sleutels_in_elk_object_toe():
    """As the format's README always promised: every object with closed properties accepts ``x-`` keys."""
    gesloten = []

    def loop(knoop, pad):
        if isinstance(knoop, dict):
            if knoop.get("additionalProperties") is False and "^x-" not in knoop.get("patternProperties", {}):
                gesloten.append(pad)
            for k, v in knoop.items():
                loop(v, f"{pad}/{k}")
        elif isinstance(knoop, list):
            for i, v in enumerate(knoop):
                loop(v, f"{pad}/{i}")

    loop(schema(), "#")
    assert gesloten == []
