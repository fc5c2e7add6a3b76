"""Extra ways into a work group, registered by the apps that own them.

Membership and facilitation are the core's own (``kvo.tenancy``). Any other grant — today the
auditor's time-limited access to one audit — lives in a later app, which the core may not import.
That app registers a ``Toegangsbron`` in its ``toegang.py`` with ``@toegangsbron``; the tenancy
core, the home page and the dossier import ask this registry, as the readiness page asks
``kvo.toets`` and the home page ``kvo.tijdlijn``.
"""

from __future__ import annotations

from django.db.models import Exists, QuerySet
from django.urls import reverse
from django.utils.module_loading import autodiscover_modules

from kvo.permissions import Toegangsrol


class Toegangsbron:
    """One kind of extra grant. Subclass, set ``naam`` and ``rol``, and register with ``@toegangsbron``.

    Every method runs with django-scopes as the caller left it: ``object_ids`` inside the work
    group's scope, ``werkgroep_ids`` and ``blokkades`` with scopes disabled.
    """

    naam: str = ""
    rol: Toegangsrol
    portaal: str = ""  # URL name of the page for users whose only access is this grant

    def object_ids(self, user, werkgroep) -> frozenset[int]:
        """The objects of ``werkgroep`` this grant opens to ``user`` now (empty: no access)."""
        return frozenset()

    def mogelijk(self, user) -> Exists | None:
        """An ``Exists`` over the work group (``OuterRef("pk")``), false when this grant opens nothing
        of it to ``user`` now: the middleware reads it with the work group and asks ``object_ids``
        only when it is true (``None``: always ask)."""
        return None

    def werkgroep_ids(self, user) -> QuerySet:
        """The work groups this grant opens to ``user`` now, as a ``values("pk")``-style queryset."""
        raise NotImplementedError

    def blokkades(self, werkgroep) -> list[str]:
        """Why ``werkgroep`` may not be replaced now (Dutch sentences); empty when it may."""
        return []


_BRONNEN: dict[str, Toegangsbron] = {}
_geladen = False


def toegangsbron(klasse: type[Toegangsbron]) -> type[Toegangsbron]:
    """Register a kind of extra grant (one instance per class, keyed by ``naam``)."""
    if not klasse.naam:
        raise ValueError(f"{klasse.__qualname__} heeft geen naam.")
    bestaand = _BRONNEN.get(klasse.naam)
    if bestaand is not None and type(bestaand).__qualname__ != klasse.__qualname__:
        raise ValueError(f"Toegangsbron {klasse.naam!r} bestaat al ({type(bestaand).__module__}).")
    _BRONNEN[klasse.naam] = klasse()
    return klasse


def bronnen() -> list[Toegangsbron]:
    """Every registered source, after loading each app's ``toegang.py``."""
    global _geladen
    if not _geladen:
        autodiscover_modules("toegang")
        _geladen = True
    return list(_BRONNEN.values())


def portaal_voor(user) -> str | None:
    """The portal URL of the first source with a portal that gives ``user`` a work group, if any."""
    for bron in bronnen():
        if bron.portaal and bron.werkgroep_ids(user).exists():
            return reverse(bron.portaal)
    return None


def vervanging_blokkades(werkgroep) -> list[str]:
    """Every reason, from every source, why ``werkgroep`` may not be replaced now."""
    return [reden for bron in bronnen() for reden in bron.blokkades(werkgroep)]
