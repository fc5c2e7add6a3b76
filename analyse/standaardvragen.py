"""Default survey questions for every handbook topic block 1–44 (§4.1.1), so a group starts in minutes.

The handbook gives topics, not questions ("de samengestelde onderwerpen binnen een blok zullen
[...] moeten worden bewerkt tot echte enquêtevragen"). These are plain-language starting points
for entrepreneurs on a business park; the work group edits, adds or removes them in the builder.
The texts are a contract of sorts: the demo and tests look questions up by their text, so change
a text only on purpose.

``STANDAARD_BLOKKEN`` is the default selection: exactly each mandatory theme's minimum (20) plus
the three mandatory open questions (16, 23, 33).
"""

from __future__ import annotations

from dataclasses import dataclass

from analyse import catalogus

STELLING = "In hoeverre bent u het eens met deze stelling: "
HOE_VAAK_MELDEN = ("Altijd", "Meestal", "Soms", "Nooit", "Niet van toepassing: geen problemen gehad")


@dataclass(frozen=True)
class Standaardvraag:
    tekst: str
    type: str  # one of analyse.models.Vraag.Type
    opties: tuple[str, ...] = ()
    # A follow-up ("Als dat zo is: …"): (position of the base question in its block, from 1; the answer)
    na: tuple[int, str] | None = None

    def als_dict(self, blok: int) -> dict:
        """The question in the dossier's shape (without ``ref``): blok, thema, tekst, type, opties."""
        uit = {"blok": blok, "thema": catalogus.thema_van_blok(blok), "tekst": self.tekst, "type": self.type}
        if self.opties:
            uit["opties"] = list(self.opties)
        return uit


def _schaal(stelling: str) -> Standaardvraag:
    return Standaardvraag(STELLING + stelling, "schaal")


def _ja_nee(tekst: str) -> Standaardvraag:
    return Standaardvraag(tekst, "ja-nee")


def _keuze(tekst: str, *opties: str) -> Standaardvraag:
    return Standaardvraag(tekst, "keuze", opties)


def _meerkeuze(tekst: str, *opties: str, na: tuple[int, str] | None = None) -> Standaardvraag:
    return Standaardvraag(tekst, "meerkeuze", opties, na)


def _open(tekst: str) -> Standaardvraag:
    return Standaardvraag(tekst, "open")


