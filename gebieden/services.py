"""Writes for the KVO area (§3.1, §3.1.1): parks, the cluster, adjacent locations and the
entrepreneurs' register. Each function validates, writes in one transaction and logs who did it.

A change that would break a cluster rule (more than 4 parks, two municipalities, more than 600
entrepreneurs, a cluster without regie) is refused as a whole with a Dutch ``ValidationError``;
nothing is saved half.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count

from gebieden import geo
from gebieden.importeren import Controle, controleer, controleer_rij
from gebieden.models import AangrenzendeLocatie, Bedrijventerrein, Ondernemer
from gebieden.regels import MAX_ONDERNEMERS, gebied_bezwaren, gemeente_sleutel, gemeenten, naam_sleutel
from kvo.db import nieuwe_ref
from kvo.geschiedenis import bulk_maken
from werkgroepen.logboek import log_actie

log = logging.getLogger("kvo.gebieden")


@dataclass(frozen=True)
class TerreinInvoer:
    naam: str
    gemeente: str
    grens: dict | str | None = None


def _vergrendel(werkgroep):
    """Serialise area writes of one work group (a row lock where the database has them)."""
    type(werkgroep).objects.select_for_update().filter(pk=werkgroep.pk).first()


def _schone_naam(naam: str, wat: str) -> str:
    naam = " ".join((naam or "").split())
    if not naam:
        raise ValidationError(f"Vul de naam van {wat} in.")
    return naam


# --- parks and the cluster ---------------------------------------------------------------


@transaction.atomic
def cluster_vorm(
    *, actor, werkgroep, nieuwe: list[TerreinInvoer], regie_organisatie: str = ""
) -> list[Bedrijventerrein]:
    """Add ``nieuwe`` parks to the area in one go; with two or more parks the area is a cluster.

    All cluster rules are checked on the area as it would be; any failure refuses everything.
    ``regie_organisatie`` (when given) becomes the work group's coordinating organisation.
    """
    _vergrendel(werkgroep)
    if not nieuwe:
        raise ValidationError("Vul minstens één bedrijventerrein in.")
    bestaande = list(werkgroep.terreinen.annotate(n=Count("ondernemers")))
    regie = " ".join((regie_organisatie or "").split()) or werkgroep.regie_organisatie
    fouten: list[str] = []
    namen = {naam_sleutel(t.naam) for t in bestaande}
    schoon = []
    for invoer in nieuwe:
        naam = _schone_naam(invoer.naam, "het bedrijventerrein")
        gemeente = _schone_naam(invoer.gemeente, f"de gemeente van {naam}")
        if naam_sleutel(naam) in namen:
            fouten.append(f"Er is al een bedrijventerrein met de naam {naam!r}.")
        namen.add(naam_sleutel(naam))
        try:
            grens = geo.lees_grens(invoer.grens)
        except ValidationError as e:
            fouten.extend(f"{naam}: {m}" for m in e.messages)
            grens = None
        schoon.append((naam, gemeente, grens))
    fouten += gebied_bezwaren(
        terreinen=[(t.naam, t.gemeente) for t in bestaande] + [(n, g) for n, g, _ in schoon],
        ondernemers=sum(t.n for t in bestaande),
        regie=regie,
    )
    if fouten:
        raise ValidationError(fouten)
    if regie != werkgroep.regie_organisatie:
        werkgroep.regie_organisatie = regie
        werkgroep.save(update_fields=["regie_organisatie"])
    terreinen = [
        Bedrijventerrein.objects.create(werkgroep=werkgroep, naam=n, gemeente=g, grens=grens) for n, g, grens in schoon
    ]
    log_actie(
        werkgroep=werkgroep,
        actor=actor,
        actie="terrein.toegevoegd",
        omschrijving=f"Bedrijventerrein toegevoegd: {', '.join(t.naam for t in terreinen)}",
        terreinen=[t.pk for t in terreinen],
    )
    return terreinen


def terrein_maak(
    *, actor, werkgroep, naam: str, gemeente: str, grens=None, regie_organisatie: str = ""
) -> Bedrijventerrein:
    """Add one park; adding a second one forms a cluster and needs a regie-organisatie."""
    return cluster_vorm(
        actor=actor,
        werkgroep=werkgroep,
        nieuwe=[TerreinInvoer(naam, gemeente, grens)],
        regie_organisatie=regie_organisatie,
    )[0]


@transaction.atomic
def terrein_wijzig(*, actor, terrein: Bedrijventerrein, naam: str, gemeente: str, grens=None) -> Bedrijventerrein:
    werkgroep = terrein.werkgroep
    _vergrendel(werkgroep)
    naam = _schone_naam(naam, "het bedrijventerrein")
    gemeente = _schone_naam(gemeente, "de gemeente")
    fouten = []
    andere = list(werkgroep.terreinen.exclude(pk=terrein.pk).values_list("naam", "gemeente"))
    if any(naam_sleutel(n) == naam_sleutel(naam) for n, _ in andere):
        fouten.append(f"Er is al een bedrijventerrein met de naam {naam!r}.")
    overige_gemeenten = gemeenten(g for _, g in andere)
    if andere and gemeente_sleutel(gemeente) not in {gemeente_sleutel(g) for g in overige_gemeenten}:
        fouten.append(
            "Alle terreinen van een cluster liggen in één gemeente; de andere terreinen liggen in "
            f"{', '.join(overige_gemeenten)}, niet in {gemeente}."
        )
    try:
        grens = geo.lees_grens(grens)
    except ValidationError as e:
        fouten.extend(e.messages)
    if fouten:
        raise ValidationError(fouten)
    terrein.naam, terrein.gemeente, terrein.grens = naam, gemeente, grens
    terrein.save(update_fields=["naam", "gemeente", "grens"])
    log_actie(
        werkgroep=werkgroep,
        actor=actor,
        actie="terrein.gewijzigd",
        omschrijving=f"Bedrijventerrein {terrein.naam} gewijzigd",
        terrein=terrein.pk,
    )
    return terrein


@transaction.atomic
def terrein_verwijder(*, actor, terrein: Bedrijventerrein) -> None:
    """Remove a park with its register (the members who represented it keep their membership)."""
    log_actie(
        werkgroep=terrein.werkgroep,
        actor=actor,
        actie="terrein.verwijderd",
        omschrijving=f"Bedrijventerrein {terrein.naam} verwijderd",
        terrein=terrein.pk,
    )
    terrein.delete()


@transaction.atomic
def gebied_regie_wijzig(*, actor, werkgroep, regie_organisatie: str):
    """Set the cluster's coordinating organisation (§3.1.1); a cluster cannot be left without one."""
    _vergrendel(werkgroep)
    regie = " ".join((regie_organisatie or "").split())
    aantal = werkgroep.terreinen.count()
    if not regie and aantal > 1:
        raise ValidationError(f"Een cluster van {aantal} terreinen heeft een regie-organisatie nodig.")
    werkgroep.regie_organisatie = regie
    werkgroep.save(update_fields=["regie_organisatie"])
    log_actie(
        werkgroep=werkgroep,
        actor=actor,
        actie="gebied.regie",
        omschrijving=f"Regie-organisatie vastgelegd: {regie or '(leeg)'}",
    )
    return werkgroep


