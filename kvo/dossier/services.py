"""Export and import of a whole work group as a ``kvo-dossier/1`` (see ``kvo.dossier``)."""

from __future__ import annotations

import io
import json
import math
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django_scopes import scope, scopes_disabled

from kvo import geschiedenis
from kvo.dossier import SCHEMA_ID
from kvo.dossier.fouten import DossierFout, pad
from kvo.dossier.registry import ImportContext, cyclusdelen, onderdelen, ondersteunde_sleutels
from kvo.dossier.schema import schemafouten
from kvo.invoer import ZipFout, zip_uitpakken
from kvo.toegang import vervanging_blokkades

MAX_BESTAND = 200 * 1024 * 1024  # a dossier file larger than this is refused
MAX_UITGEPAKT = 400 * 1024 * 1024  # what a .zip dossier may unpack to (a zip bomb unpacks to gigabytes)
MAX_LEDEN = 50_000  # members of a .zip dossier (a work group has some hundreds of photos and documents)
MAX_DIEPTE = 32  # a dossier nests a handful of levels; thousands would exhaust the validator's stack


# --- export ------------------------------------------------------------------------------


def dossier_exporteer(*, werkgroep, voor_ci: bool = False) -> dict:
    """The whole work group as a dossier in canonical form."""
    dossier: dict = {"schema": SCHEMA_ID}
    with scope(werkgroep=werkgroep):
        for onderdeel in onderdelen():
            dossier.update(onderdeel.export(werkgroep, voor_ci))
    return dossier


def dossier_bestanden(*, werkgroep) -> dict[str, object]:
    """The files a .zip dossier carries: zip member name (``media/<bestand>``) → FieldFile."""
    bestanden: dict[str, object] = {}
    with scope(werkgroep=werkgroep):
        for deel in [*onderdelen(), *cyclusdelen()]:
            if deel.bestanden:
                bestanden.update({f"media/{naam}": f for naam, f in deel.bestanden(werkgroep).items()})
    return bestanden


def dossier_als_json(dossier: dict) -> bytes:
    return json.dumps(dossier, ensure_ascii=False, indent=2).encode("utf-8")


def dossier_als_zip(*, werkgroep, voor_ci: bool = False) -> bytes:
    dossier = dossier_exporteer(werkgroep=werkgroep, voor_ci=voor_ci)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("dossier.json", dossier_als_json(dossier))
        for naam, bestand in dossier_bestanden(werkgroep=werkgroep).items():
            with bestand.open("rb") as f:
                zf.writestr(naam, f.read())
    return buffer.getvalue()


# --- reading a file ------------------------------------------------------------------------


@dataclass
class Ingelezen:
    dossier: object
    bestanden: dict[str, bytes] = field(default_factory=dict)


def dossier_lees(inhoud: bytes, *, naam: str = "dossier.json") -> Ingelezen:
    """Read a ``.json`` or ``.zip`` dossier, judged by its content (the name only helps the message)."""
    if len(inhoud) > MAX_BESTAND:
        raise DossierFout([f"{naam}: het bestand is te groot (hoogstens {MAX_BESTAND // 1024 // 1024} MB)"])
    if inhoud[:4] == b"PK\x03\x04":
        return _lees_zip(inhoud, naam)
    begin = inhoud[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not begin.startswith(b"{"):
        raise DossierFout(
            [
                f"{naam}: dit is geen dossier (de inhoud telt, niet de naam): kies het dossier.json of de .zip "
                "die KVO Werkplaats exporteert"
            ]
        )
    return Ingelezen(_json(inhoud, naam))


def _lees_zip(inhoud: bytes, naam: str) -> Ingelezen:
    """The dossier.json and the media/ members, inflated by their real size (``kvo.invoer.zip_uitpakken``)."""

    def nodig(lid: str) -> bool:
        return lid == "dossier.json" or lid.startswith("media/")

    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as zf:
            leden = {i.filename: i for i in zf.infolist() if not i.is_dir()}
            if "dossier.json" not in leden:
                raise DossierFout([f"{naam}: het zip-bestand bevat geen dossier.json"])
            if leden["dossier.json"].file_size > MAX_BESTAND:
                raise ZipFout("dossier.json is te groot", te_groot=True)
            bestanden = zip_uitpakken(zf, max_uitgepakt=MAX_UITGEPAKT, max_leden=MAX_LEDEN, bewaar=nodig, alleen=nodig)
    except ZipFout as fout:
        if fout.te_groot:
            raise DossierFout(
                [f"{naam}: het zip-bestand is uitgepakt te groot (hoogstens {MAX_UITGEPAKT // 1024 // 1024} MB)"]
            ) from fout
        raise DossierFout([f"{naam}: geen geldig zip-bestand ({fout})"]) from fout
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, RuntimeError, zlib.error) as fout:
        # broken, truncated, encrypted or with an unknown compression
        raise DossierFout([f"{naam}: geen geldig zip-bestand ({fout})"]) from fout
    dossier = bestanden.pop("dossier.json")
    if len(dossier) > MAX_BESTAND:
        raise DossierFout([f"{naam}: dossier.json is te groot (hoogstens {MAX_BESTAND // 1024 // 1024} MB)"])
    return Ingelezen(_json(dossier, "dossier.json"), bestanden)


