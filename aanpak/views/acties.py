"""“Mijn acties”: the measures of the member's party due this quarter and overdue, and the weekly mail."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from aanpak.selectors import acties_van_partij, weekmail_afgemeld
from aanpak.services.afmelding import weekmail_kies
from aanpak.views.basis import context, cyclus_en_plan
from kvo.mixins import vereist
from kvo.permissions import Actie


@vereist(Actie.BEKIJKEN)
def mijn_acties(request, werkgroep):
    cyclus, plan = cyclus_en_plan(request)
    lid = request.toegang.lid
    acties = acties_van_partij(plan, lid.partij_id if lid else None, timezone.localdate())
    afgemeld = lid is not None and weekmail_afgemeld(lid)
    # An agenda member cannot record progress, so the weekly mail goes to the party's members who can.
    namens = _vastleggers(lid) if lid is not None and lid.agendalid else []
    return render(
        request,
        "aanpak/mijn_acties.html",
        context(request, cyclus=cyclus, plan=plan, lid=lid, acties=acties, afgemeld=afgemeld,
                partij=lid.partij if lid else None, namens=namens),
    )  # fmt: skip


def _vastleggers(lid) -> list[str]:
    """The names of the members of ``lid``'s party who may record progress (and get the weekly mail)."""
    vandaag = timezone.localdate()
    andere = lid.partij.leden.filter(agendalid=False).only("naam", "lid_sinds", "lid_tot").order_by("naam")
    return [ander.naam for ander in andere if ander.heeft_toegang(vandaag)]


@require_POST
@vereist(Actie.BEKIJKEN)
def weekmail(request, werkgroep):
    lid = request.toegang.lid
    if lid is None:
        messages.error(request, "Alleen leden van de werkgroep krijgen het weekoverzicht.")
    elif request.POST.get("ontvangen") == "1":
        weekmail_kies(actor=request.user, lid=lid, ontvangen=True)
        messages.success(request, "U krijgt weer elke maandag het overzicht van uw acties.")
    else:
        weekmail_kies(actor=request.user, lid=lid, ontvangen=False)
        messages.success(request, "U krijgt het wekelijkse overzicht niet meer.")
    return redirect("aanpak:mijn_acties", werkgroep=request.werkgroep.slug)