# --- adjacent locations ------------------------------------------------------------------


@transaction.atomic
def locatie_maak(*, actor, werkgroep, naam: str, soort: str = "", grens=None) -> AangrenzendeLocatie:
    naam = _schone_naam(naam, "de locatie")
    locatie = AangrenzendeLocatie.objects.create(
        werkgroep=werkgroep, naam=naam, soort=(soort or "").strip(), grens=geo.lees_grens(grens)
    )
    log_actie(
        werkgroep=werkgroep,
        actor=actor,
        actie="locatie.toegevoegd",
        omschrijving=f"Aangrenzende locatie {locatie.naam} toegevoegd",
        locatie=locatie.pk,
    )
    return locatie


@transaction.atomic
def locatie_wijzig(*, actor, locatie: AangrenzendeLocatie, naam: str, soort: str = "", grens=None):
    locatie.naam = _schone_naam(naam, "de locatie")
    locatie.soort = (soort or "").strip()
    locatie.grens = geo.lees_grens(grens)
    locatie.save(update_fields=["naam", "soort", "grens"])
    log_actie(
        werkgroep=locatie.werkgroep,
        actor=actor,
        actie="locatie.gewijzigd",
        omschrijving=f"Aangrenzende locatie {locatie.naam} gewijzigd",
        locatie=locatie.pk,
    )
    return locatie


