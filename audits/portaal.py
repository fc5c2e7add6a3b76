"""The auditor portal (``/auditor/``): read-only, outside the work group's pages.

An auditor sees the audits they hold a valid grant for (``audits.toegang``): the delivered
document sets with their SHA-256, the readiness check as of the latest delivery date, and the
archive documents as they stood at the moment of delivery (frozen with the set: a version uploaded
later that day is not shown). Nothing else of the work group, and no member's
contact details. Every request checks the grant again; without it the answer is 404, the same as
for another audit or another work group's document. Every page view and download is logged in
the work group's log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django_scopes import scope, scopes_disabled

from audits.models import Audit, Documentenset
from audits.selectors import Toetsstand, bevroren_documentversies, toetsstand
from audits.toegang import geldige_audit, geldige_audits
from kvo import versie
from kvo.tenancy import tweestaps_nodig
from kvo.toets import Resultaat
from werkgroepen.bestanden import downloadsoort
from werkgroepen.logboek import log_actie
from werkgroepen.models import DocumentVersie


@dataclass
class PortaalAudit:
    """One audit as the auditor sees it."""

    audit: Audit
    sets: list[Documentenset]  # delivered, newest delivery first
    peildatum: dt.date | None  # the latest delivery date: the snapshot the auditor reviews
    stand: Toetsstand | None = None
    versies: list[DocumentVersie] | None = None  # per document the version frozen at delivery
    # the check's sections, each rule with the places of the newest delivered set that prove it
    groepen: list[tuple[str, list[tuple[Resultaat, list[Bewijslink]]]]] | None = None


@dataclass(frozen=True)
class Bewijslink:
    """A place in the delivered set that holds a rule's evidence (the set's evidence index)."""

    wat: str
    pagina: int | None  # None: a set rendered before pages were recorded


def _bewijs(documentenset: Documentenset) -> dict[str, list[Bewijslink]]:
    """Per rule ID the parts of ``documentenset`` that prove it, with the page each starts on, as the
    set's own evidence index links them (an anchor the set did not print falls back to its part)."""
    from audits.documentenset.onderdelen import verwijzingen

    ankers = documentenset.ankers or {}
    return {
        eis: [Bewijslink(v.wat, ankers.get(v.anker)) for v in lijst]
        for eis, lijst in verwijzingen(set(ankers) if ankers else None).items()
    }


def _audits(user) -> list[Audit]:
    """The audits ``user`` holds a valid grant for now, with work group and cycle."""
    with scopes_disabled():
        return list(
            geldige_audits(user).select_related("werkgroep", "cyclus").order_by("werkgroep__naam", "-datum", "pk")
        )


def _audit_of_404(user, audit_id: int) -> Audit:
    audit = geldige_audit(user, audit_id)
    if audit is None:
        raise Http404("Audit niet gevonden.")
    return audit


def _geleverde_sets(audit: Audit) -> list[Documentenset]:
    return list(
        audit.documentensets.filter(aangeleverd_op__isnull=False, status=Documentenset.Status.KLAAR).order_by(
            "-aangeleverd_op", "-pk"
        )
    )


def _portaal_audit(audit: Audit, *, volledig: bool = True) -> PortaalAudit:
    """Inside the audit's work-group scope: its delivered sets, the check and the documents."""
    with scope(werkgroep=audit.werkgroep):
        sets = _geleverde_sets(audit)
        peildatum = sets[0].aangeleverd_op if sets else None
        item = PortaalAudit(audit=audit, sets=sets, peildatum=peildatum)
        if volledig and peildatum is not None:
            item.stand = toetsstand(audit.werkgroep, cyclus=audit.cyclus, datum=peildatum)
            item.versies = bevroren_documentversies(sets[0])
            bewijs = _bewijs(sets[0])
            item.groepen = [(g, [(r, bewijs.get(r.id, [])) for r in rijen]) for g, rijen in item.stand.groepen]
    return item


def _log(audit: Audit, user, actie: str, omschrijving: str, **gegevens) -> None:
    with scope(werkgroep=audit.werkgroep):
        log_actie(
            werkgroep=audit.werkgroep, actor=user, actie=actie, omschrijving=omschrijving, wijziging=False,
            audit=audit.pk, **gegevens,
        )  # fmt: skip


