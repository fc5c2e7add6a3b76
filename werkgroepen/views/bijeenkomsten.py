"""Meetings (§3.6, §4.3.1) and communications to all entrepreneurs (§3.7)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from kvo.formulieren import verwerk_formulier
from kvo.mixins import vereist
from kvo.permissions import Actie
from kvo.toets import cyclus_jaren, kies_cyclus
from werkgroepen import selectors, services
from werkgroepen.checks import IDS_BIJEENKOMSTEN, IDS_COMMUNICATIE
from werkgroepen.forms import BijeenkomstForm, CommunicatieForm
from werkgroepen.views.basis import context, waarschuwingen


def _jaren(werkgroep, vandaag):
    cyclus = kies_cyclus(werkgroep)
    return cyclus, (cyclus_jaren(cyclus.start, vandaag) if cyclus else [])


@vereist(Actie.BEKIJKEN)
def bijeenkomsten(request, werkgroep):
    wg = request.werkgroep
    vandaag = timezone.localdate()
    cyclus, jaren = _jaren(wg, vandaag)
    lijst = selectors.bijeenkomsten(wg)
    rijen = [(b, selectors.bijeenkomst_reden(b)) for b in lijst]
    return render(
        request,
        "werkgroepen/bijeenkomsten.html",
        context(
            request,
            cyclus=cyclus,
            rijen=rijen,
            per_jaar=selectors.per_jaar(
                lijst, jaren, selectors.bijeenkomst_telt, selectors.MINIMUM_BIJEENKOMSTEN, vandaag
            ),
            minimum=selectors.MINIMUM_BIJEENKOMSTEN,
            waarschuwingen=waarschuwingen(wg, IDS_BIJEENKOMSTEN),
        ),
    )


@vereist(Actie.BEKIJKEN)
def bijeenkomst(request, werkgroep, pk: int):
    wg = request.werkgroep
    b = get_object_or_404(wg.bijeenkomsten.prefetch_related("maatregel_voortgang__maatregel"), pk=pk)
    aanwezigen = b.aanwezigen.select_related("partij").order_by("naam")
    return render(
        request,
        "werkgroepen/bijeenkomst.html",
        context(
            request,
            bijeenkomst=b,
            aanwezigen=aanwezigen,
            reden=selectors.bijeenkomst_reden(b),
            komend=b.datum >= timezone.localdate(),
        ),
    )


@require_POST
@vereist(Actie.BEHEREN)
def bijeenkomst_nodig_uit(request, werkgroep, pk: int):
    """ "Uitnodiging versturen" (chair, secretary, facilitator): every member with an address gets a
    mail with the meeting as .ics."""
    b = get_object_or_404(request.werkgroep.bijeenkomsten, pk=pk)
    try:
        aantal = services.bijeenkomst_nodig_uit(actor=request.user, bijeenkomst=b)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, f"Uitnodiging verstuurd aan {aantal} {'lid' if aantal == 1 else 'leden'}.")
    return redirect("werkgroepen:bijeenkomst", werkgroep=request.werkgroep.slug, pk=b.pk)


@vereist(Actie.WIJZIGEN)
def bijeenkomst_nieuw(request, werkgroep):
    return _bijeenkomst_form(request, None)


@vereist(Actie.WIJZIGEN)
def bijeenkomst_wijzig(request, werkgroep, pk: int):
    return _bijeenkomst_form(request, get_object_or_404(request.werkgroep.bijeenkomsten, pk=pk))


def _bijeenkomst_form(request, b):
    wg = request.werkgroep
    form = BijeenkomstForm(request.POST or None, instance=b, werkgroep=wg)
    if request.method == "POST":

        def bewaar(g) -> str:
            gegevens = {veld: g[veld] for veld in form.Meta.fields}
            if b is None:
                nieuw = services.bijeenkomst_maak(actor=request.user, werkgroep=wg, **gegevens)
                return f"Bijeenkomst van {nieuw.datum:%d-%m-%Y} vastgelegd."
            services.bijeenkomst_wijzig(actor=request.user, bijeenkomst=b, **gegevens)
            return f"Bijeenkomst van {b.datum:%d-%m-%Y} opgeslagen."

        antwoord = verwerk_formulier(
            request,
            form,
            bewaar,
            succes=lambda tekst: tekst,
            naar=reverse("werkgroepen:bijeenkomsten", kwargs={"werkgroep": wg.slug}),
        )
        if antwoord is not None:
            return antwoord
    return render(request, "werkgroepen/bijeenkomst_form.html", context(request, form=form, bijeenkomst=b))


@vereist(Actie.BEKIJKEN)
def communicatie(request, werkgroep):
    wg = request.werkgroep
    vandaag = timezone.localdate()
    cyclus, jaren = _jaren(wg, vandaag)
    lijst = selectors.communicaties(wg)
    return render(
        request,
        "werkgroepen/communicatie.html",
        context(
            request,
            cyclus=cyclus,
            communicaties=lijst,
            per_jaar=selectors.per_jaar(
                lijst, jaren, lambda c: c.alle_ondernemers, selectors.MINIMUM_COMMUNICATIES, vandaag
            ),
            minimum=selectors.MINIMUM_COMMUNICATIES,
            waarschuwingen=waarschuwingen(wg, IDS_COMMUNICATIE),
        ),
    )


@vereist(Actie.WIJZIGEN)
def communicatie_nieuw(request, werkgroep):
    return _communicatie_form(request, None)


@vereist(Actie.WIJZIGEN)
def communicatie_wijzig(request, werkgroep, pk: int):
    return _communicatie_form(request, get_object_or_404(request.werkgroep.communicaties, pk=pk))


def _communicatie_form(request, c):
    wg = request.werkgroep
    form = CommunicatieForm(request.POST or None, instance=c)
    if request.method == "POST":

        def bewaar(g) -> None:
            gegevens = {veld: g[veld] for veld in form.Meta.fields}
            if c is None:
                services.communicatie_maak(actor=request.user, werkgroep=wg, **gegevens)
            else:
                services.communicatie_wijzig(actor=request.user, communicatie=c, **gegevens)

        antwoord = verwerk_formulier(
            request,
            form,
            bewaar,
            succes="Communicatie vastgelegd." if c is None else "Communicatie opgeslagen.",
            naar=reverse("werkgroepen:communicatie", kwargs={"werkgroep": wg.slug}),
        )
        if antwoord is not None:
            return antwoord
    return render(request, "werkgroepen/communicatie_form.html", context(request, form=form, communicatie=c))