@transaction.atomic
def locatie_verwijder(*, actor, locatie: AangrenzendeLocatie) -> None:
    log_actie(
        werkgroep=locatie.werkgroep,
        actor=actor,
        actie="locatie.verwijderd",
        omschrijving=f"Aangrenzende locatie {locatie.naam} verwijderd",
        locatie=locatie.pk,
    )
    locatie.delete()


# --- entrepreneurs -----------------------------------------------------------------------


def _ondernemer_velden(werkgroep, waarden: dict, *, behalve: int | None = None) -> dict:
    schoon, redenen = controleer_rij({k: "" if v is None else v for k, v in waarden.items()})
    if isinstance(waarden.get("lid_ondernemersvereniging"), bool | None):
        schoon["lid_ondernemersvereniging"] = waarden.get("lid_ondernemersvereniging")
    if schoon["naam"]:
        dubbel = (
            Ondernemer.objects.filter(terrein__werkgroep=werkgroep, naam__iexact=schoon["naam"])
            .exclude(pk=behalve)
            .select_related("terrein")
            .first()
        )
        if dubbel:
            redenen.append(f"{schoon['naam']!r} staat al in het register (terrein {dubbel.terrein.naam})")
    if redenen:
        raise ValidationError([r[0].upper() + r[1:] + "." for r in redenen])
    return schoon


@transaction.atomic
def ondernemer_maak(*, actor, terrein: Bedrijventerrein, **waarden) -> Ondernemer:
    """Register one entrepreneur (naam, adres, postcode, huisnummer, plaats, email, lid_ondernemersvereniging)."""
    werkgroep = terrein.werkgroep
    _vergrendel(werkgroep)
    velden = _ondernemer_velden(werkgroep, waarden)
    totaal = Ondernemer.objects.filter(terrein__werkgroep=werkgroep).count()
    if totaal + 1 > MAX_ONDERNEMERS:
        raise ValidationError(
            f"Het gebied telt al {totaal} ondernemers; het maximum is {MAX_ONDERNEMERS} (§3.1). "
            "Deze ondernemer kan niet worden toegevoegd."
        )
    ondernemer = Ondernemer.objects.create(terrein=terrein, **velden)
    log_actie(
        werkgroep=terrein.werkgroep,
        actor=actor,
        actie="ondernemer.toegevoegd",
        omschrijving=f"Ondernemer {ondernemer.naam} toegevoegd aan {terrein.naam}",
        ondernemer=ondernemer.pk,
    )
    return ondernemer


@transaction.atomic
def ondernemer_wijzig(*, actor, ondernemer: Ondernemer, **waarden) -> Ondernemer:
    velden = _ondernemer_velden(ondernemer.terrein.werkgroep, waarden, behalve=ondernemer.pk)
    for veld, waarde in velden.items():
        setattr(ondernemer, veld, waarde)
    ondernemer.save(update_fields=list(velden))
    log_actie(
        werkgroep=ondernemer.terrein.werkgroep,
        actor=actor,
        actie="ondernemer.gewijzigd",
        omschrijving=f"Ondernemer {ondernemer.naam} gewijzigd",
        ondernemer=ondernemer.pk,
    )
    return ondernemer


