"""The readiness check (handboektoets): one registry of requirement checks.

In the spirit of Django's system check framework: each app registers the checks it owns in its
``checks.py`` with ``@eis("<id uit eisen.md>")``. A check receives a ``ToetsContext`` (work
group, cycle, evaluation date) and returns an ``Uitkomst``: a status, a Dutch explanation that
names the numbers it used, and a link to the page where the user fixes it.

``voer_toets_uit`` answers every ID of the catalogue; an ID without a registered check answers
``open`` with "nog niet vastgelegd in de applicatie".

A check reads its data through a loader declared with ``@gedeeld("<key>")``: a function that reads
the data of many contexts at once (one query for all of them) and returns one value per context.
For one work group (a page) it reads for that one; ``voer_toetsen_uit`` evaluates many work groups
together (the nightly refresh of a province's installation), and there the first check that needs
the data reads it for every work group of the run. The checks themselves do not know which.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django_scopes import scope

from kvo import versie
from kvo.eisen import Eis
from kvo.geheugen import zonder_gc
from kvo.regelingen import ALLE_EISEN, KVO, REGELINGEN, regeling_van


class Status(StrEnum):
    VOLDAAN = "voldaan"
    NIET_VOLDAAN = "niet_voldaan"
    NVT = "nvt"
    OPEN = "open"

    @property
    def label(self) -> str:
        return {"voldaan": "voldaan", "niet_voldaan": "niet voldaan", "nvt": "n.v.t.", "open": "open"}[self]


@dataclass(frozen=True)
class Uitkomst:
    status: Status
    toelichting: str
    url: str = ""


@dataclass(frozen=True)
class Resultaat:
    eis: Eis
    uitkomst: Uitkomst

    @property
    def id(self) -> str:
        return self.eis.id

    @property
    def status(self) -> Status:
        return self.uitkomst.status


@dataclass(frozen=True)
class CyclusJaar:
    """A year of the cycle: 12 months from the cycle's start (year 1 begins on the start date)."""

    nummer: int
    start: dt.date
    eind: dt.date  # last day, inclusive
    voltooid: bool  # its last day is before the evaluation date

    def bevat(self, datum: dt.date) -> bool:
        return self.start <= datum <= self.eind


def plus_jaren(datum: dt.date, jaren: int) -> dt.date:
    """The same calendar date ``jaren`` years later (29 February becomes 28 February)."""
    try:
        return datum.replace(year=datum.year + jaren)
    except ValueError:  # 29 February
        return datum.replace(year=datum.year + jaren, day=28)


def cyclus_jaren(start: dt.date, datum: dt.date, aantal: int = 3) -> list[CyclusJaar]:
    jaren = []
    for n in range(aantal):
        begin = plus_jaren(start, n)
        eind = plus_jaren(start, n + 1) - dt.timedelta(days=1)
        jaren.append(CyclusJaar(n + 1, begin, eind, eind < datum))
    return jaren


@dataclass
class ToetsContext:
    werkgroep: object
    cyclus: object | None
    datum: dt.date
    cache: dict = field(default_factory=dict)
    # the contexts evaluated together (``voer_toetsen_uit``); a loader reads for all of them at once
    samen: list[ToetsContext] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self):
        if not self.samen:
            self.samen.append(self)

    @cached_property
    def jaren(self) -> list[CyclusJaar]:
        if self.cyclus is None:
            return []
        return cyclus_jaren(self.cyclus.start, self.datum)

    @cached_property
    def huidig_jaar(self) -> CyclusJaar | None:
        return next((j for j in self.jaren if j.bevat(self.datum)), None)

    def url(self, naam: str) -> str:
        """The URL of the work group's page ``naam`` (the page where the user fixes it). A run's
        answers link to some twenty pages for every work group: each is reversed once per process,
        with a placeholder for the work group's slug."""
        return _url_patroon(naam, get_script_prefix(), get_urlconf()).replace(_SLUG, self.werkgroep.slug)

    def jaar_van(self, datum: dt.date) -> CyclusJaar | None:
        return next((j for j in self.jaren if j.bevat(datum)), None)


