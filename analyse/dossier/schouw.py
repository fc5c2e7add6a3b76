"""``cycli[].schouwen`` of the ``kvo-dossier/1`` format: inspections and their points (§4.1.3).

Photos travel in the zip under ``media/``. A point keeps the path its dossier gave its photo
(``extra["_foto"]``) and exports it back, so a round trip keeps the path; a point made in the
product exports as ``schouw/<inspection ref>/<number>.jpg``. Canonical form: ``groep``
"voltallig", ``terugkerend`` false and empty texts are left out; attendees are member refs, ``wie``
a party ref, ``terrein`` a park ref.

An imported photo goes through the same checks as one uploaded on the walk (``analyse.fotos.verwerk``):
a file that is no readable photo, or has too many pixels, is a problem with its JSON path before
anything is written, and what is stored is the re-encoded JPEG without metadata (no location,
device or time from the camera), never the bytes of the zip.
"""

from __future__ import annotations

import posixpath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from analyse.fotos import verwerk
from analyse.models import Schouw, Schouwpunt
from kvo.dossier.fouten import pad
from kvo.dossier.hulp import datum, dubbele_refs, extra_van, met_extra, te_lang, zet
from kvo.dossier.registry import CyclusDeel, registreer
from kvo.geschiedenis import bulk_maken


def foto_naam(punt: Schouwpunt) -> str:
    return (punt.extra or {}).get("_foto") or f"schouw/{punt.schouw.ref}/{punt.nummer:02d}.jpg"


def _export(cyclus, voor_ci: bool) -> dict:
    schouwen = list(
        Schouw.objects.filter(cyclus=cyclus)
        .order_by("pk")
        .prefetch_related("aanwezigen", "punten__wie", "punten__terrein")
    )
    lijst = []
    for s in schouwen:
        item = {"ref": s.ref, "soort": s.soort, "datum": s.datum.isoformat()}
        zet(item, "groep", s.groep, standaard=Schouw.Groep.VOLTALLIG.value)
        zet(item, "aanwezigen", [lid.ref for lid in sorted(s.aanwezigen.all(), key=lambda lid: lid.pk)])
        punten = []
        for p in sorted(s.punten.all(), key=lambda p: p.nummer):
            punt = {"ref": p.ref, "nummer": p.nummer}
            if p.foto:
                punt["foto"] = foto_naam(p)
            zet(punt, "terrein", p.terrein.ref if p.terrein else None)
            zet(punt, "locatie", p.locatie)
            if p.lat is not None:
                punt["lat"], punt["lon"] = p.lat, p.lon
            punt["positief"] = p.positief
            zet(punt, "bevinding", p.bevinding)
            zet(punt, "actie", p.actie)
            zet(punt, "wie", p.wie.ref if p.wie else None)
            zet(punt, "gereed_voor", p.gereed_voor)
            zet(punt, "waarom_tevreden", p.waarom_tevreden)
            zet(punt, "wat_nodig_was", p.wat_nodig_was)
            zet(punt, "terugkerend", p.terugkerend, standaard=False)
            punten.append(met_extra(punt, p.extra))
        zet(item, "punten", punten)
        lijst.append(met_extra(item, s.extra))
    uit: dict = {}
    zet(uit, "schouwen", lijst)
    return uit


