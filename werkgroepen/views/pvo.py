"""PVO's partnership page (issue 23): the kick-off, the participants, the municipality's committed
capacity and the optional declaration of intent (pvo.kickoff, pvo.deelnemers, pvo.capaciteit,
pvo.intentieverklaring). Only for a PVO group (404 for a KVO group)."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone

from kvo.mixins import vereist
from kvo.permissions import Actie
from kvo.regeling_paginas import alleen_pvo
from kvo.toets import voer_toets_uit
from werkgroepen import selectors
from werkgroepen.models import Bijeenkomst, Partij
from werkgroepen.views.basis import context

SAMENWERKING_IDS = ("pvo.kickoff", "pvo.deelnemers", "pvo.capaciteit", "pvo.intentieverklaring")


@vereist(Actie.BEKIJKEN)
@alleen_pvo
def samenwerking(request, werkgroep):
    wg = request.werkgroep
    vandaag = timezone.localdate()
    kickoff = (
        wg.bijeenkomsten.filter(soort=Bijeenkomst.Soort.KICK_OFF)
        .select_related("georganiseerd_door")
        .prefetch_related("aanwezigen__partij")
        .order_by("datum")
        .first()
    )
    actief = selectors.actieve_leden(selectors.leden(wg), vandaag)
    partijen = []
    for p in wg.partijen.order_by("naam"):
        partijen.append({"partij": p, "leden": [lid for lid in actief if lid.partij_id == p.pk]})
    gemeenten = [p for p in wg.partijen.all() if p.soort == Partij.Soort.GEMEENTE]
    return render(
        request,
        "pvo/samenwerking.html",
        context(
            request,
            kickoff=kickoff,
            aanwezigen=list(kickoff.aanwezigen.all()) if kickoff else [],
            partijen=partijen,
            gemeenten=gemeenten,
            resultaten=voer_toets_uit(wg, ids=SAMENWERKING_IDS),
        ),
    )
