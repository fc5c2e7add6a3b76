"""Reads for the readiness page (the handboektoets of a work group, grouped and summarised) and the
audits of many cycles at once (for the readiness checks of many work groups)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import F

from audits.models import Audit
from kvo.eisen import GROEPEN
from kvo.toets import NIET_IN_APPLICATIE, Gereedheid, Resultaat, Status, voer_toets_uit


@dataclass
class Toetsstand:
    resultaten: list[Resultaat]
    gereedheid: Gereedheid  # the readiness figure, as on every page
    groepen: list[tuple[str, list[Resultaat]]]  # (section, results shown) in catalogue order
    blokkerend: list[Resultaat]  # what blocks the audit application (rules that can be met before it)
    na_audit: list[Resultaat]  # the audit's own rules not met yet: they come at or after the audit

    @property
    def aantallen(self) -> dict[Status, int]:
        return self.gereedheid.aantallen

    @property
    def voldaan(self) -> int:
        return self.gereedheid.voldaan

    @property
    def meegeteld(self) -> int:
        """Every requirement except n.v.t."""
        return self.gereedheid.te_toetsen

    @property
    def procent(self) -> int:
        return self.gereedheid.procent


def toetsstand(werkgroep, *, cyclus, datum: dt.date, status: str | None = None) -> Toetsstand:
    """Run the check and shape it for the page; ``status`` filters the sections, not the figures."""
    resultaten = voer_toets_uit(werkgroep, cyclus=cyclus, datum=datum)
    getoond = [r for r in resultaten if not status or r.status == status]
    # the sections of the scheme whose rules answered (KVO-B: eisen.md's; PVO: pvo.md's), in catalogue order
    secties = list(dict.fromkeys(r.eis.groep for r in resultaten)) or GROEPEN
    groepen = [(g, [r for r in getoond if r.eis.groep == g]) for g in secties]
    groepen = [(g, rs) for g, rs in groepen if rs]
    # What is still to do: what is not met, and what is open although its part of the app exists
    # (so the group can record it now). Of that, what the catalogue marks as the audit's own
    # (``Eis.na_audit``: attendance, report, supplements, certificate) cannot block the application.
    te_doen = [r for r in resultaten if r.status == Status.NIET_VOLDAAN] + [
        r for r in resultaten if r.status == Status.OPEN and r.uitkomst.toelichting != NIET_IN_APPLICATIE
    ]
    return Toetsstand(
        resultaten=resultaten,
        gereedheid=Gereedheid.uit(resultaten),
        groepen=groepen,
        blokkerend=[r for r in te_doen if not r.eis.na_audit],
        na_audit=[r for r in te_doen if r.eis.na_audit],
    )


def audits_van(cycli) -> dict:
    """The audit of each of ``cycli`` as ``audits.services.audit_van`` takes it (the newest by date,
    an audit without a date last, then the highest id), by cycle id; one query for all. A cycle
    without an audit is absent."""
    ids = [c.pk for c in cycli]
    if not ids:
        return {}
    uit: dict = {}
    rijen = (
        Audit.objects.filter(cyclus__in=ids)
        .select_related("contactpersoon", "cyclus", "werkgroep")
        .order_by("cyclus_id", F("datum").desc(nulls_last=True), "-pk")
    )
    for audit in rijen:
        uit.setdefault(audit.cyclus_id, audit)
    return uit


def documentversies_op(werkgroep_id: int, peildatum: dt.date | None) -> list:
    """Per archive document of the work group the newest version uploaded on or before ``peildatum``
    (all versions when ``None``), ordered by title."""
    from werkgroepen.models import DocumentVersie

    rijen = DocumentVersie.objects.filter(document__werkgroep_id=werkgroep_id)
    if peildatum is not None:
        rijen = rijen.filter(geupload_op__lte=peildatum)
    per_document: dict[int, DocumentVersie] = {}
    for rij in rijen.select_related("document").order_by("document__titel", "document_id", "-versie"):
        per_document.setdefault(rij.document_id, rij)
    return list(per_document.values())


def bevroren_documentversies(documentenset) -> list:
    """The archive documents of a delivered set as the auditor sees them: the versions frozen at the
    moment of delivery; for a set delivered before that was recorded (no ``aangeleverd_om``), the
    versions uploaded on or before its delivery date."""
    if documentenset is None or documentenset.aangeleverd_op is None:
        return []
    if documentenset.aangeleverd_om is None:
        return documentversies_op(documentenset.audit.werkgroep_id, documentenset.aangeleverd_op)
    return list(
        documentenset.documentversies.select_related("document").order_by("document__titel", "document_id", "-versie")
    )
