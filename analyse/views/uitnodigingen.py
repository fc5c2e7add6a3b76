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
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from analyse import vragenlijst
from analyse.forms_uitnodigingen import OnbestelbaarForm, PlanningForm
from analyse.models import EnqueteUitnodiging, Herinnering, HerinneringRonde
from analyse.selectors import uitnodigingen as selectors
from analyse.selectors.enquete import contact_van, dekking_van, enquete_van
from analyse.services import uitnodigingen as services
from analyse.services.reacties import reactie_indienen
from analyse.tokens import link_url
from analyse.views.basis import context, huidige_cyclus, waarschuwingen
from gebieden.models import Ondernemer
from kvo.avg import privacy_url
from kvo.mixins import fout_in_form, vereist
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
    return get_object_or_404(
        EnqueteUitnodiging.objects.filter(enquete=enquete, enquete__werkgroep=request.werkgroep).select_related(
            "ondernemer__terrein", "enquete__werkgroep"
        ),
        pk=pk,
    )


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


VASTGELOPEN_NA = dt.timedelta(hours=1)  # a queued or running round without a sign of life this long is stuck


def _rondes(enquete) -> list[dict]:
    """Per reminder round: its day, its date, how many went out (from the ledger), and its state as
    it happened: planned, waiting for the hourly planner, queued, being sent, sent, or stuck with
    the reason (from ``HerinneringRonde``, which the sending task keeps up to date)."""
    telling = {
        r["ronde"]: r
        for r in Herinnering.objects.filter(uitnodiging__enquete=enquete)
        .values("ronde")
        .annotate(
            verstuurd=Count("pk", filter=Q(status=Herinnering.Status.VERSTUURD)),
            mislukt=Count("pk", filter=Q(status=Herinnering.Status.MISLUKT)),
        )
    }
    stand = {r.ronde: r for r in HerinneringRonde.objects.filter(enquete=enquete)}
    nu = timezone.now()
    vandaag = timezone.localdate()
    Status = HerinneringRonde.Status
    lijst = []
    for nummer, dagen in enumerate(enquete.herinnering_dagen or [], start=1):
        datum = enquete.geopend_op + dt.timedelta(days=dagen)
        t = telling.get(nummer, {})
        rij = stand.get(nummer)
        reden = ""
        if rij is None:
            if nummer in telling:
                toestand = "verstuurd"
            elif datum > vandaag:
                toestand = "gepland"
            elif datum == vandaag:
                toestand, reden = "wacht", "De planner zet een verschuldigde ronde binnen het uur in de wachtrij."
            else:
                toestand = "vastgelopen"
                reden = "De planner heeft deze ronde niet opgepakt: draait de achtergrondverwerking?"
        elif rij.status == Status.VERSTUURD:
            toestand = "verstuurd"
        elif rij.status == Status.VASTGELOPEN:
            toestand, reden = "vastgelopen", rij.reden
        elif rij.status == Status.WACHTRIJ and nu - rij.in_wachtrij_op > VASTGELOPEN_NA:
            toestand = "vastgelopen"
            reden = (
                f"Staat sinds {timezone.localtime(rij.in_wachtrij_op):%d-%m-%Y %H:%M} in de wachtrij: "
                "de achtergrondverwerking neemt geen taken aan."
            )
        elif rij.status == Status.BEZIG and nu - rij.bijgewerkt_op > VASTGELOPEN_NA:
            toestand = "vastgelopen"
            laatst = timezone.localtime(rij.bijgewerkt_op)
            reden = f"Het versturen stopte na {t.get('verstuurd', 0)} herinneringen (laatst bezig om {laatst:%H:%M})."
        else:
            toestand = "bezig" if rij.status == Status.BEZIG else "wachtrij"
        lijst.append(
            {
                "nummer": nummer,
                "dagen": dagen,
                "datum": datum,
                "verstuurd": t.get("verstuurd", 0),
                "mislukt": t.get("mislukt", 0),
                "toestand": toestand,
                "reden": reden,
            }
        )
    return lijst


