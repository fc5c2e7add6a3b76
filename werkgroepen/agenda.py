"""The work group's meetings in its members' calendars (``kvo.agenda``): one query for all groups."""

from django.urls import reverse

from kvo.agenda import Afspraak, bijdrage, vanaf
from werkgroepen.models import Bijeenkomst


@bijdrage
def bijeenkomsten(werkgroepen, partijen, vandaag):
    slugs = {w.pk: w.slug for w in werkgroepen}
    rijen = (
        Bijeenkomst.objects.filter(werkgroep_id__in=slugs, datum__gte=vanaf(vandaag))
        .order_by("datum", "pk")
        .values_list("pk", "werkgroep_id", "datum", "soort", "agenda")
    )
    soorten = dict(Bijeenkomst.Soort.choices)
    return [
        Afspraak(
            f"bijeenkomst-{pk}",
            str(soorten.get(soort, soort)).capitalize(),
            datum,
            wg,
            url=reverse("werkgroepen:bijeenkomst", kwargs={"werkgroep": slugs[wg], "pk": pk}),
            beschrijving=f"Agenda:\n{agenda}" if agenda else "",
        )
        for pk, wg, datum, soort, agenda in rijen
    ]
