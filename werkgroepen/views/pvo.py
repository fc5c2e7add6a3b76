"""PVO's partnership page (issue 23): the kick-off, the participants, the municipality's committed
capacity and the optional declaration of intent (pvo.kickoff, pvo.deelnemers, pvo.capaciteit,
pvo.intentieverklaring), and the move to KVO-B. Only for a PVO group (404 for a KVO group)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from kvo.forms_pvo import CapaciteitForm, IntentieverklaringForm
from kvo.formulieren import verwerk, verwerk_formulier
from kvo.invoer import DatumVeld, id_uit
from kvo.mixins import vereist, weigering
from kvo.permissions import Actie
from kvo.regeling_paginas import alleen_pvo
from kvo.toets import voer_toets_uit
from werkgroepen import selectors
from werkgroepen.models import Bijeenkomst, Partij
from werkgroepen.views.basis import context

SAMENWERKING_IDS = ("pvo.kickoff", "pvo.deelnemers", "pvo.capaciteit", "pvo.intentieverklaring")


@require_http_methods(["GET", "POST"])
@vereist(Actie.BEKIJKEN)
@alleen_pvo
def samenwerking(request, werkgroep):
    wg = request.werkgroep
    if request.method == "POST":
        return _samenwerking_post(request, wg)
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
            gemeenten=[
                (
                    g,
                    CapaciteitForm(
                        initial={
                            "toegezegde_capaciteit": g.toegezegde_capaciteit,
                            "toegezegd_op": g.capaciteit_toegezegd_op or vandaag,
                        }
                    ),
                )
                for g in gemeenten
            ],
            resultaten=voer_toets_uit(wg, ids=SAMENWERKING_IDS),
            intentie_form=IntentieverklaringForm(
                initial={"getekend_op": wg.intentieverklaring_op, "geen": wg.geen_intentieverklaring}
            ),
        ),
    )


def _samenwerking_post(request, wg):
    """The municipality's committed capacity (``partij_leg_capaciteit_vast``), or the optional
    declaration of intent (``werkgroep_intentieverklaring_wijzig``)."""
    from werkgroepen.services.pvo import partij_leg_capaciteit_vast, werkgroep_intentieverklaring_wijzig

    if request.POST.get("formulier") == "intentieverklaring":

        def intentie(form):
            werkgroep_intentieverklaring_wijzig(actor=request.user, werkgroep=wg, **form.cleaned_data)
            return "De intentieverklaring is vastgelegd."

        return verwerk(request, IntentieverklaringForm(request.POST), intentie)

    partij = get_object_or_404(
        wg.partijen, pk=id_uit(request.POST.get("partij")) or 0, soort=Partij.Soort.GEMEENTE
    )  # "1e309" or a NUL byte is not an id: 404, like an id of no party

    def doe(form):
        partij_leg_capaciteit_vast(
            actor=request.user,
            partij=partij,
            toegezegde_capaciteit=form.cleaned_data["toegezegde_capaciteit"],
            toegezegd_op=form.cleaned_data["toegezegd_op"],
        )
        return f"De toegezegde capaciteit van {partij.naam} is vastgelegd."

    return verwerk(request, CapaciteitForm(request.POST), doe)


class NaarKvoForm(forms.Form):
    start = DatumVeld(
        label="Start van de eerste KVO-cyclus",
        help_text="Jaar 1 van de certificeringscyclus (drie jaar) begint op deze datum.",
    )
    bevestig = forms.BooleanField(
        label="Ik begrijp dat de werkgroep vanaf deze cyclus volgens KVO-B 4.0 werkt, "
        "met een audit en een certificaat.",
    )


@require_http_methods(["GET", "POST"])
@vereist(Actie.BEKIJKEN)
@alleen_pvo
def naar_kvo(request, werkgroep):
    """A PVO group goes for the KVO certificate: a new cycle under KVO-B 4.0 from what it has
    (``werkgroepen.services.regeling.werkgroep_zet_om_naar_kvo``)."""
    from werkgroepen.services.regeling import werkgroep_zet_om_naar_kvo

    form = NaarKvoForm(request.POST or None, initial={"start": timezone.localdate()})
    if request.method == "POST":
        if not request.toegang.mag(Actie.BEHEREN):
            raise PermissionDenied(weigering(request))
        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: werkgroep_zet_om_naar_kvo(actor=request.user, werkgroep=request.werkgroep, start=g["start"]),
            succes=lambda cyclus: (
                f"De werkgroep werkt nu volgens KVO-B 4.0: cyclus {cyclus.nummer} is gestart met het gebied, de "
                "partijen, de cijfers en het plan. De enquête staat klaar als concept."
            ),
            naar=reverse("werkgroepen:home", kwargs={"werkgroep": request.werkgroep.slug}),
        )
        if antwoord is not None:
            return antwoord
    return render(request, "pvo/naar_kvo.html", context(request, form=form))