def _pagina(request, cyclus, enquete, *, form=None, status=200):
    extra = {"cyclus": cyclus, "enquete": enquete, "waarschuwingen": waarschuwingen(request.werkgroep, IDS)}
    if enquete is not None and not enquete.is_verstuurd:
        dekking = dekking_van(enquete)
        per_terrein = (
            Ondernemer.objects.filter(terrein__werkgroep=request.werkgroep)
            .values("terrein__naam")
            .annotate(n=Count("pk"), met_email=Count("pk", filter=Q(email__isnull=False) & ~Q(email="")))
            .order_by("terrein__naam")
        )
        extra.update(
            dekking=dekking,
            klaar=dekking.minimum_voldaan and dekking.open_voldaan,
            aantal_vragen=enquete.vragen.count(),
            ontvangers=[{**r, "zonder": r["n"] - r["met_email"]} for r in per_terrein],
            form=form or PlanningForm(initial=_planning_initial(enquete)),
        )
    elif enquete is not None:
        lijst = selectors.uitnodigingen_van(enquete)
        extra.update(
            stand=selectors.verzendstand(enquete),
            terreinen=selectors.per_terrein(enquete),
            uitnodigingen=lijst,
            problemen=selectors.problemen(enquete, lijst),
            rondes=_rondes(enquete),
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
    if form.is_valid():
        try:
            nieuw = services.enquete_versturen(
                actor=request.user,
                enquete=enquete,
                gesloten_op=form.cleaned_data["gesloten_op"],
                herinnering_dagen=form.cleaned_data["herinneringen"],
            )
        except ValidationError as e:
            fout_in_form(form, e)
        else:
            per_brief = sum(1 for u in nieuw if u.kanaal == EnqueteUitnodiging.Kanaal.BRIEF)
            tekst = f"De enquête is verstuurd: {len(nieuw)} uitnodigingen."
            if per_brief:
                tekst += (
                    f" {per_brief} ondernemers zonder e-mailadres krijgen een brief: maak die hieronder per terrein."
                )
            messages.success(request, tekst)
            return redirect(_url(request))
    enquete.refresh_from_db()
    return _pagina(request, cyclus, enquete, form=form, status=422)


@require_POST
@vereist(Actie.ENQUETE)
def planning(request, werkgroep):
    cyclus, enquete = _enquete(request, verplicht=True)
    form = PlanningForm(request.POST)
    if form.is_valid():
        try:
            services.planning_wijzig(
                actor=request.user,
                enquete=enquete,
                gesloten_op=form.cleaned_data["gesloten_op"],
                herinnering_dagen=form.cleaned_data["herinneringen"],
            )
        except ValidationError as e:
            fout_in_form(form, e)
        else:
            messages.success(request, "De planning is opgeslagen.")
            return redirect(_url(request))
    enquete.refresh_from_db()
    return _pagina(request, cyclus, enquete, form=form, status=422)


@require_POST
@vereist(Actie.ENQUETE)
def aanvullen(request, werkgroep):
    _, enquete = _enquete(request, verplicht=True)
    try:
        aantal = services.uitnodigingen_aanvullen(actor=request.user, enquete=enquete)
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
        melding = services.uitnodiging_opnieuw(actor=request.user, uitnodiging=uitnodiging)
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
    form = OnbestelbaarForm(request.POST)
    toelichting = form.cleaned_data["toelichting"] if form.is_valid() else ""
    try:
        services.uitnodiging_onbestelbaar(actor=request.user, uitnodiging=uitnodiging, toelichting=toelichting)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(
            request, f"{uitnodiging.ondernemer.naam}: onbestelbaar genoteerd. Deze ondernemer staat nu bij de brieven."
        )
    return redirect(_url(request) + "#problemen")


def qr_svg(url: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=3, border=2, dark="#000")


@require_POST
@vereist(Actie.ENQUETE)
def brieven(request, werkgroep, terrein: int):
    """One PDF with a letter per entrepreneur of the park who needs one: link and QR code."""
    _, enquete = _enquete(request, verplicht=True)
    terrein = get_object_or_404(request.werkgroep.terreinen, pk=terrein)
    try:
        paren = services.brieven_maken(
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
                telt = reactie_indienen(uitnodiging=uitnodiging, antwoorden=antwoorden, papier=True, actor=request.user)
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
    """ "Nu herinneren": queue a reminder round today (``services.herinnering_nu``)."""
    _, enquete = _enquete(request, verplicht=True)
    try:
        ronde = services.herinnering_nu(actor=request.user, enquete=enquete)
    except ValidationError as e:
        for tekst in e.messages:
            messages.error(request, tekst)
    else:
        messages.success(
            request,
            f"Herinnering {ronde} staat in de wachtrij: wie nog niet heeft ingevuld, krijgt vandaag een e-mail.",
        )
    return redirect(_url(request) + "#herinneringen-kop")
