"""Starting a new work group in the product ("Nieuwe werkgroep", issue 21).

A facilitator (for their own facilitating organisation) or staff (for any) goes through four short
steps — name, first business park, the cycle, chair and secretary — kept as a ``WerkgroepStart`` so
they can stop and resume. Finishing creates everything in one transaction through the services that
own each part (the park through ``gebieden.services``, the cycle through ``cyclus_start`` and its
``cyclus_gestart`` signal, the members through ``lid_maak`` and the invitation service) and deletes
the draft.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.text import slugify
from django_scopes import scope

from gebieden.services import terrein_maak
from kvo.regelingen import KVO, REGELINGEN, Regeling, regeling
from werkgroepen.logboek import log_actie
from werkgroepen.models import Begeleidingsorganisatie, Cyclus, Partij, Werkgroep, WerkgroepStart
from werkgroepen.services.administratie import cyclus_start
from werkgroepen.services.leden import lid_maak, partij_maak
from werkgroepen.services.uitnodigingen import lid_nodig_uit

log = logging.getLogger("kvo.werkgroepen")

STAPPEN = {1: "Naam", 2: "Bedrijventerrein", 3: "Cyclus", 4: "Voorzitter en secretaris", 5: "Controleren"}
LAATSTE_STAP = 5
# A work group's name is never revealed to someone outside it: a slug in use (or otherwise
# unusable) gets the same answer whoever owns it.
NIET_BESCHIKBAAR = "Deze korte naam is niet beschikbaar. Kies een andere."
BESTUUR = ("voorzitter", "secretaris")


def _schoon(tekst: str | None) -> str:
    return " ".join((tekst or "").split())


def _controleer_naam_en_slug(naam: str, slug: str) -> tuple[str, str]:
    naam = _schoon(naam)
    if not naam:
        raise ValidationError({"naam": "Vul de naam van de werkgroep in."})
    slug = (slug or "").strip().lower() or slugify(naam)[:80].strip("-")
    if not slug or slugify(slug) != slug or len(slug) > 80:
        raise ValidationError(
            {"slug": "Gebruik voor de korte naam alleen kleine letters, cijfers en streepjes (hoogstens 80 tekens)."}
        )
    if Werkgroep.objects.filter(slug=slug).exists():
        raise ValidationError({"slug": NIET_BESCHIKBAAR})
    return naam, slug


def _controleer_handboek(handboek: str | None) -> str:
    handboek = handboek or KVO
    if handboek not in REGELINGEN:
        raise ValidationError({"handboek": "Kies een regeling: KVO-B 4.0 of PVO Veilig Bedrijventerrein."})
    return handboek


def regeling_van_start(start: WerkgroepStart) -> Regeling:
    """The scheme the new group will follow (chosen in step 1; KVO-B for a draft made before the choice)."""
    return regeling(start.gegevens.get("handboek"))


def slug_voorstel(naam: str) -> str:
    return slugify(_schoon(naam))[:80].strip("-")


@transaction.atomic
def werkgroepstart_maak(
    *, actor, begeleiding: Begeleidingsorganisatie, naam: str, slug: str = "", handboek: str = KVO
) -> WerkgroepStart:
    """Step 1 of a new work group: its name, the short name in its URL, and the scheme it follows."""
    naam, slug = _controleer_naam_en_slug(naam, slug)
    handboek = _controleer_handboek(handboek)
    start = WerkgroepStart.objects.create(
        begeleiding=begeleiding, gemaakt_door=actor, naam=naam, slug=slug, stap=2, gegevens={"handboek": handboek}
    )
    log.info("werkgroepstart %s begonnen door %s voor %s", start.pk, actor, begeleiding)
    return start


@transaction.atomic
def werkgroepstart_wijzig_naam(
    *,
    actor,
    start: WerkgroepStart,
    naam: str,
    slug: str = "",
    begeleiding: Begeleidingsorganisatie | None = None,
    handboek: str | None = None,
) -> WerkgroepStart:
    naam, slug = _controleer_naam_en_slug(naam, slug)
    start.naam, start.slug = naam, slug
    if handboek is not None:
        start.gegevens = {**start.gegevens, "handboek": _controleer_handboek(handboek)}
        if "cyclus" in start.gegevens:  # the cycle step's answers are checked again under the new scheme
            try:
                _controleer_cyclus(start.gegevens["cyclus"], start.gegevens["handboek"])
            except ValidationError:
                start.gegevens = {k: v for k, v in start.gegevens.items() if k != "cyclus"}
    if begeleiding is not None:
        start.begeleiding = begeleiding
    start.stap = max(start.stap, 2)
    start.save()
    return start


def _controleer_terrein(gegevens: dict) -> dict:
    naam, gemeente = _schoon(gegevens.get("naam")), _schoon(gegevens.get("gemeente"))
    fouten = {}
    if not naam:
        fouten["naam"] = "Vul de naam van het bedrijventerrein in."
    if not gemeente:
        fouten["gemeente"] = "Vul de gemeente in waarin het bedrijventerrein ligt."
    if fouten:
        raise ValidationError(fouten)
    return {"naam": naam[:200], "gemeente": gemeente[:120]}


def _controleer_cyclus(gegevens: dict, handboek: str = KVO) -> dict:
    start = gegevens.get("start")
    if isinstance(start, str):
        start = dt.date.fromisoformat(start)
    if not isinstance(start, dt.date):
        raise ValidationError({"start": "Vul de startdatum van de cyclus in."})
    soort = gegevens.get("soort") or Cyclus.Soort.EERSTE
    if soort not in Cyclus.Soort.values:
        raise ValidationError({"soort": "Kies een eerste certificering of een hercertificering."})
    if soort == Cyclus.Soort.OPVOLGENDE and regeling(handboek).is_pvo:
        raise ValidationError(
            {"soort": "PVO Veilig Bedrijventerrein kent geen certificaat: de werkgroep begint met een eerste periode."}
        )
    schoon = {"start": start.isoformat(), "soort": soort, "vorig_nummer": "", "vorig_datum": ""}
    if soort == Cyclus.Soort.OPVOLGENDE:
        nummer = _schoon(gegevens.get("vorig_nummer"))[:60]
        datum = gegevens.get("vorig_datum")
        if isinstance(datum, str) and datum:
            datum = dt.date.fromisoformat(datum)
        fouten = {}
        if not nummer:
            fouten["vorig_nummer"] = "Vul het nummer van het vorige certificaat in."
        if not isinstance(datum, dt.date):
            fouten["vorig_datum"] = "Vul de datum van het vorige certificaat in."
        elif datum > start:
            fouten["vorig_datum"] = "Het vorige certificaat is uitgegeven vóór de start van deze cyclus."
        if fouten:
            raise ValidationError(fouten)
        schoon.update(vorig_nummer=nummer, vorig_datum=datum.isoformat())
    return schoon


def _controleer_persoon(rol: str, gegevens: dict) -> dict | None:
    p = {k: _schoon(gegevens.get(k)) for k in ("naam", "email", "partij", "soort")}
    if not any(p[k] for k in ("naam", "email", "partij")):
        return None  # invited later, from the members page
    fouten = {}
    if not p["naam"]:
        fouten[f"{rol}_naam"] = f"Vul de naam van de {rol} in."
    p["email"] = p["email"].lower()
    try:
        validate_email(p["email"])
    except ValidationError:
        fouten[f"{rol}_email"] = f"Vul een geldig e-mailadres van de {rol} in; daar gaat de uitnodiging naartoe."
    if not p["partij"]:
        fouten[f"{rol}_partij"] = f"Vul de partij in die de {rol} vertegenwoordigt."
    if p["soort"] not in Partij.Soort.values:
        fouten[f"{rol}_soort"] = "Kies de soort partij."
    if fouten:
        raise ValidationError(fouten)
    return {"naam": p["naam"][:200], "email": p["email"][:254], "partij": p["partij"][:200], "soort": p["soort"]}


def _controleer_bestuur(gegevens: dict) -> dict:
    bestuur, fouten = {}, {}
    for rol in BESTUUR:
        try:
            bestuur[rol] = _controleer_persoon(rol, gegevens.get(rol) or {})
        except ValidationError as fout:
            fouten.update(fout.message_dict)
    if fouten:
        raise ValidationError(fouten)
    return bestuur


CONTROLES = {
    2: ("terrein", _controleer_terrein),
    3: ("cyclus", _controleer_cyclus),
    4: ("bestuur", _controleer_bestuur),
}


@transaction.atomic
def werkgroepstart_bewaar_stap(*, actor, start: WerkgroepStart, stap: int, gegevens: dict) -> WerkgroepStart:
    """Steps 2–4: check the step's answers and keep them; the furthest step moves on."""
    if stap not in CONTROLES:
        raise ValidationError("Onbekende stap.")
    sleutel, controle = CONTROLES[stap]
    schoon = _controleer_cyclus(gegevens, start.gegevens.get("handboek", KVO)) if stap == 3 else controle(gegevens)
    start.gegevens = {**start.gegevens, sleutel: schoon}
    start.stap = max(start.stap, stap + 1)
    start.save(update_fields=["gegevens", "stap", "gewijzigd_op"])
    return start


