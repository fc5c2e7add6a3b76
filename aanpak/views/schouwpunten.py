"""Inspection points that recur or need another approach, taken into the matrix with one click (§4.2.4)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from aanpak.services.maatregelen import schouwpunt_neem_over
from aanpak.views.basis import context, cyclus_en_plan
from analyse.models import Schouwpunt
from kvo.mixins import vereist
from kvo.permissions import Actie
from kvo.toets import voer_toets_uit


@vereist(Actie.BEKIJKEN)
def schouwpunten(request, werkgroep):
    cyclus, plan = cyclus_en_plan(request)
    punten = []
    if cyclus is not None:
        punten = list(
            Schouwpunt.objects.filter(schouw__cyclus=cyclus, positief=False)
            .select_related("schouw", "wie", "terrein")
            .order_by("-terugkerend", "-schouw__datum", "nummer")
        )
    opgenomen = {}
    if plan is not None:
        opgenomen = {m.schouwpunt_id: m for m in plan.maatregelen.filter(schouwpunt__isnull=False)}
    rijen = [(p, opgenomen.get(p.pk)) for p in punten]
    return render(
        request,
        "aanpak/schouwpunten.html",
        context(request, cyclus=cyclus, plan=plan, rijen=rijen,
                resultaten=voer_toets_uit(request.werkgroep, ids=("pva.schouwpunten",)) if cyclus else []),
    )  # fmt: skip


@require_POST
@vereist(Actie.WIJZIGEN)
def overnemen(request, werkgroep, pk):
    _cyclus, plan = cyclus_en_plan(request, verplicht=True)
    punt = get_object_or_404(
        Schouwpunt.objects.select_related("schouw", "wie"), pk=pk, schouw__werkgroep=request.werkgroep
    )
    try:
        m = schouwpunt_neem_over(actor=request.user, plan=plan, punt=punt)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
        return redirect("aanpak:schouwpunten", werkgroep=request.werkgroep.slug)
    messages.success(request, f"Opgenomen in de matrix: {m.titel}. Vul nu kwartalen en tijd in.")
    return redirect(reverse("aanpak:maatregel_wijzig", kwargs={"werkgroep": request.werkgroep.slug, "pk": m.pk}))
