"""Reads of PVO's execution plan (issue 23): each stakeholder's actions by quarter (pvo.prioriteiten).

The plan is the same ``aanpak.Plan`` as a KVO plan of approach; its period is two years from its
adoption (the cycle's start while it is not adopted), so its grid has eight or nine quarters. Two queries,
whatever the number of parties and actions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from aanpak import kwartalen
from aanpak.models import Maatregel, Plan
from kvo.toets import plus_jaren

PERIODE_JAREN = 2


@dataclass(frozen=True)
class Kolom:
    code: str
    label: str
    jaar: int  # year of the period, 1 or 2
    huidig: bool
    jaargrens: bool = False  # the first quarter of plan year 2: a line before it


@dataclass(frozen=True)
class Cel:
    aan: bool  # planned in that quarter
    jaargrens: bool

    def __bool__(self) -> bool:
        return self.aan


@dataclass
class Actie:
    maatregel: Maatregel
    cellen: list[Cel]  # one per column
    buiten: list[str]  # quarters outside the period
    labels: list[str] = field(default_factory=list)  # the planned quarters as text (the phone's view)


@dataclass
class PartijRij:
    partij: object | None  # None: the actions nobody is responsible for yet
    acties: list[Actie] = field(default_factory=list)

    @property
    def zonder_kwartaal(self) -> int:
        return sum(1 for a in self.acties if not any(a.cellen) and not a.buiten)


def periode(plan: Plan) -> tuple[dt.date, dt.date]:
    """The plan's two years: from its adoption (or, before that, its cycle's start)."""
    begin = plan.vastgesteld_op or plan.cyclus.start
    return begin, plus_jaren(begin, PERIODE_JAREN)


def kolommen(plan: Plan, vandaag: dt.date) -> list[Kolom]:
    """The quarters of the period (``kwartalen.van_periode``: every quarter that overlaps its two
    years, 8 or 9), as ``pvo.prioriteiten`` counts them."""
    begin, _eind = periode(plan)
    huidig = kwartalen.code_van(vandaag)
    return [
        Kolom(k.code, k.label, k.jaar, k.code == huidig, k.begint_jaar and k.jaar > 1)
        for k in kwartalen.van_periode(begin, PERIODE_JAREN)
    ]


def acties_per_partij(plan: Plan, vandaag: dt.date) -> tuple[list[Kolom], list[PartijRij]]:
    """Every party of the work group with its actions of ``plan`` by quarter; parties without actions
    too (the page tells them to take one), and the actions without a responsible party last."""
    cols = kolommen(plan, vandaag)
    codes = [k.code for k in cols]
    rijen: dict[int | None, PartijRij] = {p.pk: PartijRij(p) for p in plan.werkgroep.partijen.order_by("naam")}
    maatregelen = plan.maatregelen.exclude(status=Maatregel.Status.VERVALLEN).order_by("titel", "pk")
    for m in maatregelen:
        gepland = set(m.kwartalen or [])
        labels = [k.label for k in cols if k.code in gepland]
        actie = Actie(m, [Cel(k.code in gepland, k.jaargrens) for k in cols], sorted(gepland - set(codes)), labels)
        rij = rijen.get(m.verantwoordelijke_id)
        if rij is None:
            rij = rijen.setdefault(None, PartijRij(None))
        rij.acties.append(actie)
    # the process facilitation (PVO Oost-Nederland) advises; it is shown only when it has actions
    return cols, [r for r in rijen.values() if r.acties or r.partij is None or r.partij.soort != "procesbegeleiding"]
