"""Shared helpers of the work group's pages."""

from __future__ import annotations

from django.shortcuts import redirect

from kvo.permissions import Actie
from kvo.toets import Status, voer_toets_uit


def context(request, **extra) -> dict:
    toegang = request.toegang
    return {
        "werkgroep": request.werkgroep,
        "mag_wijzigen": toegang.mag(Actie.WIJZIGEN),
        "mag_beheren": toegang.mag(Actie.BEHEREN),
        **extra,
    }


def waarschuwingen(werkgroep, ids) -> list:
    """The page's rules that are not met (or still open), for the warnings at its top."""
    return [r for r in voer_toets_uit(werkgroep, ids=ids) if r.status in (Status.NIET_VOLDAAN, Status.OPEN)]


def naar(naam: str, werkgroep, **kwargs):
    return redirect(f"werkgroepen:{naam}", werkgroep=werkgroep.slug, **kwargs)
