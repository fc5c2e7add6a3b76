"""Readiness checks of the plan of approach (§4.2, §4.3) and the evaluations (§4.4, §4.5); IDs from eisen.md.

The plan is the cycle's plan; without one every plan rule answers ``open`` ("nog geen plan van
aanpak"). Rules that judge the recorded data answer ``niet_voldaan`` as soon as the data breaks
them, naming what to fix, so the group sees it while it writes the plan.
"""

from __future__ import annotations

from django.urls import reverse

from aanpak import kwartalen, regels
from aanpak.models import Evaluatie, Maatregel, Plan
from analyse.models import Schouwpunt
from analyse.selectors.conclusie import enquete_themas
from kvo.toets import Status, ToetsContext, Uitkomst, eis
from werkgroepen.models import Cyclus
from werkgroepen.selectors import VERPLICHTE_PARTIJEN

GEEN_PLAN = "Er is nog geen plan van aanpak voor deze cyclus."


def _url(ctx: ToetsContext, naam: str) -> str:
    return reverse(f"aanpak:{naam}", kwargs={"werkgroep": ctx.werkgroep.slug})


def _plan(ctx: ToetsContext) -> Plan | None:
    if "aanpak.plan" not in ctx.cache:
        ctx.cache["aanpak.plan"] = (
            Plan.objects.filter(cyclus=ctx.cyclus).select_related("cyclus").first() if ctx.cyclus else None
        )
    return ctx.cache["aanpak.plan"]


def _maatregelen(ctx: ToetsContext) -> list[Maatregel]:
    if "aanpak.maatregelen" not in ctx.cache:
        plan = _plan(ctx)
        ctx.cache["aanpak.maatregelen"] = (
            list(plan.maatregelen.select_related("verantwoordelijke").order_by("volgorde", "pk")) if plan else []
        )
    return ctx.cache["aanpak.maatregelen"]


def _doelen(ctx: ToetsContext) -> list:
    """The plan's goals, once per readiness run (``pva.smart`` and ``pva.thema-dekking`` share them)."""
    if "aanpak.doelen" not in ctx.cache:
        plan = _plan(ctx)
        ctx.cache["aanpak.doelen"] = list(plan.doelstellingen.all()) if plan else []
    return ctx.cache["aanpak.doelen"]


def _namen(items, n: int = 3) -> str:
    items = list(items)
    tekst = ", ".join(f"“{i}”" for i in items[:n])
    return tekst + (f" en {len(items) - n} meer" if len(items) > n else "")


@eis("pva.smart")
def check_smart(ctx: ToetsContext) -> Uitkomst:
    url = _url(ctx, "doelen")
    plan = _plan(ctx)
    doelen = _doelen(ctx)
    if not doelen:
        return Uitkomst(Status.OPEN, GEEN_PLAN if plan is None else "Nog geen doelstellingen.", url)
    onvolledig = [(d, d.ontbrekend) for d in doelen if d.ontbrekend]
    if onvolledig:
        delen = [f"“{d.titel}” mist {', '.join(mist)}" for d, mist in onvolledig[:3]]
        meer = f" (en {len(onvolledig) - 3} meer)" if len(onvolledig) > 3 else ""
        return Uitkomst(
            Status.NIET_VOLDAAN,
            f"{len(onvolledig)} van {len(doelen)} doelstellingen niet SMART: {'; '.join(delen)}{meer}.",
            url,
        )
    return Uitkomst(Status.VOLDAAN, f"Alle {len(doelen)} doelstellingen zijn SMART, met een datum.", url)


@eis("pva.thema-dekking")
def check_thema_dekking(ctx: ToetsContext) -> Uitkomst:
    url = _url(ctx, "doelen")
    plan, doelen = _plan(ctx), _doelen(ctx)
    if plan is None or not doelen:
        return Uitkomst(Status.OPEN, GEEN_PLAN if plan is None else "Nog geen doelstellingen.", url)
    d = regels.dekking({doel.thema for doel in doelen}, enquete_themas(ctx.cyclus))
    return Uitkomst(Status.VOLDAAN if d.voldaan else Status.NIET_VOLDAAN, d.tekst + ".", url)