@transaction.atomic
def ondernemer_verwijder(*, actor, ondernemer: Ondernemer) -> None:
    log_actie(
        werkgroep=ondernemer.terrein.werkgroep,
        actor=actor,
        actie="ondernemer.verwijderd",
        omschrijving=f"Ondernemer {ondernemer.naam} verwijderd",
        ondernemer=ondernemer.pk,
    )
    ondernemer.delete()


class ImportGeweigerd(ValidationError):
    """The import was refused; ``controle`` lists every bad row and general problem."""

    def __init__(self, controle: Controle):
        self.controle = controle
        berichten = controle.algemeen + [f"Rij {f.rij}: {f.reden}" for f in controle.fouten]
        super().__init__(berichten or ["Er is niets om te importeren."])


@transaction.atomic
def ondernemers_importeer(*, actor, terrein: Bedrijventerrein, rijen: list[tuple[int, dict]]) -> list[Ondernemer]:
    """Import the rows of a register file into ``terrein``: all of them, or none.

    The rows are checked again inside the transaction (the register may have changed since the
    preview); one bad row or a total above 600 refuses the whole file.
    """
    werkgroep = terrein.werkgroep
    _vergrendel(werkgroep)
    controle = controleer(werkgroep, rijen)
    if not controle.ok:
        raise ImportGeweigerd(controle)
    velden = ("naam", "adres", "postcode", "huisnummer", "plaats", "email", "lid_ondernemersvereniging")
    nieuw = []
    for rij in controle.rijen:
        ondernemer = Ondernemer(terrein=terrein, **{v: rij[v] for v in velden})
        ondernemer.ref = nieuwe_ref("ond")
        nieuw.append(ondernemer)
    gemaakt = bulk_maken(Ondernemer, werkgroep, nieuw, actor=actor, batch_size=500)
    log_actie(
        werkgroep=werkgroep,
        actor=actor,
        actie="ondernemers.geimporteerd",
        omschrijving=f"{len(gemaakt)} ondernemers geïmporteerd op {terrein.naam}",
        terrein=terrein.pk,
        aantal=len(gemaakt),
    )
    return gemaakt


@transaction.atomic
def terrein_leg_postcodes_vast(*, actor, terrein: Bedrijventerrein, postcodes) -> Bedrijventerrein:
    """The park's postcodes with their house numbers (PVO, ``pvo.gebied``: the police's figures are
    asked by postcode). ``postcodes``: dicts ``{"postcode", "huisnummers"}`` or lines
    "7241 AA 1-40"; a postcode is four digits and two letters, written "7241 AA"."""
    import re

    rijen = []
    for rij in postcodes or []:
        if isinstance(rij, str):
            rij = rij.strip()
            if not rij:
                continue
            m = re.match(r"^(\d{4})\s*([A-Za-z]{2})\s*(.*)$", rij)
            if not m:
                raise ValidationError(f"Geen postcode: {rij[:40]!r} (schrijf bijvoorbeeld 7241 AA 1-40).")
            postcode, nummers = f"{m[1]} {m[2].upper()}", m[3].strip()
        else:
            postcode = str(rij.get("postcode") or "").strip().upper()
            nummers = str(rij.get("huisnummers") or "").strip()
            m = re.match(r"^(\d{4})\s*([A-Z]{2})$", postcode)
            if not m:
                raise ValidationError(f"Geen postcode: {postcode[:40]!r} (schrijf bijvoorbeeld 7241 AA).")
            postcode = f"{m[1]} {m[2]}"
        if len(nummers) > 200:
            raise ValidationError(f"De huisnummers bij {postcode} zijn te lang (hoogstens 200 tekens).")
        rijen.append({"postcode": postcode, "huisnummers": nummers})
    if len(rijen) > 2000:
        raise ValidationError("Hoogstens 2000 postcodes per bedrijventerrein.")
    terrein.postcodes = rijen
    terrein.save(update_fields=["postcodes"])
    log_actie(
        werkgroep=terrein.werkgroep,
        actor=actor,
        actie="terrein.postcodes",
        omschrijving=f"Postcodes van {terrein.naam} vastgelegd ({len(rijen)})",
        terrein=terrein.pk,
    )
    return terrein
