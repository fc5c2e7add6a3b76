"""Invitations to the survey (§4.1.1): sending, progress, reminders, letters, paper entry.

The page belongs to the chair and the secretary (``Actie.ENQUETE``): it shows who has answered
(never what). Sending runs in a Celery task; the progress block polls itself with htmx while
mails are still waiting, and is a plain page without JavaScript.
"""

from __future__ import annotations

import datetime as dt

import segno
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from analyse import vragenlijst
from analyse.forms_uitnodigingen import OnbestelbaarForm, PlanningForm
from analyse.models import EnqueteUitnodiging
from analyse.selectors import uitnodigingen as selectors
from analyse.selectors.enquete import contact_van, dekking_van, enquete_van
from analyse.services import uitnodigingen as services
from analyse.services.reacties import reactie_dien_in
from analyse.tokens import link_url
from analyse.views.basis import context, huidige_cyclus, waarschuwingen
from kvo.avg import privacy_url
from kvo.formulieren import verwerk, verwerk_formulier
from kvo.mixins import vereist
from kvo.pdf import template_naar_pdf
from kvo.permissions import Actie

IDS = ("enquete.persoonlijk", "enquete.respons")
STANDAARD_LOOPTIJD = 28  # days, the default closing date
STANDAARD_HERINNERINGEN = "7, 14"


def _url(request, naam: str = "uitnodigingen", **kwargs) -> str:
    return reverse(f"analyse:{naam}", kwargs={"werkgroep": request.werkgroep.slug, **kwargs})


def _enquete(request, *, verplicht: bool = False):
    cyclus = huidige_cyclus(request, verplicht=verplicht)
    enquete = enquete_van(cyclus) if cyclus else None
    if enquete is None and verplicht:
        from django.http import Http404

        raise Http404("Nog geen enquête.")
    return cyclus, enquete


def _uitnodiging(request, enquete, pk: int) -> EnqueteUitnodiging:
    return get_object_or_404(selectors.uitnodigingen_in(enquete, request.werkgroep), pk=pk)


def _planning_initial(enquete) -> dict:
    if enquete.is_verstuurd:
        return {
            "gesloten_op": enquete.gesloten_op,
            "herinneringen": ", ".join(str(d) for d in enquete.herinnering_dagen or []),
        }
    return {
        "gesloten_op": timezone.localdate() + dt.timedelta(days=STANDAARD_LOOPTIJD),
        "herinneringen": STANDAARD_HERINNERINGEN,
    }


def _pagina(request, cyclus, enquete, *, form=None, status=200):
    extra = {"cyclus": cyclus, "enquete": enquete, "waarschuwingen": waarschuwingen(request.werkgroep, IDS)}
    if enquete is not None and not enquete.is_verstuurd:
        dekking = dekking_van(enquete)
        extra.update(
            dekking=dekking,
            klaar=dekking.minimum_voldaan and dekking.open_voldaan,
            aantal_vragen=enquete.vragen.count(),
            ontvangers=selectors.ontvangers_per_terrein(request.werkgroep),
            form=form or PlanningForm(initial=_planning_initial(enquete)),
        )
    elif enquete is not None:
        lijst = selectors.uitnodigingen_van(enquete)
        extra.update(
            stand=selectors.verzendstand(enquete),
            terreinen=selectors.per_terrein(enquete),
            uitnodigingen=lijst,
            problemen=selectors.problemen(enquete, lijst),
            rondes=selectors.herinnering_rondes(enquete),
            open=enquete.is_open(timezone.localdate()),
            form=form or PlanningForm(initial=_planning_initial(enquete)),
        )
    return render(request, "analyse/uitnodigingen.html", context(request, **extra), status=status)


@vereist(Actie.ENQUETE)
def uitnodigingen(request, werkgroep):
    cyclus, enquete = _enquete(request)
    return _pagina(request, cyclus, enquete)


@vereist(Actie.ENQUETE)
def verzendstatus(request, werkgroep):
    """The progress block on its own (htmx polls it while e-mails are still going out)."""
    _, enquete = _enquete(request, verplicht=True)
    stand = selectors.verzendstand(enquete)
    return render(request, "analyse/_verzendstatus.html", context(request, enquete=enquete, stand=stand))


@require_POST
@vereist(Actie.ENQUETE)
def versturen(request, werkgroep):
    cyclus, enquete = _enquete(request, verplicht=True)
    form = PlanningForm(request.POST)
    antwoord = verwerk_formulier(
        request,
        form,
        lambda g: services.enquete_verstuur(
            actor=request.user, enquete=enquete, gesloten_op=g["gesloten_op"], herinnering_dagen=g["herinneringen"]
        ),
        succes=_verstuurd,
        naar=_url(request),
    )
    if antwoord is not None:
        return antwoord
    enquete.refresh_from_db()
    return _pagina(request, cyclus, enquete, form=form, status=422)


def _verstuurd(nieuw) -> str:
    per_brief = sum(1 for u in nieuw if u.kanaal == EnqueteUitnodiging.Kanaal.BRIEF)
    tekst = f"De enquête is verstuurd: {len(nieuw)} uitnodigingen."
    if per_brief:
        tekst += f" {per_brief} ondernemers zonder e-mailadres krijgen een brief: maak die hieronder per terrein."
    return tekst


