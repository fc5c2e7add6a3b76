"""The change history of one record ("Geschiedenis"): who changed what, and when (kvo/geschiedenis.py)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render

from kvo import geschiedenis
from kvo.mixins import vereist
from kvo.permissions import Actie

# Records whose history shows contact details: only for those who manage the members.
BEHEER = frozenset({"lid"})


@vereist(Actie.BEKIJKEN)
def geschiedenis_record(request, werkgroep, soort: str, pk: int):
    gevolgd = geschiedenis.GEVOLGD.get(soort)
    if gevolgd is None:
        raise Http404
    if soort in BEHEER and not request.toegang.mag(Actie.BEHEREN):
        raise PermissionDenied("De geschiedenis van een lid is er voor wie de leden beheert.")
    obj = _record(request.werkgroep, gevolgd, pk)
    regels = geschiedenis.regels(obj)
    return render(
        request,
        "werkgroepen/geschiedenis.html",
        {"werkgroep": request.werkgroep, "obj": obj, "soort": gevolgd, "regels": regels,
         "soort_naam": gevolgd.model._meta.verbose_name},
    )  # fmt: skip


def _record(werkgroep, gevolgd, pk: int):
    """The record, only when it belongs to this work group (the scoped manager filters on it)."""
    if not gevolgd.pad:
        if pk != werkgroep.pk:
            raise Http404
        return werkgroep
    obj = gevolgd.model.objects.filter(pk=pk).first()
    if obj is None:
        raise Http404
    return obj
