"""The measures of a member's own party in their calendar (``kvo.agenda``), one event per planned
quarter, from the plan of the work group's newest cycle (as "Mijn acties" reads it). One query."""

import datetime as dt

from django.db.models import OuterRef, Subquery
from django.urls import reverse

from aanpak import kwartalen
from aanpak.models import Maatregel
from kvo.agenda import Afspraak, bijdrage, vanaf
from werkgroepen.models import Cyclus


def _laatste_dag(begin: dt.date) -> dt.date:
    volgende = dt.date(begin.year + (begin.month > 9), (begin.month + 2) % 12 + 1, 1)
    return volgende - dt.timedelta(days=1)


@bijdrage
def maatregelen(werkgroepen, partijen, vandaag):
    slugs = {w.pk: w.slug for w in werkgroepen}
    eigen = {(wg, p) for wg, ps in partijen.items() for p in ps}
    if not eigen:
        return []
    nieuwste = Cyclus.objects.filter(werkgroep_id=OuterRef("plan__werkgroep_id")).order_by("-nummer").values("pk")[:1]
    rijen = (
        Maatregel.objects.filter(
            plan__werkgroep_id__in=slugs,
            verantwoordelijke_id__in={p for _, p in eigen},
            status__in=[Maatregel.Status.GEPLAND, Maatregel.Status.LOPEND],
            plan__cyclus_id=Subquery(nieuwste),
        )
        .order_by("pk")
        .values_list("pk", "plan__werkgroep_id", "verantwoordelijke_id", "titel", "kwartalen", "status")
    )
    grens = vanaf(vandaag)
    uit = []
    for pk, wg, partij, titel, codes, status in rijen:
        if (wg, partij) not in eigen:
            continue
        url = reverse("aanpak:maatregel", kwargs={"werkgroep": slugs[wg], "pk": pk})
        for code in sorted(set(codes or [])):
            try:
                begin = kwartalen.eerste_dag(code)
            except ValueError:
                continue
            eind = _laatste_dag(begin)
            if eind < grens:
                continue
            uit.append(
                Afspraak(
                    f"maatregel-{pk}-{code}",
                    f"Maatregel ({code[5:]} {code[:4]}): {titel}",
                    begin,
                    wg,
                    eind=eind,
                    url=url,
                    beschrijving=f"Status: {Maatregel.Status(status).label}",
                )
            )
    return uit