@dataclass(frozen=True)
class Jaarstand:
    """One year of the cycle under a yearly rule: whether it meets the rule, and what it has."""

    jaar: CyclusJaar
    gehaald: bool
    tekst: str  # what the year has, e.g. "2" or "dag, geen avond"


@dataclass(frozen=True)
class Jaaroordeel:
    """A yearly rule decided as eisen.md defines it (``per_jaar``): the status, and the years it used."""

    status: Status
    voltooid: list[Jaarstand]  # every completed year, in order
    lopend: Jaarstand | None  # the running year (also when completed years decide)

    @property
    def tekort(self) -> list[Jaarstand]:
        """The completed years that miss the rule."""
        return [s for s in self.voltooid if not s.gehaald]

    @property
    def te_doen(self) -> Jaarstand | None:
        """The running year while it does not meet the rule yet: a to-do, not a breach."""
        return self.lopend if self.lopend is not None and not self.lopend.gehaald else None


def per_jaar(ctx: ToetsContext, beoordeel: Callable[[CyclusJaar], tuple[bool, str]]) -> Jaaroordeel | None:
    """The one reading of eisen.md's yearly rule, for every rule judged per year of the cycle.

    ``beoordeel(jaar)`` says whether one year meets the rule (and what it has). ``niet_voldaan`` if a
    completed year misses it; ``voldaan`` if every completed year meets it, whatever the running year
    has so far (that is a to-do: ``te_doen``); with no completed year yet, ``voldaan`` when the
    running year already meets it, else ``open``. ``None`` without a cycle.
    """
    if not ctx.jaren:
        return None
    voltooid = [Jaarstand(j, *beoordeel(j)) for j in ctx.jaren if j.voltooid]
    lopend_jaar = ctx.huidig_jaar if voltooid else (ctx.huidig_jaar or ctx.jaren[0])
    lopend = Jaarstand(lopend_jaar, *beoordeel(lopend_jaar)) if lopend_jaar is not None else None
    if voltooid:
        status = Status.NIET_VOLDAAN if any(not s.gehaald for s in voltooid) else Status.VOLDAAN
    else:
        status = Status.VOLDAAN if lopend.gehaald else Status.OPEN
    return Jaaroordeel(status, voltooid, lopend)


def lopend_te_doen(oordeel: Jaaroordeel, wat: str) -> str:
    """The running year's to-do for an explanation (empty when there is none, or no year is completed:
    then the running year is what the explanation is about)."""
    s = oordeel.te_doen
    if s is None or not oordeel.voltooid:
        return ""
    return f" Nog te doen in jaar {s.jaar.nummer} (lopend, tot en met {s.jaar.eind:%d-%m-%Y}): {wat} — nu {s.tekst}."


def jaarregel(
    ctx: ToetsContext, telling: Callable[[CyclusJaar], int], minimum: int, wat: str, url: str = ""
) -> Uitkomst:
    """A yearly rule "at least ``minimum`` per year" (``per_jaar``), with its explanation."""

    def beoordeel(jaar: CyclusJaar) -> tuple[bool, str]:
        n = telling(jaar)
        return n >= minimum, str(n)

    oordeel = per_jaar(ctx, beoordeel)
    if oordeel is None:
        return Uitkomst(Status.OPEN, "Er is nog geen cyclus vastgelegd.", url)
    if oordeel.voltooid:
        samenvatting = "; ".join(f"jaar {s.jaar.nummer}: {s.tekst}" for s in oordeel.voltooid)
        te_doen = lopend_te_doen(oordeel, f"minimaal {minimum}")
        if oordeel.tekort:
            jaren = ", ".join(str(s.jaar.nummer) for s in oordeel.tekort)
            return Uitkomst(
                Status.NIET_VOLDAAN,
                f"{wat} per voltooid jaar van de cyclus — {samenvatting}; minimaal {minimum}. "
                f"Tekort in jaar {jaren}.{te_doen}",
                url,
            )
        return Uitkomst(Status.VOLDAAN, f"{wat} per voltooid jaar — {samenvatting}; minimaal {minimum}.{te_doen}", url)
    s = oordeel.lopend
    tekst = f"{wat} in jaar {s.jaar.nummer} (lopend, tot en met {s.jaar.eind:%d-%m-%Y}): {s.tekst}; minimaal {minimum}."
    return Uitkomst(oordeel.status, tekst, url)


