"""PVO's inventory in the ``kvo-dossier/1`` format, until the format's next version knows it.

- The survey carries ``enquete["x-pvo"]``: ``brief_namens`` (the municipality's party ref),
  ``brief_ondertekenaar`` (the mayor), ``resultaten_gepresenteerd_op`` and
  ``resultaten_gepresenteerd_in`` (a meeting ref).
- A cycle carries ``x-gebiedsscans``: per stakeholder ``partij`` (ref), ``fenomenen`` (the top 3),
  ``toelichting`` and ``bijeenkomst`` (the meeting's ref), in the order they were recorded.
"""

from __future__ import annotations

from analyse.models import Enquete, Gebiedsscan
from analyse.models.gebiedsscan import MAX_FENOMENEN
from kvo.dossier.fouten import pad
from kvo.dossier.hulp import datum, zet
from kvo.dossier.registry import CyclusDeel, registreer
from kvo.regelingen import regeling_van

X_PVO = "x-pvo"
X_GEBIEDSSCANS = "x-gebiedsscans"


def _refs(dossier: dict, sleutel: str) -> set:
    return {r["ref"] for r in dossier.get(sleutel, [])}


# --- the survey's letter and presentation (inside cycli[].enquete) -------------------------------


def enquete_export(enquete: Enquete) -> dict:
    uit: dict = {}
    zet(uit, "brief_namens", enquete.brief_namens.ref if enquete.brief_namens_id else None)
    zet(uit, "brief_ondertekenaar", enquete.brief_ondertekenaar)
    zet(uit, "resultaten_gepresenteerd_op", enquete.resultaten_gepresenteerd_op)
    zet(
        uit,
        "resultaten_gepresenteerd_in",
        enquete.resultaten_gepresenteerd_in.ref if enquete.resultaten_gepresenteerd_in_id else None,
    )
    return uit


def enquete_check(dossier: dict, e: dict, basis: tuple) -> list[str]:
    pvo = e.get(X_PVO)
    if pvo is None:
        return []
    plek = (*basis, X_PVO)
    if not isinstance(pvo, dict):
        return [f"{pad(*plek)}: verwacht een object"]
    problemen = []
    if pvo.get("brief_namens") is not None and pvo["brief_namens"] not in _refs(dossier, "partijen"):
        problemen.append(f'{pad(*plek, "brief_namens")}: onbekende partij "{pvo["brief_namens"]}"')
    ondertekenaar = pvo.get("brief_ondertekenaar", "")
    if not isinstance(ondertekenaar, str) or len(ondertekenaar) > 200:
        problemen.append(f"{pad(*plek, 'brief_ondertekenaar')}: een tekst van hoogstens 200 tekens")
    try:
        datum(pvo.get("resultaten_gepresenteerd_op"))
    except (TypeError, ValueError):
        problemen.append(f"{pad(*plek, 'resultaten_gepresenteerd_op')}: verwacht een datum JJJJ-MM-DD")
    ref = pvo.get("resultaten_gepresenteerd_in")
    if ref is not None and ref not in _refs(dossier, "bijeenkomsten"):
        problemen.append(f'{pad(*plek, "resultaten_gepresenteerd_in")}: onbekende bijeenkomst "{ref}"')
    return problemen


def enquete_velden(e: dict, ctx) -> dict:
    """The survey's PVO fields from ``enquete["x-pvo"]``, for ``Enquete(...)``."""
    pvo = e.get(X_PVO) or {}
    return {
        "brief_namens": ctx.objecten("partijen").get(pvo.get("brief_namens")),
        "brief_ondertekenaar": pvo.get("brief_ondertekenaar", ""),
        "resultaten_gepresenteerd_op": datum(pvo.get("resultaten_gepresenteerd_op")),
        "resultaten_gepresenteerd_in": ctx.objecten("bijeenkomsten").get(pvo.get("resultaten_gepresenteerd_in")),
    }


# --- the stakeholders' area scans (cycli[].x-gebiedsscans) -------------------------------------


def _export(cyclus, voor_ci: bool) -> dict:
    if not regeling_van(cyclus).is_pvo:  # only PVO has area scans: no query for a KVO cycle
        return {}
    scans = []
    for s in Gebiedsscan.objects.filter(cyclus=cyclus).select_related("partij", "bijeenkomst").order_by("pk"):
        item = {"partij": s.partij.ref}
        zet(item, "fenomenen", list(s.fenomenen or []))
        zet(item, "toelichting", s.toelichting)
        zet(item, "bijeenkomst", s.bijeenkomst.ref if s.bijeenkomst_id else None)
        scans.append(item)
    uit: dict = {}
    zet(uit, X_GEBIEDSSCANS, scans)
    return uit


def _check(dossier: dict, i: int, bestanden: dict[str, bytes]) -> list[str]:
    scans = dossier["cycli"][i].get(X_GEBIEDSSCANS)
    basis = ("cycli", i, X_GEBIEDSSCANS)
    if scans is None:
        return []
    if not isinstance(scans, list):
        return [f"{pad(*basis)}: verwacht een lijst"]
    partijen, bijeenkomsten = _refs(dossier, "partijen"), _refs(dossier, "bijeenkomsten")
    problemen, gezien = [], set()
    for j, s in enumerate(scans):
        if not isinstance(s, dict):
            problemen.append(f"{pad(*basis, j)}: verwacht een object")
            continue
        if s.get("partij") not in partijen:
            problemen.append(f'{pad(*basis, j, "partij")}: onbekende partij "{s.get("partij")}"')
        elif s["partij"] in gezien:
            problemen.append(f'{pad(*basis, j, "partij")}: partij "{s["partij"]}" heeft al een gebiedsscan')
        gezien.add(s.get("partij"))
        fenomenen = s.get("fenomenen", [])
        if (
            not isinstance(fenomenen, list)
            or len(fenomenen) > MAX_FENOMENEN
            or not all(isinstance(f, str) and len(f) <= 200 for f in fenomenen)
        ):
            problemen.append(
                f"{pad(*basis, j, 'fenomenen')}: de top {MAX_FENOMENEN} (teksten van hoogstens 200 tekens)"
            )
        if not isinstance(s.get("toelichting", ""), str) or len(s.get("toelichting", "")) > 4000:
            problemen.append(f"{pad(*basis, j, 'toelichting')}: een tekst van hoogstens 4000 tekens")
        if s.get("bijeenkomst") is not None and s["bijeenkomst"] not in bijeenkomsten:
            problemen.append(f'{pad(*basis, j, "bijeenkomst")}: onbekende bijeenkomst "{s["bijeenkomst"]}"')
    return problemen


def _importeer(cyclus, gegevens: dict, ctx) -> None:
    partijen, bijeenkomsten = ctx.objecten("partijen"), ctx.objecten("bijeenkomsten")
    for s in gegevens.get(X_GEBIEDSSCANS) or []:
        Gebiedsscan.objects.create(
            werkgroep=cyclus.werkgroep,
            cyclus=cyclus,
            partij=partijen[s["partij"]],
            fenomenen=list(s.get("fenomenen") or []),
            toelichting=s.get("toelichting", ""),
            bijeenkomst=bijeenkomsten.get(s.get("bijeenkomst")),
        )
    # the scans live in their rows, not in the cycle's kept x- keys (which export would write again)
    if X_GEBIEDSSCANS in (cyclus.extra or {}):
        cyclus.extra = {k: v for k, v in cyclus.extra.items() if k != X_GEBIEDSSCANS}
        cyclus.save(update_fields=["extra"])


registreer(CyclusDeel("gebiedsscans", 45, (X_GEBIEDSSCANS,), _export, _check, _importeer))
