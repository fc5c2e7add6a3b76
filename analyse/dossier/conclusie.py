"""``cycli[].analyse`` of the ``kvo-dossier/1`` format: the conclusion of the safety analysis (§4.1.4).

The prioritised themes in their order (``risicokans``, ``ernst`` and ``jaar`` left out when not
set), the summary, the written conclusion and its date. The schema's ``analyse`` object allows no
``x-`` keys, so the meeting that adopted the conclusion travels at cycle level as
``x-analyse-bijeenkomst`` (the meeting's ref).
"""

from __future__ import annotations

from analyse.models import Conclusie, Prioriteit
from analyse.services.conclusie import prioriteiten_maken
from kvo.dossier.fouten import pad
from kvo.dossier.hulp import datum, dubbele_refs, te_lang, zet
from kvo.dossier.registry import CyclusDeel, registreer

BIJEENKOMST = "x-analyse-bijeenkomst"


def _export(cyclus, voor_ci: bool) -> dict:
    conclusie = Conclusie.objects.filter(cyclus=cyclus).select_related("vastgesteld_in").first()
    if conclusie is None:
        return {}
    prioriteiten = []
    for p in conclusie.prioriteiten.order_by("volgorde", "pk"):
        item = {"thema": p.thema}
        zet(item, "risicokans", p.risicokans)
        zet(item, "ernst", p.ernst)
        zet(item, "toelichting", p.toelichting)
        zet(item, "jaar", p.jaar)
        prioriteiten.append(item)
    analyse: dict = {}
    zet(analyse, "prioriteiten", prioriteiten)
    zet(analyse, "samenvatting", conclusie.samenvatting)
    zet(analyse, "conclusie", conclusie.conclusie)
    zet(analyse, "vastgesteld_op", conclusie.vastgesteld_op)
    uit = {"analyse": analyse}
    if conclusie.vastgesteld_in is not None:
        uit[BIJEENKOMST] = conclusie.vastgesteld_in.ref
    return uit


def _check(dossier: dict, i: int, bestanden: dict[str, bytes]) -> list[str]:
    cyclus = dossier["cycli"][i]
    analyse = cyclus.get("analyse") or {}
    prioriteiten = analyse.get("prioriteiten") or []
    problemen = dubbele_refs(prioriteiten, "cycli", i, "analyse", "prioriteiten", sleutel="thema", wat="thema")
    problemen += te_lang(prioriteiten, Prioriteit, ("thema",), "cycli", i, "analyse", "prioriteiten")
    ref = cyclus.get(BIJEENKOMST)
    if ref is not None and ref not in {b["ref"] for b in dossier.get("bijeenkomsten", [])}:
        problemen.append(f'{pad("cycli", i, BIJEENKOMST)}: onbekende bijeenkomst "{ref}"')
    return problemen


def _importeer(cyclus, gegevens: dict, ctx) -> None:
    analyse = gegevens["analyse"]
    ref = gegevens.get(BIJEENKOMST)
    conclusie = Conclusie.objects.create(
        werkgroep=cyclus.werkgroep,
        cyclus=cyclus,
        samenvatting=analyse.get("samenvatting"),
        conclusie=analyse.get("conclusie"),
        vastgesteld_op=datum(analyse.get("vastgesteld_op")),
        vastgesteld_in=ctx.objecten("bijeenkomsten")[ref] if ref else None,
    )
    prioriteiten_maken(conclusie, analyse.get("prioriteiten") or [])
    if BIJEENKOMST in (cyclus.extra or {}):  # kept on the conclusion, not twice
        cyclus.extra.pop(BIJEENKOMST)
        cyclus.save(update_fields=["extra"])


registreer(CyclusDeel("analyse", 40, ("analyse",), _export, _check, _importeer))
