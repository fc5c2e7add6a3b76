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

import contextlib
import contextvars
import datetime as dt
import functools
import hashlib
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from django.apps import apps
from django.core.cache import cache
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.functional import Promise
from django_scopes import scope

from kvo import versie
from kvo.eisen import Eis
from kvo.geheugen import zonder_gc
from kvo.regelingen import ALLE_EISEN, KVO, REGELINGEN, regeling_van

logger = logging.getLogger(__name__)


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

    def url(self, naam: str) -> Link:
        """The URL of the work group's page ``naam`` (the page where the user fixes it). A run's
        answers link to some twenty pages for every work group: each is reversed once per process,
        with a placeholder for the work group's slug. Lazy: reversed when a page shows it, so a run
        whose links nobody shows (the document set's evidence index, in the pdf worker) never loads
        the URLconf and every view behind it (26 MB in that process; bench/RESULTS.md)."""
        return Link(naam, get_script_prefix(), get_urlconf(), self.werkgroep.slug)

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
# loader key -> the parts of a work group's data it reads (kvo.versie); None: not declared, so every part
_LADERS: dict[str, tuple[str, ...] | None] = {}
_AFHANKELIJK = "kvo.toets.afhankelijk"  # ctx.cache[(this, key)]: the loaders a loader's value was read with
# the loaders the rule being answered has used (kvo.toets keeps each rule's answer under their parts)
_gebruikt: contextvars.ContextVar[set | None] = contextvars.ContextVar("kvo_toets_gebruikt", default=None)


def gedeeld(sleutel: str, *, leest: Iterable[str] | None = None) -> Callable[[Lader], Callable[[ToetsContext], object]]:
    """Declare a loader: ``laden(contexten)`` returns one value per context, in their order. The
    decorated name takes one context and returns its value, read once per run for every context
    of the run that does not have it yet (``ctx.samen``) and kept in each context's ``cache``.

    ``leest``: the parts of the work group's data the loader reads (``kvo.versie.deel``), besides
    what it reads through other loaders. A rule's answer is kept under the parts of every loader it
    used, and computed again only when one of them changes; a loader without ``leest`` counts as
    reading everything. ``tests/kvo/test_versie_delen.py`` holds the declarations to the tables read."""
    _LADERS[sleutel] = tuple(leest) if leest is not None else None

    def decorator(laden: Lader) -> Callable[[ToetsContext], object]:
        @functools.wraps(laden)
        def lees(ctx: ToetsContext):
            if sleutel not in ctx.cache:
                open_ = [c for c in ctx.samen if sleutel not in c.cache]
                buiten = _gebruikt.get()
                genest: set = set()
                token = _gebruikt.set(genest)  # the loaders this one reads through
                try:
                    waarden = list(laden(open_))
                finally:
                    _gebruikt.reset(token)
                if buiten is not None:
                    buiten |= genest
                if len(waarden) != len(open_):
                    raise ValueError(f"Lader {sleutel!r} gaf {len(waarden)} waarden voor {len(open_)} contexten.")
                genest_ = frozenset(genest)
                for c, waarde in zip(open_, waarden, strict=True):
                    c.cache[sleutel] = waarde
                    c.cache[(_AFHANKELIJK, sleutel)] = genest_
            if (gebruikt := _gebruikt.get()) is not None:
                gebruikt.add(sleutel)
                gebruikt |= ctx.cache.get((_AFHANKELIJK, sleutel), frozenset())
            return ctx.cache[sleutel]

        lees.laden = laden
        lees.sleutel = sleutel
        return lees

    return decorator


def gelezen_delen(laders: Iterable[str]) -> frozenset[str]:
    """The parts of the work group's data read by ``laders`` (loader keys): every part if one of
    them did not declare what it reads."""
    delen: set[str] = set()
    for sleutel in laders:
        leest = _LADERS.get(sleutel)
        if leest is None:
            return versie.alle_delen()
        delen.update(leest)
    return frozenset(delen)


def _alle_laderdelen() -> tuple[str, ...]:
    return tuple(sorted(gelezen_delen(_LADERS)))


# What the readiness check reads as a whole (pages that show it name "toets" in their declaration).
versie.leest("toets", _alle_laderdelen)


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


def _url(naam: str, prefix: str, urlconf, slug: str) -> str:
    return _url_patroon(naam, prefix, urlconf).replace(_SLUG, slug)


