"""The demo's safety analysis (handbook §4.1), called by ``genereer.py``; deterministic.

Wolvega (first cycle since 26-08-2024) has a finished analysis: a survey sent on 4 November 2024
and closed on 29 November with two reminder rounds and realistic response per park, a year of
figures from every source (2023 and 2024, police, fire service and municipality per park, so the
facilitator's picture differs from park to park), a day and an evening inspection in both completed
years with photos, and a conclusion adopted on 7 April 2025. The feeling of safety differs per park
(``veiligheidsgevoel``): Noord-West, with the most police reports, feels least safe. Venekoten (cycle since 20-05-2026)
has a survey in progress: sent on 1 October 2026, closing 30 November, two reminders sent and a
third due on 25 November, its response still short of the threshold.
"""

from __future__ import annotations

import datetime as dt
import json
import random

from analyse import catalogus
from analyse.standaardvragen import VRAGEN

VEILIG_TEKST = VRAGEN[8][0].tekst  # the standard question of block 8: "… ik voel mij veilig …"

D = dt.date

OPEN_ANTWOORDEN = {
    16: [
        "Bij de Linthorst Homanstraat is het 's avonds erg donker; vaak staan er auto's met draaiende motor",
        "Graag meer politie-surveillance in het weekend, dan is het hier uitgestorven.",
        "De camera bij de entree werkt volgens mij al maanden niet.",
        "Wij zijn twee keer ingebroken via het hek aan de achterkant. Een gezamenlijke alarmopvolging zou helpen.",
        "Prima initiatief, fijn dat er iets gebeurt.",
        "Meldingen bij de politie leveren nooit een terugkoppeling op; daardoor melden we niet meer.",
        "AED hangt bij ons binnen, niet bereikbaar na 18.00 uur. Is er een openbare AED in de buurt?",
        "Er staan regelmatig busjes zonder kenteken bij het lege pand op nummer 22.",
        "Geen opmerkingen.",
        "Verlichting langs het fietspad naar het station graag verbeteren, mijn personeel fietst in het donker.",
    ],
    23: [
        "Het groen langs de Tjongerweg wordt veel te weinig gemaaid, je ziet geen uitritten meer.",
        "Zwerfvuil bij de containers van het lege pand, dat waait over ons terrein.",
        "Bebording naar de bedrijven is verouderd: klanten en leveranciers rijden vaak verkeerd.",
        "Melden via de app van de gemeente werkt goed, wel duurt herstel vaak weken.",
        "Het lege pand aan de Vaart Noordzijde verloedert; graffiti en kapotte ramen.",
        "Niets bijzonders, netjes onderhouden.",
        "Graag een vast aanspreekpunt bij de gemeente voor het bedrijventerrein.",
        "Illegale stort van bouwafval aan het einde van de Smidsstraat, al drie keer gemeld.",
    ],
    33: [
        "Vrachtwagens parkeren 's nachts op de rotonde en in de berm, levensgevaarlijk bij het uitrijden.",
        "Er wordt veel te hard gereden op de Industrieweg, vooral rond 17.00 uur.",
        "Fietsers en vrachtverkeer door elkaar bij de spoorwegovergang: graag een apart fietspad.",
        "Geen opmerkingen over verkeer.",
        "Laden en lossen op straat bij de groothandel blokkeert regelmatig de doorgang.",
        "Een tweede ontsluiting van het terrein zou bij een calamiteit veel schelen.",
        "Te weinig parkeerplaatsen voor bezoekers; die staan nu op de stoep.",
    ],
}
OPEN_OVERIG = [
    "Goed dat deze enquête er is.",
    "Meer informatie over wat er met de uitkomsten gebeurt graag.",
    "Wij hebben geen last van deze onderwerpen.",
    "Samenwerking met de buren werkt goed; een WhatsApp-groep zou helpen.",
]


