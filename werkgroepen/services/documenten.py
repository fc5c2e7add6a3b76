"""The document archive (§3.6): versions, superseded versions kept and marked, retention period.

Nothing is deleted here: a newer version supersedes the old one (which stays downloadable, struck
through), and documents past their retention date are listed for review, not removed.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from kvo.toets import plus_jaren
from werkgroepen.logboek import log_actie
from werkgroepen.models import Afspraken, Document, DocumentVersie, Werkgroep
from werkgroepen.services.administratie import MINIMUM_BEWAARTERMIJN

log = logging.getLogger("kvo.werkgroepen")


def bewaartermijn_jaren(werkgroep: Werkgroep) -> int:
    """The work group's recorded retention period, never less than six years."""
    jaren = Afspraken.objects.filter(werkgroep=werkgroep).values_list("bewaartermijn_jaren", flat=True).first()
    return max(MINIMUM_BEWAARTERMIJN, jaren or 0)


def standaard_bewaren_tot(werkgroep: Werkgroep, geupload_op: dt.date) -> dt.date:
    return plus_jaren(geupload_op, bewaartermijn_jaren(werkgroep))


def _controleer_bewaren_tot(bewaren_tot: dt.date | None, geupload_op: dt.date) -> None:
    minimum = plus_jaren(geupload_op, MINIMUM_BEWAARTERMIJN)
    if bewaren_tot is not None and bewaren_tot < minimum:
        raise ValidationError(
            f"Bewaar een document minimaal {MINIMUM_BEWAARTERMIJN} jaar (§3.6): tot ten minste {minimum:%d-%m-%Y}."
        )


def _titel(titel: str) -> str:
    titel = " ".join((titel or "").split())
    if not titel:
        raise ValidationError("Vul de titel van het document in.")
    return titel


@transaction.atomic
def document_upload(
    *,
    actor,
    werkgroep: Werkgroep,
    titel: str,
    bestand,
    soort: str | None = None,
    toelichting: str | None = None,
    bewaren_tot: dt.date | None = None,
    geupload_op: dt.date | None = None,
) -> Document:
    """A new document with its first version."""
    if not bestand:
        raise ValidationError("Kies het bestand dat u wilt uploaden.")
    geupload_op = geupload_op or timezone.localdate()
    _controleer_bewaren_tot(bewaren_tot, geupload_op)
    document = Document.objects.create(
        werkgroep=werkgroep,
        titel=_titel(titel),
        soort=(soort or "").strip() or None,
        bewaren_tot=bewaren_tot or standaard_bewaren_tot(werkgroep, geupload_op),
    )
    DocumentVersie.objects.create(
        document=document,
        versie=1,
        bestand=bestand,
        geupload_op=geupload_op,
        geupload_door=actor if getattr(actor, "pk", None) else None,
        toelichting=(toelichting or "").strip() or None,
    )
    log_actie(
        werkgroep=werkgroep,
        actor=actor,
        actie="document.geupload",
        omschrijving=f"Document {document.titel} geüpload",
        document=document.pk,
    )
    return document


@transaction.atomic
def document_versie_upload(
    *, actor, document: Document, bestand, toelichting: str | None = None, geupload_op: dt.date | None = None
) -> DocumentVersie:
    """A newer version: it becomes the current one; earlier versions are superseded (kept)."""
    if not bestand:
        raise ValidationError("Kies het bestand van de nieuwe versie.")
    Document.objects.select_for_update().filter(pk=document.pk).first()
    geupload_op = geupload_op or timezone.localdate()
    hoogste = document.versies.aggregate(m=Max("versie"))["m"] or 0
    versie = DocumentVersie.objects.create(
        document=document,
        versie=hoogste + 1,
        bestand=bestand,
        geupload_op=geupload_op,
        geupload_door=actor if getattr(actor, "pk", None) else None,
        toelichting=(toelichting or "").strip() or None,
    )
    # The whole history is kept for the retention period, counted from the newest upload.
    nieuw_tot = standaard_bewaren_tot(document.werkgroep, geupload_op)
    if document.bewaren_tot is None or document.bewaren_tot < nieuw_tot:
        document.bewaren_tot = nieuw_tot
        document.save(update_fields=["bewaren_tot"])
    log_actie(
        werkgroep=document.werkgroep,
        actor=actor,
        actie="document.nieuwe_versie",
        omschrijving=f"Versie {versie.versie} van {document.titel} geüpload; eerdere versies vervallen",
        document=document.pk,
        versie=versie.versie,
    )
    return versie


@transaction.atomic
def document_bewaartermijn_wijzig(*, actor, document: Document, bewaren_tot: dt.date) -> Document:
    """After review: keep the document longer (never shorter than six years after its last upload)."""
    laatste = document.versies.aggregate(m=Max("geupload_op"))["m"] or timezone.localdate()
    _controleer_bewaren_tot(bewaren_tot, laatste)
    document.bewaren_tot = bewaren_tot
    document.save(update_fields=["bewaren_tot"])
    log_actie(
        werkgroep=document.werkgroep,
        actor=actor,
        actie="document.bewaartermijn",
        omschrijving=f"Bewaren tot van {document.titel} gezet op {bewaren_tot:%d-%m-%Y}",
        document=document.pk,
    )
    return document