def _check(dossier: dict, i: int, bestanden: dict[str, bytes]) -> list[str]:
    schouwen = dossier["cycli"][i].get("schouwen") or []
    basis = ("cycli", i, "schouwen")
    alle = [s for c in dossier["cycli"] for s in (c.get("schouwen") or [])]
    problemen = dubbele_refs(schouwen, *basis) if len(alle) == len(schouwen) else []
    if len(alle) != len(schouwen):  # refs are unique in the whole work group, across cycles
        eerder = {s["ref"] for c in dossier["cycli"][:i] for s in (c.get("schouwen") or [])}
        problemen += [
            f'{pad(*basis, j, "ref")}: ref "{s["ref"]}" komt al voor in een andere cyclus'
            for j, s in enumerate(schouwen)
            if s["ref"] in eerder
        ]
        problemen += dubbele_refs(schouwen, *basis)
    leden = {lid["ref"] for lid in dossier.get("leden", [])}
    partijen = {p["ref"] for p in dossier.get("partijen", [])}
    terreinen = {t["ref"] for t in dossier.get("terreinen", [])}
    for j, s in enumerate(schouwen):
        for k, lid in enumerate(s.get("aanwezigen") or []):
            if lid not in leden:
                problemen.append(f'{pad(*basis, j, "aanwezigen", k)}: onbekend lid "{lid}"')
        punten = s.get("punten") or []
        problemen += dubbele_refs(punten, *basis, j, "punten")
        problemen += dubbele_refs(punten, *basis, j, "punten", sleutel="nummer", wat="volgnummer")
        problemen += te_lang(punten, Schouwpunt, ("locatie",), *basis, j, "punten")
        for k, p in enumerate(punten):
            plek = (*basis, j, "punten", k)
            if p.get("wie") is not None and p["wie"] not in partijen:
                problemen.append(f'{pad(*plek, "wie")}: onbekende partij "{p["wie"]}"')
            if p.get("terrein") is not None and p["terrein"] not in terreinen:
                problemen.append(f'{pad(*plek, "terrein")}: onbekend bedrijventerrein "{p["terrein"]}"')
            naam = p.get("foto")
            if naam is None:
                continue
            if ".." in naam.split("/") or naam.startswith("/"):
                problemen.append(f'{pad(*plek, "foto")}: ongeldig pad "{naam}"')
            elif f"media/{naam}" not in bestanden:
                problemen.append(
                    f'{pad(*plek, "foto")}: bestand "media/{naam}" ontbreekt (een dossier met foto\'s is een .zip '
                    "met de bestanden onder media/)"
                )
            else:
                try:
                    _schoon(bestanden[f"media/{naam}"], naam)
                except ValidationError as fout:
                    problemen.append(f"{pad(*plek, 'foto')}: {' '.join(fout.messages)}")
    return problemen


def _schoon(inhoud: bytes, naam: str) -> bytes:
    """The photo as an upload on the walk stores it: re-encoded as JPEG, without metadata."""
    return verwerk(ContentFile(inhoud, name=posixpath.basename(naam))).inhoud


def _importeer(cyclus, gegevens: dict, ctx) -> None:
    leden = ctx.objecten("leden")
    partijen = ctx.objecten("partijen")
    terreinen = ctx.objecten("terreinen")
    for s in gegevens["schouwen"]:
        schouw = Schouw.objects.create(
            werkgroep=cyclus.werkgroep,
            cyclus=cyclus,
            ref=s["ref"],
            soort=s["soort"],
            datum=datum(s["datum"]),
            groep=s.get("groep", Schouw.Groep.VOLTALLIG),
            extra=extra_van(s),
        )
        schouw.aanwezigen.set([leden[r] for r in s.get("aanwezigen") or []])
        punten = []
        for p in s.get("punten") or []:
            punt = Schouwpunt(
                schouw=schouw,
                ref=p["ref"],
                nummer=p["nummer"],
                terrein=terreinen[p["terrein"]] if p.get("terrein") else None,
                locatie=p.get("locatie", ""),
                lat=p.get("lat"),
                lon=p.get("lon"),
                positief=p["positief"],
                bevinding=p.get("bevinding", ""),
                actie=p.get("actie"),
                wie=partijen[p["wie"]] if p.get("wie") else None,
                gereed_voor=datum(p.get("gereed_voor")),
                waarom_tevreden=p.get("waarom_tevreden"),
                wat_nodig_was=p.get("wat_nodig_was"),
                terugkerend=p.get("terugkerend", False),
                extra=extra_van(p, _foto=p.get("foto")),
            )
            if p.get("foto"):
                schoon = _schoon(ctx.bestanden[f"media/{p['foto']}"], p["foto"])
                punt.foto.save(posixpath.basename(p["foto"]), ContentFile(schoon), save=False)
            punten.append(punt)
        bulk_maken(Schouwpunt, cyclus.werkgroep_id, punten)
        ctx.objecten("schouwpunten").update({p.ref: p for p in punten})


def schouw_bestanden(werkgroep) -> dict[str, object]:
    """Path under media/ → FieldFile, for every inspection photo of the work group."""
    punten = Schouwpunt.objects.filter(schouw__werkgroep=werkgroep).exclude(foto="").select_related("schouw")
    return {foto_naam(p): p.foto for p in punten if p.foto}


registreer(CyclusDeel("schouwen", 30, ("schouwen",), _export, _check, _importeer, bestanden=schouw_bestanden))