def antwoord(rng: random.Random, vraag: dict, geneigdheid: float):
    """A plausible answer; ``geneigdheid`` (0–1) leans the park toward more concern."""
    t = vraag["type"]
    if t == "schaal":
        kansen = [0.08, 0.17, 0.3, 0.3, 0.15] if geneigdheid < 0.5 else [0.05, 0.12, 0.23, 0.37, 0.23]
        return rng.choices([1, 2, 3, 4, 5], kansen)[0]
    if t == "ja-nee":
        return rng.random() < 0.25 + 0.35 * geneigdheid
    if t == "keuze":
        opties = vraag.get("opties") or ["ja", "nee"]
        gewichten = [len(opties) - i + geneigdheid * (i == 0) for i in range(len(opties))]
        return rng.choices(opties, gewichten)[0]
    if t == "meerkeuze":
        opties = vraag.get("opties") or ["ja"]
        gekozen = [o for o in opties if rng.random() < 0.35]
        return gekozen or [opties[0]]
    if t == "getal":
        return rng.choice([0, 0, 0, 1, 1, 2, 3]) if geneigdheid > 0.4 else rng.choice([0, 0, 0, 0, 1, 2])
    blok = vraag.get("blok")
    if rng.random() < 0.45:
        return None  # open questions are often left empty
    return rng.choice(OPEN_ANTWOORDEN.get(blok) or OPEN_OVERIG)


def enquete(
    rng: random.Random,
    terreinen: list[dict],
    vragen: list[dict],
    *,
    titel: str,
    inleiding: str,
    geopend: dt.date,
    sluit: dt.date,
    herinnering_dagen: list[int],
    herinneringen_verstuurd: int,
    respons: dict[str, int],
    geneigdheid: dict[str, float],
) -> dict:
    """A sent survey: one invitation per entrepreneur, ``respons[park]`` anonymous responses per park.

    Who answered is drawn per park; those who answered after reminder round k have k reminder
    dates, those who never answered have every round sent so far. Responses are shuffled: their
    order says nothing about the invitations.
    """
    blokken = sorted({v["blok"] for v in vragen if v.get("blok")})
    uitnodigingen, antwoorden = [], []
    rondes = [geopend + dt.timedelta(days=d) for d in herinnering_dagen[:herinneringen_verstuurd]]
    for terrein in terreinen:
        ondernemers = terrein["ondernemers"]
        beantwoord = set(rng.sample(range(len(ondernemers)), respons[terrein["ref"]]))
        for i, o in enumerate(ondernemers):
            item = {"ondernemer": o["ref"], "verstuurd_op": geopend.isoformat()}
            if i in beantwoord:
                na = rng.choices(range(len(rondes) + 1), [6, 3, 2, 1][: len(rondes) + 1])[0]
                item["herinneringen"] = [d.isoformat() for d in rondes[:na]] if o.get("email") else []
                item["beantwoord"] = True
            else:
                item["herinneringen"] = [d.isoformat() for d in rondes] if o.get("email") else []
            if not item["herinneringen"]:
                del item["herinneringen"]
            uitnodigingen.append(item)
        for _ in beantwoord:
            waarden = {}
            for v in vragen:
                w = antwoord(rng, v, geneigdheid[terrein["ref"]])
                if w is not None:
                    waarden[v["ref"]] = w
            waarden = _alleen_gevraagd(vragen, waarden)
            antwoorden.append({"terrein": terrein["ref"], "antwoorden": waarden})
    # Sorted by content, as the export writes them: the order says nothing about who answered when.
    antwoorden.sort(key=lambda r: (r["terrein"], json.dumps(r["antwoorden"], sort_keys=True, ensure_ascii=False)))
    return {
        "titel": titel,
        "blokken": blokken,
        "vragen": vragen,
        "geopend_op": geopend.isoformat(),
        "gesloten_op": sluit.isoformat(),
        "uitnodigingen": uitnodigingen,
        "antwoorden": antwoorden,
        "x-inleiding": inleiding,
        "x-herinnering_dagen": herinnering_dagen,
    }


def verdeel(aantal: int, gewichten: dict[str, float]) -> dict[str, int]:
    """``aantal`` shared by ``gewichten`` in whole numbers that add up to it (largest remainder, ties by order)."""
    totaal = sum(gewichten.values())
    exact = {k: aantal * g / totaal for k, g in gewichten.items()}
    delen = {k: int(v) for k, v in exact.items()}
    rest = sorted(gewichten, key=lambda k: (-(exact[k] - delen[k]), list(gewichten).index(k)))
    for k in rest[: aantal - sum(delen.values())]:
        delen[k] += 1
    return delen


