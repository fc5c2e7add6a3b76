"""Reads of the incident figures (§4.1.2): the figures of a cycle, what each source covers, the trend.

``bron_stand`` is the one judgement of a source's figures; the readiness checks
(``analyse.checks.cijfers``) and the page both use it, so they never disagree.

- **Before the analysis.** Only days up to the analysis date count: the date the conclusion of
  the cycle was adopted (``Conclusie.vastgesteld_op``), or else the evaluation date (today on the
  page). A figure running past that date counts up to it.
- **Police and fire service** need a whole calendar year (1 January to 31 December) in the union
  of their periods, and their figures split into business park / other: a figure with sub-area
  ``onbekend`` means the source did not split it, which breaks the rule. (Figures on the park
  alone are ``bedrijventerrein``; a split gives ``bedrijventerrein`` and ``overig`` rows.)
- **Municipality** needs a whole calendar year too (eisen.md: "cover at least one whole calendar
  year"), and the handled reports counted: when ``afgehandeld`` is empty on every municipal
  figure, the data cannot show that handled reports were included, so the answer is ``open``
  ("not recorded yet"), not ``niet_voldaan``.
- Security firms and other sources are optional (§4.1.2): shown, never judged.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from analyse.models import Cijfer, Conclusie
from analyse.perioden import Dekking, dekking, jaren_tekst, verdeel_over_jaren
from kvo.toets import Status

HULPDIENSTEN = (Cijfer.Bron.POLITIE, Cijfer.Bron.BRANDWEER)
VERPLICHT = (*HULPDIENSTEN, Cijfer.Bron.GEMEENTE)
MAX_REEKSEN = 7  # categories shown as their own series; the rest is "overige categorieën"
MAX_SPANS = 3


def cijfers_per_cyclus(cycli: Iterable) -> dict[int, list[Cijfer]]:
    """``cijfers_van`` for many cycles (by the cycle's id; ``None`` left out), in one query for all."""
    uit: dict[int, list[Cijfer]] = {c.pk: [] for c in cycli if c is not None}
    if uit:
        rijen = (
            Cijfer.objects.filter(cyclus__in=list(uit))
            .select_related("terrein")
            .order_by("cyclus_id", "bron", "periode_van", "periode_tot", "categorie", "pk")
        )
        for cijfer in rijen:
            uit[cijfer.cyclus_id].append(cijfer)
    return uit


def cijfers_van(cyclus) -> list[Cijfer]:
    """The figures of ``cyclus`` with their park, by source, period and category."""
    if cyclus is None:
        return []
    return cijfers_per_cyclus([cyclus])[cyclus.pk]


def vastgesteld_per_cyclus(cycli: Iterable) -> dict[int, dt.date | None]:
    """The adoption date of each cycle's conclusion (by the cycle's id; a cycle without a conclusion
    left out), in one query for all."""
    ids = [c.pk for c in cycli if c is not None]
    uit: dict[int, dt.date | None] = {}
    if ids:
        rijen = Conclusie.objects.filter(cyclus__in=ids).order_by("pk").values_list("cyclus_id", "vastgesteld_op")
        for cyclus_id, vastgesteld in rijen:
            uit.setdefault(cyclus_id, vastgesteld)
    return uit


def analysedatum_uit(vastgesteld: dt.date | None, datum: dt.date) -> tuple[dt.date, str]:
    """``analysedatum`` from the conclusion's adoption date (``None``: not adopted, or no conclusion)."""
    if vastgesteld and vastgesteld <= datum:
        return vastgesteld, f"{vastgesteld:%d-%m-%Y} (conclusie van de analyse vastgesteld)"
    return datum, f"{datum:%d-%m-%Y} (toetsdatum; de conclusie is nog niet vastgesteld)"


def analysedatum(cyclus, datum: dt.date) -> tuple[dt.date, str]:
    """The date figures must end by, and why: the adopted conclusion, else ``datum``."""
    vastgesteld = vastgesteld_per_cyclus([cyclus]).get(cyclus.pk) if cyclus is not None else None
    return analysedatum_uit(vastgesteld, datum)


@dataclass
class BronStand:
    """One source's figures and what they cover before the analysis."""

    bron: str
    cijfers: list[Cijfer]
    analysedatum: dt.date
    dekking: Dekking = field(init=False)  # days up to the analysis date
    dekking_alles: Dekking = field(init=False)  # every recorded day

    def __post_init__(self):
        perioden = [(c.periode_van, c.periode_tot) for c in self.cijfers]
        self.dekking = dekking(perioden, tot=self.analysedatum)
        self.dekking_alles = dekking(perioden)

    @property
    def label(self) -> str:
        return str(Cijfer.Bron(self.bron).label)

    @property
    def verplicht(self) -> bool:
        return self.bron in VERPLICHT

    @property
    def totaal(self) -> int:
        return sum(c.aantal for c in self.cijfers if not c.deel_van_totaal)

    @property
    def afgehandeld(self) -> int | None:
        """Handled reports over the figures that record them; ``None`` when none does."""
        waarden = [c.afgehandeld for c in self.cijfers if c.afgehandeld is not None]
        return sum(waarden) if waarden else None

    @property
    def ongesplitst(self) -> list[Cijfer]:
        return [c for c in self.cijfers if c.deelgebied == Cijfer.Deelgebied.ONBEKEND]

    @property
    def perioden_tekst(self) -> str:
        spans = self.dekking.spans
        if len(spans) <= MAX_SPANS:
            return self.dekking.tekst()
        langste = self.dekking.langste
        return f"{langste.tekst()} (langste; en nog {len(spans) - 1} kortere perioden)"

    @property
    def dekking_tekst(self) -> str:
        """ "01-01-2024 t/m 31-12-2024 (heel kalenderjaar 2024)", or why it falls short."""
        if not self.cijfers:
            return "ontbreekt"
        if self.dekking.leeg:
            return f"geen cijfers tot en met {self.analysedatum:%d-%m-%Y}; vastgelegd is {self.dekking_alles.tekst()}"
        jaren = self.dekking.kalenderjaren
        if jaren:
            wat = "heel kalenderjaar" if len(jaren) == 1 else "hele kalenderjaren"
            return f"{self.perioden_tekst} ({wat} {jaren_tekst(jaren)})"
        langste = self.dekking.langste
        if langste.is_heel_jaar:
            return f"{self.perioden_tekst} (een heel jaar, maar geen heel kalenderjaar van 1 januari t/m 31 december)"
        return f"{self.perioden_tekst} (langste aaneengesloten periode {langste.dagen} dagen; geen heel kalenderjaar)"

    @property
    def status(self) -> Status | None:
        """The source's part of its rule; ``None`` for an optional source."""
        if not self.verplicht:
            return None
        if not self.cijfers:
            return Status.OPEN
        if not self.dekking.heel_kalenderjaar:
            return Status.NIET_VOLDAAN
        if self.bron in HULPDIENSTEN and self.ongesplitst:
            return Status.NIET_VOLDAAN
        if self.bron == Cijfer.Bron.GEMEENTE and self.afgehandeld is None:
            return Status.OPEN
        return Status.VOLDAAN

    @property
    def tekst(self) -> str:
        """The source in a check's explanation: "politie: 01-01-2024 t/m 31-12-2024 (heel kalenderjaar 2024)"."""
        delen = [f"{self.label}: {self.dekking_tekst}"]
        if not self.cijfers:
            return delen[0]
        if self.bron in HULPDIENSTEN and self.ongesplitst:
            n = len(self.ongesplitst)
            delen[0] += (
                f", maar {n} cijfer{'s' if n != 1 else ''} niet gesplitst in bedrijventerrein / overig "
                "(deelgebied onbekend)"
            )
        if self.bron == Cijfer.Bron.GEMEENTE:
            if self.afgehandeld is None:
                delen.append(
                    f"{self.totaal} meldingen; bij geen enkel cijfer is vastgelegd hoeveel er al zijn afgehandeld"
                )
            else:
                delen.append(f"{self.totaal} meldingen, waarvan {self.afgehandeld} afgehandeld")
        return "; ".join(delen)


def bron_standen(cijfers: list[Cijfer], datum: dt.date) -> list[BronStand]:
    """A ``BronStand`` per mandatory source (also when it has no figures) and per other source used."""
    per_bron: dict[str, list[Cijfer]] = defaultdict(list)
    for c in cijfers:
        per_bron[c.bron].append(c)
    return [
        BronStand(bron, per_bron.get(bron, []), datum)
        for bron in Cijfer.Bron.values
        if bron in VERPLICHT or bron in per_bron
    ]


def per_bron(cijfers: list[Cijfer]) -> list[tuple[str, str, list[Cijfer]]]:
    """(source, label, figures) for every source that has figures, in the model's order."""
    groepen: dict[str, list[Cijfer]] = defaultdict(list)
    for c in cijfers:
        groepen[c.bron].append(c)
    return [(b, str(label), groepen[b]) for b, label in Cijfer.Bron.choices if b in groepen]


# --- the trend ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Trend:
    jaren: list[int]
    reeksen: list[tuple[str, list[float | None]]]  # (name, one value per year; None: no figure that year)

    @property
    def leeg(self) -> bool:
        return not self.jaren


def trend(cijfers: list[Cijfer], bron: str | None = None) -> Trend:
    """Counts per calendar year: per category of ``bron``, or per source when ``bron`` is None.

    A figure whose period spans several calendar years is spread over them pro rata by days
    (``analyse.perioden.verdeel_over_jaren``), so a figure for 15-03-2023 t/m 14-03-2024 adds
    to both years. A year without any figure of a series is a gap, not a zero. With more than
    ``MAX_REEKSEN`` categories the smallest are taken together as "Overige categorieën".
    """
    gekozen = [c for c in cijfers if bron is None or c.bron == bron]
    if not gekozen:
        return Trend([], [])
    namen: dict[str, str] = {}  # grouping key → the name shown (the first spelling seen)
    waarden: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    for c in gekozen:
        # A count the CBS withheld is no 0 (a gap); a kind of crime whose total is also recorded
        # is already in that total when series are per source.
        if c.afgeschermd or (bron is None and c.deel_van_totaal):
            continue
        if bron is None:
            sleutel, naam = c.bron, str(Cijfer.Bron(c.bron).label)
        else:
            sleutel, naam = c.categorie.casefold(), c.categorie
        namen.setdefault(sleutel, naam)
        for jaar, deel in verdeel_over_jaren(c.periode_van, c.periode_tot, c.aantal).items():
            waarden[sleutel][jaar] += deel
    jaren = list(range(min(c.periode_van.year for c in gekozen), max(c.periode_tot.year for c in gekozen) + 1))
    if bron is None:
        volgorde = [b for b in Cijfer.Bron.values if b in waarden]
    else:
        volgorde = sorted(waarden, key=lambda k: (-sum(waarden[k].values()), namen[k]))
        if len(volgorde) > MAX_REEKSEN:
            rest = volgorde[MAX_REEKSEN - 1 :]
            volgorde = [*volgorde[: MAX_REEKSEN - 1], "__overig"]
            namen["__overig"] = f"Overige categorieën ({len(rest)})"
            for k in rest:
                for jaar, w in waarden[k].items():
                    waarden["__overig"][jaar] += w
    reeksen = [(namen[k], [round(waarden[k][j], 1) if j in waarden[k] else None for j in jaren]) for k in volgorde]
    return Trend(jaren, reeksen)
