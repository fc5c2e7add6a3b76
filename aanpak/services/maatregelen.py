"""Measures of the matrix (§4.2.4): write with a version check, set quarters, take up inspection
points and improvement points, record progress (§4.3.1).

Two members saving the same measure: the form carries the version it was read at; the update
only succeeds on that version, so the second save gets ``Conflict`` with the stored version
instead of silently overwriting the first.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max

from aanpak import kwartalen
from aanpak.models import Maatregel, Plan, Voortgang
from aanpak.services.plan import controleer_schrijfbaar
from kvo.geschiedenis import vastleggen
from werkgroepen.logboek import log_actie

VELDEN = (
    "titel",
    "soort",
    "doelstelling",
    "verantwoordelijke",
    "kwartalen",
    "benodigde_tijd",
    "deskundigheid",
    "voortgangsmeting",
    "status",
    "uitgevoerd_op",
    "wijziging_reden",
    "integraal",
)


class Conflict(Exception):
    """Someone else saved the measure since it was read; ``opgeslagen`` is the stored version."""

    def __init__(self, opgeslagen: Maatregel):
        super().__init__("Iemand anders heeft deze maatregel intussen gewijzigd.")
        self.opgeslagen = opgeslagen


def _log(plan, actor, actie, omschrijving, **gegevens):
    log_actie(werkgroep=plan.werkgroep, actor=actor, actie=actie, omschrijving=omschrijving, **gegevens)


def _controleer(plan: Plan, g: dict, maatregel: Maatregel | None) -> None:
    fouten = []
    codes = {k.code: k for k in kwartalen.van_cyclus(plan.cyclus.start)}
    buiten = [k for k in g.get("kwartalen") or [] if k not in codes]
    if buiten:
        fouten.append(f"Kwartalen: {', '.join(buiten)} valt buiten de cyclus; kies kwartalen uit de matrix.")
    if maatregel is not None and maatregel.is_vast:
        if g.get("soort", maatregel.soort) != maatregel.soort:
            fouten.append("Een vaste jaarlijkse maatregel houdt zijn soort.")
        if g.get("status") == Maatregel.Status.VERVALLEN:
            fouten.append(
                "Een vaste jaarlijkse maatregel (§4.2.5) kan niet vervallen; plan hem binnen zijn jaar opnieuw in."
            )
        andere = [k for k in g.get("kwartalen") or [] if k in codes and codes[k].jaar != maatregel.jaar]
        if maatregel.jaar and andere:
            fouten.append(
                f"Kwartalen: een vaste maatregel van jaar {maatregel.jaar} blijft in dat jaar; "
                f"{', '.join(andere)} hoort bij een ander jaar van de cyclus."
            )
    elif str(g.get("soort", "")).startswith("vast-"):
        fouten.append("Vaste jaarlijkse maatregelen maakt de applicatie zelf; kies een andere soort.")
    if g.get("status") == Maatregel.Status.UITGEVOERD and not g.get("uitgevoerd_op"):
        fouten.append("Uitgevoerd op: vul de datum in waarop de maatregel is uitgevoerd.")
    if g.get("uitgevoerd_op") and g["uitgevoerd_op"] > dt.date.today() + dt.timedelta(days=1):
        fouten.append("Uitgevoerd op: die datum ligt in de toekomst.")
    if g.get("status") == Maatregel.Status.VERVALLEN and not (g.get("wijziging_reden") or "").strip():
        fouten.append("Reden: schrijf op waarom de maatregel vervalt (de auditor vraagt ernaar).")
    doel = g.get("doelstelling")
    if doel is not None and doel.plan_id != plan.pk:
        fouten.append("Kies een doelstelling van dit plan.")
    partij = g.get("verantwoordelijke")
    if partij is not None and partij.werkgroep_id != plan.werkgroep_id:
        fouten.append("Kies een partij van deze werkgroep.")
    if fouten:
        raise ValidationError(fouten)


def _normaal(g: dict) -> dict:
    uit = {v: g[v] for v in VELDEN if v in g}
    if "kwartalen" in uit:
        uit["kwartalen"] = sorted(set(uit["kwartalen"]))
    if uit.get("status") != Maatregel.Status.UITGEVOERD and "status" in uit:
        uit["uitgevoerd_op"] = None
    for veld in ("benodigde_tijd", "voortgangsmeting", "wijziging_reden", "deskundigheid"):
        if veld in uit and not uit[veld]:
            uit[veld] = None
    return uit


@transaction.atomic
def maatregel_maak(*, actor, plan: Plan, gegevens: dict, **bron) -> Maatregel:
    controleer_schrijfbaar(plan)
    _controleer(plan, gegevens, None)
    volgorde = (plan.maatregelen.filter(volgorde__lt=10000).aggregate(m=Max("volgorde"))["m"] or 0) + 1
    maatregel = Maatregel(plan=plan, volgorde=volgorde, **_normaal(gegevens), **bron)
    maatregel.save()
    _log(plan, actor, "maatregel.nieuw", f"Maatregel toegevoegd: {maatregel.titel}", maatregel=maatregel.pk)
    return maatregel


@transaction.atomic
def maatregel_bewaar(*, actor, maatregel: Maatregel, gegevens: dict, versie: int) -> Maatregel:
    """Save ``gegevens`` if the measure is still at ``versie``; else raise ``Conflict``."""
    plan = maatregel.plan
    controleer_schrijfbaar(plan)
    _controleer(plan, gegevens, maatregel)
    velden = _normaal(gegevens)
    gewijzigd = Maatregel.objects.filter(pk=maatregel.pk, versie=versie).update(**velden, versie=F("versie") + 1)
    if not gewijzigd:
        raise Conflict(Maatregel.objects.select_related("verantwoordelijke", "doelstelling").get(pk=maatregel.pk))
    vastleggen([Maatregel.objects.get(pk=maatregel.pk)], plan.werkgroep_id, actor=actor)  # update() records nothing
    maatregel.refresh_from_db()
    _log(plan, actor, "maatregel.gewijzigd", f"Maatregel gewijzigd: {maatregel.titel}", maatregel=maatregel.pk)
    return maatregel


@transaction.atomic
def kwartaal_zet(*, actor, maatregel: Maatregel, kwartaal: str, aan: bool) -> Maatregel:
    """Plan (``aan``) or unplan one quarter: idempotent, so a double click or a resubmitted form
    never flips it back; taken under a row lock, so two members clicking never lose a quarter."""
    plan = maatregel.plan
    controleer_schrijfbaar(plan)
    maatregel = Maatregel.objects.select_for_update().get(pk=maatregel.pk)
    nieuw = set(maatregel.kwartalen) | {kwartaal} if aan else set(maatregel.kwartalen) - {kwartaal}
    if maatregel.is_vast and not nieuw:
        raise ValidationError("Een vaste jaarlijkse maatregel houdt minstens één kwartaal in zijn jaar.")
    _controleer(plan, {"kwartalen": sorted(nieuw), "soort": maatregel.soort}, maatregel)
    if nieuw != set(maatregel.kwartalen):
        maatregel.kwartalen = sorted(nieuw)
        maatregel.versie += 1
        maatregel.save(update_fields=["kwartalen", "versie"])
        wat = "gepland in" if aan else "niet meer gepland in"
        _log(plan, actor, "maatregel.kwartaal", f"{maatregel.titel}: {wat} {kwartaal}", maatregel=maatregel.pk)
    maatregel.plan = plan
    return maatregel


@transaction.atomic
def maatregel_verwijder(*, actor, maatregel: Maatregel) -> None:
    controleer_schrijfbaar(maatregel.plan)
    if maatregel.is_vast:
        raise ValidationError(
            "Vaste jaarlijkse maatregelen (§4.2.5) horen in elk plan en kunnen niet worden verwijderd; "
            "plan ze binnen hun jaar opnieuw in."
        )
    titel = maatregel.titel
    maatregel.delete()
    _log(maatregel.plan, actor, "maatregel.verwijderd", f"Maatregel verwijderd: {titel}")


@transaction.atomic
def schouwpunt_neem_over(*, actor, plan: Plan, punt) -> Maatregel:
    """An inspection point that recurs or needs another approach becomes a measure (``pva.schouwpunten``),
    keeping the link to the point (and so its photo)."""
    controleer_schrijfbaar(plan)
    if punt.schouw.werkgroep_id != plan.werkgroep_id:
        raise ValidationError("Dit schouwpunt hoort niet bij deze werkgroep.")
    bestaand = plan.maatregelen.filter(schouwpunt=punt).first()
    if bestaand is not None:
        return bestaand
    titel = (punt.actie or punt.bevinding or punt.locatie or f"Schouwpunt {punt.nummer}").strip()
    return maatregel_maak(
        actor=actor,
        plan=plan,
        gegevens={
            "titel": titel[:300],
            "soort": Maatregel.Soort.SCHOUWPUNT,
            "verantwoordelijke": punt.wie,
            "kwartalen": [],
        },
        schouwpunt=punt,
    )


@transaction.atomic
def verbeterpunt_neem_over(*, actor, plan: Plan, evaluatie, index: int) -> Maatregel:
    """An improvement point of an evaluation becomes a measure, once."""
    controleer_schrijfbaar(plan)
    try:
        tekst = evaluatie.verbeterpunten[index]
    except (IndexError, TypeError):
        raise ValidationError("Dit verbeterpunt bestaat niet (meer).") from None
    bestaand = plan.maatregelen.filter(bron_evaluatie=evaluatie, titel=tekst[:300]).first()
    if bestaand is not None:
        return bestaand
    return maatregel_maak(
        actor=actor,
        plan=plan,
        gegevens={"titel": tekst[:300], "soort": Maatregel.Soort.REGULIER, "kwartalen": []},
        bron_evaluatie=evaluatie,
    )


@transaction.atomic
def maatregel_neem_over_uit_bibliotheek(
    *, actor, plan: Plan, titel: str, thema: str, soort: str = Maatregel.Soort.REGULIER
) -> Maatregel:
    """A measure of the library becomes the group's own, editable measure: the title only (nothing
    else travels between groups), linked to the plan's first goal of the same theme, if any."""
    controleer_schrijfbaar(plan)
    titel = " ".join((titel or "").split())[:300]
    if not titel:
        raise ValidationError("Kies een maatregel uit de bibliotheek.")
    if soort not in (Maatregel.Soort.REGULIER, Maatregel.Soort.COMMUNICATIE):
        soort = Maatregel.Soort.REGULIER
    doel = plan.doelstellingen.filter(thema=thema).order_by("volgorde", "pk").first() if thema else None
    maatregel = maatregel_maak(
        actor=actor,
        plan=plan,
        gegevens={"titel": titel, "soort": soort, "doelstelling": doel, "kwartalen": []},
    )
    _log(plan, actor, "maatregel.bibliotheek", f"Overgenomen uit de bibliotheek: {titel}", maatregel=maatregel.pk)
    return maatregel


