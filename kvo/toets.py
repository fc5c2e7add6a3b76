"""The readiness check (handboektoets): one registry of requirement checks.

In the spirit of Django's system check framework: each app registers the checks it owns in its
``checks.py`` with ``@eis("<id uit eisen.md>")``. A check receives a ``ToetsContext`` (work
group, cycle, evaluation date) and returns an ``Uitkomst``: a status, a Dutch explanation that
names the numbers it used, and a link to the page where the user fixes it.

``voer_toets_uit`` answers every ID of the catalogue; an ID without a registered check answers
``open`` with "nog niet vastgelegd in de applicatie".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from django.utils import timezone
from django_scopes import scope

from kvo import versie
from kvo.eisen import EISEN, Eis


class Status(StrEnum):
    VOLDAAN = "voldaan"
    NIET_VOLDAAN = "niet_voldaan"
    NVT = "nvt"
    OPEN = "open"

    @property
    def label(self) -> str:
        return {"voldaan": "voldaan", "niet_voldaan": "niet voldaan", "nvt": "n.v.t.", "open": "open"}[self]


@dataclass(frozen=True)
class Uitkomst:
    status: Status
    toelichting: str
    url: str = ""


@dataclass(frozen=True)
class Resultaat:
    eis: Eis
    uitkomst: Uitkomst

    @property
    def id(self) -> str:
        return self.eis.id

    @property
    def status(self) -> Status:
        return self.uitkomst.status


@dataclass(frozen=True)
class CyclusJaar:
    """A year of the cycle: 12 months from the cycle's start (year 1 begins on the start date)."""

    nummer: int
    start: dt.date
    eind: dt.date  # last day, inclusive
    voltooid: bool  # its last day is before the evaluation date

    def bevat(self, datum: dt.date) -> bool:
        return self.start <= datum <= self.eind


def plus_jaren(datum: dt.date, jaren: int) -> dt.date:
    """The same calendar date ``jaren`` years later (29 February becomes 28 February)."""
    try:
        return datum.replace(year=datum.year + jaren)
    except ValueError:  # 29 February
        return datum.replace(year=datum.year + jaren, day=28)


def cyclus_jaren(start: dt.date, datum: dt.date, aantal: int = 3) -> list[CyclusJaar]:
    jaren = []
    for n in range(aantal):
        begin = plus_jaren(start, n)
        eind = plus_jaren(start, n + 1) - dt.timedelta(days=1)
        jaren.append(CyclusJaar(n + 1, begin, eind, eind < datum))
    return jaren


@dataclass
class ToetsContext:
    werkgroep: object
    cyclus: object | None
    datum: dt.date
    cache: dict = field(default_factory=dict)

    @cached_property
    def jaren(self) -> list[CyclusJaar]:
        if self.cyclus is None:
            return []
        return cyclus_jaren(self.cyclus.start, self.datum)

    @cached_property
    def huidig_jaar(self) -> CyclusJaar | None:
        return next((j for j in self.jaren if j.bevat(self.datum)), None)

    def jaar_van(self, datum: dt.date) -> CyclusJaar | None:
        return next((j for j in self.jaren if j.bevat(datum)), None)


