"""The parks of the facilitator's picture (``kvo.beeld``): name, municipality, outline and register size."""

from __future__ import annotations

from django.db.models import Count

from gebieden.models import Bedrijventerrein
from kvo.beeld import Terrein, terreinbron


@terreinbron
def terreinen(werkgroep_ids, *, terrein_pk: int | None = None) -> list[Terrein]:
    """Every park of ``werkgroep_ids`` (or just ``terrein_pk`` among them), in one query."""
    rijen = Bedrijventerrein.objects.filter(werkgroep_id__in=list(werkgroep_ids))
    if terrein_pk is not None:
        rijen = rijen.filter(pk=terrein_pk)
    rijen = rijen.annotate(n=Count("ondernemers")).order_by("naam", "pk")
    return [
        Terrein(t.pk, t.naam, t.gemeente, t.werkgroep_id, t.grens, t.n)
        for t in rijen.only("pk", "naam", "gemeente", "werkgroep_id", "grens")
    ]
