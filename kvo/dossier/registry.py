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


_ONDERDELEN: dict[str, Onderdeel] = {}
_geladen = False


def registreer(onderdeel: Onderdeel) -> Onderdeel:
    _ONDERDELEN[onderdeel.naam] = onderdeel
    return onderdeel


def onderdelen() -> list[Onderdeel]:
    """Every registered part, in dependency order (loads each app's ``dossier.py`` once)."""
    global _geladen
    if not _geladen:
        autodiscover_modules("dossier")
        _geladen = True
    return sorted(_ONDERDELEN.values(), key=lambda o: (o.volgorde, o.naam))


def ondersteunde_sleutels() -> set[str]:
    return {"schema"} | {s for o in onderdelen() for s in o.sleutels}
