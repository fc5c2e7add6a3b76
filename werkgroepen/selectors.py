"""Reads for the work group's administration. The pages and the readiness checks
(werkgroepen/checks.py) use the same functions, so a page and the check cannot disagree."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch

from kvo import geschiedenis
from kvo.toets import CyclusJaar
from werkgroepen.models import (
    Afspraken,
    Bijeenkomst,
    Communicatie,
    Document,
    DocumentVersie,
    Groepsrol,
    Lid,
    Partij,
    Werkgroep,
)

MINIMUM_BIJEENKOMSTEN = 3
MINIMUM_COMMUNICATIES = 2
TELLENDE_BIJEENKOMSTEN = (Bijeenkomst.Soort.WERKGROEP, Bijeenkomst.Soort.KICK_OFF)
ONDERNEMERS = (Partij.Soort.ONDERNEMERSVERENIGING, Partij.Soort.BELANGENBEHARTIGER)


@dataclass(frozen=True)
class VerplichtePartij:
    sleutel: str
    label: str
    soorten: tuple[str, ...]


VERPLICHTE_PARTIJEN = (
    VerplichtePartij("ondernemers", "ondernemers (ondernemersvereniging of belangenbehartiger)", ONDERNEMERS),
    VerplichtePartij("gemeente", "gemeente", (Partij.Soort.GEMEENTE,)),
    VerplichtePartij("politie", "politie", (Partij.Soort.POLITIE,)),
    VerplichtePartij("brandweer", "brandweer (veiligheidsregio)", (Partij.Soort.BRANDWEER,)),
)


def verplichte_partijen_van(regeling) -> tuple[VerplichtePartij, ...]:
    """The mandatory parties of a scheme (``kvo.regelingen.Regeling.verplichte_partijen``): KVO-B asks
    all four, PVO the entrepreneurs, the municipality and the police."""
    return tuple(vp for vp in VERPLICHTE_PARTIJEN if vp.sleutel in regeling.verplichte_partijen)


# The roles §3.3 requires (chair, secretary, fixed persons for internal and external communication).
VERPLICHTE_ROLLEN = (
    Groepsrol.VOORZITTER,
    Groepsrol.SECRETARIS,
    Groepsrol.INTERNE_COMMUNICATIE,
    Groepsrol.EXTERNE_COMMUNICATIE,
)


@dataclass(frozen=True)
class PartijStand:
    partij: VerplichtePartij
    leden: list  # active members representing such a party

    @property
    def aanwezig(self) -> bool:
        return bool(self.leden)


# --- members and parties ---------------------------------------------------------------------


def _per_werkgroep(werkgroepen: Iterable[Werkgroep], rijen) -> dict[int, list]:
    """Rows grouped by their work group, every one of ``werkgroepen`` present (its rows' order kept)."""
    uit: dict[int, list] = {wg.pk: [] for wg in werkgroepen}
    for rij in rijen:
        uit[rij.werkgroep_id].append(rij)
    return uit


def leden(werkgroep: Werkgroep) -> list[Lid]:
    """Every member, former ones included, with their party and park (one query)."""
    return leden_per_werkgroep([werkgroep])[werkgroep.pk]


def leden_per_werkgroep(werkgroepen: Iterable[Werkgroep]) -> dict[int, list[Lid]]:
    """``leden`` of many work groups in one query, by work-group id (the readiness run of many)."""
    werkgroepen = list(werkgroepen)
    rijen = Lid.objects.filter(werkgroep__in=werkgroepen).select_related("partij", "terrein")
    return _per_werkgroep(werkgroepen, rijen.order_by("werkgroep_id", "naam", "pk"))


def actieve_leden(alle: Iterable[Lid], op: dt.date) -> list[Lid]:
    return [lid for lid in alle if lid.is_actief(op)]


def voormalige_leden(alle: Iterable[Lid], op: dt.date) -> list[Lid]:
    return [lid for lid in alle if lid.lid_tot is not None and lid.lid_tot < op]


def toekomstige_leden(alle: Iterable[Lid], op: dt.date) -> list[Lid]:
    return [lid for lid in alle if lid.lid_sinds is not None and lid.lid_sinds > op]


def partijen(werkgroep: Werkgroep) -> list[Partij]:
    return partijen_per_werkgroep([werkgroep])[werkgroep.pk]


def partijen_per_werkgroep(werkgroepen: Iterable[Werkgroep]) -> dict[int, list[Partij]]:
    werkgroepen = list(werkgroepen)
    rijen = Partij.objects.filter(werkgroep__in=werkgroepen).order_by("werkgroep_id", "naam", "pk")
    return _per_werkgroep(werkgroepen, rijen)


def partijen_stand(actief: Iterable[Lid]) -> list[PartijStand]:
    """Which mandatory parties (§3.2) an active member represents."""
    actief = list(actief)
    return [PartijStand(vp, [lid for lid in actief if lid.partij.soort in vp.soorten]) for vp in VERPLICHTE_PARTIJEN]


def rollen_stand(actief: Iterable[Lid]) -> dict[str, list[Lid]]:
    """Role → the active members holding it, for every role of ``Groepsrol``."""
    stand: dict[str, list[Lid]] = {r.value: [] for r in Groepsrol}
    for lid in actief:
        for rol in lid.rollen or []:
            if rol in stand:
                stand[rol].append(lid)
    return stand


def ondernemersorganisaties(alle_partijen: Iterable[Partij], op: dt.date) -> list[Partij]:
    """Entrepreneurs' associations and representing organisations that exist on ``op``."""
    return [p for p in alle_partijen if p.soort in ONDERNEMERS and (p.opgericht_op is None or p.opgericht_op <= op)]


def open_uitnodigingen(werkgroep: Werkgroep, nu) -> dict[int, object]:
    """Member id → their newest unused, unexpired invitation."""
    resultaat = {}
    for u in werkgroep.uitnodigingen.filter(geaccepteerd_op__isnull=True, geldig_tot__gt=nu).order_by("verstuurd_op"):
        resultaat[u.lid_id] = u
    return resultaat


def afspraken(werkgroep: Werkgroep) -> Afspraken | None:
    return afspraken_per_werkgroep([werkgroep])[werkgroep.pk]


def afspraken_per_werkgroep(werkgroepen: Iterable[Werkgroep]) -> dict[int, Afspraken | None]:
    """Each work group's agreements (one row per work group at most), or None."""
    werkgroepen = list(werkgroepen)
    uit: dict[int, Afspraken | None] = {wg.pk: None for wg in werkgroepen}
    for af in Afspraken.objects.filter(werkgroep__in=werkgroepen):
        uit[af.werkgroep_id] = af
    return uit


# --- meetings and communications -------------------------------------------------------------


def bijeenkomst_telt(b: Bijeenkomst) -> bool:
    """A work-group meeting counts toward the yearly minimum only with agenda and minutes archived."""
    return b.soort in TELLENDE_BIJEENKOMSTEN and bool((b.agenda or "").strip()) and bool((b.notulen or "").strip())


def bijeenkomst_reden(b: Bijeenkomst) -> str:
    """Why a meeting does not count ("" when it does)."""
    if b.soort not in TELLENDE_BIJEENKOMSTEN:
        return f"telt niet mee: {b.get_soort_display()} is geen werkgroepbijeenkomst"
    ontbreekt = [w for w, t in (("agenda", b.agenda), ("notulen", b.notulen)) if not (t or "").strip()]
    if ontbreekt:
        return f"telt niet mee: {' en '.join(ontbreekt)} ontbreek{'en' if len(ontbreekt) > 1 else 't'}"
    return ""


def bijeenkomsten(werkgroep: Werkgroep) -> list[Bijeenkomst]:
    return bijeenkomsten_per_werkgroep([werkgroep])[werkgroep.pk]


def bijeenkomsten_per_werkgroep(werkgroepen: Iterable[Werkgroep]) -> dict[int, list[Bijeenkomst]]:
    werkgroepen = list(werkgroepen)
    rijen = Bijeenkomst.objects.filter(werkgroep__in=werkgroepen).annotate(aantal_aanwezig=Count("aanwezigen"))
    return _per_werkgroep(werkgroepen, rijen.order_by("werkgroep_id", "-datum", "-pk"))


def communicaties(werkgroep: Werkgroep) -> list:
    return communicaties_per_werkgroep([werkgroep])[werkgroep.pk]


def communicaties_per_werkgroep(werkgroepen: Iterable[Werkgroep]) -> dict[int, list]:
    werkgroepen = list(werkgroepen)
    rijen = Communicatie.objects.filter(werkgroep__in=werkgroepen).order_by("werkgroep_id", "-datum", "-pk")
    return _per_werkgroep(werkgroepen, rijen)


@dataclass(frozen=True)
class JaarTelling:
    jaar: CyclusJaar
    aantal: int
    minimum: int
    lopend: bool

    @property
    def voldaan(self) -> bool:
        return self.aantal >= self.minimum

    @property
    def tekort(self) -> int:
        return max(0, self.minimum - self.aantal)


def per_jaar(
    items: Iterable, jaren: list[CyclusJaar], telt: Callable[[object], bool], minimum: int, op: dt.date
) -> list[JaarTelling]:
    items = [i for i in items if telt(i)]
    return [JaarTelling(j, sum(1 for i in items if j.bevat(i.datum)), minimum, j.bevat(op)) for j in jaren]


# --- documents --------------------------------------------------------------------------------


def documenten(werkgroep: Werkgroep) -> list[Document]:
    """Documents with their versions, newest version first (two queries)."""
    versies = DocumentVersie.objects.select_related("geupload_door").order_by("-versie")
    return list(werkgroep.documenten.prefetch_related(Prefetch("versies", queryset=versies)).order_by("titel", "pk"))


def documenten_verlopen(alle: Iterable[Document], op: dt.date) -> list[Document]:
    """Documents past their retention date: listed for review, never deleted silently."""
    return [d for d in alle if d.bewaren_tot is not None and d.bewaren_tot < op]


def logregels(werkgroep, *, limiet: int) -> list:
    """The newest log lines with who did it, in one query."""
    return list(werkgroep.logregels.select_related("actor").order_by("-tijdstip", "-pk")[:limiet])


@dataclass(frozen=True)
class Wijzigingen:
    """How many records of one kind one person created, changed or deleted on one day."""

    dag: dt.date
    door: str
    soort: str
    wat: str
    aantal: int


def wijzigingen_per_dag(werkgroep, *, limiet: int) -> list[Wijzigingen]:
    """The change history summarised for the log: two queries (the counts, the people's names)."""
    rijen = geschiedenis.samenvatting(werkgroep, limiet=limiet)
    ids = {r["history_user_id"] for r in rijen if r["history_user_id"]}
    namen = {u.pk: str(u) for u in get_user_model().objects.filter(pk__in=ids)}
    return [
        Wijzigingen(
            r["dag"], namen.get(r["history_user_id"], "systeem of import"), geschiedenis.soort_label(r["recordsoort"]),
            str(geschiedenis.SOORTEN.get(r["history_type"], r["history_type"])), r["aantal"],
        )
        for r in rijen
    ]  # fmt: skip
