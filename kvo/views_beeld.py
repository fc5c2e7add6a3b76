"""The facilitator's picture across areas (``/begeleiding/beeld/``): every park of the work groups a
facilitator reaches (staff: all) on a map coloured by an indicator, a table per park and per
municipality, a park's and a municipality's trend over the cycles, and the figures per park and per
municipality as CSV/XLSX.

The indicators come from the apps through ``kvo.beeld``; this module only decides who sees which
work groups (those of the portfolio), and shows what the registry answers. Exports hold aggregates
only: the indicators' values per park and cycle, never a response, never a person.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from kvo import export, grafieken, versie
from kvo.beeld import GEEN, Beeld, beeld, gemeente_van, indicatoren, klassen
from kvo.tenancy import tweestaps_nodig
from kvo.views_portfolio import begeleide_werkgroepen, mag_portfolio
from werkgroepen.models import Werkgroep

# What the kept picture reads (kvo.versie): the parks, the survey's published answers, the figures, the
# conclusion, the plan and the status of audit, certificate and waardering of every group it shows.
LEEST = versie.leest(
    "pagina:beeld", "gebied", "enquete", "reacties", "cijfers", "conclusie", "plan", "evaluatie", "audit",
    "certificaat", "waardering", "keurmerk",
)  # fmt: skip


def _toegang(request):
    """The work groups whose parks the user may see (a facilitator's own organisation's; staff: all)."""
    if not mag_portfolio(request.user):
        raise PermissionDenied("Alleen procesbegeleiders en beheerders zien het beeld over de gebieden.")
    stand = sorted(begeleide_werkgroepen(request.user).values_list("pk", "mfa_verplicht"))
    return [pk for pk, _ in stand], any(v for _, v in stand)


def _werkgroepen(ids):
    return list(Werkgroep.objects.filter(pk__in=ids).order_by("naam"))


def _cellen(b: Beeld, rij) -> list[dict]:
    return [
        {"indicator": ind, "waarde": rij.huidig[ind.sleutel], "trend": rij.trend[ind.sleutel],
         "cyclus": rij.cyclus.get(ind.sleutel)}
        for ind in b.indicatoren
    ]  # fmt: skip


def _sorteerwaarde(waarde) -> str:
    if waarde.getal is not None:
        return f"{waarde.getal:.3f}"
    return waarde.labels[0] if waarde.labels else "-1"


@login_required
@require_GET
def overzicht(request):
    ids, verplicht = _toegang(request)
    if omleiding := tweestaps_nodig(request, verplicht=verplicht):
        return omleiding
    alle = indicatoren()
    sleutels = [i.sleutel for i in alle]
    gekozen = request.GET.get("indicator") if request.GET.get("indicator") in sleutels else sleutels[0]

    def context_maken() -> dict:
        b = beeld(_werkgroepen(ids))
        ind = b.indicator(gekozen)
        rijen = b.rijen()
        legenda, klasse_van = klassen(ind, [r.huidig[ind.sleutel] for r in rijen])
        kaart, tabel = [], []
        for rij in rijen:
            waarde = rij.huidig[ind.sleutel]
            k = klasse_van(waarde)
            url = reverse("begeleiding:beeld_terrein", kwargs={"pk": rij.terrein.pk})
            if rij.terrein.grens:
                # on the map a category's first label (the one it is coloured by), so names stay short
                kort = waarde.labels[0] if ind.soort == "categorie" and waarde.labels else waarde.tekst
                kaart.append({
                    "naam": rij.naam, "werkgroep": rij.werkgroep.naam if rij.werkgroep else "",
                    "waarde": kort, "kleur": legenda[k].kleur if k is not None else None,
                    "klasse": legenda[k].tekst if k is not None else "geen cijfer",
                    "grens": rij.terrein.grens, "url": url,
                })  # fmt: skip
            tabel.append({
                "rij": rij, "url": url, "waarde": waarde, "trend": rij.trend[ind.sleutel],
                "cyclus": rij.cyclus.get(ind.sleutel), "sorteer": _sorteerwaarde(waarde),
                "klasse": legenda[k] if k is not None else None, "cellen": _cellen(b, rij),
            })  # fmt: skip
        gemeenten = [
            {"rij": g, "url": _gemeente_url(g.naam),
             "cellen": [dict(c, sorteer=_sorteerwaarde(c["waarde"])) for c in _cellen(b, g)]}
            for g in b.gemeenten()
        ]  # fmt: skip
        for r in tabel:
            r["cellen"] = [dict(c, sorteer=_sorteerwaarde(c["waarde"])) for c in r["cellen"]]
        return {
            "indicatoren": b.indicatoren,
            "indicator": ind,
            "legenda": legenda,
            "zonder_cijfer": sum(1 for r in tabel if r["klasse"] is None),
            "kaart": kaart,
            "zonder_grens": len(tabel) - len(kaart),
            "rijen": tabel,
            "gemeenten": gemeenten,
            "aantal_werkgroepen": len(ids),
        }

    return versie.bewaarde_pagina_voor(request, ids, "beeld", "kvo/beeld.html", context_maken, delen=(gekozen,))


def _gemeente_url(naam: str) -> str:
    return f"{reverse('begeleiding:beeld_gemeente')}?{urlencode({'naam': naam})}"


def _een_gemeente(ids, naam: str | None) -> Beeld:
    if not naam or len(naam) > 200:
        raise Http404("Geen gemeente gekozen.")
    b = beeld(_werkgroepen(ids), gemeente=naam)
    if not b.terreinen:  # a municipality only another organisation's groups work in looks like a missing one
        raise Http404("Deze gemeente heeft geen bedrijventerreinen onder uw begeleiding.")
    return b


def _grafiek(ind, labels: list[str], getallen: list, wat: str):
    eenheid = ind.eenheid.strip()
    return (
        f"{ind.naam}{f' ({eenheid})' if eenheid else ''}",
        grafieken.kolommen(
            labels,
            [grafieken.Reeks(ind.naam, getallen)],
            titel=f"{ind.naam} per cyclus ({eenheid or 'aantal'}), {wat}",
            breedte=360,
            hoogte=180,
        ),
    )


def _een_terrein(ids, pk: int) -> Beeld:
    b = beeld(_werkgroepen(ids), terrein_pk=pk)
    if not b.terreinen:  # another organisation's park and a missing one look the same
        raise Http404("Dit bedrijventerrein bestaat niet of valt niet onder uw begeleiding.")
    return b


@login_required
@require_GET
def terrein(request, pk: int):
    ids, verplicht = _toegang(request)
    if omleiding := tweestaps_nodig(request, verplicht=verplicht):
        return omleiding
    b = _een_terrein(ids, pk)
    t = b.terreinen[0]
    cycli = b.cycli.get(t.werkgroep_id, [])
    labels = [f"Cyclus {c.nummer} ({c.start:%Y})" for c in cycli]
    regels, grafiek_lijst = [], []
    for ind in b.indicatoren:
        reeks = b.reeks(ind.sleutel, t)
        regels.append({"indicator": ind, "waarden": list(zip(labels, [w for _c, w in reeks], strict=True))})
        if len(reeks) > 1 and ind.soort == "getal" and any(w.getal is not None for _c, w in reeks):
            grafiek_lijst.append(_grafiek(ind, labels, [w.getal for _c, w in reeks], t.naam))
    return render(
        request,
        "kvo/beeld_terrein.html",
        {
            "terrein": t,
            "gemeente_url": _gemeente_url(gemeente_van(t)),
            "werkgroep": b.werkgroepen.get(t.werkgroep_id),
            "cycli": cycli,
            "labels": labels,
            "regels": regels,
            "grafieken": grafiek_lijst,
        },
    )


@login_required
@require_GET
def gemeente(request):
    """A municipality's parks added up per cycle number (cycle 1 of each park, cycle 2, …), with the trend."""
    ids, verplicht = _toegang(request)
    if omleiding := tweestaps_nodig(request, verplicht=verplicht):
        return omleiding
    naam = request.GET.get("naam")
    b = _een_gemeente(ids, naam)
    nummers = b.gemeente_cycli(b.terreinen)
    jaren: dict[int, set[int]] = {}
    for lijst in b.cycli.values():
        for c in lijst:
            jaren.setdefault(c.nummer, set()).add(c.start.year)
    labels = []
    for n in nummers:
        van, tot = min(jaren[n]), max(jaren[n])
        labels.append(f"Cyclus {n} ({van}–{tot})" if tot != van else f"Cyclus {n} ({van})")
    regels, grafiek_lijst = [], []
    for ind in b.indicatoren:
        reeks = b.gemeente_reeks(ind.sleutel, b.terreinen)
        regels.append({"indicator": ind, "waarden": list(zip(labels, [w for _n, w in reeks], strict=True))})
        if len(reeks) > 1 and ind.soort == "getal" and any(w.getal is not None for _n, w in reeks):
            grafiek_lijst.append(_grafiek(ind, labels, [w.getal for _n, w in reeks], f"gemeente {naam}"))
    parken = [
        {"rij": r, "url": reverse("begeleiding:beeld_terrein", kwargs={"pk": r.terrein.pk}),
         "cellen": [dict(c, sorteer=_sorteerwaarde(c["waarde"])) for c in _cellen(b, r)]}
        for r in b.rijen()
    ]  # fmt: skip
    return render(
        request,
        "kvo/beeld_gemeente.html",
        {
            "gemeente": naam,
            "indicatoren": b.indicatoren,
            "labels": labels,
            "regels": regels,
            "grafieken": grafiek_lijst,
            "parken": parken,
            "werkgroepen": len({t.werkgroep_id for t in b.terreinen}),
            "export": urlencode({"gemeente": naam}),
        },
    )


