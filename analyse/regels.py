"""The response threshold of the survey (handbook §4.1.1, ``enquete.respons``).

Per business park, also in a cluster: 0–50 entrepreneurs 40 %, 51–100 30 %, 101–600 20 %.
Compared exactly, in integers (no rounding up): 20 of 51 is 39.2 % and meets 30 %; 19 of 50 is
38 % and fails 40 %. Above 600 the handbook's standard approach no longer applies (§3.1:
at most 600 entrepreneurs, also as a cluster); the product keeps 20 % there and the area rules
flag the size.
"""

from __future__ import annotations

from dataclasses import dataclass


def drempel(ondernemers: int) -> int:
    """The minimum response in percent for a park with ``ondernemers`` entrepreneurs."""
    if ondernemers <= 50:
        return 40
    if ondernemers <= 100:
        return 30
    return 20


def gehaald(reacties: int, ondernemers: int) -> bool:
    """Exact: reacties / ondernemers >= drempel %, as reacties * 100 >= drempel * ondernemers."""
    if ondernemers <= 0:
        return False
    return reacties * 100 >= drempel(ondernemers) * ondernemers


def nodig(ondernemers: int) -> int:
    """The smallest number of responses that meets the threshold."""
    return -(-drempel(ondernemers) * ondernemers // 100)  # ceiling division


@dataclass(frozen=True)
class Respons:
    terrein: str
    ondernemers: int
    reacties: int

    @property
    def drempel(self) -> int:
        return drempel(self.ondernemers)

    @property
    def gehaald(self) -> bool:
        return gehaald(self.reacties, self.ondernemers)

    @property
    def nodig(self) -> int:
        return nodig(self.ondernemers)

    @property
    def tekort(self) -> int:
        return max(0, self.nodig - self.reacties)

    @property
    def procent(self) -> float:
        return 100 * self.reacties / self.ondernemers if self.ondernemers else 0.0

    @property
    def tekst(self) -> str:
        """ "17 van 45 = 37,8 %, minimaal 40 %" (as eisen.md writes it)."""
        pct = f"{self.procent:.1f}".replace(".", ",")
        return f"{self.terrein}: {self.reacties} van {self.ondernemers} = {pct} %, minimaal {self.drempel} %"