@eis("pva.maatregel-velden")
def check_maatregel_velden(ctx: ToetsContext) -> Uitkomst:
    url = _url(ctx, "matrix")
    if _plan(ctx) is None:
        return Uitkomst(Status.OPEN, GEEN_PLAN, url)
    maatregelen = [m for m in _maatregelen(ctx) if m.status != Maatregel.Status.VERVALLEN]
    if not maatregelen:
        return Uitkomst(Status.OPEN, "Nog geen maatregelen in de matrix.", url)
    onvolledig = [m for m in maatregelen if m.ontbrekend]
    if onvolledig:
        m = onvolledig[0]
        return Uitkomst(
            Status.NIET_VOLDAAN,
            f"{len(onvolledig)} van {len(maatregelen)} maatregelen zijn niet compleet, zoals “{m.titel}” "
            f"(mist {', '.join(m.ontbrekend)}).",
            url,
        )
    return Uitkomst(
        Status.VOLDAAN,
        f"Alle {len(maatregelen)} maatregelen noemen verantwoordelijke, kwartalen, tijd, deskundigheid en "
        "voortgangsmeting.",
        url,
    )


@eis("pva.schouwpunten")
def check_schouwpunten(ctx: ToetsContext) -> Uitkomst:
    url = _url(ctx, "schouwpunten")
    if ctx.cyclus is None:
        return Uitkomst(Status.OPEN, "Er is nog geen cyclus gestart.", url)
    punten = list(
        Schouwpunt.objects.filter(schouw__cyclus=ctx.cyclus, terugkerend=True, positief=False).select_related("schouw")
    )
    if not punten:
        if not ctx.cyclus.schouwen.exists():
            return Uitkomst(Status.OPEN, "Nog geen schouw in deze cyclus.", url)
        return Uitkomst(Status.VOLDAAN, "Geen terugkerende schouwpunten of punten die een andere aanpak vragen.", url)
    if _plan(ctx) is None:
        return Uitkomst(Status.OPEN, f"{len(punten)} terugkerende schouwpunten; {GEEN_PLAN.lower()}", url)
    opgenomen = {m.schouwpunt_id for m in _maatregelen(ctx) if m.schouwpunt_id}
    missen = [p for p in punten if p.pk not in opgenomen]
    tekst = f"{len(punten) - len(missen)} van {len(punten)} terugkerende schouwpunten in de maatregelenmatrix"
    if missen:
        namen = _namen(f"{p.schouw} punt {p.nummer}" for p in missen)
        return Uitkomst(Status.NIET_VOLDAAN, f"{tekst}; ontbreekt: {namen}.", url)
    return Uitkomst(Status.VOLDAAN, tekst + ".", url)


@eis("pva.verdeling")
def check_verdeling(ctx: ToetsContext) -> Uitkomst:
    url = _url(ctx, "matrix")
    if _plan(ctx) is None:
        return Uitkomst(Status.OPEN, GEEN_PLAN, url)
    maatregelen = [m for m in _maatregelen(ctx) if m.status != Maatregel.Status.VERVALLEN]
    if not maatregelen:
        return Uitkomst(Status.OPEN, "Nog geen maatregelen in de matrix.", url)
    soorten = {m.verantwoordelijke.soort for m in maatregelen if m.verantwoordelijke}
    zonder = [vp for vp in VERPLICHTE_PARTIJEN if not soorten & set(vp.soorten)]
    n = len(VERPLICHTE_PARTIJEN)
    tekst = f"{n - len(zonder)} van {n} verplichte partijen verantwoordelijk voor een maatregel"
    if zonder:
        return Uitkomst(Status.NIET_VOLDAAN, f"{tekst}; zonder maatregel: {', '.join(vp.label for vp in zonder)}.", url)
    return Uitkomst(Status.VOLDAAN, tekst + ".", url)


@eis("pva.vaste-maatregelen")
def check_vaste_maatregelen(ctx: ToetsContext) -> Uitkomst:
    url = _url(ctx, "matrix")
    plan = _plan(ctx)
    if plan is None:
        return Uitkomst(Status.OPEN, GEEN_PLAN, url)
    jaar_van = {k.code: k.jaar for k in kwartalen.van_cyclus(ctx.cyclus.start)}
    telling: dict[tuple[int, str], int] = {}
    for m in _maatregelen(ctx):
        if m.soort in regels.VAST_PER_JAAR and m.status != Maatregel.Status.VERVALLEN:
            for jaar in {jaar_van[k] for k in m.kwartalen if k in jaar_van}:
                telling[(jaar, m.soort)] = telling.get((jaar, m.soort), 0) + 1
    tekort = []
    for jaar in (1, 2, 3):
        for soort, (minimum, naam) in regels.VAST_PER_JAAR.items():
            n = telling.get((jaar, soort), 0)
            if n < minimum:
                tekort.append(f"jaar {jaar}: {naam} {n} van {minimum}")
    if tekort:
        meer = f" (en {len(tekort) - 4} meer)" if len(tekort) > 4 else ""
        return Uitkomst(Status.NIET_VOLDAAN, f"Vaste maatregelen ontbreken — {'; '.join(tekort[:4])}{meer}.", url)
    return Uitkomst(
        Status.VOLDAAN,
        "Elk jaar van de cyclus: dag- en avondschouw, tussentijdse evaluatie, 2 communicaties en "
        "2 aanleveringen van incidentcijfers ingepland.",
        url,
    )


