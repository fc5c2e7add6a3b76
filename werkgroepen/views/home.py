"""The work group's home page: the cycle's timeline, parties, and the readiness of Gebied and Werkgroep."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gebieden.models import Ondernemer
from kvo import versie
from kvo.eisen import GROEPEN as ALLE_GROEPEN
from kvo.formulieren import verwerk
from kvo.mixins import vereist
from kvo.permissions import Actie
from kvo.regeling_paginas import is_pvo
from kvo.regelingen import regeling_van
from kvo.tijdlijn import NIET_GEPLAND, tijdlijn
from kvo.toets import Gereedheid, kies_cyclus, plus_jaren, voer_toets_uit
from werkgroepen import selectors, services
from werkgroepen.forms import CyclusForm
from werkgroepen.views.basis import context, naar

GROEPEN = ("Gebied", "Werkgroep")


# What the kept page reads (kvo.versie): the readiness check, the timeline, the mark, and these parts.
LEEST = versie.leest("pagina:home", "toets", "tijdlijn", "keurmerk", "leden", "partijen", "bijeenkomst", "gebied")


@vereist(Actie.BEKIJKEN)
def home(request, werkgroep):
    """The page is kept under the work group's data version (``kvo.versie``)."""
    return versie.bewaarde_pagina(
        request, request.werkgroep, "home", "werkgroepen/home.html", lambda: _home_context(request)
    )


def _home_context(request) -> dict:
    wg = request.werkgroep
    vandaag = timezone.localdate()
    cyclus = kies_cyclus(wg)
    resultaten = voer_toets_uit(wg, cyclus=cyclus)
    pvo = is_pvo(wg)
    regeling = regeling_van(wg)
    if pvo:  # PVO's rules have sections of their own; all of them on the home page, in catalogue order
        alle_groepen = list(regeling.groepen)
        groepen = [(g, [r for r in resultaten if r.eis.groep == g]) for g in alle_groepen]
    else:
        alle_groepen = ALLE_GROEPEN
        groepen = [(g, [r for r in resultaten if r.eis.groep == g]) for g in GROEPEN]
    stand = [_groepstand(g, [r for r in resultaten if r.eis.groep == g]) for g in alle_groepen]
    actief = selectors.actieve_leden(selectors.leden(wg), vandaag)
    return context(
        request,
        cyclus=cyclus,
        # a KVO cycle is three years; a PVO cycle is one execution plan's two years
        cyclus_einde=plus_jaren(cyclus.start, regeling.cyclus_jaren) if cyclus else None,
        tijdlijn=tijdlijn(wg, cyclus, vandaag),
        niet_gepland=NIET_GEPLAND,
        groepen=groepen,
        stand=stand,
        gereedheid=Gereedheid.uit(resultaten),
        # the scheme decides which parties are mandatory (PVO: no fire service)
        partijen_stand=[
            s for s in selectors.partijen_stand(actief) if s.partij in selectors.verplichte_partijen_van(regeling)
        ],
        aantal_leden=len(actief),
        cyclus_form=CyclusForm(initial={"start": vandaag}) if cyclus is None else None,
        eerste_stappen=_eerste_stappen(wg, len(actief), pvo=pvo),
    )


def _eerste_stappen(wg, aantal_leden: int, *, pvo: bool = False) -> list[dict] | None:
    """What a new work group does first (issue 21), each step ticked off when done: shown until it
    has met (its first meeting is the last step); None for a group that is under way."""
    if wg.bijeenkomsten.exists():
        return None
    terreinen = list(wg.terreinen.order_by("naam"))
    zonder_grens = next((t for t in terreinen if not t.grens), None)
    slug = wg.slug
    eerste = terreinen[0] if terreinen else None
    return [
        {
            "naam": "Teken het bedrijventerrein op de kaart",
            "uitleg": "De grens van het terrein en de postcodes bakenen het doelgebied af."
            if pvo
            else "De grens van elk terrein bepaalt het KVO-gebied (§3.1).",
            "klaar": bool(terreinen) and zonder_grens is None,
            "url": reverse("gebieden:terrein_wijzigen", kwargs={"werkgroep": slug, "terrein": zonder_grens.pk})
            if zonder_grens
            else reverse("gebieden:overzicht", kwargs={"werkgroep": slug}),
        },
        {
            "naam": "Importeer het ondernemersregister",
            "uitleg": "Een CSV- of Excel-bestand met de ondernemers van het terrein; nodig voor de enquête.",
            "klaar": Ondernemer.objects.filter(terrein__werkgroep=wg).exists(),
            "url": reverse("gebieden:ondernemers_importeren", kwargs={"werkgroep": slug, "terrein": eerste.pk})
            if eerste
            else reverse("gebieden:overzicht", kwargs={"werkgroep": slug}),
        },
        {
            "naam": "Nodig de leden van de werkgroep uit",
            "uitleg": "Ondernemers (voorzitter en secretaris), gemeente en politie."
            if pvo
            else "Ondernemers, gemeente, politie en brandweer (§3.2).",
            "klaar": aantal_leden >= 4,
            "url": reverse("werkgroepen:leden", kwargs={"werkgroep": slug}),
        },
        {
            "naam": "Plan de kick-off" if pvo else "Plan de eerste bijeenkomst",
            "uitleg": "De gemeente organiseert de kick-off; tot de waardering komt de groep zes tot acht keer bijeen."
            if pvo
            else "De kick-off; daarna minimaal drie bijeenkomsten per jaar (§3.6).",
            "klaar": False,
            "url": reverse("werkgroepen:bijeenkomst_nieuw", kwargs={"werkgroep": slug}),
        },
    ]


def _groepstand(groep: str, resultaten: list) -> dict:
    """One section of the handbook on the way to the audit: how many of its rules are met (the
    readiness figure, ``kvo.toets.Gereedheid``, of that section)."""
    g = Gereedheid.uit(resultaten)
    return {
        "groep": groep,
        "voldaan": g.voldaan,
        "niet_voldaan": g.niet_voldaan,
        "open": g.open,
        "meegeteld": g.te_toetsen,
        "procent": g.procent,
    }


@vereist(Actie.BEHEREN)
@require_POST
def cyclus_start(request, werkgroep):
    wg = request.werkgroep

    def start(form) -> str:
        cyclus = services.cyclus_start(actor=request.user, werkgroep=wg, start=form.cleaned_data["start"])
        return f"Cyclus {cyclus.nummer} is gestart op {cyclus.start:%d-%m-%Y}."

    return verwerk(
        request,
        CyclusForm(request.POST),
        start,
        actie=Actie.BEHEREN,
        naar=naar("home", wg).url,
        ongeldig="Vul een geldige startdatum in.",
    )


@vereist(Actie.BEKIJKEN)
def wisselaar(request, werkgroep):
    """The switcher's list in the page header: the user's other work groups (at most 20; the link to
    all of them follows). Fetched when the switcher opens, so the other pages do not pay for it."""
    from kvo.tenancy import werkgroepen_voor

    andere = (
        werkgroepen_voor(request.user).exclude(pk=request.werkgroep.pk).order_by("naam").values("naam", "slug")[:20]
    )
    return render(request, "werkgroepen/_wisselaar.html", {"andere_werkgroepen": list(andere)})
