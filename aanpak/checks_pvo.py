"""Readiness checks of PVO's execution plan (pvo.md: ``pvo.doelstellingen``, ``pvo.uitvoeringsplan``,
``pvo.prioriteiten``, ``pvo.activiteitenkalender``, ``pvo.herijking``).

The execution plan (uitvoeringsplan) is the cycle's ``Plan``: its actions are the measures
(``Maatregel``, each with a responsible party and its quarters), its goals the ``Doelstelling`` rows
with a PVO theme, its activity calendar the ``Activiteit`` rows. "The period" is the plan's two
years from its adoption (``Plan.vastgesteld_op``); a recalibration is the next PVO cycle's plan,
renewing this one (``Plan.vernieuwd_van``), adopted before this one's period ends.
"""

from __future__ import annotations

import datetime as dt

from aanpak import kwartalen
from aanpak.checks import _doelen, toets_maatregelen, toets_plan
from aanpak.models import Activiteit, Maatregel, Plan
from kvo.regelingen import PVO_VB, pagina_url
from kvo.toets import Status, ToetsContext, Uitkomst, eis, gedeeld, per_object, plus_jaren
from werkgroepen.checks_pvo import datum_nl, eerste_jaar, opzet_cyclus, pvo_reeks, stakeholders

IDS = ("pvo.doelstellingen", "pvo.uitvoeringsplan", "pvo.prioriteiten", "pvo.activiteitenkalender", "pvo.herijking")
GEEN_UITVOERINGSPLAN = "Er is nog geen uitvoeringsplan voor deze periode."


def plan_url(ctx: ToetsContext) -> str:
    return pagina_url(ctx, "aanpak:pvo_uitvoeringsplan", "aanpak:overzicht")


def kalender_url(ctx: ToetsContext) -> str:
    return pagina_url(ctx, "aanpak:pvo_kalender", "aanpak:overzicht")


def vastgesteld(ctx: ToetsContext, plan: Plan | None) -> dt.date | None:
    """The plan's adoption date, if it was adopted on or before the evaluation date."""
    if plan is None or plan.vastgesteld_op is None or plan.vastgesteld_op > ctx.datum:
        return None
    return plan.vastgesteld_op


def periode_einde(vastgesteld_op: dt.date) -> dt.date:
    """The last day of a plan's period (two years from its adoption)."""
    return plus_jaren(vastgesteld_op, PVO_VB.cyclus_jaren) - dt.timedelta(days=1)


def _acties(ctx: ToetsContext) -> list[Maatregel]:
    return [m for m in toets_maatregelen(ctx) if m.status != Maatregel.Status.VERVALLEN]


@gedeeld("aanpak.pvo_activiteiten", leest=("kalender", "plan"))
def _activiteiten(contexten: list[ToetsContext]) -> list[list[Activiteit]]:
    plannen = [toets_plan(c) for c in contexten]
    ids = [p.pk for p in plannen if p is not None]
    if not ids:
        return [[] for _ in contexten]
    rijen = Activiteit.objects.filter(plan_id__in=ids).order_by("plan_id", "gepland_op", "pk")
    return per_object(plannen, rijen, lambda r: r.plan_id)


@gedeeld("aanpak.pvo_plannen", leest=("plan",))
def _pvo_plannen(contexten: list[ToetsContext]) -> list[dict[int, Plan]]:
    """Every plan of the work group, by its cycle's id (for the recalibration of the previous period)."""
    wgs = [c.werkgroep for c in contexten]
    per: dict[int, dict[int, Plan]] = {wg.pk: {} for wg in wgs}
    for plan in Plan.objects.filter(werkgroep__in=wgs).select_related("cyclus"):
        per[plan.werkgroep_id][plan.cyclus_id] = plan
    return [per[c.werkgroep.pk] for c in contexten]


@eis("pvo.doelstellingen")
def check_doelstellingen(ctx: ToetsContext) -> Uitkomst:
    u = ctx.url("aanpak:doelen")
    plan = toets_plan(ctx)
    if plan is None:
        return Uitkomst(Status.OPEN, GEEN_UITVOERINGSPLAN, u)
    doelen = _doelen(ctx)
    per_thema = {k: sum(1 for d in doelen if d.thema == k) for k in PVO_VB.thema_sleutels}
    stand = ", ".join(f"{PVO_VB.thema_label(k)} {n}" for k, n in per_thema.items())
    ontbreekt = [PVO_VB.thema_label(k) for k, n in per_thema.items() if not n]
    tekst = f"Doelstellingen per thema: {stand}; minstens één per thema"
    if not ontbreekt:
        return Uitkomst(Status.VOLDAAN, f"{tekst}.", u)
    tekst = f"{tekst}; ontbreekt: {', '.join(ontbreekt)}."
    if vastgesteld(ctx, plan):
        return Uitkomst(Status.NIET_VOLDAAN, f"{tekst} Het plan is al vastgesteld.", u)
    return Uitkomst(Status.OPEN, tekst, u)


