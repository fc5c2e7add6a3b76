"""Reads of the plan of approach: the plan of a cycle, goals per theme on the analysis's evidence,
the measures matrix, a member's actions, and goal attainment.

Every function reads a fixed number of queries, whatever the number of goals and measures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count

from aanpak import kwartalen, regels
from aanpak.models import Doelstelling, Evaluatie, Maatregel, Plan, WeekmailAfmelding
from analyse import catalogus
from analyse.selectors.conclusie import enquete_themas, prioritering
from analyse.selectors.enquete import enquete_van
from analyse.selectors.resultaten import Kerncijfer, kerncijfers, nieuwste_enquete_na


def plan_van(cyclus) -> Plan | None:
    if cyclus is None:
        return None
    return plannen_van([cyclus]).get(cyclus.pk)


def plannen_van(cycli) -> dict[int, Plan]:
    """The plans of ``cycli`` (one query for all), by cycle id; a cycle without a plan is absent."""
    cycli = [c for c in cycli if c is not None]
    if not cycli:
        return {}
    plannen = Plan.objects.filter(cyclus__in=cycli).select_related("cyclus", "vastgesteld_in", "werkgroep")
    return {p.cyclus_id: p for p in plannen}


def doelen_van(plan: Plan) -> list[Doelstelling]:
    return list(plan.doelstellingen.annotate(n_maatregelen=Count("maatregelen")).order_by("volgorde", "pk"))


# --- goals per theme -------------------------------------------------------------------------


@dataclass
class ThemaDoelen:
    sleutel: str
    naam: str
    verplicht: bool
    in_enquete: bool
    score: int | None
    jaar: int | None
    cijfers: list[Kerncijfer]
    doelen: list[Doelstelling] = field(default_factory=list)

    @property
    def nodig(self) -> bool:
        """A goal is asked for: a mandatory theme (7 of 10), or an optional/own theme of the survey."""
        return self.verplicht or self.in_enquete


@dataclass
class Doelenoverzicht:
    themas: list[ThemaDoelen]
    dekking: regels.Dekking
    cijfers: dict[int, Kerncijfer]


def doelenoverzicht(plan: Plan) -> Doelenoverzicht:
    """Themes in the order of the analysis's prioritisation (then the catalogue's), each with the
    survey's figures for its blocks and the plan's goals."""
    cyclus = plan.cyclus
    prioriteiten = {p.thema: p for p in prioritering(cyclus)}
    gevraagd = enquete_themas(cyclus)
    cijfers = kerncijfers(enquete_van(cyclus))
    doelen = doelen_van(plan)
    sleutels = list(dict.fromkeys([*prioriteiten, *catalogus.THEMAS, *gevraagd, *(d.thema for d in doelen)]))
    themas = []
    for s in sleutels:
        thema = catalogus.THEMAS.get(s)
        p = prioriteiten.get(s)
        themas.append(
            ThemaDoelen(
                sleutel=s,
                naam=catalogus.thema_naam(s),
                verplicht=bool(thema and thema.verplicht),
                in_enquete=s in gevraagd,
                score=p.score if p else None,
                jaar=p.jaar if p else None,
                cijfers=[cijfers[b] for b in (thema.blokken if thema else ()) if b in cijfers],
                doelen=[d for d in doelen if d.thema == s],
            )
        )
    themas.sort(key=lambda t: (t.score is None, -(t.score or 0), sleutels.index(t.sleutel)))
    return Doelenoverzicht(themas, regels.dekking({d.thema for d in doelen}, gevraagd), cijfers)


# --- the measures matrix -----------------------------------------------------------------------


@dataclass
class Rij:
    maatregel: Maatregel
    cellen: list[tuple[kwartalen.Kwartaal, bool]]
    voortgang: int


@dataclass
class Groep:
    titel: str
    thema: str
    doel: Doelstelling | None
    rijen: list[Rij]

    @property
    def thema_naam(self) -> str:
        return catalogus.thema_naam(self.thema) if self.thema else ""


@dataclass
class Matrix:
    kwartalen: list[kwartalen.Kwartaal]
    groepen: list[Groep]
    huidig: str  # the current quarter's code

    @property
    def aantal(self) -> int:
        return sum(len(g.rijen) for g in self.groepen)

    @property
    def jaren(self) -> list[tuple[int, int]]:
        """(year of the cycle, number of quarters) for the header row."""
        uit: dict[int, int] = {}
        for k in self.kwartalen:
            uit[k.jaar] = uit.get(k.jaar, 0) + 1
        return list(uit.items())


def maatregelen_van(plan: Plan, **filters) -> list[Maatregel]:
    return list(
        plan.maatregelen.filter(**filters)
        .select_related("verantwoordelijke", "doelstelling", "schouwpunt__schouw")
        .annotate(n_voortgang=Count("voortgang"))
        .order_by("volgorde", "pk")
    )


def rij(maatregel: Maatregel, kw: list[kwartalen.Kwartaal]) -> Rij:
    gepland = set(maatregel.kwartalen)
    return Rij(maatregel, [(k, k.code in gepland) for k in kw], getattr(maatregel, "n_voortgang", 0))


def matrix(plan: Plan, vandaag: dt.date, *, filter_partij: int | None = None, filter_status: str = "") -> Matrix:
    """Rows: goals (in the order of the themes' priority) with their measures, then the measures
    without a goal, then the fixed yearly measures; columns: the cycle's 12 quarters."""
    kw = kwartalen.van_cyclus(plan.cyclus.start)
    filters = {}
    if filter_partij:
        filters["verantwoordelijke_id"] = filter_partij
    if filter_status:
        filters["status"] = filter_status
    maatregelen = maatregelen_van(plan, **filters)
    doelen = doelen_van(plan)
    volgorde = {p.thema: i for i, p in enumerate(prioritering(plan.cyclus))}
    doelen.sort(key=lambda d: (volgorde.get(d.thema, 99), d.volgorde, d.pk))
    groepen = [
        Groep(d.titel, d.thema, d, [rij(m, kw) for m in maatregelen if m.doelstelling_id == d.pk]) for d in doelen
    ]
    zonder = [rij(m, kw) for m in maatregelen if m.doelstelling_id is None and not m.is_vast]
    if zonder:
        groepen.append(Groep("Zonder doelstelling", "", None, zonder))
    vast = [rij(m, kw) for m in maatregelen if m.doelstelling_id is None and m.is_vast]
    if vast:
        groepen.append(Groep("Vaste jaarlijkse maatregelen (§4.2.5)", "", None, vast))
    if filters:
        groepen = [g for g in groepen if g.rijen]
    return Matrix(kw, groepen, kwartalen.code_van(vandaag))


# --- a member's actions ----------------------------------------------------------------------


@dataclass
class Acties:
    kwartaal: str
    dit_kwartaal: list[Maatregel]
    te_laat: list[Maatregel]

    @property
    def aantal(self) -> int:
        return len(self.dit_kwartaal) + len(self.te_laat)


def acties_van_partij(plan: Plan | None, partij_id: int | None, vandaag: dt.date) -> Acties:
    """The measures of a party due this quarter, and those whose quarters have all passed unfinished."""
    huidig = kwartalen.code_van(vandaag)
    if plan is None or partij_id is None:
        return Acties(huidig, [], [])
    open_ = maatregelen_van(plan, verantwoordelijke_id=partij_id, status__in=["gepland", "lopend"])
    return Acties(
        huidig,
        [m for m in open_ if huidig in m.kwartalen],
        [m for m in open_ if m.kwartalen and max(m.kwartalen) < huidig],
    )


# --- goal attainment -------------------------------------------------------------------------


@dataclass(frozen=True)
class Doelbereik:
    doel: Doelstelling
    nieuw: Kerncijfer | None
    behaald: bool | None  # computed; None when it cannot be computed
    bron: str  # where the new figure comes from


def doelbereik(plan: Plan) -> list[Doelbereik]:
    """Per goal: its baseline against the newest later survey's figure for the same block."""
    later = nieuwste_enquete_na(plan.werkgroep_id, plan.cyclus.nummer)
    cijfers = kerncijfers(later)
    uit = []
    for d in doelen_van(plan):
        nieuw = cijfers.get(d.blok) if d.blok else None
        behaald = regels.doel_behaald(d.nulmeting, d.streefwaarde, nieuw.waarde if nieuw else None)
        bron = f"enquête {later.geopend_op:%Y} (cyclus {later.cyclus.nummer})" if later and nieuw else ""
        uit.append(Doelbereik(d, nieuw, behaald if behaald is not None else d.behaald, bron))
    return uit


def evaluaties_van(cyclus) -> list[Evaluatie]:
    return list(Evaluatie.objects.filter(cyclus=cyclus).order_by("jaar"))


def weekmail_afgemeld(lid) -> bool:
    """Whether ``lid`` opted out of the weekly "Mijn acties" mail."""
    return WeekmailAfmelding.objects.filter(lid=lid).exists()
