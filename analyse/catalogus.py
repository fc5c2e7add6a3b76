"""The handbook's survey catalogue (§4.1.1): 12 safety themes with the 44 topic blocks.

Data, not models: the catalogue is the norm itself and changes only with a new handbook. Theme
keys are the dossier's (``shared/dossier/schema.json``); a theme the work group adds is
``eigen:<naam>``. Ten themes have a minimum number of blocks (together 20); the open questions
16, 23 and 33 are mandatory and do not count toward their theme's minimum ("20 + 3").
"""

from __future__ import annotations

from dataclasses import dataclass

EIGEN_PREFIX = "eigen:"
OPEN_BLOKKEN = (16, 23, 33)
MINIMUM_TOTAAL = 20


@dataclass(frozen=True)
class Blok:
    nummer: int
    thema: str
    titel: str

    @property
    def is_open_vraag(self) -> bool:
        return self.nummer in OPEN_BLOKKEN


@dataclass(frozen=True)
class Thema:
    sleutel: str
    naam: str
    blokken: tuple[int, ...]
    minimum: int | None  # None: optional theme

    @property
    def verplicht(self) -> bool:
        return self.minimum is not None

    @property
    def telbare_blokken(self) -> tuple[int, ...]:
        """The blocks that count toward the minimum (open questions do not)."""
        return tuple(b for b in self.blokken if b not in OPEN_BLOKKEN)


THEMAS: dict[str, Thema] = {
    t.sleutel: t
    for t in (
        Thema("gebiedsontwikkelingen", "Gebiedsontwikkelingen", (1, 2, 3), None),
        Thema("sociale-veiligheid", "Sociale veiligheid", (4, 5, 6, 7, 8, 9), 2),
        Thema("fysieke-veiligheid", "Fysieke veiligheid", (10, 11, 12, 13, 14, 15, 16), 3),
        Thema("onderhoud-en-beheer", "Onderhoud en beheer", (17, 18, 19, 20, 21, 22, 23), 3),
        Thema("overlast", "Overlast", (24, 25, 26, 27), 2),
        Thema("verkeersveiligheid", "Verkeersveiligheid", (28, 29, 30, 31, 32, 33), 3),
        Thema("brandveiligheid", "Brandveiligheid", (34, 35, 36, 37), 2),
        Thema("calamiteit", "Voorbereid zijn op calamiteit (bedrijfscontinuïteit)", (38,), 1),
        Thema("duurzaamheid", "Duurzaamheid", (39,), None),
        Thema("ondermijning", "Ondermijning", (40,), 1),
        Thema("cyberweerbaarheid", "Cyberweerbaarheid", (41,), 1),
        Thema("communicatie", "Communicatie", (42, 43, 44), 2),
    )
}

