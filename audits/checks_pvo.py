"""Readiness checks of PVO's waardering and the meetings around it (pvo.md: ``pvo.waardering``,
``pvo.bijeenkomsten``).

Where a KVO cycle ends in an audit, a PVO group's first year ends in a waardering (``Waardering``,
with an ``Ondertekenaar`` per participating organisation). The group's waardering is the one of its
PVO set-up cycle (the run's first), so a recalibration cycle still knows when it was held.
"""

from __future__ import annotations

import datetime as dt

from aanpak import kwartalen
from audits.models import Ondertekenaar, Waardering
from kvo.regelingen import pagina_url
from kvo.toets import Status, ToetsContext, Uitkomst, eis, gedeeld, plus_jaren
from werkgroepen.checks_pvo import datum_nl, groepsbijeenkomsten, kickoff, opzet_cyclus, stakeholders

IDS = ("pvo.waardering", "pvo.bijeenkomsten")
MINIMUM_EERSTE_JAAR = 6  # "six to eight times in about a year": read as at least six
MAXIMUM_EERSTE_JAAR = 8  # the seed's upper figure, named in the explanation; more is not a breach


def waardering_url(ctx: ToetsContext) -> str:
    return pagina_url(ctx, "audits:pvo_waardering", "werkgroepen:home")


@gedeeld("audits.pvo_waarderingen", leest=("waardering", "partijen"))
def _waarderingen(contexten: list[ToetsContext]) -> list[dict[int, Waardering]]:
    """Every waardering of the work group, by its cycle's id, with its signatories."""
    wgs = [c.werkgroep for c in contexten]
    per: dict[int, dict[int, Waardering]] = {wg.pk: {} for wg in wgs}
    rijen = Waardering.objects.filter(werkgroep__in=wgs).prefetch_related("ondertekenaars__partij")
    for w in rijen:
        per[w.werkgroep_id][w.cyclus_id] = w
    return [per[c.werkgroep.pk] for c in contexten]


def waardering_van(ctx: ToetsContext) -> Waardering | None:
    """The waardering of the group's PVO set-up cycle (None without one)."""
    eerste = opzet_cyclus(ctx)
    return _waarderingen(ctx).get(eerste.pk) if eerste is not None else None


def gehouden_op(ctx: ToetsContext) -> dt.date | None:
    w = waardering_van(ctx)
    if w is None or w.gehouden_op is None or w.gehouden_op > ctx.datum:
        return None
    return w.gehouden_op


@eis("pvo.waardering")
def check_waardering(ctx: ToetsContext) -> Uitkomst:
    u = waardering_url(ctx)
    w = waardering_van(ctx)
    if w is None:
        return Uitkomst(Status.OPEN, "De waardering is nog niet gepland.", u)
    op = gehouden_op(ctx)
    if op is None:
        gepland = f"gepland op {datum_nl(w.gepland_op)}" if w.gepland_op else "nog zonder datum"
        return Uitkomst(Status.OPEN, f"De waardering is {gepland}; nog niet gehouden.", u)
    partijen = stakeholders(ctx, op)
    getekend: dict[int, Ondertekenaar] = {
        o.partij_id: o for o in w.ondertekenaars.all() if o.getekend_op is not None and o.getekend_op <= ctx.datum
    }
    ongetekend = [p.naam for p in partijen if p.pk not in getekend]
    tekst = (
        f"Waardering gehouden op {datum_nl(op)}; getekend door {sum(1 for p in partijen if p.pk in getekend)} "
        f"van {len(partijen)} deelnemende organisaties"
    )
    mist = []
    if w.bijeenkomst_id is None:
        mist.append("de bijeenkomst met de stakeholders")
    if ongetekend:
        mist.append(f"de handtekening van {', '.join(ongetekend)}")
    if w.uitgereikt_op is None or w.uitgereikt_op > ctx.datum:
        mist.append("de uitreiking aan alle werkgroepleden en tekenbevoegden")
    if not w.continuiteit_bevestigd:
        mist.append("de bevestiging van de continuïteit van de samenwerking")
    if not w.capaciteit_bevestigd:
        mist.append("de bevestiging van de toegezegde (ambtelijke) capaciteit")
    if mist:
        return Uitkomst(Status.NIET_VOLDAAN, f"{tekst}; ontbreekt: {'; '.join(mist)}.", u)
    return Uitkomst(
        Status.VOLDAAN,
        f"{tekst}; uitgereikt op {datum_nl(w.uitgereikt_op)}; continuïteit en capaciteit bevestigd.",
        u,
    )


