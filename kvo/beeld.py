"""The facilitator's picture across areas: indicators per park and per cycle, filled in by the apps.

The picture (``/begeleiding/beeld/``) shows every park of the work groups a facilitator (staff: all)
reaches, on a map and in a table, by an indicator the user picks. The core knows only the tenant,
so it asks this registry, as the portfolio asks ``kvo.termijnen``:

- ``gebieden`` registers the parks with ``@terreinbron`` (name, municipality, outline, the number of
  entrepreneurs in its register);
- each app registers the indicators it owns in its ``beeld.py`` with ``@indicator``: a loader
  ``(terreinen, cycli) -> {(park id, cycle number): Waarde}`` that answers for every park at once in
  a fixed number of queries (never one per park or work group).

Comparable only where fair: an indicator is one standard question or one kind of figure, the same
for every park, and a loader leaves a value out (``Waarde.getal`` None, with the reason) rather than
show something that is not the same measure. Per municipality a value is the sum of the parks'
``teller`` over the sum of their ``noemer`` (never an average of percentages), counted once per work
group where the indicator is the work group's (``per_werkgroep``); categories are counted. A park
whose value is a small cell (``Indicator.minimum``: fewer than 5 responses) never adds to a sum, so
a municipality's figure cannot be taken apart into a park's hidden one; a sum below the minimum shows
no figure either. Over time a municipality adds up its parks per cycle number (cycle 1 of every park,
cycle 2 of every park, …): whether parks get safer as they go through their cycles.

Loaders run with the scopes disabled: the caller has already decided which work groups the user
may see, and passes only their parks.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.utils.module_loading import autodiscover_modules
from django_scopes import scopes_disabled

from werkgroepen.models import Cyclus, Werkgroep


@dataclass(frozen=True)
class Terrein:
    pk: int
    naam: str
    gemeente: str
    werkgroep_id: int
    grens: dict | None
    ondernemers: int


@dataclass(frozen=True)
class Cyclusinfo:
    werkgroep_id: int
    nummer: int
    start: dt.date


@dataclass(frozen=True)
class Waarde:
    """One indicator's value for one park in one cycle."""

    tekst: str  # as the table and the map's label show it ("72 %", "Sociale veiligheid, Overlast")
    getal: float | None = None  # for sorting and colouring; None: no figure (``toelichting`` says why)
    teller: float | None = None  # getal = factor × teller / noemer, so a municipality adds parks up
    noemer: float | None = None
    labels: tuple[str, ...] = ()  # a category indicator: its labels, the first one colours the map
    toelichting: str = ""  # "n = 23", "minder dan 5 reacties", "cijfer van het hele gebied"

    @property
    def heeft_waarde(self) -> bool:
        return self.getal is not None or bool(self.labels)


GEEN = Waarde("—")
GEEN_GEMEENTE = "(geen gemeente)"


def gemeente_van(terrein: Terrein) -> str:
    """The municipality a park counts under in the picture (its name; a park without one under ``GEEN_GEMEENTE``)."""
    return terrein.gemeente.strip() or GEEN_GEMEENTE


Laden = Callable[[Sequence[Terrein], Sequence[Cyclusinfo]], dict[tuple[int, int], Waarde]]


@dataclass(frozen=True)
class Indicator:
    sleutel: str
    naam: str  # short, for the table's head and the choice
    uitleg: str  # what it is and why it is comparable, one or two sentences
    laden: Laden
    soort: str = "getal"  # "getal" or "categorie"
    eenheid: str = ""  # " %", " per 100 bedrijven per jaar"
    factor: float = 100.0
    hoger_beter: bool | None = None  # colours and the trend's "beter/slechter"; None: neutral
    grenzen: tuple[float, ...] = ()  # class boundaries for the map (getal), ascending, four of them
    per_werkgroep: bool = False  # the work group's value, the same for each of its parks
    volgorde: int = 100
    minimum: int = 0  # the small-cell rule: a value with a smaller ``noemer`` (responses) is never shown or added
    met_trend: bool = True  # False: cycles are not comparable this way (a running plan against a finished one)

    def opmaak(self, getal: float | None) -> str:
        if getal is None:
            return "—"
        heel = abs(getal) >= 10 or self.eenheid.strip() == "%" or float(getal).is_integer()
        tekst = f"{getal:.0f}" if heel else f"{getal:.1f}"
        return tekst.replace(".", ",") + (" %" if self.eenheid.strip() == "%" else "")


