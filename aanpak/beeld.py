"""The plan's progress for the facilitator's picture (``kvo.beeld``): executed measures of the plan.

Per cycle the share of the plan's measures that is executed, the fixed yearly ones included (every
plan has them, so the figure is the same kind everywhere); cancelled measures do not count. No trend:
a running plan against the finished one before it says nothing about getting better or worse.
"""

from __future__ import annotations

from django.db.models import Count, Q

from aanpak.models import Maatregel
from kvo.beeld import Waarde, indicator


@indicator(
    "aanpak.voortgang",
    naam="Voortgang plan",
    uitleg="Aandeel uitgevoerde maatregelen van het plan van aanpak (vervallen maatregelen tellen niet mee).",
    eenheid=" %",
    hoger_beter=True,
    grenzen=(25, 50, 75, 90),
    per_werkgroep=True,
    volgorde=40,
    met_trend=False,
)
def voortgang(terreinen, cycli) -> dict[tuple[int, int], Waarde]:
    rijen = (
        Maatregel.objects.filter(plan__werkgroep_id__in={t.werkgroep_id for t in terreinen})
        .exclude(status=Maatregel.Status.VERVALLEN)
        .order_by()
        .values("plan__werkgroep_id", "plan__cyclus__nummer")
        .annotate(n=Count("pk"), klaar=Count("pk", filter=Q(status=Maatregel.Status.UITGEVOERD)))
        .values_list("plan__werkgroep_id", "plan__cyclus__nummer", "n", "klaar")
    )
    per_werkgroep: dict[int, list[tuple[int, Waarde]]] = {}
    for wg_id, nummer, n, klaar in rijen:
        getal = 100 * klaar / n
        waarde = Waarde(f"{getal:.0f} %", getal, klaar, n, toelichting=f"{klaar} van {n} maatregelen uitgevoerd")
        per_werkgroep.setdefault(wg_id, []).append((nummer, waarde))
    return {(t.pk, nummer): w for t in terreinen for nummer, w in per_werkgroep.get(t.werkgroep_id, [])}
