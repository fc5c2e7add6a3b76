"""Readiness check ``analyse.conclusie`` (§4.1, §4.1.4): a written conclusion with the
prioritisation of themes and a summary, and the survey and inspection results as its appendices
(the product makes those from the survey's responses and the inspections of the cycle).

``voldaan`` when all of it is there and the conclusion is adopted (a date); otherwise ``open``,
naming what is missing: the analysis is work in progress until the group adopts it.
"""

from __future__ import annotations

from analyse.checks.enquete import _reacties
from analyse.checks.schouw import _schouwen
from analyse.models import Conclusie
from kvo.toets import Status, ToetsContext, Uitkomst, cycli_van, eis, gedeeld, per_context


@gedeeld("analyse.conclusie", leest=("conclusie",))
def _conclusie(contexten: list[ToetsContext]) -> list:
    """The conclusion of each context's cycle (one per cycle) with its priorities, or None."""
    cycli = cycli_van(contexten)
    per_cyclus: dict[int, Conclusie] = {}
    if cycli:
        for conclusie in Conclusie.objects.filter(cyclus__in=cycli).prefetch_related("prioriteiten").order_by("pk"):
            per_cyclus.setdefault(conclusie.cyclus_id, conclusie)
    return per_context(contexten, per_cyclus)


@eis("analyse.conclusie")
def check_conclusie(ctx: ToetsContext) -> Uitkomst:
    url = ctx.url("analyse:conclusie")
    if ctx.cyclus is None:
        return Uitkomst(Status.OPEN, "Er is nog geen cyclus gestart.", url)
    conclusie = _conclusie(ctx)
    mist = []
    if conclusie is None or not (conclusie.conclusie or "").strip():
        mist.append("de geschreven conclusie")
    if conclusie is None or not (conclusie.samenvatting or "").strip():
        mist.append("de samenvatting")
    geprioriteerd = sum(1 for p in conclusie.prioriteiten.all() if p.score is not None) if conclusie is not None else 0
    if not geprioriteerd:
        mist.append("de prioritering van de thema's (kans × impact)")
    if not any(_reacties(ctx).values()):  # the responses of the cycle's survey
        mist.append("enquêteresultaten als bijlage (nog geen reacties)")
    if not _schouwen(ctx):  # the inspections the inspection rules loaded (once per readiness run)
        mist.append("het schouwrapport als bijlage (nog geen schouw)")
    if conclusie is not None and conclusie.vastgesteld_op is None and not mist:
        mist.append("de vaststelling door de werkgroep (datum)")
    if mist:
        return Uitkomst(Status.OPEN, "Nog niet compleet: " + "; ".join(mist) + ".", url)
    return Uitkomst(
        Status.VOLDAAN,
        f"Conclusie met samenvatting en {geprioriteerd} geprioriteerde thema's, vastgesteld op "
        f"{conclusie.vastgesteld_op:%d-%m-%Y}; enquêteresultaten en schouwrapport als bijlagen.",
        url,
    )
