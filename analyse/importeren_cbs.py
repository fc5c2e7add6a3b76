"""Registered crime per neighbourhood from CBS open data (tables 47018NED, 47022NED, …) as police figures.

The CBS publishes "Geregistreerde misdrijven; soort misdrijf, wijk en buurt" as an OData v3 table.
A table is a set of feeds, each ``{"odata.metadata": "…/$metadata#Cbs.OData.WebAPI.<feed>", "value": […]}``:

- ``TableInfos``: the table's identifier and title;
- ``DataProperties``: the dimensions and topics, each with its ``Key``, ``Title`` and ``Type``
  (``Dimension``, ``GeoDimension``, ``TimeDimension``, ``Topic``); the measure is the topic
  ``GeregistreerdeMisdrijven_1``;
- a code list per dimension: ``SoortMisdrijf`` (``0.0.0`` is the total), ``WijkenEnBuurten``
  (``GM…``/``WK…``/``BU…``, padded with spaces to a fixed width) and ``Perioden`` (``2023MM01`` a
  month, ``2023KW01`` a quarter, ``2023JJ00`` a year), each entry with ``Key`` and ``Title``;
- ``TypedDataSet``: one row per combination of the dimensions' keys, with the measure, ``null``
  where the CBS withholds a small count.

Accepted files: the feeds as separate JSON files (recognised by their ``odata.metadata``), one
JSON object holding the feeds by name (what the product's own fetch stores), and the data as CSV
(the ``TypedDataSet`` / ``UntypedDataSet`` download: columns named by the keys, ``.``, ``x`` or an
empty cell for a withheld value) next to the JSON with the metadata. Titles always come from the
table's own metadata, never from this module.

Only rows of the work group's chosen neighbourhoods are imported; a month is left out when the
file also holds the whole year for the same neighbourhood and kind (it would be counted twice).
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from dataclasses import dataclass, field

from analyse.cijferregels import getal, sleutel_van, valideer
from analyse.importeren_cijfers import BestandFout, Controle, Rij, RijFout
from analyse.models import Buurt, Cijfer
from analyse.perioden import dekking
from kvo.invoer import TabelFout, lees_csv

FEEDS = ("TableInfos", "DataProperties", "SoortMisdrijf", "WijkenEnBuurten", "Perioden", "TypedDataSet")
METADATA = ("DataProperties", "SoortMisdrijf")
MAAT = "GeregistreerdeMisdrijven_1"
TOTAAL = "0.0.0"  # SoortMisdrijf: all kinds together
MAX_BESTAND = 20 * 1024 * 1024
MAX_RIJEN = 20_000
AFGESCHERMD = {"", ".", "x"}  # CBS: "." unknown or withheld, "x" secret; ``null`` in JSON
PERIODE = re.compile(r"^(\d{4})(MM|KW|JJ)(\d{2})$")
FEED_IN_METADATA = re.compile(r"#Cbs\.OData\.WebAPI\.(\w+)")


@dataclass
class CbsTabel:
    """What the import needs of a table, JSON-safe (kept in the session between preview and import)."""

    tabel: str = ""  # e.g. "47018NED"
    titel: str = ""  # TableInfos' Title
    maat: str = MAAT
    maat_titel: str = ""  # the topic's Title in DataProperties
    soorten: dict[str, str] = field(default_factory=dict)  # SoortMisdrijf Key (stripped) → Title
    gebieden: dict[str, str] = field(default_factory=dict)  # WijkenEnBuurten Key (stripped) → Title
    perioden: dict[str, str] = field(default_factory=dict)  # Perioden Key → Title
    rijen: list[tuple[int, dict]] = field(default_factory=list)  # (row, {gebied, soort, periode, waarde})
    herkomst: str = "JSON"  # "JSON" or "CSV": how rows are numbered in messages

    def als_dict(self) -> dict:
        return self.__dict__.copy()

    @classmethod
    def uit_dict(cls, d: dict) -> CbsTabel:
        t = cls(**{k: v for k, v in d.items() if k in cls.__dataclass_fields__})
        t.rijen = [(regel, waarden) for regel, waarden in t.rijen]
        return t


def _waarden(feed) -> list:
    if isinstance(feed, dict):
        feed = feed.get("value")
    if not isinstance(feed, list):
        raise BestandFout("Een OData-feed moet een lijst 'value' hebben.")
    return [r for r in feed if isinstance(r, dict)]


def _feeds_uit_json(naam: str, gegevens) -> dict[str, list]:
    if isinstance(gegevens, dict) and "odata.metadata" in gegevens:
        m = FEED_IN_METADATA.search(str(gegevens["odata.metadata"]))
        if not m or m.group(1) not in FEEDS:
            raise BestandFout(f"{naam}: onbekende OData-feed ({gegevens['odata.metadata']}).")
        return {m.group(1): _waarden(gegevens)}
    if isinstance(gegevens, dict) and any(k in gegevens for k in FEEDS):
        return {k: _waarden(v) for k, v in gegevens.items() if k in FEEDS}
    raise BestandFout(
        f"{naam}: geen CBS-tabel; verwacht een OData-feed (met odata.metadata) of de feeds TableInfos, "
        "DataProperties, SoortMisdrijf, WijkenEnBuurten, Perioden en TypedDataSet."
    )


def _rijen_uit_csv(naam: str, inhoud: bytes) -> list[tuple[int, dict]]:
    try:
        tabel = lees_csv(inhoud)
    except TabelFout as fout:
        raise BestandFout(f"{naam}: {fout}") from fout
    if not tabel:
        raise BestandFout(f"{naam}: het bestand is leeg.")
    kop = [k.strip() for k in tabel[0]]
    ontbreekt = [k for k in ("SoortMisdrijf", "WijkenEnBuurten", "Perioden", MAAT) if k not in kop]
    if ontbreekt:
        raise BestandFout(
            f"{naam}: de eerste rij mist de kolom{'men' if len(ontbreekt) > 1 else ''} {', '.join(ontbreekt)}."
        )
    rijen = []
    for regel, rij in enumerate(tabel[1:], start=2):
        if not any(c.strip() for c in rij):
            continue
        waarden = dict(zip(kop, rij, strict=False))
        tekst = (waarden.get(MAAT) or "").strip()
        rijen.append(
            (
                regel,
                {
                    "gebied": (waarden.get("WijkenEnBuurten") or "").strip(),
                    "soort": (waarden.get("SoortMisdrijf") or "").strip(),
                    "periode": (waarden.get("Perioden") or "").strip(),
                    "waarde": None if tekst in AFGESCHERMD else tekst,
                },
            )
        )
    return rijen


def lees_bestanden(bestanden: list[tuple[str, bytes]]) -> CbsTabel:
    """The table from one or more files (JSON feeds, a JSON bundle, a CSV with the data)."""
    feeds: dict[str, list] = {}
    csv_rijen: list[tuple[int, dict]] | None = None
    for naam, inhoud in bestanden:
        if len(inhoud) > MAX_BESTAND:
            raise BestandFout(f"{naam}: groter dan 20 MB; kies in StatLine alleen de buurten van uw gemeente.")
        begin = inhoud.lstrip(b"\xef\xbb\xbf \r\n\t")[:1]
        if begin in (b"{", b"["):
            try:
                gegevens = json.loads(inhoud.decode("utf-8-sig"))
            except (UnicodeDecodeError, ValueError):
                raise BestandFout(f"{naam}: geen geldige JSON.") from None
            feeds.update(_feeds_uit_json(naam, gegevens))
        else:
            csv_rijen = _rijen_uit_csv(naam, inhoud)
    ontbreekt = [f for f in METADATA if f not in feeds]
    if ontbreekt:
        raise BestandFout(
            f"De metadata van de tabel ontbreekt ({', '.join(ontbreekt)}): voeg het JSON-bestand met "
            "DataProperties en de codelijsten toe, zodat de namen uit de tabel zelf komen."
        )
    tabel = CbsTabel()
    info = (feeds.get("TableInfos") or [{}])[0]
    tabel.tabel = str(info.get("Identifier") or "").strip()
    tabel.titel = str(info.get("Title") or "").strip()
    topics = [p for p in feeds["DataProperties"] if p.get("Type") == "Topic"]
    topic = next((p for p in topics if p.get("Key") == MAAT), topics[0] if len(topics) == 1 else None)
    if topic is None:
        raise BestandFout(
            f"DataProperties noemt de maat {MAAT} (geregistreerde misdrijven) niet; is dit de goede tabel?"
        )
    tabel.maat = str(topic["Key"])
    tabel.maat_titel = str(topic.get("Title") or topic["Key"]).strip()
    for feed, doel in (
        ("SoortMisdrijf", tabel.soorten),
        ("WijkenEnBuurten", tabel.gebieden),
        ("Perioden", tabel.perioden),
    ):
        for item in feeds.get(feed) or []:
            sleutel = str(item.get("Key") or "").strip()
            if sleutel:
                doel[sleutel] = " ".join(str(item.get("Title") or sleutel).split())
    if csv_rijen is not None:
        tabel.rijen, tabel.herkomst = csv_rijen, "CSV"
    elif "TypedDataSet" in feeds:
        for nummer, rij in enumerate(feeds["TypedDataSet"], start=1):
            waarde = rij.get(tabel.maat)
            tabel.rijen.append(
                (
                    nummer,
                    {
                        "gebied": str(rij.get("WijkenEnBuurten") or "").strip(),
                        "soort": str(rij.get("SoortMisdrijf") or "").strip(),
                        "periode": str(rij.get("Perioden") or "").strip(),
                        "waarde": None if waarde is None else str(waarde).strip(),
                    },
                )
            )
    else:
        raise BestandFout("De cijfers ontbreken: voeg de TypedDataSet (JSON) of het CSV-bestand met de cijfers toe.")
    if len(tabel.rijen) > MAX_RIJEN:
        raise BestandFout(
            f"De tabel heeft {getal(len(tabel.rijen))} rijen; hoogstens {getal(MAX_RIJEN)}. "
            "Kies in StatLine alleen de buurten van uw gemeente."
        )
    return tabel


def periode(sleutel: str) -> tuple[dt.date, dt.date, str]:
    """``2023MM01`` → 1 to 31 January 2023; ``2023KW02`` → April–June; ``2023JJ00`` → the year."""
    m = PERIODE.match(sleutel)
    if not m:
        raise ValueError(sleutel)
    jaar, soort, n = int(m.group(1)), m.group(2), int(m.group(3))
    if soort == "JJ" and n == 0:
        return dt.date(jaar, 1, 1), dt.date(jaar, 12, 31), soort
    if soort == "MM" and 1 <= n <= 12:
        return dt.date(jaar, n, 1), dt.date(jaar, n, calendar.monthrange(jaar, n)[1]), soort
    if soort == "KW" and 1 <= n <= 4:
        eind = 3 * n
        return dt.date(jaar, eind - 2, 1), dt.date(jaar, eind, calendar.monthrange(jaar, eind)[1]), soort
    raise ValueError(sleutel)


@dataclass
class CbsControle(Controle):
    buiten_keuze: int = 0  # rows of neighbourhoods the group did not choose
    dubbel_maand: int = 0  # months left out because the year is in the file
    afgeschermd: int = 0


def controleer_cbs(cyclus, tabel: CbsTabel, *, vandaag: dt.date) -> CbsControle:
    """Check every row of the chosen neighbourhoods for ``cyclus``; nothing is written."""
    werkgroep = cyclus.werkgroep
    controle = CbsControle()
    buurten = {b.code: b for b in Buurt.objects.filter(werkgroep=werkgroep).select_related("terrein")}
    if not buurten:
        controle.algemeen.append(
            "Kies eerst de buurten van het KVO-gebied; daarna kunnen hun cijfers worden geïmporteerd."
        )
        return controle
    bestaande_sleutels = {sleutel_van(c) for c in Cijfer.objects.filter(cyclus=cyclus, bron=Cijfer.Bron.POLITIE)}
    gelezen = []
    jaren = set()
    for regel, w in tabel.rijen:
        if w.get("gebied") not in buurten:
            controle.buiten_keuze += 1
            continue
        fouten: list[tuple[str, str]] = []
        van = tot = soort_periode = None
        try:
            van, tot, soort_periode = periode(w.get("periode") or "")
        except ValueError:
            fouten.append(
                ("Perioden", f"onbekende periode '{w.get('periode')}' (verwacht bijvoorbeeld 2023JJ00 of 2023MM01)")
            )
        if w.get("soort") not in tabel.soorten:
            fouten.append(
                ("SoortMisdrijf", f"soort misdrijf '{w.get('soort')}' staat niet in de codelijst SoortMisdrijf")
            )
        aantal = None
        if w.get("waarde") is not None:
            tekst = str(w["waarde"]).replace(" ", "")
            if tekst == "-":  # CBS: nil
                tekst = "0"
            if not re.fullmatch(r"-?\d+", tekst):
                fouten.append((tabel.maat, f"geen geheel getal '{w['waarde']}'"))
            else:
                aantal = int(tekst)
        if van is not None:
            for veld, teksten in valideer(
                werkgroep=werkgroep, vandaag=vandaag, periode_van=van, periode_tot=tot, aantal=aantal
            ).items():
                kolom = tabel.maat if veld == "aantal" else "Perioden"
                fouten += [(kolom, t) for t in teksten]
        for kolom, reden in fouten:
            controle.fouten.append(RijFout(regel, kolom, reden))
        if fouten:
            continue
        if soort_periode == "JJ":
            jaren.add((w["gebied"], w["soort"], van.year))
        gelezen.append((regel, w, van, tot, soort_periode, aantal))
    totalen = {(w["gebied"], w["periode"]) for _, w, *_ in gelezen if w["soort"] == TOTAAL}
    in_bestand: dict[tuple, int] = {}
    for regel, w, van, tot, soort_periode, aantal in gelezen:
        if soort_periode != "JJ" and (w["gebied"], w["soort"], van.year) in jaren:
            controle.dubbel_maand += 1
            continue
        buurt = buurten[w["gebied"]]
        cijfer = Cijfer(
            werkgroep=werkgroep,
            cyclus=cyclus,
            bron=Cijfer.Bron.POLITIE,
            soort=Cijfer.Soort.OVERIG,
            categorie=tabel.soorten[w["soort"]][:120],
            periode_van=van,
            periode_tot=tot,
            aantal=aantal or 0,
            afgeschermd=aantal is None,
            deel_van_totaal=w["soort"] != TOTAAL and (w["gebied"], w["periode"]) in totalen,
            deelgebied=Cijfer.Deelgebied.ONBEKEND,
            terrein=buurt.terrein,
            herkomst=Cijfer.Herkomst.CBS,
            gebiedscode=buurt.code,
            gebiedsnaam=(tabel.gebieden.get(buurt.code) or buurt.naam)[:120],
        )
        controle.afgeschermd += cijfer.afgeschermd
        s = sleutel_van(cijfer)
        if s in in_bestand:
            controle.fouten.append(RijFout(regel, None, f"hetzelfde cijfer staat al in rij {in_bestand[s]}"))
        elif s in bestaande_sleutels:
            controle.fouten.append(
                RijFout(regel, None, "dit cijfer is al geïmporteerd (zelfde buurt, soort en periode)")
            )
        in_bestand.setdefault(s, regel)
        controle.rijen.append(Rij(regel, cijfer))
    if not controle.rijen and not controle.fouten:
        namen = ", ".join(sorted(buurten))
        controle.algemeen.append(f"Het bestand bevat geen cijfers van de gekozen buurten ({namen}).")
    if controle.fouten:
        slecht = {f.regel for f in controle.fouten}
        controle.rijen = [r for r in controle.rijen if r.regel not in slecht]
    perioden = [(r.cijfer.periode_van, r.cijfer.periode_tot) for r in controle.rijen]
    if perioden:
        controle.dekking_na_import = [(str(Cijfer.Bron.POLITIE.label), dekking(perioden))]
    return controle
