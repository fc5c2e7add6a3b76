"""PVO's execution plan (issue 23): each stakeholder's actions by quarter, and the recalibration.

Both pages exist only for a PVO group (``kvo.regeling_paginas.alleen_pvo``; 404 for a KVO group).
The plan is the ordinary ``aanpak.Plan``; its measures are edited in the measures matrix.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from aanpak.selectors_pvo import acties_per_partij, periode
from aanpak.views.basis import context, cyclus_en_plan
from kvo.forms_pvo import ActiviteitForm, VaststellenForm
from kvo.formulieren import verwerk, verwerk_formulier
from kvo.invoer import DatumVeld
from kvo.mixins import vereist, weigering
from kvo.permissions import Actie
from kvo.regeling_paginas import alleen_pvo
from kvo.toets import voer_toets_uit


class HerijkingForm(forms.Form):
    start = DatumVeld(
        label="Start van het nieuwe uitvoeringsplan",
        help_text="De bijeenkomst waarin de werkgroep de thema's en acties herijkt.",
    )


@vereist(Actie.BEKIJKEN)
@alleen_pvo
def per_partij(request, werkgroep):
    """The execution plan per stakeholder: a grid of the plan's eight quarters per party (pvo.prioriteiten)."""
    cyclus, plan = cyclus_en_plan(request)
    extra = {"cyclus": cyclus, "plan": plan}
    if plan is not None:
        vandaag = timezone.localdate()
        kolommen, rijen = acties_per_partij(plan, vandaag)
        begin, eind = periode(plan)
        extra.update(kolommen=kolommen, rijen=rijen, begin=begin, eind=eind)
    return render(request, "pvo/per_partij.html", context(request, **extra))


@require_http_methods(["GET", "POST"])
@vereist(Actie.BEKIJKEN)
@alleen_pvo
def herijking(request, werkgroep):
    """Every two years the group recalibrates: a new cycle whose plan starts from the previous one
    (``aanpak.services.pvo.herijking_start``; the plan is carried forward, ``Plan.vernieuwd_van``)."""
    from aanpak.services.pvo import herijking_start

    cyclus, plan = cyclus_en_plan(request)
    vandaag = timezone.localdate()
    form = HerijkingForm(request.POST or None, initial={"start": vandaag})
    if request.method == "POST":
        if not request.toegang.mag(Actie.BEHEREN):
            raise PermissionDenied(weigering(request))
        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: herijking_start(actor=request.user, werkgroep=request.werkgroep, start=g["start"]),
            succes=lambda nieuw: (
                f"De herijking is gestart: cyclus {nieuw.nummer} met een nieuw uitvoeringsplan op "
                "basis van het vorige. Stel het plan vast zodra de werkgroep het heeft herijkt."
            ),
            naar=reverse("aanpak:overzicht", kwargs={"werkgroep": request.werkgroep.slug}),
        )
        if antwoord is not None:
            return antwoord
    extra = {"cyclus": cyclus, "plan": plan, "form": form, "vandaag": vandaag}
    if plan is not None:
        begin, eind = periode(plan)
        extra.update(begin=begin, eind=eind, dagen_over=(eind - vandaag).days)
        extra["vorig"] = plan.vernieuwd_van
    return render(request, "pvo/herijking.html", context(request, **extra))


@require_http_methods(["GET", "POST"])
@vereist(Actie.BEKIJKEN)
@alleen_pvo
def kalender(request, werkgroep):
    """The activity calendar (pvo.activiteitenkalender): information meetings for public parties and
    for entrepreneurs, and the partners' communications, planned together with the plan."""
    from aanpak.models import Activiteit

    cyclus, plan = cyclus_en_plan(request)
    vandaag = timezone.localdate()
    extra = {"cyclus": cyclus, "plan": plan, "vandaag": vandaag}
    partijen = request.werkgroep.partijen.order_by("naam")
    if request.method == "POST":
        if plan is None:
            raise Http404("Er is nog geen uitvoeringsplan.")
        return _kalender_post(request, plan, partijen, Activiteit)
    if plan is not None:
        extra["form"] = ActiviteitForm(
            partijen=partijen, soorten=Activiteit.Soort.choices, initial={"gepland_op": vandaag}
        )
        extra["vaststellen"] = VaststellenForm(initial={"vastgesteld_op": plan.kalender_vastgesteld_op or vandaag})
        activiteiten = list(
            plan.activiteiten.select_related("partij", "bijeenkomst", "communicatie").order_by("gepland_op", "pk")
        )
        per_soort = {s: 0 for s, _label in Activiteit.Soort.choices}
        for a in activiteiten:
            per_soort[a.soort] = per_soort.get(a.soort, 0) + 1
        extra.update(
            activiteiten=activiteiten,
            tellingen=[
                (label, per_soort.get(s, 0))
                for s, label in Activiteit.Soort.choices
                if s != Activiteit.Soort.OVERIG or per_soort.get(s)
            ],
            komend=next((a for a in activiteiten if a.gepland_op >= vandaag), None),
            resultaten=voer_toets_uit(
                request.werkgroep, cyclus=cyclus, ids=("pvo.activiteitenkalender", "pvo.communicatie")
            ),
        )
    return render(request, "pvo/kalender.html", context(request, **extra))


def _kalender_post(request, plan, partijen, Activiteit):
    """An activity on the calendar (``activiteit_maak``), or the calendar adopted
    (``activiteitenkalender_stel_vast``)."""
    from aanpak.services.pvo import activiteit_maak, activiteitenkalender_stel_vast

    if request.POST.get("formulier") == "vaststellen":

        def vaststellen(form):
            activiteitenkalender_stel_vast(
                actor=request.user, plan=plan, vastgesteld_op=form.cleaned_data["vastgesteld_op"]
            )
            return f"De activiteitenkalender is vastgesteld op {form.cleaned_data['vastgesteld_op']:%d-%m-%Y}."

        return verwerk(request, VaststellenForm(request.POST), vaststellen)

    def maken(form):
        a = activiteit_maak(actor=request.user, plan=plan, **form.cleaned_data)
        return f"{a.titel} staat op de kalender ({a.gepland_op:%d-%m-%Y})."

    return verwerk(request, ActiviteitForm(request.POST, partijen=partijen, soorten=Activiteit.Soort.choices), maken)
