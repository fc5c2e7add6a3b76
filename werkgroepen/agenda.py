"""The work group's meetings in its members' calendars (``kvo.agenda``): one query for all groups."""

from django.urls import reverse

from kvo.agenda import Afspraak, bijdrage, vanaf
from werkgroepen.models import Bijeenkomst


def _afspraak(pk, wg, slug, datum, soort, agenda) -> Afspraak:
    return Afspraak(
        f"bijeenkomst-{pk}",
        str(dict(Bijeenkomst.Soort.choices).get(soort, soort)).capitalize(),
        datum,
        wg,
        url=reverse("werkgroepen:bijeenkomst", kwargs={"werkgroep": slug, "pk": pk}),
        beschrijving=f"Agenda:\n{agenda}" if agenda else "",
    )


def afspraak_van(bijeenkomst: Bijeenkomst) -> Afspraak:
    """The meeting as the calendar feed has it (same UID), for the invitation's .ics."""
    b = bijeenkomst
    return _afspraak(b.pk, b.werkgroep_id, b.werkgroep.slug, b.datum, b.soort, b.agenda)


@bijdrage
def bijeenkomsten(werkgroepen, partijen, vandaag):
    slugs = {w.pk: w.slug for w in werkgroepen}
    rijen = (
        Bijeenkomst.objects.filter(werkgroep_id__in=slugs, datum__gte=vanaf(vandaag))
        .order_by("datum", "pk")
        .values_list("pk", "werkgroep_id", "datum", "soort", "agenda")
    )
    return [_afspraak(pk, wg, slugs[wg], datum, soort, agenda) for pk, wg, datum, soort, agenda in rijen]
