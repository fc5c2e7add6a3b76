"""Inspections of the current cycle (§4.1.3): the list, an inspection with its numbered points,
a point captured on a phone (camera, location from the photo), the photos served only through
the work group, and the inspection report as a page and a PDF.

Members enter inspections and points (``Actie.WIJZIGEN``); agenda members read.
"""

from __future__ import annotations

import base64
import io
import secrets
import uuid

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from analyse.checks.schouw import schouwen_van, verbeter_ontbreekt
from analyse.forms_schouw import PuntForm, SchouwForm
from analyse.fotos import Foto
from analyse.models import Schouw, Schouwpunt
from analyse.services import schouw as services
from analyse.views.basis import context, huidige_cyclus, waarschuwingen
from kvo.formulieren import verwerk_formulier, voer_uit
from kvo.mixins import vereist
from kvo.pdf import template_naar_pdf
from kvo.permissions import Actie
from kvo.toets import voer_toets_uit

IDS = ("schouw.dag-en-avond", "schouw.deelname", "schouw.punten", "schouw.positief", "schouw.rapport")


def _url(request, naam: str = "schouwen", **kwargs) -> str:
    return reverse(f"analyse:{naam}", kwargs={"werkgroep": request.werkgroep.slug, **kwargs})


def _schouw(request, pk: int) -> Schouw:
    return get_object_or_404(request.werkgroep.schouwen.select_related("cyclus"), pk=pk)


def _punt(request, pk: int) -> Schouwpunt:
    return get_object_or_404(
        Schouwpunt.objects.filter(schouw__werkgroep=request.werkgroep).select_related("schouw", "wie", "terrein"), pk=pk
    )


def _per_jaar(cyclus, schouwen: list[Schouw]) -> list[dict]:
    from kvo.toets import cyclus_jaren

    jaren = []
    vandaag = timezone.localdate()
    for jaar in cyclus_jaren(cyclus.start, vandaag):
        lijst = [s for s in schouwen if jaar.bevat(s.datum)]
        positief = sum(1 for s in lijst for p in s.punten.all() if p.positief)
        jaren.append({"jaar": jaar, "schouwen": lijst, "positief": positief, "begonnen": jaar.start <= vandaag})
    return jaren


@vereist(Actie.BEKIJKEN)
def schouwen(request, werkgroep):
    cyclus = huidige_cyclus(request)
    lijst = schouwen_van(cyclus) if cyclus else []
    return render(
        request,
        "analyse/schouwen.html",
        context(
            request,
            cyclus=cyclus,
            schouwen=lijst,
            jaren=_per_jaar(cyclus, lijst) if cyclus else [],
            waarschuwingen=waarschuwingen(request.werkgroep, IDS),
        ),
    )


def _schouw_form(request, schouw: Schouw | None):
    cyclus = huidige_cyclus(request, verplicht=True)
    initial = {"groep": Schouw.Groep.VOLTALLIG, "soort": Schouw.Soort.DAG, "datum": timezone.localdate()}
    if schouw:
        initial = {
            "soort": schouw.soort,
            "datum": schouw.datum,
            "groep": schouw.groep,
            "aanwezigen": schouw.aanwezigen.all(),
        }
    form = SchouwForm(request.POST or None, werkgroep=request.werkgroep, initial=initial)
    if request.method == "POST":
        nieuw = schouw is None
        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: (
                services.schouw_maak(actor=request.user, cyclus=cyclus, **g)
                if nieuw
                else services.schouw_wijzig(actor=request.user, schouw=schouw, **g)
            ),
            succes=lambda s: (
                f"{s} vastgelegd. Voeg nu de punten toe, met een foto per punt." if nieuw else f"{s} opgeslagen."
            ),
            naar=lambda s: _url(request, "schouw", pk=s.pk),
        )
        if antwoord is not None:
            return antwoord
    terug = _url(request, "schouw", pk=schouw.pk) if schouw else _url(request)
    return render(
        request,
        "analyse/schouw_form.html",
        context(request, form=form, schouw=schouw, terug=terug),
        status=422 if request.method == "POST" else 200,
    )


@vereist(Actie.WIJZIGEN)
def schouw_nieuw(request, werkgroep):
    return _schouw_form(request, None)


@vereist(Actie.WIJZIGEN)
def schouw_wijzig(request, werkgroep, pk: int):
    return _schouw_form(request, _schouw(request, pk))


