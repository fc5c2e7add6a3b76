"""The cycle's timeline on the work group's home page, filled in by the apps.

Each app that owns a step of the cycle contributes its milestones in its own ``tijdlijn.py``
with ``@bijdrage(volgorde)``: a function ``(werkgroep, cyclus, vandaag) -> list[Mijlpaal]``. The
home page (in ``werkgroepen``) never imports a later app; it asks this registry, as the
readiness page asks ``kvo.toets``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.module_loading import autodiscover_modules

from kvo import versie
from kvo.toets import plus_jaren

NIET_GEPLAND = "nog niet gepland"


@dataclass(frozen=True)
class Mijlpaal:
    naam: str
    datum: dt.date | None
    toelichting: str = ""
    url: str = ""
    volgorde: int = 0

    def klasse(self, vandaag: dt.date) -> str:
        """``klaar`` once its date has passed, ``nu`` within the coming year, else nothing."""
        if self.datum is None:
            return ""
        return "klaar" if self.datum <= vandaag else "nu" if self.datum <= plus_jaren(vandaag, 1) else ""


Bijdrage = Callable[[object, object, dt.date], Iterable[Mijlpaal]]
_BIJDRAGEN: dict[str, tuple[int, Bijdrage]] = {}
_geladen = False


def bijdrage(volgorde: int) -> Callable[[Bijdrage], Bijdrage]:
    """Register an app's milestones; ``volgorde`` places them on the line (cycle start is 0)."""

    def decorator(functie: Bijdrage) -> Bijdrage:
        _BIJDRAGEN[f"{functie.__module__}.{functie.__qualname__}"] = (volgorde, functie)
        return functie

    return decorator


# What the milestones read (kvo.versie): kept under these parts of the work group's data only.
LEEST = versie.leest(
    "tijdlijn", "enquete", "uitnodiging", "schouw", "plan", "audit", "certificaat", "evaluatie", "bijeenkomst",
    "conclusie", "cijfers", "leden", "gebiedsscan", "waardering", "partijen",
)  # fmt: skip


def tijdlijn(werkgroep, cyclus, vandaag: dt.date) -> list[tuple[Mijlpaal, str]]:
    """Every registered milestone of ``cyclus``, in order, with its CSS class for ``vandaag``; kept
    under the work group's data version (``kvo.versie``) until its data or the date changes."""
    if cyclus is None:
        return []
    return versie.bewaard(werkgroep, "tijdlijn", (cyclus.pk, vandaag), lambda: _tijdlijn(werkgroep, cyclus, vandaag))


def _tijdlijn(werkgroep, cyclus, vandaag: dt.date) -> list[tuple[Mijlpaal, str]]:
    global _geladen
    if not _geladen:
        autodiscover_modules("tijdlijn")
        _geladen = True
    mijlpalen: list[Mijlpaal] = []
    for volgorde, functie in sorted(_BIJDRAGEN.values(), key=lambda b: b[0]):
        for i, m in enumerate(functie(werkgroep, cyclus, vandaag)):
            mijlpalen.append(m if m.volgorde else _met_volgorde(m, volgorde * 100 + i))
    mijlpalen.sort(key=lambda m: m.volgorde)
    return [(m, m.klasse(vandaag)) for m in mijlpalen]


def _met_volgorde(m: Mijlpaal, volgorde: int) -> Mijlpaal:
    return Mijlpaal(m.naam, m.datum, m.toelichting, m.url, volgorde)