def veiligheidsgevoel(enquete: dict, aandeel: dict[str, float], zaad: str) -> dict:
    """Give the standard feeling-of-safety question (block 8) per park the share ``aandeel[park]`` that
    agrees (4 or 5; the others 1 to 3), drawn by a generator of its own so the other answers stay as
    they were; the responses are sorted again by content, as ``enquete`` sorts them."""
    refs = [
        v["ref"]
        for v in enquete["vragen"]
        if v.get("blok") == 8 and v["type"] == "schaal" and v["tekst"] == VEILIG_TEKST
    ]
    if not refs:
        return enquete
    ref = refs[0]
    per_terrein: dict[str, list[dict]] = {}
    for reactie in enquete["antwoorden"]:
        if ref in reactie["antwoorden"] and reactie["terrein"] in aandeel:
            per_terrein.setdefault(reactie["terrein"], []).append(reactie)
    for terrein, reacties in per_terrein.items():
        rng = random.Random(f"{zaad}-veilig-{terrein}")
        eens = set(rng.sample(range(len(reacties)), round(aandeel[terrein] * len(reacties))))
        for i, reactie in enumerate(reacties):
            reactie["antwoorden"][ref] = rng.choice([4, 4, 5]) if i in eens else rng.choice([1, 2, 2, 3, 3, 3])
    enquete["antwoorden"].sort(
        key=lambda r: (r["terrein"], json.dumps(r["antwoorden"], sort_keys=True, ensure_ascii=False))
    )
    return enquete


# Wolvega's figures per park: Noord-West has the most police reports and municipal reports, Schipsloot
# the most fire-service call-outs, De Plantage / Heerendeel the fewest; young people's nuisance is
# near the station, by Schipsloot.
WOLVEGA_VERDELING = {
    "politie": {"schipsloot": 0.30, "noord-west": 0.60, "plantage": 0.10},
    "Overlast jongeren": {"schipsloot": 0.60, "noord-west": 0.30, "plantage": 0.10},
    "brandweer": {"schipsloot": 0.60, "noord-west": 0.10, "plantage": 0.30},
    "gemeente": {"schipsloot": 0.25, "noord-west": 0.50, "plantage": 0.25},
}


def cijfers_wolvega() -> list[dict]:
    uit = []

    def c(bron, soort, categorie, jaar, aantal, deelgebied=None, terrein=None, afgehandeld=None):
        item = {"bron": bron}
        if soort != "melding":
            item["soort"] = soort
        item.update(
            {"categorie": categorie, "periode_van": f"{jaar}-01-01", "periode_tot": f"{jaar}-12-31", "aantal": aantal}
        )
        if deelgebied and deelgebied != "bedrijventerrein":
            item["deelgebied"] = deelgebied
        if terrein:
            item["terrein"] = terrein
        if afgehandeld is not None:
            item["afgehandeld"] = afgehandeld
        uit.append(item)

    politie = {
        "Inbraak bedrijfspand": ((9, 4), (12, 5)),
        "Diefstal van/uit bedrijfsterrein": ((14, 6), (11, 7)),
        "Vernieling": ((6, 8), (8, 6)),
        "Diefstal bouwmaterieel": ((5, 1), (7, 2)),
        "Overlast jongeren": ((3, 9), (6, 11)),
    }

    def per_terrein(bron, soort, categorie, jaar, aantal, open_=0):
        """The park's count of a category and year, shared over the three parks (no zero rows)."""
        delen = verdeel(aantal, WOLVEGA_VERDELING.get(categorie) or WOLVEGA_VERDELING[bron])
        for terrein, n in delen.items():
            if n:
                nog_open = min(open_, n)
                open_ -= nog_open
                c(bron, soort, categorie, jaar, n, terrein=terrein,
                  afgehandeld=n - nog_open if bron == "gemeente" else None)  # fmt: skip

    for categorie, per_jaar in politie.items():
        for jaar, (terrein, overig) in zip((2023, 2024), per_jaar, strict=True):
            soort = "melding" if categorie == "Overlast jongeren" else "aangifte"
            per_terrein("politie", soort, categorie, jaar, terrein)
            c("politie", soort, categorie, jaar, overig, deelgebied="overig")
    for categorie, (a, b) in {"Brand bedrijfspand": (2, 1), "Buitenbrand": (4, 6), "Loze melding OMS": (11, 9)}.items():
        for jaar, n in ((2023, a), (2024, b)):
            per_terrein("brandweer", "incident", categorie, jaar, n)
    for categorie, (a, b) in {
        "Zwerfvuil en illegale stort": (21, 26),
        "Verlichting defect": (9, 14),
        "Groenonderhoud": (12, 10),
        "Wegdek en bebording": (7, 5),
    }.items():
        for jaar, n in ((2023, a), (2024, b)):
            per_terrein("gemeente", "melding", categorie, jaar, n, open_=1 if jaar == 2024 else 0)
    c("beveiliging", "incident", "Alarmopvolging", 2024, 38)
    return uit


