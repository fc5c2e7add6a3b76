"""The "Rollen" page (who may do what, from ``kvo.permissions``) and the work group's life: pause,
resume, end (``werkgroepen.services.levensloop``)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render

from kvo.mixins import vereist
from kvo.permissions import OMSCHRIJVING, ROL_OMSCHRIJVING, Actie, rollen_tabel
from werkgroepen.models import Werkgroep
from werkgroepen.services import levensloop
from werkgroepen.views.basis import context, naar


@vereist(Actie.BEKIJKEN)
def rollen(request, werkgroep):
    """What each role may do, generated from the one permission table, and the visitor's own roles."""
    eigen = [ROL_OMSCHRIJVING[r][0] for r in ROL_OMSCHRIJVING if r in request.toegang.rollen]
    acties = [(actie, OMSCHRIJVING[actie]) for actie in Actie]
    return render(
        request,
        "werkgroepen/rollen.html",
        context(request, tabel=rollen_tabel(), acties=acties, eigen=eigen),
    )


STAPPEN = {
    "pauzeren": (levensloop.werkgroep_pauzeer, "De werkgroep is gepauzeerd: iedereen kan nog lezen, niemand wijzigen."),
    "hervatten": (levensloop.werkgroep_hervat, "De werkgroep is hervat: de leden kunnen weer vastleggen."),
    "beeindigen": (levensloop.werkgroep_beeindig, "De werkgroep is beëindigd; het certificaat is vervallen."),
}


@vereist(Actie.LEVENSLOOP)
def status(request, werkgroep):
    """The facilitator or staff pauses, resumes or ends the work group (POST ``stap``)."""
    wg = request.werkgroep
    if request.method == "POST":
        stap = STAPPEN.get(request.POST.get("stap", ""))
        if stap is None:
            messages.error(request, "Kies wat u met de werkgroep wilt doen.")
        else:
            service, gelukt = stap
            try:
                service(actor=request.user, werkgroep=wg, reden=request.POST.get("reden", ""))
            except ValidationError as fout:
                messages.error(request, " ".join(fout.messages))
            except PermissionDenied:
                raise
            else:
                messages.success(request, gelukt)
        return naar("status", wg)
    return render(request, "werkgroepen/status.html", context(request, Status=Werkgroep.Status))
