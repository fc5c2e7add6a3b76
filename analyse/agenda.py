"""The inspections in the members' calendars (``kvo.agenda``): one query for all groups.

The survey's closing date comes through the deadline registry (``analyse.termijnen``), which
``kvo.agenda`` reads as well.
"""

from django.urls import reverse

from analyse.models import Schouw
from kvo.agenda import Afspraak, bijdrage, vanaf


@bijdrage
def schouwen(werkgroepen, partijen, vandaag):
    slugs = {w.pk: w.slug for w in werkgroepen}
    rijen = (
        Schouw.objects.filter(werkgroep_id__in=slugs, datum__gte=vanaf(vandaag))
        .order_by("datum", "pk")
        .values_list("pk", "werkgroep_id", "datum", "soort")
    )
    soorten = dict(Schouw.Soort.choices)
    return [
        Afspraak(
            f"schouw-{pk}",
            str(soorten.get(soort, soort)).capitalize(),
            datum,
            wg,
            url=reverse("analyse:schouw", kwargs={"werkgroep": slugs[wg], "pk": pk}),
        )
        for pk, wg, datum, soort in rijen
    ]
