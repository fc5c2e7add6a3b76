"""Readiness checks of PVO's partnership (pvo.md: ``pvo.kickoff``, ``pvo.deelnemers``,
``pvo.capaciteit``, ``pvo.intentieverklaring``, ``pvo.communicatie``), and what the other apps'
PVO checks share: the kick-off, the first year, the stakeholders and the set-up cycle.

"The first year" runs from the kick-off meeting (pvo.md); without a kick-off it is not known yet.
The stakeholders are the parties with an active member on the evaluation date, facilitation
(procesbegeleiding) not counted. These checks only run for a PVO context (``kvo.toets`` answers the
rules of the context's scheme); they read the same loaders as the KVO checks of this app.
"""

from __future__ import annotations

import datetime as dt

from kvo.regelingen import PVO, pagina_url, regeling_van
from kvo.toets import Status, ToetsContext, Uitkomst, eis, gedeeld, plus_jaren
from werkgroepen import selectors
from werkgroepen.checks import _bijeenkomsten, _communicaties, _leden, _partijen
from werkgroepen.models import Bijeenkomst, Communicatie, Cyclus, Document, Groepsrol, Partij

IDS = ("pvo.kickoff", "pvo.deelnemers", "pvo.capaciteit", "pvo.intentieverklaring", "pvo.communicatie")
GEEN_KICKOFF = "Er is nog geen kick-off vastgelegd (een bijeenkomst van de soort kick-off)."
# the group's own meetings: from the kick-off to the waardering and after it (pvo.bijeenkomsten)
GROEPSBIJEENKOMSTEN = (
    Bijeenkomst.Soort.WERKGROEP,
    Bijeenkomst.Soort.KICK_OFF,
    Bijeenkomst.Soort.PRESENTATIE,
    Bijeenkomst.Soort.WAARDERING,
)
DOCUMENTSOORT_INTENTIEVERKLARING = "intentieverklaring"


def url(ctx: ToetsContext, naam: str) -> str:
    return ctx.url(f"werkgroepen:{naam}")


def samenwerking_url(ctx: ToetsContext) -> str:
    return pagina_url(ctx, "werkgroepen:pvo_samenwerking", "werkgroepen:afspraken")


def datum_nl(d: dt.date) -> str:
    return f"{d:%d-%m-%Y}"


# --- shared by the PVO checks of every app ------------------------------------------------------


def kickoff(ctx: ToetsContext) -> Bijeenkomst | None:
    """The group's first kick-off meeting on or before the evaluation date."""
    gehouden = [b for b in _bijeenkomsten(ctx) if b.soort == Bijeenkomst.Soort.KICK_OFF and b.datum <= ctx.datum]
    return min(gehouden, key=lambda b: (b.datum, b.pk), default=None)


def eerste_jaar(ctx: ToetsContext) -> tuple[dt.date, dt.date] | None:
    """The first year, from the kick-off: its first and last day (None without a kick-off)."""
    k = kickoff(ctx)
    if k is None:
        return None
    return k.datum, plus_jaren(k.datum, 1) - dt.timedelta(days=1)


def groepsbijeenkomsten(ctx: ToetsContext) -> list[Bijeenkomst]:
    """The group's own meetings held on or before the evaluation date, oldest first."""
    rijen = [b for b in _bijeenkomsten(ctx) if b.soort in GROEPSBIJEENKOMSTEN and b.datum <= ctx.datum]
    return sorted(rijen, key=lambda b: (b.datum, b.pk))


def stakeholders(ctx: ToetsContext, op: dt.date | None = None) -> list[Partij]:
    """The parties with an active member on ``op`` (the evaluation date), facilitation not counted."""
    op = op or ctx.datum
    actief = selectors.actieve_leden(_leden(ctx), op)
    ids = {lid.partij_id for lid in actief}
    return [p for p in _partijen(ctx) if p.pk in ids and p.soort != Partij.Soort.PROCESBEGELEIDING]


def partij_van(ctx: ToetsContext, partij_id: int | None) -> Partij | None:
    return next((p for p in _partijen(ctx) if p.pk == partij_id), None)


def namen(rijen) -> str:
    return ", ".join(str(getattr(r, "naam", r)) for r in rijen)


@gedeeld("werkgroepen.cycli", leest=())
def _cycli(contexten: list[ToetsContext]) -> list[list[Cyclus]]:
    """Every cycle of the work group, by number."""
    wgs = [c.werkgroep for c in contexten]
    per: dict[int, list] = {wg.pk: [] for wg in wgs}
    for cyclus in Cyclus.objects.filter(werkgroep__in=wgs).order_by("werkgroep_id", "nummer"):
        per[cyclus.werkgroep_id].append(cyclus)
    return [per[c.werkgroep.pk] for c in contexten]