_INDICATOREN: dict[str, Indicator] = {}
_BRON: list[Callable] = []
_geladen = False


def indicator(sleutel: str, **opties) -> Callable[[Laden], Laden]:
    """Register an app's indicator: ``@indicator("analyse.veiligheidsgevoel", naam=..., uitleg=...)``."""

    def registreer(functie: Laden) -> Laden:
        _INDICATOREN[sleutel] = Indicator(sleutel=sleutel, laden=functie, **opties)
        return functie

    return registreer


def terreinbron(functie: Callable) -> Callable:
    """Register where the parks come from: ``(werkgroep_ids, terrein_pk=None) -> list[Terrein]``."""
    _BRON[:] = [functie]
    return functie


def _laad_registry() -> None:
    global _geladen
    if not _geladen:
        autodiscover_modules("beeld")
        _geladen = True


def indicatoren() -> list[Indicator]:
    _laad_registry()
    return sorted(_INDICATOREN.values(), key=lambda i: (i.volgorde, i.sleutel))


# --- the picture --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Trend:
    tekst: str  # "+5 sinds cyclus 1", "gelijk"
    richting: str  # "beter", "slechter", "gelijk", ""


@dataclass
class Rij:
    """A park (or a municipality) with per indicator its newest value and the trend against the one before."""

    naam: str
    gemeente: str
    werkgroep: Werkgroep | None
    terrein: Terrein | None
    huidig: dict[str, Waarde] = field(default_factory=dict)
    cyclus: dict[str, int] = field(default_factory=dict)  # the cycle the newest value is of
    trend: dict[str, Trend] = field(default_factory=dict)
    terreinen: int = 1


@dataclass
class Beeld:
    indicatoren: list[Indicator]
    terreinen: list[Terrein]
    werkgroepen: dict[int, Werkgroep]
    cycli: dict[int, list[Cyclusinfo]]  # per work group, in order
    waarden: dict[str, dict[tuple[int, int], Waarde]]  # per indicator, per (park, cycle number)

    def indicator(self, sleutel: str) -> Indicator:
        return next((i for i in self.indicatoren if i.sleutel == sleutel), self.indicatoren[0])

    def reeks(self, sleutel: str, terrein: Terrein) -> list[tuple[Cyclusinfo, Waarde]]:
        """The park's value in each cycle of its work group, oldest first (``GEEN`` where none)."""
        per = self.waarden.get(sleutel, {})
        return [(c, per.get((terrein.pk, c.nummer), GEEN)) for c in self.cycli.get(terrein.werkgroep_id, [])]

    def nieuwste(self, sleutel: str, terrein: Terrein) -> tuple[Cyclusinfo | None, Waarde, Waarde | None]:
        """The newest cycle with a value, its value, and the value of the cycle with one before it. A park
        without any value gets its newest reason why (``minder dan 5 reacties``), not a bare dash."""
        reeks = self.reeks(sleutel, terrein)
        met = [(c, w) for c, w in reeks if w.heeft_waarde]
        if not met:
            return None, next((w for _c, w in reversed(reeks) if w.toelichting), GEEN), None
        return met[-1][0], met[-1][1], met[-2][1] if len(met) > 1 else None

    def rijen(self) -> list[Rij]:
        uit = []
        for t in self.terreinen:
            rij = Rij(t.naam, t.gemeente, self.werkgroepen.get(t.werkgroep_id), t)
            for ind in self.indicatoren:
                cyclus, nu, vorig = self.nieuwste(ind.sleutel, t)
                rij.huidig[ind.sleutel] = nu
                if cyclus is not None:
                    rij.cyclus[ind.sleutel] = cyclus.nummer
                rij.trend[ind.sleutel] = trend(ind, nu, vorig)
            uit.append(rij)
        return uit

    def gemeente_cycli(self, terreinen: Sequence[Terrein]) -> list[int]:
        """The cycle numbers any of ``terreinen``'s work groups has, in order."""
        return sorted({c.nummer for t in terreinen for c in self.cycli.get(t.werkgroep_id, [])})

    def gemeente_reeks(self, sleutel: str, terreinen: Sequence[Terrein]) -> list[tuple[int, Waarde]]:
        """Several parks (a municipality's) per cycle number, oldest first: each cycle's values added up."""
        ind = self.indicator(sleutel)
        per = self.waarden.get(sleutel, {})
        return [
            (nummer, samen(ind, [(t, per.get((t.pk, nummer), GEEN)) for t in terreinen]))
            for nummer in self.gemeente_cycli(terreinen)
        ]

    def per_gemeente(self) -> dict[str, list[Terrein]]:
        per: dict[str, list[Terrein]] = defaultdict(list)
        for t in self.terreinen:
            per[gemeente_van(t)].append(t)
        return dict(sorted(per.items(), key=lambda kv: kv[0].casefold()))

    def gemeenten(self) -> list[Rij]:
        """Per municipality: sums of ``teller`` and ``noemer`` of the parks' newest values (categories counted),
        and the trend between the last two cycle numbers whose sums have a value."""
        uit = []
        for gemeente, terreinen in self.per_gemeente().items():
            rij = Rij(gemeente, gemeente, None, None, terreinen=len(terreinen))
            for ind in self.indicatoren:
                rij.huidig[ind.sleutel] = samen(ind, [(t, self.nieuwste(ind.sleutel, t)[1]) for t in terreinen])
                met = [(n, w) for n, w in self.gemeente_reeks(ind.sleutel, terreinen) if w.heeft_waarde]
                if met:
                    rij.cyclus[ind.sleutel] = met[-1][0]
                rij.trend[ind.sleutel] = trend(ind, met[-1][1], met[-2][1]) if len(met) > 1 else Trend("", "")
            uit.append(rij)
        return uit