@transaction.atomic
def voortgang_voeg_toe(*, actor, maatregel: Maatregel, datum, tekst: str, bijeenkomst=None, status=None, lid=None):
    """A progress note (§4.3.1), optionally recorded at a meeting, optionally with a new status."""
    plan = maatregel.plan
    controleer_schrijfbaar(plan)
    if bijeenkomst is not None and bijeenkomst.werkgroep_id != plan.werkgroep_id:
        raise ValidationError("Kies een bijeenkomst van deze werkgroep.")
    if not (tekst or "").strip():
        raise ValidationError("Voortgang: schrijf op wat er is gebeurd.")
    notitie = Voortgang.objects.create(
        maatregel=maatregel,
        datum=datum,
        tekst=tekst.strip(),
        auteur=actor if getattr(actor, "is_authenticated", False) else None,
        auteur_naam=lid.naam if lid is not None else (getattr(actor, "email", "") or "")[:200],
        bijeenkomst=bijeenkomst,
    )
    if status and status != maatregel.status:
        velden = {"status": status}
        if status == Maatregel.Status.UITGEVOERD:
            velden["uitgevoerd_op"] = datum
        Maatregel.objects.filter(pk=maatregel.pk).update(**velden, versie=F("versie") + 1)
        vastleggen([Maatregel.objects.get(pk=maatregel.pk)], plan.werkgroep_id, actor=actor)
    _log(plan, actor, "maatregel.voortgang", f"Voortgang bij {maatregel.titel}", maatregel=maatregel.pk)
    return notitie
