"""Cooperation agreements (§3.4), address (§3.3), letter of intent (§3.5), retention (§3.6), security."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kvo.formulieren import verwerk, verwerk_formulier
from kvo.mixins import vereist
from kvo.permissions import Actie
from werkgroepen import selectors, services
from werkgroepen.checks import IDS_AFSPRAKEN
from werkgroepen.forms import AfsprakenForm, BeveiligingForm
from werkgroepen.views.basis import context, naar, waarschuwingen


@vereist(Actie.BEKIJKEN)
def afspraken(request, werkgroep):
    wg = request.werkgroep
    af = selectors.afspraken(wg)
    return render(
        request,
        "werkgroepen/afspraken.html",
        context(
            request,
            afspraken=af,
            beveiliging=BeveiligingForm(instance=wg),
            waarschuwingen=waarschuwingen(wg, IDS_AFSPRAKEN),
        ),
    )


@vereist(Actie.WIJZIGEN)
def afspraken_wijzig(request, werkgroep):
    wg = request.werkgroep
    form = AfsprakenForm(request.POST or None, instance=selectors.afspraken(wg), werkgroep=wg)
    if request.method == "POST":
        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: services.afspraken_bewaar(actor=request.user, werkgroep=wg, **g),
            succes="De samenwerkingsafspraken zijn opgeslagen.",
            naar=reverse("werkgroepen:afspraken", kwargs={"werkgroep": wg.slug}),
        )
        if antwoord is not None:
            return antwoord
    return render(request, "werkgroepen/afspraken_form.html", context(request, form=form))


@vereist(Actie.BEHEREN)
@require_POST
def beveiliging(request, werkgroep):
    wg = request.werkgroep

    def wijzig(form) -> str:
        aan = form.cleaned_data["mfa_verplicht"]
        services.werkgroep_beveiliging_wijzig(actor=request.user, werkgroep=wg, mfa_verplicht=aan)
        if aan:
            return "Tweestapsverificatie is nu verplicht voor iedereen in deze werkgroep."
        return "Tweestapsverificatie is niet meer verplicht."

    return verwerk(
        request, BeveiligingForm(request.POST, instance=wg), wijzig, actie=Actie.BEHEREN, naar=naar("afspraken", wg).url
    )
