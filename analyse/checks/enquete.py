"""Readiness checks of the survey's content (§4.1.1): the minimum blocks, the open questions, one
survey for every park of a cluster. The builder shows the same numbers live (``dekking_van``).

Status: no survey → ``open``; a draft that does not meet a rule yet → ``open`` (it can still be
fixed); a sent survey that misses it → ``niet_voldaan``; met → ``voldaan``.
"""

from __future__ import annotations

from django.db.models import Count, F, Q, Value

from analyse import catalogus
from analyse.selectors.enquete import dekking_van, dekkingen_van, enquetes_van, korte_naam
from analyse.selectors.resultaten import reacties_per_terrein
from gebieden.models import Bedrijventerrein
from kvo.toets import Status, ToetsContext, Uitkomst, cycli_van, eis, gedeeld, per_context, per_werkgroep

IDS = ("enquete.minimum-blokken", "enquete.open-vragen", "enquete.cluster-gelijk")
GEEN_CYCLUS = "Er is nog geen cyclus gestart; de enquête hoort bij een cyclus."
CONCEPT = " De enquête is nog een concept en kan nog worden aangepast."


def _url(ctx: ToetsContext) -> str:
    return ctx.url("analyse:enquete")


# --- loaders (one query for all contexts of a run) -------------------------------------------


@gedeeld("analyse.enquete.bouwer", leest=("enquete",))
def _enquete(contexten: list[ToetsContext]) -> list:
    """The survey of each context's cycle, or None."""
    enquetes = enquetes_van(cycli_van(contexten))
    return per_context(contexten, enquetes)


@gedeeld("analyse.enquete.dekking", leest=("enquete",))
def _dekking(contexten: list[ToetsContext]) -> list:
    """The survey's coverage of the minima (``dekking_van``); without a survey that of none."""
    enquetes = [e for e in map(_enquete, contexten) if e is not None]
    dekkingen = dekkingen_van(enquetes)
    return [dekkingen[e.pk] if (e := _enquete(c)) is not None else dekking_van(None) for c in contexten]


@gedeeld("analyse.enquete.reacties", leest=("reacties",))
def _reacties(contexten: list[ToetsContext]) -> list:
    """The responses to the cycle's survey per park (by the park's id); empty without any."""
    reacties = reacties_per_terrein(cycli_van(contexten))
    return per_context(contexten, reacties, dict)


@gedeeld("analyse.enquete.terreinen", leest=("gebied", "uitnodiging", "enquete"))
def _terreinen(contexten: list[ToetsContext]) -> list:
    """The work group's parks (by name) with their entrepreneurs and those invited to the cycle's survey."""
    cycli = cycli_van(contexten)
    uitgenodigd = (
        Count(
            "ondernemers__enquete_uitnodigingen",
            filter=Q(
                ondernemers__enquete_uitnodigingen__enquete__cyclus__in=cycli,
                # the cycle of this park's own work group (each work group has one cycle in the run)
                ondernemers__enquete_uitnodigingen__enquete__cyclus__werkgroep=F("werkgroep"),
            ),
            distinct=True,
        )
        if cycli
        else Value(0)
    )
    rijen = (
        Bedrijventerrein.objects.filter(werkgroep__in=[c.werkgroep for c in contexten])
        .annotate(aantal_ondernemers=Count("ondernemers", distinct=True), aantal_uitgenodigd=uitgenodigd)
        .order_by("werkgroep_id", "naam", "pk")
    )
    return per_werkgroep(contexten, rijen)


def _geen_enquete(ctx: ToetsContext) -> Uitkomst | None:
    if ctx.cyclus is None:
        return Uitkomst(Status.OPEN, GEEN_CYCLUS, _url(ctx))
    if _enquete(ctx) is None:
        return Uitkomst(Status.OPEN, f"Er is nog geen enquête opgezet voor cyclus {ctx.cyclus.nummer}.", _url(ctx))
    return None


def _niet_of_open(enquete, tekst: str, url: str) -> Uitkomst:
    if enquete.is_verstuurd:
        return Uitkomst(Status.NIET_VOLDAAN, f"{tekst} De enquête is verstuurd op {enquete.geopend_op:%d-%m-%Y}.", url)
    return Uitkomst(Status.OPEN, tekst + CONCEPT, url)


