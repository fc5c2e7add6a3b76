"""Reads of the analysis's conclusion that the plan of approach builds on (§4.1.4 → §4.2)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from analyse import catalogus
from analyse.models import Conclusie, Enquete
from analyse.selectors.enquete import enquete_van


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


def conclusie_van(cyclus) -> Conclusie | None:
    """The cycle's conclusion with the meeting that adopted it, or None."""
    return Conclusie.objects.filter(cyclus=cyclus).select_related("vastgesteld_in").first()


def conclusie_stand(cyclus) -> dict:
    """Where the four steps of the analysis stand in ``cyclus`` (the overview page): the survey and
    its counts, the sources of the figures, the inspections and their points, the conclusion."""
    enquete = enquete_van(cyclus)
    stand: dict = {"enquete": enquete}
    if enquete is not None:
        stand["reacties"] = enquete.reacties.count()
        stand["uitnodigingen"] = enquete.uitnodigingen.count()
        stand["open"] = enquete.is_open(timezone.localdate())
    stand["bronnen"] = sorted(set(cyclus.cijfers.values_list("bron", flat=True)))
    stand["schouwen"] = cyclus.schouwen.aggregate(
        dag=Count("pk", filter=Q(soort="dag"), distinct=True),
        avond=Count("pk", filter=Q(soort="avond"), distinct=True),
        positief=Count("punten", filter=Q(punten__positief=True)),
        verbeter=Count("punten", filter=Q(punten__positief=False)),
    )
    stand["conclusie"] = conclusie_van(cyclus)
    return stand


def prioriteiten_initial(cyclus, prioriteiten: list) -> list[dict]:
    """One row per theme for the priorities form: the catalogue's themes, then the survey's own
    ones, then any the conclusion has besides; filled in from the conclusion's ``prioriteiten``."""
    per_thema = {p.thema: p for p in prioriteiten}
    enquete = enquete_van(cyclus)
    uit_enquete = (
        list(dict.fromkeys(enquete.vragen.order_by("volgorde").values_list("thema", flat=True))) if enquete else []
    )
    themas = list(dict.fromkeys([*catalogus.THEMAS.keys(), *uit_enquete]))
    themas += [t for t in per_thema if t not in themas]
    leeg = {"risicokans": None, "ernst": None, "jaar": None, "toelichting": ""}
    return [{"thema": t, **({v: getattr(per_thema[t], v) for v in leeg} if t in per_thema else leeg)} for t in themas]