@eis("pvo.uitvoeringsplan")
def check_uitvoeringsplan(ctx: ToetsContext) -> Uitkomst:
    u = plan_url(ctx)
    plan = toets_plan(ctx)
    if plan is None:
        return Uitkomst(Status.OPEN, GEEN_UITVOERINGSPLAN, u)
    acties = _acties(ctx)
    integraal = sum(1 for m in acties if m.integraal)
    zonder = [m for m in acties if m.verantwoordelijke_id is None]
    mist = []
    if not acties:
        mist.append("nog geen acties")
    if zonder:
        mist.append(f"{len(zonder)} acties zonder verantwoordelijke partij ({', '.join(m.titel for m in zonder[:3])})")
    if not (plan.rolverdeling or "").strip():
        mist.append("de rollen van de deelnemers zijn niet verdeeld")
    tekst = f"{len(acties)} acties ({integraal} integraal, {len(acties) - integraal} per partner)"
    op = vastgesteld(ctx, plan)
    if op is None:
        return Uitkomst(
            Status.OPEN,
            f"Het uitvoeringsplan is nog niet vastgesteld; {tekst}{'; ' + '; '.join(mist) if mist else ''}.",
            u,
        )
    periode = f"vastgesteld op {datum_nl(op)} voor de periode tot en met {datum_nl(periode_einde(op))}"
    if mist:
        return Uitkomst(Status.NIET_VOLDAAN, f"Uitvoeringsplan {periode}; {tekst}; {'; '.join(mist)}.", u)
    return Uitkomst(
        Status.VOLDAAN, f"Uitvoeringsplan {periode}; {tekst}, elk met een verantwoordelijke; rollen verdeeld.", u
    )


@eis("pvo.prioriteiten")
def check_prioriteiten(ctx: ToetsContext) -> Uitkomst:
    u = plan_url(ctx)
    plan = toets_plan(ctx)
    if plan is None:
        return Uitkomst(Status.OPEN, GEEN_UITVOERINGSPLAN, u)
    acties = _acties(ctx)
    op = vastgesteld(ctx, plan)
    periode = {k.code for k in kwartalen.van_periode(op, PVO_VB.cyclus_jaren)} if op else None
    zonder_kwartaal = [m for m in acties if not m.kwartalen]
    buiten = [m for m in acties if periode is not None and any(k not in periode for k in m.kwartalen)]
    partijen = stakeholders(ctx)
    per_partij = []
    zonder_acties = []
    for p in partijen:
        eigen = [m for m in acties if m.verantwoordelijke_id == p.pk and m.kwartalen]
        if eigen:
            aantal_kw = len({k for m in eigen for k in m.kwartalen})
            per_partij.append(f"{p.naam} {len(eigen)} acties in {aantal_kw} kwartalen")
        else:
            zonder_acties.append(p.naam)
    tekst = "Per stakeholder: " + ("; ".join(per_partij) if per_partij else "nog geen acties per kwartaal")
    mist = []
    if zonder_acties:
        mist.append(f"zonder acties per kwartaal: {', '.join(zonder_acties)}")
    if zonder_kwartaal:
        mist.append(
            f"{len(zonder_kwartaal)} acties zonder kwartaal ({', '.join(m.titel for m in zonder_kwartaal[:3])})"
        )
    if buiten:
        mist.append(
            f"{len(buiten)} acties met een kwartaal buiten de planperiode ({', '.join(m.titel for m in buiten[:3])})"
        )
    if not acties:
        return Uitkomst(Status.OPEN, "Het uitvoeringsplan heeft nog geen acties.", u)
    if not mist:
        return Uitkomst(Status.VOLDAAN, f"{tekst}.", u)
    tekst = f"{tekst}; {'; '.join(mist)}."
    return Uitkomst(Status.NIET_VOLDAAN if op else Status.OPEN, tekst, u)