@transaction.atomic
def werkgroepstart_verwijder(*, actor, start: WerkgroepStart) -> None:
    log.info("werkgroepstart %s (%s) verwijderd door %s", start.pk, start.slug, actor)
    start.delete()


def ontbrekende_stappen(start: WerkgroepStart) -> list[int]:
    return [stap for stap, (sleutel, _c) in CONTROLES.items() if sleutel not in start.gegevens]


@transaction.atomic
def werkgroep_maak(
    *,
    actor,
    begeleiding: Begeleidingsorganisatie | None,
    naam: str,
    slug: str,
    gestart_op: dt.date,
    gemeente: str = "",
    handboek: str = KVO,
) -> Werkgroep:
    """A new, empty work group (the tenant), following the scheme ``handboek`` (``kvo.regelingen``)."""
    naam, slug = _controleer_naam_en_slug(naam, slug)
    handboek = _controleer_handboek(handboek)
    werkgroep = Werkgroep.objects.create(
        naam=naam,
        slug=slug,
        gestart_op=gestart_op,
        gemeente=_schoon(gemeente)[:120],
        begeleiding=begeleiding,
        handboek=handboek,
    )
    with scope(werkgroep=werkgroep):
        log_actie(
            werkgroep=werkgroep,
            actor=actor,
            actie="werkgroep.gestart",
            omschrijving=f"Werkgroep {naam} gestart ({regeling(handboek).naam})"
            + (f" onder procesbegeleiding {begeleiding.naam}" if begeleiding else ""),
        )
    return werkgroep


