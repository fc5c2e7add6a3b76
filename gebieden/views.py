"""Pages of the KVO area: overview, parks (with map), cluster, adjacent locations.

Every view gets the ``werkgroep`` URL kwarg and ignores it: the middleware has resolved it to
``request.werkgroep``; objects are fetched through it. The register of entrepreneurs is in
``gebieden/views_ondernemers.py``.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse

from gebieden import selectors, services
from gebieden.checks import IDS
from gebieden.forms import LocatieForm, NieuweTerreinen, RegieForm, TerreinForm
from gebieden.regels import MAX_TERREINEN
from gebieden.svg import gebied_svg
from kvo.formulieren import verwerk_formulier, voer_uit
from kvo.mixins import vereist
from kvo.permissions import Actie
from kvo.toets import Status, voer_toets_uit


def overzicht_url(werkgroep) -> str:
    return reverse("gebieden:overzicht", kwargs={"werkgroep": werkgroep.slug})


def _context(request, **extra) -> dict:
    return {"werkgroep": request.werkgroep, "mag_wijzigen": request.toegang.mag(Actie.WIJZIGEN), **extra}


def _kaartcontext(werkgroep, *, behalve_terrein=None, behalve_locatie=None) -> list[dict]:
    """The other shapes of the area, shown (not editable) on a form's map for orientation."""
    vormen = [
        {"naam": t.naam, "soort": "terrein", "grens": t.grens}
        for t in werkgroep.terreinen.exclude(pk=behalve_terrein).only("naam", "grens")
        if t.grens
    ]
    vormen += [
        {"naam": loc.naam, "soort": "locatie", "grens": loc.grens}
        for loc in werkgroep.aangrenzende_locaties.exclude(pk=behalve_locatie).only("naam", "grens")
        if loc.grens
    ]
    return vormen


@vereist(Actie.BEKIJKEN)
def overzicht(request, werkgroep):
    wg = request.werkgroep
    stand = selectors.gebied_stand(wg)
    resultaten = voer_toets_uit(wg, ids=IDS)
    return render(
        request,
        "gebieden/overzicht.html",
        _context(
            request,
            stand=stand,
            resultaten=resultaten,
            waarschuwingen=[r for r in resultaten if r.status == Status.NIET_VOLDAAN],
            kaart=gebied_svg(stand.terreinen, stand.locaties),
            terrein_toevoegen_mag=stand.aantal_terreinen < MAX_TERREINEN,
        ),
    )


@vereist(Actie.WIJZIGEN)
def terrein_nieuw(request, werkgroep):
    wg = request.werkgroep
    aantal = wg.terreinen.count()
    regie_nodig = aantal >= 1 and not wg.regie_organisatie.strip()
    form = TerreinForm(request.POST or None, regie_nodig=regie_nodig, initial={"gemeente": wg.gemeente})
    if request.method == "POST":

        def gelukt(terrein) -> str:
            tekst = f"Bedrijventerrein {terrein.naam} is toegevoegd."
            if aantal >= 1:
                tekst += f" Het gebied is nu een cluster van {aantal + 1} terreinen."
            return tekst

        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: services.terrein_maak(actor=request.user, werkgroep=wg, **g),
            succes=gelukt,
            naar=overzicht_url(wg),
        )
        if antwoord is not None:
            return antwoord
    return render(
        request,
        "gebieden/terrein_form.html",
        _context(request, form=form, nieuw=True, aantal=aantal, kaartvormen=_kaartcontext(wg)),
    )


@vereist(Actie.WIJZIGEN)
def terrein_wijzigen(request, werkgroep, terrein):
    wg = request.werkgroep
    object_ = get_object_or_404(wg.terreinen, pk=terrein)
    initial = {"naam": object_.naam, "gemeente": object_.gemeente, "grens": object_.grens}
    form = TerreinForm(request.POST or None, initial=initial)
    if request.method == "POST":
        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: services.terrein_wijzig(actor=request.user, terrein=object_, **g),
            succes=lambda _: f"Bedrijventerrein {object_.naam} is opgeslagen.",
            naar=overzicht_url(wg),
        )
        if antwoord is not None:
            return antwoord
    return render(
        request,
        "gebieden/terrein_form.html",
        _context(request, form=form, terrein=object_, kaartvormen=_kaartcontext(wg, behalve_terrein=object_.pk)),
    )


@vereist(Actie.WIJZIGEN)
def terrein_verwijderen(request, werkgroep, terrein):
    wg = request.werkgroep
    object_ = get_object_or_404(wg.terreinen, pk=terrein)
    if request.method == "POST":
        services.terrein_verwijder(actor=request.user, terrein=object_)
        messages.success(request, f"Bedrijventerrein {object_.naam} is verwijderd, met zijn ondernemersregister.")
        return redirect(overzicht_url(wg))
    aantal = object_.ondernemers.count()
    return render(
        request,
        "gebieden/verwijderen.html",
        _context(
            request,
            titel=f"Bedrijventerrein {object_.naam} verwijderen",
            uitleg=f"Het terrein en zijn register van {aantal} ondernemers worden verwijderd. Dit kan niet "
            "ongedaan worden gemaakt.",
            terug=overzicht_url(wg),
        ),
    )


