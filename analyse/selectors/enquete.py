"""Reads of the survey (§4.1.1): the survey of a cycle, its questions per theme, how far it meets the minima.

``vragen_per_thema`` is the one order of the questions (the builder, the preview, the
entrepreneur's page and the results use it): themes as in the catalogue, the group's own themes
last; within a theme the questions of each block in block order, then the theme's questions
without a block; within those by ``volgorde``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from analyse import catalogus, standaardvragen
from analyse.models import Enquete, Vraag

# The themes' short names, where the catalogue's name is too long for a one-line explanation.
KORTE_NAMEN = {"calamiteit": "Calamiteit"}


def korte_naam(sleutel: str) -> str:
    return KORTE_NAMEN.get(sleutel) or catalogus.thema_naam(sleutel)


def enquetes_van(cycli: Iterable) -> dict[int, Enquete]:
    """The survey of each of ``cycli`` (one per cycle) by the cycle's id, in one query; a cycle
    without a survey (or ``None``) is left out."""
    cycli = [c for c in cycli if c is not None]
    uit: dict[int, Enquete] = {}
    if cycli:
        for enquete in Enquete.objects.filter(cyclus__in=cycli).order_by("pk"):
            uit.setdefault(enquete.cyclus_id, enquete)
    return uit


def enquete_van(cyclus) -> Enquete | None:
    """The survey of ``cyclus`` (one per cycle), or None."""
    if cyclus is None:
        return None
    return enquetes_van([cyclus]).get(cyclus.pk)


def vragen_van(enquete: Enquete) -> list[Vraag]:
    return list(enquete.vragen.select_related("toon_als_vraag").order_by("volgorde", "pk"))


def thema_volgorde(enquete: Enquete) -> dict[str, int]:
    """Position of each theme: the catalogue's twelve, then the own themes in the order they were added."""
    volgorde = {sleutel: i for i, sleutel in enumerate(catalogus.THEMAS)}
    for i, naam in enumerate(enquete.eigen_themas or []):
        volgorde[catalogus.eigen_thema(naam)] = len(catalogus.THEMAS) + i
    return volgorde


def vraag_sleutel(volgorde: dict[str, int]):
    """Sort key of a question in the survey's one order (see the module docstring)."""
    onbekend = len(volgorde) + 1000

    def sleutel(vraag: Vraag):
        return (
            volgorde.get(vraag.thema, onbekend),
            vraag.thema,
            vraag.blok is None,
            vraag.blok or 0,
            vraag.volgorde,
            vraag.pk or 0,
        )

    return sleutel


def geordend(enquete: Enquete, vragen: list[Vraag] | None = None) -> list[Vraag]:
    """All questions of ``enquete`` in the survey's order."""
    vragen = vragen_van(enquete) if vragen is None else vragen
    return sorted(vragen, key=vraag_sleutel(thema_volgorde(enquete)))


@dataclass
class ThemaVragen:
    sleutel: str
    naam: str
    vragen: list[Vraag] = field(default_factory=list)

    @property
    def is_eigen(self) -> bool:
        return catalogus.is_eigen(self.sleutel)


def vragen_per_thema(enquete: Enquete, vragen: list[Vraag] | None = None) -> list[ThemaVragen]:
    """The themes that have questions, in the catalogue's order (own themes last), each with its questions."""
    groepen: list[ThemaVragen] = []
    for vraag in geordend(enquete, vragen):
        if not groepen or groepen[-1].sleutel != vraag.thema:
            groepen.append(ThemaVragen(vraag.thema, catalogus.thema_naam(vraag.thema)))
        groepen[-1].vragen.append(vraag)
    return groepen