@transaction.atomic
def werkgroepstart_rond_af(*, actor, start: WerkgroepStart) -> Werkgroep:
    """Create the work group with its first park, first cycle, chair and secretary (invited), all or nothing."""
    start = WerkgroepStart.objects.select_for_update().get(pk=start.pk)
    ontbreekt = ontbrekende_stappen(start)
    if ontbreekt:
        raise ValidationError(
            "Vul eerst de stap"
            + ("pen " if len(ontbreekt) > 1 else " ")
            + ", ".join(STAPPEN[s] for s in ontbreekt)
            + " in."
        )
    terrein = _controleer_terrein(start.gegevens["terrein"])
    handboek = regeling_van_start(start).handboek
    cyclus = _controleer_cyclus(start.gegevens["cyclus"], handboek)
    bestuur = _controleer_bestuur(start.gegevens["bestuur"])
    cyclusstart = dt.date.fromisoformat(cyclus["start"])
    try:
        werkgroep = werkgroep_maak(
            actor=actor,
            begeleiding=start.begeleiding,
            naam=start.naam,
            slug=start.slug,
            gestart_op=cyclusstart,
            gemeente=terrein["gemeente"],
            handboek=handboek,
        )
    except ValidationError as fout:
        raise ValidationError(" ".join(fout.messages)) from fout
    with scope(werkgroep=werkgroep):
        terrein_maak(actor=actor, werkgroep=werkgroep, naam=terrein["naam"], gemeente=terrein["gemeente"])
        vorig = (
            {"nummer": cyclus["vorig_nummer"], "uitgegeven_op": cyclus["vorig_datum"]}
            if cyclus["soort"] == Cyclus.Soort.OPVOLGENDE
            else None
        )
        cyclus_start(
            actor=actor, werkgroep=werkgroep, start=cyclusstart, soort=cyclus["soort"], vorig_certificaat=vorig
        )
        _bestuur_uitnodigen(actor, werkgroep, bestuur)
    log.info("werkgroepstart %s afgerond: werkgroep %s", start.pk, werkgroep.slug)
    start.delete()
    return werkgroep


def _bestuur_uitnodigen(actor, werkgroep: Werkgroep, bestuur: dict) -> None:
    """One member per person (chair and secretary may be the same person), one party per name and kind."""
    personen: dict[str, dict] = {}
    for rol in BESTUUR:
        p = bestuur.get(rol)
        if p:
            personen.setdefault(p["email"], {**p, "rollen": []})["rollen"].append(rol)
    partijen: dict[tuple[str, str], Partij] = {}
    for p in personen.values():
        sleutel = (p["partij"].lower(), p["soort"])
        if sleutel not in partijen:
            partijen[sleutel] = partij_maak(actor=actor, werkgroep=werkgroep, naam=p["partij"], soort=p["soort"])
        lid = lid_maak(
            actor=actor,
            werkgroep=werkgroep,
            naam=p["naam"],
            partij=partijen[sleutel],
            email=p["email"],
            rollen=p["rollen"],
        )
        lid_nodig_uit(actor=actor, lid=lid)
