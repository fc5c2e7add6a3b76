"""The document archive (§3.6): versions, retention, downloads through the tenant."""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from kvo import versie
from kvo.formulieren import verwerk_formulier
from kvo.mixins import vereist
from kvo.permissions import Actie
from werkgroepen import selectors, services
from werkgroepen.bestanden import downloadsoort
from werkgroepen.checks import IDS_DOCUMENTEN
from werkgroepen.forms import BewarenForm, DocumentForm, DocumentVersieForm
from werkgroepen.services.documenten import bewaartermijn_jaren
from werkgroepen.views.basis import context, waarschuwingen

# What the kept page reads (kvo.versie): the archive and the agreed retention period.
DOCUMENTEN_LEEST = versie.leest("pagina:documenten", "archief", "partijen", "keurmerk")


@vereist(Actie.BEKIJKEN)
def documenten(request, werkgroep):
    """The page is kept under the parts it reads (``kvo.versie``)."""
    return versie.bewaarde_pagina(
        request, request.werkgroep, "documenten", "werkgroepen/documenten.html", lambda: _documenten_context(request)
    )


def _documenten_context(request) -> dict:
    wg = request.werkgroep
    vandaag = timezone.localdate()
    lijst = selectors.documenten(wg)
    return context(
        request,
        documenten=lijst,
        verlopen=selectors.documenten_verlopen(lijst, vandaag),
        bewaartermijn=bewaartermijn_jaren(wg),
        waarschuwingen=waarschuwingen(wg, IDS_DOCUMENTEN),
    )


def _documenten_url(werkgroep) -> str:
    return reverse("werkgroepen:documenten", kwargs={"werkgroep": werkgroep.slug})


@vereist(Actie.WIJZIGEN)
def document_nieuw(request, werkgroep):
    wg = request.werkgroep
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: services.document_upload(actor=request.user, werkgroep=wg, **g),
            succes=lambda document: f"{document.titel} is gearchiveerd (versie 1).",
            naar=_documenten_url(wg),
        )
        if antwoord is not None:
            return antwoord
    return render(
        request, "werkgroepen/document_form.html", context(request, form=form, bewaartermijn=bewaartermijn_jaren(wg))
    )


@vereist(Actie.WIJZIGEN)
def document_versie_nieuw(request, werkgroep, pk: int):
    wg = request.werkgroep
    document = get_object_or_404(wg.documenten, pk=pk)
    form = DocumentVersieForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: services.document_versie_upload(actor=request.user, document=document, **g),
            succes=lambda versie: (
                f"Versie {versie.versie} van {document.titel} is nu actueel; eerdere versies zijn vervallen."
            ),
            naar=_documenten_url(wg),
        )
        if antwoord is not None:
            return antwoord
    versies = document.versies.order_by("-versie")
    return render(
        request,
        "werkgroepen/document_versie_form.html",
        context(request, form=form, document=document, versies=versies),
    )


@vereist(Actie.WIJZIGEN)
def document_bewaren(request, werkgroep, pk: int):
    wg = request.werkgroep
    document = get_object_or_404(wg.documenten, pk=pk)
    form = BewarenForm(request.POST or None, initial={"bewaren_tot": document.bewaren_tot})
    if request.method == "POST":
        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: services.document_bewaartermijn_wijzig(
                actor=request.user, document=document, bewaren_tot=g["bewaren_tot"]
            ),
            succes=lambda _: f"{document.titel} wordt bewaard tot {document.bewaren_tot:%d-%m-%Y}.",
            naar=_documenten_url(wg),
        )
        if antwoord is not None:
            return antwoord
    return render(request, "werkgroepen/document_bewaren.html", context(request, form=form, document=document))


@vereist(Actie.BEKIJKEN)
def document_download(request, werkgroep, pk: int, versie: int):
    """Serve a version through the tenant: another group's document id is a 404, never a file."""
    document = get_object_or_404(request.werkgroep.documenten, pk=pk)
    gevonden = document.versies.filter(versie=versie).first()
    if gevonden is None or not gevonden.bestand:
        raise Http404
    try:
        bestand = gevonden.bestand.open("rb")
    except FileNotFoundError as fout:
        raise Http404("Het bestand ontbreekt in de opslag.") from fout
    naam, soort = downloadsoort(bestand, gevonden.downloadnaam)  # from the content, never text/html
    return FileResponse(bestand, as_attachment=True, filename=naam, content_type=soort)