# --- loaders: the data of many contexts in one query -----------------------------------------

Lader = Callable[[list[ToetsContext]], Sequence]


def gedeeld(sleutel: str) -> Callable[[Lader], Callable[[ToetsContext], object]]:
    """Declare a loader: ``laden(contexten)`` returns one value per context, in their order. The
    decorated name takes one context and returns its value, read once per run for every context
    of the run that does not have it yet (``ctx.samen``) and kept in each context's ``cache``."""

    def decorator(laden: Lader) -> Callable[[ToetsContext], object]:
        @functools.wraps(laden)
        def lees(ctx: ToetsContext):
            if sleutel not in ctx.cache:
                open_ = [c for c in ctx.samen if sleutel not in c.cache]
                waarden = list(laden(open_))
                if len(waarden) != len(open_):
                    raise ValueError(f"Lader {sleutel!r} gaf {len(waarden)} waarden voor {len(open_)} contexten.")
                for c, waarde in zip(open_, waarden, strict=True):
                    c.cache[sleutel] = waarde
            return ctx.cache[sleutel]

        lees.laden = laden
        return lees

    return decorator


def per_sleutel(rijen: Iterable, sleutel: Callable[[object], object]) -> defaultdict:
    """Group rows by ``sleutel(rij)`` (a work group's or a cycle's id), keeping their order."""
    groepen: defaultdict = defaultdict(list)
    for rij in rijen:
        groepen[sleutel(rij)].append(rij)
    return groepen


def cycli_van(contexten: Iterable[ToetsContext]) -> list:
    """The cycles of ``contexten`` (those that have one), for ``cyclus__in=``."""
    return [c.cyclus for c in contexten if c.cyclus is not None]


def per_context(
    contexten: list[ToetsContext], per_cyclus_id: Mapping, leeg: Callable[[], object] = lambda: None
) -> list:
    """One value per context: its cycle's value in ``per_cyclus_id`` (a batch selector's answer, by
    the cycle's id), ``leeg()`` without a cycle or a value."""
    return [
        per_cyclus_id[c.cyclus.pk] if c.cyclus is not None and c.cyclus.pk in per_cyclus_id else leeg()
        for c in contexten
    ]


def per_cyclus(contexten: list[ToetsContext], rijen: Iterable, leeg=list, veld: str = "cyclus_id") -> list:
    """One value per context: the rows of its cycle (``leeg()`` without a cycle or rows)."""
    return per_context(contexten, per_sleutel(rijen, lambda r: getattr(r, veld)), leeg)


def per_object(objecten: Sequence, rijen: Iterable, sleutel: Callable[[object], object]) -> list[list]:
    """One value per object (a plan, an audit, or None): the rows whose ``sleutel(rij)`` is its id (an
    empty list without an object or rows)."""
    groepen = per_sleutel(rijen, sleutel)
    return [groepen.get(o.pk, []) if o is not None else [] for o in objecten]


def per_werkgroep(contexten: list[ToetsContext], rijen: Iterable, veld: str = "werkgroep_id") -> list:
    """One value per context: the rows of its work group (an empty list without rows)."""
    groepen = per_sleutel(rijen, lambda r: getattr(r, veld))
    return [groepen.get(c.werkgroep.pk, []) for c in contexten]


# --- the registry ---------------------------------------------------------------------------

CheckFunctie = Callable[[ToetsContext], Uitkomst]
_REGISTRY: dict[str, CheckFunctie] = {}
_registratie = 0  # raised with every registration


