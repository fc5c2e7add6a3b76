"""Incident figures of the current cycle (§4.1.2): add, change, delete, import.

One set of rules for a figure (``valideer``), used by the form, the file import (which reports
them per column) and these services (which check again inside the transaction):

- the source, kind and sub-area are one of the model's choices;
- a category is a short text with at least one letter (2–120 characters);
- the period ends on or after its start, not after today, and does not start before 2000
  (a typo like 0024 for 2024);
- ``aantal`` and ``afgehandeld`` are whole numbers from 0 to ``MAX_AANTAL``; handled ≤ count;
- a park belongs to this work group;
- the same figure (source, kind, category, period, sub-area, park) is not recorded twice in a
  cycle: importing a file twice would double every count.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from analyse.cijferregels import LABELS, VELDEN, schone_categorie, sleutel_van, valideer
from analyse.importeren_cijfers import controleer
from analyse.models import Cijfer
from kvo.geschiedenis import bulk_maken
from werkgroepen.logboek import log_actie


def omschrijving(cijfer: Cijfer) -> str:
    aantal = "afgeschermd (klein aantal)" if cijfer.afgeschermd else cijfer.aantal
    buurt = f", {cijfer.gebiedsnaam or cijfer.gebiedscode}" if cijfer.gebiedscode else ""
    return (
        f"{cijfer.get_bron_display()}, {cijfer.categorie}{buurt}, "
        f"{cijfer.periode_van:%d-%m-%Y} t/m {cijfer.periode_tot:%d-%m-%Y}: {aantal}"
    )


def _vergrendel(cyclus) -> None:
    """Serialise writes of figures of one cycle (a row lock where the database has them)."""
    type(cyclus).objects.select_for_update().filter(pk=cyclus.pk).first()


def _vul(cijfer: Cijfer, *, werkgroep, gegevens: dict) -> None:
    gegevens = {**gegevens, "categorie": schone_categorie(gegevens.get("categorie"))}
    gegevens.setdefault("soort", Cijfer.Soort.MELDING)
    gegevens.setdefault("deelgebied", Cijfer.Deelgebied.BEDRIJVENTERREIN)
    for veld in ("bron", "categorie", "periode_van", "periode_tot", "aantal"):
        if gegevens.get(veld) in (None, ""):
            raise ValidationError(f"Vul het veld '{LABELS[veld]}' in.")
    fouten = valideer(werkgroep=werkgroep, vandaag=timezone.localdate(), **gegevens)
    if fouten:
        raise ValidationError(
            [f"{LABELS[veld].capitalize()}: {t}" for veld, teksten in fouten.items() for t in teksten]
        )
    for veld in VELDEN:
        setattr(cijfer, veld, gegevens.get(veld))


def _geen_dubbele(cijfer: Cijfer) -> None:
    eigen = sleutel_van(cijfer)
    andere = Cijfer.objects.filter(
        cyclus=cijfer.cyclus, bron=cijfer.bron, periode_van=cijfer.periode_van, periode_tot=cijfer.periode_tot
    ).exclude(pk=cijfer.pk)
    for ander in andere:
        if sleutel_van(ander) == eigen:
            raise ValidationError(
                f"Dit cijfer staat er al ({omschrijving(ander)}). Wijzig dat cijfer in plaats daarvan."
            )


@transaction.atomic
def cijfer_maak(*, actor, cyclus, **gegevens) -> Cijfer:
    """Record one figure in ``cyclus``; ``gegevens`` are the fields of ``VELDEN``."""
    _vergrendel(cyclus)
    cijfer = Cijfer(werkgroep=cyclus.werkgroep, cyclus=cyclus)
    _vul(cijfer, werkgroep=cyclus.werkgroep, gegevens=gegevens)
    _geen_dubbele(cijfer)
    cijfer.save()
    log_actie(
        werkgroep=cyclus.werkgroep,
        actor=actor,
        actie="cijfer.vastgelegd",
        omschrijving=f"Cijfer vastgelegd: {omschrijving(cijfer)}",
        cijfer=cijfer.pk,
    )
    return cijfer


@transaction.atomic
def cijfer_wijzig(*, actor, cijfer: Cijfer, **gegevens) -> Cijfer:
    _vergrendel(cijfer.cyclus)
    _vul(cijfer, werkgroep=cijfer.werkgroep, gegevens=gegevens)
    _geen_dubbele(cijfer)
    cijfer.save()
    log_actie(
        werkgroep=cijfer.werkgroep,
        actor=actor,
        actie="cijfer.gewijzigd",
        omschrijving=f"Cijfer gewijzigd: {omschrijving(cijfer)}",
        cijfer=cijfer.pk,
    )
    return cijfer


@transaction.atomic
def cijfer_verwijder(*, actor, cijfer: Cijfer) -> None:
    tekst = omschrijving(cijfer)
    pk = cijfer.pk
    cijfer.delete()
    log_actie(
        werkgroep=cijfer.werkgroep,
        actor=actor,
        actie="cijfer.verwijderd",
        omschrijving=f"Cijfer verwijderd: {tekst}",
        cijfer=pk,
    )


class ImportGeweigerd(ValidationError):
    """The import was refused; ``controle`` names every bad row and column."""

    def __init__(self, controle):
        self.controle = controle
        berichten = controle.algemeen + [str(f) for f in controle.fouten]
        super().__init__(berichten or ["Er is niets om te importeren."])


@transaction.atomic
def cijfers_importeer(*, actor, cyclus, rijen: list[tuple[int, dict]], bestand: str = "") -> list[Cijfer]:
    """Import the rows of a figures file into ``cyclus``: all of them, or none.

    The rows (as read from the file) are checked again inside the transaction: the figures may
    have changed since the preview. One bad row refuses the whole file (``ImportGeweigerd``).
    """
    _vergrendel(cyclus)
    controle = controleer(cyclus, rijen, vandaag=timezone.localdate())
    if not controle.ok:
        raise ImportGeweigerd(controle)
    gemaakt = bulk_maken(
        Cijfer, cyclus.werkgroep_id, [rij.cijfer for rij in controle.rijen], actor=actor, batch_size=500
    )
    log_actie(
        werkgroep=cyclus.werkgroep,
        actor=actor,
        actie="cijfers.geimporteerd",
        omschrijving=f"{len(gemaakt)} cijfers geïmporteerd{f' uit {bestand}' if bestand else ''}",
        cyclus=cyclus.nummer,
        aantal=len(gemaakt),
    )
    return gemaakt
