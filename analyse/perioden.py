"""Periods of figures and the year they cover (eisen.md, definitions; handbook §4.1.2).

eisen.md: "a period of figures covers a whole year when the union of its periods contains a
continuous span of at least one year (1 January to 31 December, or any other day to the day
before it one year later)". The police and fire rule asks more: a whole *calendar* year
(1 January to 31 December), before the analysis.

Periods are closed intervals of days (``van`` and ``tot`` both included). Merging joins
overlapping periods and adjacent ones (one ends on the 31st, the next starts on the 1st); a
gap of a single day splits them. "One year later" is ``kvo.toets.plus_jaren``: 29 February
becomes 28 February, so a span from 29-02-2024 is a whole year once it reaches 27-02-2025.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from kvo.toets import plus_jaren

DAG = dt.timedelta(days=1)


@dataclass(frozen=True, order=True)
class Span:
    """A continuous run of days, both ends included."""

    van: dt.date
    tot: dt.date

    @property
    def dagen(self) -> int:
        return (self.tot - self.van).days + 1

    @property
    def is_heel_jaar(self) -> bool:
        """At least one year: from ``van`` up to the day before the same date a year later."""
        return self.tot >= eind_van_jaar(self.van)

    @property
    def kalenderjaren(self) -> list[int]:
        """The calendar years lying wholly inside the span (1 January to 31 December)."""
        eerste = self.van.year if self.van == dt.date(self.van.year, 1, 1) else self.van.year + 1
        laatste = self.tot.year if self.tot == dt.date(self.tot.year, 12, 31) else self.tot.year - 1
        return list(range(eerste, laatste + 1))

    def tekst(self) -> str:
        return f"{self.van:%d-%m-%Y} t/m {self.tot:%d-%m-%Y}"


def eind_van_jaar(van: dt.date) -> dt.date:
    """The last day of the year that starts on ``van`` (the day before the same date a year later)."""
    return plus_jaren(van, 1) - DAG


def samenvoegen(perioden: Iterable[tuple[dt.date, dt.date]], *, tot: dt.date | None = None) -> list[Span]:
    """The union of the periods as separate spans, in date order.

    With ``tot`` only the days up to and including ``tot`` count (the days before the analysis):
    a period that starts after it is dropped, one that runs past it is cut off.
    """
    intervallen = []
    for van, eind in perioden:
        if tot is not None:
            if van > tot:
                continue
            eind = min(eind, tot)
        if eind >= van:
            intervallen.append((van, eind))
    intervallen.sort()
    spans: list[Span] = []
    for van, eind in intervallen:
        if spans and van <= spans[-1].tot + DAG:
            if eind > spans[-1].tot:
                spans[-1] = Span(spans[-1].van, eind)
        else:
            spans.append(Span(van, eind))
    return spans


@dataclass(frozen=True)
class Dekking:
    """What a set of periods covers: its spans, the longest, and the (calendar) years in them."""

    spans: list[Span] = field(default_factory=list)

    @property
    def leeg(self) -> bool:
        return not self.spans

    @property
    def langste(self) -> Span | None:
        # The earliest of equally long spans, so the answer does not depend on input order.
        return max(self.spans, key=lambda s: (s.dagen, -s.van.toordinal()), default=None)

    @property
    def heel_jaar(self) -> bool:
        """Some span contains a whole year (any start day)."""
        return any(s.is_heel_jaar for s in self.spans)

    @property
    def kalenderjaren(self) -> list[int]:
        return [j for s in self.spans for j in s.kalenderjaren]

    @property
    def heel_kalenderjaar(self) -> bool:
        return bool(self.kalenderjaren)

    def tekst(self) -> str:
        """ "01-01-2024 t/m 31-12-2024", or several spans joined with "en"."""
        return " en ".join(s.tekst() for s in self.spans)


def dekking(perioden: Iterable[tuple[dt.date, dt.date]], *, tot: dt.date | None = None) -> Dekking:
    return Dekking(samenvoegen(perioden, tot=tot))


def jaren_tekst(jaren: list[int]) -> str:
    """[2023, 2024] → "2023 en 2024"; [2022, 2023, 2024] → "2022, 2023 en 2024"."""
    teksten = [str(j) for j in jaren]
    if len(teksten) <= 1:
        return "".join(teksten)
    return ", ".join(teksten[:-1]) + " en " + teksten[-1]


def verdeel_over_jaren(van: dt.date, tot: dt.date, aantal: float) -> dict[int, float]:
    """``aantal`` spread over the calendar years of ``van``–``tot`` pro rata by days.

    A count for 01-07-2023 t/m 30-06-2024 (366 days) of 366 gives 184 to 2023 and 182 to 2024.
    """
    dagen = (tot - van).days + 1
    if dagen <= 0:
        return {}
    uit = {}
    for jaar in range(van.year, tot.year + 1):
        begin = max(van, dt.date(jaar, 1, 1))
        eind = min(tot, dt.date(jaar, 12, 31))
        uit[jaar] = aantal * ((eind - begin).days + 1) / dagen
    return uit
