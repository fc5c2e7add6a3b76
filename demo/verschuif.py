"""The demo never ages: ``kvo_demo`` moves every date of the demo dossiers to today.

The demo dossiers tell their story as of ``REFERENTIEDATUM`` (the demo's "today" in
``genereer_aanpak.py``): a survey that is still open, an audit whose supplement is due, measures
that are planned. Loaded a year later as they are, that story would have run out (deadlines passed,
the survey closed, rules turned "niet voldaan"). So before the import every date moves forward by
the number of days between the reference date and today, rounded down to whole weeks:

- whole weeks keep every date on its weekday (a meeting on a Monday stays on a Monday; nothing lands
  in a weekend that was not there already);
- rounding down means the demo is at most six days "older" than on its reference date, never younger:
  nothing that had happened by then moves into the future.

Quarters (``2025-Q3``, the columns of the measures matrix: a string whose schema ``pattern`` is
``KWARTAAL``) move with their cycle: the n-th quarter of the cycle (``aanpak.kwartalen.van_cyclus``)
stays the n-th of the moved cycle, so every measure keeps its year of the cycle. A quarter outside
a cycle (or outside its cycle's twelve) becomes the quarter its first day moves into.

Which values are dates comes from the dossier schema (``kvo/dossier/schema.json``): every string
whose schema says ``"format": "date"`` or ``"date-time"``, through ``$ref``, ``properties``,
``patternProperties``, ``additionalProperties``, ``items`` and ``allOf``/``anyOf``/``oneOf``. Only
the date part (the first ten characters) changes, so a date-time keeps its time and offset. Free
text that mentions a date ("audit op 12 november") and identifiers with a year in them
(``b2025-12``) are not rewritten. Under ``x-`` keys, which the schema leaves free (PVO's records,
issue 23), a value is a date by its name: a plain ``YYYY-MM-DD`` under a key whose name (without the
``x-``) ends in ``_op`` or ``-op`` (``gepland_op``, ``x-capaciteit-toegezegd-op``, not ``x-op``);
anything else there stays as it is.
"""

from __future__ import annotations

import copy
import datetime as dt
import re

from aanpak import kwartalen
from kvo.dossier.schema import schema as dossier_schema

REFERENTIEDATUM = dt.date(2026, 11, 25)  # the demo's "today" (``genereer_aanpak.VANDAAG``)
DATUMFORMATEN = frozenset({"date", "date-time"})
KWARTAAL = "^[0-9]{4}-Q[1-4]$"  # the schema's pattern of a quarter
_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}")
_ALLEEN_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def verschuiving(vandaag: dt.date, *, referentie: dt.date = REFERENTIEDATUM) -> int:
    """The days to move the demo by: ``vandaag - referentie`` rounded down to whole weeks (may be negative)."""
    return (vandaag - referentie).days // 7 * 7


def verschuif(dossier: dict, dagen: int) -> dict:
    """A copy of ``dossier`` with every date-typed value (by the schema) ``dagen`` days later."""
    uit = copy.deepcopy(dossier)
    if dagen:
        wortel = dossier_schema()
        _loop(uit, _resolve(wortel, wortel), wortel, dt.timedelta(days=dagen), {})
    return uit


def _resolve(knoop, wortel: dict) -> list[dict]:
    """The schema node and the nodes it combines (``$ref``, ``allOf``/``anyOf``/``oneOf``), flattened."""
    if not isinstance(knoop, dict):
        return []
    uit = [knoop]
    if "$ref" in knoop:
        doel = wortel
        for deel in knoop["$ref"].removeprefix("#/").split("/"):
            doel = doel[deel.replace("~1", "/").replace("~0", "~")]
        uit += _resolve(doel, wortel)
    for sleutel in ("allOf", "anyOf", "oneOf"):
        for deel in knoop.get(sleutel, []):
            uit += _resolve(deel, wortel)
    return uit