def pvo_reeks(ctx: ToetsContext) -> list[Cyclus]:
    """The uninterrupted run of PVO cycles that ends in the context's cycle (oldest first): its first is
    the set-up (kick-off, inventory, survey, first plan, waardering), the others recalibrations."""
    if ctx.cyclus is None:
        return []
    reeks = []
    for cyclus in _cycli(ctx):
        if cyclus.nummer > ctx.cyclus.nummer:
            break
        reeks = [*reeks, cyclus] if cyclus.handboek == PVO else []
    return reeks


def opzet_cyclus(ctx: ToetsContext) -> Cyclus | None:
    reeks = pvo_reeks(ctx)
    return reeks[0] if reeks else None


def in_herijking(ctx: ToetsContext) -> Uitkomst | None:
    """``nvt`` for a set-up rule in a recalibration cycle (the set-up was done in the run's first cycle),
    None in the set-up cycle itself."""
    eerste = opzet_cyclus(ctx)
    if eerste is None or ctx.cyclus is None or eerste.pk == ctx.cyclus.pk:
        return None
    return Uitkomst(
        Status.NVT,
        f"Hoort bij de opzet van de samenwerking (cyclus {eerste.nummer}); "
        f"cyclus {ctx.cyclus.nummer} is een herijking.",
    )


# --- the checks ----------------------------------------------------------------------------------


@eis("pvo.kickoff")
def check_kickoff(ctx: ToetsContext) -> Uitkomst:
    u = url(ctx, "bijeenkomsten")
    k = kickoff(ctx)
    if k is None:
        gepland = [b for b in _bijeenkomsten(ctx) if b.soort == Bijeenkomst.Soort.KICK_OFF]
        if gepland:
            eerst = min(b.datum for b in gepland)
            return Uitkomst(Status.OPEN, f"De kick-off is gepland op {datum_nl(eerst)}.", u)
        return Uitkomst(Status.OPEN, GEEN_KICKOFF, u)
    tekst = f"Kick-off op {datum_nl(k.datum)} met {k.aantal_aanwezig} aanwezigen"
    organisator = partij_van(ctx, k.georganiseerd_door_id)
    if organisator is not None and organisator.soort != Partij.Soort.GEMEENTE:
        return Uitkomst(
            Status.NIET_VOLDAAN, f"{tekst}, georganiseerd door {organisator.naam}; de gemeente organiseert hem.", u
        )
    if not k.aantal_aanwezig:
        return Uitkomst(Status.OPEN, f"{tekst}: leg de aanwezigen vast.", u)
    if organisator is None:
        return Uitkomst(Status.OPEN, f"{tekst}: leg vast dat de gemeente hem organiseerde.", u)
    return Uitkomst(Status.VOLDAAN, f"{tekst}, georganiseerd door {organisator.naam}.", u)


@eis("pvo.deelnemers")
def check_deelnemers(ctx: ToetsContext) -> Uitkomst:
    u = url(ctx, "leden")
    actief = selectors.actieve_leden(_leden(ctx), ctx.datum)
    if not actief:
        return Uitkomst(Status.OPEN, "Er zijn nog geen (actieve) deelnemers vastgelegd.", u)
    verplicht = selectors.verplichte_partijen_van(regeling_van(ctx.cyclus or ctx.werkgroep))
    stand = [(vp, [lid for lid in actief if lid.partij.soort in vp.soorten]) for vp in verplicht]
    ontbreekt = [vp.label for vp, leden in stand if not leden]
    partijen = {lid.partij_id for lid in actief}
    tekst = (
        f"{len(actief)} vertegenwoordigers van {len(partijen)} partijen; "
        f"{len(stand) - len(ontbreekt)} van {len(stand)} verplichte partijen (gemeente, politie, ondernemers)"
    )
    if ontbreekt:
        return Uitkomst(Status.NIET_VOLDAAN, f"{tekst}; ontbreekt: {', '.join(ontbreekt)}.", u)
    rollen = selectors.rollen_stand(actief)
    niet_ondernemer, niemand = [], []
    for rol in (Groepsrol.VOORZITTER, Groepsrol.SECRETARIS):
        houders = rollen[rol.value]
        if not houders:
            niemand.append(str(rol.label))
        elif not any(lid.partij.soort in selectors.ONDERNEMERS for lid in houders):
            niet_ondernemer.append(f"{rol.label} ({namen(houders)})")
    if niet_ondernemer:
        return Uitkomst(
            Status.NIET_VOLDAAN,
            f"{tekst}. De ondernemers leveren voorzitter en secretaris; nu niet: {', '.join(niet_ondernemer)}.",
            u,
        )
    if niemand:
        return Uitkomst(Status.OPEN, f"{tekst}. Nog niet vastgelegd: {', '.join(niemand)} (uit de ondernemers).", u)
    return Uitkomst(Status.VOLDAAN, f"{tekst}. Voorzitter en secretaris komen uit de ondernemers.", u)


