"""Parties and members (§3.2, §3.3). History is kept: a member who leaves gets ``lid_tot``."""

from __future__ import annotations

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from werkgroepen.logboek import log_actie
from werkgroepen.models import Groepsrol, Lid, Partij, Werkgroep

log = logging.getLogger("kvo.werkgroepen")


def _schoon(tekst: str | None) -> str:
    return " ".join((tekst or "").split())


def _naam(naam: str, wat: str) -> str:
    naam = _schoon(naam)
    if not naam:
        raise ValidationError(f"Vul de naam van {wat} in.")
    return naam


@transaction.atomic
def partij_maak(*, actor, werkgroep: Werkgroep, naam: str, soort: str, opgericht_op: dt.date | None = None) -> Partij:
    if soort not in Partij.Soort.values:
        raise ValidationError("Kies de soort partij.")
    partij = Partij.objects.create(
        werkgroep=werkgroep, naam=_naam(naam, "de partij"), soort=soort, opgericht_op=opgericht_op
    )
    log_actie(
        werkgroep=werkgroep,
        actor=actor,
        actie="partij.toegevoegd",
        omschrijving=f"Partij {partij.naam} toegevoegd",
        partij=partij.pk,
    )
    return partij


@transaction.atomic
def partij_wijzig(*, actor, partij: Partij, naam: str, soort: str, opgericht_op: dt.date | None = None) -> Partij:
    if soort not in Partij.Soort.values:
        raise ValidationError("Kies de soort partij.")
    partij.naam = _naam(naam, "de partij")
    partij.soort = soort
    partij.opgericht_op = opgericht_op
    partij.save(update_fields=["naam", "soort", "opgericht_op"])
    log_actie(
        werkgroep=partij.werkgroep,
        actor=actor,
        actie="partij.gewijzigd",
        omschrijving=f"Partij {partij.naam} gewijzigd",
        partij=partij.pk,
    )
    return partij


def _lid_velden(
    werkgroep: Werkgroep, *, naam, partij, terrein, email, telefoon, rollen, agendalid, lid_sinds, lid_tot
) -> dict:
    """Validate a member's fields and return them cleaned, for creating and for changing alike."""
    if partij is None or partij.werkgroep_id != werkgroep.pk:
        raise ValidationError("Kies de partij die dit lid vertegenwoordigt.")
    if terrein is not None and terrein.werkgroep_id != werkgroep.pk:
        raise ValidationError("Dit bedrijventerrein hoort niet bij deze werkgroep.")
    onbekend = [r for r in rollen or [] if r not in Groepsrol.values]
    if onbekend:
        raise ValidationError(f"Onbekende rol: {', '.join(onbekend)}.")
    if lid_sinds and lid_tot and lid_tot < lid_sinds:
        raise ValidationError("De datum 'lid tot' ligt vóór 'lid sinds'.")
    return {
        "naam": _naam(naam, "het lid"),
        "partij": partij,
        "terrein": terrein,
        "email": (email or "").strip().lower() or None,
        "telefoon": _schoon(telefoon) or None,
        "rollen": [r for r in Groepsrol.values if r in (rollen or [])],  # a stable order, no duplicates
        "agendalid": agendalid,
        "lid_sinds": lid_sinds,
        "lid_tot": lid_tot,
    }


@transaction.atomic
def lid_maak(
    *,
    actor,
    werkgroep: Werkgroep,
    naam: str,
    partij: Partij,
    terrein=None,
    email: str | None = None,
    telefoon: str | None = None,
    rollen: list[str] | None = None,
    agendalid: bool = False,
    lid_sinds: dt.date | None = None,
    lid_tot: dt.date | None = None,
) -> Lid:
    velden = _lid_velden(
        werkgroep,
        naam=naam,
        partij=partij,
        terrein=terrein,
        email=email,
        telefoon=telefoon,
        rollen=rollen,
        agendalid=agendalid,
        lid_sinds=lid_sinds or timezone.localdate(),
        lid_tot=lid_tot,
    )
    lid = Lid.objects.create(werkgroep=werkgroep, **velden)
    log_actie(
        werkgroep=werkgroep,
        actor=actor,
        actie="lid.toegevoegd",
        omschrijving=f"Lid {lid.naam} toegevoegd namens {partij.naam}",
        lid=lid.pk,
    )
    return lid


@transaction.atomic
def lid_wijzig(
    *,
    actor,
    lid: Lid,
    naam: str,
    partij: Partij,
    terrein=None,
    email: str | None = None,
    telefoon: str | None = None,
    rollen: list[str] | None = None,
    agendalid: bool = False,
    lid_sinds: dt.date | None = None,
    lid_tot: dt.date | None = None,
) -> Lid:
    velden = _lid_velden(
        lid.werkgroep,
        naam=naam,
        partij=partij,
        terrein=terrein,
        email=email,
        telefoon=telefoon,
        rollen=rollen,
        agendalid=agendalid,
        lid_sinds=lid_sinds,
        lid_tot=lid_tot,
    )
    for veld, waarde in velden.items():
        setattr(lid, veld, waarde)
    lid.save()
    log_actie(
        werkgroep=lid.werkgroep,
        actor=actor,
        actie="lid.gewijzigd",
        omschrijving=f"Lid {lid.naam} gewijzigd",
        lid=lid.pk,
    )
    return lid


@transaction.atomic
def lid_beeindig(*, actor, lid: Lid, lid_tot: dt.date | None = None) -> Lid:
    """The member leaves: ``lid_tot`` is set, the row (and the history) stays."""
    lid_tot = lid_tot or timezone.localdate()
    if lid.lid_tot is not None and lid.lid_tot <= timezone.localdate():
        raise ValidationError(f"{lid.naam} is al geen lid meer (sinds {lid.lid_tot:%d-%m-%Y}).")
    if lid.lid_sinds and lid_tot < lid.lid_sinds:
        raise ValidationError("De einddatum ligt vóór de datum waarop het lidmaatschap begon.")
    lid.lid_tot = lid_tot
    lid.save(update_fields=["lid_tot"])
    log_actie(
        werkgroep=lid.werkgroep,
        actor=actor,
        actie="lid.beeindigd",
        omschrijving=f"Lidmaatschap van {lid.naam} beëindigd per {lid_tot:%d-%m-%Y}",
        lid=lid.pk,
    )
    return lid
