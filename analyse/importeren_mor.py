"""The municipality's MOR reports (meldingen openbare ruimte) as figures of the municipality (§4.1.2).

A municipality that exports its reports gives one row per report. The template
(``voorbeeld_csv``, written by ``kvo.export``) has the columns ``meldingsnummer`` (optional),
``datum`` (the day of the report, required), ``categorie`` (required), ``status`` (``open``,
``in behandeling`` or ``afgehandeld``; also ``gesloten``/``opgelost``) and ``buurtcode`` (optional,
a CBS ``BU…`` code). The import counts the reports per category, calendar month and
neighbourhood, with the handled ones (§4.1.2 asks for those too). All or nothing; every bad line is
named with its column.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict

from analyse.cijferregels import MAX_CATEGORIE, schone_categorie, sleutel_van
from analyse.importeren_cijfers import BestandFout, Controle, Rij, RijFout, lees_datum
from analyse.models import Buurt, Cijfer
from analyse.perioden import dekking
from kvo.invoer import TabelFout, lees_csv

KOLOMMEN = ("meldingsnummer", "datum", "categorie", "status", "buurtcode")
VERPLICHT = ("datum", "categorie")
ALIASSEN = {
    "datum_melding": "datum",
    "meldingsdatum": "datum",
    "gemeld_op": "datum",
    "hoofdcategorie": "categorie",
    "nummer": "meldingsnummer",
    "melding": "meldingsnummer",
    "buurt": "buurtcode",
}
AFGEHANDELD = {"afgehandeld", "gesloten", "opgelost", "afgerond"}
OPEN = {"", "open", "nieuw", "in behandeling", "ingepland", "gemeld"}
MAX_RIJEN = 50_000
VOORBEELD = [
    ("2024-0001", "08-01-2024", "Zwerfvuil / illegale stort", "afgehandeld", "BU00980101"),
    ("2024-0002", "15-01-2024", "Verlichting defect", "afgehandeld", "BU00980101"),
    ("2024-0003", "02-02-2024", "Zwerfvuil / illegale stort", "in behandeling", ""),
]


def voorbeeld_csv() -> str:
    from kvo.export import csv_inhoud

    return csv_inhoud([KOLOMMEN, *VOORBEELD], bom=False)


def _kolom(kop: str) -> str:
    naam = "_".join(str(kop or "").casefold().replace("-", " ").split())
    return ALIASSEN.get(naam, naam)


def lees_mor(inhoud: bytes) -> list[tuple[int, dict[str, str]]]:
    try:
        tabel = lees_csv(inhoud)
    except TabelFout as fout:
        raise BestandFout(str(fout)) from fout
    if not tabel or not any(c.strip() for c in tabel[0]):
        raise BestandFout("Het bestand is leeg: de eerste rij moet de kolomnamen bevatten.")
    kop = [_kolom(k) for k in tabel[0]]
    ontbreekt = [k for k in VERPLICHT if k not in kop]
    if ontbreekt:
        raise BestandFout(
            f"De eerste rij mist de kolom{'men' if len(ontbreekt) > 1 else ''} {', '.join(ontbreekt)}. "
            f"Kolommen: {', '.join(KOLOMMEN)}."
        )
    rijen = []
    for regel, rij in enumerate(tabel[1:], start=2):
        waarden = {k: (w or "").strip() for k, w in zip(kop, rij, strict=False) if k in KOLOMMEN}
        if any(waarden.values()):
            rijen.append((regel, waarden))
    if len(rijen) > MAX_RIJEN:
        raise BestandFout(f"Het bestand heeft {len(rijen)} meldingen; hoogstens {MAX_RIJEN} tegelijk.")
    return rijen


def controleer_mor(cyclus, rijen: list[tuple[int, dict]], *, vandaag: dt.date) -> Controle:
    """Count the reports per category, month and neighbourhood; nothing is written."""
    werkgroep = cyclus.werkgroep
    controle = Controle()
    buurten = {b.code: b for b in Buurt.objects.filter(werkgroep=werkgroep).select_related("terrein")}
    tellingen: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0])  # aantal, afgehandeld, first line
    for regel, w in rijen:
        fouten = []
        datum = None
        tekst = w.get("datum", "")
        if not tekst:
            fouten.append(("datum", "is leeg"))
        else:
            try:
                datum = lees_datum(tekst.split(" ")[0])
            except ValueError:
                fouten.append(("datum", f"geen geldige datum '{tekst}' (verwacht dd-mm-jjjj of jjjj-mm-dd)"))
        if datum and datum > vandaag:
            fouten.append(("datum", f"{datum:%d-%m-%Y} ligt in de toekomst"))
        if datum and datum.year < 2000:
            fouten.append(("datum", f"{tekst} ligt vóór 2000; controleer het jaartal"))
        categorie = schone_categorie(w.get("categorie"))
        if not categorie:
            fouten.append(("categorie", "is leeg"))
        elif len(categorie) > MAX_CATEGORIE or not any(t.isalpha() for t in categorie):
            fouten.append(("categorie", f"'{categorie[:40]}' is geen categorie (2 tot {MAX_CATEGORIE} tekens)"))
        status = " ".join(w.get("status", "").casefold().split())
        if status not in AFGEHANDELD | OPEN:
            fouten.append(("status", f"onbekende status '{w.get('status')}' (open, in behandeling of afgehandeld)"))
        code = w.get("buurtcode", "").upper()
        if code and buurten and code not in buurten:
            fouten.append(
                ("buurtcode", f"buurt {code} hoort niet bij de gekozen buurten ({', '.join(sorted(buurten))})")
            )
        for kolom, reden in fouten:
            controle.fouten.append(RijFout(regel, kolom, reden))
        if fouten:
            continue
        sleutel = (categorie, datum.year, datum.month, code)
        telling = tellingen[sleutel]
        telling[0] += 1
        telling[1] += status in AFGEHANDELD
        telling[2] = telling[2] or regel
    bestaande = {sleutel_van(c) for c in Cijfer.objects.filter(cyclus=cyclus, bron=Cijfer.Bron.GEMEENTE)}
    for (categorie, jaar, maand, code), (aantal, afgehandeld, regel) in sorted(
        tellingen.items(), key=lambda i: i[1][2]
    ):
        buurt = buurten.get(code)
        eind = min(dt.date(jaar, maand, calendar.monthrange(jaar, maand)[1]), vandaag)
        cijfer = Cijfer(
            werkgroep=werkgroep,
            cyclus=cyclus,
            bron=Cijfer.Bron.GEMEENTE,
            soort=Cijfer.Soort.MELDING,
            categorie=categorie,
            periode_van=dt.date(jaar, maand, 1),
            periode_tot=eind,
            aantal=aantal,
            afgehandeld=afgehandeld,
            deelgebied=Cijfer.Deelgebied.BEDRIJVENTERREIN,
            terrein=buurt.terrein if buurt else None,
            herkomst=Cijfer.Herkomst.MOR,
            gebiedscode=code,
            gebiedsnaam=buurt.naam if buurt else "",
        )
        if sleutel_van(cijfer) in bestaande:
            controle.fouten.append(
                RijFout(regel, None, f"de meldingen '{categorie}' van {maand:02d}-{jaar} zijn al geïmporteerd")
            )
            continue
        controle.rijen.append(Rij(regel, cijfer))
    if not rijen:
        controle.algemeen.append("Het bestand bevat geen meldingen: alleen de kolomnamen.")
    perioden = [(r.cijfer.periode_van, r.cijfer.periode_tot) for r in controle.rijen]
    if perioden and not controle.fouten:
        controle.dekking_na_import = [(str(Cijfer.Bron.GEMEENTE.label), dekking(perioden))]
    return controle
