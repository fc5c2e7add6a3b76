"""The certification body's certificate actions in the auditor portal (``/auditor/<audit>/certificaat/``).

The auditor holding a valid grant on the audit (``audits.toegang``) records the body's decision,
issues the certificate (with the body's logo), suspends, lifts a suspension, or withdraws it, and
downloads its PDF. Who may is the permission table (``Actie.AUDITBESLUIT``,
``Actie.CERTIFICAAT_UITGEVEN``, granted to ``Toegangsrol.AUDITOR`` only); the services check the grant
again. Without a grant the answer is 404, as everywhere in the portal; every write is logged in
the work group's log by the service, every page view by the portal.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_scopes import scope

from audits import services_certificaat as certificaten
from audits.certificaat_pdf import certificaat_pdf
from audits.forms import BesluitForm, UitgifteForm
from audits.models import Certificaat
from audits.portaal import _audit_of_404, _log
from kvo.formulieren import verwerk_formulier
from kvo.permissions import Actie, Toegangsrol, mag
from kvo.tenancy import tweestaps_nodig
from kvo.toets import voer_toets_uit

AUDITOR = frozenset({Toegangsrol.AUDITOR})


def _toegang(request, audit_id: int, actie: Actie):
    audit = _audit_of_404(request.user, audit_id)
    if not mag(AUDITOR, actie):
        raise PermissionDenied
    return audit, tweestaps_nodig(request, verplicht=audit.werkgroep.mfa_verplicht)


def _naar(audit):
    return redirect("portaal:certificaat", audit_id=audit.pk)


def _pagina(request, audit, *, besluit_form=None, uitgifte_form=None, status=200):
    with scope(werkgroep=audit.werkgroep):
        c = Certificaat.objects.filter(audit=audit).first()
        redenen = certificaten.weigeringen(audit)
        afwijkingen = certificaten.open_afwijkingen(audit)
        naamstelling = _naamstelling(audit)
    resultaten = voer_toets_uit(audit.werkgroep, cyclus=audit.cyclus, ids=certificaten.REGELS)
    if besluit_form is None:
        besluit_form = BesluitForm(initial={"besluit": audit.besluit, "besluit_op": audit.besluit_op})
    if uitgifte_form is None and (c is None or not (c.aangeleverd or c.ingetrokken_op)):
        initial = (
            {v: getattr(c, v) for v in UitgifteForm.base_fields if v != "logo"}
            if c
            else {"naamstelling": naamstelling, "uitgegeven_op": audit.besluit_op}
        )
        uitgifte_form = UitgifteForm(initial=initial)
    vandaag = timezone.localdate()
    return render(
        request,
        "portaal/certificaat.html",
        {"audit": audit, "certificaat": c, "besluit_form": besluit_form, "uitgifte_form": uitgifte_form,
         "redenen": redenen, "afwijkingen": afwijkingen, "resultaten": resultaten,
         "status_nu": c.status(vandaag) if c else ""},
        status=status,
    )  # fmt: skip


def _naamstelling(audit) -> str:
    namen = list(audit.werkgroep.terreinen.order_by("naam").values_list("naam", flat=True))
    if len(namen) <= 1:
        return namen[0] if namen else audit.werkgroep.naam
    return f"{audit.werkgroep.naam} ({', '.join(namen)})"


@never_cache
@login_required
def certificaat(request, audit_id: int):
    audit, omleiding = _toegang(request, audit_id, Actie.CERTIFICAAT_UITGEVEN)
    if omleiding:
        return omleiding
    _log(audit, request.user, "auditor.bekeken", f"Auditor {request.user.email} bekeek het certificaat van {audit}")
    return _pagina(request, audit)


@never_cache
@login_required
@require_POST
def besluit(request, audit_id: int):
    audit, omleiding = _toegang(request, audit_id, Actie.AUDITBESLUIT)
    if omleiding:
        return omleiding
    form = BesluitForm(request.POST)
    antwoord = verwerk_formulier(
        request,
        form,
        lambda g: certificaten.audit_leg_besluit_vast(actor=request.user, audit=audit, **g),
        succes="Het besluit is vastgelegd.",
        naar=_naar(audit).url,
    )
    if antwoord is not None:
        return antwoord
    return _pagina(request, audit, besluit_form=form, status=422)


@never_cache
@login_required
@require_POST
def uitgeven(request, audit_id: int):
    audit, omleiding = _toegang(request, audit_id, Actie.CERTIFICAAT_UITGEVEN)
    if omleiding:
        return omleiding
    form = UitgifteForm(request.POST, request.FILES)

    def geef_uit(g):
        gegevens = dict(g)
        logo = gegevens.pop("logo", None)
        return certificaten.certificaat_geef_uit(actor=request.user, audit=audit, gegevens=gegevens, logo=logo)

    antwoord = verwerk_formulier(
        request, form, geef_uit, succes="Het certificaat is uitgegeven.", naar=_naar(audit).url
    )
    if antwoord is not None:
        return antwoord
    return _pagina(request, audit, uitgifte_form=form, status=422)


@never_cache
@login_required
@require_POST
def status(request, audit_id: int):
    audit, omleiding = _toegang(request, audit_id, Actie.CERTIFICAAT_UITGEVEN)
    if omleiding:
        return omleiding
    with scope(werkgroep=audit.werkgroep):
        c = Certificaat.objects.filter(audit=audit).first()
    if c is None:
        messages.error(request, "Er is nog geen certificaat uitgegeven.")
        return _naar(audit)
    c.audit = audit
    try:
        certificaten.certificaat_wijzig_status(actor=request.user, certificaat=c, actie=request.POST.get("actie", ""))
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(request, "De status van het certificaat is bijgewerkt.")
    return _naar(audit)


@never_cache
@login_required
def pdf(request, audit_id: int):
    audit, omleiding = _toegang(request, audit_id, Actie.CERTIFICAAT_UITGEVEN)
    if omleiding:
        return omleiding
    with scope(werkgroep=audit.werkgroep):
        c = Certificaat.objects.filter(audit=audit, bron=Certificaat.Bron.INSTELLING).first()
        if c is None:
            raise Http404("Geen certificaat gevonden.")
        c.audit = audit
        inhoud, _ = certificaat_pdf(c)
    _log(audit, request.user, "auditor.download", f"Auditor {request.user.email} downloadde certificaat {c.nummer}")
    antwoord = HttpResponse(inhoud, content_type="application/pdf")
    antwoord["Content-Disposition"] = f'inline; filename="kvo-certificaat-{c.nummer}.pdf"'
    return antwoord
