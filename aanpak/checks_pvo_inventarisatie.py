"""Readiness checks of PVO's inventory before the plan (pvo.md: ``pvo.inventarisatie``,
``pvo.enquete``, ``pvo.gebiedsscan``).

The data is the safety analysis's (figures, the survey with the mayor's letter, the stakeholders'
area scans); the rule is "before the plan", so the checks live here, where the plan is known (an
app never reads a later one). Missing data is ``open`` until the plan is adopted, ``niet_voldaan``
after it. A recalibration cycle does not repeat the set-up: there these rules are ``nvt``.
"""

from __future__ import annotations

from aanpak.checks import toets_plan
from aanpak.checks_pvo import vastgesteld
from analyse.models import Cijfer, Enquete, Gebiedsscan
from analyse.models.gebiedsscan import MAX_FENOMENEN
from kvo.regelingen import pagina_url
from kvo.toets import Status, ToetsContext, Uitkomst, cycli_van, eis, gedeeld, per_context, per_cyclus
from werkgroepen.checks_pvo import datum_nl, in_herijking, partij_van, stakeholders
from werkgroepen.models import Partij

IDS = ("pvo.inventarisatie", "pvo.enquete", "pvo.gebiedsscan")


@gedeeld("analyse.pvo_cijfers", leest=("cijfers",))
def _cijfers(contexten: list[ToetsContext]) -> list[list[Cijfer]]:
    rijen = Cijfer.objects.filter(cyclus__in=cycli_van(contexten)).order_by("cyclus_id", "bron", "periode_van", "pk")
    return per_cyclus(contexten, rijen)


@gedeeld("analyse.pvo_enquete", leest=("enquete",))
def _enquete(contexten: list[ToetsContext]) -> list[Enquete | None]:
    rijen = Enquete.objects.filter(cyclus__in=cycli_van(contexten))
    return per_context(contexten, {e.cyclus_id: e for e in rijen})


@gedeeld("analyse.pvo_gebiedsscans", leest=("gebiedsscan",))
def _scans(contexten: list[ToetsContext]) -> list[list[Gebiedsscan]]:
    rijen = Gebiedsscan.objects.filter(cyclus__in=cycli_van(contexten)).order_by("cyclus_id", "pk")
    return per_cyclus(contexten, rijen)


def _status_voor_plan(ctx: ToetsContext) -> Status:
    """Missing data before the plan: open while the plan is not adopted, not met once it is."""
    return Status.NIET_VOLDAAN if vastgesteld(ctx, toets_plan(ctx)) else Status.OPEN


def _na_plan(ctx: ToetsContext) -> str:
    op = vastgesteld(ctx, toets_plan(ctx))
    return f" Het uitvoeringsplan is al vastgesteld ({datum_nl(op)})." if op else ""


def is_mor(c: Cijfer) -> bool:
    """A figure of the municipality's reports about the public space (MOR)."""
    return c.herkomst == Cijfer.Herkomst.MOR or (c.bron == Cijfer.Bron.GEMEENTE and c.soort == Cijfer.Soort.MELDING)


@eis("pvo.inventarisatie")
def check_inventarisatie(ctx: ToetsContext) -> Uitkomst:
    u = ctx.url("analyse:cijfers")
    if (nvt := in_herijking(ctx)) is not None:
        return Uitkomst(nvt.status, nvt.toelichting, u)
    if ctx.cyclus is None:
        return Uitkomst(Status.OPEN, "Er is nog geen cyclus gestart.", u)
    cijfers = _cijfers(ctx)
    per_bron = {b: sum(1 for c in cijfers if c.bron == b) for b in Cijfer.Bron}
    mor = sum(1 for c in cijfers if is_mor(c))
    overig = [
        f"{Cijfer.Bron(b).label} {n}"
        for b, n in per_bron.items()
        if n and b not in (Cijfer.Bron.POLITIE, Cijfer.Bron.GEMEENTE)
    ]
    tekst = (
        f"Cijfers: politie {per_bron[Cijfer.Bron.POLITIE]}, gemeente {per_bron[Cijfer.Bron.GEMEENTE]} "
        f"(waarvan MOR-meldingen {mor})" + (f", verder {', '.join(overig)}" if overig else "")
    )
    mist = []
    if not per_bron[Cijfer.Bron.POLITIE]:
        mist.append("cijfers van de politie")
    if not per_bron[Cijfer.Bron.GEMEENTE]:
        mist.append("cijfers van de gemeente")
    if not mor:
        mist.append("de MOR-meldingen (meldingen openbare ruimte) van het terrein")
    if not mist:
        return Uitkomst(Status.VOLDAAN, f"{tekst}.", u)
    return Uitkomst(_status_voor_plan(ctx), f"{tekst}; ontbreekt: {', '.join(mist)}.{_na_plan(ctx)}", u)


