"""PVO's area scan (issue 23, pvo.gebiedsscan): each stakeholder's top 3 phenomena on the park,
presented at the presentation of the current situation. Only for a PVO group (404 for KVO)."""

from __future__ import annotations

from django.shortcuts import render

from analyse.models import Gebiedsscan
from analyse.views.basis import context, huidige_cyclus
from kvo.mixins import vereist
from kvo.permissions import Actie
from kvo.regeling_paginas import alleen_pvo
from kvo.toets import voer_toets_uit
from werkgroepen.models import Partij

# the seed's list (§1.8): what a stakeholder may name, as a start; any phenomenon of its own is fine
VOORBEELDEN = (
    "MOR-meldingen bedrijventerrein",
    "Afvaldumpingen",
    "Gevaarlijk afval",
    "Grofvuil",
    "Storing persriool",
    "Stankoverlast riool",
    "Storingen/verstoppingen drukriolering",
    "Vernielingen / achterstallig onderhoud groen",
    "Vernielingen",
    "Meldingen overlast",
    "Leegstand",
    "Wild- en visstroperij",
    "Crossen",
    "Verkeersveiligheid",
)


@vereist(Actie.BEKIJKEN)
@alleen_pvo
def gebiedsscan(request, werkgroep):
    wg = request.werkgroep
    cyclus = huidige_cyclus(request)
    scans = {}
    if cyclus is not None:
        scans = {s.partij_id: s for s in Gebiedsscan.objects.filter(cyclus=cyclus).select_related("bijeenkomst")}
    # the stakeholders; the process facilitation (PVO Oost-Nederland) advises and scans nothing
    partijen = wg.partijen.exclude(soort=Partij.Soort.PROCESBEGELEIDING).order_by("naam")
    rijen = [{"partij": p, "scan": scans.get(p.pk)} for p in partijen]
    # how often each phenomenon is named, over all stakeholders: what the partners share
    telling: dict[str, int] = {}
    for s in scans.values():
        for f in s.fenomenen or []:
            telling[f] = telling.get(f, 0) + 1
    gedeeld = sorted(telling.items(), key=lambda t: (-t[1], t[0]))
    return render(
        request,
        "pvo/gebiedsscan.html",
        context(
            request,
            cyclus=cyclus,
            rijen=rijen,
            n_scans=len(scans),
            gedeeld=gedeeld,
            voorbeelden=VOORBEELDEN,
            resultaten=voer_toets_uit(wg, ids=("pvo.gebiedsscan",)) if cyclus else [],
        ),
    )
