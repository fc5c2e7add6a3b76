"""Reading and checking a file of incident figures (CSV or XLSX) before it is imported (§4.1.2).

The first row holds the column names (case and spaces do not matter): ``bron``, ``soort``,
``categorie``, ``periode_van``, ``periode_tot``, ``aantal``, ``deelgebied``, ``terrein`` (the
park's name) and ``afgehandeld``; ``bron``, ``categorie``, ``periode_van``, ``periode_tot`` and
``aantal`` are required. Other columns are ignored (and named in the preview). Dates are Dutch
(``31-12-2024``, also with ``/`` or ``.``) or ISO (``2024-12-31``); an Excel date cell is read as
a date. Empty ``soort`` is a ``melding``, empty ``deelgebied`` is ``bedrijventerrein``.

Rows are numbered as in the spreadsheet: the header is regel 1, the first figure regel 2; empty
rows are skipped but keep their number. Every problem is collected with its line and column
("regel 7, kolom periode_tot: geen geldige datum '31-02-2024'"), so the file is fixed once. The
import is all or nothing.

Both are read by the bounded readers of ``kvo.invoer`` (XLSX with openpyxl, checked as a zip first
and cut off after ``MAX_RIJEN`` rows; CSV with the ``csv`` module), as the entrepreneurs' register
is; empty lines are kept while reading, so every line number stays the spreadsheet's. The example
files are written by ``kvo.export``, as every spreadsheet the app hands out.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from analyse.cijferregels import MAX_AANTAL, getal, schone_categorie, sleutel_van, valideer
from analyse.models import Cijfer
from analyse.perioden import Dekking, dekking
from kvo.invoer import TabelFout, lees_csv, lees_xlsx_rijen, tabelsoort

MAX_RIJEN = 5000
KOLOMMEN = (
    "bron",
    "soort",
    "categorie",
    "periode_van",
    "periode_tot",
    "aantal",
    "deelgebied",
    "terrein",
    "afgehandeld",
)
VERPLICHT = ("bron", "categorie", "periode_van", "periode_tot", "aantal")
ALIASSEN = {
    "van": "periode_van",
    "vanaf": "periode_van",
    "begin": "periode_van",
    "tot": "periode_tot",
    "tot_en_met": "periode_tot",
    "t/m": "periode_tot",
    "periode_tot_en_met": "periode_tot",
    "eind": "periode_tot",
    "bedrijventerrein": "terrein",
    "park": "terrein",
    "waarvan_afgehandeld": "afgehandeld",
}
KEUZE_ALIASSEN = {
    "soort": {"aangiftes": "aangifte", "meldingen": "melding", "incidenten": "incident"},
    "deelgebied": {
        "terrein": "bedrijventerrein",
        "buiten": "overig",
        "buiten het terrein": "overig",
        "overig (buiten het terrein)": "overig",
        "?": "onbekend",
    },
}
KEUZES = {"bron": Cijfer.Bron, "soort": Cijfer.Soort, "deelgebied": Cijfer.Deelgebied}
NL_DATUM = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
ISO_DATUM = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00)?)?$")
GEHEEL = re.compile(r"^-?\d+$")

VOORBEELD = [
    ("politie", "aangifte", "Inbraak bedrijfspand", "01-01-2024", "31-12-2024", "12", "bedrijventerrein", "", ""),
    ("politie", "aangifte", "Inbraak bedrijfspand", "01-01-2024", "31-12-2024", "5", "overig", "", ""),
    ("brandweer", "incident", "Loze melding (brandmeldinstallatie)", "01-01-2024", "31-12-2024", "9", "", "", ""),
    ("gemeente", "melding", "Zwerfvuil / illegale stort", "01-01-2024", "31-12-2024", "26", "", "", "24"),
]


class BestandFout(ValueError):
    """The file as a whole cannot be read (wrong format, no header, a required column missing)."""


@dataclass(frozen=True)
class RijFout:
    regel: int
    kolom: str | None  # None: the row as a whole (a duplicate)
    reden: str

    def __str__(self) -> str:
        if self.kolom:
            return f"regel {self.regel}, kolom {self.kolom}: {self.reden}"
        return f"regel {self.regel}: {self.reden}"


@dataclass(frozen=True)
class Rij:
    regel: int
    cijfer: Cijfer  # not saved


@dataclass
class Ingelezen:
    rijen: list[tuple[int, dict[str, str]]]  # (line, {column: text}); JSON-safe for the session
    genegeerd: list[str] = field(default_factory=list)  # columns that are not ours


@dataclass
class Controle:
    rijen: list[Rij] = field(default_factory=list)
    fouten: list[RijFout] = field(default_factory=list)
    algemeen: list[str] = field(default_factory=list)
    dekking_na_import: list[tuple[str, Dekking]] = field(default_factory=list)  # (source label, coverage)

    @property
    def ok(self) -> bool:
        return not self.fouten and not self.algemeen and bool(self.rijen)

    @property
    def regels_met_fout(self) -> int:
        return len({f.regel for f in self.fouten})


# --- reading the file -------------------------------------------------------------------------


def _kolomnaam(kop) -> str:
    naam = "_".join(str(kop or "").casefold().replace("-", " ").split())
    return ALIASSEN.get(naam, naam)


def lees_bestand(naam: str, inhoud: bytes) -> Ingelezen:
    """The data rows of a CSV or XLSX file as (line number, {column: text}).

    The content decides whether the file is read as Excel or as CSV, not its name (``naam`` is
    only for the caller's messages)."""
    try:
        tabel = (
            lees_xlsx_rijen(inhoud, max_rijen=MAX_RIJEN + 1)  # the header and MAX_RIJEN figures
            if tabelsoort(inhoud, naam) == "xlsx"
            else lees_csv(inhoud)
        )
    except TabelFout as fout:
        raise BestandFout(str(fout)) from fout
    if not tabel or not any(str(k or "").strip() for k in tabel[0]):
        raise BestandFout("Het bestand is leeg: de eerste rij moet de kolomnamen bevatten.")
    kop = [_kolomnaam(k) for k in tabel[0]]
    dubbel = sorted({k for k in kop if k in KOLOMMEN and kop.count(k) > 1})
    if dubbel:
        raise BestandFout(f"De kolom {', '.join(dubbel)} staat meer dan één keer in de eerste rij.")
    ontbreekt = [k for k in VERPLICHT if k not in kop]
    if ontbreekt:
        raise BestandFout(
            f"De eerste rij mist de kolom{'men' if len(ontbreekt) > 1 else ''} {', '.join(ontbreekt)}. "
            f"Verplicht: {', '.join(VERPLICHT)}; optioneel: soort, deelgebied, terrein, afgehandeld."
        )
    genegeerd = [
        str(k).strip() for k, n in zip(tabel[0], kop, strict=True) if str(k or "").strip() and n not in KOLOMMEN
    ]
    rijen = []
    for nummer, rij in enumerate(tabel[1:], start=2):
        waarden = {k: _tekst(w) for k, w in zip(kop, rij, strict=False) if k in KOLOMMEN}
        if any(waarden.values()):
            rijen.append((nummer, waarden))
    if len(rijen) > MAX_RIJEN:
        raise BestandFout(f"Het bestand heeft {len(rijen)} rijen; er kunnen er hoogstens {MAX_RIJEN} tegelijk.")
    return Ingelezen(rijen, genegeerd)


def _tekst(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, dt.datetime):
        return waarde.date().isoformat() if waarde.time() == dt.time(0) else waarde.isoformat(sep=" ")
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde).strip()


