"""PVO's survey letter and the presentation of its results (issue 23, ``pvo.enquete``): the letter
with the survey's link is sent on behalf of the municipality and signed by the mayor; the results are
presented to the participants. Only for a PVO group (404 for a KVO group)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from analyse.models import Enquete
from analyse.views.basis import context, huidige_cyclus
from kvo.forms_pvo_aanvulling import BriefForm, PresentatieForm
from kvo.formulieren import verwerk
from kvo.mixins import vereist
from kvo.permissions import Actie
from kvo.regeling_paginas import alleen_pvo
from kvo.toets import voer_toets_uit
from werkgroepen.models import Partij


@require_http_methods(["GET", "POST"])
@vereist(Actie.BEKIJKEN)
@alleen_pvo
def brief(request, werkgroep):
    wg = request.werkgroep
    cyclus = huidige_cyclus(request)
    enquete = Enquete.objects.filter(cyclus=cyclus).first() if cyclus is not None else None
    gemeenten = wg.partijen.filter(soort=Partij.Soort.GEMEENTE).order_by("naam")
    bijeenkomsten = list(wg.bijeenkomsten.order_by("-datum"))
    if request.method == "POST":
        if enquete is None:
            raise Http404("Er is nog geen enquête.")
        return _post(request, enquete, gemeenten, bijeenkomsten)
    extra = {"cyclus": cyclus, "enquete": enquete}
    if enquete is not None:
        extra.update(
            brief_form=BriefForm(
                gemeenten=gemeenten,
                initial={"namens": enquete.brief_namens_id, "ondertekenaar": enquete.brief_ondertekenaar},
            ),
            presentatie_form=PresentatieForm(
                bijeenkomsten=bijeenkomsten,
                initial={
                    "op": enquete.resultaten_gepresenteerd_op,
                    "bijeenkomst": enquete.resultaten_gepresenteerd_in_id,
                },
            ),
            namens=next((g for g in gemeenten if g.pk == enquete.brief_namens_id), None),
            gepresenteerd_in=next((b for b in bijeenkomsten if b.pk == enquete.resultaten_gepresenteerd_in_id), None),
            resultaten=voer_toets_uit(wg, ids=("pvo.enquete",)),
        )
    return render(request, "pvo/brief.html", context(request, **extra))


def _post(request, enquete, gemeenten, bijeenkomsten):
    """The letter (``enquete_leg_brief_vast``) or the presentation (``enquete_markeer_resultaten_gepresenteerd``)."""
    from analyse.services.pvo import enquete_leg_brief_vast, enquete_markeer_resultaten_gepresenteerd

    if request.POST.get("formulier") == "presentatie":

        def presentatie(form):
            pk = form.cleaned_data["bijeenkomst"]
            bijeenkomst = next((b for b in bijeenkomsten if b.pk == pk), None)
            enquete_markeer_resultaten_gepresenteerd(
                actor=request.user, enquete=enquete, op=form.cleaned_data["op"], bijeenkomst=bijeenkomst
            )
            return "De presentatie van de resultaten is vastgelegd."

        return verwerk(request, PresentatieForm(request.POST, bijeenkomsten=bijeenkomsten), presentatie)

    def leg_vast(form):
        enquete_leg_brief_vast(
            actor=request.user,
            enquete=enquete,
            namens=form.cleaned_data["namens"],
            ondertekenaar=form.cleaned_data["ondertekenaar"],
        )
        return "De brief bij de enquête is vastgelegd."

    return verwerk(request, BriefForm(request.POST, gemeenten=gemeenten), leg_vast)
