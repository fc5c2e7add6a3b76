"""Inspections and their points (§4.1.3): validate, write, log.

A point's sequence number is given by the service: the next free number within the inspection,
taken under a lock on the inspection row, so two members adding points on the same walk never
get the same number.
"""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max

from analyse.fotos import Foto, verwerk
from analyse.models import Schouw, Schouwpunt
from werkgroepen.logboek import log_actie

VELDEN_VERBETER = ("actie", "wie", "gereed_voor")
VELDEN_POSITIEF = ("waarom_tevreden", "wat_nodig_was")


def _log(schouw: Schouw, actor, actie: str, omschrijving: str) -> None:
    log_actie(werkgroep=schouw.werkgroep, actor=actor, actie=actie, omschrijving=omschrijving, schouw=schouw.pk)


def _nieuwe_ref(werkgroep, soort: str, datum) -> str:
    basis = f"s-{soort}-{datum.isoformat()}"
    bestaand = set(Schouw.objects.filter(werkgroep=werkgroep, ref__startswith=basis).values_list("ref", flat=True))
    ref, n = basis, 1
    while ref in bestaand:
        n += 1
        ref = f"{basis}-{n}"
    return ref


@transaction.atomic
def schouw_maak(*, actor, cyclus, soort: str, datum, groep: str, aanwezigen) -> Schouw:
    schouw = Schouw.objects.create(
        werkgroep=cyclus.werkgroep,
        cyclus=cyclus,
        ref=_nieuwe_ref(cyclus.werkgroep, soort, datum),
        soort=soort,
        datum=datum,
        groep=groep,
    )
    schouw.aanwezigen.set(aanwezigen)
    _log(schouw, actor, "schouw.nieuw", f"{schouw} vastgelegd ({len(aanwezigen)} aanwezigen)")
    return schouw


@transaction.atomic
def schouw_wijzig(*, actor, schouw: Schouw, soort: str, datum, groep: str, aanwezigen) -> Schouw:
    schouw.soort, schouw.datum, schouw.groep = soort, datum, groep
    schouw.save(update_fields=["soort", "datum", "groep"])
    schouw.aanwezigen.set(aanwezigen)
    _log(schouw, actor, "schouw.gewijzigd", f"{schouw} gewijzigd")
    return schouw


@transaction.atomic
def schouw_verwijder(*, actor, schouw: Schouw) -> None:
    naam = str(schouw)
    for punt in schouw.punten.exclude(foto=""):
        if punt.foto:
            transaction.on_commit(lambda f=punt.foto.name, s=punt.foto.storage: s.delete(f))
    werkgroep = schouw.werkgroep
    schouw.delete()
    log_actie(werkgroep=werkgroep, actor=actor, actie="schouw.verwijderd", omschrijving=f"{naam} verwijderd")


def punt_valideer(positief: bool, gegevens: dict, heeft_foto: bool) -> None:
    """The rules of a point beyond its form (what a kind of point needs, the photo), field by field:
    the form runs them too, so a walker sees every error at once."""
    fouten = {}
    if positief:
        for veld, tekst in (
            ("waarom_tevreden", "Schrijf op waarom de werkgroep tevreden is."),
            ("wat_nodig_was", "Schrijf op wat ervoor nodig was."),
        ):
            if not (gegevens.get(veld) or "").strip():
                fouten[veld] = tekst
    else:
        if not (gegevens.get("actie") or "").strip():
            fouten["actie"] = "Schrijf op wat er moet gebeuren."
        if not gegevens.get("wie"):
            fouten["wie"] = "Kies wie het uitvoert."
        if not gegevens.get("gereed_voor"):
            fouten["gereed_voor"] = "Vul in wanneer het klaar moet zijn."
    if not heeft_foto:
        fouten["foto"] = "Maak of kies een foto: elk schouwpunt heeft een genummerde foto."
    if fouten:
        raise ValidationError(fouten)


def punt_met_client_id(schouw: Schouw, client_id: uuid.UUID | None) -> Schouwpunt | None:
    """The point of this inspection the phone already sent under ``client_id``, if any."""
    if client_id is None:
        return None
    return schouw.punten.filter(client_id=client_id).first()


