"""The entrepreneurs' register of a park: list, create, edit, delete, and import from CSV/XLSX.

Import has a preview step: the uploaded rows are checked and kept in the session (under a key
with the work group and park id); the user confirms, and ``ondernemers_importeer`` checks them
again and writes all of them in one transaction, or none.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from gebieden import selectors, services
from gebieden.forms import ImportForm, OndernemerForm
from gebieden.importeren import BestandFout, controleer, lees_bestand
from gebieden.regels import MAX_ONDERNEMERS
from gebieden.views import _context
from kvo.export import csv_antwoord
from kvo.formulieren import verwerk_formulier, voer_uit
from kvo.mixins import vereist
from kvo.permissions import Actie


def _terrein(request, terrein):
    return get_object_or_404(request.werkgroep.terreinen, pk=terrein)


def lijst_url(terrein) -> str:
    return reverse("gebieden:ondernemers", kwargs={"werkgroep": terrein.werkgroep.slug, "terrein": terrein.pk})


def _sessiesleutel(terrein) -> str:
    return f"gebieden.import.{terrein.werkgroep_id}.{terrein.pk}"


@vereist(Actie.BEKIJKEN)
def ondernemers(request, werkgroep, terrein):
    object_ = _terrein(request, terrein)
    rijen = list(selectors.ondernemers_van(object_))
    totaal = selectors.aantal_ondernemers(request.werkgroep)
    return render(
        request,
        "gebieden/ondernemers.html",
        _context(request, terrein=object_, ondernemers=rijen, totaal=totaal, max_ondernemers=MAX_ONDERNEMERS),
    )


@vereist(Actie.WIJZIGEN)
def ondernemer_nieuw(request, werkgroep, terrein):
    return _ondernemer_form(request, _terrein(request, terrein), None)


@vereist(Actie.WIJZIGEN)
def ondernemer_wijzigen(request, werkgroep, terrein, ondernemer):
    object_ = _terrein(request, terrein)
    return _ondernemer_form(request, object_, get_object_or_404(object_.ondernemers, pk=ondernemer))


def _ondernemer_form(request, terrein, ondernemer):
    velden = ("naam", "adres", "huisnummer", "postcode", "plaats", "email", "lid_ondernemersvereniging")
    initial = {v: getattr(ondernemer, v) for v in velden} if ondernemer else {}
    form = OndernemerForm(request.POST or None, initial=initial)
    if request.method == "POST":

        def bewaar(g):
            if ondernemer:
                services.ondernemer_wijzig(actor=request.user, ondernemer=ondernemer, **g)
                return ondernemer
            return services.ondernemer_maak(actor=request.user, terrein=terrein, **g)

        antwoord = verwerk_formulier(
            request,
            form,
            bewaar,
            succes=lambda opgeslagen: f"Ondernemer {opgeslagen.naam} is opgeslagen.",
            naar=lijst_url(terrein),
        )
        if antwoord is not None:
            return antwoord
    return render(
        request, "gebieden/ondernemer_form.html", _context(request, form=form, terrein=terrein, ondernemer=ondernemer)
    )


@vereist(Actie.WIJZIGEN)
def ondernemer_verwijderen(request, werkgroep, terrein, ondernemer):
    object_ = _terrein(request, terrein)
    ondernemer_ = get_object_or_404(object_.ondernemers, pk=ondernemer)
    if request.method == "POST":
        services.ondernemer_verwijder(actor=request.user, ondernemer=ondernemer_)
        messages.success(request, f"Ondernemer {ondernemer_.naam} is uit het register verwijderd.")
        return redirect(lijst_url(object_))
    return render(
        request,
        "gebieden/verwijderen.html",
        _context(
            request,
            titel=f"{ondernemer_.naam} verwijderen",
            uitleg=f"De ondernemer wordt uit het register van {object_.naam} verwijderd.",
            terug=lijst_url(object_),
        ),
    )


def _lees(gegevens) -> list:
    bestand = gegevens["bestand"]
    try:
        return lees_bestand(bestand.name, bestand.read())
    except BestandFout as e:
        raise ValidationError({"bestand": str(e)}) from e


@vereist(Actie.WIJZIGEN)
def ondernemers_importeren(request, werkgroep, terrein):
    """Step 1: upload and preview. Nothing is written here."""
    object_ = _terrein(request, terrein)
    form = ImportForm(request.POST or None, request.FILES or None)
    controle = None
    bestandsnaam = ""
    if request.method == "POST":
        uitkomst = voer_uit(form, _lees)  # reads the file only: nothing is written
        if uitkomst.gelukt:
            bestandsnaam = form.cleaned_data["bestand"].name
            rijen = uitkomst.waarde
            controle = controleer(request.werkgroep, rijen)
            if controle.ok:
                request.session[_sessiesleutel(object_)] = {"bestand": bestandsnaam, "rijen": rijen}
            else:
                request.session.pop(_sessiesleutel(object_), None)
    return render(
        request,
        "gebieden/import.html",
        _context(request, form=form, terrein=object_, controle=controle, bestandsnaam=bestandsnaam),
    )


@vereist(Actie.WIJZIGEN)
def ondernemers_import_bevestigen(request, werkgroep, terrein):
    """Step 2: write the previewed rows, all or nothing."""
    object_ = _terrein(request, terrein)
    terug = reverse(
        "gebieden:ondernemers_importeren", kwargs={"werkgroep": request.werkgroep.slug, "terrein": object_.pk}
    )
    if request.method != "POST":
        return redirect(terug)
    opgeslagen = request.session.get(_sessiesleutel(object_))
    if not opgeslagen:
        messages.error(request, "Er staat geen gecontroleerd bestand klaar. Kies het bestand opnieuw.")
        return redirect(terug)
    rijen = [(nummer, waarden) for nummer, waarden in opgeslagen["rijen"]]
    try:
        gemaakt = services.ondernemers_importeer(actor=request.user, terrein=object_, rijen=rijen)
    except services.ImportGeweigerd as e:
        request.session.pop(_sessiesleutel(object_), None)
        return render(
            request,
            "gebieden/import.html",
            _context(
                request,
                form=ImportForm(),
                terrein=object_,
                controle=e.controle,
                bestandsnaam=opgeslagen["bestand"],
            ),
        )
    request.session.pop(_sessiesleutel(object_), None)
    messages.success(request, f"{len(gemaakt)} ondernemers geïmporteerd uit {opgeslagen['bestand']}.")
    return redirect(lijst_url(object_))


@vereist(Actie.BEKIJKEN)
def ondernemers_voorbeeld(request, werkgroep, terrein):
    """An example CSV with the recognised columns."""
    _terrein(request, terrein)
    rijen = [
        ["naam", "adres", "postcode", "huisnummer", "email", "lid_ondernemersvereniging"],
        ["Voorbeeld B.V.", "Industrieweg", "1234 AB", "12", "info@voorbeeld.nl", "ja"],
    ]
    return csv_antwoord(rijen, "ondernemers-voorbeeld.csv")
