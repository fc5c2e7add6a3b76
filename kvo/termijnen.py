"""Deadlines of many work groups at once, filled in by the apps (the facilitator's portfolio).

Each app that owns a deadline contributes in its own ``termijnen.py`` with ``@bijdrage``: a
function ``(werkgroepen, vandaag) -> Iterable[Termijn]`` that answers for the whole list in a
fixed number of queries (never one per work group). It returns what is still to be done, upcoming
or overdue; what is done (delivered, supplemented) is left out. The core never imports a later
app; it asks this registry, as the timeline asks ``kvo.tijdlijn``.

The caller has already decided which work groups the user may see; the contributions run with
the scopes disabled because they read many work groups at once.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.utils.module_loading import autodiscover_modules
from django_scopes import scopes_disabled


@dataclass(frozen=True)
class Termijn:
    naam: str
    datum: dt.date
    werkgroep_id: int
    url: str = ""

    def is_verlopen(self, vandaag: dt.date) -> bool:
        return self.datum < vandaag


Bijdrage = Callable[[Sequence[object], dt.date], Iterable[Termijn]]
_BIJDRAGEN: dict[str, Bijdrage] = {}
_geladen = False


def bijdrage(functie: Bijdrage) -> Bijdrage:
    """Register an app's deadlines for a list of work groups."""
    _BIJDRAGEN[f"{functie.__module__}.{functie.__qualname__}"] = functie
    return functie


def termijnen(werkgroepen: Sequence[object], vandaag: dt.date) -> dict[int, list[Termijn]]:
    """Every registered deadline of ``werkgroepen`` by work group id, earliest (most overdue) first."""
    global _geladen
    if not _geladen:
        autodiscover_modules("termijnen")
        _geladen = True
    werkgroepen = list(werkgroepen)
    per_werkgroep: dict[int, list[Termijn]] = defaultdict(list)
    if not werkgroepen:
        return per_werkgroep
    with scopes_disabled():
        for _naam, functie in sorted(_BIJDRAGEN.items()):
            for termijn in functie(werkgroepen, vandaag):
                per_werkgroep[termijn.werkgroep_id].append(termijn)
    for pk, lijst in per_werkgroep.items():  # two deviations found the same day: one deadline
        per_werkgroep[pk] = sorted(set(lijst), key=lambda t: (t.datum, t.naam))
    return per_werkgroep
