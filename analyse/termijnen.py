"""The analysis's deadlines on the facilitator's portfolio: the closing date of an open survey (§4.1.1)."""

from django.urls import reverse

from analyse.models import Enquete
from kvo.termijnen import Termijn, bijdrage


@bijdrage
def enquetes(werkgroepen, vandaag):
    slugs = {w.pk: w.slug for w in werkgroepen}
    open_ = Enquete.objects.filter(
        werkgroep_id__in=slugs, geopend_op__isnull=False, gesloten_op__isnull=False, gesloten_op__gte=vandaag
    ).values_list("werkgroep_id", "gesloten_op")
    return [
        Termijn("Enquête sluit", datum, pk, reverse("analyse:enquete", kwargs={"werkgroep": slugs[pk]}))
        for pk, datum in open_
    ]