@eis("pvo.activiteitenkalender")
def check_activiteitenkalender(ctx: ToetsContext) -> Uitkomst:
    u = kalender_url(ctx)
    plan = toets_plan(ctx)
    if plan is None:
        return Uitkomst(Status.OPEN, GEEN_UITVOERINGSPLAN, u)
    activiteiten = _activiteiten(ctx)
    soorten = Activiteit.Soort
    telling = {s: sum(1 for a in activiteiten if a.soort == s) for s in soorten}
    tekst = (
        f"Activiteitenkalender: {telling[soorten.VOORLICHTING_PUBLIEK]} voorlichtingen voor publieke partijen, "
        f"{telling[soorten.VOORLICHTING_ONDERNEMERS]} voor ondernemers, "
        f"{telling[soorten.COMMUNICATIE]} communicatiemomenten"
    )
    mist = [
        wat
        for s, wat in (
            (soorten.VOORLICHTING_PUBLIEK, "voorlichting voor publieke partijen"),
            (soorten.VOORLICHTING_ONDERNEMERS, "voorlichting voor ondernemers"),
            (soorten.COMMUNICATIE, "gezamenlijk geplande communicatie"),
        )
        if not telling[s]
    ]
    # in the set-up period at least one information meeting in the first year; later in the plan's period
    eerste = opzet_cyclus(ctx)
    jaar = eerste_jaar(ctx)
    termijn_voorbij = False
    if eerste is not None and ctx.cyclus is not None and eerste.pk == ctx.cyclus.pk:
        if jaar is None:
            venster, wanneer = None, "het eerste jaar (vanaf de kick-off)"
        else:
            venster, wanneer = jaar, f"het eerste jaar (tot en met {datum_nl(jaar[1])})"
            termijn_voorbij = ctx.datum > jaar[1]
    else:
        op = vastgesteld(ctx, plan)
        venster = (op, periode_einde(op)) if op else None
        wanneer = "de planperiode"
        termijn_voorbij = venster is not None and ctx.datum > venster[1]
    binnen = [a for a in activiteiten if a.is_voorlichting and venster and venster[0] <= a.gepland_op <= venster[1]]
    if not binnen:
        mist.append(f"een voorlichtingsbijeenkomst gepland in {wanneer}")
    if plan.kalender_vastgesteld_op is None or plan.kalender_vastgesteld_op > ctx.datum:
        mist.append("de kalender is nog niet vastgesteld")
    else:
        tekst = f"{tekst}; vastgesteld op {datum_nl(plan.kalender_vastgesteld_op)}"
    if not mist:
        return Uitkomst(Status.VOLDAAN, f"{tekst}; eerste voorlichting {datum_nl(binnen[0].gepland_op)}.", u)
    tekst = f"{tekst}; ontbreekt: {'; '.join(mist)}."
    return Uitkomst(Status.NIET_VOLDAAN if termijn_voorbij else Status.OPEN, tekst, u)


@eis("pvo.herijking")
def check_herijking(ctx: ToetsContext) -> Uitkomst:
    u = plan_url(ctx)
    plan = toets_plan(ctx)
    reeks = pvo_reeks(ctx)
    plannen = _pvo_plannen(ctx)
    vorige_cyclus = reeks[-2] if len(reeks) >= 2 else None
    vorig = plannen.get(vorige_cyclus.pk) if vorige_cyclus is not None else None
    vorig_op = vastgesteld(ctx, vorig)
    op = vastgesteld(ctx, plan)
    if vorig_op is not None:
        # this cycle is a recalibration: its plan must be adopted before the previous period ended
        einde = periode_einde(vorig_op)
        vorige = (
            f"het vorige uitvoeringsplan (cyclus {vorige_cyclus.nummer}, vastgesteld {datum_nl(vorig_op)}) "
            f"liep tot en met {datum_nl(einde)}"
        )
        if op is not None:
            if op > einde:
                return Uitkomst(
                    Status.NIET_VOLDAAN,
                    f"Herijkt uitvoeringsplan vastgesteld op {datum_nl(op)}, te laat: {vorige}.",
                    u,
                )
            van = " (vernieuwt het vorige plan)" if plan.vernieuwd_van_id == vorig.pk else ""
            return Uitkomst(
                Status.VOLDAAN,
                f"Herijkt uitvoeringsplan vastgesteld op {datum_nl(op)}{van}; {vorige}. "
                f"Volgende herijking uiterlijk {datum_nl(periode_einde(op))}.",
                u,
            )
        if ctx.datum > einde:
            return Uitkomst(
                Status.NIET_VOLDAAN, f"{vorige[0].upper()}{vorige[1:]}; er is nog geen nieuw plan vastgesteld.", u
            )
        return Uitkomst(Status.OPEN, f"Herijking loopt: {vorige}; stel het nieuwe plan uiterlijk dan vast.", u)
    if op is None:
        return Uitkomst(
            Status.OPEN, "Er is nog geen vastgesteld uitvoeringsplan; de herijking volgt twee jaar daarna.", u
        )
    einde = periode_einde(op)
    if ctx.datum > einde:
        return Uitkomst(
            Status.NIET_VOLDAAN,
            f"De twee jaar van het uitvoeringsplan (vastgesteld {datum_nl(op)}) eindigden op {datum_nl(einde)} "
            "zonder nieuw, herijkt uitvoeringsplan.",
            u,
        )
    return Uitkomst(
        Status.OPEN,
        f"Uitvoeringsplan vastgesteld op {datum_nl(op)}; herijken (een nieuw plan vaststellen) "
        f"uiterlijk {datum_nl(einde)}.",
        u,
    )