VRAGEN: dict[int, tuple[Standaardvraag, ...]] = {
    # Gebiedsontwikkelingen (optional)
    1: (
        _schaal(
            "ik word goed op de hoogte gehouden van plannen om het bedrijventerrein uit te breiden, "
            "te verkleinen of samen te laten werken met andere terreinen in de gemeente."
        ),
    ),
    2: (
        _keuze(
            "Verwacht u dat nieuwe ontwikkelingen vlak bij het bedrijventerrein (zoals een woonwijk, "
            "sportcomplex, weg of spoorlijn) gevolgen hebben voor de veiligheid op het terrein?",
            "Ja, vooral negatieve gevolgen",
            "Ja, vooral positieve gevolgen",
            "Nee, geen gevolgen",
            "Weet ik niet",
        ),
    ),
    3: (
        _schaal(
            "het is mij duidelijk wat plannen voor vernieuwing of een andere bestemming van het "
            "bedrijventerrein voor mijn bedrijf betekenen."
        ),
    ),
    # Sociale veiligheid (minimum 2)
    4: (
        _ja_nee(
            "Hebben u of uw medewerkers de afgelopen 12 maanden op of rond het bedrijventerrein te maken "
            "gehad met bedreiging, agressie, intimidatie of lastigvallen?"
        ),
        _meerkeuze(
            "Als dat zo is: waarmee had u te maken?",
            "Bedreiging",
            "Agressie of geweld",
            "Intimidatie",
            "Rondhangende personen",
            "Lastigvallen van personeel",
            na=(1, "ja"),
        ),
    ),
    5: (
        _ja_nee("Is uw bedrijf de afgelopen 12 maanden slachtoffer geweest van (poging tot) inbraak of diefstal?"),
        _keuze(
            "Hoe vaak is dat de afgelopen 12 maanden gebeurd?",
            "Geen enkele keer",
            "1 keer",
            "2 tot 5 keer",
            "Meer dan 5 keer",
        ),
    ),
    6: (
        _meerkeuze(
            "Van welke hinder heeft u de afgelopen 12 maanden last gehad op het bedrijventerrein?",
            "Lawaai",
            "Te hard rijdend verkeer",
            "Vernieling",
            "Hinderlijk geparkeerde voertuigen",
            "Geen hinder",
        ),
    ),
    7: (
        _ja_nee(
            "Ziet u brandgevaarlijke situaties in of rond uw bedrijf, bijvoorbeeld opslag op uw eigen "
            "terrein of op het terrein van de buren?"
        ),
    ),
    8: (
        _schaal("ik voel mij veilig op het bedrijventerrein."),
        _keuze(
            "Is het gevoel van veiligheid op het bedrijventerrein de afgelopen 12 maanden verbeterd, "
            "verslechterd of gelijk gebleven?",
            "Verbeterd",
            "Gelijk gebleven",
            "Verslechterd",
            "Weet ik niet",
        ),
    ),
    9: (
        _meerkeuze(
            "Wat heeft uw bedrijf geregeld voor veiligheid op het werk?",
            "Een actuele risico-inventarisatie en -evaluatie (RI&E)",
            "Opgeleide bedrijfshulpverleners (BHV)",
            "Geen van beide",
            "Weet ik niet",
        ),
    ),
    # Fysieke veiligheid (minimum 3; 16 is the mandatory open question)
    10: (
        _schaal("het bedrijventerrein is 's avonds en 's nachts goed verlicht."),
        _ja_nee("Zijn er plekken op het bedrijventerrein die u 's avonds te donker vindt?"),
    ),
    11: (_schaal("leegstaande panden op het bedrijventerrein worden goed onderhouden en in de gaten gehouden."),),
    12: (
        _schaal(
            "er is genoeg zichtbaar toezicht op het bedrijventerrein (politie, boa's of particuliere beveiliging)."
        ),
    ),
    13: (
        _keuze(
            "Heeft uw bedrijf camera's die ook de omgeving van uw pand in beeld brengen?",
            "Ja, ook de openbare weg",
            "Ja, alleen ons eigen terrein",
            "Nee",
        ),
        _ja_nee("Bent u bereid uw camerabeelden bij een incident met de politie te delen?"),
    ),
    14: (
        _keuze(
            "Meldt u incidenten zoals inbraak, diefstal of vernieling bij de politie?",
            *HOE_VAAK_MELDEN,
        ),
        _schaal("na een melding hoor ik van de politie wat ermee is gebeurd."),
    ),
    15: (_ja_nee("Weet u waar de dichtstbijzijnde openbare AED op of bij het bedrijventerrein hangt?"),),
    16: (_open("Heeft u nog op- of aanmerkingen over de veiligheidsonderwerpen in deze vragenlijst?"),),
    # Onderhoud en beheer (minimum 3; 23 is the mandatory open question)
    17: (_schaal("panden en terreinen op het bedrijventerrein zien er verzorgd uit."),),
    18: (
        _meerkeuze(
            "Waar heeft u de afgelopen 12 maanden last van gehad?",
            "Zwerfvuil",
            "Illegaal gestort afval",
            "Spullen opgeslagen op de openbare weg",
            "Spullen opgeslagen rond panden",
            "Geen van deze",
        ),
    ),
    19: (
        _schaal(
            "bezoekers, leveranciers en hulpdiensten vinden mijn bedrijf gemakkelijk "
            "(bebording, routeaanduiding, huisnummers)."
        ),
    ),
    20: (_schaal("de openbare ruimte op het bedrijventerrein wordt vaak genoeg schoongemaakt en onderhouden."),),
    21: (
        _ja_nee("Is het u duidelijk welk deel van de omgeving van uw pand u zelf onderhoudt en welk deel de gemeente?"),
    ),
    22: (
        _keuze(
            "Meldt u problemen in de openbare ruimte (zoals kapotte verlichting, losliggende tegels of afval) "
            "bij de gemeente?",
            *HOE_VAAK_MELDEN,
        ),
        _schaal("de gemeente lost gemelde problemen in de openbare ruimte snel op."),
    ),
    23: (_open("Heeft u nog op- of aanmerkingen over het onderhoud en beheer van het bedrijventerrein?"),),
    # Overlast (minimum 2)
    24: (
        _ja_nee(
            "Heeft u de afgelopen 12 maanden last gehad van rondhangende personen of groepen op of rond "
            "het bedrijventerrein?"
        ),
        _meerkeuze(
            "Als dat zo is: wanneer vooral?",
            "Overdag",
            "'s Avonds",
            "'s Nachts",
            "In het weekend",
            na=(1, "ja"),
        ),
    ),
    25: (
        _meerkeuze(
            "Van welke overlast heeft u de afgelopen 12 maanden last gehad?",
            "Ongedierte",
            "Vernieling",
            "Stank",
            "Geen van deze",
        ),
    ),
    26: (_schaal("het groen op het bedrijventerrein is goed onderhouden en belemmert het zicht niet."),),
    27: (
        _keuze(
            "Hoe vaak heeft u last van fout geparkeerde auto's, vrachtauto's of trailers?",
            "Nooit",
            "Soms",
            "Vaak",
            "Elke dag",
        ),
    ),
    # Verkeersveiligheid (minimum 3; 33 is the mandatory open question)
    28: (
        _schaal("de wegen op het bedrijventerrein zijn veilig ingericht (snelheid, bebording, wegmarkering)."),
        _ja_nee("Wordt er op het bedrijventerrein volgens u te hard gereden?"),
    ),
    29: (_schaal("het bedrijventerrein is goed bereikbaar en de toegangswegen kunnen het verkeer aan."),),
    30: (
        _schaal(
            "medewerkers en bezoekers kunnen veilig lopend, op de fiets of met het openbaar vervoer "
            "naar het bedrijventerrein komen."
        ),
    ),
    31: (_schaal("er zijn genoeg parkeerplaatsen voor auto's en vrachtauto's op en rond het bedrijventerrein."),),
    32: (
        _meerkeuze(
            "Welke problemen ziet u bij laden, lossen en overnachten van vrachtwagens?",
            "Laden en lossen op de openbare weg",
            "Vrachtwagens die 's nachts op het terrein overnachten",
            "Te weinig opstelplaatsen",
            "Geen problemen",
        ),
    ),
    33: (_open("Heeft u nog op- of aanmerkingen over de verkeersveiligheid op het bedrijventerrein?"),),
    # Brandveiligheid (minimum 2)
    34: (_schaal("brandweer en ambulance kunnen mijn bedrijf snel en zonder obstakels bereiken."),),
    35: (
        _ja_nee(
            "Ziet u op het bedrijventerrein opslag van materieel of materiaal die bij brand gevaarlijk is "
            "of de doorgang belemmert?"
        ),
    ),
    36: (
        _keuze(
            "Is er bij uw bedrijf genoeg bluswater beschikbaar (een brandkraan of open water)?",
            "Ja",
            "Nee",
            "Weet ik niet",
        ),
    ),
    37: (
        _meerkeuze(
            "Welke maatregelen tegen brand heeft uw bedrijf genomen?",
            "Brandblussers",
            "Brandmeldinstallatie",
            "Ontruimingsplan",
            "Regelmatig oefenen",
            "Geen",
        ),
    ),
    # Voorbereid zijn op calamiteit (minimum 1)
    38: (
        _ja_nee(
            "Heeft uw bedrijf afspraken of een plan voor een calamiteit (zoals brand, stroomuitval of een "
            "grote storing), zodat het werk snel weer door kan gaan?"
        ),
        _schaal(
            "ik wil met andere bedrijven op het terrein afspraken maken over wat we samen doen bij een calamiteit."
        ),
    ),
    # Duurzaamheid (optional)
    39: (
        _meerkeuze(
            "Bij welke duurzaamheidsprojecten op het bedrijventerrein wilt u betrokken worden?",
            "Energie (zonnepanelen, energieopslag)",
            "Waterberging",
            "Tegengaan van hitte",
            "Biodiversiteit en groen",
            "Geen",
        ),
    ),
    # Ondermijning (minimum 1)
    40: (
        _schaal(
            "ik weet hoe ik signalen van ondermijning herken (bijvoorbeeld drugsproductie of witwassen in een "
            "pand) en waar ik die kan melden."
        ),
        _ja_nee("Wilt u voorlichting over het herkennen en melden van ondermijning?"),
    ),
    # Cyberweerbaarheid (minimum 1)
    41: (
        _ja_nee(
            "Is uw bedrijf de afgelopen 12 maanden slachtoffer geweest van cybercriminaliteit "
            "(zoals phishing, gijzelsoftware of CEO-fraude)?"
        ),
        _meerkeuze(
            "Wat heeft uw bedrijf geregeld voor digitale veiligheid?",
            "Regelmatig een back-up",
            "Inloggen in twee stappen",
            "Software wordt automatisch bijgewerkt",
            "Voorlichting voor medewerkers",
            "Geen van deze",
        ),
    ),
    # Communicatie (minimum 2)
    42: (
        _meerkeuze(
            "Hoe wilt u informatie over veiligheid op het bedrijventerrein ontvangen?",
            "E-mail of nieuwsbrief",
            "Website",
            "Appgroep (bijvoorbeeld WhatsApp)",
            "Bijeenkomsten",
            "Brief",
        ),
        _keuze(
            "Hoe vaak wilt u informatie ontvangen?",
            "Elke maand",
            "Elk kwartaal",
            "Twee keer per jaar",
            "Alleen als er iets bijzonders is",
        ),
    ),
    43: (_schaal("ik word goed op de hoogte gehouden van wat er op het bedrijventerrein speelt."),),
    44: (
        _keuze(
            "Is uw bedrijf lid van de ondernemersvereniging van het bedrijventerrein?",
            "Ja",
            "Nee",
            "Er is geen ondernemersvereniging",
            "Weet ik niet",
        ),
        _schaal("alle bedrijven op het terrein moeten meebetalen aan gezamenlijke veiligheidsmaatregelen."),
    ),
}