SCHOUWPUNTEN_WOLVEGA = {
    ("dag", 2025): [
        (
            "schipsloot",
            "Schipsloot 4, entree",
            False,
            "Bord 'cameratoezicht' ontbreekt bij de entree",
            "Bord plaatsen bij beide entrees",
            "gemeente",
            90,
            True,
        ),
        (
            "schipsloot",
            "Linthorst Homanstraat 14",
            False,
            "Hek achterzijde kapot, vrije toegang tot achterterreinen",
            "Eigenaar aanschrijven; hek herstellen",
            "spbw",
            60,
            False,
        ),
        (
            "noord-west",
            "Vaart Noordzijde 22",
            False,
            "Leegstaand pand verloedert: graffiti, ruiten kapot",
            "Eigenaar aanspreken, graffiti verwijderen",
            "gemeente",
            120,
            True,
        ),
        (
            "plantage",
            "Heerendeel / Kampen",
            False,
            "Struiken ontnemen zicht op de uitrit",
            "Snoeien volgens beheerplan",
            "gemeente",
            45,
            False,
        ),
        (
            "noord-west",
            "Smidsstraat, einde",
            False,
            "Illegale stort van bouwafval",
            "Afval laten ruimen, handhaving inzetten",
            "gemeente",
            30,
            True,
        ),
        (
            "schipsloot",
            "Schipsloot 12",
            True,
            "Nette, goed verlichte entree met duidelijke huisnummering",
            "Vast onderhoudscontract parkmanagement",
            "spbw",
        ),
        (
            "plantage",
            "Pim Mulierweg",
            True,
            "Nieuwe fietsstrook gescheiden van vrachtverkeer",
            "Herinrichting door de gemeente in 2023",
            "gemeente",
        ),
        (
            "noord-west",
            "Steenhouwer 3",
            True,
            "Ondernemer heeft zelf camera's en verlichting op eigen terrein",
            "Advies van de politie over inbraakpreventie",
            "ov",
        ),
    ],
    ("avond", 2025): [
        (
            "schipsloot",
            "Linthorst Homanstraat, tussen 10 en 20",
            False,
            "Drie lantaarnpalen defect, donkere strook",
            "Storing melden en herstellen",
            "gemeente",
            21,
            True,
        ),
        (
            "noord-west",
            "Mr. P.J. Troelstraweg, parkeerstrook",
            False,
            "Vrachtwagens overnachten in de berm",
            "Handhaving en bebording parkeerverbod",
            "politie",
            60,
            True,
        ),
        (
            "plantage",
            "Kampen 8, achterzijde",
            False,
            "Geen verlichting bij de containeropstelling",
            "Bewegingsmelder plaatsen (ondernemer)",
            "ov",
            90,
            False,
        ),
        (
            "schipsloot",
            "Tjongerweg, fietspad naar station",
            False,
            "Fietspad onverlicht, onveilig gevoel",
            "Verlichting fietspad in begroting opnemen",
            "gemeente",
            180,
            False,
        ),
        (
            "schipsloot",
            "Schipsloot, rotonde",
            True,
            "Rotonde goed verlicht en overzichtelijk",
            "LED-verlichting geplaatst in 2024",
            "gemeente",
        ),
        (
            "plantage",
            "Heerendeel 1",
            True,
            "Bedrijven laten buitenverlichting branden tot 23.00 uur",
            "Afspraak via de ondernemersvereniging",
            "ov",
        ),
        (
            "noord-west",
            "Vaart Noordzijde 2",
            True,
            "Zichtbaar toezicht door de beveiliger in de avond",
            "Collectieve surveillance via parkmanagement",
            "g4s",
        ),
    ],
    ("dag", 2026): [
        (
            "noord-west",
            "Vaart Noordzijde 22",
            False,
            "Leegstaand pand: ramen dichtgezet, graffiti terug",
            "Eigenaar opnieuw aanschrijven",
            "gemeente",
            60,
            True,
        ),
        (
            "schipsloot",
            "Industrieweg 30",
            False,
            "Opslag van pallets tegen de gevel (brandgevaar)",
            "Brandweer geeft voorlichting aan de ondernemer",
            "brandweer",
            30,
            False,
        ),
        (
            "plantage",
            "Plantage 15",
            False,
            "Bebording naar de bedrijven verouderd",
            "Nieuwe bewegwijzering",
            "spbw",
            150,
            False,
        ),
        (
            "schipsloot",
            "Schipsloot 4, entree",
            True,
            "Bord cameratoezicht geplaatst, entree overzichtelijk",
            "Maatregel uit het plan van aanpak uitgevoerd",
            "gemeente",
        ),
        (
            "noord-west",
            "Smidsstraat, einde",
            True,
            "Stortplek opgeruimd en afgesloten met een slagboom",
            "Samenwerking gemeente en parkmanagement",
            "spbw",
        ),
        (
            "plantage",
            "Heerendeel / Kampen",
            True,
            "Groen gesnoeid, uitrit weer overzichtelijk",
            "Snoeiplan opgenomen in het beheerplan",
            "gemeente",
        ),
    ],
    ("avond", 2026): [
        (
            "schipsloot",
            "Tjongerweg, fietspad naar station",
            False,
            "Fietspad nog onverlicht",
            "Uitvoering verlichting in 2026-Q4",
            "gemeente",
            120,
            True,
        ),
        (
            "noord-west",
            "Mr. P.J. Troelstraweg",
            False,
            "Nog steeds incidenteel overnachtende vrachtwagens",
            "Extra controles politie en boa",
            "politie",
            90,
            True,
        ),
        (
            "schipsloot",
            "Linthorst Homanstraat",
            True,
            "Alle lantaarnpalen werken weer; straat goed verlicht",
            "Storingen gemeld via de gemeente-app, binnen twee weken hersteld",
            "gemeente",
        ),
        (
            "plantage",
            "Kampen 8",
            True,
            "Bewegingsmelder bij de containers geplaatst",
            "Advies uit de schouw opgevolgd door de ondernemer",
            "ov",
        ),
        (
            "noord-west",
            "Vaart Noordzijde",
            True,
            "Beveiliger rijdt vaste avondronde, goed zichtbaar",
            "Collectief beveiligingscontract",
            "g4s",
        ),
    ],
}


