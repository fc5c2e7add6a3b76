"""Readiness checks of the inspections (§4.1.3, §4.2.5), per year of the cycle.

- ``schouw.dag-en-avond``: a day and an evening inspection in every year, as eisen.md's yearly rule
  (``kvo.toets.per_jaar``): a completed year that misses one → ``niet_voldaan``; once a year is
  completed the completed years decide and the running year is a to-do in the explanation; before
  that, the running year without both yet → ``open``.
- ``schouw.deelname``: with the whole work group; at most one inspection a year in a smaller group
  or individually. A second one in a year → ``niet_voldaan`` (it already happened).
- ``schouw.punten``: every point to improve has its photo, what must happen, who and a deadline.
- ``schouw.positief``: at least 5 positive points a year (day and evening together), each with a
  photo, why the group is satisfied and what it took (``jaarregel``).
- ``schouw.rapport``: every inspection has its date and attendees.
No inspection in the cycle yet → ``open`` for all five, except that for the two yearly rules a
completed year without any inspection misses the rule (``niet_voldaan``).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, Prefetch

from analyse.models import Schouw, Schouwpunt
from kvo.toets import (
    CyclusJaar,
    Status,
    ToetsContext,
    Uitkomst,
    cycli_van,
    eis,
    gedeeld,
    jaarregel,
    lopend_te_doen,
    per_context,
    per_jaar,
)


def _url(ctx: ToetsContext) -> str:
    return ctx.url("analyse:schouwen")


def schouwen_per_cyclus(cycli: Iterable, *, met_wie: bool = True) -> dict[int, list[Schouw]]:
    """``schouwen_van`` for many cycles (by the cycle's id; ``None`` left out): two queries for all.
    ``met_wie=False``: the points without their party (the checks read only ``wie_id``)."""
    uit: dict[int, list[Schouw]] = {c.pk: [] for c in cycli if c is not None}
    if uit:
        punten = Schouwpunt.objects.select_related("wie") if met_wie else Schouwpunt.objects.all()
        rijen = (
            Schouw.objects.filter(cyclus__in=list(uit))
            .annotate(aantal_aanwezigen=Count("aanwezigen", distinct=True))
            .prefetch_related(Prefetch("punten", queryset=punten.order_by("nummer")))
            .order_by("cyclus_id", "datum", "pk")
        )
        for schouw in rijen:
            uit[schouw.cyclus_id].append(schouw)
    return uit


def schouwen_van(cyclus) -> list[Schouw]:
    """The cycle's inspections with their points and the number of attendees (two queries)."""
    return schouwen_per_cyclus([cyclus]).get(cyclus.pk, []) if cyclus is not None else []


@gedeeld("analyse.schouwen", leest=("schouw",))
def _schouwen(contexten: list[ToetsContext]) -> list:
    """The inspections of each context's cycle (``schouwen_van``); empty without a cycle."""
    schouwen = schouwen_per_cyclus(cycli_van(contexten), met_wie=False)
    return per_context(contexten, schouwen, list)


def _geen(ctx: ToetsContext, *, jaarlijks: bool = False) -> Uitkomst | None:
    """``open`` without a cycle or an inspection in it; for a rule judged per year only while no year
    of the cycle is completed (after that the completed years decide, also when they had none)."""
    if ctx.cyclus is None:
        return Uitkomst(Status.OPEN, "Er is nog geen cyclus gestart.", _url(ctx))
    if not _schouwen(ctx) and not (jaarlijks and any(j.voltooid for j in ctx.jaren)):
        return Uitkomst(Status.OPEN, "Er is nog geen schouw vastgelegd in deze cyclus.", _url(ctx))
    return None


def _in_jaar(ctx, jaar) -> list[Schouw]:
    return [s for s in _schouwen(ctx) if jaar.bevat(s.datum)]


def positief_compleet(p: Schouwpunt) -> bool:
    return (
        p.positief
        and bool(p.foto)
        and bool((p.waarom_tevreden or "").strip())
        and bool((p.wat_nodig_was or "").strip())
    )


def verbeter_ontbreekt(p: Schouwpunt) -> list[str]:
    """What a point to improve still misses (empty when complete)."""
    if p.positief:
        return []
    mist = []
    if not p.foto:
        mist.append("foto")
    if not (p.actie or "").strip():
        mist.append("wat er moet gebeuren")
    if p.wie_id is None:
        mist.append("wie")
    if p.gereed_voor is None:
        mist.append("termijn")
    return mist


@eis("schouw.dag-en-avond")
def check_dag_en_avond(ctx: ToetsContext) -> Uitkomst:
    if uitkomst := _geen(ctx, jaarlijks=True):
        return uitkomst

    def beoordeel(jaar: CyclusJaar) -> tuple[bool, str]:
        soorten = {s.soort for s in _in_jaar(ctx, jaar)}
        tekst = ("dag" if "dag" in soorten else "geen dag") + ", " + ("avond" if "avond" in soorten else "geen avond")
        return {"dag", "avond"} <= soorten, tekst

    oordeel = per_jaar(ctx, beoordeel)
    standen = [*oordeel.voltooid, *([oordeel.lopend] if oordeel.lopend else [])]
    tekst = "; ".join(f"jaar {s.jaar.nummer}{'' if s.jaar.voltooid else ' (lopend)'}: {s.tekst}" for s in standen)
    if oordeel.status == Status.NIET_VOLDAAN:
        jaren = ", ".join(str(s.jaar.nummer) for s in oordeel.tekort)
        return Uitkomst(Status.NIET_VOLDAAN, f"{tekst}. Een dag- én avondschouw ontbreekt in jaar {jaren}.", _url(ctx))
    if oordeel.status == Status.OPEN:
        return Uitkomst(Status.OPEN, f"{tekst}. Het lopende jaar heeft nog niet beide.", _url(ctx))
    te_doen = lopend_te_doen(oordeel, "een dag- én een avondschouw")
    return Uitkomst(Status.VOLDAAN, f"{tekst}.{te_doen}", _url(ctx))


@eis("schouw.deelname")
def check_deelname(ctx: ToetsContext) -> Uitkomst:
    if uitkomst := _geen(ctx):
        return uitkomst
    delen, te_veel = [], []
    for jaar in ctx.jaren:
        schouwen = _in_jaar(ctx, jaar)
        if not schouwen:
            continue
        klein = [s for s in schouwen if s.groep != Schouw.Groep.VOLTALLIG]
        delen.append(f"jaar {jaar.nummer}: {len(schouwen) - len(klein)} voltallig, {len(klein)} kleiner/individueel")
        if len(klein) > 1:
            te_veel.append(jaar.nummer)
    tekst = "; ".join(delen)
    if te_veel:
        jaren = ", ".join(str(n) for n in te_veel)
        return Uitkomst(
            Status.NIET_VOLDAAN,
            f"{tekst}. Hoogstens één schouw per jaar mag in een kleinere groep of individueel; "
            f"te veel in jaar {jaren}.",
            _url(ctx),
        )
    return Uitkomst(Status.VOLDAAN, f"{tekst}.", _url(ctx))


@eis("schouw.punten")
def check_punten(ctx: ToetsContext) -> Uitkomst:
    if uitkomst := _geen(ctx):
        return uitkomst
    verbeter = [(s, p) for s in _schouwen(ctx) for p in s.punten.all() if not p.positief]
    onvolledig = [(s, p, verbeter_ontbreekt(p)) for s, p in verbeter if verbeter_ontbreekt(p)]
    if onvolledig:
        voorbeelden = "; ".join(
            f"{s.get_soort_display()} {s.datum:%d-%m-%Y} punt {p.nummer}: {', '.join(mist)}"
            for s, p, mist in onvolledig[:5]
        )
        meer = f" (en nog {len(onvolledig) - 5})" if len(onvolledig) > 5 else ""
        return Uitkomst(
            Status.NIET_VOLDAAN,
            f"{len(onvolledig)} van {len(verbeter)} verbeterpunten zijn niet compleet — {voorbeelden}{meer}.",
            _url(ctx),
        )
    return Uitkomst(
        Status.VOLDAAN,
        f"Alle {len(verbeter)} verbeterpunten hebben een genummerde foto, wat er moet gebeuren, wie en een termijn.",
        _url(ctx),
    )


@eis("schouw.positief")
def check_positief(ctx: ToetsContext) -> Uitkomst:
    if uitkomst := _geen(ctx, jaarlijks=True):
        return uitkomst

    def telling(jaar) -> int:
        return sum(1 for s in _in_jaar(ctx, jaar) for p in s.punten.all() if positief_compleet(p))

    return jaarregel(ctx, telling, 5, "Positieve punten met foto en toelichting (dag en avond samen)", _url(ctx))


@eis("schouw.rapport")
def check_rapport(ctx: ToetsContext) -> Uitkomst:
    if uitkomst := _geen(ctx):
        return uitkomst
    zonder = [s for s in _schouwen(ctx) if not s.aantal_aanwezigen]
    if zonder:
        namen = ", ".join(f"{s.get_soort_display()} {s.datum:%d-%m-%Y}" for s in zonder)
        return Uitkomst(Status.NIET_VOLDAAN, f"Zonder lijst van aanwezigen: {namen}.", _url(ctx))
    return Uitkomst(
        Status.VOLDAAN,
        f"Alle {len(_schouwen(ctx))} schouwen hebben een datum en een lijst van aanwezigen.",
        _url(ctx),
    )
