"""The schemes (regelingen) a work group can follow, as data: KVO-B 4.0 (the default) and PVO
Oost-Nederland's *Proces Veilig Bedrijventerrein*.

A scheme decides which rules the readiness check answers (its catalogue of ``Eis``), how long a
cycle or plan period is, which themes goals are set on, which kinds of party must take part, and
what the cycle ends in (an audit and a certificate, or a waardering). The pages ask the flags
(``heeft_audit``, ``heeft_certificaat``, ``heeft_waardering``) instead of naming a scheme.

The scheme's name is what ``Werkgroep.handboek`` and ``Cyclus.handboek`` store and what the
dossier's root ``handboek`` key says. A cycle keeps the scheme it ran under: a PVO group that moves
to KVO-B gets a new cycle under KVO-B, and its earlier PVO cycles keep their own rules.

``kvo`` knows only the tenant: this module reads ``.handboek`` from what it is given.
"""

from __future__ import annotations

from dataclasses import dataclass

from kvo import eisen as eisen_kvo
from kvo import eisen_pvo
from kvo.eisen import Eis

KVO = "KVO-B 4.0"
PVO = "PVO Veilig Bedrijventerrein"


@dataclass(frozen=True)
class Regeling:
    code: str  # short, for code and URLs: "kvo", "pvo"
    handboek: str  # the name stored on the work group and cycle and in the dossier
    naam: str  # the Dutch name on pages
    eisen: dict[str, Eis]
    groepen: tuple[str, ...]  # the catalogue's sections, in order
    cyclus_jaren: int  # KVO: a certification cycle of 3 years; PVO: a plan period of 2 years
    # (key, Dutch label); goals are set on these. KVO's themes are the handbook's (analyse.catalogus).
    themas: tuple[tuple[str, str], ...]
    # kinds of party that must take part: "ondernemers" (association or representing organisation)
    # and the other ``Partij.Soort`` values
    verplichte_partijen: tuple[str, ...]
    eindigt_in: str  # "audit" or "waardering"
    heeft_audit: bool
    heeft_certificaat: bool
    heeft_waardering: bool

    @property
    def is_pvo(self) -> bool:
        return self.code == "pvo"

    @property
    def thema_sleutels(self) -> tuple[str, ...]:
        return tuple(k for k, _ in self.themas)

    def thema_label(self, sleutel: str) -> str:
        return dict(self.themas).get(sleutel, sleutel)


KVO_B = Regeling(
    code="kvo",
    handboek=KVO,
    naam="KVO-B 4.0 (Keurmerk Veilig Ondernemen bedrijventerreinen)",
    eisen=eisen_kvo.EISEN,
    groepen=tuple(eisen_kvo.GROEPEN),
    cyclus_jaren=3,
    themas=(),
    verplichte_partijen=("ondernemers", "gemeente", "politie", "brandweer"),
    eindigt_in="audit",
    heeft_audit=True,
    heeft_certificaat=True,
    heeft_waardering=False,
)

PVO_VB = Regeling(
    code="pvo",
    handboek=PVO,
    naam="PVO Proces Veilig Bedrijventerrein",
    eisen=eisen_pvo.EISEN,
    groepen=tuple(eisen_pvo.GROEPEN),
    cyclus_jaren=2,
    themas=(
        ("schoon", "schoon"),
        ("heel", "heel"),
        ("veilig", "veilig"),
        ("meldingsbereidheid", "meldingsbereidheid"),
    ),
    verplichte_partijen=("ondernemers", "gemeente", "politie"),
    eindigt_in="waardering",
    heeft_audit=False,
    heeft_certificaat=False,
    heeft_waardering=True,
)

REGELINGEN: dict[str, Regeling] = {r.handboek: r for r in (KVO_B, PVO_VB)}
# for ``choices=`` on Werkgroep.handboek, Cyclus.handboek and the start wizard
KEUZES = [(r.handboek, r.naam) for r in REGELINGEN.values()]
# every rule of every scheme, by ID (an ID belongs to exactly one scheme)
ALLE_EISEN: dict[str, Eis] = {i: e for r in REGELINGEN.values() for i, e in r.eisen.items()}


def regeling(handboek: str | None) -> Regeling:
    """The scheme named ``handboek`` (a dossier's or a model's value); KVO-B for an empty or unknown name."""
    return REGELINGEN.get(handboek or KVO, KVO_B)


def regeling_van(werkgroep_of_cyclus) -> Regeling:
    """The scheme of a cycle (the one it ran under) or of a work group (the one it follows now).
    ``None`` gives KVO-B, the default."""
    return regeling(getattr(werkgroep_of_cyclus, "handboek", None))


def regeling_van_eis(eis_id: str) -> Regeling | None:
    """The scheme a rule ID belongs to (None for an unknown ID)."""
    return next((r for r in REGELINGEN.values() if eis_id in r.eisen), None)


def pagina_url(ctx, naam: str, terugval: str):
    """The URL of the page ``naam`` where a rule is fixed, or of ``terugval`` while that page does not
    exist (a scheme's own pages are added by their own app; the rule links to the nearest page until then).
    Lazy, as ``ToetsContext.url``: the choice is made when the link is shown (``kvo.toets.Link``)."""
    return ctx.url(naam).of(terugval)
