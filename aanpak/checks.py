"""Readiness checks of the plan of approach (§4.2, §4.3) and the evaluations (§4.4, §4.5); IDs from eisen.md.

The plan is the cycle's plan; without one every plan rule answers ``open`` ("nog geen plan van
aanpak"). Rules that judge the recorded data answer ``niet_voldaan`` as soon as the data breaks
them, naming what to fix, so the group sees it while it writes the plan.
"""

from __future__ import annotations

from aanpak import kwartalen, regels
from aanpak.models import Doelstelling, Evaluatie, Maatregel, Plan
from aanpak.selectors import plannen_van
from analyse import catalogus
from analyse.models import Conclusie, Enquete, Schouw, Schouwpunt, Vraag
from kvo.toets import (
    CyclusJaar,
    Status,
    ToetsContext,
    Uitkomst,
    cycli_van,
    eis,
    gedeeld,
    per_context,
    per_cyclus,
    per_jaar,
    per_object,
    per_sleutel,
)
from werkgroepen.models import Cyclus
from werkgroepen.selectors import VERPLICHTE_PARTIJEN

GEEN_PLAN = "Er is nog geen plan van aanpak voor deze cyclus."


def _url(ctx: ToetsContext, naam: str) -> str:
    return ctx.url(f"aanpak:{naam}")


# --- loaders: each reads the data of all contexts of the run in one query ----------------------


@gedeeld("aanpak.plan")
def toets_plan(contexten: list[ToetsContext]) -> list[Plan | None]:
    """The cycle's plan (as ``aanpak.selectors.plan_van`` gives it), None without one. Public: the
    audit's checks read the same plan (one query for both)."""
    plannen = plannen_van(cycli_van(contexten))
    return per_context(contexten, plannen)


def _plannen(contexten: list[ToetsContext]) -> list[Plan | None]:
    return [toets_plan(c) for c in contexten]


@gedeeld("aanpak.maatregelen")
def toets_maatregelen(contexten: list[ToetsContext]) -> list[list[Maatregel]]:
    """The plan's measures in the matrix's order (with their responsible party). Public: the audit's
    checks read the same measures."""
    plannen = _plannen(contexten)
    ids = [p.pk for p in plannen if p is not None]
    if not ids:
        return [[] for _ in contexten]
    rijen = (
        Maatregel.objects.filter(plan_id__in=ids)
        .select_related("verantwoordelijke")
        .order_by("plan_id", "volgorde", "pk")
    )
    return per_object(plannen, rijen, lambda r: r.plan_id)


@gedeeld("aanpak.doelen")
def _doelen(contexten: list[ToetsContext]) -> list[list[Doelstelling]]:
    """The plan's goals (``pva.smart`` and ``pva.thema-dekking`` share them)."""
    plannen = _plannen(contexten)
    ids = [p.pk for p in plannen if p is not None]
    if not ids:
        return [[] for _ in contexten]
    doelen = Doelstelling.objects.filter(plan_id__in=ids).order_by("plan_id", "volgorde", "pk")
    return per_object(plannen, doelen, lambda r: r.plan_id)


@gedeeld("aanpak.bezig")
def _bezig(contexten: list[ToetsContext]) -> list[list[dict]]:
    """The plan's running and executed measures, one row per progress note (``voortgang__pk`` None
    without), in the matrix's order."""
    plannen = _plannen(contexten)
    ids = [p.pk for p in plannen if p is not None]
    if not ids:
        return [[] for _ in contexten]
    rijen = (
        Maatregel.objects.filter(plan_id__in=ids, status__in=["lopend", "uitgevoerd"])
        .order_by("plan_id", "volgorde", "pk")
        .values("plan_id", "pk", "titel", "status", "uitgevoerd_op", "voortgang__pk")
    )
    return per_object(plannen, rijen, lambda r: r["plan_id"])


@gedeeld("aanpak.terugkerende-schouwpunten")
def _terugkerende_punten(contexten: list[ToetsContext]) -> list[list[Schouwpunt]]:
    """The cycle's recurring inspection points that ask for another approach, in the points'
    default order (their inspection's, newest first, then number)."""
    cycli = cycli_van(contexten)
    if not cycli:
        return [[] for _ in contexten]
    punten = Schouwpunt.objects.filter(schouw__cyclus__in=cycli, terugkerend=True, positief=False).select_related(
        "schouw"
    )
    groepen = per_sleutel(punten, lambda p: p.schouw.cyclus_id)
    return per_context(contexten, groepen, list)