@require_POST
@vereist(Actie.ENQUETE)
def planning(request, werkgroep):
    cyclus, enquete = _enquete(request, verplicht=True)
    form = PlanningForm(request.POST)
    antwoord = verwerk_formulier(
        request,
        form,
        lambda g: services.planning_wijzig(
            actor=request.user, enquete=enquete, gesloten_op=g["gesloten_op"], herinnering_dagen=g["herinneringen"]
        ),
        succes="De planning is opgeslagen.",
        naar=_url(request),
    )
    if antwoord is not None:
        return antwoord
    enquete.refresh_from_db()
    return _pagina(request, cyclus, enquete, form=form, status=422)


@require_POST
@vereist(Actie.ENQUETE)
def aanvullen(request, werkgroep):
    _, enquete = _enquete(request, verplicht=True)
    try:
        aantal = services.uitnodigingen_vul_aan(actor=request.user, enquete=enquete)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(
            request,
            f"{aantal} nieuwe ondernemer{pluralize(aantal, 's')} uitgenodigd."
            if aantal
            else "Iedereen is al uitgenodigd.",
        )
    return redirect(_url(request))


@require_POST
@vereist(Actie.ENQUETE)
def opnieuw(request, werkgroep, pk: int):
    _, enquete = _enquete(request, verplicht=True)
    uitnodiging = _uitnodiging(request, enquete, pk)
    try:
        melding = services.uitnodiging_verstuur_opnieuw(actor=request.user, uitnodiging=uitnodiging)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(request, melding)
    return redirect(_url(request) + "#problemen")


@require_POST
@vereist(Actie.ENQUETE)
def onbestelbaar(request, werkgroep, pk: int):
    _, enquete = _enquete(request, verplicht=True)
    uitnodiging = _uitnodiging(request, enquete, pk)

    def markeer(form) -> str:
        services.uitnodiging_markeer_onbestelbaar(
            actor=request.user, uitnodiging=uitnodiging, toelichting=form.cleaned_data["toelichting"]
        )
        return f"{uitnodiging.ondernemer.naam}: onbestelbaar genoteerd. Deze ondernemer staat nu bij de brieven."

    return verwerk(
        request, OnbestelbaarForm(request.POST), markeer, actie=Actie.ENQUETE, naar=_url(request) + "#problemen"
    )


def qr_svg(url: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=3, border=2, dark="#000")


@require_POST
@vereist(Actie.ENQUETE)
def brieven(request, werkgroep, terrein: int):
    """One PDF with a letter per entrepreneur of the park who needs one: link and QR code."""
    _, enquete = _enquete(request, verplicht=True)
    terrein = get_object_or_404(request.werkgroep.terreinen, pk=terrein)
    try:
        paren = services.brieven_maak(
            actor=request.user, enquete=enquete, terrein=terrein, opnieuw=request.POST.get("opnieuw") == "1"
        )
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
        return redirect(_url(request))
    brieven = []
    for uitnodiging, token, code in paren:
        url = link_url(token)
        brieven.append({"ondernemer": uitnodiging.ondernemer, "link": link_url(code), "qr": qr_svg(url)})
    pdf = template_naar_pdf(
        "pdf/enquete_brieven.html",
        {
            "werkgroep": request.werkgroep,
            "enquete": enquete,
            "terrein": terrein,
            "brieven": brieven,
            "contact": contact_van(request.werkgroep),
            "privacy_url": privacy_url(),
            "datum": timezone.localdate(),
        },
    )
    antwoord = HttpResponse(pdf, content_type="application/pdf")
    antwoord["Content-Disposition"] = f'attachment; filename="enquete-brieven-{terrein.ref or terrein.pk}.pdf"'
    antwoord["Cache-Control"] = "no-store"  # the links in it are personal
    return antwoord


@vereist(Actie.ENQUETE)
def papier(request, werkgroep, pk: int):
    """Enter a paper questionnaire against the invitation, so the response count stays true."""
    _, enquete = _enquete(request, verplicht=True)
    uitnodiging = _uitnodiging(request, enquete, pk)
    if uitnodiging.beantwoord:
        messages.info(request, f"{uitnodiging.ondernemer.naam} heeft de enquête al ingevuld.")
        return redirect(_url(request))
    stappen = vragenlijst.stappen(enquete)
    fout = ""
    status = 200
    if request.method == "POST":
        antwoorden, goed = vragenlijst.lees_formulier(stappen, request.POST)
        if goed:
            try:
                telt = reactie_dien_in(uitnodiging=uitnodiging, antwoorden=antwoorden, papier=True, actor=request.user)
            except ValidationError as e:
                fout = " ".join(e.messages)
            else:
                leeg = "" if telt else " Geen enkele vraag beantwoord: geteld als lege inzending, niet als reactie."
                messages.success(request, f"Papieren vragenlijst van {uitnodiging.ondernemer.naam} ingevoerd.{leeg}")
                return redirect(_url(request))
        else:
            fout = "Niet alles is goed ingevuld; de vragen met een melding staan hieronder in rood."
        status = 422
    return render(
        request,
        "analyse/papier.html",
        context(request, enquete=enquete, uitnodiging=uitnodiging, stappen=stappen, fout=fout),
        status=status,
    )


@require_POST
@vereist(Actie.ENQUETE)
def herinneren(request, werkgroep):
    """ "Nu herinneren": queue a reminder round today (``services.herinnering_verstuur_nu``)."""
    _, enquete = _enquete(request, verplicht=True)
    try:
        ronde = services.herinnering_verstuur_nu(actor=request.user, enquete=enquete)
    except ValidationError as e:
        for tekst in e.messages:
            messages.error(request, tekst)
    else:
        messages.success(
            request,
            f"Herinnering {ronde} staat in de wachtrij: wie nog niet heeft ingevuld, krijgt vandaag een e-mail.",
        )
    return redirect(_url(request) + "#herinneringen-kop")