def _kop(b: Beeld, begin: list[str]) -> list[str]:
    return begin + [f"{ind.naam}{f' ({ind.eenheid.strip()})' if ind.eenheid else ''}" for ind in b.indicatoren]


def _cel(w):
    if w is None or w is GEEN:
        return ""
    return round(w.getal, 1) if w.getal is not None else w.tekst


def _rijen_terreinen(b: Beeld) -> list[list]:
    rijen = [_kop(b, ["Bedrijventerrein", "Gemeente", "Werkgroep", "Cyclus", "Start cyclus"])]
    for t in b.terreinen:
        wg = b.werkgroepen.get(t.werkgroep_id)
        for c in b.cycli.get(t.werkgroep_id, []):
            rij = [t.naam, t.gemeente, wg.naam if wg else "", c.nummer, c.start.isoformat()]
            rij += [_cel(b.waarden.get(ind.sleutel, {}).get((t.pk, c.nummer))) for ind in b.indicatoren]
            rijen.append(rij)
    return rijen


def _rijen_gemeenten(b: Beeld) -> list[list]:
    """Per municipality and cycle number the parks' sums (the small-cell rule applied to the sums too)."""
    rijen = [_kop(b, ["Gemeente", "Terreinen", "Cyclus"])]
    for naam, terreinen in b.per_gemeente().items():
        reeksen = [dict(b.gemeente_reeks(ind.sleutel, terreinen)) for ind in b.indicatoren]
        for nummer in b.gemeente_cycli(terreinen):
            rijen.append([naam, len(terreinen), nummer, *(_cel(r.get(nummer)) for r in reeksen)])
    return rijen