@gedeeld("aanpak.heeft-schouw")
def _heeft_schouw(contexten: list[ToetsContext]) -> list[bool]:
    """Whether the cycle has an inspection."""
    cycli = cycli_van(contexten)
    met = set()
    if cycli:
        met = set(Schouw.objects.filter(cyclus__in=cycli).order_by().values_list("cyclus_id", flat=True).distinct())
    return [c.cyclus is not None and c.cyclus.pk in met for c in contexten]


@gedeeld("aanpak.enquete-themas")
def _enquete_themas(contexten: list[ToetsContext]) -> list[list[str]]:
    """``analyse.selectors.conclusie.enquete_themas`` of each context's cycle: the themes the survey
    asked about (catalogue themes and own themes), in survey order."""
    cycli = cycli_van(contexten)
    enquetes = []
    if cycli:
        enquetes = list(Enquete.objects.filter(cyclus__in=cycli).values_list("pk", "cyclus_id", "eigen_themas"))
    gevraagd: dict[int, set[str]] = {pk: set() for pk, _, _ in enquetes}
    if enquetes:
        vragen = Vraag.objects.filter(enquete_id__in=list(gevraagd)).values_list("enquete_id", "thema")
        for enquete_id, thema in vragen:
            gevraagd[enquete_id].add(thema)
    per_cyclus_: dict[int, list[str]] = {}
    for pk, cyclus_id, eigen_themas in enquetes:
        volgorde = [*catalogus.THEMAS, *(catalogus.eigen_thema(n) for n in eigen_themas or [])]
        per_cyclus_[cyclus_id] = [t for t in volgorde if t in gevraagd[pk]] + sorted(gevraagd[pk] - set(volgorde))
    return per_context(contexten, per_cyclus_, list)


@gedeeld("aanpak.conclusie")
def _conclusie(contexten: list[ToetsContext]) -> list[Conclusie | None]:
    """The cycle's conclusion of the safety analysis, None without one."""
    cycli = cycli_van(contexten)
    rijen = Conclusie.objects.filter(cyclus__in=cycli) if cycli else []
    return [r[0] if r else None for r in per_cyclus(contexten, rijen)]


@gedeeld("aanpak.evaluaties")
def _evaluaties(contexten: list[ToetsContext]) -> list[dict[int, Evaluatie]]:
    """The cycle's evaluations by year of the cycle."""
    cycli = cycli_van(contexten)
    rijen = Evaluatie.objects.filter(cyclus__in=cycli) if cycli else []
    return [{e.jaar: e for e in evaluaties} for evaluaties in per_cyclus(contexten, rijen)]


def _namen(items, n: int = 3) -> str:
    items = list(items)
    tekst = ", ".join(f"“{i}”" for i in items[:n])
    return tekst + (f" en {len(items) - n} meer" if len(items) > n else "")


@eis("pva.smart")
def check_smart(ctx: ToetsContext) -> Uitkomst:
    url = _url(ctx, "doelen")
    plan = toets_plan(ctx)
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
    plan, doelen = toets_plan(ctx), _doelen(ctx)
    if plan is None or not doelen:
        return Uitkomst(Status.OPEN, GEEN_PLAN if plan is None else "Nog geen doelstellingen.", url)
    d = regels.dekking({doel.thema for doel in doelen}, _enquete_themas(ctx))
    return Uitkomst(Status.VOLDAAN if d.voldaan else Status.NIET_VOLDAAN, d.tekst + ".", url)


