"""The audit pages: the application (§5.1), the record with its deviations (§6.3–6.4), and the
certificate (§7) with its PDF. Viewing is every member's; writing is the chair's and secretary's
(and the facilitator's): ``Actie.BEHEREN``. The certificate itself is the certification body's: its
auditor issues it in the portal (``audits.portaal_certificaat``); the group only uploads one a body
outside the product issued (``Actie.CERTIFICAAT_AANLEVEREN``)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from audits import regels, services
from audits import services_certificaat as certificaten
from audits.certificaat_pdf import certificaat_pdf as certificaat_pdf_maken
from audits.forms import AanleverForm, AanvraagForm, AfwijkingForm, VerslagForm
from audits.models import Afwijking, Audit, Certificaat
from kvo.formulieren import verwerk_formulier
from kvo.mixins import vereist
from kvo.permissions import Actie
from kvo.toets import kies_cyclus, voer_toets_uit
from werkgroepen.bestanden import downloadsoort
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
        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: services.audit_vraag_aan(actor=request.user, cyclus=cyclus, gegevens=g),
            succes="De auditaanvraag is opgeslagen.",
            naar=naar("audit", request).url,
        )
        if antwoord is not None:
            return antwoord
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
        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: services.audit_verslag_bewaar(actor=request.user, audit=a, gegevens=g),
            succes="Het verslag van de audit is opgeslagen.",
            naar=naar("audit_verslag", request).url,
        )
        if antwoord is not None:
            return antwoord
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
        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: services.afwijking_bewaar(actor=request.user, audit=a, gegevens=g, afwijking=bestaand),
            succes="De afwijking is opgeslagen.",
            naar=naar("audit_verslag", request).url,
        )
        if antwoord is not None:
            return antwoord
        status = 422
    return render(
        request, "audits/afwijking_form.html", context(request, audit=a, form=form, afwijking=bestaand), status=status
    )


@vereist(Actie.BEKIJKEN)
def certificaat(request, werkgroep):
    """The certificate as the group sees it: issued by the body in the portal, or uploaded by the
    group ("aangeleverd door de werkgroep"). The group never issues one: a POST here is refused."""
    if request.method == "POST":
        raise PermissionDenied(WEIGERING_WERKGROEP)
    cyclus = _cyclus(request)
    a = services.audit_van(cyclus)
    c = Certificaat.objects.filter(audit=a).first() if a else None
    mag_aanleveren = request.toegang.mag(Actie.CERTIFICAAT_AANLEVEREN) and a is not None
    form = None
    if mag_aanleveren and a.besluit == Audit.Besluit.POSITIEF and (c is None or c.aangeleverd):
        form = AanleverForm(initial=_aanlever_initial(request, a, c))
    return _certificaat_pagina(request, cyclus, a, c, form)


WEIGERING_WERKGROEP = (
    "De werkgroep geeft geen certificaat uit: dat doet de certificatie-instelling. Werkt de instelling "
    "buiten de applicatie, lever dan haar certificaat (PDF) aan."
)


def _aanlever_initial(request, a, c) -> dict:
    if c is not None:
        return {v: getattr(c, v) for v in AanleverForm.base_fields if v != "bestand"}
    return {"certificatie_instelling": a.certificatie_instelling, "naamstelling": request.werkgroep.naam,
            "uitgegeven_op": a.besluit_op}  # fmt: skip


def _certificaat_pagina(request, cyclus, a, c, form, status=200):
    vandaag = timezone.localdate()
    return render(
        request,
        "audits/certificaat.html",
        context(request, cyclus=cyclus, audit=a, certificaat=c, form=form,
                geldig=c.is_geldig(vandaag) if c else False, status_nu=c.status(vandaag) if c else "",
                resultaten=voer_toets_uit(request.werkgroep, cyclus=cyclus, ids=CERTIFICAAT_IDS)),
        status=status,
    )  # fmt: skip


@require_POST
@vereist(Actie.CERTIFICAAT_AANLEVEREN)
def certificaat_lever_aan(request, werkgroep):
    """The group uploads the certificate a body outside the product issued (its PDF, number, dates)."""
    cyclus = _cyclus(request)
    a = services.audit_van(cyclus)
    if a is None:
        raise Http404
    c = Certificaat.objects.filter(audit=a).first()
    form = AanleverForm(request.POST, request.FILES)
    antwoord = verwerk_formulier(
        request,
        form,
        lambda g: certificaten.certificaat_lever_aan(actor=request.user, audit=a, gegevens=g, bestand=g["bestand"]),
        succes="Het certificaat van de instelling is aangeleverd.",
        naar=naar("certificaat", request).url,
    )
    if antwoord is not None:
        return antwoord
    return _certificaat_pagina(request, cyclus, a, c, form, status=422)


@vereist(Actie.BEKIJKEN)
def certificaat_pdf(request, werkgroep):
    """The certificate's PDF: rendered for one the body issued here, the body's own file for one the
    group uploaded (never rendered as if the body had issued it here)."""
    cyclus = _cyclus(request)
    c = get_object_or_404(Certificaat.objects.select_related("audit__werkgroep"), audit__cyclus=cyclus)
    if c.aangeleverd:
        if not c.bestand:
            raise Http404("Het aangeleverde bestand ontbreekt.")
        try:
            bestand = c.bestand.open("rb")
        except FileNotFoundError as fout:
            raise Http404("Het bestand ontbreekt in de opslag.") from fout
        naam, soort = downloadsoort(bestand, f"kvo-certificaat-{c.nummer}-aangeleverd.pdf")
        return FileResponse(bestand, as_attachment=False, filename=naam, content_type=soort)
    pdf, _ = certificaat_pdf_maken(c)
    antwoord = HttpResponse(pdf, content_type="application/pdf")
    antwoord["Content-Disposition"] = f'inline; filename="kvo-certificaat-{c.nummer}.pdf"'
    return antwoord