_SLUG = "kvo-werkgroep-plaatshouder"  # a valid slug that no real URL part contains


@functools.lru_cache(maxsize=256)
def _url_patroon(naam: str, _prefix: str, _urlconf) -> str:
    return reverse(naam, kwargs={"werkgroep": _SLUG})


def eis(eis_id: str) -> Callable[[CheckFunctie], CheckFunctie]:
    """Register the check for requirement ``eis_id`` (an ID of eisen.md, or of pvo.md for PVO)."""
    if eis_id not in ALLE_EISEN:
        raise ValueError(f"Onbekende eis {eis_id!r}: niet in eisen.md of pvo.md.")

    def decorator(functie: CheckFunctie) -> CheckFunctie:
        if eis_id in _REGISTRY and _REGISTRY[eis_id] is not functie:
            raise ValueError(f"Eis {eis_id!r} heeft al een check ({_REGISTRY[eis_id].__module__}).")
        global _registratie
        _REGISTRY[eis_id] = functie
        _registratie += 1  # answers kept under an older registry are not used (kvo.versie)
        return functie

    return decorator


def geregistreerde_checks(handboek: str = KVO) -> dict[str, CheckFunctie]:
    """The registered checks of one scheme (``kvo.regelingen``; KVO-B by default)."""
    eisen = REGELINGEN[handboek].eisen
    return {i: f for i, f in _REGISTRY.items() if i in eisen}


NIET_IN_APPLICATIE = "Nog niet vastgelegd in de applicatie."


def kies_cyclus(werkgroep, nummer: int | None = None):
    cycli = werkgroep.cycli.all()
    if nummer is not None:
        return cycli.filter(nummer=nummer).first()
    return cycli.order_by("-nummer").first()


def voer_toets_uit(
    werkgroep, *, cyclus=None, datum: dt.date | None = None, ids: Iterable[str] | None = None
) -> list[Resultaat]:
    """Answer every requirement (or ``ids``) for ``werkgroep`` in ``cyclus`` as of ``datum``.

    The answers are kept under the work group's data version (``kvo.versie``): asked again before
    anything in the work group changed, on the same date, they come from the cache.
    """
    datum = datum or timezone.localdate()
    ids = tuple(sorted(ids)) if ids is not None else None
    delen = (datum.isoformat(), getattr(cyclus, "pk", None), ids, _registratie)
    return versie.bewaard(werkgroep, "toets", delen, lambda: _voer_uit(werkgroep, cyclus, datum, ids))


def _voer_uit(werkgroep, cyclus, datum: dt.date, ids: tuple[str, ...] | None) -> list[Resultaat]:
    with scope(werkgroep=werkgroep):
        if cyclus is None:
            cyclus = kies_cyclus(werkgroep)
        return _beantwoord(ToetsContext(werkgroep=werkgroep, cyclus=cyclus, datum=datum), ids)


def _beantwoord(ctx: ToetsContext, ids: tuple[str, ...] | None) -> list[Resultaat]:
    resultaten = []
    # the rules of the cycle's scheme (a cycle keeps the one it ran under), else the group's
    for eis_id, eis_ in regeling_van(ctx.cyclus or ctx.werkgroep).eisen.items():
        if ids is not None and eis_id not in ids:
            continue
        functie = _REGISTRY.get(eis_id)
        uitkomst = functie(ctx) if functie else Uitkomst(Status.OPEN, NIET_IN_APPLICATIE)
        resultaten.append(Resultaat(eis_, uitkomst))
    return resultaten


