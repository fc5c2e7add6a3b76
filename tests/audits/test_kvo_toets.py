"""manage.py kvo_toets: JSON shape, --datum, --cyclus, text output and Dutch errors."""

import io
import json

import pytest
import time_machine
from django.core.management import CommandError, call_command

from kvo.eisen import EISEN
from tests.factories import CyclusFactory
from werkgroepen.models import Cyclus


def toets(*args) -> str:
    uit = io.StringIO()
    call_command("kvo_toets", *args, stdout=uit)
    return uit.getvalue()


@time_machine.travel("2026-03-01 12:00 +0100", tick=False)
def test_json_vorm(actoren):
    uit = json.loads(toets("de-hoek"))
    assert set(uit) == {"werkgroep", "cyclus", "datum", "eisen"}
    assert uit["werkgroep"] == "de-hoek"
    assert uit["cyclus"] == 1
    assert uit["datum"] == "2026-03-01"
    assert [e["id"] for e in uit["eisen"]] == list(EISEN)
    for eis in uit["eisen"]:
        assert set(eis) == {"id", "status", "toelichting"}
        assert eis["status"] in {"voldaan", "niet_voldaan", "nvt", "open"}
        assert eis["toelichting"]


def test_datum_en_cyclus(actoren):
    CyclusFactory(werkgroep=actoren.werkgroep, nummer=2, soort=Cyclus.Soort.OPVOLGENDE, start="2028-01-15")
    assert json.loads(toets("de-hoek"))["cyclus"] == 2  # latest by default
    uit = json.loads(toets("de-hoek", "--cyclus", "1", "--datum", "2025-06-30"))
    assert uit["cyclus"] == 1
    assert uit["datum"] == "2025-06-30"


def test_tekst_per_groep(actoren):
    uit = toets("de-hoek", "--format", "text", "--datum", "2026-01-01")
    assert "Handboektoets KVO De Hoek" in uit
    assert "per 01-01-2026" in uit
    assert "GEBIED" in uit and "AUDIT EN CERTIFICAAT" in uit
    assert "Totaal:" in uit


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (["bestaat-niet"], 'Onbekende werkgroep "bestaat-niet"'),
        (["de-hoek", "--cyclus", "7"], "heeft geen cyclus 7"),
        (["de-hoek", "--datum", "31-12-2025"], "Ongeldige datum"),
    ],
)
def test_fouten(actoren, args, melding):
    with pytest.raises(CommandError, match=melding):
        toets(*args)