@eis("pvo.enquete")
def check_enquete(ctx: ToetsContext) -> Uitkomst:
    u = pagina_url(ctx, "analyse:pvo_brief", "analyse:enquete")
    if (nvt := in_herijking(ctx)) is not None:
        return Uitkomst(nvt.status, nvt.toelichting, u)
    enquete = _enquete(ctx)
    op = vastgesteld(ctx, toets_plan(ctx))
    if enquete is None or enquete.geopend_op is None or enquete.geopend_op > ctx.datum:
        return Uitkomst(
            _status_voor_plan(ctx), f"De enquête onder de ondernemers is nog niet verstuurd.{_na_plan(ctx)}", u
        )
    tekst = f"Enquête verstuurd op {datum_nl(enquete.geopend_op)}"
    if op is not None and enquete.geopend_op > op:
        return Uitkomst(
            Status.NIET_VOLDAAN, f"{tekst}, na het vaststellen van het uitvoeringsplan ({datum_nl(op)}).", u
        )
    namens = partij_van(ctx, enquete.brief_namens_id)
    mist = []
    if namens is not None and namens.soort != Partij.Soort.GEMEENTE:
        return Uitkomst(
            Status.NIET_VOLDAAN, f"{tekst}; de brief kwam van {namens.naam}, niet van de gemeente (de burgemeester).", u
        )
    if namens is None or not (enquete.brief_ondertekenaar or "").strip():
        mist.append("de brief van de gemeente (de burgemeester) met de link")
    else:
        tekst = f"{tekst}, aangekondigd met een brief van {namens.naam} ({enquete.brief_ondertekenaar.strip()})"
    gepresenteerd = enquete.resultaten_gepresenteerd_op
    if gepresenteerd is None or gepresenteerd > ctx.datum:
        mist.append("de presentatie van de resultaten aan de deelnemers")
    else:
        tekst = f"{tekst}; resultaten gepresenteerd op {datum_nl(gepresenteerd)}"
    if not mist:
        return Uitkomst(Status.VOLDAAN, f"{tekst}.", u)
    return Uitkomst(_status_voor_plan(ctx), f"{tekst}; nog niet vastgelegd: {'; '.join(mist)}.{_na_plan(ctx)}", u)


@eis("pvo.gebiedsscan")
def check_gebiedsscan(ctx: ToetsContext) -> Uitkomst:
    u = pagina_url(ctx, "analyse:pvo_gebiedsscan", "analyse:overzicht")
    if (nvt := in_herijking(ctx)) is not None:
        return Uitkomst(nvt.status, nvt.toelichting, u)
    partijen = stakeholders(ctx)
    if not partijen:
        return Uitkomst(Status.OPEN, "Er zijn nog geen stakeholders (partijen met actieve leden) vastgelegd.", u)
    scans = {s.partij_id: s for s in _scans(ctx)}
    te_veel = [p.naam for p in partijen if p.pk in scans and len(scans[p.pk].fenomenen or []) > MAX_FENOMENEN]
    gepresenteerd = [
        p for p in partijen if p.pk in scans and scans[p.pk].fenomenen and scans[p.pk].bijeenkomst_id is not None
    ]
    ontbreekt = [p.naam for p in partijen if p not in gepresenteerd]
    tekst = f"{len(gepresenteerd)} van {len(partijen)} stakeholders presenteerden hun gebiedsscan (top {MAX_FENOMENEN})"
    if te_veel:
        return Uitkomst(
            Status.NIET_VOLDAAN, f"{tekst}; meer dan {MAX_FENOMENEN} fenomenen bij: {', '.join(te_veel)}.", u
        )
    if not ontbreekt:
        return Uitkomst(Status.VOLDAAN, f"{tekst}.", u)
    return Uitkomst(
        _status_voor_plan(ctx),
        f"{tekst}; nog niet (of zonder bijeenkomst): {', '.join(ontbreekt)}.{_na_plan(ctx)}",
        u,
    )
