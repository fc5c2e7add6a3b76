"""PVO's area scan (issue 23, pvo.gebiedsscan): each stakeholder's top 3 phenomena on the park,
presented at the presentation of the current situation. Only for a PVO group (404 for KVO)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from analyse.models import Gebiedsscan
from analyse.views.basis import context, huidige_cyclus
from kvo.forms_pvo import GebiedsscanForm
from kvo.formulieren import verwerk
from kvo.invoer import id_uit
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


@require_http_methods(["GET", "POST"])
@vereist(Actie.BEKIJKEN)
@alleen_pvo
def gebiedsscan(request, werkgroep):
    wg = request.werkgroep
    cyclus = huidige_cyclus(request)
    bijeenkomsten = list(wg.bijeenkomsten.order_by("-datum"))
    if request.method == "POST":
        return _bewaar(request, wg, cyclus, bijeenkomsten)
    scans = {}
    if cyclus is not None:
        scans = {s.partij_id: s for s in Gebiedsscan.objects.filter(cyclus=cyclus).select_related("bijeenkomst")}
    # the stakeholders; the process facilitation (PVO Oost-Nederland) advises and scans nothing
    partijen = wg.partijen.exclude(soort=Partij.Soort.PROCESBEGELEIDING).order_by("naam")
    rijen = []
    for p in partijen:
        scan = scans.get(p.pk)
        fen = list(scan.fenomenen) if scan else []
        initial = {f"fenomeen_{i + 1}": f for i, f in enumerate(fen[:3])}
        initial.update(bijeenkomst=scan.bijeenkomst_id if scan else None, toelichting=scan.toelichting if scan else "")
        form = GebiedsscanForm(initial=initial, bijeenkomsten=bijeenkomsten, prefix=f"p{p.pk}")
        rijen.append({"partij": p, "scan": scan, "form": form})
    # how often each phenomenon is named, over all stakeholders: what the partners share
    telling: dict[str, int] = {}
    for s in scans.values():
        for f in s.fenomenen or []:
            telling[f] = telling.get(f, 0) + 1
    gedeeld = sorted(((f, n) for f, n in telling.items() if n > 1), key=lambda t: (-t[1], t[0]))
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


def _bewaar(request, wg, cyclus, bijeenkomsten):
    """One stakeholder's top 3 (``analyse.services.pvo.gebiedsscan_bewaar``)."""
    from analyse.services.pvo import gebiedsscan_bewaar

    if cyclus is None:
        raise Http404("Er is nog geen cyclus gestart.")
    partij = get_object_or_404(wg.partijen, pk=id_uit(request.POST.get("partij")) or 0)  # "1e309": not an id
    form = GebiedsscanForm(request.POST, bijeenkomsten=bijeenkomsten, prefix=f"p{partij.pk}")

    def doe(form):
        gebiedsscan_bewaar(
            actor=request.user,
            cyclus=cyclus,
            partij=partij,
            fenomenen=form.fenomenen,
            bijeenkomst=next((b for b in bijeenkomsten if b.pk == form.cleaned_data["bijeenkomst"]), None),
            toelichting=form.cleaned_data["toelichting"],
        )
        return f"De gebiedsscan van {partij.naam} is opgeslagen."

    return verwerk(request, form, doe)