class _GeenGetal(str):
    """The text of a number JSON cannot hold (``NaN``, ``Infinity``, ``1e999``), kept to name its place."""


def _getal(tekst: str) -> float | _GeenGetal:
    waarde = float(tekst)
    return waarde if math.isfinite(waarde) else _GeenGetal(tekst)


def _json(inhoud: bytes, naam: str):
    try:
        dossier = json.loads(inhoud.decode("utf-8-sig"), parse_constant=_GeenGetal, parse_float=_getal)
    except (UnicodeDecodeError, ValueError) as fout:  # JSONDecodeError is a ValueError
        raise DossierFout([f"{naam}: geen geldige JSON ({fout})"]) from fout
    except RecursionError as fout:
        raise DossierFout([f"{naam}: geen geldige JSON (te diep genest)"]) from fout
    if _diepte(dossier) > MAX_DIEPTE:
        raise DossierFout([f"{naam}: te diep genest (hoogstens {MAX_DIEPTE} niveaus); is dit wel een dossier?"])
    geen_getal = _geen_getallen(dossier)
    if geen_getal:
        raise DossierFout(
            [f"{plek}: {tekst} is geen eindig getal; vul een gewoon getal in" for plek, tekst in geen_getal]
        )
    return dossier


def _geen_getallen(dossier) -> list[tuple[str, str]]:
    """The JSON path and text of every ``NaN``, ``Infinity`` or overflowing number, in document order."""
    gevonden, stapel = [], [(dossier, ())]
    while stapel:
        w, plek = stapel.pop()
        if isinstance(w, _GeenGetal):
            gevonden.append((pad(*plek), str(w)))
        elif isinstance(w, dict):
            stapel.extend((v, (*plek, k)) for k, v in reversed(list(w.items())))
        elif isinstance(w, list):
            stapel.extend((v, (*plek, i)) for i, v in reversed(list(enumerate(w))))
    return gevonden


def _diepte(waarde) -> int:
    """How deeply lists and objects nest (without recursion: a hostile file nests thousands deep)."""
    diepste, stapel = 0, [(waarde, 1)]
    while stapel:
        w, d = stapel.pop()
        if isinstance(w, dict):
            w = list(w.values())
        if isinstance(w, list):
            diepste = max(diepste, d)
            if d <= MAX_DIEPTE:
                stapel.extend((x, d + 1) for x in w)
    return diepste


# --- checking and importing ------------------------------------------------------------------


def dossier_problemen(dossier, *, bestanden: dict[str, bytes] | None = None) -> list[str]:
    """Every reason this dossier cannot be imported; empty when it can."""
    problemen = schemafouten(dossier)
    if problemen:
        return problemen
    ondersteund = ondersteunde_sleutels()
    for sleutel in dossier:
        if sleutel not in ondersteund and not sleutel.startswith("x-"):
            problemen.append(f"nog niet ondersteund: {pad(sleutel)}")
    for onderdeel in onderdelen():
        problemen += onderdeel.check_refs(dossier)
    for deel in cyclusdelen():
        for i, cyclus in enumerate(dossier.get("cycli", [])):
            if any(cyclus.get(sleutel) not in (None, [], {}) for sleutel in deel.sleutels):
                problemen += deel.check(dossier, i, bestanden or {})
    problemen += _bestanden_problemen(dossier, bestanden or {})
    for onderdeel in onderdelen():
        if onderdeel.check_bestanden:
            problemen += onderdeel.check_bestanden(dossier, bestanden or {})
    return problemen


def _bestanden_problemen(dossier: dict, bestanden: dict[str, bytes]) -> list[str]:
    problemen = []
    for i, document in enumerate(dossier.get("documenten", [])):
        for j, versie in enumerate(document["versies"]):
            naam = versie["bestand"]
            if ".." in naam.split("/") or naam.startswith("/"):
                problemen.append(f'{pad("documenten", i, "versies", j, "bestand")}: ongeldig pad "{naam}"')
            elif f"media/{naam}" not in bestanden:
                problemen.append(
                    f'{pad("documenten", i, "versies", j, "bestand")}: bestand "media/{naam}" ontbreekt '
                    "(een dossier met documenten is een .zip met de bestanden onder media/)"
                )
    return problemen