@never_cache
@login_required
def overzicht(request):
    """Every audit the auditor may see now, each with its delivered sets, check and documents."""
    audits = _audits(request.user)
    if not audits:
        raise Http404("Geen audits gevonden.")
    if omleiding := tweestaps_nodig(request, verplicht=any(a.werkgroep.mfa_verplicht for a in audits)):
        return omleiding
    items = [_portaal_audit(audit) for audit in audits]
    for audit in audits:
        _log(audit, request.user, "auditor.bekeken", f"Auditor {request.user.email} bekeek de audit {audit} (portaal)")
    return render(request, "portaal/overzicht.html", {"items": items})


# What the kept audit page reads (kvo.versie).
AUDIT_LEEST = versie.leest("pagina:portaal", "toets", "audit", "archief", "certificaat", "keurmerk")


@never_cache
@login_required
def audit_detail(request, audit_id: int):
    audit = _audit_of_404(request.user, audit_id)
    if omleiding := tweestaps_nodig(request, verplicht=audit.werkgroep.mfa_verplicht):  # the group's rule
        return omleiding
    pagina = versie.bewaarde_pagina(  # kept under the work group's data version (kvo.versie)
        request, audit.werkgroep, "portaal", "portaal/audit.html",
        lambda: {"audit": audit, "item": _portaal_audit(audit)},
    )  # fmt: skip
    _log(audit, request.user, "auditor.bekeken", f"Auditor {request.user.email} bekeek de audit {audit}")
    return pagina


@never_cache
@login_required
def documentenset_download(request, audit_id: int, set_id: int):
    """The delivered document set's PDF, only of this audit and only once delivered."""
    audit = _audit_of_404(request.user, audit_id)
    if omleiding := tweestaps_nodig(request, verplicht=audit.werkgroep.mfa_verplicht):  # the group's rule
        return omleiding
    with scope(werkgroep=audit.werkgroep):
        documentenset = next((s for s in _geleverde_sets(audit) if s.pk == set_id), None)
    if documentenset is None or not documentenset.bestand:
        raise Http404("Documentenset niet gevonden.")
    bestand = _open(documentenset.bestand)
    bekijken = request.GET.get("bekijken") == "1"  # in the browser, so a link can open it at a page (#page=N)
    _log(
        audit,
        request.user,
        "auditor.download",
        f"Auditor {request.user.email} {'bekeek' if bekijken else 'downloadde'} de documentenset van "
        f"{documentenset.aangeleverd_op:%d-%m-%Y}",
        documentenset=documentenset.pk,
    )
    naam = f"documentenset-{audit.werkgroep.slug}-{documentenset.aangeleverd_op:%Y-%m-%d}.pdf"
    return FileResponse(bestand, as_attachment=not bekijken, filename=naam, content_type="application/pdf")


@never_cache
@login_required
def document_download(request, audit_id: int, versie_id: int):
    """An archive document version that belongs to the delivered snapshot of this audit."""
    audit = _audit_of_404(request.user, audit_id)
    if omleiding := tweestaps_nodig(request, verplicht=audit.werkgroep.mfa_verplicht):  # the group's rule
        return omleiding
    with scope(werkgroep=audit.werkgroep):
        sets = _geleverde_sets(audit)
        versies = bevroren_documentversies(sets[0] if sets else None)
    versie = next((v for v in versies if v.pk == versie_id), None)
    if versie is None or not versie.bestand:
        raise Http404("Document niet gevonden.")
    bestand = _open(versie.bestand)
    _log(
        audit,
        request.user,
        "auditor.download",
        f"Auditor {request.user.email} downloadde {versie.document.titel} (versie {versie.versie})",
        document=versie.document_id,
        versie=versie.versie,
    )
    naam, soort = downloadsoort(bestand, versie.downloadnaam)  # from the content, never text/html
    return FileResponse(bestand, as_attachment=True, filename=naam, content_type=soort)


def _open(veld):
    try:
        return veld.open("rb")
    except FileNotFoundError as fout:
        raise Http404("Het bestand ontbreekt in de opslag.") from fout