@dataclass(frozen=True)
class EnqueteDekking:
    """How far the survey meets §4.1.1: per mandatory theme, the total against 20, the open questions.

    A block counts only when it is ticked and has at least one question.
    """

    themas: list[catalogus.ThemaDekking]
    blokken: frozenset[int]  # ticked blocks with at least one question
    open_vragen: tuple[tuple[int, bool], ...]  # (16, present), (23, ...), (33, ...)

    @property
    def totaal(self) -> int:
        """Counted blocks of the mandatory themes (open questions not included)."""
        return sum(d.aantal for d in self.themas)

    @property
    def minimum_totaal(self) -> int:
        return catalogus.MINIMUM_TOTAAL

    @property
    def tekorten(self) -> list[catalogus.ThemaDekking]:
        return [d for d in self.themas if not d.voldaan]

    @property
    def minimum_voldaan(self) -> bool:
        return not self.tekorten

    @property
    def ontbrekende_open_vragen(self) -> list[int]:
        return [blok for blok, aanwezig in self.open_vragen if not aanwezig]

    @property
    def thema_rijen(self) -> list[tuple[catalogus.ThemaDekking, str]]:
        """(coverage, short name) per mandatory theme, for the pages."""
        return [(d, korte_naam(d.thema.sleutel)) for d in self.themas]

    @property
    def aantal_open_aanwezig(self) -> int:
        return sum(1 for _, aanwezig in self.open_vragen if aanwezig)

    @property
    def open_voldaan(self) -> bool:
        return not self.ontbrekende_open_vragen

    @property
    def open_vragen_rijen(self) -> list[tuple[int, bool, str]]:
        """(block, present, theme's short name) per mandatory open question, for the pages."""
        return [(b, aanwezig, korte_naam(catalogus.thema_van_blok(b))) for b, aanwezig in self.open_vragen]


def getelde_blokken_van(enquetes: Iterable[Enquete]) -> dict[int, frozenset[int]]:
    """Per survey (by id): its ticked blocks that have at least one question, in one query for all."""
    enquetes = list(enquetes)
    met_vraag: defaultdict[int, set[int]] = defaultdict(set)
    if enquetes:
        rijen = (
            Vraag.objects.filter(enquete__in=enquetes, blok__isnull=False)
            .order_by()
            .values_list("enquete_id", "blok")
            .distinct()
        )
        for enquete_id, blok in rijen:
            met_vraag[enquete_id].add(blok)
    return {e.pk: frozenset(set(e.blokken or []) & met_vraag[e.pk]) for e in enquetes}


def getelde_blokken(enquete: Enquete, vragen: list[Vraag] | None = None) -> frozenset[int]:
    """Ticked blocks that have at least one question."""
    if vragen is None:
        return getelde_blokken_van([enquete])[enquete.pk]
    met_vraag = {v.blok for v in vragen if v.blok is not None}
    return frozenset(set(enquete.blokken or []) & met_vraag)


def _dekking(blokken: frozenset[int]) -> EnqueteDekking:
    return EnqueteDekking(
        themas=catalogus.dekking(blokken),
        blokken=blokken,
        open_vragen=tuple((b, b in blokken) for b in catalogus.OPEN_BLOKKEN),
    )


def dekkingen_van(enquetes: Iterable[Enquete]) -> dict[int, EnqueteDekking]:
    """``dekking_van`` for many surveys (by id), in one query for all."""
    return {pk: _dekking(blokken) for pk, blokken in getelde_blokken_van(enquetes).items()}


def dekking_van(enquete: Enquete | None, vragen: list[Vraag] | None = None) -> EnqueteDekking:
    """The survey against the minima (``catalogus.dekking``); ``vragen`` saves a query when already loaded."""
    return _dekking(getelde_blokken(enquete, vragen) if enquete is not None else frozenset())


# --- the builder --------------------------------------------------------------------------


@dataclass
class BouwerBlok:
    blok: catalogus.Blok
    aan: bool
    vragen: list[Vraag]

    @property
    def nummer(self) -> int:
        return self.blok.nummer

    @property
    def aangepast(self) -> bool:
        """Do the block's questions differ from its default questions (unticking would lose work)?"""
        standaard = [(s.tekst, s.type, list(s.opties)) for s in standaardvragen.vragen_van(self.nummer)]
        return [(v.tekst, v.type, list(v.opties or [])) for v in self.vragen] != standaard


