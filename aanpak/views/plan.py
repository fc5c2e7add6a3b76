"""The plan at a glance: its rules, its state, creating it and adopting it (§4.2, §4.3)."""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from aanpak.forms import VaststellenForm
from aanpak.models import Maatregel
from aanpak.selectors import acties_van_partij, evaluaties_van
from aanpak.services.plan import is_huidig, plan_maak, plan_stel_vast
from aanpak.views.basis import EVALUATIE_IDS, PVA_IDS, context, cyclus_en_plan
from kvo.formulieren import verwerk
from kvo.mixins import vereist
from kvo.permissions import Actie
from kvo.toets import voer_toets_uit


def naar(naam: str, request, **kwargs):
    return redirect(f"aanpak:{naam}", werkgroep=request.werkgroep.slug, **kwargs)


@vereist(Actie.BEKIJKEN)
def overzicht(request, werkgroep):
    cyclus, plan = cyclus_en_plan(request)
    extra = {"cyclus": cyclus, "plan": plan}
    if plan is not None:
        statussen = Counter(plan.maatregelen.values_list("status", flat=True))
        extra.update(
            statussen=[(label, statussen.get(waarde, 0), waarde) for waarde, label in Maatregel.Status.choices],
            n_maatregelen=sum(statussen.values()),
            n_doelen=plan.doelstellingen.count(),
            evaluaties=evaluaties_van(cyclus),
            form=VaststellenForm(
                werkgroep=request.werkgroep,
                initial={"vastgesteld_op": plan.vastgesteld_op, "vastgesteld_in": plan.vastgesteld_in},
            ),
            alleen_lezen=not is_huidig(cyclus),
        )
        lid = request.toegang.lid if hasattr(request.toegang, "lid") else None
        if lid is not None:
            extra["acties"] = acties_van_partij(plan, lid.partij_id, timezone.localdate())
    if cyclus is not None:
        extra["resultaten"] = voer_toets_uit(request.werkgroep, cyclus=cyclus, ids=(*PVA_IDS, *EVALUATIE_IDS))
        extra["cycli"] = list(request.werkgroep.cycli.order_by("-nummer"))
    return render(request, "aanpak/overzicht.html", context(request, **extra))


@require_POST
@vereist(Actie.WIJZIGEN)
def maken(request, werkgroep):
    cyclus, _plan = cyclus_en_plan(request)
    if cyclus is None:
        messages.error(request, "Start eerst een cyclus; het plan van aanpak hoort bij een cyclus.")
        return naar("overzicht", request)
    try:
        plan_maak(actor=request.user, cyclus=cyclus)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(request, "Het plan van aanpak is gemaakt, met de vaste jaarlijkse maatregelen (§4.2.5).")
    return naar("overzicht", request)


@require_POST
@vereist(Actie.WIJZIGEN)
def vaststellen(request, werkgroep):
    _cyclus, plan = cyclus_en_plan(request, verplicht=True)

    def stel_vast(form) -> str:
        try:
            plan_stel_vast(actor=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as fout:  # the refusal says what was not done, like an invalid form
            raise ValidationError("Het plan is niet vastgesteld: " + " ".join(fout.messages)) from fout
        return f"Het plan is vastgesteld op {plan.vastgesteld_op:%d-%m-%Y}."

    return verwerk(
        request,
        VaststellenForm(request.POST, werkgroep=request.werkgroep),
        stel_vast,
        naar=reverse("aanpak:overzicht", kwargs={"werkgroep": request.werkgroep.slug}),
        ongeldig=lambda form: "Het plan is niet vastgesteld: " + " ".join(m for ms in form.errors.values() for m in ms),
    )
