"""The work group's home page: the cycle's timeline, parties, and the readiness of Gebied and Werkgroep."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from kvo.eisen import EISEN
from kvo.mixins import vereist
from kvo.permissions import Actie
from kvo.toets import kies_cyclus, plus_jaren, voer_toets_uit
from werkgroepen import selectors, services
from werkgroepen.forms import CyclusForm
from werkgroepen.views.basis import context, naar

GROEPEN = ("Gebied", "Werkgroep")
NIET_GEPLAND = "nog niet gepland"


@dataclass(frozen=True)
class Mijlpaal:
    naam: str
    datum: dt.date | None
    toelichting: str = ""
    url: str = ""

    def klasse(self, vandaag: dt.date) -> str:
        if self.datum is None:
            return ""
        return "klaar" if self.datum <= vandaag else "nu" if self.datum <= plus_jaren(vandaag, 1) else ""


def tijdlijn(werkgroep, cyclus, vandaag: dt.date) -> list[tuple[Mijlpaal, str]]:
    if cyclus is None:
        return []
    audit = werkgroep.audits.filter(cyclus=cyclus, datum__isnull=False).order_by("datum").first()
    einde = plus_jaren(cyclus.start, 3)
    try:
        toets = reverse("audits:toets", kwargs={"werkgroep": werkgroep.slug})
    except NoReverseMatch:
        toets = ""
    mijlpalen = [
        Mijlpaal("Start cyclus", cyclus.start, f"Cyclus {cyclus.nummer}, {cyclus.get_soort_display()}"),
        Mijlpaal("Enquête", None, "Veiligheidsanalyse (§4.1)"),
        Mijlpaal("Plan van aanpak", None, "Vastgesteld door de werkgroep (§4.3)"),
        Mijlpaal("Audit", audit.datum if audit else None, audit.certificatie_instelling if audit else "", toets),
        Mijlpaal("Certificaat verloopt", None, f"Cyclus loopt tot {einde:%d-%m-%Y} (start + 3 jaar)"),
    ]
    return [(m, m.klasse(vandaag)) for m in mijlpalen]


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