def trend(ind: Indicator, nu: Waarde, vorig: Waarde | None) -> Trend:
    if not ind.met_trend or ind.soort != "getal" or nu.getal is None or vorig is None or vorig.getal is None:
        return Trend("", "")
    verschil = nu.getal - vorig.getal
    if abs(verschil) < 0.05:
        return Trend("gelijk", "gelijk")
    tekst = ("+" if verschil > 0 else "−") + ind.opmaak(abs(verschil)).removesuffix(" %")
    if ind.eenheid.strip() == "%":
        tekst += " procentpunt"
    if ind.hoger_beter is None:
        return Trend(tekst, "")
    return Trend(tekst, "beter" if (verschil > 0) == ind.hoger_beter else "slechter")


def samen(ind: Indicator, waarden: list[tuple[Terrein, Waarde]]) -> Waarde:
    """Several parks' values as one: teller over noemer, once per work group where ``per_werkgroep``.

    The small-cell rule holds for the sum too: a part below ``ind.minimum`` (no figure of its own) is
    left out, never added to the others, and a sum below the minimum is no figure."""
    gezien: set[int] = set()
    gekozen = []
    klein = False
    for t, w in waarden:
        if ind.minimum and ind.soort == "getal" and (w.getal is None or (w.noemer or 0) < ind.minimum):
            klein = klein or w.getal is not None or bool(w.toelichting)  # a small cell, not a missing value
            continue
        if not w.heeft_waarde:
            continue
        if ind.per_werkgroep:
            if t.werkgroep_id in gezien:
                continue
            gezien.add(t.werkgroep_id)
        gekozen.append(w)
    te_klein = Waarde(
        f"minder dan {ind.minimum} reacties", toelichting=f"minder dan {ind.minimum} reacties: geen cijfer"
    )
    if not gekozen:
        return te_klein if klein else GEEN
    if ind.soort == "categorie":
        telling = Counter(label for w in gekozen for label in w.labels[:3])
        gewogen = sorted(telling.items(), key=lambda kv: (-kv[1], kv[0]))
        labels = tuple(label for label, _n in gewogen)
        return Waarde(", ".join(f"{label} ({n}×)" for label, n in gewogen[:3]), labels=labels[:3])
    teller = sum(w.teller or 0 for w in gekozen if w.noemer)
    noemer = sum(w.noemer or 0 for w in gekozen if w.noemer)
    if not noemer:
        return GEEN
    if noemer < ind.minimum:
        return te_klein
    getal = ind.factor * teller / noemer
    wat = ("werkgroep", "werkgroepen") if ind.per_werkgroep else ("terrein", "terreinen")
    aantal = f"{len(gekozen)} {wat[len(gekozen) != 1]}"
    if ind.minimum:
        aantal += f" · n = {noemer:.0f}"
    return Waarde(ind.opmaak(getal), getal, teller, noemer, toelichting=aantal)


