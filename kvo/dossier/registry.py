"""The registry of dossier parts (onderdelen): each app registers the part it owns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.module_loading import autodiscover_modules


@dataclass
class ImportContext:
    """What the parts share while one dossier is written: the objects made so far, by ref."""

    actor: Any = None
    bestanden: dict[str, bytes] = field(default_factory=dict)  # zip member name → content
    werkgroep: Any = None
    refs: dict[str, dict[str, Any]] = field(default_factory=dict)  # "terreinen" → {ref: object}

    def objecten(self, soort: str) -> dict[str, Any]:
        return self.refs.setdefault(soort, {})


@dataclass(frozen=True)
class Onderdeel:
    naam: str
    volgorde: int
    sleutels: tuple[str, ...]  # the top-level keys of the dossier this part owns
    export: Callable[[Any, bool], dict]
    check_refs: Callable[[dict], list[str]]
    importeer: Callable[[Any, dict, ImportContext], Any]
    verwijder: Callable[[Any], None] | None = None  # before the work group itself is deleted
    bestanden: Callable[[Any], dict[str, Any]] | None = None  # name under media/ → FieldFile, for a .zip
    # the content checks an upload gets, for the media/ members this part imports: (dossier, files) → problems
    check_bestanden: Callable[[dict, dict[str, bytes]], list[str]] | None = None


@dataclass(frozen=True)
class CyclusDeel:
    """A part of a cycle object (``cycli[i].enquete``, ``cycli[i].plan``, ...), owned by a later app.

    ``werkgroepen`` owns the cycles themselves; the apps of the cycle's steps register the keys
    inside a cycle they store. ``check(dossier, i, bestanden)`` returns the problems of
    ``cycli[i]`` (with JSON paths; ``dossier`` for refs elsewhere, ``bestanden`` the zip's
    ``media/`` members); ``importeer(cyclus, gegevens, ctx)`` writes them once every cycle of the
    dossier exists. Parts import in ``volgorde`` across all cycles, so a later part (the plan)
    finds what an earlier one (the inspections) made in any cycle through ``ctx.objecten``.
    """

    naam: str
    volgorde: int
    sleutels: tuple[str, ...]
    export: Callable[[Any, bool], dict]
    check: Callable[[dict, int, dict[str, bytes]], list[str]]
    importeer: Callable[[Any, dict, ImportContext], None]
    bestanden: Callable[[Any], dict[str, Any]] | None = None  # work group → {name under media/: FieldFile}


_ONDERDELEN: dict[str, Onderdeel] = {}
_CYCLUSDELEN: dict[str, CyclusDeel] = {}
_geladen = False


def registreer(onderdeel: Onderdeel | CyclusDeel) -> Onderdeel | CyclusDeel:
    if isinstance(onderdeel, CyclusDeel):
        _CYCLUSDELEN[onderdeel.naam] = onderdeel
    else:
        _ONDERDELEN[onderdeel.naam] = onderdeel
    return onderdeel


def _laad() -> None:
    global _geladen
    if not _geladen:
        autodiscover_modules("dossier")
        _geladen = True


def onderdelen() -> list[Onderdeel]:
    """Every registered part, in dependency order (loads each app's ``dossier.py`` once)."""
    _laad()
    return sorted(_ONDERDELEN.values(), key=lambda o: (o.volgorde, o.naam))


def cyclusdelen() -> list[CyclusDeel]:
    """Every registered part of a cycle, in dependency order."""
    _laad()
    return sorted(_CYCLUSDELEN.values(), key=lambda o: (o.volgorde, o.naam))


def cyclus_sleutels() -> set[str]:
    """The keys of a cycle object the product stores."""
    return {"nummer", "soort", "start"} | {s for d in cyclusdelen() for s in d.sleutels}


def ondersteunde_sleutels() -> set[str]:
    return {"schema"} | {s for o in onderdelen() for s in o.sleutels}
