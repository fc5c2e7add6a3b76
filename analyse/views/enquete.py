"""The survey builder (enquête-bouwer, §4.1.1): the secretary or chair composes the cycle's survey.

Everyone of the work group may look; composing needs ``Actie.ENQUETE``. Every change is a plain
POST form that redirects back to the builder; with htmx the same forms swap only the theme that
changed and the live totals beside it (Django template partials of ``analyse/enquete.html``).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_POST

from analyse import catalogus
from analyse.antwoorden import SCHAAL_LABELS, schaal_labels
from analyse.checks.enquete import IDS
from analyse.forms_enquete import InstellingenForm, ThemaForm, VraagForm
from analyse.selectors.enquete import bouwer, enquete_van, vragen_per_thema
from analyse.services import enquete as services
from analyse.views.basis import context, huidige_cyclus
from kvo.formulieren import verwerk_formulier
from kvo.mixins import vereist
from kvo.permissions import Actie
from kvo.toets import voer_toets_uit

SJABLOON = "analyse/enquete.html"


def _url(request, naam: str = "enquete", **kwargs) -> str:
    return reverse(f"analyse:{naam}", kwargs={"werkgroep": request.werkgroep.slug, **kwargs})


def _naar_bouwer(request, anker: str = ""):
    return redirect(_url(request) + (f"#{anker}" if anker else ""))


def _optionele_url(request, naam: str) -> str:
    """A link to a page built elsewhere, only when it exists."""
    try:
        return _url(request, naam)
    except NoReverseMatch:
        return ""


def _enquete_of_404(request):
    enquete = enquete_van(huidige_cyclus(request, verplicht=True))
    if enquete is None:
        raise Http404("Er is nog geen enquête voor deze cyclus.")
    return enquete


def _bouwer_context(request, cyclus, enquete, **extra) -> dict:
    themas, dekking = bouwer(enquete) if enquete else ([], None)
    mag_enquete = request.toegang.mag(Actie.ENQUETE)
    return context(
        request,
        cyclus=cyclus,
        enquete=enquete,
        themas=themas,
        dekking=dekking,
        aantal_vragen=sum(t.aantal_vragen for t in themas),
        aantal_blokken=len(enquete.blokken or []) if enquete else 0,
        lege_blokken=sorted(set(enquete.blokken or []) - dekking.blokken) if enquete else [],
        toets=voer_toets_uit(request.werkgroep, cyclus=cyclus, ids=IDS) if cyclus else [],
        mag_bewerken=bool(enquete and mag_enquete and not enquete.is_verstuurd),
        minimum_totaal=catalogus.MINIMUM_TOTAAL,
        url_uitnodigingen=_optionele_url(request, "uitnodigingen"),
        url_resultaten=_optionele_url(request, "resultaten"),
        **extra,
    )


@vereist(Actie.BEKIJKEN)
def enquete(request, werkgroep):
    cyclus = huidige_cyclus(request)
    return render(request, SJABLOON, _bouwer_context(request, cyclus, enquete_van(cyclus)))


def _na_wijziging(request, enquete, *, thema: str, anker: str, melding: str = "", fout: ValidationError | None = None):
    """htmx: the changed theme, the live totals (out of band) and a spoken notice; else back to the builder."""
    if not request.htmx:
        if fout is not None:
            for bericht in fout.messages:
                messages.error(request, bericht)
        elif melding:
            messages.success(request, melding)
        return _naar_bouwer(request, anker)
    enquete.refresh_from_db()
    ctx = _bouwer_context(request, enquete.cyclus, enquete, oob=True, alles_open=True)
    t = next((t for t in ctx["themas"] if t.sleutel == thema), None)
    delen = []
    if t is not None:
        delen.append(render_to_string(f"{SJABLOON}#thema", {**ctx, "t": t}, request))
    delen.append(render_to_string(f"{SJABLOON}#stand", ctx, request))
    tekst = " ".join(fout.messages) if fout is not None else melding
    delen.append(render_to_string(f"{SJABLOON}#melding", {**ctx, "tekst": tekst, "fout": fout is not None}, request))
    response = HttpResponse("".join(delen))
    if fout is not None and enquete.is_verstuurd:
        response["HX-Refresh"] = "true"  # sent meanwhile: show the read-only survey
    return response


@vereist(Actie.ENQUETE)
@require_POST
def opzetten(request, werkgroep):
    cyclus = huidige_cyclus(request, verplicht=True)
    met_minimum = request.POST.get("leeg") != "1"
    try:
        e = services.enquete_maak(actor=request.user, cyclus=cyclus, met_minimum=met_minimum)
    except ValidationError as fout:
        for bericht in fout.messages:
            messages.error(request, bericht)
        return _naar_bouwer(request)
    if met_minimum:
        messages.success(
            request,
            f"De enquête is opgezet met {len(e.blokken)} blokken en hun standaardvragen: elk thema haalt zijn "
            "minimum en de drie open vragen staan erin. Pas de vragen aan waar u wilt.",
        )
    else:
        messages.success(request, "Er is een lege enquête opgezet. Vink de blokken aan die u wilt opnemen.")
    return _naar_bouwer(request)


@vereist(Actie.ENQUETE)
@require_POST
def blok(request, werkgroep, blok: int):
    enquete = _enquete_of_404(request)
    if blok not in catalogus.BLOKKEN:
        raise Http404("Onbekend onderwerpblok.")
    aan = request.POST.get("aan") in ("1", "on", "true")
    thema = catalogus.thema_van_blok(blok)
    anker = f"blok-{blok}"
    try:
        aantal = services.enquete_blok_zet(actor=request.user, enquete=enquete, blok=blok, aan=aan)
    except ValidationError as fout:
        return _na_wijziging(request, enquete, thema=thema, anker=anker, fout=fout)
    vragen = f"{aantal} vra{'ag' if aantal == 1 else 'gen'}"
    if aan:
        melding = f"Blok {blok} staat in de enquête" + (f", met {vragen}." if aantal else ".")
    else:
        melding = f"Blok {blok} is uit de enquête gehaald" + (f"; {vragen} verwijderd." if aantal else ".")
    return _na_wijziging(request, enquete, thema=thema, anker=anker, melding=melding)


@vereist(Actie.ENQUETE)
def instellingen(request, werkgroep):
    enquete = _enquete_of_404(request)
    if enquete.is_verstuurd:
        messages.error(request, services.BEVROREN)
        return _naar_bouwer(request)
    form = InstellingenForm(request.POST or None, initial={"titel": enquete.titel, "inleiding": enquete.inleiding})
    if request.method == "POST":
        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: services.enquete_instellingen_wijzig(actor=request.user, enquete=enquete, **g),
            succes="Titel en inleiding opgeslagen.",
            naar=_naar_bouwer(request).url,
        )
        if antwoord is not None:
            return antwoord
    return render(request, "analyse/enquete_instellingen.html", context(request, form=form, enquete=enquete))


def _vraag_form(request, enquete, vraag=None):
    if enquete.is_verstuurd:
        messages.error(request, services.BEVROREN)
        return _naar_bouwer(request)
    if vraag is not None:
        initial = VraagForm.initial_van(vraag)
    else:
        thema = request.GET.get("thema", "")
        blok_ = request.GET.get("blok", "")
        if blok_.isdigit() and int(blok_) in catalogus.BLOKKEN and not thema:
            thema = catalogus.thema_van_blok(int(blok_))
        initial = {"thema": thema, "blok": blok_, "type": "schaal"}
    form = VraagForm(request.POST or None, enquete=enquete, vraag=vraag, initial=initial)
    if request.method == "POST":

        def bewaar(_g):
            if vraag is None:
                return services.vraag_maak(actor=request.user, enquete=enquete, **form.gegevens())
            services.vraag_wijzig(actor=request.user, vraag=vraag, **form.gegevens())
            return vraag

        antwoord = verwerk_formulier(
            request,
            form,
            bewaar,
            succes="Vraag toegevoegd." if vraag is None else "Vraag opgeslagen.",
            naar=lambda opgeslagen: _naar_bouwer(request, f"vraag-{opgeslagen.pk}").url,
        )
        if antwoord is not None:
            return antwoord
    return render(
        request,
        "analyse/enquete_vraag_form.html",
        context(request, form=form, enquete=enquete, vraag=vraag, schaal_labels=SCHAAL_LABELS),
    )


@vereist(Actie.ENQUETE)
def vraag_nieuw(request, werkgroep):
    return _vraag_form(request, _enquete_of_404(request))


@vereist(Actie.ENQUETE)
def vraag_wijzig(request, werkgroep, pk: int):
    enquete = _enquete_of_404(request)
    return _vraag_form(request, enquete, get_object_or_404(enquete.vragen, pk=pk))


@vereist(Actie.ENQUETE)
def vraag_verwijder(request, werkgroep, pk: int):
    enquete = _enquete_of_404(request)
    vraag = get_object_or_404(enquete.vragen, pk=pk)
    if request.method == "POST" and request.POST.get("bevestigd") == "1":
        thema, blok_ = vraag.thema, vraag.blok
        anker = f"blok-{blok_}" if blok_ else ""
        try:
            services.vraag_verwijder(actor=request.user, vraag=vraag)
        except ValidationError as fout:
            return _na_wijziging(request, enquete, thema=thema, anker=anker, fout=fout)
        return _na_wijziging(request, enquete, thema=thema, anker=anker, melding="Vraag verwijderd.")
    if enquete.is_verstuurd:
        messages.error(request, services.BEVROREN)
        return _naar_bouwer(request)
    return render(
        request,
        "analyse/enquete_verwijderen.html",
        context(
            request,
            enquete=enquete,
            wat="vraag",
            kop="Vraag verwijderen?",
            tekst=vraag.tekst,
            uitleg=f"De vraag verdwijnt uit het thema {catalogus.thema_naam(vraag.thema)}."
            + (
                f" Blok {vraag.blok} blijft aangevinkt; zonder vragen telt het niet mee voor het minimum."
                if vraag.blok
                else ""
            ),
            actie=_url(request, "enquete_vraag_verwijder", pk=vraag.pk),
        ),
    )


@vereist(Actie.ENQUETE)
@require_POST
def vraag_verplaats(request, werkgroep, pk: int):
    enquete = _enquete_of_404(request)
    vraag = get_object_or_404(enquete.vragen, pk=pk)
    richting = request.POST.get("richting", "")
    try:
        verplaatst = services.vraag_verplaats(actor=request.user, vraag=vraag, richting=richting)
    except ValidationError as fout:
        return _na_wijziging(request, enquete, thema=vraag.thema, anker=f"vraag-{vraag.pk}", fout=fout)
    melding = f"Vraag {richting} verplaatst." if verplaatst else "De vraag staat al bovenaan of onderaan."
    return _na_wijziging(request, enquete, thema=vraag.thema, anker=f"vraag-{vraag.pk}", melding=melding)


@vereist(Actie.ENQUETE)
def thema_nieuw(request, werkgroep):
    enquete = _enquete_of_404(request)
    if enquete.is_verstuurd:
        messages.error(request, services.BEVROREN)
        return _naar_bouwer(request)
    form = ThemaForm(request.POST or None)
    if request.method == "POST":
        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: services.thema_eigen_maak(actor=request.user, enquete=enquete, naam=g["naam"]),
            succes=lambda sleutel: (
                f"Eigen thema “{catalogus.thema_naam(sleutel)}” toegevoegd. Voeg er nu vragen aan toe."
            ),
            naar=lambda _: _naar_bouwer(request, f"thema-eigen-{len(enquete.eigen_themas)}").url,
        )
        if antwoord is not None:
            return antwoord
    return render(request, "analyse/enquete_thema_form.html", context(request, form=form, enquete=enquete))


@vereist(Actie.ENQUETE)
@require_POST
def thema_verwijder(request, werkgroep):
    enquete = _enquete_of_404(request)
    naam = request.POST.get("naam", "")
    if naam not in (enquete.eigen_themas or []):
        messages.error(request, "Dat eigen thema staat niet (meer) in de enquête.")
        return _naar_bouwer(request)
    if request.POST.get("bevestigd") == "1":
        try:
            aantal = services.thema_eigen_verwijder(actor=request.user, enquete=enquete, naam=naam)
            messages.success(
                request, f"Eigen thema “{naam}” verwijderd, met {aantal} vra{'ag' if aantal == 1 else 'gen'}."
            )
        except ValidationError as fout:
            for bericht in fout.messages:
                messages.error(request, bericht)
        return _naar_bouwer(request)
    aantal = enquete.vragen.filter(thema=catalogus.eigen_thema(naam)).count()
    return render(
        request,
        "analyse/enquete_verwijderen.html",
        context(
            request,
            enquete=enquete,
            wat="thema",
            naam=naam,
            kop=f"Eigen thema “{naam}” verwijderen?",
            tekst="",
            uitleg=f"Het thema en zijn {aantal} vra{'ag' if aantal == 1 else 'gen'} verdwijnen uit de enquête.",
            actie=_url(request, "enquete_thema_verwijder"),
        ),
    )


@vereist(Actie.BEKIJKEN)
def voorbeeld(request, werkgroep):
    """The questionnaire as the entrepreneur will see it (nothing can be submitted here)."""
    enquete = _enquete_of_404(request)
    groepen = vragen_per_thema(enquete)
    nummer = 0
    for groep in groepen:
        for vraag in groep.vragen:
            nummer += 1
            vraag.nummer = nummer
            vraag.labels = schaal_labels(vraag) if vraag.type == "schaal" else ()
    return render(
        request,
        "analyse/enquete_voorbeeld.html",
        context(request, enquete=enquete, groepen=groepen, aantal_vragen=nummer),
    )
