"""The area's part of the ``kvo-dossier/1`` format: parks with their entrepreneurs, adjacent locations.

See ``kvo.dossier`` for the framework and the canonical form. An entrepreneur's place (the
letter's address line) travels as ``x-plaats``: the schema has no field for it.
"""

from __future__ import annotations

from gebieden.models import AangrenzendeLocatie, Bedrijventerrein, Ondernemer
from kvo.dossier.fouten import pad
from kvo.dossier.hulp import dubbele_refs, met_extra, te_lang, x_sleutels, zet
from kvo.dossier.registry import Onderdeel, registreer
from kvo.geschiedenis import bulk_maken


def _export(werkgroep, voor_ci: bool) -> dict:
    ondernemers: dict[int, list[dict]] = {}
    for o in Ondernemer.objects.filter(terrein__werkgroep=werkgroep).order_by("pk"):
        item = {"ref": o.ref, "naam": o.naam}
        zet(item, "adres", o.adres)
        zet(item, "postcode", o.postcode)
        zet(item, "huisnummer", o.huisnummer)
        zet(item, "x-plaats", o.plaats)
        if not voor_ci:  # what leaves the work group carries no entrepreneur's e-mail address (AVG)
            zet(item, "email", o.email)
        if o.lid_ondernemersvereniging is not None:
            item["lid_ondernemersvereniging"] = o.lid_ondernemersvereniging
        ondernemers.setdefault(o.terrein_id, []).append(met_extra(item, o.extra))
    terreinen = []
    for t in werkgroep.terreinen.order_by("pk"):
        item = {"ref": t.ref, "naam": t.naam, "gemeente": t.gemeente}
        zet(item, "grens", t.grens)
        zet(item, "x-postcodes", list(t.postcodes or []))  # PVO (pvo.gebied): postcodes and house numbers
        item["ondernemers"] = ondernemers.get(t.pk, [])
        terreinen.append(met_extra(item, t.extra))
    uit: dict = {"terreinen": terreinen}
    locaties = []
    for loc in werkgroep.aangrenzende_locaties.order_by("pk"):
        item = {"naam": loc.naam}
        zet(item, "soort", loc.soort)
        zet(item, "grens", loc.grens)
        locaties.append(item)
    zet(uit, "aangrenzende_locaties", locaties)
    return uit


def _check(dossier: dict) -> list[str]:
    terreinen = dossier["terreinen"]
    problemen = dubbele_refs(terreinen, "terreinen")
    problemen += te_lang(terreinen, Bedrijventerrein, ("ref", "naam", "gemeente"), "terreinen")
    for i, terrein in enumerate(terreinen):
        problemen += dubbele_refs(terrein["ondernemers"], "terreinen", i, "ondernemers")
        problemen += te_lang(
            terrein["ondernemers"],
            Ondernemer,
            ("ref", "naam", "adres", "postcode", "huisnummer", "email"),
            "terreinen",
            i,
            "ondernemers",
        )
        for j, o in enumerate(terrein["ondernemers"]):
            plaats = o.get("x-plaats", "")
            if not isinstance(plaats, str) or len(plaats) > 100:
                problemen.append(
                    f"{pad('terreinen', i, 'ondernemers', j, 'x-plaats')}: een plaatsnaam van hoogstens 100 tekens"
                )
        postcodes = terrein.get("x-postcodes", [])
        if not isinstance(postcodes, list) or not all(
            isinstance(p, dict)
            and isinstance(p.get("postcode"), str)
            and len(p["postcode"]) <= 10
            and isinstance(p.get("huisnummers", ""), str)
            and len(p.get("huisnummers", "")) <= 200
            for p in postcodes
        ):
            problemen.append(
                f"{pad('terreinen', i, 'x-postcodes')}: een lijst van {{postcode, huisnummers}} (teksten van "
                "hoogstens 10 en 200 tekens)"
            )
        grens = terrein.get("grens")
        if grens is not None and grens.get("type") not in ("Polygon", "MultiPolygon"):
            problemen.append(f"{pad('terreinen', i, 'grens')}: verwacht een GeoJSON Polygon of MultiPolygon")
    problemen += te_lang(
        dossier.get("aangrenzende_locaties", []), AangrenzendeLocatie, ("naam", "soort"), "aangrenzende_locaties"
    )
    return problemen


def _importeer(werkgroep, dossier: dict, ctx) -> None:
    bronnen = dossier["terreinen"]
    terreinen = bulk_maken(
        Bedrijventerrein,
        werkgroep,
        [
            Bedrijventerrein(
                werkgroep=werkgroep,
                ref=t["ref"],
                naam=t["naam"],
                gemeente=t["gemeente"],
                grens=t.get("grens"),
                postcodes=list(t.get("x-postcodes", [])),
                extra={k: v for k, v in x_sleutels(t).items() if k != "x-postcodes"},
            )
            for t in bronnen
        ],
    )
    bulk_maken(
        Ondernemer,
        werkgroep,
        (
            Ondernemer(
                terrein=terrein,
                ref=o["ref"],
                naam=o["naam"],
                adres=o.get("adres", ""),
                postcode=o.get("postcode", ""),
                huisnummer=o.get("huisnummer", ""),
                email=o.get("email"),
                lid_ondernemersvereniging=o.get("lid_ondernemersvereniging"),
                plaats=o.get("x-plaats", ""),
                extra={k: v for k, v in x_sleutels(o).items() if k != "x-plaats"},
            )
            for terrein, bron in zip(terreinen, bronnen, strict=True)
            for o in bron["ondernemers"]
        ),
        batch_size=500,
    )
    ctx.objecten("terreinen").update({t.ref: t for t in terreinen})
    bulk_maken(
        AangrenzendeLocatie,
        werkgroep,
        [
            AangrenzendeLocatie(
                werkgroep=werkgroep, naam=loc["naam"], soort=loc.get("soort", ""), grens=loc.get("grens")
            )
            for loc in dossier.get("aangrenzende_locaties", [])
        ],
    )


registreer(Onderdeel("gebied", 10, ("terreinen", "aangrenzende_locaties"), _export, _check, _importeer))
