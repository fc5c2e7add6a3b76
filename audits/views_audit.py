"""The audit pages: the application (§5.1), the record with its deviations (§6.3–6.4), and the
certificate (§7) with its PDF. Viewing is every member's; writing is the chair's and secretary's
(and the facilitator's): ``Actie.BEHEREN``."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from audits import regels, services
from audits.forms import AanvraagForm, AfwijkingForm, CertificaatForm, VerslagForm
from audits.models import Afwijking, Certificaat
from kvo.mixins import fout_in_form, vereist
from kvo.pdf import template_naar_pdf
from kvo.permissions import Actie
from kvo.toets import kies_cyclus, voer_toets_uit
from werkgroepen.views.basis import context

AANVRAAG_IDS = ("audit.contactpersoon", "audit.audittijd", "audit.aanlevering", "audit.documentenset",
                "audit.eerste-maatregelen", "audit.uitgevoerd")  # fmt: skip
VERSLAG_IDS = ("audit.aanwezigheid", "audit.rapport", "audit.aanvullingen")
CERTIFICAAT_IDS = ("certificaat.geldigheid", "certificaat.inhoud", "certificaat.cluster")


def naar(naam: str, request, **kwargs):
    return redirect(f"audits:{naam}", werkgroep=request.werkgroep.slug, **kwargs)


def _cyclus(request):
    cyclus = kies_cyclus(request.werkgroep)
    if cyclus is None:
        raise Http404("Er is nog geen cyclus gestart.")
    return cyclus


def _mag_beheren(request) -> bool:
    return request.toegang.mag(Actie.BEHEREN)


@vereist(Actie.BEKIJKEN)
def audit(request, werkgroep):
    cyclus = kies_cyclus(request.werkgroep)
    if cyclus is None:
        return render(request, "audits/audit.html", context(request, cyclus=None))
    a = services.audit_van(cyclus)
    minimum = regels.minimum_uren(request.werkgroep.terreinen.count())
    initial = {}
    if a is not None:
        initial = {v: getattr(a, v) for v in AanvraagForm.base_fields}
    form = AanvraagForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        werkgroep=request.werkgroep,
        minimum_uren=minimum,
    )
    status = 200
    if request.method == "POST":
        if not _mag_beheren(request):
            raise PermissionDenied("Alleen voorzitter, secretaris en procesbegeleider vragen de audit aan.")
        if form.is_valid():
            try:
                services.audit_aanvragen(actor=request.user, cyclus=cyclus, gegevens=form.cleaned_data)
            except ValidationError as e:
                fout_in_form(form, e)
            else:
                messages.success(request, "De auditaanvraag is opgeslagen.")
                return naar("audit", request)
        status = 422
    return render(
        request,
        "audits/audit.html",
        context(request, cyclus=cyclus, audit=a, form=form, minimum_uren=minimum,
                resultaten=voer_toets_uit(request.werkgroep, cyclus=cyclus, ids=AANVRAAG_IDS)),
        status=status,
    )  # fmt: skip


@vereist(Actie.BEKIJKEN)
def verslag(request, werkgroep):
    cyclus = _cyclus(request)
    a = services.audit_van(cyclus)
    if a is None:
        messages.info(request, "Vraag eerst de audit aan.")
        return naar("audit", request)
    form = VerslagForm(
        request.POST if request.method == "POST" else None,
        initial={"aanwezigen": list(a.aanwezigen.all()), "rapport_ontvangen_op": a.rapport_ontvangen_op,
                 "besluit": a.besluit, "besluit_op": a.besluit_op},
        werkgroep=request.werkgroep,
        datum=a.datum,
    )  # fmt: skip
    status = 200
    if request.method == "POST":
        if not _mag_beheren(request):
            raise PermissionDenied
        if form.is_valid():
            try:
                services.audit_verslag_opslaan(actor=request.user, audit=a, gegevens=form.cleaned_data)
            except ValidationError as e:
                fout_in_form(form, e)
            else:
                messages.success(request, "Het verslag van de audit is opgeslagen.")
                return naar("audit_verslag", request)
        status = 422
    afwijkingen = [(x, _termijnen(x)) for x in a.afwijkingen.order_by("vastgesteld_op", "pk")]
    return render(
        request,
        "audits/verslag.html",
        context(request, cyclus=cyclus, audit=a, form=form, afwijkingen=afwijkingen,
                nieuw=AfwijkingForm(initial={"vastgesteld_op": a.datum}),
                resultaten=voer_toets_uit(request.werkgroep, cyclus=cyclus, ids=VERSLAG_IDS)),
        status=status,
    )  # fmt: skip


def _termijnen(a: Afwijking) -> dict:
    aanvulling = regels.plus_maanden(a.vastgesteld_op, regels.AANVULLING_MAANDEN)
    beoordeling = regels.plus_maanden(a.aanvulling_op, regels.BEOORDELING_MAANDEN) if a.aanvulling_op else None
    return {"aanvulling": aanvulling, "beoordeling": beoordeling, "vandaag": timezone.localdate()}


@vereist(Actie.BEHEREN)
def afwijking(request, werkgroep, pk=None):
    cyclus = _cyclus(request)
    a = services.audit_van(cyclus)
    if a is None:
        raise Http404
    bestaand = get_object_or_404(Afwijking, pk=pk, audit=a) if pk else None
    initial = {v: getattr(bestaand, v) for v in AfwijkingForm.base_fields} if bestaand else {"vastgesteld_op": a.datum}
    form = AfwijkingForm(request.POST if request.method == "POST" else None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.afwijking_opslaan(actor=request.user, audit=a, gegevens=form.cleaned_data, afwijking=bestaand)
            except ValidationError as e:
                fout_in_form(form, e)
            else:
                messages.success(request, "De afwijking is opgeslagen.")
                return naar("audit_verslag", request)
        status = 422
    return render(
        request, "audits/afwijking_form.html", context(request, audit=a, form=form, afwijking=bestaand), status=status
    )


def _naamstelling(werkgroep) -> str:
    namen = list(werkgroep.terreinen.order_by("naam").values_list("naam", flat=True))
    if len(namen) <= 1:
        return namen[0] if namen else werkgroep.naam
    return f"{werkgroep.naam} ({', '.join(namen)})"


@vereist(Actie.BEKIJKEN)
def certificaat(request, werkgroep):
    cyclus = _cyclus(request)
    a = services.audit_van(cyclus)
    c = Certificaat.objects.filter(audit=a).first() if a else None
    initial = (
        {v: getattr(c, v) for v in CertificaatForm.base_fields}
        if c
        else {"certificatie_instelling": a.certificatie_instelling if a else "",
              "naamstelling": _naamstelling(request.werkgroep), "uitgegeven_op": a.besluit_op if a else None}
    )  # fmt: skip
    form = CertificaatForm(request.POST if request.method == "POST" else None, initial=initial)
    status = 200
    if request.method == "POST":
        if not _mag_beheren(request) or a is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.certificaat_uitgeven(actor=request.user, audit=a, gegevens=form.cleaned_data)
            except ValidationError as e:
                fout_in_form(form, e)
            else:
                messages.success(request, "Het certificaat is vastgelegd.")
                return naar("certificaat", request)
        status = 422
    vandaag = timezone.localdate()
    return render(
        request,
        "audits/certificaat.html",
        context(request, cyclus=cyclus, audit=a, certificaat=c, form=form, geldig=c.is_geldig(vandaag) if c else False,
                resultaten=voer_toets_uit(request.werkgroep, cyclus=cyclus, ids=CERTIFICAAT_IDS)),
        status=status,
    )  # fmt: skip


@require_POST
@vereist(Actie.BEHEREN)
def certificaat_status(request, werkgroep):
    cyclus = _cyclus(request)
    c = get_object_or_404(Certificaat, audit__cyclus=cyclus)
    try:
        services.certificaat_status(actor=request.user, certificaat=c, actie=request.POST.get("actie", ""))
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(request, "De status van het certificaat is bijgewerkt.")
    return naar("certificaat", request)


@vereist(Actie.BEKIJKEN)
def certificaat_pdf(request, werkgroep):
    cyclus = _cyclus(request)
    c = get_object_or_404(Certificaat.objects.select_related("audit"), audit__cyclus=cyclus)
    wg = request.werkgroep
    verklaring = regels.verklaring(c.certificatie_instelling, wg.naam)
    pdf = template_naar_pdf(
        "pdf/certificaat.html",
        {"werkgroep": wg, "cyclus": cyclus, "c": c, "audit": c.audit, "titel": f"KVO-certificaat {c.nummer}",
         "terreinen": list(wg.terreinen.order_by("naam")), "verklaring": verklaring,
         "statustekst": regels.STATUSTEKST, "eigendomstekst": regels.EIGENDOMSTEKST,
         "geldig": c.is_geldig(timezone.localdate())},
    )  # fmt: skip
    antwoord = HttpResponse(pdf, content_type="application/pdf")
    antwoord["Content-Disposition"] = f'inline; filename="kvo-certificaat-{c.nummer}.pdf"'
    return antwoord
