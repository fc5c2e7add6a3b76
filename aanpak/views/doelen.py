"""Goals per theme (§4.2.1–4.2.2): written on the analysis's evidence, SMART, with live coverage."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from aanpak.forms import DoelForm
from aanpak.models import Doelstelling
from aanpak.selectors import doelenoverzicht
from aanpak.services import plan as plan_services  # the view below is also called doel_verwijder
from aanpak.services.plan import doel_bewaar, is_huidig
from aanpak.views.basis import context, cyclus_en_plan
from aanpak.views.plan import naar
from analyse import catalogus
from kvo.formulieren import verwerk_formulier
from kvo.mixins import vereist
from kvo.permissions import Actie
from kvo.toets import voer_toets_uit

DOEL_IDS = ("pva.smart", "pva.thema-dekking")


@vereist(Actie.BEKIJKEN)
def doelen(request, werkgroep):
    cyclus, plan = cyclus_en_plan(request)
    extra = {"cyclus": cyclus, "plan": plan}
    if plan is not None:
        extra.update(
            overzicht=doelenoverzicht(plan),
            resultaten=voer_toets_uit(request.werkgroep, cyclus=cyclus, ids=DOEL_IDS),
            alleen_lezen=not is_huidig(cyclus),
        )
    return render(request, "aanpak/doelen.html", context(request, **extra))


def _themas(overzicht) -> list[tuple[str, str]]:
    return [(t.sleutel, t.naam) for t in overzicht.themas]


@vereist(Actie.WIJZIGEN)
def doel_form(request, werkgroep, pk=None):
    cyclus, plan = cyclus_en_plan(request, verplicht=True)
    doel = get_object_or_404(Doelstelling, pk=pk, plan=plan) if pk else None
    overzicht = doelenoverzicht(plan)
    if doel is not None:
        initial = {v: getattr(doel, v) for v in DoelForm.base_fields}
    else:
        initial = {"thema": request.GET.get("thema", "")}
    form = DoelForm(request.POST or None, initial=initial, themas=_themas(overzicht), cijfers=overzicht.cijfers)
    status = 200
    if request.method == "POST":
        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: doel_bewaar(actor=request.user, plan=plan, gegevens=g, doel=doel),
            succes=lambda opgeslagen: f"Doelstelling opgeslagen: {opgeslagen.titel}",
            naar=reverse("aanpak:doelen", kwargs={"werkgroep": request.werkgroep.slug}),
        )
        if antwoord is not None:
            return antwoord
        status = 422
    thema = form["thema"].value()
    figuren = next((t.cijfers for t in overzicht.themas if t.sleutel == thema), [])
    return render(
        request,
        "aanpak/doel_form.html",
        context(request, cyclus=cyclus, plan=plan, form=form, doel=doel, figuren=figuren,
                thema_naam=catalogus.thema_naam(thema) if thema else ""),
        status=status,
    )  # fmt: skip


@vereist(Actie.WIJZIGEN)
def doel_verwijder(request, werkgroep, pk):
    _cyclus, plan = cyclus_en_plan(request, verplicht=True)
    doel = get_object_or_404(Doelstelling, pk=pk, plan=plan)
    if request.method == "POST":
        try:
            plan_services.doel_verwijder(actor=request.user, doel=doel)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(request, f"Doelstelling verwijderd: {doel.titel}. Haar maatregelen blijven in de matrix.")
        return naar("doelen", request)
    gevolg = "De maatregelen bij deze doelstelling blijven in de matrix, zonder doelstelling."
    return render(
        request,
        "aanpak/verwijderen.html",
        context(request, object=doel, wat="doelstelling", terug="aanpak:doelen", gevolg=gevolg),
    )