@login_required
@require_GET
def exporteren(request, formaat: str):
    """The indicators as CSV or XLSX (aggregates only): per park and cycle (all parks or ``?terrein=``), or
    per municipality and cycle number (``?per=gemeente``, or one municipality's ``?gemeente=``); the XLSX
    holds both (a park's only its own)."""
    if formaat not in ("csv", "xlsx"):
        raise Http404
    ids, verplicht = _toegang(request)
    if omleiding := tweestaps_nodig(request, verplicht=verplicht):
        return omleiding
    terrein_pk = request.GET.get("terrein")
    gemeente_naam = request.GET.get("gemeente")
    per_gemeente = request.GET.get("per") == "gemeente" or gemeente_naam is not None
    if terrein_pk is not None:
        if not terrein_pk.isdigit():
            raise Http404
        b = _een_terrein(ids, int(terrein_pk))
    elif gemeente_naam is not None:
        b = _een_gemeente(ids, gemeente_naam)
    else:
        b = beeld(_werkgroepen(ids))
    naam = f"beeld-{timezone.localdate():%Y-%m-%d}"
    if terrein_pk:
        naam += f"-terrein-{terrein_pk}"
    elif gemeente_naam is not None:
        naam += f"-gemeente-{slugify(gemeente_naam) or 'onbekend'}"
    elif per_gemeente:
        naam += "-per-gemeente"
    if formaat == "csv":
        return export.csv_antwoord(_rijen_gemeenten(b) if per_gemeente else _rijen_terreinen(b), f"{naam}.csv")
    bladen = {"Beeld per terrein": _rijen_terreinen(b)}
    if terrein_pk is None:
        bladen["Beeld per gemeente"] = _rijen_gemeenten(b)
    return export.xlsx_antwoord(bladen, f"{naam}.xlsx")
