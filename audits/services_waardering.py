"""Writes for PVO's waardering (pvo.md ``pvo.waardering``): plan it, record the meeting and the
confirmations, and the signatory of every participating organisation.

One waardering per PVO cycle (the set-up cycle's first year ends in it). Keyword-only, validated,
one transaction, logged.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from audits.models import Ondertekenaar, Waardering
from kvo.regelingen import regeling_van
from werkgroepen.logboek import log_actie
from werkgroepen.models import Bijeenkomst, Cyclus, Partij


def _log(waardering: Waardering, actor, actie: str, omschrijving: str) -> None:
    log_actie(
        werkgroep=waardering.werkgroep, actor=actor, actie=actie, omschrijving=omschrijving, waardering=waardering.pk
    )


@transaction.atomic
def waardering_plan(*, actor, cyclus: Cyclus, gepland_op: dt.date | None) -> Waardering:
    """Plan the waardering of a PVO cycle (created on first call)."""
    if not regeling_van(cyclus).heeft_waardering:
        raise ValidationError("Een waardering hoort bij PVO Veilig Bedrijventerrein; deze cyclus eindigt in een audit.")
    waardering, _ = Waardering.objects.select_for_update().get_or_create(
        cyclus=cyclus, defaults={"werkgroep_id": cyclus.werkgroep_id}
    )
    waardering.gepland_op = gepland_op
    waardering.save(update_fields=["gepland_op"])
    _log(
        waardering,
        actor,
        "waardering.gepland",
        f"Waardering gepland op {gepland_op:%d-%m-%Y}" if gepland_op else "Datum van de waardering gewist",
    )
    return waardering


@transaction.atomic
def waardering_leg_vast(
    *,
    actor,
    waardering: Waardering,
    gehouden_op: dt.date | None,
    bijeenkomst: Bijeenkomst | None = None,
    continuiteit_bevestigd: bool = False,
    capaciteit_bevestigd: bool = False,
    uitgereikt_op: dt.date | None = None,
    persbericht_op: dt.date | None = None,
) -> Waardering:
    """Record the waardering as held: its meeting with the stakeholders (a meeting of the kind
    "waardering"), the continuity and committed capacity confirmed, the day every member and
    signatory received it."""
    fouten = []
    if bijeenkomst is not None and gehouden_op is None:
        gehouden_op = bijeenkomst.datum  # held on the day of its meeting
    if bijeenkomst is not None:
        if bijeenkomst.werkgroep_id != waardering.werkgroep_id:
            fouten.append("Kies een bijeenkomst van deze werkgroep.")
        elif gehouden_op is not None and bijeenkomst.datum != gehouden_op:
            fouten.append(
                f"De bijeenkomst van {bijeenkomst.datum:%d-%m-%Y} is niet op de dag van de waardering "
                f"({gehouden_op:%d-%m-%Y})."
            )
    if uitgereikt_op is not None and (gehouden_op is None or uitgereikt_op < gehouden_op):
        fouten.append("De waardering kan pas na de bijeenkomst worden uitgereikt.")
    if fouten:
        raise ValidationError(fouten)
    waardering.gehouden_op = gehouden_op
    waardering.bijeenkomst = bijeenkomst
    waardering.continuiteit_bevestigd = continuiteit_bevestigd
    waardering.capaciteit_bevestigd = capaciteit_bevestigd
    waardering.uitgereikt_op = uitgereikt_op
    waardering.persbericht_op = persbericht_op
    waardering.save()
    _log(
        waardering,
        actor,
        "waardering.vastgelegd",
        f"Waardering gehouden op {gehouden_op:%d-%m-%Y}" if gehouden_op else "Waardering: nog niet gehouden",
    )
    return waardering


@transaction.atomic
def ondertekenaar_leg_vast(
    *,
    actor,
    waardering: Waardering,
    partij: Partij,
    naam: str,
    functie: str = "",
    getekend_op: dt.date | None = None,
) -> Ondertekenaar:
    """The authorised signatory of ``partij`` on the waardering (one per organisation; saving again
    replaces it)."""
    if partij.werkgroep_id != waardering.werkgroep_id:
        raise ValidationError("Kies een partij van deze werkgroep.")
    naam, functie = (naam or "").strip(), (functie or "").strip()
    if not naam:
        raise ValidationError("Vul de naam van de tekenbevoegde in.")
    if len(naam) > 200 or len(functie) > 200:
        raise ValidationError("Naam en functie hebben elk hoogstens 200 tekens.")
    ondertekenaar, _ = Ondertekenaar.objects.update_or_create(
        waardering=waardering, partij=partij, defaults={"naam": naam, "functie": functie, "getekend_op": getekend_op}
    )
    getekend = f", getekend op {getekend_op:%d-%m-%Y}" if getekend_op else ""
    _log(waardering, actor, "waardering.ondertekenaar", f"Tekenbevoegde van {partij.naam}: {naam}{getekend}")
    return ondertekenaar


@transaction.atomic
def ondertekenaar_verwijder(*, actor, ondertekenaar: Ondertekenaar) -> None:
    waardering, naam = ondertekenaar.waardering, ondertekenaar.naam
    ondertekenaar.delete()
    _log(waardering, actor, "waardering.ondertekenaar_verwijderd", f"Tekenbevoegde {naam} verwijderd")
