"""Open data for the incident figures: choosing CBS neighbourhoods, CBS crime figures, MOR reports.

Each import has a preview step like the figures' own import: the parsed rows wait in the session
(under a key with the work group and cycle) until the user confirms; the service checks them again
and writes all of them or none.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from analyse.buurten import BuurtkaartFout, lees_buurtkaart, stel_voor
from analyse.importeren_cbs import CbsTabel, controleer_cbs, lees_bestanden
from analyse.importeren_cijfers import BestandFout
from analyse.importeren_mor import KOLOMMEN as MOR_KOLOMMEN
from analyse.importeren_mor import controleer_mor, lees_mor
from analyse.importeren_mor import voorbeeld_csv as mor_voorbeeld_csv
from analyse.models import Buurt
from analyse.services import opendata as services
from analyse.services.cijfers import ImportGeweigerd
from analyse.views.basis import context, huidige_cyclus
from kvo.export import download
from kvo.mixins import vereist
from kvo.permissions import Actie

MAX_UPLOAD = 20 * 1024 * 1024
BUURT_SLEUTEL = "analyse.buurten.voorstel.{}"


def _url(naam: str, werkgroep) -> str:
    return reverse(f"analyse:{naam}", kwargs={"werkgroep": werkgroep.slug})


def _sleutel(soort: str, cyclus) -> str:
    return f"analyse.{soort}.import.{cyclus.werkgroep_id}.{cyclus.pk}"


def _bestanden(request, naam: str) -> tuple[list[tuple[str, bytes]], str]:
    bestanden, fout = [], ""
    for f in request.FILES.getlist(naam)[:8]:
        if f.size > MAX_UPLOAD:
            fout = f"{f.name} is groter dan 20 MB."
            break
        bestanden.append((f.name, f.read()))
    if not bestanden and not fout:
        fout = "Kies een bestand."
    return bestanden, fout


def _kaartvormen(werkgroep, buurten) -> list[dict]:
    """Parks and neighbourhoods for the map (names drawn as text nodes by buurtkaart.js)."""
    vormen = [{"naam": t.naam, "grens": t.grens, "soort": "terrein"} for t in werkgroep.terreinen.all() if t.grens]
    vormen += [
        {"naam": f"{b['naam']} ({b['code']})", "code": b["code"], "grens": b["grens"], "soort": "buurt"}
        for b in buurten
    ]
    return vormen


@vereist(Actie.BEKIJKEN)
def buurten(request, werkgroep):
    """The chosen neighbourhoods; upload the CBS map to get a proposal, tick and confirm."""
    wg = request.werkgroep
    sleutel = BUURT_SLEUTEL.format(wg.pk)
    gekozen = list(Buurt.objects.filter(werkgroep=wg).select_related("terrein"))
    voorstellen = None
    fout = ""
    if request.method == "POST" and request.toegang.mag(Actie.WIJZIGEN):
        if "bevestigen" in request.POST:
            voorstellen = request.session.get(sleutel)
            if not voorstellen:
                messages.error(request, "Er staat geen voorstel klaar. Kies de buurtkaart opnieuw.")
                return redirect(_url("cijfers_buurten", wg))
            try:
                services.buurten_kies(
                    actor=request.user, werkgroep=wg, voorstellen=voorstellen, codes=request.POST.getlist("code")
                )
            except ValidationError as e:
                fout = " ".join(e.messages)
            else:
                request.session.pop(sleutel, None)
                messages.success(request, "De buurten voor de cijfers zijn vastgelegd.")
                return redirect(_url("cijfers_buurten", wg))
        else:
            bestanden, fout = _bestanden(request, "buurtkaart")
            if not fout:
                try:
                    lijst = stel_voor(lees_buurtkaart(bestanden[0][1]), wg.terreinen.all())
                except BuurtkaartFout as e:
                    fout = str(e)
                else:
                    voorstellen = [
                        {
                            "code": v.code,
                            "naam": v.naam,
                            "grens": v.grens,
                            "terreinen": [t.pk for t in v.terreinen],
                            "terreinnamen": [t.naam for t in v.terreinen],
                        }
                        for v in lijst
                    ]
                    request.session[sleutel] = voorstellen
                    if not voorstellen:
                        fout = (
                            "Geen enkele buurt uit dit bestand raakt de grens van een bedrijventerrein. "
                            "Is het de kaart van de goede gemeente, en hebben de terreinen een grens?"
                        )
    elif request.method == "POST":
        return redirect(_url("cijfers_buurten", wg))
    op_kaart = (
        voorstellen if voorstellen else [{"code": b.code, "naam": b.naam, "grens": b.grens} for b in gekozen if b.grens]
    )
    return render(
        request,
        "analyse/cijfers_buurten.html",
        context(
            request,
            gekozen=gekozen,
            gekozen_codes={b.code for b in gekozen},
            voorstellen=voorstellen,
            fout=fout,
            zonder_grens=[t.naam for t in wg.terreinen.all() if not t.grens],
            kaartvormen=_kaartvormen(wg, op_kaart),
        ),
    )


def _importpagina(request, cyclus, *, soort: str, controle=None, bestandsnaam="", fout="", tabel=None):
    return render(
        request,
        "analyse/cijfers_opendata.html",
        context(
            request,
            cyclus=cyclus,
            soort=soort,
            controle=controle,
            bestandsnaam=bestandsnaam,
            fout=fout,
            tabel=tabel,
            buurten=list(Buurt.objects.filter(werkgroep=request.werkgroep)),
            ophalen_aan=getattr(settings, "KVO_CBS_OPHALEN", False),
            tabellen=services.TABELLEN,
            mor_kolommen=MOR_KOLOMMEN,
        ),
    )


@vereist(Actie.WIJZIGEN)
def cbs_importeren(request, werkgroep):
    """Step 1: upload (or fetch) and preview. Nothing is written here."""
    cyclus = huidige_cyclus(request, verplicht=True)
    sleutel = _sleutel("cbs", cyclus)
    if request.method != "POST":
        return _importpagina(request, cyclus, soort="cbs")
    tabel = None
    fout = ""
    bestandsnaam = ""
    if "ophalen" in request.POST:
        gemeente = (request.werkgroep.buurten.values_list("code", flat=True).first() or "")[2:6]
        try:
            tabel = services.cbs_haal_op(tabel=request.POST.get("tabel", ""), gemeentecode=f"GM{gemeente}")
        except services.OphalenUit as e:
            fout = str(e)
        bestandsnaam = f"CBS {request.POST.get('tabel', '')}"
    else:
        bestanden, fout = _bestanden(request, "bestanden")
        if not fout:
            bestandsnaam = ", ".join(n for n, _ in bestanden)
            try:
                tabel = lees_bestanden(bestanden)
            except BestandFout as e:
                fout = str(e)
    controle = None
    if tabel is not None:
        controle = controleer_cbs(cyclus, tabel, vandaag=timezone.localdate())
        if controle.ok:
            request.session[sleutel] = {"bestand": bestandsnaam, "tabel": tabel.als_dict()}
        else:
            request.session.pop(sleutel, None)
    return _importpagina(
        request, cyclus, soort="cbs", controle=controle, bestandsnaam=bestandsnaam, fout=fout, tabel=tabel
    )


@vereist(Actie.WIJZIGEN)
def cbs_import_bevestigen(request, werkgroep):
    cyclus = huidige_cyclus(request, verplicht=True)
    terug = _url("cijfers_cbs", request.werkgroep)
    opgeslagen = request.session.pop(_sleutel("cbs", cyclus), None) if request.method == "POST" else None
    if not opgeslagen:
        if request.method == "POST":
            messages.error(request, "Er staat geen gecontroleerd bestand klaar. Kies het bestand opnieuw.")
        return redirect(terug)
    tabel = CbsTabel.uit_dict(opgeslagen["tabel"])
    try:
        gemaakt = services.cbs_importeer(actor=request.user, cyclus=cyclus, tabel=tabel, bestand=opgeslagen["bestand"])
    except ImportGeweigerd as e:
        return _importpagina(
            request, cyclus, soort="cbs", controle=e.controle, bestandsnaam=opgeslagen["bestand"], tabel=tabel
        )
    messages.success(request, f"{len(gemaakt)} cijfers van het CBS geïmporteerd (open data).")
    return redirect(reverse("analyse:cijfers", kwargs={"werkgroep": request.werkgroep.slug}) + "#bron-politie")


@vereist(Actie.WIJZIGEN)
def mor_importeren(request, werkgroep):
    cyclus = huidige_cyclus(request, verplicht=True)
    sleutel = _sleutel("mor", cyclus)
    if request.method != "POST":
        return _importpagina(request, cyclus, soort="mor")
    bestanden, fout = _bestanden(request, "bestanden")
    controle = None
    bestandsnaam = bestanden[0][0] if bestanden else ""
    if not fout:
        try:
            rijen = lees_mor(bestanden[0][1])
        except BestandFout as e:
            fout = str(e)
        else:
            controle = controleer_mor(cyclus, rijen, vandaag=timezone.localdate())
            if controle.ok:
                request.session[sleutel] = {"bestand": bestandsnaam, "rijen": rijen}
            else:
                request.session.pop(sleutel, None)
    return _importpagina(request, cyclus, soort="mor", controle=controle, bestandsnaam=bestandsnaam, fout=fout)


@vereist(Actie.WIJZIGEN)
def mor_import_bevestigen(request, werkgroep):
    cyclus = huidige_cyclus(request, verplicht=True)
    terug = _url("cijfers_mor", request.werkgroep)
    opgeslagen = request.session.pop(_sleutel("mor", cyclus), None) if request.method == "POST" else None
    if not opgeslagen:
        if request.method == "POST":
            messages.error(request, "Er staat geen gecontroleerd bestand klaar. Kies het bestand opnieuw.")
        return redirect(terug)
    rijen = [(regel, waarden) for regel, waarden in opgeslagen["rijen"]]
    try:
        gemaakt = services.mor_importeer(actor=request.user, cyclus=cyclus, rijen=rijen, bestand=opgeslagen["bestand"])
    except ImportGeweigerd as e:
        return _importpagina(request, cyclus, soort="mor", controle=e.controle, bestandsnaam=opgeslagen["bestand"])
    messages.success(request, f"{len(gemaakt)} cijfers uit de meldingen openbare ruimte geïmporteerd.")
    return redirect(reverse("analyse:cijfers", kwargs={"werkgroep": request.werkgroep.slug}) + "#bron-gemeente")


@vereist(Actie.BEKIJKEN)
def mor_voorbeeld(request, werkgroep):
    """The template for a municipality's export of its MOR reports (through ``kvo.export``)."""
    return download(mor_voorbeeld_csv(), "meldingen-openbare-ruimte-voorbeeld.csv")