def voorbeeld_csv() -> str:
    from kvo.export import csv_inhoud

    return csv_inhoud([KOLOMMEN, *VOORBEELD], bom=False)


def voorbeeld_xlsx() -> bytes:
    from kvo.export import xlsx_inhoud

    rijen = [[*rij[:5], int(rij[5]), *rij[6:8], int(rij[8]) if rij[8] else ""] for rij in VOORBEELD]
    return xlsx_inhoud({"Cijfers": [KOLOMMEN, *rijen]})


# --- checking the rows -------------------------------------------------------------------------


def lees_datum(tekst: str) -> dt.date:
    """``31-12-2024``, ``31/12/2024``, ``31.12.2024`` or ``2024-12-31``; ``ValueError`` otherwise."""
    if m := NL_DATUM.match(tekst):
        dag, maand, jaar = (int(x) for x in m.groups())
    elif m := ISO_DATUM.match(tekst):
        jaar, maand, dag = (int(x) for x in m.groups())
    else:
        raise ValueError(tekst)
    return dt.date(jaar, maand, dag)


def _keuze(kolom: str, tekst: str) -> str:
    keuzes = KEUZES[kolom]
    sleutel_ = tekst.casefold()
    for waarde, label in keuzes.choices:
        if sleutel_ in (waarde, str(label).casefold()):
            return waarde
    if sleutel_ in KEUZE_ALIASSEN.get(kolom, {}):
        return KEUZE_ALIASSEN[kolom][sleutel_]
    toegestaan = ", ".join(keuzes.values[:-1]) + " of " + keuzes.values[-1]
    bijvoeglijk = "onbekend" if kolom == "deelgebied" else "onbekende"  # het deelgebied, de bron, de soort
    raise ValueError(f"{bijvoeglijk} {kolom} '{tekst}' (kies {toegestaan})")