@eis("enquete.minimum-blokken")
def check_minimum_blokken(ctx: ToetsContext) -> Uitkomst:
    if uitkomst := _geen_enquete(ctx):
        return uitkomst
    dekking = _dekking(ctx)
    stand = "; ".join(f"{korte_naam(d.thema.sleutel)} {d.aantal}/{d.thema.minimum}" for d in dekking.themas)
    kop = f"{dekking.totaal} van minimaal {dekking.minimum_totaal} blokken"
    if dekking.minimum_voldaan:
        return Uitkomst(Status.VOLDAAN, f"{kop}; {stand}.", _url(ctx))
    tekort = ", ".join(
        f"{korte_naam(d.thema.sleutel)} {d.aantal}/{d.thema.minimum} ({d.tekort} te weinig)" for d in dekking.tekorten
    )
    return _niet_of_open(_enquete(ctx), f"{kop}; tekort bij {tekort}.", _url(ctx))


@eis("enquete.open-vragen")
def check_open_vragen(ctx: ToetsContext) -> Uitkomst:
    if uitkomst := _geen_enquete(ctx):
        return uitkomst
    dekking = _dekking(ctx)
    ontbreekt = dekking.ontbrekende_open_vragen
    if not ontbreekt:
        return Uitkomst(Status.VOLDAAN, "De open vragen 16, 23 en 33 staan in de enquête.", _url(ctx))
    namen = ", ".join(f"{b} ({korte_naam(catalogus.thema_van_blok(b))})" for b in ontbreekt)
    aanwezig = len(catalogus.OPEN_BLOKKEN) - len(ontbreekt)
    tekst = f"{aanwezig} van de 3 verplichte open vragen staan in de enquête; ontbreekt: open vraag {namen}."
    return _niet_of_open(_enquete(ctx), tekst, _url(ctx))


@eis("enquete.cluster-gelijk")
def check_cluster_gelijk(ctx: ToetsContext) -> Uitkomst:
    terreinen = _terreinen(ctx)
    if not terreinen:
        return Uitkomst(Status.OPEN, "Er is nog geen bedrijventerrein vastgelegd.", _url(ctx))
    if len(terreinen) == 1:
        return Uitkomst(
            Status.NVT, f"Het gebied is één bedrijventerrein ({terreinen[0].naam}), geen cluster.", _url(ctx)
        )
    if uitkomst := _geen_enquete(ctx):
        return uitkomst
    enquete = _enquete(ctx)
    if not enquete.is_verstuurd:
        return Uitkomst(
            Status.OPEN,
            f"De enquête is nog niet verstuurd. Er is één enquête per cyclus, dus alle {len(terreinen)} "
            "terreinen van het cluster krijgen dezelfde vragen zodra de uitnodigingen uitgaan.",
            _url(ctx),
        )
    met_ondernemers = [t for t in terreinen if t.aantal_ondernemers]
    zonder = [t for t in met_ondernemers if not t.aantal_uitgenodigd]
    stand = "; ".join(f"{t.naam}: {t.aantal_uitgenodigd} van {t.aantal_ondernemers}" for t in met_ondernemers)
    if zonder:
        namen = ", ".join(f"{t.naam} ({t.aantal_ondernemers} ondernemers)" for t in zonder)
        return Uitkomst(
            Status.NIET_VOLDAAN,
            f"De enquête is verstuurd op {enquete.geopend_op:%d-%m-%Y}, maar niet naar elk terrein van het "
            f"cluster: geen uitnodigingen op {namen}. Uitgenodigd per terrein — {stand}.",
            _url(ctx),
        )
    if not met_ondernemers:
        return Uitkomst(Status.OPEN, "Er zijn nog geen ondernemers geregistreerd op de terreinen.", _url(ctx))
    return Uitkomst(
        Status.VOLDAAN,
        f"Eén enquête voor alle {len(met_ondernemers)} terreinen met ondernemers, verstuurd op "
        f"{enquete.geopend_op:%d-%m-%Y}: dezelfde vragen voor iedereen. Uitgenodigd per terrein — {stand}.",
        _url(ctx),
    )
