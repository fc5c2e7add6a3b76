"""The safety analysis at a glance (the four steps and their rules) and its conclusion (§4.1.4)."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse

from analyse import catalogus
from analyse.forms_conclusie import ConclusieForm, PrioriteitenFormSet
from analyse.selectors.conclusie import conclusie_stand, conclusie_van, prioriteiten_initial
from analyse.services.conclusie import conclusie_bewaar
from analyse.views.basis import context, huidige_cyclus
from kvo.eisen import EISEN
from kvo.formulieren import verwerk_formulier
from kvo.grafieken import Staaf, staafdiagram
from kvo.mixins import vereist
from kvo.permissions import Actie
from kvo.toets import voer_toets_uit

ANALYSE_IDS = tuple(i for i in EISEN if i.split(".")[0] in ("enquete", "cijfers", "schouw", "analyse"))


@vereist(Actie.BEKIJKEN)
def overzicht(request, werkgroep):
    cyclus = huidige_cyclus(request)
    extra = {"cyclus": cyclus}
    if cyclus is not None:
        resultaten = voer_toets_uit(request.werkgroep, ids=ANALYSE_IDS)
        extra.update(
            stand=conclusie_stand(cyclus),
            resultaten=resultaten,
            voldaan=sum(1 for r in resultaten if r.status in ("voldaan", "nvt")),
        )
    return render(request, "analyse/overzicht.html", context(request, **extra))


def _grafiek(prioriteiten):
    """The prioritised themes as bars, highest score first (None without any)."""
    geprioriteerd = sorted((p for p in prioriteiten if p.score), key=lambda p: (-p.score, p.volgorde))
    if not geprioriteerd:
        return None
    return staafdiagram(
        [Staaf(catalogus.thema_naam(p.thema), p.score, f"{p.score} (jaar {p.jaar or '–'})") for p in geprioriteerd],
        titel="Prioriteit per thema: kans × impact (hoogstens 100)",
        maximum=100,
    )


@vereist(Actie.BEKIJKEN, schrijven=Actie.WIJZIGEN)
def conclusie(request, werkgroep):
    cyclus = huidige_cyclus(request)
    if cyclus is None:
        return render(request, "analyse/conclusie.html", context(request, cyclus=None))
    bestaand = conclusie_van(cyclus)
    prioriteiten = list(bestaand.prioriteiten.all()) if bestaand else []
    initial = prioriteiten_initial(cyclus, prioriteiten)
    gegevens = request.POST if request.method == "POST" else None
    form = ConclusieForm(
        gegevens,
        werkgroep=request.werkgroep,
        initial={
            "samenvatting": bestaand.samenvatting if bestaand else "",
            "conclusie": bestaand.conclusie if bestaand else "",
            "vastgesteld_op": bestaand.vastgesteld_op if bestaand else None,
            "vastgesteld_in": bestaand.vastgesteld_in if bestaand else None,
        },
    )
    formset = PrioriteitenFormSet(gegevens, initial=initial, prefix="p")
    if request.method == "POST":
        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: conclusie_bewaar(
                actor=request.user,
                cyclus=cyclus,
                gegevens=g,
                prioriteiten=[f.cleaned_data for f in formset.forms if f.cleaned_data],
            ),
            ook=[formset],
            succes="De conclusie is opgeslagen.",
            naar=reverse("analyse:conclusie", kwargs={"werkgroep": request.werkgroep.slug}),
        )
        if antwoord is not None:
            return antwoord
    rijen = list(zip(formset.forms, [catalogus.thema_naam(r["thema"]) for r in initial], strict=False))
    return render(
        request,
        "analyse/conclusie.html",
        context(
            request,
            cyclus=cyclus,
            conclusie=bestaand,
            form=form,
            formset=formset,
            rijen=rijen,
            grafiek=_grafiek(prioriteiten),
            resultaten=voer_toets_uit(request.werkgroep, ids=("analyse.conclusie",)),
        ),
        status=422 if request.method == "POST" else 200,
    )