def jaarregel(
    ctx: ToetsContext, telling: Callable[[CyclusJaar], int], minimum: int, wat: str, url: str = ""
) -> Uitkomst:
    """A yearly rule ("at least N per year") evaluated as eisen.md defines it.

    ``niet_voldaan`` if a completed year misses it; ``voldaan`` if every completed year meets it;
    with no completed year: ``voldaan`` when the current year already meets it, else ``open``.
    """
    if not ctx.jaren:
        return Uitkomst(Status.OPEN, "Er is nog geen cyclus vastgelegd.", url)
    voltooid = [j for j in ctx.jaren if j.voltooid]
    if voltooid:
        delen, tekort = [], []
        for jaar in voltooid:
            n = telling(jaar)
            delen.append(f"jaar {jaar.nummer}: {n}")
            if n < minimum:
                tekort.append(jaar.nummer)
        samenvatting = "; ".join(delen)
        if tekort:
            jaren = ", ".join(str(n) for n in tekort)
            return Uitkomst(
                Status.NIET_VOLDAAN,
                f"{wat} per voltooid jaar van de cyclus — {samenvatting}; minimaal {minimum}. Tekort in jaar {jaren}.",
                url,
            )
        return Uitkomst(Status.VOLDAAN, f"{wat} per voltooid jaar — {samenvatting}; minimaal {minimum}.", url)
    jaar = ctx.huidig_jaar or ctx.jaren[0]
    n = telling(jaar)
    tekst = f"{wat} in jaar {jaar.nummer} (lopend, tot en met {jaar.eind:%d-%m-%Y}): {n}; minimaal {minimum}."
    return Uitkomst(Status.VOLDAAN if n >= minimum else Status.OPEN, tekst, url)


# --- the registry ---------------------------------------------------------------------------

CheckFunctie = Callable[[ToetsContext], Uitkomst]
_REGISTRY: dict[str, CheckFunctie] = {}
_registratie = 0  # raised with every registration


def eis(eis_id: str) -> Callable[[CheckFunctie], CheckFunctie]:
    """Register the check for requirement ``eis_id`` (an ID of eisen.md)."""
    if eis_id not in EISEN:
        raise ValueError(f"Onbekende eis {eis_id!r}: niet in eisen.md.")

    def decorator(functie: CheckFunctie) -> CheckFunctie:
        if eis_id in _REGISTRY and _REGISTRY[eis_id] is not functie:
            raise ValueError(f"Eis {eis_id!r} heeft al een check ({_REGISTRY[eis_id].__module__}).")
        global _registratie
        _REGISTRY[eis_id] = functie
        _registratie += 1  # answers kept under an older registry are not used (kvo.versie)
        return functie

    return decorator


def geregistreerde_checks() -> dict[str, CheckFunctie]:
    return dict(_REGISTRY)


NIET_IN_APPLICATIE = "Nog niet vastgelegd in de applicatie."


def kies_cyclus(werkgroep, nummer: int | None = None):
    cycli = werkgroep.cycli.all()
    if nummer is not None:
        return cycli.filter(nummer=nummer).first()
    return cycli.order_by("-nummer").first()


def voer_toets_uit(
    werkgroep, *, cyclus=None, datum: dt.date | None = None, ids: Iterable[str] | None = None
) -> list[Resultaat]:
    """Answer every requirement (or ``ids``) for ``werkgroep`` in ``cyclus`` as of ``datum``.

    The answers are kept under the work group's data version (``kvo.versie``): asked again before
    anything in the work group changed, on the same date, they come from the cache.
    """
    datum = datum or timezone.localdate()
    ids = tuple(sorted(ids)) if ids is not None else None
    delen = (datum.isoformat(), getattr(cyclus, "pk", None), ids, _registratie)
    return versie.bewaard(werkgroep, "toets", delen, lambda: _voer_uit(werkgroep, cyclus, datum, ids))


def _voer_uit(werkgroep, cyclus, datum: dt.date, ids: tuple[str, ...] | None) -> list[Resultaat]:
    resultaten = []
    with scope(werkgroep=werkgroep):
        if cyclus is None:
            cyclus = kies_cyclus(werkgroep)
        ctx = ToetsContext(werkgroep=werkgroep, cyclus=cyclus, datum=datum)
        for eis_id, eis_ in EISEN.items():
            if ids is not None and eis_id not in ids:
                continue
            functie = _REGISTRY.get(eis_id)
            uitkomst = functie(ctx) if functie else Uitkomst(Status.OPEN, NIET_IN_APPLICATIE)
            resultaten.append(Resultaat(eis_, uitkomst))
    return resultaten


def telling(resultaten: Iterable[Resultaat]) -> dict[Status, int]:
    aantallen = {s: 0 for s in Status}
    for r in resultaten:
        aantallen[r.status] += 1
    return aantallen