def punt_bewaar(
    *,
    actor,
    schouw: Schouw,
    gegevens: dict,
    foto=None,
    punt: Schouwpunt | None = None,
    client_id: uuid.UUID | None = None,
) -> Schouwpunt:
    """Create (``punt`` None) or change a point; a new photo replaces the old one.

    ``foto`` is an upload, or a photo already cleaned by ``analyse.fotos.verwerk`` (the form keeps
    one across a validation error, so the walker need not take it again). ``client_id`` is the id the
    phone gave a new point: a point of this inspection already stored under it is returned as it is,
    nothing is written (the phone's queue sends again when it did not hear the answer)."""
    if punt is None and (bestaand := punt_met_client_id(schouw, client_id)):
        return bestaand
    positief = bool(gegevens.get("positief"))
    punt_valideer(positief, gegevens, heeft_foto=bool(foto) or bool(punt and punt.foto))
    schoon = foto if isinstance(foto, Foto) else (verwerk(foto) if foto else None)
    velden = {
        "terrein": gegevens.get("terrein"),
        "locatie": (gegevens.get("locatie") or "").strip(),
        "positief": positief,
        "bevinding": (gegevens.get("bevinding") or "").strip(),
        "terugkerend": bool(gegevens.get("terugkerend")) and not positief,
        "actie": None if positief else gegevens.get("actie", "").strip(),
        "wie": None if positief else gegevens.get("wie"),
        "gereed_voor": None if positief else gegevens.get("gereed_voor"),
        "waarom_tevreden": gegevens.get("waarom_tevreden", "").strip() if positief else None,
        "wat_nodig_was": gegevens.get("wat_nodig_was", "").strip() if positief else None,
    }
    if schoon and schoon.lat is not None and gegevens.get("lat") is None:
        velden["lat"], velden["lon"] = schoon.lat, schoon.lon
    elif gegevens.get("lat") is not None and gegevens.get("lon") is not None:
        velden["lat"], velden["lon"] = gegevens["lat"], gegevens["lon"]
    try:
        return _punt_schrijf(actor, schouw, punt, velden, schoon, client_id, positief)
    except IntegrityError:
        # two posts of one point at the same moment where the row lock does not hold (SQLite): the
        # unique (schouw, client_id) refused the second; it answers with the first
        if punt is None and (bestaand := punt_met_client_id(schouw, client_id)):
            return bestaand
        raise


def _punt_schrijf(actor, schouw, punt, velden, schoon, client_id, positief) -> Schouwpunt:
    with transaction.atomic():
        Schouw.objects.select_for_update().filter(pk=schouw.pk).first()
        if punt is None and (bestaand := punt_met_client_id(schouw, client_id)):
            return bestaand  # sent twice at the same moment: the first one under the lock won
        if punt is None:
            nummer = (schouw.punten.aggregate(m=Max("nummer"))["m"] or 0) + 1
            punt = Schouwpunt(
                schouw=schouw,
                nummer=nummer,
                ref=f"{schouw.ref or schouw.pk}-{nummer:02d}",
                client_id=client_id,
                **velden,
            )
            nieuw = True
        else:
            for k, v in velden.items():
                setattr(punt, k, v)
            nieuw = False
        oude_foto = punt.foto.name if (schoon and punt.foto) else None
        if schoon:
            punt.foto.save("foto.jpg", ContentFile(schoon.inhoud), save=False)
        punt.save()
        if oude_foto:
            opslag = punt.foto.storage
            transaction.on_commit(lambda: opslag.delete(oude_foto))
        soort = "positief punt" if positief else "verbeterpunt"
        _log(schouw, actor, "schouwpunt.nieuw" if nieuw else "schouwpunt.gewijzigd", f"{schouw}: {soort} {punt.nummer}")
    return punt


@transaction.atomic
def punt_verwijder(*, actor, punt: Schouwpunt) -> None:
    schouw = punt.schouw
    if punt.foto:
        transaction.on_commit(lambda f=punt.foto.name, s=punt.foto.storage: s.delete(f))
    nummer = punt.nummer
    punt.delete()
    _log(schouw, actor, "schouwpunt.verwijderd", f"{schouw}: punt {nummer} verwijderd")
