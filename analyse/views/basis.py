"""Shared helpers of the analysis pages: the cycle the pages work on, and the page context."""

from __future__ import annotations

from django.http import Http404

from kvo.toets import kies_cyclus
from werkgroepen.views.basis import context as werkgroep_context
from werkgroepen.views.basis import waarschuwingen

__all__ = ["context", "huidige_cyclus", "waarschuwingen"]


def huidige_cyclus(request, *, verplicht: bool = False):
    """The work group's current (newest) cycle; the analysis belongs to a cycle.

    With ``verplicht`` a missing cycle is a 404 (forms that write into a cycle); pages that only
    show things render an empty state that says to start a cycle first.
    """
    cyclus = kies_cyclus(request.werkgroep)
    if cyclus is None and verplicht:
        raise Http404("Er is nog geen cyclus gestart.")
    return cyclus


def context(request, **extra) -> dict:
    from kvo.permissions import Actie

    return werkgroep_context(request, mag_enquete=request.toegang.mag(Actie.ENQUETE), **extra)