@vereist(Actie.WIJZIGEN)
def schouw_verwijder(request, werkgroep, pk: int):
    schouw = _schouw(request, pk)
    if request.method == "POST":
        services.schouw_verwijder(actor=request.user, schouw=schouw)
        messages.success(request, f"{schouw} is verwijderd.")
        return redirect(_url(request))
    return render(
        request,
        "analyse/schouw_verwijderen.html",
        context(request, schouw=schouw, aantal=schouw.punten.count()),
    )


@vereist(Actie.BEKIJKEN)
def schouw(request, werkgroep, pk: int):
    s = _schouw(request, pk)
    punten = list(s.punten.select_related("wie", "terrein").order_by("nummer"))
    for p in punten:
        p.ontbreekt = verbeter_ontbreekt(p)
    return render(
        request,
        "analyse/schouw.html",
        context(
            request,
            schouw=s,
            punten=punten,
            aanwezigen=list(s.aanwezigen.select_related("partij").order_by("naam")),
            positief=sum(1 for p in punten if p.positief),
            waarschuwingen=waarschuwingen(request.werkgroep, IDS),
        ),
    )


BEWAARDE_FOTO = "kvo_schouwfoto"  # session key: the one cleaned photo kept across a validation error


def _bewaar_foto(request, foto: Foto) -> str:
    """Keep a cleaned photo (no metadata) in the member's own session, under a fresh token: the next
    post of the form names the token instead of uploading again. One photo at a time."""
    token = secrets.token_urlsafe(16)
    request.session[BEWAARDE_FOTO] = {
        "token": token,
        "werkgroep": request.werkgroep.pk,
        "inhoud": base64.b64encode(foto.inhoud).decode("ascii"),
        "lat": foto.lat,
        "lon": foto.lon,
    }
    return token


def _bewaarde_foto(request, token: str | None) -> Foto | None:
    bewaard = request.session.get(BEWAARDE_FOTO)
    if not token or not bewaard or bewaard.get("werkgroep") != request.werkgroep.pk:
        return None
    if not secrets.compare_digest(str(bewaard.get("token")), token):
        return None
    return Foto(base64.b64decode(bewaard["inhoud"]), bewaard.get("lat"), bewaard.get("lon"))


def _voorbeeld(foto: Foto) -> str:
    """A small preview of the kept photo as a data URL (CSP allows data: images)."""
    with Image.open(io.BytesIO(foto.inhoud)) as beeld:
        beeld.thumbnail((320, 240))
        uit = io.BytesIO()
        beeld.save(uit, "JPEG", quality=70)
    return "data:image/jpeg;base64," + base64.b64encode(uit.getvalue()).decode("ascii")


def _punt_form(request, schouw: Schouw, punt: Schouwpunt | None):
    initial = {}
    if punt:
        initial = {
            "positief": "1" if punt.positief else "0",
            **{
                k: getattr(punt, k)
                for k in ("terrein", "locatie", "bevinding", "actie", "wie", "gereed_voor", "terugkerend")
            },
            "waarom_tevreden": punt.waarom_tevreden,
            "wat_nodig_was": punt.wat_nodig_was,
        }
    heeft_foto = bool(punt and punt.foto)
    post = request.method == "POST"  # bound also when empty: an empty post gets the required-field errors
    form = PuntForm(
        request.POST if post else None,
        request.FILES if post else None,
        werkgroep=request.werkgroep,
        initial=initial,
        heeft_foto=heeft_foto,
        bewaarde_foto=_bewaarde_foto(request, request.POST.get("foto_bewaard")) if post else None,
    )
    foto = None
    wachtrij = post and punt is None and "application/json" in request.headers.get("Accept", "")
    if post and punt is None and (bestaand := services.punt_met_client_id(schouw, _client_id(request))):
        return _punt_opgeslagen(request, schouw, bestaand, nieuw=False, wachtrij=wachtrij)
    if post:
        uitkomst = voer_uit(
            form,
            lambda g: services.punt_bewaar(
                actor=request.user,
                schouw=schouw,
                gegevens={k: v for k, v in g.items() if k not in ("foto", "client_id")},
                foto=form.schone_foto,
                punt=punt,
                client_id=None if punt else g.get("client_id"),
            ),
        )
        if uitkomst.gelukt:
            request.session.pop(BEWAARDE_FOTO, None)
            return _punt_opgeslagen(request, schouw, uitkomst.waarde, nieuw=True, wachtrij=wachtrij)
        if wachtrij:  # the phone's queue shows what the server refused; it keeps the point for the walker
            return JsonResponse({"fouten": {veld: list(fouten) for veld, fouten in form.errors.items()}}, status=422)
        foto = form.schone_foto
    bewaard = {}
    if foto is not None:
        bewaard = {"foto_bewaard": _bewaar_foto(request, foto), "foto_voorbeeld": _voorbeeld(foto)}
    return render(
        request,
        "analyse/punt_form.html",
        context(request, form=form, schouw=schouw, punt=punt, terug=_url(request, "schouw", pk=schouw.pk), **bewaard),
        status=422 if request.method == "POST" else 200,
    )


