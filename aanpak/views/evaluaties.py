"""Yearly evaluations (§4.4.1), the third-year one with goal attainment (§4.4.2), and improvement
points that become measures with one click."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from aanpak.forms import EvaluatieForm
from aanpak.models import Evaluatie
from aanpak.models.evaluatie import VRAGEN_DERDE_JAAR, VRAGEN_MAATREGELEN, VRAGEN_SAMENWERKING
from aanpak.selectors import doelbereik, evaluaties_van
from aanpak.services.evaluaties import evaluatie_bewaar
from aanpak.services.maatregelen import verbeterpunt_neem_over
from aanpak.services.plan import is_huidig
from aanpak.views.basis import EVALUATIE_IDS, context, cyclus_en_plan
from aanpak.views.plan import naar
from kvo.formulieren import verwerk_formulier
from kvo.mixins import vereist
from kvo.permissions import Actie
from kvo.toets import cyclus_jaren, voer_toets_uit


@vereist(Actie.BEKIJKEN)
def evaluaties(request, werkgroep):
    cyclus, plan = cyclus_en_plan(request)
    jaren = cyclus_jaren(cyclus.start, timezone.localdate()) if cyclus else []
    lijst = evaluaties_van(cyclus) if cyclus else []
    per_jaar = {e.jaar: e for e in lijst}
    return render(
        request,
        "aanpak/evaluaties.html",
        context(request, cyclus=cyclus, plan=plan, jaren=[(j, per_jaar.get(j.nummer)) for j in jaren],
                resultaten=voer_toets_uit(request.werkgroep, cyclus=cyclus, ids=EVALUATIE_IDS) if cyclus else [],
                alleen_lezen=cyclus is not None and not is_huidig(cyclus)),
    )  # fmt: skip


def _vragen(e: Evaluatie):
    def blok(vragen):
        return [(str(tekst), getattr(e, veld)) for veld, tekst in vragen]

    delen = [("Maatregelen", blok(VRAGEN_MAATREGELEN)), ("Samenwerking", blok(VRAGEN_SAMENWERKING))]
    if e.soort == Evaluatie.Soort.DERDE_JAAR:
        delen.append(("Doelstellingen (derde jaar)", blok(VRAGEN_DERDE_JAAR)))
    return delen


@vereist(Actie.BEKIJKEN)
def evaluatie(request, werkgroep, pk):
    cyclus, plan = cyclus_en_plan(request)
    e = get_object_or_404(Evaluatie.objects.select_related("cyclus"), pk=pk, werkgroep=request.werkgroep)
    overgenomen = set()
    if plan is not None:
        overgenomen = set(plan.maatregelen.filter(bron_evaluatie=e).values_list("titel", flat=True))
    punten = [(i, p, p[:300] in overgenomen) for i, p in enumerate(e.verbeterpunten)]
    return render(
        request,
        "aanpak/evaluatie.html",
        context(request, cyclus=cyclus, plan=plan, e=e, delen=_vragen(e), punten=punten,
                bereik=doelbereik(plan) if plan is not None and e.jaar == 3 else [],
                alleen_lezen=not is_huidig(e.cyclus)),
    )  # fmt: skip


@vereist(Actie.WIJZIGEN)
def evaluatie_form(request, werkgroep, pk=None):
    cyclus, _plan = cyclus_en_plan(request)
    if cyclus is None:
        return naar("evaluaties", request)
    e = get_object_or_404(Evaluatie, pk=pk, cyclus=cyclus) if pk else None
    if e is not None:
        initial = {v: getattr(e, v) for v in EvaluatieForm().fields if v != "verbeterpunten"}
        initial["verbeterpunten"] = "\n".join(e.verbeterpunten)
    else:
        initial = {"jaar": request.GET.get("jaar", 1)}
    form = EvaluatieForm(request.POST or None, initial=initial)
    if request.method == "POST":
        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: evaluatie_bewaar(actor=request.user, cyclus=cyclus, gegevens=g, evaluatie=e),
            succes=lambda bewaard: (
                f"Opgeslagen; nog {len(bewaard.onbeantwoord())} vragen open."
                if bewaard.onbeantwoord()
                else "De evaluatie is opgeslagen."
            ),
            niveau=lambda bewaard: messages.WARNING if bewaard.onbeantwoord() else messages.SUCCESS,
            naar=lambda bewaard: reverse(
                "aanpak:evaluatie", kwargs={"werkgroep": request.werkgroep.slug, "pk": bewaard.pk}
            ),
        )
        if antwoord is not None:
            return antwoord
    return render(
        request,
        "aanpak/evaluatie_form.html",
        context(request, cyclus=cyclus, form=form, e=e),
        status=422 if request.method == "POST" else 200,
    )


@require_POST
@vereist(Actie.WIJZIGEN)
def verbeterpunt(request, werkgroep, pk, index):
    _cyclus, plan = cyclus_en_plan(request, verplicht=True)
    e = get_object_or_404(Evaluatie, pk=pk, werkgroep=request.werkgroep)
    try:
        m = verbeterpunt_neem_over(actor=request.user, plan=plan, evaluatie=e, index=index)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
        return redirect("aanpak:evaluatie", werkgroep=request.werkgroep.slug, pk=e.pk)
    messages.success(request, f"Als maatregel opgenomen: {m.titel}. Vul verantwoordelijke en kwartalen in.")
    return redirect("aanpak:maatregel_wijzig", werkgroep=request.werkgroep.slug, pk=m.pk)
