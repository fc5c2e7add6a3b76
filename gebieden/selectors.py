"""Reads for the area pages and checks. Every query goes through the work group."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from gebieden import geo
from gebieden.models import AangrenzendeLocatie, Bedrijventerrein, Ondernemer
from gebieden.regels import MAX_ONDERNEMERS, MAX_TERREINEN, gemeenten


def terreinen_met_telling(werkgroep, *, op=None) -> list[Bedrijventerrein]:
    """The parks with ``aantal_ondernemers`` and ``aantal_vertegenwoordigers`` (active members on ``op``)."""
    return terreinen_met_telling_per([werkgroep], op=op)[werkgroep.pk]


def terreinen_met_telling_per(werkgroepen, *, op=None) -> dict[int, list[Bedrijventerrein]]:
    """``terreinen_met_telling`` of many work groups in one query, by work-group id."""
    op = op or timezone.localdate()
    werkgroepen = list(werkgroepen)
    actief = (
        (Q(vertegenwoordigers__lid_sinds__isnull=True) | Q(vertegenwoordigers__lid_sinds__lte=op))
        & (Q(vertegenwoordigers__lid_tot__isnull=True) | Q(vertegenwoordigers__lid_tot__gte=op))
        & Q(vertegenwoordigers__werkgroep=F("werkgroep"))
    )
    terreinen = Bedrijventerrein.objects.filter(werkgroep__in=werkgroepen).annotate(
        aantal_ondernemers=Count("ondernemers", distinct=True),
        aantal_vertegenwoordigers=Count("vertegenwoordigers", filter=actief, distinct=True),
    )
    uit: dict[int, list[Bedrijventerrein]] = {wg.pk: [] for wg in werkgroepen}
    for terrein in terreinen.order_by("werkgroep_id", "naam", "pk"):
        uit[terrein.werkgroep_id].append(terrein)
    return uit


def locaties_van(werkgroep) -> list[AangrenzendeLocatie]:
    return list(werkgroep.aangrenzende_locaties.order_by("naam", "pk"))


def aantal_ondernemers(werkgroep) -> int:
    return Ondernemer.objects.filter(terrein__werkgroep=werkgroep).count()


def ondernemers_van(terrein: Bedrijventerrein) -> QuerySet[Ondernemer]:
    return terrein.ondernemers.order_by("naam", "pk")


@dataclass(frozen=True)
class GebiedStand:
    """The area at a glance: parks with counts, totals against the limits, cluster status."""

    terreinen: list
    locaties: list
    regie_organisatie: str

    @property
    def aantal_terreinen(self) -> int:
        return len(self.terreinen)

    @property
    def is_cluster(self) -> bool:
        return self.aantal_terreinen > 1

    @property
    def totaal_ondernemers(self) -> int:
        return sum(t.aantal_ondernemers for t in self.terreinen)

    @property
    def max_ondernemers(self) -> int:
        return MAX_ONDERNEMERS

    @property
    def max_terreinen(self) -> int:
        return MAX_TERREINEN

    @property
    def ruimte(self) -> int:
        return MAX_ONDERNEMERS - self.totaal_ondernemers

    @property
    def overschot(self) -> int:
        return max(0, self.totaal_ondernemers - MAX_ONDERNEMERS)

    @property
    def procent_vol(self) -> int:
        return min(100, round(100 * self.totaal_ondernemers / MAX_ONDERNEMERS))

    @property
    def gemeenten(self) -> list[str]:
        return gemeenten(t.gemeente for t in self.terreinen)

    @property
    def zonder_grens(self) -> list:
        return [t for t in self.terreinen if not t.grens]

    @property
    def ongeldige_grens(self) -> list:
        return [t for t in self.terreinen if t.grens and not geo.is_geldig(t.grens)]


def gebied_stand(werkgroep, *, op=None) -> GebiedStand:
    return GebiedStand(terreinen_met_telling(werkgroep, op=op), locaties_van(werkgroep), werkgroep.regie_organisatie)
