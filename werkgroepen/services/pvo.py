"""Writes for PVO's partnership (pvo.md): the municipality's committed capacity, the optional
declaration of intent, who arranged a meeting (the kick-off), and the scheme a work group follows.

Keyword-only, validated, one transaction, logged — as every service of this app.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.db import transaction

from kvo.regelingen import REGELINGEN
from werkgroepen.logboek import log_actie
from werkgroepen.models import Bijeenkomst, Partij, Werkgroep

log = logging.getLogger("kvo.werkgroepen")


@transaction.atomic
def partij_leg_capaciteit_vast(
    *, actor, partij: Partij, toegezegde_capaciteit: str, toegezegd_op: dt.date | None = None
) -> Partij:
    """Record the (official) capacity a municipality commits to the partnership (``pvo.capaciteit``)."""
    if partij.soort != Partij.Soort.GEMEENTE:
        raise ValidationError("Alleen een gemeente legt toegezegde (ambtelijke) capaciteit vast.")
    tekst = (toegezegde_capaciteit or "").strip()
    if len(tekst) > Partij._meta.get_field("toegezegde_capaciteit").max_length:
        raise ValidationError("Beschrijf de capaciteit in hoogstens 300 tekens.")
    partij.toegezegde_capaciteit = tekst
    partij.capaciteit_toegezegd_op = toegezegd_op if tekst else None
    partij.save(update_fields=["toegezegde_capaciteit", "capaciteit_toegezegd_op"])
    log_actie(
        werkgroep=partij.werkgroep,
        actor=actor,
        actie="partij.capaciteit",
        omschrijving=f"Toegezegde capaciteit van {partij.naam} vastgelegd"
        if tekst
        else f"Capaciteit van {partij.naam} gewist",
        partij=partij.pk,
    )
    return partij


@transaction.atomic
def werkgroep_intentieverklaring_wijzig(
    *, actor, werkgroep: Werkgroep, getekend_op: dt.date | None, geen: bool = False
) -> Werkgroep:
    """The optional declaration of intent: the day it was signed, or that the group does without one
    (``pvo.intentieverklaring`` is then n.v.t.). The signed document itself goes into the archive
    with the kind "intentieverklaring"."""
    if geen and getekend_op is not None:
        raise ValidationError("Een getekende intentieverklaring en 'geen intentieverklaring' sluiten elkaar uit.")
    werkgroep.intentieverklaring_op = getekend_op
    werkgroep.geen_intentieverklaring = geen
    werkgroep.save(update_fields=["intentieverklaring_op", "geen_intentieverklaring"])
    if geen:
        omschrijving = "Vastgelegd: de samenwerking heeft geen intentieverklaring"
    elif getekend_op:
        omschrijving = f"Intentieverklaring getekend op {getekend_op:%d-%m-%Y}"
    else:
        omschrijving = "Intentieverklaring: datum gewist"
    log_actie(werkgroep=werkgroep, actor=actor, actie="werkgroep.intentieverklaring", omschrijving=omschrijving)
    return werkgroep


@transaction.atomic
def bijeenkomst_organisator_wijzig(*, actor, bijeenkomst: Bijeenkomst, partij: Partij | None) -> Bijeenkomst:
    """Who arranged the meeting (PVO: the municipality arranges the kick-off, ``pvo.kickoff``)."""
    if partij is not None and partij.werkgroep_id != bijeenkomst.werkgroep_id:
        raise ValidationError("Die partij hoort niet bij deze werkgroep.")
    bijeenkomst.georganiseerd_door = partij
    bijeenkomst.save(update_fields=["georganiseerd_door"])
    log_actie(
        werkgroep=bijeenkomst.werkgroep,
        actor=actor,
        actie="bijeenkomst.organisator",
        omschrijving=(
            f"Bijeenkomst van {bijeenkomst.datum:%d-%m-%Y} georganiseerd door {partij.naam if partij else 'onbekend'}"
        ),
        bijeenkomst=bijeenkomst.pk,
    )
    return bijeenkomst


@transaction.atomic
def werkgroep_kies_regeling(*, actor, werkgroep: Werkgroep, handboek: str) -> Werkgroep:
    """The scheme the work group follows from now on (``kvo.regelingen``). Its existing cycles keep
    the scheme they ran under; the next cycle (``cyclus_start``) gets this one. Moving a PVO group to
    KVO-B: this, then a new cycle."""
    if handboek not in REGELINGEN:
        raise ValidationError("Kies een regeling: KVO-B 4.0 of PVO Veilig Bedrijventerrein.")
    oud = werkgroep.handboek
    if oud == handboek:
        return werkgroep
    werkgroep.handboek = handboek
    werkgroep.save(update_fields=["handboek"])
    log_actie(
        werkgroep=werkgroep,
        actor=actor,
        actie="werkgroep.regeling",
        omschrijving=f"Regeling gewijzigd van {oud} naar {handboek}",
        van=oud,
        naar=handboek,
    )
    return werkgroep
