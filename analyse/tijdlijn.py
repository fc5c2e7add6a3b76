"""The analysis on the work group's timeline: the survey, the inspections and the conclusion (§4.1)."""

from django.urls import reverse

from analyse.models import Gebiedsscan
from kvo.regeling_paginas import is_pvo
from kvo.tijdlijn import Mijlpaal, bijdrage


@bijdrage(volgorde=10)
def analyse(werkgroep, cyclus, vandaag):
    def url(naam: str) -> str:
        return reverse(f"analyse:{naam}", kwargs={"werkgroep": werkgroep.slug})

    pvo = is_pvo(werkgroep)
    enquete = getattr(cyclus, "enquete", None)  # RelatedObjectDoesNotExist is an AttributeError
    mijlpalen = []
    if enquete is not None and enquete.geopend_op:
        sluit = f", sluit {enquete.gesloten_op:%d-%m-%Y}" if enquete.gesloten_op else ""
        toelichting = f"{'Inventarisatie' if pvo else 'Veiligheidsanalyse (§4.1.1)'}{sluit}"
        mijlpalen.append(Mijlpaal("Enquête verstuurd", enquete.geopend_op, toelichting, url("enquete")))
        if enquete.gesloten_op:
            mijlpalen.append(
                Mijlpaal("Enquête sluit", enquete.gesloten_op, "Daarna geen reacties meer", url("enquete"))
            )
    else:
        mijlpalen.append(
            Mijlpaal("Enquête", None, "Inventarisatie" if pvo else "Veiligheidsanalyse (§4.1.1)", url("enquete"))
        )
    schouwen = list(cyclus.schouwen.order_by("datum").values_list("soort", "datum"))
    for soort, naam in (("dag", "Dagschouw"), ("avond", "Avondschouw")):
        if pvo and not any(s == soort for s, _d in schouwen):
            continue  # PVO asks for no inspection; one that was done is shown
        # the analysis step is the first inspection of its kind, so the line stays in date order
        # before the conclusion; the yearly ones after it are named with it
        data = [d for s, d in schouwen if s == soort]
        toelichting = "Schouw van het gebied (§4.1.3)"
        if len(data) > 1:
            toelichting += f"; daarna nog {len(data) - 1}, laatst {data[-1]:%d-%m-%Y}"
        mijlpalen.append(Mijlpaal(naam, data[0] if data else None, toelichting, url("schouwen")))
    if pvo:  # PVO has no §4.1.4 conclusion; its stakeholders present their area scan instead
        mijlpalen.append(
            Mijlpaal("Gebiedsscan", _gebiedsscan_datum(cyclus), "Top 3 per partij", url("pvo_gebiedsscan"))
        )
        return mijlpalen
    conclusie = getattr(cyclus, "conclusie", None)
    mijlpalen.append(
        Mijlpaal(
            "Conclusie analyse",
            conclusie.vastgesteld_op if conclusie else None,
            "Vastgesteld door de werkgroep (§4.1.4)",
            url("conclusie"),
        )
    )
    return mijlpalen


def _gebiedsscan_datum(cyclus):
    """The date the stakeholders presented their area scans (the first meeting recorded), or None."""
    return (
        Gebiedsscan.objects.filter(cyclus=cyclus, bijeenkomst__isnull=False)
        .order_by("bijeenkomst__datum")
        .values_list("bijeenkomst__datum", flat=True)
        .first()
    )
