"""Quarters of a cycle (``2025-Q3``): the 12 columns of the measures matrix.

A quarter belongs to the year of the cycle that contains its first day (eisen.md); the cycle's
quarters are the 12 whose first day lies in its three years.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kvo.toets import plus_jaren

PATROON = re.compile(r"^(\d{4})-Q([1-4])$")


@dataclass(frozen=True)
class Kwartaal:
    code: str  # "2025-Q3"
    jaar: int  # year of the cycle, 1–3
    eerste_dag: dt.date
    laatste_dag: dt.date
    begint_jaar: bool = False  # the first quarter of its year of the cycle

    @property
    def label(self) -> str:
        jaar, q = self.code.split("-")
        return f"{q} {jaar}"

    @property
    def kort(self) -> str:
        jaar, q = self.code.split("-")
        return f"{q} ’{jaar[2:]}"


def code_van(datum: dt.date) -> str:
    return f"{datum.year}-Q{(datum.month - 1) // 3 + 1}"


def eerste_dag(code: str) -> dt.date:
    m = PATROON.match(code)
    if not m:
        raise ValueError(f"Geen kwartaal: {code!r} (verwacht bijvoorbeeld 2025-Q3).")
    return dt.date(int(m[1]), 3 * (int(m[2]) - 1) + 1, 1)


def _laatste_dag(begin: dt.date) -> dt.date:
    volgende = dt.date(begin.year + (begin.month + 3 > 12), (begin.month + 3 - 1) % 12 + 1, 1)
    return volgende - dt.timedelta(days=1)


def van_cyclus(start: dt.date) -> list[Kwartaal]:
    """The 12 quarters whose first day lies in the cycle's three years, with their year of the cycle."""
    grenzen = [plus_jaren(start, n) for n in range(4)]
    begin = eerste_dag(code_van(start))
    if begin < start:
        begin = _laatste_dag(begin) + dt.timedelta(days=1)
    uit = []
    while begin < grenzen[3]:
        jaar = next(n for n in (1, 2, 3) if grenzen[n - 1] <= begin < grenzen[n])
        nieuw = not uit or uit[-1].jaar != jaar
        uit.append(Kwartaal(code_van(begin), jaar, begin, _laatste_dag(begin), nieuw))
        begin = _laatste_dag(begin) + dt.timedelta(days=1)
    return uit


def jaar_van(start: dt.date, code: str) -> int | None:
    """The year of the cycle (1–3) of quarter ``code``, or None outside the cycle."""
    return next((k.jaar for k in van_cyclus(start) if k.code == code), None)


def van_periode(begin: dt.date, jaren: int = 2) -> list[Kwartaal]:
    """The quarters of a PVO execution plan's period (``jaren`` years from its adoption on ``begin``):
    every quarter that overlaps the period, the adoption's own quarter included (8 or 9). ``jaar`` is
    the plan year (1–``jaren``) that contains the quarter's first day, 1 for the adoption's quarter."""
    einde = plus_jaren(begin, jaren)  # first day after the period
    grenzen = [plus_jaren(begin, n) for n in range(jaren + 1)]
    eerste = eerste_dag(code_van(begin))
    uit: list[Kwartaal] = []
    while eerste < einde:
        jaar = next((n for n in range(1, jaren + 1) if grenzen[n - 1] <= eerste < grenzen[n]), 1)
        nieuw = not uit or uit[-1].jaar != jaar
        uit.append(Kwartaal(code_van(eerste), jaar, eerste, _laatste_dag(eerste), nieuw))
        eerste = _laatste_dag(eerste) + dt.timedelta(days=1)
    return uit
