"""The plan of approach and the evaluations on the work group's timeline (§4.2–§4.4)."""

from django.urls import reverse

from aanpak.models import Evaluatie, Plan
from kvo.regeling_paginas import is_pvo
from kvo.tijdlijn import Mijlpaal, bijdrage
from kvo.toets import cyclus_jaren, plus_jaren


@bijdrage(volgorde=20)
def plan(werkgroep, cyclus, vandaag):
    url = reverse("aanpak:overzicht", kwargs={"werkgroep": werkgroep.slug})
    plan = Plan.objects.filter(cyclus=cyclus).first()
    if is_pvo(werkgroep):
        return _uitvoeringsplan(werkgroep, plan, url)
    if plan is None:
        return [Mijlpaal("Plan van aanpak", None, "Doelstellingen en maatregelenmatrix (§4.2)", url)]
    return [Mijlpaal("Plan van aanpak vastgesteld", plan.vastgesteld_op, "Door de werkgroep (§4.3)", url)]


def _uitvoeringsplan(werkgroep, plan, url):
    """PVO: the two-year execution plan and its recalibration before the two years end (pvo.herijking)."""
    if plan is None or plan.vastgesteld_op is None:
        return [Mijlpaal("Uitvoeringsplan", None, "Acties per partij en per kwartaal, voor twee jaar", url)]
    einde = plus_jaren(plan.vastgesteld_op, 2)
    herijking = reverse("aanpak:pvo_herijking", kwargs={"werkgroep": werkgroep.slug})
    return [
        Mijlpaal("Uitvoeringsplan vastgesteld", plan.vastgesteld_op, "Voor twee jaar", url),
        Mijlpaal("Herijking", einde, f"Nieuw uitvoeringsplan vóór {einde:%d-%m-%Y}", herijking, volgorde=8500),
    ]


@bijdrage(volgorde=30)
def evaluaties(werkgroep, cyclus, vandaag):
    if is_pvo(werkgroep):  # PVO has no yearly evaluation; it recalibrates the plan every two years
        return []
    per_jaar = {e.jaar: e for e in Evaluatie.objects.filter(cyclus=cyclus)}
    mijlpalen = []
    for jaar in cyclus_jaren(cyclus.start, vandaag):
        e = per_jaar.get(jaar.nummer)
        naam = "Evaluatie derde jaar" if jaar.nummer == 3 else f"Evaluatie jaar {jaar.nummer}"
        if e is not None:
            url = reverse("aanpak:evaluatie", kwargs={"werkgroep": werkgroep.slug, "pk": e.pk})
            mijlpalen.append(Mijlpaal(naam, e.datum, f"{len(e.verbeterpunten)} verbeterpunten (§4.4)", url))
        else:
            url = reverse("aanpak:evaluaties", kwargs={"werkgroep": werkgroep.slug})
            te_laat = " — te laat" if jaar.voltooid else ""
            mijlpalen.append(Mijlpaal(naam, None, f"Uiterlijk {jaar.eind:%d-%m-%Y}{te_laat} (§4.4)", url))
    return mijlpalen
