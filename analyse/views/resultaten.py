"""Response per park and the survey's results (§4.1.1): page, PDF, XLSX and CSV.

Readable by everyone of the work group (agenda members read results only). The charts are
server-side SVG: the same file in the page and the PDF. Exports hold the per-question tables and
the open answers, with the same suppression as the page; never one row per response.
"""

from __future__ import annotations

import functools

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation

from analyse.models import Enquete
from analyse.selectors import resultaten as selectors
from analyse.selectors.enquete import enquete_van
from analyse.views.basis import context, huidige_cyclus, waarschuwingen
from kvo import versie
from kvo.export import csv_antwoord, xlsx_antwoord
from kvo.grafieken import Reeks, Staaf, kolommen, staafdiagram
from kvo.mixins import vereist
from kvo.pdf import template_naar_pdf
from kvo.permissions import Actie

IDS = ("enquete.respons", "enquete.anoniem")


def _enquete(request):
    cyclus = huidige_cyclus(request)
    return cyclus, (enquete_van(cyclus) if cyclus else None)


def _grafiek(u) -> str:
    if not u.regels:
        return ""
    titel = f"Vraag {u.nummer}: {u.vraag.tekst}"
    if u.vorig_jaar:
        return kolommen(
            [r.label for r in u.regels],
            [
                Reeks(u.vorig_jaar, [round(r.vorig, 1) if r.vorig is not None else None for r in u.regels]),
                Reeks("nu", [round(r.procent, 1) for r in u.regels]),
            ],
            titel=titel + " (procent)",
        )
    return staafdiagram(
        [Staaf(r.label, r.procent, f"{r.aantal} ({r.procent:.0f} %)") for r in u.regels], titel=titel, maximum=100
    )


def _terrein(request):
    pk = request.GET.get("terrein", "")
    if not pk:
        return None
    if not pk.isdigit():
        raise Http404
    return request.werkgroep.terreinen.filter(pk=int(pk)).first() or _geen()


def _geen():
    raise Http404("Onbekend bedrijventerrein.")


@vereist(Actie.BEKIJKEN)
def respons(request, werkgroep):
    cyclus, enquete = _enquete(request)
    extra = {"cyclus": cyclus, "enquete": enquete, "waarschuwingen": waarschuwingen(request.werkgroep, IDS)}
    if enquete is not None and enquete.is_verstuurd:
        per_terrein = selectors.respons_per_terrein(enquete)
        extra.update(
            per_terrein=per_terrein,
            totaal_reacties=sum(r.reacties for r in per_terrein),
            totaal_ondernemers=sum(r.ondernemers for r in per_terrein),
            lege=selectors.lege_inzendingen(enquete),
            rondes=selectors.per_ronde(enquete),
            open=enquete.is_open(timezone.localdate()),
        )
    if request.htmx:
        return render(request, "analyse/respons.html#stand", context(request, **extra))
    return render(request, "analyse/respons.html", context(request, **extra))


# What the kept results and the kept page read (kvo.versie): a write elsewhere keeps them.
RESULTATEN_LEEST = versie.leest("enquete-resultaten", "enquete", "reacties", "gebied")
PAGINA_LEEST = versie.leest(
    "pagina:resultaten", "enquete-resultaten", "enquete", "reacties", "uitnodiging", "gebied", "keurmerk"
)
# computed from what was read (``selectors.Invoer``), not from the database: it reads no part
BLOK_LEEST = versie.leest("enquete-resultaten-blok")
BLOK_TEMPLATES = ("analyse/_resultaten_blok.html", "analyse/_uitslag.html")


def _resultaten_context(request, enquete, terrein) -> tuple:
    """The results, their charts and the HTML of every question's result (``res_blok``), kept under
    the work group's data version (``kvo.versie``): computing 40 questions over a few hundred
    responses, and last cycle's for comparison, is most of the page. A new response changes the
    version but is held back until its park's batch is published (``services.reacties``): then the
    responses the results are made of are the same, so the results are kept once more under what they
    are computed from (``selectors.Invoer.sleutel``, read in a few queries), and only the reading is
    done again."""

    def maken():
        invoer = selectors.resultaten_invoer(enquete, terrein)
        sleutel = (invoer.sleutel(), bool(terrein), translation.get_language(), _bron(BLOK_TEMPLATES))
        return versie.bewaard_op_inhoud("enquete-resultaten-blok", sleutel, lambda: _blok(invoer, terrein))

    # Closing changes which responses count (``selectors.gepubliceerde_reacties``) without a write.
    gesloten = enquete.is_gesloten(timezone.localdate())
    return versie.bewaard(
        request.werkgroep,
        "enquete-resultaten",
        (enquete.pk, getattr(terrein, "pk", None), gesloten, "met-html"),  # (results, HTML); older: results
        maken,
    )


def _blok(invoer, terrein) -> tuple:
    res = selectors.resultaten_uit(invoer)
    for thema in res.themas:
        for u in thema.uitslagen:
            u.grafiek = _grafiek(u)
    context = {"res": res, "terrein": terrein, "onderdrukt_tekst": selectors.ONDERDRUKT}
    return res, render_to_string(BLOK_TEMPLATES[0], context)