@eis("pva.vastgesteld")
def check_vastgesteld(ctx: ToetsContext) -> Uitkomst:
    url = _url(ctx, "overzicht")
    plan = _plan(ctx)
    if plan is None:
        return Uitkomst(Status.OPEN, GEEN_PLAN, url)
    if plan.vastgesteld_op is None:
        return Uitkomst(Status.OPEN, "Het plan is nog niet vastgesteld door de werkgroep (datum en bijeenkomst).", url)
    if plan.vastgesteld_in_id is None:
        return Uitkomst(
            Status.OPEN,
            f"Vastgesteld op {plan.vastgesteld_op:%d-%m-%Y}; kies ook de bijeenkomst waarin dat gebeurde.",
            url,
        )
    return Uitkomst(Status.VOLDAAN, f"Vastgesteld door de werkgroep op {plan.vastgesteld_op:%d-%m-%Y}.", url)


@eis("pva.voortgang")
def check_voortgang(ctx: ToetsContext) -> Uitkomst:
    url = _url(ctx, "matrix")
    plan = _plan(ctx)
    if plan is None:
        return Uitkomst(Status.OPEN, GEEN_PLAN, url)
    bezig = plan.maatregelen.filter(status__in=["lopend", "uitgevoerd"]).order_by("volgorde", "pk")
    per_maatregel: dict[int, dict] = {}
    for r in bezig.values("pk", "titel", "status", "uitgevoerd_op", "voortgang__pk"):
        m = per_maatregel.setdefault(
            r["pk"], {"titel": r["titel"], "status": r["status"], "datum": r["uitgevoerd_op"], "notities": 0}
        )
        m["notities"] += r["voortgang__pk"] is not None
    if not per_maatregel:
        return Uitkomst(Status.OPEN, "Nog geen lopende of uitgevoerde maatregelen.", url)
    zonder_notitie = [m["titel"] for m in per_maatregel.values() if not m["notities"]]
    zonder_datum = [m["titel"] for m in per_maatregel.values() if m["status"] == "uitgevoerd" and m["datum"] is None]
    if zonder_notitie or zonder_datum:
        delen = []
        if zonder_notitie:
            delen.append(f"zonder voortgangsnotitie: {_namen(zonder_notitie)}")
        if zonder_datum:
            delen.append(f"uitgevoerd zonder datum: {_namen(zonder_datum)}")
        return Uitkomst(
            Status.NIET_VOLDAAN, f"{len(per_maatregel)} lopende of uitgevoerde maatregelen; {'; '.join(delen)}.", url
        )
    return Uitkomst(
        Status.VOLDAAN,
        f"Alle {len(per_maatregel)} lopende en uitgevoerde maatregelen hebben voortgang; uitgevoerde met datum.",
        url,
    )


# --- evaluations ---------------------------------------------------------------------------


def _evaluaties(ctx: ToetsContext) -> dict[int, Evaluatie]:
    if "aanpak.evaluaties" not in ctx.cache:
        ctx.cache["aanpak.evaluaties"] = (
            {e.jaar: e for e in Evaluatie.objects.filter(cyclus=ctx.cyclus)} if ctx.cyclus else {}
        )
    return ctx.cache["aanpak.evaluaties"]


def _compleet(e: Evaluatie | None) -> list[str]:
    if e is None:
        return ["geen evaluatie"]
    mist = []
    if e.onbeantwoord():
        n = len(e.onbeantwoord())
        mist.append(f"{n} vra{'ag' if n == 1 else 'gen'} onbeantwoord")
    if not e.verbeterpunten:
        mist.append("geen verbeterpunten")
    return mist