def _kwartalen_na(na: dt.date, tot: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    """The calendar quarters after the one containing ``na``, up to the one containing ``tot``."""
    uit = []
    begin = kwartalen.eerste_dag(kwartalen.code_van(na))
    while True:
        begin = kwartalen._laatste_dag(begin) + dt.timedelta(days=1)
        if begin > tot:
            return uit
        uit.append((kwartalen.code_van(begin), begin, kwartalen._laatste_dag(begin)))


@eis("pvo.bijeenkomsten")
def check_bijeenkomsten(ctx: ToetsContext) -> Uitkomst:
    u = ctx.url("werkgroepen:bijeenkomsten")
    k = kickoff(ctx)
    if k is None:
        return Uitkomst(Status.OPEN, "Er is nog geen kick-off vastgelegd; vanaf de kick-off telt het eerste jaar.", u)
    alle = groepsbijeenkomsten(ctx)
    w = gehouden_op(ctx)
    jaar_einde = plus_jaren(k.datum, 1) - dt.timedelta(days=1)
    tot = w or jaar_einde
    eerste = [b for b in alle if k.datum <= b.datum <= tot]
    n = len(eerste)
    norm = f"zes tot acht gevraagd, minimaal {MINIMUM_EERSTE_JAAR}"
    if w is not None:
        fase = f"{n} bijeenkomsten van de kick-off ({datum_nl(k.datum)}) tot en met de waardering ({datum_nl(w)})"
    else:
        fase = (
            f"{n} bijeenkomsten sinds de kick-off ({datum_nl(k.datum)}), eerste jaar tot en met {datum_nl(jaar_einde)}"
        )
    fase = f"{fase}; {norm}"
    eerste_voorbij = w is not None or ctx.datum > jaar_einde
    if n < MINIMUM_EERSTE_JAAR:
        if eerste_voorbij:
            return Uitkomst(Status.NIET_VOLDAAN, f"{fase}: {MINIMUM_EERSTE_JAAR - n} te weinig.", u)
        return Uitkomst(Status.OPEN, f"{fase}: nog {MINIMUM_EERSTE_JAAR - n} te gaan.", u)
    if w is None:
        return Uitkomst(Status.VOLDAAN, f"{fase}. Na de waardering minstens één per kwartaal.", u)
    # after the waardering: at least one meeting in every (completed) quarter
    kwartaal_stand = []
    for code, begin, eind in _kwartalen_na(w, ctx.datum):
        aantal = sum(1 for b in alle if begin <= b.datum <= eind)
        kwartaal_stand.append((code, aantal, eind < ctx.datum))
    gemist = [code for code, aantal, voltooid in kwartaal_stand if voltooid and not aantal]
    lopend = next(((code, aantal) for code, aantal, voltooid in kwartaal_stand if not voltooid), None)
    voltooid = [c for c in kwartaal_stand if c[2]]
    na = f"na de waardering {len(voltooid) - len(gemist)} van {len(voltooid)} voltooide kwartalen met een bijeenkomst"
    te_doen = f" Nog te doen in {lopend[0]} (lopend): een bijeenkomst." if lopend and not lopend[1] else ""
    if gemist:
        return Uitkomst(Status.NIET_VOLDAAN, f"{fase}; {na}; zonder bijeenkomst: {', '.join(gemist)}.{te_doen}", u)
    return Uitkomst(Status.VOLDAAN, f"{fase}; {na}.{te_doen}", u)
