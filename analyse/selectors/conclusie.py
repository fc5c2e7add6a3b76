"""Reads of the analysis's conclusion that the plan of approach builds on (§4.1.4 → §4.2)."""

from __future__ import annotations

from dataclasses import dataclass

from analyse import catalogus
from analyse.models import Conclusie, Enquete


@dataclass(frozen=True)
class ThemaPrioriteit:
    thema: str
    score: int | None  # likelihood × impact, None when not prioritised
    jaar: int | None  # year of the cycle in which the theme is taken up


def prioritering(cyclus) -> list[ThemaPrioriteit]:
    """The prioritised themes of the cycle's conclusion, highest score first (empty without one)."""
    conclusie = Conclusie.objects.filter(cyclus=cyclus).first() if cyclus is not None else None
    if conclusie is None:
        return []
    rijen = [ThemaPrioriteit(p.thema, p.score, p.jaar) for p in conclusie.prioriteiten.order_by("volgorde", "pk")]
    return sorted(rijen, key=lambda p: -(p.score or 0))


def enquete_themas(cyclus) -> list[str]:
    """The themes the cycle's survey asked about (catalogue themes and own themes), in survey order."""
    enquete = Enquete.objects.filter(cyclus=cyclus).first() if cyclus is not None else None
    if enquete is None:
        return []
    gevraagd = set(enquete.vragen.values_list("thema", flat=True))
    volgorde = [*catalogus.THEMAS, *(catalogus.eigen_thema(n) for n in enquete.eigen_themas or [])]
    return [t for t in volgorde if t in gevraagd] + sorted(gevraagd - set(volgorde))
