"""PVO's execution plan in the ``kvo-dossier/1`` format, until the format's next version knows it.

A PVO plan carries under ``plan["x-pvo"]``: ``rolverdeling``, ``kalender_vastgesteld_op``,
``integraal`` (the refs of the joint actions) and ``activiteiten`` (the activity calendar: ``soort``,
``titel``, ``gepland_op``, ``partij`` ref, ``bijeenkomst`` ref, ``communicatie`` as the index in the
dossier's ``communicatie`` list). PVO's four themes are no theme keys of the format: a goal on one of
them travels as ``eigen:<theme>`` (``eigen:schoon``) and comes back as the theme itself in a PVO cycle.
"""

from __future__ import annotations

from aanpak.models import Activiteit, Plan
from kvo.dossier.fouten import pad
from kvo.dossier.hulp import datum, zet
from kvo.regelingen import PVO_VB, regeling_van

X_PVO = "x-pvo"
EIGEN = "eigen:"


def thema_export(thema: str, cyclus) -> str:
    if regeling_van(cyclus).is_pvo and thema in PVO_VB.thema_sleutels:
        return f"{EIGEN}{thema}"
    return thema


def thema_import(thema: str, cyclus) -> str:
    if regeling_van(cyclus).is_pvo and thema.startswith(EIGEN) and thema[len(EIGEN) :] in PVO_VB.thema_sleutels:
        return thema[len(EIGEN) :]
    return thema


def export(plan: Plan, integraal: list[str], cyclus) -> dict:
    """The plan's ``x-pvo`` object ({} when it has nothing of PVO); ``integraal`` the refs of its joint
    actions. The calendar is read for a PVO cycle only (a KVO plan costs no query)."""
    uit: dict = {}
    zet(uit, "rolverdeling", plan.rolverdeling)
    zet(uit, "kalender_vastgesteld_op", plan.kalender_vastgesteld_op)
    zet(uit, "integraal", integraal)
    if not regeling_van(cyclus).is_pvo:
        return uit
    communicaties = list(plan.werkgroep.communicaties.order_by("pk").values_list("pk", flat=True))
    activiteiten = []
    for a in plan.activiteiten.select_related("partij", "bijeenkomst").order_by("pk"):
        item = {"soort": a.soort, "titel": a.titel, "gepland_op": a.gepland_op.isoformat()}
        zet(item, "partij", a.partij.ref if a.partij else None)
        zet(item, "bijeenkomst", a.bijeenkomst.ref if a.bijeenkomst else None)
        if a.communicatie_id in communicaties:
            item["communicatie"] = communicaties.index(a.communicatie_id)
        activiteiten.append(item)
    zet(uit, "activiteiten", activiteiten)
    return uit


def check(dossier: dict, plan: dict, basis: tuple) -> list[str]:
    pvo = plan.get(X_PVO)
    if pvo is None:
        return []
    plek = (*basis, X_PVO)
    if not isinstance(pvo, dict):
        return [f"{pad(*plek)}: verwacht een object"]
    problemen = []
    if not isinstance(pvo.get("rolverdeling", ""), str) or len(pvo.get("rolverdeling", "")) > 10000:
        problemen.append(f"{pad(*plek, 'rolverdeling')}: een tekst van hoogstens 10.000 tekens")
    try:
        datum(pvo.get("kalender_vastgesteld_op"))
    except (TypeError, ValueError):
        problemen.append(f"{pad(*plek, 'kalender_vastgesteld_op')}: verwacht een datum JJJJ-MM-DD")
    maatregelen = {m["ref"] for m in plan.get("maatregelen") or []}
    for k, ref in enumerate(pvo.get("integraal") or []):
        if ref not in maatregelen:
            problemen.append(f'{pad(*plek, "integraal", k)}: onbekende maatregel "{ref}"')
    partijen = {p["ref"] for p in dossier.get("partijen", [])}
    bijeenkomsten = {b["ref"] for b in dossier.get("bijeenkomsten", [])}
    aantal_communicaties = len(dossier.get("communicatie", []))
    for k, a in enumerate(pvo.get("activiteiten") or []):
        p = (*plek, "activiteiten", k)
        if not isinstance(a, dict):
            problemen.append(f"{pad(*p)}: verwacht een object")
            continue
        if a.get("soort") not in Activiteit.Soort.values:
            problemen.append(f"{pad(*p, 'soort')}: onbekende soort activiteit")
        if not isinstance(a.get("titel"), str) or not a["titel"].strip() or len(a["titel"]) > 300:
            problemen.append(f"{pad(*p, 'titel')}: een naam van hoogstens 300 tekens")
        try:
            if datum(a.get("gepland_op")) is None:
                raise ValueError
        except (TypeError, ValueError):
            problemen.append(f"{pad(*p, 'gepland_op')}: verwacht een datum JJJJ-MM-DD")
        if a.get("partij") is not None and a["partij"] not in partijen:
            problemen.append(f'{pad(*p, "partij")}: onbekende partij "{a["partij"]}"')
        if a.get("bijeenkomst") is not None and a["bijeenkomst"] not in bijeenkomsten:
            problemen.append(f'{pad(*p, "bijeenkomst")}: onbekende bijeenkomst "{a["bijeenkomst"]}"')
        c = a.get("communicatie")
        if c is not None and (isinstance(c, bool) or not isinstance(c, int) or not 0 <= c < aantal_communicaties):
            problemen.append(f"{pad(*p, 'communicatie')}: verwacht de plaats in de lijst communicatie")
    return problemen


def importeer(plan: Plan, bron: dict, ctx) -> None:
    """The plan's PVO fields and its activity calendar (the joint actions are set when the measures are made)."""
    pvo = bron.get(X_PVO) or {}
    if not pvo:
        return
    plan.rolverdeling = pvo.get("rolverdeling", "")
    plan.kalender_vastgesteld_op = datum(pvo.get("kalender_vastgesteld_op"))
    plan.save(update_fields=["rolverdeling", "kalender_vastgesteld_op"])
    partijen, bijeenkomsten = ctx.objecten("partijen"), ctx.objecten("bijeenkomsten")
    communicaties = list(plan.werkgroep.communicaties.order_by("pk"))
    Activiteit.objects.bulk_create(
        Activiteit(
            plan=plan,
            soort=a["soort"],
            titel=a["titel"],
            gepland_op=datum(a["gepland_op"]),
            partij=partijen.get(a.get("partij")),
            bijeenkomst=bijeenkomsten.get(a.get("bijeenkomst")),
            communicatie=communicaties[a["communicatie"]] if a.get("communicatie") is not None else None,
        )
        for a in pvo.get("activiteiten") or []
    )
