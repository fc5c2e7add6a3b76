"""What the demo generators share without importing each other (``genereer.py`` calls ``genereer_pvo.py``
and ``genereer_historie.py``, which builds on ``genereer_provincie.py``: they take meetings, names,
entrepreneurs and outlines from here, not from ``genereer.py``); deterministic."""

from __future__ import annotations

import datetime as dt
import random
import string


def bijeenkomst(
    ref: str,
    datum: dt.date,
    aanwezigen: list[str],
    onderwerpen: list[str],
    besluiten: list[str],
    soort: str = "werkgroep",
) -> dict:
    agenda = "\n".join(
        [f"1. Opening en vaststellen agenda {datum:%d-%m-%Y}", "2. Notulen vorige bijeenkomst en actielijst"]
        + [f"{i + 3}. {o}" for i, o in enumerate(onderwerpen)]
        + [f"{len(onderwerpen) + 3}. Rondvraag en sluiting"]
    )
    notulen = (
        f"Aanwezig: {len(aanwezigen)} leden. De voorzitter opent de vergadering. De notulen van de vorige "
        "bijeenkomst worden ongewijzigd vastgesteld. "
        + " ".join(f"{o}: besproken, zie besluiten en actielijst." for o in onderwerpen)
        + " Geen rondvraag. De voorzitter sluit de vergadering."
    )
    item = {"ref": ref, "datum": datum.isoformat()}
    if soort != "werkgroep":
        item["soort"] = soort
    item.update({"aanwezigen": aanwezigen, "agenda": agenda, "notulen": notulen})
    if besluiten:
        item["besluiten"] = besluiten
    return item


ACHTERNAMEN = [
    "Dijkstra",
    "Hoekstra",
    "De Vries",
    "Bosma",
    "Visser",
    "Postma",
    "Van der Meer",
    "Jansma",
    "De Boer",
    "Kuipers",
    "Wijnstra",
    "Terpstra",
    "Hofstra",
    "Van Dijk",
    "Zijlstra",
    "Brouwer",
    "Veenstra",
    "Mulder",
    "Sikkema",
    "Koopmans",
    "De Jong",
    "Schaafsma",
    "Bakker",
    "Smit",
    "Dekker",
    "Westra",
    "Feenstra",
    "Meijer",
    "Haaksma",
    "Jongsma",
    "Wiersma",
    "Tolsma",
    "Kooistra",
    "Nauta",
    "Bergsma",
    "Rienstra",
    "Oosterhof",
    "Hoogeveen",
    "Lammers",
    "Stellingwerf",
]
BRANCHES = [
    ("Autobedrijf {n}", "garage"),
    ("Bouwbedrijf {n} B.V.", "bouw"),
    ("{n} Installatietechniek", "installatie"),
    ("Transportbedrijf {n}", "transport"),
    ("Timmerfabriek {n}", "hout"),
    ("{n} Metaalbewerking", "metaal"),
    ("Loonbedrijf {n}", "agrarisch"),
    ("{n} Elektrotechniek B.V.", "elektro"),
    ("Schildersbedrijf {n}", "schilder"),
    ("{n} Bandenservice", "banden"),
    ("Hoveniersbedrijf {n}", "groen"),
    ("{n} Keukens & Interieur", "interieur"),
    ("Drukkerij {n}", "druk"),
    ("{n} Verhuur", "verhuur"),
    ("Groothandel {n}", "groothandel"),
    ("{n} Tweewielers", "fietsen"),
    ("Aannemersbedrijf {n}", "aannemer"),
    ("{n} Kozijnen B.V.", "kozijnen"),
    ("Stukadoorsbedrijf {n}", "stukadoor"),
    ("{n} Koeltechniek", "koel"),
    ("Autoschadeherstel {n}", "schade"),
    ("{n} Logistiek", "logistiek"),
    ("Dakdekkersbedrijf {n}", "dak"),
    ("{n} Tegelhandel", "tegels"),
]
LOSSE_NAMEN = [
    "Friesland Campina locatie Wolvega",
    "Tankstation De Linde",
    "Kringloop De Stellingwerven",
    "Gym Wolvega",
    "Bouwmarkt Wolvega",
    "Stichting Wolvega Werkt",
    "Dierenspeciaalzaak Het Baasje",
    "Fysio Wolvega-Noord",
    "Bakkerij Bos groothandel",
    "Autowasstraat Wolvega",
    "Zonnepanelen Noord B.V.",
    "Camperverhuur Fryslân",
    "Bedrijfskleding Stellingwerf",
    "Kinderopvang De Kikkerpoel",
    "Sportschool Fit Noord",
    "Taxi Wolvega",
]


def polygon(lon: float, lat: float, breed: float, hoog: float) -> dict:
    ring = [[lon, lat], [lon + breed, lat], [lon + breed, lat + hoog], [lon, lat + hoog], [lon, lat]]
    return {"type": "Polygon", "coordinates": [[[round(x, 5), round(y, 5)] for x, y in ring]]}


def ondernemers(rng: random.Random, prefix: str, aantal: int, straten: list[str], pc: str, gebruikt: set) -> list:
    uit = []
    for i in range(aantal):
        while True:
            if rng.random() < 0.1:
                naam = rng.choice(LOSSE_NAMEN)
            else:
                sjabloon, _ = rng.choice(BRANCHES)
                naam = sjabloon.format(n=rng.choice(ACHTERNAMEN))
            if naam not in gebruikt:
                gebruikt.add(naam)
                break
        straat = rng.choice(straten)
        nummer = str(rng.randint(1, 80)) + (rng.choice(["", "", "", "a", "b"]))
        letters = rng.choice(["AB", "BC", "GH", "HK", "KL", "LM", "PR", "RS", "TX", "VZ", "XZ", "ZH"])
        slug = "".join(c for c in naam.lower() if c in string.ascii_lowercase)[:22]
        item = {
            "ref": f"{prefix}{i + 1:03d}",
            "naam": naam,
            "adres": f"{straat} {nummer}",
            "postcode": f"{pc} {letters}",
            "huisnummer": nummer,
        }
        if rng.random() < 0.85:
            item["email"] = f"info@{slug}.example"
        if rng.random() < 0.8:
            item["lid_ondernemersvereniging"] = rng.random() < 0.62
        uit.append(item)
    return uit