def beeld(werkgroepen: Sequence[Werkgroep], *, terrein_pk: int | None = None, gemeente: str | None = None) -> Beeld:
    """The picture of ``werkgroepen`` (already limited to what the user may see): their parks (only
    ``terrein_pk``, or only those of ``gemeente``), their cycles and every registered indicator. A fixed
    number of queries, whatever their number."""
    _laad_registry()
    werkgroepen = list(werkgroepen)
    ids = [wg.pk for wg in werkgroepen]
    with scopes_disabled():
        terreinen = _BRON[0](ids, terrein_pk=terrein_pk) if _BRON and ids else []
        if gemeente is not None:
            terreinen = [t for t in terreinen if gemeente_van(t) == gemeente]
        cycli: dict[int, list[Cyclusinfo]] = defaultdict(list)
        if terreinen:
            rijen = (
                Cyclus.objects.filter(werkgroep_id__in={t.werkgroep_id for t in terreinen})
                .order_by("werkgroep_id", "nummer")
                .values_list("werkgroep_id", "nummer", "start")
            )
            for wg_id, nummer, start in rijen:
                cycli[wg_id].append(Cyclusinfo(wg_id, nummer, start))
        alle_cycli = [c for lijst in cycli.values() for c in lijst]
        lijst = indicatoren()
        waarden = {ind.sleutel: (ind.laden(terreinen, alle_cycli) if terreinen else {}) for ind in lijst}
    return Beeld(lijst, terreinen, {wg.pk: wg for wg in werkgroepen}, dict(cycli), waarden)


# --- colours for the map ------------------------------------------------------------------------

# Five steps, colour-blind safe (ColorBrewer RdYlBu, dark ends), from bad to good; neutral: blues.
SLECHT_NAAR_GOED = ("#b2182b", "#ef8a62", "#fddbc7", "#92c5de", "#2166ac")
NEUTRAAL = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
CATEGORIEEN = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666")
GEEN_KLEUR = "#ffffff"


@dataclass(frozen=True)
class Klasse:
    kleur: str
    tekst: str  # the legend in words: "70 % tot 85 %", "Sociale veiligheid"
    aantal: int = 0


def klassen(ind: Indicator, waarden: Sequence[Waarde]) -> tuple[list[Klasse], Callable[[Waarde], int | None]]:
    """The legend's classes and a function giving a value's class (None: no value)."""
    if ind.soort == "categorie":
        telling = Counter(w.labels[0] for w in waarden if w.labels)
        namen = [n for n, _ in sorted(telling.items(), key=lambda kv: (-kv[1], kv[0]))]
        if len(namen) > len(CATEGORIEEN):
            namen = [*namen[: len(CATEGORIEEN) - 1], "Overig"]
        index = {n: i for i, n in enumerate(namen)}

        def categorie(w: Waarde) -> int | None:
            if not w.labels:
                return None
            return index.get(w.labels[0], len(namen) - 1)

        lijst = [Klasse(CATEGORIEEN[i], n) for i, n in enumerate(namen)]
        return _tel(lijst, waarden, categorie), categorie
    kleuren = SLECHT_NAAR_GOED if ind.hoger_beter is not None else NEUTRAAL
    if ind.hoger_beter is False:
        kleuren = tuple(reversed(kleuren))
    g = ind.grenzen

    def klasse(w: Waarde) -> int | None:
        if w.getal is None:
            return None
        return sum(1 for grens in g if w.getal >= grens)

    teksten = [f"minder dan {ind.opmaak(g[0])}"]
    teksten += [f"{ind.opmaak(a)} tot {ind.opmaak(b)}" for a, b in itertools.pairwise(g)]
    teksten.append(f"{ind.opmaak(g[-1])} of meer")
    lijst = [Klasse(kleuren[i], t) for i, t in enumerate(teksten)]
    return _tel(lijst, waarden, klasse), klasse


def _tel(lijst: list[Klasse], waarden: Sequence[Waarde], functie) -> list[Klasse]:
    telling = Counter(functie(w) for w in waarden)
    return [Klasse(k.kleur, k.tekst, telling.get(i, 0)) for i, k in enumerate(lijst)]