@vereist(Actie.WIJZIGEN)
def cluster_vormen(request, werkgroep):
    """Add up to four parks at once, with the regie-organisatie: all or nothing."""
    wg = request.werkgroep
    aantal = wg.terreinen.count()
    formset = NieuweTerreinen(request.POST or None, prefix="terrein")
    regie = RegieForm(request.POST or None, initial={"regie_organisatie": wg.regie_organisatie})
    fouten: list[str] = []
    if request.method == "POST":
        uitkomst = voer_uit(
            regie,
            lambda g: services.cluster_vorm(
                actor=request.user,
                werkgroep=wg,
                nieuwe=[
                    services.TerreinInvoer(
                        f.cleaned_data["naam"], f.cleaned_data["gemeente"], f.cleaned_data.get("grens")
                    )
                    for f in formset.forms
                    if f.cleaned_data.get("naam")
                ],
                regie_organisatie=g["regie_organisatie"],
            ),
            ook=[formset],
            op_fout=lambda _form, e: fouten.extend(e.messages),  # shown above the parks, not on one form
        )
        if uitkomst.gelukt:
            n = len(uitkomst.waarde)
            messages.success(
                request,
                f"{n} bedrijventerrein{pluralize(n, 'en')} toegevoegd; het gebied telt nu {aantal + n} terreinen.",
            )
            return redirect(overzicht_url(wg))
    return render(
        request,
        "gebieden/cluster_form.html",
        _context(
            request,
            formset=formset,
            regie=regie,
            fouten=fouten,
            aantal=aantal,
            terreinen=list(wg.terreinen.order_by("naam")),
            max_terreinen=MAX_TERREINEN,
        ),
    )


@vereist(Actie.WIJZIGEN)
def regie(request, werkgroep):
    wg = request.werkgroep
    form = RegieForm(request.POST or None, initial={"regie_organisatie": wg.regie_organisatie})
    if request.method == "POST":
        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: services.gebied_regie_wijzig(
                actor=request.user, werkgroep=wg, regie_organisatie=g["regie_organisatie"]
            ),
            succes="De regie-organisatie is opgeslagen.",
            naar=overzicht_url(wg),
        )
        if antwoord is not None:
            return antwoord
    return render(request, "gebieden/regie_form.html", _context(request, form=form))


@vereist(Actie.WIJZIGEN)
def locatie_nieuw(request, werkgroep):
    return _locatie_form(request, None)


@vereist(Actie.WIJZIGEN)
def locatie_wijzigen(request, werkgroep, locatie):
    return _locatie_form(request, get_object_or_404(request.werkgroep.aangrenzende_locaties, pk=locatie))


def _locatie_form(request, locatie):
    wg = request.werkgroep
    initial = {"naam": locatie.naam, "soort": locatie.soort, "grens": locatie.grens} if locatie else {}
    form = LocatieForm(request.POST or None, initial=initial)
    if request.method == "POST":

        def bewaar(g):
            if locatie:
                services.locatie_wijzig(actor=request.user, locatie=locatie, **g)
                return locatie
            return services.locatie_maak(actor=request.user, werkgroep=wg, **g)

        antwoord = verwerk_formulier(
            request,
            form,
            bewaar,
            succes=lambda opgeslagen: f"Aangrenzende locatie {opgeslagen.naam} is opgeslagen.",
            naar=overzicht_url(wg),
        )
        if antwoord is not None:
            return antwoord
    return render(
        request,
        "gebieden/locatie_form.html",
        _context(
            request,
            form=form,
            locatie=locatie,
            kaartvormen=_kaartcontext(wg, behalve_locatie=locatie.pk if locatie else None),
        ),
    )


@vereist(Actie.WIJZIGEN)
def locatie_verwijderen(request, werkgroep, locatie):
    wg = request.werkgroep
    object_ = get_object_or_404(wg.aangrenzende_locaties, pk=locatie)
    if request.method == "POST":
        services.locatie_verwijder(actor=request.user, locatie=object_)
        messages.success(request, f"Aangrenzende locatie {object_.naam} is verwijderd.")
        return redirect(overzicht_url(wg))
    return render(
        request,
        "gebieden/verwijderen.html",
        _context(
            request,
            titel=f"Aangrenzende locatie {object_.naam} verwijderen",
            uitleg="De locatie verdwijnt van de kaart van het gebied.",
            terug=overzicht_url(wg),
        ),
    )
