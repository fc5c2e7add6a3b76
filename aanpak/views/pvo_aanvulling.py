"""PVO's plan pages, the forms that were missing (issue 23): the role division of the execution plan
(``pvo.uitvoeringsplan``) and an activity of the calendar changed, linked to the meeting or the
communication in which it took place, or deleted (``pvo.activiteitenkalender``). Only for a PVO
group (404 for a KVO group)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from aanpak.views.basis import context, cyclus_en_plan
from kvo.forms_pvo_aanvulling import ActiviteitWijzigenForm, RolverdelingForm
from kvo.formulieren import verwerk
from kvo.mixins import vereist, weigering
from kvo.permissions import Actie
from kvo.regeling_paginas import alleen_pvo


def _plan(request):
    cyclus, plan = cyclus_en_plan(request)
    if plan is None:
        raise Http404("Er is nog geen uitvoeringsplan.")
    return cyclus, plan


@require_http_methods(["GET", "POST"])
@vereist(Actie.BEKIJKEN)
@alleen_pvo
def rolverdeling(request, werkgroep):
    """Who does what in the execution plan (``plan_leg_rolverdeling_vast``)."""
    from aanpak.services.pvo import plan_leg_rolverdeling_vast

    cyclus, plan = _plan(request)
    if request.method == "POST":

        def leg_vast(form):
            plan_leg_rolverdeling_vast(actor=request.user, plan=plan, rolverdeling=form.cleaned_data["rolverdeling"])
            return "De rolverdeling is vastgelegd."

        return verwerk(request, RolverdelingForm(request.POST), leg_vast)
    form = RolverdelingForm(initial={"rolverdeling": plan.rolverdeling})
    return render(request, "pvo/rolverdeling.html", context(request, cyclus=cyclus, plan=plan, form=form))


def _wijzig_form(request, plan, data=None, **kwargs):
    from aanpak.models import Activiteit

    wg = request.werkgroep
    return ActiviteitWijzigenForm(
        data,
        partijen=wg.partijen.order_by("naam"),
        soorten=Activiteit.Soort.choices,
        bijeenkomsten=list(wg.bijeenkomsten.order_by("-datum")),
        communicaties=list(wg.communicaties.order_by("-datum")),
        **kwargs,
    )


@require_http_methods(["GET", "POST"])
@vereist(Actie.BEKIJKEN)
@alleen_pvo
def activiteit(request, werkgroep, pk):
    """Change an activity (``activiteit_wijzig``), with the meeting or communication it took place in."""
    from aanpak.services.pvo import activiteit_wijzig

    cyclus, plan = _plan(request)
    object_ = get_object_or_404(plan.activiteiten.select_related("partij"), pk=pk)
    if request.method == "POST":
        form = _wijzig_form(request, plan, request.POST)

        def wijzig(form):
            data = dict(form.cleaned_data)
            wg = request.werkgroep
            data["bijeenkomst"] = (
                wg.bijeenkomsten.filter(pk=data["bijeenkomst"]).first() if data["bijeenkomst"] else None
            )
            data["communicatie"] = (
                wg.communicaties.filter(pk=data["communicatie"]).first() if data["communicatie"] else None
            )
            a = activiteit_wijzig(actor=request.user, activiteit=object_, **data)
            return f"{a.titel} is gewijzigd."

        return verwerk(request, form, wijzig)
    form = _wijzig_form(
        request,
        plan,
        initial={
            "soort": object_.soort,
            "titel": object_.titel,
            "gepland_op": object_.gepland_op,
            "partij": object_.partij_id,
            "bijeenkomst": object_.bijeenkomst_id,
            "communicatie": object_.communicatie_id,
        },
    )
    return render(
        request, "pvo/activiteit.html", context(request, cyclus=cyclus, plan=plan, activiteit=object_, form=form)
    )


@require_POST
@vereist(Actie.BEKIJKEN)
@alleen_pvo
def activiteit_verwijder(request, werkgroep, pk):
    """Delete an activity (``activiteit_verwijder``) and return to the calendar."""
    from aanpak.services.pvo import activiteit_verwijder as verwijder

    if not request.toegang.mag(Actie.WIJZIGEN):
        raise PermissionDenied(weigering(request))
    _cyclus, plan = _plan(request)
    object_ = get_object_or_404(plan.activiteiten, pk=pk)
    titel = object_.titel
    try:
        verwijder(actor=request.user, activiteit=object_)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, f"{titel} is van de kalender verwijderd.")
    return redirect("aanpak:pvo_kalender", werkgroep=request.werkgroep.slug)