# Exactly each mandatory theme's minimum (20 blocks) plus the open questions 16, 23 and 33.
STANDAARD_BLOKKEN: tuple[int, ...] = (
    5, 8,  # sociale veiligheid
    10, 12, 14, 16,  # fysieke veiligheid
    17, 18, 22, 23,  # onderhoud en beheer
    24, 27,  # overlast
    28, 31, 32, 33,  # verkeersveiligheid
    34, 37,  # brandveiligheid
    38,  # calamiteit
    40,  # ondermijning
    41,  # cyberweerbaarheid
    42, 43,  # communicatie
)  # fmt: skip


def vragen_van(blok: int) -> tuple[Standaardvraag, ...]:
    """The default question(s) of a handbook block (1–44)."""
    return VRAGEN[blok]


def standaardenquete() -> list[dict]:
    """The default survey's questions in the dossier's shape, with refs ``b05-1`` … (demo, tests)."""
    uit = []
    for blok in STANDAARD_BLOKKEN:
        for i, vraag in enumerate(VRAGEN[blok], start=1):
            item = {"ref": f"b{blok:02d}-{i}", **vraag.als_dict(blok)}
            if vraag.na is not None:
                item["x-toon_als"] = {"vraag": f"b{blok:02d}-{vraag.na[0]}", "antwoord": vraag.na[1]}
            uit.append(item)
    return uit