class Link(Promise):
    """A readiness answer's link, reversed when it is shown (``str()``, a template, JSON): a page
    name, the work group's slug and, optionally, a page to fall back on while ``naam`` does not exist.

    A ``Promise``, so Django treats it as its own lazy strings everywhere (templates, escaping,
    ``DjangoJSONEncoder``), but a plain class with four fields: a kept answer unpickles to one small
    object. Django's ``lazy()`` made a new proxy class for every link on every unpickling (``lazy`` is
    called again), some 7,500 objects for one group's kept answers, and the garbage collector's full
    passes that followed cost every computed page up to 130 ms (bench/RESULTS.md, 8 December)."""

    __slots__ = ("naam", "prefix", "slug", "terugval", "urlconf")

    def __init__(self, naam: str, prefix: str, urlconf, slug: str, terugval: str | None = None):
        self.naam, self.prefix, self.urlconf, self.slug, self.terugval = naam, prefix, urlconf, slug, terugval

    def of(self, terugval: str) -> Link:
        """The same link, falling back on the page ``terugval`` while ``naam`` does not exist."""
        return Link(self.naam, self.prefix, self.urlconf, self.slug, terugval)

    def __str__(self) -> str:
        try:
            return _url(self.naam, self.prefix, self.urlconf, self.slug)
        except NoReverseMatch:
            if self.terugval is None:
                raise
            return _url(self.terugval, self.prefix, self.urlconf, self.slug)

    def __html__(self) -> str:
        return str(self)

    def __getattr__(self, naam: str):
        """A string's methods (``.endswith``, ``.split``, …) on the reversed URL, as on a lazy string."""
        if naam.startswith("__"):
            raise AttributeError(naam)
        return getattr(str(self), naam)

    def __add__(self, other: str) -> str:
        return str(self) + other

    def __radd__(self, other: str) -> str:
        return other + str(self)

    def __contains__(self, deel: str) -> bool:
        return deel in str(self)

    def __len__(self) -> int:
        return len(str(self))

    def __bool__(self) -> bool:  # a link always names a page; ``{% if r.uitkomst.url %}`` reverses nothing
        return True

    def __reduce__(self):
        return (Link, (self.naam, self.prefix, self.urlconf, self.slug, self.terugval))

    def __eq__(self, other) -> bool:
        if isinstance(other, Link | str):
            return str(self) == str(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(str(self))

    def __repr__(self) -> str:
        return f"Link({self.naam!r}, slug={self.slug!r})"


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
    """Answer every requirement (or ``ids``) for ``werkgroep`` in ``cyclus`` (None: the latest) as
    of ``datum``.

    Each rule's answer is kept under the versions of the parts of the work group's data it read
    (``kvo.versie``, through its loaders): asked again on the same date, only the rules whose data
    changed are computed again, the rest come from the cache.
    """
    datum = datum or timezone.localdate()
    ids = tuple(sorted(ids)) if ids is not None else None

    def contexten(open_: list) -> list[ToetsContext]:
        gekozen = cyclus if cyclus is not None else kies_cyclus(werkgroep)
        return [ToetsContext(werkgroep=werkgroep, cyclus=gekozen, datum=datum)]

    return _bewaarde_antwoorden([werkgroep], datum, {werkgroep.pk: cyclus}, ids, contexten, samen=False)[werkgroep.pk]


def voer_toetsen_uit(werkgroepen: Iterable, *, datum: dt.date | None = None) -> dict[int, list[Resultaat]]:
    """Every requirement for each of ``werkgroepen`` in its current cycle as of ``datum``: the same
    answers as ``voer_toets_uit`` per work group, with the data read for all of them together (one
    query per loader for the whole run, not per work group). For the nightly refresh of many work
    groups. The answers kept per rule are the pages' (``voer_toets_uit``): each uses the other's."""
    datum = datum or timezone.localdate()
    werkgroepen = list(werkgroepen)

    def contexten(open_: list) -> list[ToetsContext]:
        laatste = _laatste_cycli(open_)
        return [ToetsContext(wg, laatste.get(wg.pk), datum) for wg in open_]

    return _bewaarde_antwoorden(werkgroepen, datum, {}, None, contexten, samen=True)


def _sleutel(werkgroep, datum: dt.date, cyclus) -> str:
    """Where a work group's kept answers are: by what they depend on besides the data, the date, the
    cycle ("laatste": the latest, whichever it is), the registry, and the catalogue the group answers
    (its scheme, KVO or PVO, when the work group has one)."""
    delen = (datum.isoformat(), cyclus, _registratie, getattr(werkgroep, "handboek", None))
    return f"kvo:toets:{werkgroep.pk}:{hashlib.blake2b(repr(delen).encode(), digest_size=16).hexdigest()}"


def _bewaarde_antwoorden(
    werkgroepen: list, datum: dt.date, cycli: Mapping, ids, contexten_maken, *, samen: bool
) -> dict[int, list[Resultaat]]:
    """The answers for ``werkgroepen`` (each in ``cycli[pk]``, the latest when None or absent): per rule
    the kept answer while the parts it read are unchanged, else computed (for all work groups that
    need a rule, in one run: ``contexten_maken(open)``).

    A work group's answers are kept in one entry per date and cycle: ``{"regels": {id: (parts,
    version, answer)}, "cyclus": …, "groep": …}``. The latest cycle's entry says which cycle it is and
    under which version of the group's own data (where cycles are): a page that names that cycle uses
    the same entry as a call without one (the nightly run), as long as no cycle changed since."""
    # the rules of the scheme: an explicit cycle's (a cycle keeps the one it ran under), else the group's
    gevraagd = {
        wg.pk: [i for i in regeling_van(cycli.get(wg.pk) or wg).eisen if ids is None or i in ids] for wg in werkgroepen
    }
    per_deel = versie.tokens_per_deel(werkgroepen)
    sleutels: dict[int, tuple[str, str | None]] = {}
    for wg in werkgroepen:
        expliciet = cycli.get(wg.pk)
        sleutels[wg.pk] = (_sleutel(wg, datum, "laatste"), _sleutel(wg, datum, expliciet.pk) if expliciet else None)
    bewaard: dict = {}
    if versie.bewaard_gebruiken():
        try:
            bewaard = cache.get_many([s for paar in sleutels.values() for s in paar if s])
        except Exception:
            logger.warning("cache niet bereikbaar bij lezen van de toets", exc_info=True)
    plek, kept, open_ = {}, {}, {}
    for wg in werkgroepen:
        tokens, (laatste, eigen) = per_deel[wg.pk], sleutels[wg.pk]
        expliciet = cycli.get(wg.pk)
        entry = bewaard.get(laatste)
        geldig = entry is not None and entry["groep"] == tokens[versie.GROEP]  # no cycle changed since
        if expliciet is None or (geldig and entry["cyclus"] == expliciet.pk):
            plek[wg.pk] = laatste
            entry = entry if geldig else None
        else:
            plek[wg.pk], entry = eigen, bewaard.get(eigen)
        entry = dict(entry) if entry else {"regels": {}, "cyclus": None, "groep": None}
        entry["regels"] = dict(entry["regels"])
        nodig = _nodig(gevraagd[wg.pk], entry["regels"], tokens)
        if nodig and plek[wg.pk] == eigen:
            # to be computed anyway: if the cycle asked for is the latest, keep its answers where a call
            # without a cycle (the nightly run) finds them (one query, on this path only)
            with scope(werkgroep=wg):
                if getattr(kies_cyclus(wg), "pk", None) == expliciet.pk:
                    plek[wg.pk] = laatste
                    entry["cyclus"], entry["groep"] = expliciet.pk, tokens[versie.GROEP]
        kept[wg.pk] = entry
        if nodig:
            open_[wg.pk] = nodig
    if open_:
        te_doen = [wg for wg in werkgroepen if wg.pk in open_]
        with contextlib.ExitStack() as stapel:
            if samen:
                stapel.enter_context(zonder_gc())  # tens of thousands of model instances: one collection
            stapel.enter_context(scope(werkgroep=te_doen if samen else te_doen[0]))
            contexten = contexten_maken(te_doen)
            for ctx in contexten:
                ctx.samen = contexten
            for ctx in contexten:
                pk, tokens = ctx.werkgroep.pk, per_deel[ctx.werkgroep.pk]
                entry = kept[pk]
                if plek[pk] == sleutels[pk][0] and cycli.get(pk) is None:  # the latest, as of this version
                    entry["cyclus"], entry["groep"] = getattr(ctx.cyclus, "pk", None), tokens[versie.GROEP]
                for eis_id in open_[pk]:
                    uitkomst, delen = _beantwoord_een(ctx, eis_id)
                    entry["regels"][eis_id] = (delen, _versie_van(tokens, delen), uitkomst)
        try:
            cache.set_many({plek[pk]: kept[pk] for pk in open_}, versie.BEWAARTIJD)
        except Exception:
            logger.warning("cache niet bereikbaar bij bewaren van de toets", exc_info=True)
    return {
        wg.pk: [
            Resultaat(
                ALLE_EISEN[i],
                kept[wg.pk]["regels"][i][2] if i in _REGISTRY else Uitkomst(Status.OPEN, NIET_IN_APPLICATIE),
            )
            for i in gevraagd[wg.pk]
        ]
        for wg in werkgroepen
    }


def _nodig(gevraagd: list[str], regels: Mapping, tokens: Mapping[str, str]) -> list[str]:
    """The rules of ``gevraagd`` without a kept answer whose parts are unchanged."""
    return [
        i
        for i in gevraagd
        if i in _REGISTRY and not (i in regels and regels[i][1] == _versie_van(tokens, regels[i][0]))
    ]


def _versie_van(tokens: Mapping[str, str], delen: tuple[str, ...]) -> str:
    """The version of ``delen`` (sorted parts) in ``tokens`` (``versie.tokens_per_deel`` of a group)."""
    return "|".join([tokens[versie.GROEP], *(tokens.get(d, "0") for d in delen)])


def _beantwoord_een(ctx: ToetsContext, eis_id: str) -> tuple[Uitkomst, tuple[str, ...]]:
    """One rule's answer and the parts it read (through the loaders it used)."""
    gebruikt: set = set()
    token = _gebruikt.set(gebruikt)
    try:
        uitkomst = versie.gecontroleerd(
            f"toets:{eis_id}", lambda: _REGISTRY[eis_id](ctx), lambda: gelezen_delen(gebruikt)
        )
    finally:
        _gebruikt.reset(token)
    return uitkomst, tuple(sorted(gelezen_delen(gebruikt)))


def _laatste_cycli(werkgroepen: list) -> dict[int, object]:
    # the tenant's own cycle, from the app registry: werkgroepen.models imports this module (Gereedheid)
    Cyclus = apps.get_model("werkgroepen", "Cyclus")

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
