"""Writes for PVO's inventory (pvo.md ``pvo.enquete``, ``pvo.gebiedsscan``): the mayor's letter
that announces the survey, the presentation of its results, and the stakeholders' area scans.

The letter is the survey's own invitation letter (``analyse:brieven``) sent in the municipality's
name; these fields say by whom it was signed. Neither touches the questionnaire, so they may be
recorded after the survey was sent.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.db import transaction

from analyse.models import Enquete, Gebiedsscan
from analyse.models.gebiedsscan import MAX_FENOMENEN
from werkgroepen.logboek import log_actie
from werkgroepen.models import Bijeenkomst, Cyclus, Partij

log = logging.getLogger("kvo.analyse")


def _van_de_werkgroep(werkgroep_id: int, *objecten) -> None:
    if any(o is not None and o.werkgroep_id != werkgroep_id for o in objecten):
        raise ValidationError("Dat hoort niet bij deze werkgroep.")


@transaction.atomic
def enquete_leg_brief_vast(*, actor, enquete: Enquete, namens: Partij | None, ondertekenaar: str) -> Enquete:
    """The survey's invitation letter: on whose behalf (the municipality) and signed by whom (the mayor)."""
    _van_de_werkgroep(enquete.werkgroep_id, namens)
    if namens is not None and namens.soort != Partij.Soort.GEMEENTE:
        raise ValidationError("De brief met de link naar de enquête komt van de gemeente (de burgemeester).")
    ondertekenaar = (ondertekenaar or "").strip()
    if len(ondertekenaar) > 200:
        raise ValidationError("De ondertekenaar is te lang (hoogstens 200 tekens).")
    enquete.brief_namens, enquete.brief_ondertekenaar = namens, ondertekenaar
    enquete.save(update_fields=["brief_namens", "brief_ondertekenaar"])
    log_actie(
        werkgroep=enquete.werkgroep,
        actor=actor,
        actie="enquete.brief",
        omschrijving=f"Uitnodigingsbrief vastgelegd: namens {namens.naam if namens else '—'}, {ondertekenaar or '—'}",
        enquete=enquete.pk,
    )
    return enquete


@transaction.atomic
def enquete_markeer_resultaten_gepresenteerd(
    *, actor, enquete: Enquete, op: dt.date | None, bijeenkomst: Bijeenkomst | None = None
) -> Enquete:
    """The survey's results were presented to the participants on ``op`` (at ``bijeenkomst``)."""
    _van_de_werkgroep(enquete.werkgroep_id, bijeenkomst)
    if bijeenkomst is not None and op is None:
        op = bijeenkomst.datum  # checked like a date given: not before the survey was sent
    if op is not None and enquete.geopend_op is not None and op < enquete.geopend_op:
        raise ValidationError("De resultaten kunnen niet gepresenteerd zijn voordat de enquête verstuurd werd.")
    enquete.resultaten_gepresenteerd_op, enquete.resultaten_gepresenteerd_in = op, bijeenkomst
    enquete.save(update_fields=["resultaten_gepresenteerd_op", "resultaten_gepresenteerd_in"])
    log_actie(
        werkgroep=enquete.werkgroep,
        actor=actor,
        actie="enquete.resultaten_gepresenteerd",
        omschrijving=f"Enquêteresultaten gepresenteerd op {op:%d-%m-%Y}"
        if op
        else "Presentatie van de resultaten gewist",
        enquete=enquete.pk,
    )
    return enquete


def _fenomenen(fenomenen) -> list[str]:
    if isinstance(fenomenen, str):
        fenomenen = fenomenen.splitlines()
    schoon = [str(f).strip()[:200] for f in fenomenen or [] if str(f).strip()]
    if len(schoon) > MAX_FENOMENEN:
        raise ValidationError(f"Noem de top {MAX_FENOMENEN}: hoogstens {MAX_FENOMENEN} fenomenen.")
    return schoon


@transaction.atomic
def gebiedsscan_bewaar(
    *,
    actor,
    cyclus: Cyclus,
    partij: Partij,
    fenomenen,
    bijeenkomst: Bijeenkomst | None = None,
    toelichting: str = "",
) -> Gebiedsscan:
    """A stakeholder's area scan in ``cyclus``: its top 3 phenomena (most important first), presented at
    ``bijeenkomst``. One per party and cycle: saving again replaces it."""
    _van_de_werkgroep(cyclus.werkgroep_id, partij, bijeenkomst)
    scan, nieuw = Gebiedsscan.objects.select_for_update().get_or_create(
        cyclus=cyclus, partij=partij, defaults={"werkgroep_id": cyclus.werkgroep_id}
    )
    scan.fenomenen = _fenomenen(fenomenen)
    scan.bijeenkomst = bijeenkomst
    scan.toelichting = (toelichting or "").strip()[:4000]
    scan.save()
    log_actie(
        werkgroep=cyclus.werkgroep,
        actor=actor,
        actie="gebiedsscan.vastgelegd" if nieuw else "gebiedsscan.gewijzigd",
        omschrijving=f"Gebiedsscan van {partij.naam}: {', '.join(scan.fenomenen) or 'nog geen fenomenen'}",
        gebiedsscan=scan.pk,
    )
    return scan


@transaction.atomic
def gebiedsscan_verwijder(*, actor, scan: Gebiedsscan) -> None:
    werkgroep, naam = scan.werkgroep, scan.partij.naam
    scan.delete()
    log_actie(
        werkgroep=werkgroep,
        actor=actor,
        actie="gebiedsscan.verwijderd",
        omschrijving=f"Gebiedsscan van {naam} verwijderd",
    )
