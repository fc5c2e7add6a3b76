"""The plan of approach and the evaluations on the work group's timeline (§4.2–§4.4)."""

from django.urls import reverse

from aanpak.models import Evaluatie, Plan
from kvo.tijdlijn import Mijlpaal, bijdrage
from kvo.toets import cyclus_jaren


@bijdrage(volgorde=20)
def plan(werkgroep, cyclus, vandaag):
    url = reverse("aanpak:overzicht", kwargs={"werkgroep": werkgroep.slug})
    plan = Plan.objects.filter(cyclus=cyclus).first()
    if plan is None:
        return [Mijlpaal("Plan van aanpak", None, "Doelstellingen en maatregelenmatrix (§4.2)", url)]
    return [Mijlpaal("Plan van aanpak vastgesteld", plan.vastgesteld_op, "Door de werkgroep (§4.3)", url)]


@bijdrage(volgorde=30)
def evaluaties(werkgroep, cyclus, vandaag):
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