def _voor_sleutel(knopen: list[dict], sleutel: str) -> list:
    uit = []
    for knoop in knopen:
        if sleutel in knoop.get("properties", {}):
            uit.append(knoop["properties"][sleutel])
            continue
        patronen = [s for p, s in knoop.get("patternProperties", {}).items() if re.search(p, sleutel)]
        if patronen:
            uit += patronen
        elif isinstance(knoop.get("additionalProperties"), dict):
            uit.append(knoop["additionalProperties"])
    return uit


def _voor_element(knopen: list[dict], index: int) -> list:
    uit = []
    for knoop in knopen:
        vast = knoop.get("prefixItems", [])
        if index < len(vast):
            uit.append(vast[index])
        elif isinstance(knoop.get("items"), dict):
            uit.append(knoop["items"])
    return uit


def _is_datum(knopen: list[dict]) -> bool:
    return any(k.get("format") in DATUMFORMATEN for k in knopen)


def _is_kwartaal(knopen: list[dict]) -> bool:
    return any(k.get("pattern") == KWARTAAL for k in knopen)


def _kwartalen_van(oud: str, nieuw: str) -> dict[str, str]:
    """Quarter → quarter for a cycle that moves from start ``oud`` to ``nieuw``: the n-th stays the n-th."""
    van, naar = (kwartalen.van_cyclus(dt.date.fromisoformat(d[:10])) for d in (oud, nieuw))
    return {a.code: b.code for a, b in zip(van, naar, strict=True)}


def _nieuw(waarde, knopen: list[dict], delta: dt.timedelta, cyclus: dict[str, str]):
    if not isinstance(waarde, str):
        return waarde
    if _is_datum(knopen) and _DATUM.match(waarde):
        return (dt.date.fromisoformat(waarde[:10]) + delta).isoformat() + waarde[10:]
    if _is_kwartaal(knopen) and re.match(KWARTAAL, waarde):
        return cyclus.get(waarde) or kwartalen.code_van(kwartalen.eerste_dag(waarde) + delta)
    return waarde


def _loop(waarde, knopen: list[dict], wortel: dict, delta: dt.timedelta, cyclus: dict[str, str]) -> None:
    """Walk ``waarde`` (described by the resolved schema ``knopen``), moving the dates in place.

    ``cyclus`` maps the quarters of the cycle being walked (an object with a date ``start``)."""
    if isinstance(waarde, dict):
        start = waarde.get("start")
        if isinstance(start, str) and _DATUM.match(start) and _is_datum(_onder(knopen, "start", wortel)):
            cyclus = _kwartalen_van(start, (dt.date.fromisoformat(start[:10]) + delta).isoformat())
        delen = ((sleutel, _voor_sleutel(knopen, sleutel)) for sleutel in list(waarde))
    elif isinstance(waarde, list):
        delen = ((index, _voor_element(knopen, index)) for index in range(len(waarde)))
    else:
        return
    for plek, subschemas in delen:
        if isinstance(plek, str) and plek.startswith("x-"):
            waarde[plek] = _vrij(plek, waarde[plek], delta)
            continue
        subknopen = [k for s in subschemas for k in _resolve(s, wortel)]
        waarde[plek] = _nieuw(waarde[plek], subknopen, delta, cyclus)
        _loop(waarde[plek], subknopen, wortel, delta, cyclus)


def _onder(knopen: list[dict], sleutel: str, wortel: dict) -> list[dict]:
    return [k for s in _voor_sleutel(knopen, sleutel) for k in _resolve(s, wortel)]


def _vrij(sleutel: str, waarde, delta: dt.timedelta):
    """An ``x-`` value (no schema): dates by their key's name (``…_op``, ``…-op``), at any depth."""
    if isinstance(waarde, str):
        if sleutel.removeprefix("x-").endswith(("_op", "-op")) and _ALLEEN_DATUM.match(waarde):
            return (dt.date.fromisoformat(waarde) + delta).isoformat()
        return waarde
    if isinstance(waarde, dict):
        return {k: _vrij(k, v, delta) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_vrij(sleutel, v, delta) for v in waarde]
    return waarde
