"""The demo never ages: ``kvo_demo`` moves the demo's dates to today (demo/verschuif.py), so
loaded today, in 400 days or in 800 days it gives every rule of the handbook the same status."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from django_scopes import scopes_disabled

from aanpak import kwartalen
from audits.models import Audit
from demo import genereer_aanpak
from demo.management.commands.kvo_demo import demo_bestanden
from demo.verschuif import REFERENTIEDATUM, verschuif, verschuiving
from kvo.dossier.schema import schemafouten
from werkgroepen.models import Werkgroep

SLUGS = ("venekoten", "wolvega", "twentekanaal")  # twentekanaal: the PVO group (issue 23)
_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _statussen(slug: str, datum: dt.date | None = None) -> dict[str, str]:
    uit = io.StringIO()
    call_command("kvo_toets", slug, *(["--datum", datum.isoformat()] if datum else []), stdout=uit)
    return {e["id"]: e["status"] for e in json.loads(uit.getvalue())["eisen"]}


def test_zelfde_toetsuitslag_vandaag_over_400_en_800_dagen(db):
    vandaag = timezone.localdate()
    uitslagen = {}
    for dagen in (0, 400, 800):
        dag = vandaag + dt.timedelta(days=dagen)
        with time_machine.travel(dt.datetime.combine(dag, dt.time(10), tzinfo=timezone.get_current_timezone())):
            uit = io.StringIO()
            call_command("kvo_demo", "--zonder-documentenset", stdout=uit)
            verschoven = verschuiving(dag)
            assert f"{verschoven} dagen opgeschoven" in uit.getvalue()
            with scopes_disabled():
                audit = Audit.objects.get(werkgroep__slug="wolvega")
                assert audit.datum == dt.date(2026, 11, 12) + dt.timedelta(days=verschoven)
                assert audit.datum.weekday() == dt.date(2026, 11, 12).weekday()
                assert Werkgroep.objects.get(slug="wolvega").toets_berekend_op.date() == dag
            uitslagen[dagen] = {slug: _statussen(slug) for slug in SLUGS}
            if dagen == 0:
                # Rounding to whole weeks leaves the demo 0 to 6 days older than on its reference date;
                # its story is the same on each of those days, so this test holds whichever day it runs.
                for leeftijd in range(7):
                    datum = REFERENTIEDATUM + dt.timedelta(days=verschoven + leeftijd)
                    for slug in SLUGS:
                        assert _statussen(slug, datum) == uitslagen[0][slug], (slug, leeftijd)
    assert uitslagen[0]["wolvega"] and uitslagen[0]["venekoten"]
    for dagen in (400, 800):
        for slug in SLUGS:
            anders = {
                eis: (status, uitslagen[dagen][slug].get(eis))
                for eis, status in uitslagen[0][slug].items()
                if uitslagen[dagen][slug].get(eis) != status
            }
            assert not anders, f"{slug} over {dagen} dagen: {anders}"


@pytest.mark.parametrize(
    ("vandaag", "dagen"),
    [
        (REFERENTIEDATUM, 0),
        (REFERENTIEDATUM + dt.timedelta(days=6), 0),  # rounded down: never moved into its own future
        (REFERENTIEDATUM + dt.timedelta(days=7), 7),
        (REFERENTIEDATUM + dt.timedelta(days=400), 399),
        (REFERENTIEDATUM - dt.timedelta(days=1), -7),
    ],
)
def test_verschuiving_in_hele_weken(vandaag, dagen):
    assert verschuiving(vandaag) == dagen
    assert dagen % 7 == 0 and 0 <= (vandaag - REFERENTIEDATUM).days - dagen < 7


def test_referentiedatum_is_die_van_de_generator():
    assert REFERENTIEDATUM == genereer_aanpak.VANDAAG


def _waarden(waarde, pad=""):
    if isinstance(waarde, dict):
        for k, v in waarde.items():
            yield from _waarden(v, f"{pad}.{k}")
    elif isinstance(waarde, list):
        for v in waarde:
            yield from _waarden(v, f"{pad}[]")
    else:
        yield pad, waarde


@pytest.mark.parametrize("bestand", demo_bestanden(), ids=lambda p: p.stem)
def test_elke_datum_verschuift_en_niets_anders(bestand):
    """The schema decides what is a date: in the demo that is every value shaped like one, and only
    those; a quarter moves with its cycle and keeps its year of the cycle."""
    dossier = json.loads(bestand.read_text(encoding="utf-8"))
    dagen = 399
    verschoven = verschuif(dossier, dagen)
    assert not schemafouten(verschoven)
    oud, nieuw = list(_waarden(dossier)), list(_waarden(verschoven))
    assert [p for p, _ in oud] == [p for p, _ in nieuw]
    aantal = {"datum": 0, "kwartaal": 0}
    for (pad, a), (_, b) in zip(oud, nieuw, strict=True):
        if isinstance(a, str) and _DATUM.match(a):
            assert dt.date.fromisoformat(b) - dt.date.fromisoformat(a) == dt.timedelta(days=dagen), pad
            aantal["datum"] += 1
        elif isinstance(a, str) and kwartalen.PATROON.match(a):
            aantal["kwartaal"] += 1
        else:
            assert a == b, pad
    # a quarter keeps its year of its own cycle (Heerenveen has three cycles, each with a plan)
    for c_oud, c_nieuw in zip(dossier["cycli"], verschoven["cycli"], strict=True):
        start_oud, start_nieuw = (dt.date.fromisoformat(c["start"]) for c in (c_oud, c_nieuw))
        for (pad, a), (_, b) in zip(_waarden(c_oud), _waarden(c_nieuw), strict=True):
            if isinstance(a, str) and kwartalen.PATROON.match(a):
                assert kwartalen.jaar_van(start_nieuw, b) == kwartalen.jaar_van(start_oud, a) is not None, (pad, a, b)
    assert aantal["datum"] > 100 and (aantal["kwartaal"] > 0) == ("plan" in dossier["cycli"][-1])
    assert verschuif(dossier, 0) == dossier
    assert json.loads(bestand.read_text(encoding="utf-8")) == dossier  # the original is left alone


def test_datum_tijd_houdt_tijd_en_zone(monkeypatch):
    schema = {
        "type": "object",
        "properties": {"op": {"$ref": "#/$defs/moment"}, "lijst": {"type": "array", "items": {"format": "date"}}},
        "patternProperties": {"^x-": {}},
        "$defs": {"moment": {"anyOf": [{"type": "string", "format": "date-time"}, {"type": "null"}]}},
    }
    monkeypatch.setattr("demo.verschuif.dossier_schema", lambda: schema)
    uit = verschuif(
        {"op": "2026-11-30T23:30:00+01:00", "lijst": ["2026-12-31"], "x-op": "2026-01-01", "leeg": "2026-01-01"}, 7
    )
    assert uit == {
        "op": "2026-12-07T23:30:00+01:00",
        "lijst": ["2027-01-07"],
        "x-op": "2026-01-01",
        "leeg": "2026-01-01",
    }