def schouwen_wolvega() -> list[dict]:
    data = {
        ("dag", 2025): (
            D(2025, 3, 11),
            "voltallig",
            ["hdijkstra", "mhoekstra", "jbosma", "avisser", "rpostma", "sjansma", "pdeboer"],
        ),
        ("avond", 2025): (D(2025, 3, 19), "kleine-groep", ["hdijkstra", "jbosma", "rpostma", "pdeboer"]),
        ("dag", 2026): (
            D(2026, 3, 10),
            "voltallig",
            ["hdijkstra", "mhoekstra", "jbosma", "avisser", "rpostma", "sjansma", "pdeboer"],
        ),
        ("avond", 2026): (D(2026, 3, 24), "kleine-groep", ["hdijkstra", "avisser", "rpostma", "sjansma"]),
    }
    uit = []
    for (soort, jaar), punten in SCHOUWPUNTEN_WOLVEGA.items():
        datum, groep, aanwezigen = data[(soort, jaar)]
        ref = f"s-{soort}-{jaar}"
        schouw = {"ref": ref, "soort": soort, "datum": datum.isoformat()}
        if groep != "voltallig":
            schouw["groep"] = groep
        schouw["aanwezigen"] = aanwezigen
        schouw["punten"] = []
        for i, p in enumerate(punten, start=1):
            terrein, locatie, positief, bevinding = p[:4]
            punt = {
                "ref": f"{ref}-{i:02d}",
                "nummer": i,
                "foto": f"schouw/{ref}/{i:02d}.jpg",
                "terrein": terrein,
                "locatie": locatie,
                "positief": positief,
                "bevinding": bevinding,
            }
            if positief:
                punt["waarom_tevreden"] = bevinding
                punt["wat_nodig_was"] = p[4]
            else:
                actie, wie, dagen, terugkerend = p[4:]
                punt.update({"actie": actie, "wie": wie, "gereed_voor": (datum + dt.timedelta(days=dagen)).isoformat()})
                if terugkerend:
                    punt["terugkerend"] = True
            schouw["punten"].append(punt)
        uit.append(schouw)
    return uit


