"""PVO's recalibration on the facilitator's portfolio (issue 23, pvo.herijking): a PVO group adopts a
new execution plan before its newest adopted plan's two years end (a new plan still being
recalibrated does not end the deadline until it is adopted)."""

from django.urls import reverse

from aanpak.models import Plan
from kvo.regelingen import PVO
from kvo.termijnen import Termijn, bijdrage
from kvo.toets import plus_jaren


@bijdrage
def herijkingen(werkgroepen, vandaag):
    pvo = {w.pk: w.slug for w in werkgroepen if w.handboek == PVO}
    if not pvo:
        return []
    nieuwste: dict[int, tuple] = {}
    rijen = Plan.objects.filter(werkgroep_id__in=pvo, cyclus__handboek=PVO, vastgesteld_op__isnull=False)
    for pk, nummer, op in rijen.values_list("werkgroep_id", "cyclus__nummer", "vastgesteld_op"):
        if pk not in nieuwste or nummer > nieuwste[pk][0]:
            nieuwste[pk] = (nummer, op)
    termijnen = []
    for pk, (_nummer, op) in nieuwste.items():
        url = reverse("aanpak:pvo_herijking", kwargs={"werkgroep": pvo[pk]})
        termijnen.append(Termijn("Herijking uitvoeringsplan", plus_jaren(op, 2), pk, url))
    return termijnen
