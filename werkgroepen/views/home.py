"""The work group's home page: the cycle's timeline, parties, and the readiness of Gebied and Werkgroep."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_POST

from kvo.eisen import EISEN
from kvo.mixins import vereist
from kvo.permissions import Actie
from kvo.tijdlijn import NIET_GEPLAND, tijdlijn
from kvo.toets import kies_cyclus, plus_jaren, voer_toets_uit
from werkgroepen import selectors, services
from werkgroepen.forms import CyclusForm
from werkgroepen.views.basis import context, naar

GROEPEN = ("Gebied", "Werkgroep")


@vereist(Actie.BEKIJKEN)
def home(request, werkgroep):
    wg = request.werkgroep
    vandaag = timezone.localdate()
    cyclus = kies_cyclus(wg)
    ids = [e.id for e in EISEN.values() if e.groep in GROEPEN]
    resultaten = voer_toets_uit(wg, cyclus=cyclus, ids=ids)
    groepen = [(g, [r for r in resultaten if r.eis.groep == g]) for g in GROEPEN]
    actief = selectors.actieve_leden(selectors.leden(wg), vandaag)
    return render(
        request,
        "werkgroepen/home.html",
        context(
            request,
            cyclus=cyclus,
            cyclus_einde=plus_jaren(cyclus.start, 3) if cyclus else None,
            tijdlijn=tijdlijn(wg, cyclus, vandaag),
            niet_gepland=NIET_GEPLAND,
            groepen=groepen,
            partijen_stand=selectors.partijen_stand(actief),
            aantal_leden=len(actief),
            cyclus_form=CyclusForm(initial={"start": vandaag}) if cyclus is None else None,
        ),
    )


@vereist(Actie.BEHEREN)
@require_POST
def cyclus_start(request, werkgroep):
    wg = request.werkgroep
    form = CyclusForm(request.POST)
    if form.is_valid():
        try:
            cyclus = services.cyclus_start(actor=request.user, werkgroep=wg, start=form.cleaned_data["start"])
            messages.success(request, f"Cyclus {cyclus.nummer} is gestart op {cyclus.start:%d-%m-%Y}.")
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
    else:
        messages.error(request, "Vul een geldige startdatum in.")
    return naar("home", wg)
