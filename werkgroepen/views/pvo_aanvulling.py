"""PVO's partnership, the form that was missing (issue 23, ``pvo.kickoff``): who arranged the kick-off
(the municipality). Only for a PVO group (404 for a KVO group)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from kvo.forms_pvo_aanvulling import OrganisatorForm
from kvo.formulieren import verwerk
from kvo.mixins import vereist
from kvo.permissions import Actie
from kvo.regeling_paginas import alleen_pvo
from werkgroepen.views.basis import context


@require_http_methods(["GET", "POST"])
@vereist(Actie.BEKIJKEN)
@alleen_pvo
def organisator(request, werkgroep, pk):
    """Who arranged a meeting (``bijeenkomst_organisator_wijzig``); for PVO the municipality arranges the kick-off."""
    from werkgroepen.services.pvo import bijeenkomst_organisator_wijzig

    wg = request.werkgroep
    bijeenkomst = get_object_or_404(wg.bijeenkomsten.select_related("georganiseerd_door"), pk=pk)
    partijen = wg.partijen.order_by("naam")
    if request.method == "POST":

        def wijzig(form):
            partij = form.cleaned_data["partij"]
            bijeenkomst_organisator_wijzig(actor=request.user, bijeenkomst=bijeenkomst, partij=partij)
            return f"De bijeenkomst is georganiseerd door {partij.naam if partij else 'niet vastgelegd'}."

        return verwerk(request, OrganisatorForm(request.POST, partijen=partijen), wijzig)
    form = OrganisatorForm(partijen=partijen, initial={"partij": bijeenkomst.georganiseerd_door_id})
    return render(request, "pvo/organisator.html", context(request, bijeenkomst=bijeenkomst, form=form))