@eis("pvo.capaciteit")
def check_capaciteit(ctx: ToetsContext) -> Uitkomst:
    u = samenwerking_url(ctx)
    gemeenten = [p for p in _partijen(ctx) if p.soort == Partij.Soort.GEMEENTE]
    if not gemeenten:
        return Uitkomst(Status.OPEN, "Er is nog geen gemeente als partij vastgelegd.", u)
    met = [p for p in gemeenten if (p.toegezegde_capaciteit or "").strip()]
    if not met:
        return Uitkomst(
            Status.OPEN, f"{namen(gemeenten)} heeft de toegezegde (ambtelijke) capaciteit nog niet vastgelegd.", u
        )
    delen = "; ".join(
        f"{p.naam}: {p.toegezegde_capaciteit.strip()}"
        + (f" (toegezegd op {datum_nl(p.capaciteit_toegezegd_op)})" if p.capaciteit_toegezegd_op else "")
        for p in met
    )
    return Uitkomst(Status.VOLDAAN, f"Toegezegde capaciteit — {delen}.", u)


@gedeeld("werkgroepen.pvo_intentieverklaringen", leest=("archief",))
def _intentieverklaringen(contexten: list[ToetsContext]) -> list[list[Document]]:
    """The archive's documents of the kind "intentieverklaring" that have a file."""
    wgs = [c.werkgroep for c in contexten]
    per: dict[int, list] = {wg.pk: [] for wg in wgs}
    rijen = Document.objects.filter(
        werkgroep__in=wgs, soort__iexact=DOCUMENTSOORT_INTENTIEVERKLARING, versies__isnull=False
    ).distinct()
    for doc in rijen.order_by("werkgroep_id", "pk"):
        per[doc.werkgroep_id].append(doc)
    return [per[c.werkgroep.pk] for c in contexten]


@eis("pvo.intentieverklaring")
def check_intentieverklaring(ctx: ToetsContext) -> Uitkomst:
    u = samenwerking_url(ctx)
    wg = ctx.werkgroep
    if wg.geen_intentieverklaring:
        return Uitkomst(Status.NVT, "De werkgroep heeft gekozen voor een samenwerking zonder intentieverklaring.", u)
    docs = _intentieverklaringen(ctx)
    getekend = wg.intentieverklaring_op
    if getekend and docs:
        return Uitkomst(
            Status.VOLDAAN,
            f"Intentieverklaring getekend op {datum_nl(getekend)}; in het archief: {namen([d.titel for d in docs])}.",
            u,
        )
    mist = []
    if not getekend:
        mist.append("de datum van ondertekening")
    if not docs:
        mist.append('het getekende document in het archief (soort "intentieverklaring")')
    return Uitkomst(
        Status.OPEN,
        f"Intentieverklaring (optioneel): nog niet vastgelegd: {' en '.join(mist)}. "
        "Kiest de werkgroep geen intentieverklaring, leg dat dan vast; de eis is dan niet van toepassing.",
        u,
    )


@eis("pvo.communicatie")
def check_communicatie(ctx: ToetsContext) -> Uitkomst:
    u = url(ctx, "communicatie")
    verstuurd = [c for c in _communicaties(ctx) if c.datum <= ctx.datum]
    resultaten = sorted(c.datum for c in verstuurd if c.soort == Communicatie.Soort.ENQUETE_RESULTATEN)
    jaar = eerste_jaar(ctx)
    if jaar is None:
        meldwijzers = []
        jaartekst = "het eerste jaar (vanaf de kick-off, nog niet vastgelegd)"
    else:
        meldwijzers = sorted(
            c.datum for c in verstuurd if c.soort == Communicatie.Soort.MELDWIJZER and jaar[0] <= c.datum <= jaar[1]
        )
        jaartekst = f"het eerste jaar ({datum_nl(jaar[0])} – {datum_nl(jaar[1])})"
    delen = [
        f"enquêteresultaten aan de ondernemers: {datum_nl(resultaten[0]) if resultaten else 'nog niet'}",
        f"meldwijzer in {jaartekst}: {len(meldwijzers)}"
        + (f" (eerste {datum_nl(meldwijzers[0])})" if meldwijzers else ""),
    ]
    tekst = "; ".join(delen) + "."
    tekst = tekst[0].upper() + tekst[1:]
    if resultaten and meldwijzers:
        return Uitkomst(Status.VOLDAAN, tekst, u)
    if jaar is not None and ctx.datum > jaar[1] and not meldwijzers:
        return Uitkomst(Status.NIET_VOLDAAN, f"{tekst} Het eerste jaar is voorbij zonder communicatie over melden.", u)
    return Uitkomst(Status.OPEN, tekst, u)