@eis("evaluatie.jaarlijks")
def check_jaarlijks(ctx: ToetsContext) -> Uitkomst:
    url = _url(ctx, "evaluaties")
    if ctx.cyclus is None:
        return Uitkomst(Status.OPEN, "Er is nog geen cyclus gestart.", url)
    evaluaties = _evaluaties(ctx)
    voltooid = [j for j in ctx.jaren if j.voltooid]
    if not voltooid:
        jaar = ctx.huidig_jaar or ctx.jaren[0]
        if not _compleet(evaluaties.get(jaar.nummer)):
            return Uitkomst(Status.VOLDAAN, f"Jaar {jaar.nummer} (lopend) is al geëvalueerd.", url)
        return Uitkomst(
            Status.OPEN,
            f"Nog geen jaar voltooid; evaluatie van jaar {jaar.nummer} uiterlijk {jaar.eind:%d-%m-%Y}.",
            url,
        )
    fout = [(j, _compleet(evaluaties.get(j.nummer))) for j in voltooid]
    fout = [(j, mist) for j, mist in fout if mist]
    if fout:
        delen = "; ".join(f"jaar {j.nummer}: {', '.join(mist)}" for j, mist in fout)
        return Uitkomst(Status.NIET_VOLDAAN, f"Voltooide jaren zonder volledige evaluatie — {delen}.", url)
    jaren = ", ".join(str(j.nummer) for j in voltooid)
    return Uitkomst(
        Status.VOLDAAN,
        f"Elk voltooid jaar ({jaren}) geëvalueerd: vier vragen over maatregelen, vier over samenwerking, "
        "verbeterpunten.",
        url,
    )


@eis("evaluatie.derde-jaar")
def check_derde_jaar(ctx: ToetsContext) -> Uitkomst:
    url = _url(ctx, "evaluaties")
    if ctx.cyclus is None:
        return Uitkomst(Status.OPEN, "Er is nog geen cyclus gestart.", url)
    derde = ctx.jaren[2]
    if ctx.cyclus.soort == Cyclus.Soort.EERSTE and ctx.datum < derde.start:
        return Uitkomst(Status.NVT, f"Eerste cyclus, het derde jaar begint op {derde.start:%d-%m-%Y}.", url)
    e = _evaluaties(ctx).get(3)
    if e is not None and (e.doelen_behaald or "").strip() and (e.reden_doelen or "").strip():
        return Uitkomst(
            Status.VOLDAAN, f"Evaluatie derde jaar ({e.datum:%d-%m-%Y}): behaalde doelen en reden vastgelegd.", url
        )
    mist = "geen evaluatie van het derde jaar" if e is None else "behaalde doelen en de belangrijkste reden ontbreken"
    if derde.voltooid:
        return Uitkomst(Status.NIET_VOLDAAN, f"Het derde jaar is voorbij ({derde.eind:%d-%m-%Y}): {mist}.", url)
    return Uitkomst(Status.OPEN, f"Nog niet vastgelegd ({mist}); het derde jaar loopt tot {derde.eind:%d-%m-%Y}.", url)


@eis("evaluatie.vernieuwing")
def check_vernieuwing(ctx: ToetsContext) -> Uitkomst:
    url = _url(ctx, "overzicht")
    if ctx.cyclus is None:
        return Uitkomst(Status.OPEN, "Er is nog geen cyclus gestart.", url)
    if ctx.cyclus.soort == Cyclus.Soort.EERSTE:
        return Uitkomst(Status.NVT, "Eerste certificering: nog geen vernieuwing nodig.", url)
    from analyse.models import Conclusie

    mist = []
    conclusie = Conclusie.objects.filter(cyclus=ctx.cyclus).first()
    if conclusie is None or conclusie.vastgesteld_op is None:
        mist.append("een nieuwe, vastgestelde veiligheidsanalyse")
    plan = _plan(ctx)
    if plan is None or plan.vastgesteld_op is None:
        mist.append("een vernieuwd, vastgesteld plan van aanpak")
    if mist:
        return Uitkomst(Status.OPEN, f"Opvolgende certificering: nog niet klaar — {' en '.join(mist)}.", url)
    return Uitkomst(
        Status.VOLDAAN,
        f"Nieuwe veiligheidsanalyse ({conclusie.vastgesteld_op:%d-%m-%Y}) en vernieuwd plan "
        f"({plan.vastgesteld_op:%d-%m-%Y}) vastgesteld.",
        url,
    )
