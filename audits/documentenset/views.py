"""The document set page (§3.6, §5.2.1): make a set, follow its progress, download, deliver.

Everyone of the work group reads the page and downloads; members who edit make a set
(``Actie.WIJZIGEN``); the chair and secretary deliver one (``Actie.BEHEREN``). An auditor whose
grant covers the audit downloads the delivered set and nothing else. Every page reads a fixed
number of queries, however many sets there are.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from audits.documentenset import services
from audits.documentenset.onderdelen import ONDERDELEN, onderdeel
from audits.models import Audit, Documentenset
from kvo.mixins import vereist
from kvo.permissions import Actie
from kvo.toets import kies_cyclus
from werkgroepen.views.basis import context


def _cyclus_en_audit(request):
    cyclus = kies_cyclus(request.werkgroep)
    audit = None
    if cyclus is not None:
        audit = Audit.objects.filter(cyclus=cyclus).select_related("cyclus", "contactpersoon").order_by("-pk").first()
    return cyclus, audit


def _alleen_auditor(request) -> bool:
    return not request.toegang.mag(Actie.BEKIJKEN)


def _sets(request, audit) -> list[Documentenset]:
    if audit is None:
        return []
    sets = Documentenset.objects.filter(audit=audit)
    if _alleen_auditor(request):
        sets = sets.filter(aangeleverd_op__isnull=False)
    return list(sets.order_by("-gemaakt_op", "-pk")[:50])


def _audit_url(werkgroep) -> str:
    """The audit application page when the app has one, else the readiness page."""
    try:
        return reverse("audits:audit", kwargs={"werkgroep": werkgroep.slug})
    except NoReverseMatch:
        return reverse("audits:toets", kwargs={"werkgroep": werkgroep.slug})


def _pagina_context(request) -> dict:
    cyclus, audit = _cyclus_en_audit(request)
    if audit is not None and _alleen_auditor(request) and audit.pk not in request.toegang.audit_ids:
        audit = None
    sets = _sets(request, audit)
    grens = timezone.now() - services.VASTGELOPEN_NA
    for s in sets:
        s.vastgelopen = s.status == Documentenset.Status.BEZIG and s.gemaakt_op < grens
    return {
        "cyclus": cyclus,
        "audit": audit,
        "sets": sets,
        "bezig": any(s.status == Documentenset.Status.BEZIG and not s.vastgelopen for s in sets),
        "aangeleverd": next((s for s in sets if s.aangeleverd_op), None),
        "onderdelen": [o for o in ONDERDELEN if o.los],
        "alleen_auditor": _alleen_auditor(request),
        "mag_maken": request.toegang.mag(Actie.WIJZIGEN),
        "mag_aanleveren": request.toegang.mag(Actie.BEHEREN),
        "audit_url": _audit_url(request.werkgroep),
    }


def _naar_pagina(request):
    return redirect(reverse("audits:documentenset", kwargs={"werkgroep": request.werkgroep.slug}))


@vereist(Actie.DOCUMENTENSET)
def documentenset(request, werkgroep):
    return render(request, "audits/documentenset.html", context(request, **_pagina_context(request)))


@vereist(Actie.DOCUMENTENSET)
def documentenset_status(request, werkgroep):
    """The list of sets with their progress (htmx polls it while a set is being made)."""
    return render(request, "audits/_documentenset_sets.html", context(request, **_pagina_context(request)))


@require_POST
@vereist(Actie.WIJZIGEN)
def documentenset_maken(request, werkgroep):
    _cyclus, audit = _cyclus_en_audit(request)
    if audit is None:
        raise Http404("Er is nog geen audit voor deze cyclus.")
    try:
        services.documentenset_maak(actor=request.user, audit=audit)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, "De documentenset wordt gemaakt; deze pagina toont de voortgang.")
    return _naar_pagina(request)


@vereist(Actie.DOCUMENTENSET)
def documentenset_pdf(request, werkgroep, pk: int):
    rij = get_object_or_404(
        Documentenset.objects.filter(audit__werkgroep=request.werkgroep, status=Documentenset.Status.KLAAR),
        pk=pk,
    )
    if _alleen_auditor(request) and (not rij.aangeleverd_op or rij.audit_id not in request.toegang.audit_ids):
        raise Http404
    if not rij.bestand:
        raise Http404
    datum = (rij.aangeleverd_op or timezone.localtime(rij.klaar_op).date()).isoformat()
    antwoord = FileResponse(
        rij.bestand.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"documentenset-{request.werkgroep.slug}-{datum}.pdf",
    )
    antwoord["Cache-Control"] = "private, no-store"
    antwoord["X-Content-Type-Options"] = "nosniff"
    return antwoord


@vereist(Actie.BEKIJKEN)
def documentenset_deel(request, werkgroep, sleutel: str):
    """One part as its own PDF, from today's data (the set itself is a snapshot)."""
    o = onderdeel(sleutel)
    cyclus, audit = _cyclus_en_audit(request)
    if o is None or cyclus is None:
        raise Http404
    pdf = services.deel_pdf(werkgroep=request.werkgroep, cyclus=cyclus, audit=audit, onderdeel=o)
    antwoord = HttpResponse(pdf.inhoud, content_type="application/pdf")
    antwoord["Content-Disposition"] = f'inline; filename="{o.sleutel}-cyclus-{cyclus.nummer}.pdf"'
    antwoord["Cache-Control"] = "private, no-store"
    return antwoord


@require_POST
@vereist(Actie.BEHEREN)
def documentenset_lever_aan(request, werkgroep, pk: int):
    rij = get_object_or_404(Documentenset.objects.filter(audit__werkgroep=request.werkgroep), pk=pk)
    try:
        services.documentenset_lever_aan(actor=request.user, documentenset=rij)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, "De documentenset is aangeleverd en vastgezet; hij verandert niet meer.")
    return _naar_pagina(request)