def conclusie_wolvega(themas: list[str]) -> dict:
    scores = {
        "sociale-veiligheid": (7, 7, 1, "Inbraak en diefstal zijn het grootste probleem (enquête en politiecijfers)."),
        "fysieke-veiligheid": (7, 6, 1, "Donkere plekken en een niet-werkende camera bij de entree van Schipsloot."),
        "overlast": (6, 5, 1, "Overnachtende vrachtwagens en rondhangende jongeren bij het station."),
        "onderhoud-en-beheer": (6, 4, 1, "Verloedering rond het leegstaande pand en illegale stort."),
        "verkeersveiligheid": (5, 6, 2, "Hard rijden op de Industrieweg, fietsers en vrachtverkeer door elkaar."),
        "brandveiligheid": (3, 8, 2, "Opslag tegen gevels; bereikbaarheid bij calamiteiten via één ontsluiting."),
        "calamiteit": (3, 7, 2, "Er zijn geen gezamenlijke afspraken voor een calamiteit."),
        "ondermijning": (3, 6, 3, "Signalen rond leegstaande panden; voorlichting nodig."),
        "cyberweerbaarheid": (4, 5, 3, "Kleine bedrijven vragen om voorlichting over phishing en back-ups."),
        "communicatie": (5, 4, 1, "Ondernemers buiten de vereniging bereiken we nog slecht."),
        "gebiedsontwikkelingen": (2, 4, 3, "De uitbreiding van Noord-West volgt de werkgroep."),
        "duurzaamheid": (2, 3, 3, "Zonneparken en energieopslag: aandacht voor brandveiligheid."),
    }
    prioriteiten = []
    for thema in sorted(themas, key=lambda t: -scores.get(t, (1, 1, 3, ""))[0] * scores.get(t, (1, 1, 3, ""))[1]):
        kans, ernst, jaar, toelichting = scores.get(thema, (3, 3, 3, f"{catalogus.thema_naam(thema)}: beperkt."))
        prioriteiten.append(
            {"thema": thema, "risicokans": kans, "ernst": ernst, "toelichting": toelichting, "jaar": jaar}
        )
    return {
        "prioriteiten": prioriteiten,
        "samenvatting": (
            "79 van de 180 ondernemers vulden de enquête in (44 %). Inbraak en diefstal, donkere plekken en "
            "verloedering rond leegstaande panden worden het vaakst genoemd. De politiecijfers over 2023 en 2024 "
            "bevestigen dat inbraak en diefstal vooral op Schipsloot en Noord-West voorkomen. Tijdens de avondschouw "
            "vielen defecte verlichting en overnachtende vrachtwagens op."
        ),
        "conclusie": (
            "De werkgroep geeft in het eerste jaar voorrang aan sociale en fysieke veiligheid (inbraakpreventie, "
            "verlichting, cameratoezicht bij de entrees), overlast door vrachtwagens en het onderhoud rond leegstaande "
            "panden, en aan het bereiken van alle ondernemers. Verkeers- en brandveiligheid en afspraken voor "
            "calamiteiten volgen in jaar 2; ondermijning en cyberweerbaarheid in jaar 3. De enquêteresultaten en het "
            "schouwrapport zijn als bijlagen bij deze conclusie gevoegd."
        ),
        "vastgesteld_op": "2025-04-07",
    }


def cijfers_venekoten() -> list[dict]:
    return [
        {
            "bron": "politie",
            "soort": "aangifte",
            "categorie": "Inbraak bedrijfspand",
            "periode_van": "2025-01-01",
            "periode_tot": "2025-12-31",
            "aantal": 6,
        },
        {
            "bron": "politie",
            "soort": "aangifte",
            "categorie": "Diefstal van/uit bedrijfsterrein",
            "periode_van": "2025-01-01",
            "periode_tot": "2025-12-31",
            "aantal": 9,
        },
    ]


def _alleen_gevraagd(vragen: list[dict], waarden: dict) -> dict:
    """Drop the answers to follow-ups whose base answer does not meet their condition (``x-toon_als``):
    those entrepreneurs were never asked, as on the phone (``analyse.antwoorden.past_bij``)."""
    from types import SimpleNamespace

    from analyse.antwoorden import past_bij

    per_ref = {v["ref"]: v for v in vragen}
    for v in vragen:
        voorwaarde = v.get("x-toon_als")
        if not voorwaarde or v["ref"] not in waarden:
            continue
        basis = per_ref[voorwaarde["vraag"]]
        vorm = SimpleNamespace(type=basis["type"], opties=basis.get("opties", []))
        if not past_bij(vorm, waarden.get(basis["ref"]), voorwaarde["antwoord"]):
            del waarden[v["ref"]]
    return waarden