def _geheel(tekst: str) -> int:
    if not GEHEEL.match(tekst.replace(" ", "")):
        raise ValueError(f"geen geheel getal '{tekst}' (vul 0 tot en met {getal(MAX_AANTAL)} in)")
    return int(tekst.replace(" ", ""))


def _lees_rij(waarden: dict[str, str], terreinen: dict[str, object]) -> tuple[dict, list[tuple[str, str]]]:
    """Text → values, column by column; unreadable columns become ``None`` with a reason."""
    schoon: dict = {}
    fouten: list[tuple[str, str]] = []
    for kolom in KOLOMMEN:
        tekst = waarden.get(kolom, "").strip()
        schoon[kolom] = None
        if not tekst:
            if kolom in VERPLICHT:
                fouten.append((kolom, "is leeg"))
            continue
        try:
            if kolom in KEUZES:
                schoon[kolom] = _keuze(kolom, tekst)
            elif kolom in ("periode_van", "periode_tot"):
                try:
                    schoon[kolom] = lees_datum(tekst)
                except ValueError:
                    raise ValueError(f"geen geldige datum '{tekst}' (verwacht dd-mm-jjjj of jjjj-mm-dd)") from None
            elif kolom in ("aantal", "afgehandeld"):
                schoon[kolom] = _geheel(tekst)
            elif kolom == "terrein":
                gevonden = terreinen.get(" ".join(tekst.split()).casefold())
                if gevonden is None:
                    namen = ", ".join(sorted({t.naam for t in terreinen.values()})) or "nog geen terreinen vastgelegd"
                    raise ValueError(f"onbekend bedrijventerrein '{tekst}' (bekend: {namen})")
                schoon[kolom] = gevonden
            else:
                schoon[kolom] = tekst
        except ValueError as e:
            fouten.append((kolom, str(e)))
    return schoon, fouten


def controleer(cyclus, rijen: list[tuple[int, dict]], *, vandaag: dt.date) -> Controle:
    """Check every row for ``cyclus``; nothing is written."""
    werkgroep = cyclus.werkgroep
    controle = Controle()
    terreinen = {}
    for t in werkgroep.terreinen.all():
        terreinen[t.ref.casefold()] = t
    for t in werkgroep.terreinen.all():  # a name wins over a ref
        terreinen[" ".join(t.naam.split()).casefold()] = t
    bestaand = list(Cijfer.objects.filter(cyclus=cyclus))
    bestaande_sleutels = {sleutel_van(c) for c in bestaand}
    in_bestand: dict[tuple, int] = {}
    for regel, waarden in rijen:
        schoon, fouten = _lees_rij(waarden, terreinen)
        for veld, teksten in valideer(werkgroep=werkgroep, vandaag=vandaag, **schoon).items():
            fouten += [(veld, t) for t in teksten]
        for kolom, reden in sorted(fouten, key=lambda f: KOLOMMEN.index(f[0])):
            controle.fouten.append(RijFout(regel, kolom, reden))
        if fouten:
            continue
        cijfer = Cijfer(
            werkgroep=werkgroep,
            cyclus=cyclus,
            bron=schoon["bron"],
            soort=schoon["soort"] or Cijfer.Soort.MELDING,
            categorie=schone_categorie(schoon["categorie"]),
            periode_van=schoon["periode_van"],
            periode_tot=schoon["periode_tot"],
            aantal=schoon["aantal"],
            deelgebied=schoon["deelgebied"] or Cijfer.Deelgebied.BEDRIJVENTERREIN,
            terrein=schoon["terrein"],
            afgehandeld=schoon["afgehandeld"],
        )
        s = sleutel_van(cijfer)
        if s in in_bestand:
            controle.fouten.append(RijFout(regel, None, f"hetzelfde cijfer staat al in regel {in_bestand[s]}"))
        elif s in bestaande_sleutels:
            controle.fouten.append(
                RijFout(
                    regel, None, "dit cijfer is al vastgelegd (zelfde bron, soort, categorie, periode en deelgebied)"
                )
            )
        in_bestand.setdefault(s, regel)
        controle.rijen.append(Rij(regel, cijfer))
    if not rijen:
        controle.algemeen.append("Het bestand bevat geen cijfers: alleen de kolomnamen.")
    if controle.fouten:
        controle.rijen = [r for r in controle.rijen if r.regel not in {f.regel for f in controle.fouten}]
    perioden: dict[str, list] = {}
    for c in [*bestaand, *(r.cijfer for r in controle.rijen)]:
        perioden.setdefault(c.bron, []).append((c.periode_van, c.periode_tot))
    controle.dekking_na_import = [
        (str(label), dekking(perioden[bron])) for bron, label in Cijfer.Bron.choices if bron in perioden
    ]
    return controle
