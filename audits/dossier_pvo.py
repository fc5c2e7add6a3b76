"""PVO's waardering in the ``kvo-dossier/1`` format, until the format's next version knows it: a
cycle carries ``x-waardering`` with ``gepland_op``, ``gehouden_op``, ``bijeenkomst`` (ref),
``continuiteit_bevestigd``, ``capaciteit_bevestigd``, ``uitgereikt_op``, ``persbericht_op`` and
``ondertekenaars`` (``partij`` ref, ``naam``, ``functie``, ``getekend_op``)."""

from __future__ import annotations

from audits.models import Ondertekenaar, Waardering
from kvo.dossier.fouten import pad
from kvo.dossier.hulp import datum, zet
from kvo.dossier.registry import CyclusDeel, registreer
from kvo.regelingen import regeling_van

X_WAARDERING = "x-waardering"
DATUMS = ("gepland_op", "gehouden_op", "uitgereikt_op", "persbericht_op")


def _export(cyclus, voor_ci: bool) -> dict:
    if not regeling_van(cyclus).heeft_waardering:  # no query for a KVO cycle
        return {}
    w = Waardering.objects.filter(cyclus=cyclus).select_related("bijeenkomst").first()
    if w is None:
        return {}
    item: dict = {}
    for veld in DATUMS[:2]:
        zet(item, veld, getattr(w, veld))
    zet(item, "bijeenkomst", w.bijeenkomst.ref if w.bijeenkomst_id else None)
    zet(item, "continuiteit_bevestigd", w.continuiteit_bevestigd, standaard=False)
    zet(item, "capaciteit_bevestigd", w.capaciteit_bevestigd, standaard=False)
    for veld in DATUMS[2:]:
        zet(item, veld, getattr(w, veld))
    ondertekenaars = []
    for o in w.ondertekenaars.select_related("partij").order_by("pk"):
        rij = {"partij": o.partij.ref, "naam": o.naam}
        zet(rij, "functie", o.functie)
        zet(rij, "getekend_op", o.getekend_op)
        ondertekenaars.append(rij)
    zet(item, "ondertekenaars", ondertekenaars)
    return {X_WAARDERING: item}


def _check(dossier: dict, i: int, bestanden: dict[str, bytes]) -> list[str]:
    w = dossier["cycli"][i].get(X_WAARDERING)
    basis = ("cycli", i, X_WAARDERING)
    if w is None:
        return []
    if not isinstance(w, dict):
        return [f"{pad(*basis)}: verwacht een object"]
    problemen = []
    for veld in DATUMS:
        try:
            datum(w.get(veld))
        except (TypeError, ValueError):
            problemen.append(f"{pad(*basis, veld)}: verwacht een datum JJJJ-MM-DD")
    for veld in ("continuiteit_bevestigd", "capaciteit_bevestigd"):
        if not isinstance(w.get(veld, False), bool):
            problemen.append(f"{pad(*basis, veld)}: verwacht true of false")
    if w.get("bijeenkomst") is not None and w["bijeenkomst"] not in {
        b["ref"] for b in dossier.get("bijeenkomsten", [])
    }:
        problemen.append(f'{pad(*basis, "bijeenkomst")}: onbekende bijeenkomst "{w["bijeenkomst"]}"')
    partijen, gezien = {p["ref"] for p in dossier.get("partijen", [])}, set()
    for j, o in enumerate(w.get("ondertekenaars") or []):
        plek = (*basis, "ondertekenaars", j)
        if not isinstance(o, dict):
            problemen.append(f"{pad(*plek)}: verwacht een object")
            continue
        if o.get("partij") not in partijen:
            problemen.append(f'{pad(*plek, "partij")}: onbekende partij "{o.get("partij")}"')
        elif o["partij"] in gezien:
            problemen.append(f'{pad(*plek, "partij")}: partij "{o["partij"]}" heeft al een tekenbevoegde')
        gezien.add(o.get("partij"))
        for veld in ("naam", "functie"):
            waarde = o.get(veld, "")
            if not isinstance(waarde, str) or len(waarde) > 200 or (veld == "naam" and not waarde.strip()):
                problemen.append(f"{pad(*plek, veld)}: een tekst van hoogstens 200 tekens")
        try:
            datum(o.get("getekend_op"))
        except (TypeError, ValueError):
            problemen.append(f"{pad(*plek, 'getekend_op')}: verwacht een datum JJJJ-MM-DD")
    return problemen


def _importeer(cyclus, gegevens: dict, ctx) -> None:
    w = gegevens[X_WAARDERING]
    waardering = Waardering.objects.create(
        werkgroep=cyclus.werkgroep,
        cyclus=cyclus,
        bijeenkomst=ctx.objecten("bijeenkomsten").get(w.get("bijeenkomst")),
        continuiteit_bevestigd=w.get("continuiteit_bevestigd", False),
        capaciteit_bevestigd=w.get("capaciteit_bevestigd", False),
        **{veld: datum(w.get(veld)) for veld in DATUMS},
    )
    partijen = ctx.objecten("partijen")
    for o in w.get("ondertekenaars") or []:
        Ondertekenaar.objects.create(
            waardering=waardering,
            partij=partijen[o["partij"]],
            naam=o["naam"],
            functie=o.get("functie", ""),
            getekend_op=datum(o.get("getekend_op")),
        )
    # the waardering lives in its rows, not in the cycle's kept x- keys (which export would write again)
    if X_WAARDERING in (cyclus.extra or {}):
        cyclus.extra = {k: v for k, v in cyclus.extra.items() if k != X_WAARDERING}
        cyclus.save(update_fields=["extra"])


registreer(CyclusDeel("waardering", 75, (X_WAARDERING,), _export, _check, _importeer))