@eis("pva.maatregel-velden")
def check_maatregel_velden(ctx: ToetsContext) -> Uitkomst:
    url = _url(ctx, "matrix")
    if toets_plan(ctx) is None:
        return Uitkomst(Status.OPEN, GEEN_PLAN, url)
    maatregelen = [m for m in toets_maatregelen(ctx) if m.status != Maatregel.Status.VERVALLEN]
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
    punten = _terugkerende_punten(ctx)
    if not punten:
        if not _heeft_schouw(ctx):
            return Uitkomst(Status.OPEN, "Nog geen schouw in deze cyclus.", url)
        return Uitkomst(Status.VOLDAAN, "Geen terugkerende schouwpunten of punten die een andere aanpak vragen.", url)
    if toets_plan(ctx) is None:
        return Uitkomst(Status.OPEN, f"{len(punten)} terugkerende schouwpunten; {GEEN_PLAN.lower()}", url)
    opgenomen = {m.schouwpunt_id for m in toets_maatregelen(ctx) if m.schouwpunt_id}
    missen = [p for p in punten if p.pk not in opgenomen]
    tekst = f"{len(punten) - len(missen)} van {len(punten)} terugkerende schouwpunten in de maatregelenmatrix"
    if missen:
        namen = _namen(f"{p.schouw} punt {p.nummer}" for p in missen)
        return Uitkomst(Status.NIET_VOLDAAN, f"{tekst}; ontbreekt: {namen}.", url)
    return Uitkomst(Status.VOLDAAN, tekst + ".", url)


@eis("pva.verdeling")
def check_verdeling(ctx: ToetsContext) -> Uitkomst:
    url = _url(ctx, "matrix")
    if toets_plan(ctx) is None:
        return Uitkomst(Status.OPEN, GEEN_PLAN, url)
    maatregelen = [m for m in toets_maatregelen(ctx) if m.status != Maatregel.Status.VERVALLEN]
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
    plan = toets_plan(ctx)
    if plan is None:
        return Uitkomst(Status.OPEN, GEEN_PLAN, url)
    jaar_van = {k.code: k.jaar for k in kwartalen.van_cyclus(ctx.cyclus.start)}
    telling: dict[tuple[int, str], int] = {}
    for m in toets_maatregelen(ctx):
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
    plan = toets_plan(ctx)
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
    plan = toets_plan(ctx)
    if plan is None:
        return Uitkomst(Status.OPEN, GEEN_PLAN, url)
    per_maatregel: dict[int, dict] = {}
    for r in _bezig(ctx):
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

    def beoordeel(jaar: CyclusJaar) -> tuple[bool, str]:
        mist = _compleet(evaluaties.get(jaar.nummer))
        return not mist, ", ".join(mist)

    oordeel = per_jaar(ctx, beoordeel)  # eisen.md's yearly rule
    if not oordeel.voltooid:
        jaar = oordeel.lopend.jaar
        if oordeel.status == Status.VOLDAAN:
            return Uitkomst(Status.VOLDAAN, f"Jaar {jaar.nummer} (lopend) is al geëvalueerd.", url)
        return Uitkomst(
            Status.OPEN,
            f"Nog geen jaar voltooid; evaluatie van jaar {jaar.nummer} uiterlijk {jaar.eind:%d-%m-%Y}.",
            url,
        )
    if oordeel.tekort:
        delen = "; ".join(f"jaar {s.jaar.nummer}: {s.tekst}" for s in oordeel.tekort)
        return Uitkomst(Status.NIET_VOLDAAN, f"Voltooide jaren zonder volledige evaluatie — {delen}.", url)
    jaren = ", ".join(str(s.jaar.nummer) for s in oordeel.voltooid)
    te_doen = ""
    if (s := oordeel.te_doen) is not None:
        te_doen = f" Nog te doen: de evaluatie van jaar {s.jaar.nummer} (lopend), uiterlijk {s.jaar.eind:%d-%m-%Y}."
    return Uitkomst(
        Status.VOLDAAN,
        f"Elk voltooid jaar ({jaren}) geëvalueerd: vier vragen over maatregelen, vier over samenwerking, "
        f"verbeterpunten.{te_doen}",
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
    mist = []
    conclusie = _conclusie(ctx)
    if conclusie is None or conclusie.vastgesteld_op is None:
        mist.append("een nieuwe, vastgestelde veiligheidsanalyse")
    plan = toets_plan(ctx)
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
from aanpak import checks_pvo, checks_pvo_inventarisatie  # noqa: E402, F401  (PVO, pvo.md)