def _client_id(request) -> uuid.UUID | None:
    try:
        return uuid.UUID(request.POST.get("client_id") or "")
    except ValueError:
        return None


def _punt_opgeslagen(request, schouw: Schouw, punt: Schouwpunt, *, nieuw: bool, wachtrij: bool):
    """The answer to a saved point. The phone's queue (``Accept: application/json``) gets the point's
    number (201 new, 200 sent before); the form redirects as always. A point sent again under its
    ``client_id`` is not stored twice: the answer names the point stored the first time."""
    adres = _url(request, "schouw", pk=schouw.pk) + f"#punt-{punt.nummer}"
    if wachtrij:
        return JsonResponse({"nummer": punt.nummer, "nieuw": nieuw, "url": adres}, status=201 if nieuw else 200)
    if nieuw:
        messages.success(request, f"Punt {punt.nummer} opgeslagen.")
    else:
        messages.info(request, f"Punt {punt.nummer} was al opgeslagen; het is niet nog eens toegevoegd.")
    if "nog_een" in request.POST:
        return redirect(_url(request, "punt_nieuw", pk=schouw.pk))
    return redirect(adres)


@vereist(Actie.WIJZIGEN)
def punt_nieuw(request, werkgroep, pk: int):
    return _punt_form(request, _schouw(request, pk), None)


@vereist(Actie.WIJZIGEN)
def punt_wijzig(request, werkgroep, pk: int):
    punt = _punt(request, pk)
    return _punt_form(request, punt.schouw, punt)


@vereist(Actie.WIJZIGEN)
def punt_verwijder(request, werkgroep, pk: int):
    punt = _punt(request, pk)
    if request.method != "POST":
        return redirect(_url(request, "punt_wijzig", pk=punt.pk))
    services.punt_verwijder(actor=request.user, punt=punt)
    messages.success(request, f"Punt {punt.nummer} is verwijderd; de andere punten houden hun nummer.")
    return redirect(_url(request, "schouw", pk=punt.schouw_id))


@vereist(Actie.BEKIJKEN)
def punt_foto(request, werkgroep, pk: int):
    """The photo, only through the work group: another group's photo is a 404 even with its URL."""
    punt = _punt(request, pk)
    if not punt.foto:
        raise Http404("Geen foto.")
    antwoord = FileResponse(punt.foto.open("rb"), content_type="image/jpeg")
    antwoord["Cache-Control"] = "private, max-age=3600"
    antwoord["X-Content-Type-Options"] = "nosniff"
    return antwoord


def _rapport_context(request) -> dict:
    cyclus = huidige_cyclus(request)
    lijst = schouwen_van(cyclus) if cyclus else []
    aanwezigen = {}
    if lijst:
        for s in Schouw.objects.filter(pk__in=[s.pk for s in lijst]).prefetch_related("aanwezigen__partij"):
            aanwezigen[s.pk] = sorted(s.aanwezigen.all(), key=lambda lid: lid.naam)
    for s in lijst:
        s.aanwezigen_lijst = aanwezigen.get(s.pk, [])
    return {
        "cyclus": cyclus,
        "schouwen": lijst,
        "resultaten": voer_toets_uit(request.werkgroep, ids=IDS),
    }


@vereist(Actie.BEKIJKEN)
def rapport(request, werkgroep):
    return render(request, "analyse/schouwrapport.html", context(request, **_rapport_context(request)))


@vereist(Actie.BEKIJKEN)
def rapport_pdf(request, werkgroep):
    gegevens = _rapport_context(request)
    if not gegevens["schouwen"]:
        raise Http404("Nog geen schouw.")
    pdf = template_naar_pdf(
        "pdf/schouwrapport.html",
        {**gegevens, "werkgroep": request.werkgroep, "titel": "Schouwrapport", "datum": timezone.localdate()},
    )
    antwoord = HttpResponse(pdf, content_type="application/pdf")
    antwoord["Content-Disposition"] = f'inline; filename="schouwrapport-cyclus-{gegevens["cyclus"].nummer}.pdf"'
    return antwoord