@dataclass
class BouwerThema:
    sleutel: str
    naam: str
    thema: catalogus.Thema | None  # None for an own theme
    blokken: list[BouwerBlok]
    overige: list[Vraag]  # the theme's questions without a block
    dekking: catalogus.ThemaDekking | None
    anker: str = ""  # the id on the page

    @property
    def is_eigen(self) -> bool:
        return self.thema is None

    @property
    def eigen_naam(self) -> str:
        return self.naam if self.is_eigen else ""

    @property
    def aantal_vragen(self) -> int:
        return len(self.overige) + sum(len(b.vragen) for b in self.blokken)

    @property
    def aangevinkt(self) -> int:
        return sum(1 for b in self.blokken if b.aan)

    @property
    def open_standaard(self) -> bool:
        """Shown unfolded: mandatory and own themes always, optional ones when something is in them."""
        return self.thema is None or self.thema.verplicht or self.aantal_vragen > 0 or self.aangevinkt > 0


def bouwer(enquete: Enquete, vragen: list[Vraag] | None = None) -> tuple[list[BouwerThema], EnqueteDekking]:
    """Everything the builder shows, from one query of questions: all 12 themes with their blocks, own themes."""
    vragen = geordend(enquete, vragen)
    dekking = dekking_van(enquete, vragen)
    per_thema_dekking = {d.thema.sleutel: d for d in dekking.themas}
    aan = set(enquete.blokken or [])
    per_blok: dict[int, list[Vraag]] = {}
    overig: dict[str, list[Vraag]] = {}
    for v in vragen:
        if v.blok is not None:
            per_blok.setdefault(v.blok, []).append(v)
        else:
            overig.setdefault(v.thema, []).append(v)
    themas = []
    for thema in catalogus.THEMAS.values():
        blokken = []
        for nummer in thema.blokken:
            blokken.append(BouwerBlok(catalogus.BLOKKEN[nummer], nummer in aan, per_blok.get(nummer, [])))
        themas.append(
            BouwerThema(
                thema.sleutel,
                thema.naam,
                thema,
                blokken,
                overig.get(thema.sleutel, []),
                per_thema_dekking.get(thema.sleutel),
                f"thema-{thema.sleutel}",
            )
        )
    eigen = list(enquete.eigen_themas or [])
    # Own-theme questions whose name is missing from the list (an imported dossier) are still shown.
    eigen += sorted({catalogus.thema_naam(s) for s in overig if catalogus.is_eigen(s)} - set(eigen))
    for i, naam in enumerate(eigen, start=1):
        sleutel = catalogus.eigen_thema(naam)
        themas.append(BouwerThema(sleutel, naam, None, [], overig.get(sleutel, []), None, f"thema-eigen-{i}"))
    return themas, dekking


@dataclass(frozen=True)
class Contact:
    """Whom an entrepreneur asks about the survey: the secretary by name, the group's correspondence address."""

    naam: str  # the secretary's name, or ""
    adres: tuple[str, ...]  # t.a.v., street, postcode and place; empty without a full address

    @property
    def tekst(self) -> str:
        """One line: "A. de Vries, secretaris van de KVO-werkgroep, Postbus 1, 8471 AA Wolvega"."""
        delen = [f"{self.naam}, secretaris van de KVO-werkgroep" if self.naam else "de secretaris van de KVO-werkgroep"]
        return ", ".join(delen + [r for r in self.adres[1:] if r])


def contact_van(werkgroep, op=None) -> Contact:
    """The work group's secretary (a current member with that role; the first by name) and its address."""
    from django.utils import timezone

    from werkgroepen.models import Groepsrol

    op = op or timezone.localdate()
    naam = next(
        (
            lid.naam
            for lid in werkgroep.leden.order_by("naam", "pk")
            if Groepsrol.SECRETARIS in (lid.rollen or []) and (lid.lid_tot is None or lid.lid_tot >= op)
        ),
        "",
    )
    adres: tuple[str, ...] = ()
    if werkgroep.heeft_correspondentieadres:
        adres = (
            werkgroep.adres_naam,
            werkgroep.adres_straat,
            f"{werkgroep.adres_postcode} {werkgroep.adres_plaats}".strip(),
        )
    return Contact(naam, adres)
