"""Incident figures of the current cycle (§4.1.2): the page, add / change / delete, import.

Import has a preview step like the entrepreneurs' register: the uploaded rows are checked and
kept in the session (under a key with the work group and cycle); the user confirms, and
``cijfers_importeer`` checks them again and writes all of them in one transaction, or none.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from analyse.checks.cijfers import IDS
from analyse.forms_cijfers import CATEGORIEEN, CijferForm, ImportForm, alle_categorieen, initial_uit
from analyse.importeren_cijfers import KOLOMMEN, BestandFout, controleer, lees_bestand, voorbeeld_csv, voorbeeld_xlsx
from analyse.models import Cijfer
from analyse.selectors import cijfers as selectors
from analyse.services import cijfers as services
from analyse.views.basis import context, huidige_cyclus, waarschuwingen
from kvo.export import download
from kvo.formulieren import verwerk_formulier, voer_uit
from kvo.grafieken import Reeks, kolommen
from kvo.mixins import vereist
from kvo.permissions import Actie


def pagina_url(werkgroep) -> str:
    return reverse("analyse:cijfers", kwargs={"werkgroep": werkgroep.slug})


def _url(naam: str, werkgroep, **kwargs) -> str:
    return reverse(f"analyse:{naam}", kwargs={"werkgroep": werkgroep.slug, **kwargs})


def _sessiesleutel(cyclus) -> str:
    return f"analyse.cijfers.import.{cyclus.werkgroep_id}.{cyclus.pk}"


def _cijfer(request, cyclus, pk: int) -> Cijfer:
    return get_object_or_404(request.werkgroep.cijfers.filter(cyclus=cyclus).select_related("terrein"), pk=pk)


@vereist(Actie.BEKIJKEN)
def cijfers(request, werkgroep):
    wg = request.werkgroep
    cyclus = huidige_cyclus(request)
    lijst = selectors.cijfers_van(cyclus)
    datum, reden = selectors.analysedatum(cyclus, timezone.localdate())
    keuzes = [("", "Alle bronnen (per bron)")] + [
        (b, f"{label}: per categorie") for b, label, _ in selectors.per_bron(lijst)
    ]
    gekozen = request.GET.get("grafiek", "")
    if gekozen not in dict(keuzes):
        gekozen = ""
    trend = selectors.trend(lijst, gekozen or None)
    grafiek = None
    if not trend.leeg:
        titel = (
            f"Cijfers per kalenderjaar, {Cijfer.Bron(gekozen).label} per categorie"
            if gekozen
            else "Cijfers per kalenderjaar, per bron"
        )
        grafiek = kolommen(
            [str(j) for j in trend.jaren], [Reeks(naam, waarden) for naam, waarden in trend.reeksen], titel=titel
        )
    return render(
        request,
        "analyse/cijfers.html",
        context(
            request,
            cyclus=cyclus,
            standen=selectors.bron_standen(lijst, datum),
            analysedatum=datum,
            analysereden=reden,
            groepen=selectors.per_bron(lijst),
            aantal=len(lijst),
            trend=trend,
            grafiek=grafiek,
            grafiek_keuzes=keuzes,
            grafiek_bron=gekozen,
            waarschuwingen=waarschuwingen(wg, IDS),
        ),
    )


def _formcontext(request, form, cijfer=None) -> dict:
    return context(
        request,
        form=form,
        cijfer=cijfer,
        categorieen=alle_categorieen(),
        categorieen_per_bron=[(b, namen) for b, namen in CATEGORIEEN.items()],
    )


@vereist(Actie.WIJZIGEN)
def cijfer_nieuw(request, werkgroep):
    cyclus = huidige_cyclus(request, verplicht=True)
    form = CijferForm(request.POST or None, werkgroep=request.werkgroep, initial=initial_uit(request.GET))
    if request.method == "POST":

        def verder(cijfer) -> str:
            if "nog_een" not in request.POST:
                return pagina_url(request.werkgroep)
            vorige = {
                "bron": cijfer.bron,
                "soort": cijfer.soort,
                "periode_van": cijfer.periode_van.isoformat(),
                "periode_tot": cijfer.periode_tot.isoformat(),
                "deelgebied": cijfer.deelgebied,
                **({"terrein": cijfer.terrein_id} if cijfer.terrein_id else {}),
            }
            return f"{_url('cijfer_nieuw', request.werkgroep)}?{urlencode(vorige)}"

        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: services.cijfer_maak(actor=request.user, cyclus=cyclus, **g),
            succes=lambda cijfer: f"Cijfer vastgelegd: {services.omschrijving(cijfer)}.",
            naar=verder,
        )
        if antwoord is not None:
            return antwoord
    return render(request, "analyse/cijfers_form.html", _formcontext(request, form))


@vereist(Actie.WIJZIGEN)
def cijfer_wijzigen(request, werkgroep, pk: int):
    cyclus = huidige_cyclus(request, verplicht=True)
    cijfer = _cijfer(request, cyclus, pk)
    initial = {v: getattr(cijfer, v) for v in services.VELDEN}
    form = CijferForm(request.POST or None, werkgroep=request.werkgroep, initial=initial)
    if request.method == "POST":
        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: services.cijfer_wijzig(actor=request.user, cijfer=cijfer, **g),
            succes=lambda _: f"Cijfer opgeslagen: {services.omschrijving(cijfer)}.",
            naar=pagina_url(request.werkgroep),
        )
        if antwoord is not None:
            return antwoord
    return render(request, "analyse/cijfers_form.html", _formcontext(request, form, cijfer))


@vereist(Actie.WIJZIGEN)
def cijfer_verwijderen(request, werkgroep, pk: int):
    cyclus = huidige_cyclus(request, verplicht=True)
    cijfer = _cijfer(request, cyclus, pk)
    if request.method == "POST":
        tekst = services.omschrijving(cijfer)
        services.cijfer_verwijder(actor=request.user, cijfer=cijfer)
        messages.success(request, f"Cijfer verwijderd: {tekst}.")
        return redirect(pagina_url(request.werkgroep))
    return render(request, "analyse/cijfers_verwijderen.html", context(request, cijfer=cijfer))


def _lees(gegevens):
    bestand = gegevens["bestand"]
    try:
        return lees_bestand(bestand.name, bestand.read())
    except BestandFout as e:
        raise ValidationError({"bestand": str(e)}) from e


@vereist(Actie.WIJZIGEN)
def cijfers_importeren(request, werkgroep):
    """Step 1: upload and preview. Nothing is written here."""
    cyclus = huidige_cyclus(request, verplicht=True)
    form = ImportForm(request.POST or None, request.FILES or None)
    controle = None
    ingelezen = None
    bestandsnaam = ""
    if request.method == "POST":
        uitkomst = voer_uit(form, _lees)  # reads the file only: nothing is written
        if uitkomst.gelukt:
            bestandsnaam = form.cleaned_data["bestand"].name
            ingelezen = uitkomst.waarde
            controle = controleer(cyclus, ingelezen.rijen, vandaag=timezone.localdate())
            if controle.ok:
                request.session[_sessiesleutel(cyclus)] = {"bestand": bestandsnaam, "rijen": ingelezen.rijen}
            else:
                request.session.pop(_sessiesleutel(cyclus), None)
    return render(
        request,
        "analyse/cijfers_import.html",
        context(
            request,
            form=form,
            cyclus=cyclus,
            controle=controle,
            genegeerd=ingelezen.genegeerd if ingelezen else [],
            bestandsnaam=bestandsnaam,
            kolommen=KOLOMMEN,
        ),
    )


@vereist(Actie.WIJZIGEN)
def cijfers_import_bevestigen(request, werkgroep):
    """Step 2: write the previewed rows, all or nothing."""
    cyclus = huidige_cyclus(request, verplicht=True)
    terug = _url("cijfers_importeren", request.werkgroep)
    if request.method != "POST":
        return redirect(terug)
    opgeslagen = request.session.get(_sessiesleutel(cyclus))
    if not opgeslagen:
        messages.error(request, "Er staat geen gecontroleerd bestand klaar. Kies het bestand opnieuw.")
        return redirect(terug)
    rijen = [(regel, waarden) for regel, waarden in opgeslagen["rijen"]]
    try:
        gemaakt = services.cijfers_importeer(
            actor=request.user, cyclus=cyclus, rijen=rijen, bestand=opgeslagen["bestand"]
        )
    except services.ImportGeweigerd as e:
        request.session.pop(_sessiesleutel(cyclus), None)
        return render(
            request,
            "analyse/cijfers_import.html",
            context(
                request,
                form=ImportForm(),
                cyclus=cyclus,
                controle=e.controle,
                genegeerd=[],
                bestandsnaam=opgeslagen["bestand"],
                kolommen=KOLOMMEN,
            ),
        )
    request.session.pop(_sessiesleutel(cyclus), None)
    messages.success(request, f"{len(gemaakt)} cijfers geïmporteerd uit {opgeslagen['bestand']}.")
    return redirect(pagina_url(request.werkgroep))


@vereist(Actie.BEKIJKEN)
def cijfers_voorbeeld(request, werkgroep):
    """An example CSV with every column (semicolons, as Dutch Excel writes them)."""
    return download(voorbeeld_csv(), "cijfers-voorbeeld.csv")


@vereist(Actie.BEKIJKEN)
def cijfers_voorbeeld_xlsx(request, werkgroep):
    return download(voorbeeld_xlsx(), "cijfers-voorbeeld.xlsx")
