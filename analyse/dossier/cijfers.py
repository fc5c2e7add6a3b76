"""``cycli[].cijfers`` of the ``kvo-dossier/1`` format: the incident figures of a cycle (§4.1.2).

Canonical form: defaults are left out (``soort`` "melding", ``deelgebied`` "bedrijventerrein"),
as are a missing park (``terrein`` null) and an unknown handled count (``afgehandeld`` null).
``terrein`` is the ref of a park in ``terreinen``. The list keeps its order (export by primary
key, import in list order). Figures from open data carry what the format has no place for under
``x-`` keys: ``x-herkomst`` (``cbs`` / ``mor``), ``x-gebied`` (``{"code": …, "naam": …}``, the CBS
neighbourhood), ``x-afgeschermd: true`` (a count CBS withholds: ``aantal`` 0 is then no count, and an
import keeps it withheld, never 0) and ``x-deel_van_totaal: true`` (a kind shown next to its total).

Beyond the schema the check refuses what the database or the product's rules would: an unknown
park, a period that ends before it starts, more handled than counted, counts above the form's
maximum, and a category longer than the column.
"""

from __future__ import annotations

from analyse.cijferregels import MAX_AANTAL, getal
from analyse.models import Cijfer
from kvo.dossier.fouten import pad
from kvo.dossier.hulp import datum, te_lang, zet
from kvo.dossier.registry import CyclusDeel, registreer
from kvo.geschiedenis import bulk_maken


def _export(cyclus, voor_ci: bool) -> dict:
    lijst = []
    for c in Cijfer.objects.filter(cyclus=cyclus).select_related("terrein").order_by("pk"):
        item = {"bron": c.bron}
        zet(item, "soort", c.soort, standaard=Cijfer.Soort.MELDING.value)
        item.update(
            categorie=c.categorie,
            periode_van=c.periode_van.isoformat(),
            periode_tot=c.periode_tot.isoformat(),
            aantal=c.aantal,
        )
        zet(item, "deelgebied", c.deelgebied, standaard=Cijfer.Deelgebied.BEDRIJVENTERREIN.value)
        zet(item, "terrein", c.terrein.ref if c.terrein else None)
        if c.afgehandeld is not None:
            item["afgehandeld"] = c.afgehandeld
        if c.herkomst:
            item["x-herkomst"] = c.herkomst
        if c.gebiedscode or c.gebiedsnaam:
            item["x-gebied"] = {"code": c.gebiedscode, "naam": c.gebiedsnaam}
        if c.afgeschermd:
            item["x-afgeschermd"] = True
        if c.deel_van_totaal:
            item["x-deel_van_totaal"] = True
        lijst.append(item)
    uit: dict = {}
    zet(uit, "cijfers", lijst)
    return uit


def _check(dossier: dict, i: int, bestanden: dict[str, bytes]) -> list[str]:
    cijfers = dossier["cycli"][i].get("cijfers") or []
    problemen = te_lang(cijfers, Cijfer, ("categorie",), "cycli", i, "cijfers")
    terrein_refs = {t["ref"] for t in dossier.get("terreinen", [])}
    for j, c in enumerate(cijfers):
        if c.get("terrein") is not None and c["terrein"] not in terrein_refs:
            problemen.append(f'{pad("cycli", i, "cijfers", j, "terrein")}: onbekend bedrijventerrein "{c["terrein"]}"')
        if c["periode_tot"] < c["periode_van"]:
            problemen.append(
                f"{pad('cycli', i, 'cijfers', j, 'periode_tot')}: ligt vóór periode_van ({c['periode_van']})"
            )
        for veld in ("aantal", "afgehandeld"):
            if (c.get(veld) or 0) > MAX_AANTAL:
                problemen.append(f"{pad('cycli', i, 'cijfers', j, veld)}: hoogstens {getal(MAX_AANTAL)} ({c[veld]})")
        if c.get("afgehandeld") is not None and c["afgehandeld"] > c["aantal"]:
            problemen.append(
                f"{pad('cycli', i, 'cijfers', j, 'afgehandeld')}: meer dan aantal ({c['afgehandeld']} > {c['aantal']})"
            )
        if not c["categorie"].strip():
            problemen.append(f"{pad('cycli', i, 'cijfers', j, 'categorie')}: leeg")
        problemen += _check_open_data(c, pad("cycli", i, "cijfers", j))
    return problemen


def _check_open_data(c: dict, plek: str) -> list[str]:
    problemen = []
    herkomst = c.get("x-herkomst")
    if herkomst is not None and herkomst not in Cijfer.Herkomst.values:
        problemen.append(f"{plek}.x-herkomst: onbekend (kies uit {', '.join(Cijfer.Herkomst.values)})")
    gebied = c.get("x-gebied")
    if gebied is not None:
        if (
            not isinstance(gebied, dict)
            or set(gebied) - {"code", "naam"}
            or not all(isinstance(gebied.get(k, ""), str) for k in ("code", "naam"))
        ):
            problemen.append(f'{plek}.x-gebied: verwacht {{"code": tekst, "naam": tekst}}')
        elif len(gebied.get("code", "")) > 12 or len(gebied.get("naam", "")) > 120:
            problemen.append(f"{plek}.x-gebied: code hoogstens 12 en naam hoogstens 120 tekens")
    for sleutel in ("x-afgeschermd", "x-deel_van_totaal"):
        if sleutel in c and not isinstance(c[sleutel], bool):
            problemen.append(f"{plek}.{sleutel}: verwacht true of false")
    if c.get("x-afgeschermd") and c.get("aantal"):
        problemen.append(f"{plek}.aantal: een afgeschermd aantal is 0 in het bestand ({c['aantal']})")
    return problemen


def _importeer(cyclus, gegevens: dict, ctx) -> None:
    terreinen = ctx.objecten("terreinen")
    bulk_maken(
        Cijfer,
        cyclus.werkgroep_id,
        [
            Cijfer(
                werkgroep=cyclus.werkgroep,
                cyclus=cyclus,
                bron=c["bron"],
                soort=c.get("soort", Cijfer.Soort.MELDING),
                categorie=c["categorie"],
                periode_van=datum(c["periode_van"]),
                periode_tot=datum(c["periode_tot"]),
                aantal=c["aantal"],
                deelgebied=c.get("deelgebied", Cijfer.Deelgebied.BEDRIJVENTERREIN),
                terrein=terreinen[c["terrein"]] if c.get("terrein") is not None else None,
                afgehandeld=c.get("afgehandeld"),
                herkomst=c.get("x-herkomst", ""),
                gebiedscode=(c.get("x-gebied") or {}).get("code", ""),
                gebiedsnaam=(c.get("x-gebied") or {}).get("naam", ""),
                afgeschermd=bool(c.get("x-afgeschermd")),
                deel_van_totaal=bool(c.get("x-deel_van_totaal")),
            )
            for c in gegevens.get("cijfers") or []
        ],
    )


registreer(CyclusDeel("cijfers", 20, ("cijfers",), _export, _check, _importeer))