def voer_toetsen_uit(werkgroepen: Iterable, *, datum: dt.date | None = None) -> dict[int, list[Resultaat]]:
    """Every requirement for each of ``werkgroepen`` in its current cycle as of ``datum``: the same
    answers as ``voer_toets_uit`` per work group, with the data read for all of them together (one
    query per loader for the whole run, not per work group). For the nightly refresh of many work
    groups. Answers kept under a work group's data version are used, and new ones kept."""
    datum = datum or timezone.localdate()
    werkgroepen = list(werkgroepen)
    delen = (datum.isoformat(), None, None, _registratie)  # the key ``voer_toets_uit`` uses

    def maken(open_: list) -> dict[int, list[Resultaat]]:
        # tens of thousands of model instances: the garbage collector runs once, at the end
        with zonder_gc(), scope(werkgroep=open_):
            laatste = _laatste_cycli(open_)
            contexten = [ToetsContext(wg, laatste.get(wg.pk), datum) for wg in open_]
            for ctx in contexten:
                ctx.samen = contexten
            return {ctx.werkgroep.pk: _beantwoord(ctx, None) for ctx in contexten}

    return versie.bewaard_per(werkgroepen, "toets", delen, maken)


def _laatste_cycli(werkgroepen: list) -> dict[int, object]:
    from werkgroepen.models import Cyclus  # the tenant's own cycle (kvo knows the tenant)

    laatste: dict[int, object] = {}
    for cyclus in Cyclus.objects.filter(werkgroep__in=werkgroepen).order_by("werkgroep_id", "-nummer"):
        laatste.setdefault(cyclus.werkgroep_id, cyclus)
    return laatste


def telling(resultaten: Iterable[Resultaat]) -> dict[Status, int]:
    aantallen = {s: 0 for s in Status}
    for r in resultaten:
        aantallen[r.status] += 1
    return aantallen


@dataclass(frozen=True)
class Gereedheid:
    """The readiness figure: the one way the product sums up a readiness check ("88 % · 46 van 52").

    Requirements that do not apply (n.v.t.) do not count: ``te_toetsen`` is every other one, and
    ``procent`` the share of them met, rounded, but never 100 while one is not met (and 100 when
    nothing is left to meet). Home, readiness page, portfolio, auditor portal, the stored snapshot
    and its history, and ``kvo_toets`` all show this figure."""

    voldaan: int = 0
    niet_voldaan: int = 0
    open: int = 0
    nvt: int = 0

    @classmethod
    def uit(cls, resultaten: Iterable[Resultaat]) -> Gereedheid:
        return cls(**{s.value: n for s, n in telling(resultaten).items()})

    @classmethod
    def uit_stand(cls, stand: Mapping | None) -> Gereedheid | None:
        """The figure of a stored snapshot (``Werkgroep.toets_stand``), None without one."""
        if not stand:
            return None
        aantallen = {s.value: int(stand.get(s.value) or 0) for s in Status}
        # rules the snapshot counts in its total but under no status are not met
        aantallen["open"] += max(0, int(stand.get("totaal") or 0) - sum(aantallen.values()))
        return cls(**aantallen)

    @property
    def totaal(self) -> int:
        return self.voldaan + self.niet_voldaan + self.open + self.nvt

    @property
    def te_toetsen(self) -> int:
        """Every requirement that applies (all but n.v.t.)."""
        return self.voldaan + self.niet_voldaan + self.open

    @property
    def procent(self) -> int:
        if self.voldaan >= self.te_toetsen:
            return 100
        return min(99, round(100 * self.voldaan / self.te_toetsen))

    @property
    def aantallen(self) -> dict[Status, int]:
        return {
            Status.VOLDAAN: self.voldaan,
            Status.NIET_VOLDAAN: self.niet_voldaan,
            Status.NVT: self.nvt,
            Status.OPEN: self.open,
        }

    @property
    def tekst(self) -> str:
        """The figure in words ("88 % · 46 van 52 eisen voldaan"), the same on every page."""
        return f"{self.procent} % · {self.voldaan} van {self.te_toetsen} eisen voldaan"

    def als_stand(self) -> dict:
        """The stored snapshot (``Werkgroep.toets_stand``): the counts, and the figure itself."""
        return {
            **{s.value: n for s, n in self.aantallen.items()},
            "totaal": self.totaal,
            "te_toetsen": self.te_toetsen,
            "procent": self.procent,
        }
