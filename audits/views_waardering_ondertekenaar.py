"""The waardering's signatories, the form that was missing (issue 23): a signatory removed
(``ondertekenaar_verwijder``), back to the waardering page. Only for a PVO group (404 for KVO)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from audits.services_waardering import ondertekenaar_verwijder as verwijder
from audits.views_waardering import waardering_van
from kvo.mixins import vereist, weigering
from kvo.permissions import Actie
from kvo.regeling_paginas import alleen_pvo


@require_POST
@vereist(Actie.BEKIJKEN)
@alleen_pvo
def ondertekenaar_verwijder(request, werkgroep, pk):
    if not request.toegang.mag(Actie.WIJZIGEN):
        raise PermissionDenied(weigering(request))
    w = waardering_van(request.werkgroep)
    if w is None:
        raise Http404("Er is nog geen waardering.")
    ondertekenaar = get_object_or_404(w.ondertekenaars.select_related("partij"), pk=pk)
    naam = ondertekenaar.naam
    try:
        verwijder(actor=request.user, ondertekenaar=ondertekenaar)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, f"{naam} staat niet meer als tekenbevoegde bij de waardering.")
    return redirect("audits:pvo_waardering", werkgroep=request.werkgroep.slug)
