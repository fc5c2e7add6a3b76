"""Shared helpers of the plan pages: the cycle and plan they work on, and the page context."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from aanpak.selectors import plan_van
from kvo.permissions import Actie
from kvo.toets import kies_cyclus
from werkgroepen.views.basis import context as werkgroep_context

PVA_IDS = (
    "pva.smart",
    "pva.thema-dekking",
    "pva.maatregel-velden",
    "pva.schouwpunten",
    "pva.verdeling",
    "pva.vaste-maatregelen",
    "pva.vastgesteld",
    "pva.voortgang",
)
EVALUATIE_IDS = ("evaluatie.jaarlijks", "evaluatie.derde-jaar", "evaluatie.vernieuwing")


def cyclus_en_plan(request, *, verplicht: bool = False):
    """The cycle (the newest, or ``?cyclus=N`` to read an earlier one) and its plan; with ``verplicht``
    a missing plan is a 404 (forms that write into it always work on the newest cycle)."""
    nummer = request.GET.get("cyclus", "")
    if nummer.isdigit() and not verplicht:
        cyclus = kies_cyclus(request.werkgroep, int(nummer))
        if cyclus is None:
            raise Http404("Deze cyclus bestaat niet.")
    else:
        cyclus = kies_cyclus(request.werkgroep)
    plan = plan_van(cyclus)
    if verplicht and plan is None:
        raise Http404("Er is nog geen plan van aanpak.")
    return cyclus, plan


def mag_wijzigen(request) -> None:
    if not request.toegang.mag(Actie.WIJZIGEN):
        raise PermissionDenied("U heeft voor deze pagina niet de juiste rol in deze werkgroep.")


def context(request, **extra) -> dict:
    return werkgroep_context(request, **extra)