@functools.cache
def _bron(namen: tuple) -> str:
    """The templates' source (of this process): HTML kept by an older version of them is not used."""
    return "".join(get_template(naam).template.source for naam in namen)


@vereist(Actie.BEKIJKEN)
def resultaten(request, werkgroep):
    """The page is kept under the work group's data version (``kvo.versie``)."""
    return versie.bewaarde_pagina(
        request,
        request.werkgroep,
        "resultaten",
        "analyse/resultaten.html",
        lambda: _pagina_context(request),
        parameters=("terrein",),
    )


def _pagina_context(request) -> dict:
    cyclus, enquete = _enquete(request)
    extra = {"cyclus": cyclus, "enquete": enquete, "waarschuwingen": waarschuwingen(request.werkgroep, IDS)}
    if enquete is not None and enquete.is_verstuurd:
        terrein = _terrein(request)
        extra.update(
            terrein=terrein,
            terreinen=list(request.werkgroep.terreinen.order_by("naam")),
            **dict(zip(("res", "res_blok"), _resultaten_context(request, enquete, terrein), strict=True)),
            achtergehouden=selectors.achtergehouden(enquete),
            onderdrukt_tekst=selectors.ONDERDRUKT,
        )
    return context(request, **extra)


def _verstuurde_enquete(request) -> tuple[object, Enquete]:
    cyclus, enquete = _enquete(request)
    if enquete is None or not enquete.is_verstuurd:
        raise Http404("De enquête is nog niet verstuurd.")
    return cyclus, enquete


@vereist(Actie.BEKIJKEN)
def resultaten_pdf(request, werkgroep):
    cyclus, enquete = _verstuurde_enquete(request)
    terrein = _terrein(request)
    pdf = template_naar_pdf(
        "pdf/resultaten.html",
        {
            "werkgroep": request.werkgroep,
            "cyclus": cyclus,
            "enquete": enquete,
            "terrein": terrein,
            "res": _resultaten_context(request, enquete, terrein)[0],
            "respons": selectors.respons_per_terrein(enquete),
            "onderdrukt_tekst": selectors.ONDERDRUKT,
            "titel": "Resultaten enquête",
            "datum": timezone.localdate(),
        },
    )
    antwoord = HttpResponse(pdf, content_type="application/pdf")
    antwoord["Content-Disposition"] = f'inline; filename="enquete-resultaten-cyclus-{cyclus.nummer}.pdf"'
    return antwoord


def export_rijen(enquete: Enquete, terreinen) -> tuple[list[list], list[list]]:
    """(tables, open answers): per question and answer the count and percentage for the whole area
    and per park; a view with fewer than 5 responses is left empty with a note."""
    scopes = [("Totaal", selectors.resultaten(enquete, None, vergelijk=False))] + [
        (t.naam, selectors.resultaten(enquete, t, vergelijk=False)) for t in terreinen
    ]
    kop = ["Thema", "Nr", "Vraag", "Antwoord"]
    for naam, _ in scopes:
        kop += [f"{naam}: aantal", f"{naam}: %"]
    tabellen = [kop]
    totaal = scopes[0][1]
    if totaal.onderdrukt:
        return [kop, ["", "", selectors.ONDERDRUKT, ""]], [["Thema", "Nr", "Vraag", "Antwoord"]]
    per_scope = []
    for _, res in scopes:
        per_scope.append({u.vraag.ref: u for t in res.themas for u in t.uitslagen} if not res.onderdrukt else None)
    open_rijen = [["Thema", "Nr", "Vraag", "Antwoord"]]
    for thema in totaal.themas:
        for u in thema.uitslagen:
            if u.type == "open":
                open_rijen += [[thema.naam, u.nummer, u.vraag.tekst, a] for a in u.open]
                continue
            labels = [r.label for r in u.regels] or ["gemiddelde", "mediaan", "minimum", "maximum"]
            for i, label in enumerate(labels):
                rij = [thema.naam, u.nummer, u.vraag.tekst, label]
                for scope in per_scope:
                    if scope is None:
                        rij += ["", "minder dan 5 reacties"]
                        continue
                    s = scope[u.vraag.ref]
                    if s.regels:
                        rij += [s.regels[i].aantal, round(s.regels[i].procent, 1)]
                    elif s.getal:
                        waarde = [s.getal["gemiddelde"], s.getal["mediaan"], s.getal["min"], s.getal["max"]][i]
                        rij += [round(waarde, 2), ""]
                    else:
                        rij += ["", ""]
                tabellen.append(rij)
    return tabellen, open_rijen


@vereist(Actie.BEKIJKEN)
def resultaten_export(request, werkgroep, formaat: str):
    """CSV or XLSX through ``kvo.export``: open answers and park names are written as text, never
    as a formula."""
    cyclus, enquete = _verstuurde_enquete(request)
    tabellen, open_rijen = export_rijen(enquete, list(request.werkgroep.terreinen.order_by("naam")))
    naam = f"enquete-resultaten-cyclus-{cyclus.nummer}"
    if formaat == "csv":
        return csv_antwoord([*tabellen, [], ["Open antwoorden"], *open_rijen], f"{naam}.csv")
    if formaat != "xlsx":
        raise Http404
    return xlsx_antwoord({"Per vraag": tabellen, "Open antwoorden": open_rijen}, f"{naam}.xlsx")