def slug_niet_beschikbaar(slug: str) -> str:
    """The one answer for a slug that cannot be used, whether or not a group the user may not see has it."""
    return f'werkgroep.slug: de korte naam "{slug}" is niet beschikbaar; kies een andere korte naam'


def dossier_importeer(
    *,
    actor,
    dossier,
    bestanden: dict[str, bytes] | None = None,
    vervang: bool = False,
    mag_zien: Callable[[object], bool] | None = None,
):
    """Write the dossier as a new work group (or replace the one with its slug): all or nothing.

    ``mag_zien(werkgroep)`` says whether the importing person may see (and so replace) an existing
    work group with the dossier's slug; ``None`` (the command line) means yes. One they may not see
    gives the same problem as any slug that cannot be used: its existence and name stay hidden.
    Raises ``DossierFout`` with every problem before anything is written.
    """
    from werkgroepen.models import Werkgroep

    problemen = dossier_problemen(dossier, bestanden=bestanden)
    slug = dossier["werkgroep"]["slug"] if not problemen else None
    with scopes_disabled():
        bestaand = Werkgroep.objects.filter(slug=slug).first() if slug else None
        if bestaand and mag_zien is not None and not mag_zien(bestaand):
            problemen.append(slug_niet_beschikbaar(slug))
        elif bestaand and not vervang:
            problemen.append(
                f'werkgroep.slug: er bestaat al een werkgroep "{slug}" ({bestaand.naam}); kies "vervangen" '
                "om die te vervangen"
            )
        elif bestaand and vervang:
            # Replacing deletes the audits and with them every grant: never while an auditor has access.
            problemen.extend(vervanging_blokkades(bestaand))
            if not bestaand.is_actief:  # a paused or ended group is read-only, for an import too
                problemen.append(
                    f'werkgroep.slug: de werkgroep "{slug}" is {bestaand.get_status_display()} en alleen te lezen; '
                    "hervat hem eerst"
                )
        if problemen:
            raise DossierFout(problemen)
        with transaction.atomic(), geschiedenis.reden(geschiedenis.IMPORT):
            behouden = _behoud(bestaand) if bestaand else {}
            if bestaand:
                for onderdeel in reversed(onderdelen()):
                    if onderdeel.verwijder:
                        onderdeel.verwijder(bestaand)
                bestaand.delete()
            ctx = ImportContext(actor=actor, bestanden=bestanden or {})
            for onderdeel in onderdelen():
                resultaat = onderdeel.importeer(ctx.werkgroep, dossier, ctx)
                if ctx.werkgroep is None:
                    ctx.werkgroep = resultaat
            werkgroep = ctx.werkgroep
            _herstel(werkgroep, behouden)
            _na_import(werkgroep, actor=actor, vervangen=bool(bestaand))
    return werkgroep


def _behoud(werkgroep) -> dict:
    """What replacing keeps of the old work group: its facilitation, 2FA rule and members' accounts."""
    return {
        "begeleiding_id": werkgroep.begeleiding_id,
        "mfa_verplicht": werkgroep.mfa_verplicht,
        "users": dict(werkgroep.leden.exclude(user=None).values_list("ref", "user_id")),
    }


def _herstel(werkgroep, behouden: dict) -> None:
    if not behouden:
        return
    werkgroep.begeleiding_id = behouden["begeleiding_id"]
    werkgroep.mfa_verplicht = behouden["mfa_verplicht"]
    werkgroep.save(update_fields=["begeleiding", "mfa_verplicht"])
    leden = list(werkgroep.leden.filter(ref__in=behouden["users"]))
    for lid in leden:
        lid.user_id = behouden["users"][lid.ref]
    geschiedenis.bulk_bijwerken(werkgroep.leden.model, werkgroep, leden, ["user"])


def _na_import(werkgroep, *, actor, vervangen: bool) -> None:
    from kvo.na_commit import enqueue_na_commit
    from kvo.tasks import werkgroep_toets_bijwerken
    from werkgroepen.logboek import log_actie

    log_actie(
        werkgroep=werkgroep,
        actor=actor,
        actie="dossier.vervangen" if vervangen else "dossier.geimporteerd",
        omschrijving="Werkgroep vervangen door een geïmporteerd dossier"
        if vervangen
        else "Werkgroep aangemaakt uit een geïmporteerd dossier",
    )
    enqueue_na_commit(werkgroep_toets_bijwerken, werkgroep_id=werkgroep.pk)