_TITELS = {
    1: "Uitbreiden – inkrimpen – samenwerking terreinen binnen de gemeente",
    2: "Gebiedsontwikkeling nabij het terrein (woonwijk, sportcomplex, water-, spoor- en wegverbindingen)",
    3: "Transitie – revitalisering – wijzigingen in bestemming",
    4: "Bedreiging – agressie – intimidatie – rondhangen – lastigvallen personeel",
    5: "(Poging tot) inbraak – diefstal",
    6: "Hinder: lawaai – snelheid verkeer – vernieling – geparkeerde voertuigen",
    7: "Brandgevaarlijke situaties: in het bedrijf – om het bedrijf – opslag eigen terrein – belendende percelen",
    8: "Veiligheidsgevoel op het bedrijventerrein verbeterd / verslechterd / gelijk gebleven",
    9: "Vanuit ondernemers: RI&E – BHV",
    10: "Verlichting: kwantiteit – kwaliteit – private terreinen – relatie camera's – donkere plekken",
    11: "Leegstand: omvang – afspraken onderhoud",
    12: "Toezicht en handhaving: zichtbaarheid – afspraken – boa's / politie – particuliere beveiliging",
    13: "Camera's: openbaar gebied – privaat gebied – opslag en eigendom beelden – protocollen",
    14: "Melden incidenten politie: meldingsbereidheid – meldingsmogelijkheden – terugkoppeling",
    15: "Openbare AED's – locaties – onderhoud",
    16: "Open vraag: op- en aanmerkingen over de geselecteerde onderwerpen",
    17: "Privaat eigendom – beheerd vastgoed – verloedering",
    18: "Zwerfvuil – illegale stort – opslag eigen terrein / nabij het pand – opslag openbaar gebied",
    19: "Bebording – routeaanduiding – private borden – reclame-uitingen – huis- en pandnummering",
    20: "Onderhoudsplan – beeldkwaliteitsplan – frequentie schoonmaken – maatwerk",
    21: "Grenzen publiek en privaat eigendom in relatie tot onderhoud",
    22: "Melden incidenten gemeente openbare ruimte: meldingsbereidheid – hersteltermijnen – terugkoppeling",
    23: "Open vraag: op- en aanmerkingen over het onderhoud en beheer in het KVO-gebied",
    24: "Rondhangen – specifieke groepen / tijdstippen – verwarde personen",
    25: "Ongedierte – vernieling – stankoverlast",
    26: "Groenvoorzieningen – snoeien / zichtbelemmering – vervuiling",
    27: "Fout parkeren voertuigen: (vracht)auto's / trailers",
    28: "Infrastructuur – snelheid verkeer – bebording – wegmarkering",
    29: "Ontsluiting terrein – calamiteitenroute – verkeerscapaciteit – sluipverkeer",
    30: "Voet- en fietspaden – openbaar vervoer",
    31: "Parkeervoorzieningen auto's en vrachtauto's – parkeren op eigen terrein – capaciteit – parkeerbeleid",
    32: "Laden – lossen – overnachten – opstelplaatsen",
    33: "Open vraag: op- en aanmerkingen over de verkeersveiligheid in het KVO-gebied",
    34: "Bereikbaarheid hulpdiensten",
    35: "Opslag materieel en materiaal",
    36: "Bluswatervoorziening bedrijventerrein",
    37: "Bewustzijn – (brand)preventie",
    38: "Gezamenlijke afspraken – voorbereiding op een calamiteit",
    39: "Lokale projecten – energietransitie – waterberging – hittestress – zonneparken – biodiversiteit",
    40: "Ondermijning: signaleren – herkennen – melden – voorlichting",
    41: "Basisprincipes veilig digitaal ondernemen – voorlichting – preventie",
    42: "Communicatiemiddelen – registraties – frequentie",
    43: "Communicatie naar achterban ondernemers / derden",
    44: "Ondernemersvereniging – ondernemersfondsen – free riders",
}

BLOKKEN: dict[int, Blok] = {
    nummer: Blok(nummer, thema.sleutel, _TITELS[nummer]) for thema in THEMAS.values() for nummer in thema.blokken
}
VERPLICHTE_THEMAS = tuple(t for t in THEMAS.values() if t.verplicht)


def thema_van_blok(blok: int) -> str:
    return BLOKKEN[blok].thema


def is_eigen(thema: str) -> bool:
    return thema.startswith(EIGEN_PREFIX)


def eigen_thema(naam: str) -> str:
    return f"{EIGEN_PREFIX}{naam}"


def thema_naam(sleutel: str) -> str:
    """The Dutch name of a handbook theme, or the name of the group's own theme."""
    if is_eigen(sleutel):
        return sleutel[len(EIGEN_PREFIX) :]
    thema = THEMAS.get(sleutel)
    return thema.naam if thema else sleutel


@dataclass(frozen=True)
class ThemaDekking:
    """How far a survey's blocks meet one theme's minimum (what the builder shows live)."""

    thema: Thema
    gekozen: tuple[int, ...]  # blocks of this theme in the survey that count toward the minimum

    @property
    def aantal(self) -> int:
        return len(self.gekozen)

    @property
    def tekort(self) -> int:
        return max(0, (self.thema.minimum or 0) - self.aantal)

    @property
    def voldaan(self) -> bool:
        return self.tekort == 0


def dekking(blokken) -> list[ThemaDekking]:
    """Per mandatory theme, the counted blocks among ``blokken`` (open questions do not count)."""
    gekozen = set(blokken)
    return [ThemaDekking(t, tuple(b for b in t.telbare_blokken if b in gekozen)) for t in VERPLICHTE_THEMAS]


def ontbrekende_open_vragen(blokken) -> list[int]:
    gekozen = set(blokken)
    return [b for b in OPEN_BLOKKEN if b not in gekozen]
