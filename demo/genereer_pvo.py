"""The demo's PVO group (issue 23), called by ``genereer.py``; deterministic.

A park in Oost-Nederland in the first year of PVO's *Proces Veilig Bedrijventerrein*
(``shared/handboek/pvo.md``), as of the demo's "today" (25 November 2026): the municipality held the
kick-off in February, the survey (announced by the mayor's letter) closed in April, the stakeholders
presented their area scans with the survey's results in May, the execution plan and the activity
calendar were adopted in June, and the waardering is planned for January 2027. It is facilitated by a
second facilitating organisation, so the portfolio shows both schemes.

The park, companies and people are made up. PVO's own records travel under ``x-`` keys until the
dossier format's next version (``kvo.dossier``, issue 23).
"""

from __future__ import annotations

import datetime as dt
import random
import string

from analyse.standaardvragen import standaardenquete
from demo.bouwstenen import bijeenkomst

D = dt.date
SLUG = "twentekanaal"
KICKOFF = D(2026, 2, 10)
PRESENTATIE = D(2026, 5, 19)
PLAN = D(2026, 6, 23)
WAARDERING = D(2027, 1, 26)

ACHTERNAMEN = [
    "Oude Kotte",
    "Ten Brinke",
    "Nijhuis",
    "Brookhuis",
    "Olthof",
    "Lansink",
    "Wolters",
    "Scholten",
    "Kamphuis",
    "Hofste",
    "Pots",
    "Ter Haar",
    "Veldhuis",
    "Bolscher",
    "Geerdink",
    "Leferink",
    "Morsink",
    "Wessels",
    "Huisken",
    "Oosterveld",
    "Stokkers",
    "Kroeze",
    "Haverkate",
    "Ruiterkamp",
    "Tijhuis",
]
BRANCHES = [
    "Metaalbewerking {n}",
    "{n} Transport B.V.",
    "Installatiebedrijf {n}",
    "{n} Verpakkingen",
    "Machinefabriek {n}",
    "{n} Bouw & Onderhoud",
    "Groothandel {n}",
    "{n} Logistiek",
    "Autoservice {n}",
    "{n} Kunststoffen",
    "Elektrotechniek {n}",
    "{n} Recycling",
    "Drukkerij {n}",
    "{n} Staalbouw",
]
STRATEN = ["Kanaalweg", "Havenstraat", "Twentekanaalweg", "Industriestraat", "Overslagweg"]


def _ondernemers(rng: random.Random, aantal: int) -> list[dict]:
    uit, gebruikt = [], set()
    for i in range(aantal):
        while (naam := rng.choice(BRANCHES).format(n=rng.choice(ACHTERNAMEN))) in gebruikt:
            pass
        gebruikt.add(naam)
        nummer = str(rng.randint(1, 90))
        slug = "".join(c for c in naam.lower() if c in string.ascii_lowercase)[:22]
        item = {
            "ref": f"t{i + 1:03d}",
            "naam": naam,
            "adres": f"{rng.choice(STRATEN)} {nummer}",
            "postcode": f"7554 {rng.choice(['PA', 'PB', 'PC', 'PD', 'RA', 'RB'])}",
            "huisnummer": nummer,
        }
        if rng.random() < 0.9:
            item["email"] = f"info@{slug}.example"
        if rng.random() < 0.8:
            item["lid_ondernemersvereniging"] = rng.random() < 0.55
        uit.append(item)
    return uit


def _bijeenkomst(ref, datum, aanwezigen, onderwerpen, besluiten, *, soort="werkgroep", x_soort=None, door=None):
    item = bijeenkomst(ref, datum, aanwezigen, onderwerpen, besluiten, soort=soort)
    if x_soort:
        item["x-soort"] = x_soort
    if door:
        item["x-georganiseerd-door"] = door
    return item


LEDEN = [
    # (ref, name, e-mail, party, roles)
    ("bwolters", "Bas Wolters", "b.wolters@wolters-metaal.example", "ov", ["voorzitter"]),
    ("mscholten", "Monique Scholten", "m.scholten@ovtwentekanaal.example", "ov", ["secretaris"]),
    ("jnijhuis", "Jeroen Nijhuis", "j.nijhuis@hengelo.example", "gemeente", []),
    ("aolthof", "Anouk Olthof", "a.olthof@politie.example", "politie", []),
    ("rlansink", "Rik Lansink", "r.lansink@vrtwente.example", "brandweer", []),
    ("ekamphuis", "Esther Kamphuis", "e.kamphuis@odtwente.example", "omgevingsdienst", []),
    ("pbrookhuis", "Paul Brookhuis", "p.brookhuis@pvo-oost.example", "pvo", []),
]
IEDEREEN = [lid[0] for lid in LEDEN]


def twentekanaal(enquete_maken) -> dict:
    rng = random.Random(11)
    terreinen = [
        {
            "ref": "twentekanaal",
            "naam": "Twentekanaal-Oost",
            "gemeente": "Hengelo",
            "grens": {
                "type": "Polygon",
                "coordinates": [
                    [[6.7702, 52.2418], [6.7871, 52.2409], [6.7893, 52.2466], [6.7745, 52.2489], [6.7702, 52.2418]]
                ],
            },
            "ondernemers": _ondernemers(rng, 48),
            "x-postcodes": [
                {"postcode": "7554 PA", "huisnummers": "1-60"},
                {"postcode": "7554 PB", "huisnummers": "2-48 (even)"},
                {"postcode": "7554 PC", "huisnummers": "1-35"},
                {"postcode": "7554 PD", "huisnummers": "1-22"},
                {"postcode": "7554 RA", "huisnummers": "1-90"},
                {"postcode": "7554 RB", "huisnummers": "3-41"},
            ],
        }
    ]
    bijeenkomsten = [
        _bijeenkomst(
            "b2026-02",
            KICKOFF,
            IEDEREEN,
            ["Kennismaking en rol van PVO Oost-Nederland", "Afbakening van het gebied", "Stappen tot de waardering"],
            [
                "De samenwerking Veilig Bedrijventerrein Twentekanaal-Oost is gestart.",
                "De gemeente zet 8 uur per maand van de coördinator OOV in.",
            ],
            soort="kick-off",
            door="gemeente",
        ),
        _bijeenkomst(
            "b2026-03",
            D(2026, 3, 17),
            IEDEREEN[:6],
            ["Postcodes en huisnummers voor de politiecijfers", "Brief van de burgemeester en de enquête"],
            ["De enquête loopt van 23 maart tot en met 17 april."],
        ),
        _bijeenkomst(
            "b2026-04",
            D(2026, 4, 21),
            ["bwolters", "mscholten", "jnijhuis", "aolthof", "pbrookhuis"],
            ["Respons van de enquête", "Voorbereiding gebiedsscan per stakeholder"],
            [],
        ),
        _bijeenkomst(
            "b2026-05",
            PRESENTATIE,
            IEDEREEN,
            [
                "Resultaten van de enquête (PVO Oost-Nederland)",
                "Gebiedsscan: de top 3 van elke stakeholder",
                "Introductie van het uitvoeringsplan",
            ],
            ["Thema's voor het uitvoeringsplan: afvaldumpingen, inbraak en meldingsbereidheid."],
            soort="overig",
            x_soort="presentatie",
        ),
        _bijeenkomst(
            "b2026-06",
            PLAN,
            IEDEREEN,
            ["Vaststellen uitvoeringsplan 2026-2028", "Vaststellen activiteitenkalender", "Verdeling van de rollen"],
            ["Het uitvoeringsplan en de activiteitenkalender zijn vastgesteld."],
        ),
        _bijeenkomst(
            "b2026-09",
            D(2026, 9, 15),
            IEDEREEN[:6],
            ["Voortgang acties derde kwartaal", "Voorlichting publieke partijen"],
            [],
        ),
        _bijeenkomst(
            "b2026-11",
            D(2026, 11, 10),
            ["bwolters", "mscholten", "jnijhuis", "aolthof", "rlansink", "pbrookhuis"],
            ["Alertavond voor ondernemers", "Voorbereiding van de waardering in januari"],
            ["De waardering is op 26 januari 2027 in het gemeentehuis."],
        ),
    ]
    enquete = enquete_maken(
        rng,
        terreinen,
        standaardenquete(),
        titel="Enquête Veilig Bedrijventerrein Twentekanaal-Oost 2026",
        inleiding="De gemeente Hengelo, de politie en de ondernemersvereniging willen weten hoe u de veiligheid "
        "op Twentekanaal-Oost ervaart. Het invullen duurt ongeveer tien minuten.",
        geopend=D(2026, 3, 23),
        sluit=D(2026, 4, 17),
        herinnering_dagen=[7, 14],
        herinneringen_verstuurd=2,
        respons={"twentekanaal": 21},
        geneigdheid={"twentekanaal": 0.55},
    )
    enquete["x-pvo"] = {
        "brief_namens": "gemeente",
        "brief_ondertekenaar": "de burgemeester van Hengelo",
        "resultaten_gepresenteerd_op": PRESENTATIE.isoformat(),
        "resultaten_gepresenteerd_in": "b2026-05",
    }
    return {
        "schema": "kvo-dossier/1",
        "handboek": "PVO Veilig Bedrijventerrein",
        "werkgroep": {
            "naam": "Veilig Bedrijventerrein Twentekanaal-Oost",
            "slug": SLUG,
            "gestart_op": KICKOFF.isoformat(),
            "gemeente": "Hengelo",
            "correspondentieadres": {
                "naam": "Ondernemersvereniging Twentekanaal",
                "straat": "Havenstraat 12",
                "postcode": "7554 PA",
                "plaats": "Hengelo",
            },
            "x-geen-intentieverklaring": True,
        },
        "terreinen": terreinen,
        "partijen": [
            {"ref": "ov", "naam": "Ondernemersvereniging Twentekanaal", "soort": "ondernemersvereniging"},
            {
                "ref": "gemeente",
                "naam": "Gemeente Hengelo",
                "soort": "gemeente",
                "x-toegezegde-capaciteit": "8 uur per maand van de coördinator openbare orde en veiligheid",
                "x-capaciteit-toegezegd-op": KICKOFF.isoformat(),
            },
            {"ref": "politie", "naam": "Politie Oost-Nederland, basisteam Hengelo", "soort": "politie"},
            {"ref": "brandweer", "naam": "Veiligheidsregio Twente (brandweer)", "soort": "brandweer"},
            {"ref": "omgevingsdienst", "naam": "Omgevingsdienst Twente", "soort": "overig"},
            {"ref": "pvo", "naam": "PVO Oost-Nederland", "soort": "procesbegeleiding"},
        ],
        "leden": [
            {
                "ref": ref,
                "naam": naam,
                "email": email,
                "partij": partij,
                **({"rollen": rollen} if rollen else {}),
                "lid_sinds": KICKOFF.isoformat(),
            }
            for ref, naam, email, partij, rollen in LEDEN
        ],
        "bijeenkomsten": bijeenkomsten,
        "communicatie": [
            {
                "datum": "2026-03-23",
                "onderwerp": "Brief van de burgemeester: doe mee aan de enquête",
                "kanaal": "brief en e-mail",
                "x-soort": "enquete",
            },
            {
                "datum": "2026-06-02",
                "onderwerp": "Zo veilig is Twentekanaal-Oost: de resultaten van de enquête",
                "kanaal": "nieuwsbrief",
                "x-soort": "enquete-resultaten",
            },
            {
                "datum": "2026-09-29",
                "onderwerp": "Meldwijzer: wat meldt u waar?",
                "kanaal": "flyer en nieuwsbrief",
                "x-soort": "meldwijzer",
            },
        ],
        "cycli": [
            {
                "nummer": 1,
                "soort": "eerste",
                "start": KICKOFF.isoformat(),
                "enquete": enquete,
                "cijfers": _cijfers(),
                "plan": _plan(),
                "x-gebiedsscans": _gebiedsscans(),
                "x-waardering": {
                    "gepland_op": WAARDERING.isoformat(),
                    "ondertekenaars": [
                        {"partij": "gemeente", "naam": "S. ten Brinke", "functie": "burgemeester"},
                        {"partij": "politie", "naam": "A. Geerdink", "functie": "teamchef basisteam Hengelo"},
                        {"partij": "ov", "naam": "Bas Wolters", "functie": "voorzitter"},
                        {"partij": "brandweer", "naam": "H. Kroeze", "functie": "clustercommandant"},
                        {"partij": "omgevingsdienst", "naam": "L. Haverkate", "functie": "directeur"},
                    ],
                },
            }
        ],
    }


def _cijfers() -> list[dict]:
    jaar = {"periode_van": "2025-01-01", "periode_tot": "2025-12-31"}
    return [
        {"bron": "politie", "soort": "aangifte", "categorie": "Inbraak bedrijfspand", "aantal": 7, **jaar},
        {"bron": "politie", "soort": "aangifte", "categorie": "Diefstal van/uit bedrijfsterrein", "aantal": 11, **jaar},
        {"bron": "politie", "soort": "melding", "categorie": "Overlast jongeren (crossen)", "aantal": 9, **jaar},
        {
            "bron": "gemeente",
            "soort": "melding",
            "categorie": "MOR: afvaldumping",
            "aantal": 23,
            **jaar,
            "x-herkomst": "mor",
        },
        {
            "bron": "gemeente",
            "soort": "melding",
            "categorie": "MOR: kapotte verlichting",
            "aantal": 8,
            **jaar,
            "x-herkomst": "mor",
        },
        {
            "bron": "gemeente",
            "soort": "melding",
            "categorie": "MOR: vernieling groen",
            "aantal": 5,
            **jaar,
            "x-herkomst": "mor",
        },
        {"bron": "brandweer", "soort": "incident", "categorie": "Buitenbrand (afval)", "aantal": 4, **jaar},
    ]


def _gebiedsscans() -> list[dict]:
    return [
        {
            "partij": "gemeente",
            "fenomenen": ["Afvaldumpingen", "Kapotte verlichting", "Leegstand"],
            "bijeenkomst": "b2026-05",
        },
        {
            "partij": "politie",
            "fenomenen": ["Inbraak in bedrijfspanden", "Crossen", "Afvaldumpingen"],
            "bijeenkomst": "b2026-05",
        },
        {
            "partij": "ov",
            "fenomenen": ["Afvaldumpingen", "Diefstal van materiaal", "Slechte verlichting"],
            "bijeenkomst": "b2026-05",
        },
        {
            "partij": "brandweer",
            "fenomenen": ["Buitenbranden van afval", "Bereikbaarheid", "Opslag gevaarlijke stoffen"],
            "bijeenkomst": "b2026-05",
        },
        {
            "partij": "omgevingsdienst",
            "fenomenen": ["Gevaarlijk afval", "Stankoverlast", "Illegale opslag"],
            "toelichting": "Uit de toezichtsbezoeken van 2025.",
            "bijeenkomst": "b2026-05",
        },
    ]


def _doel(ref, thema, titel, meetbaar, nulmeting=None, streefwaarde=None) -> dict:
    d = {
        "ref": ref,
        "thema": f"eigen:{thema}",
        "titel": titel,
        "specifiek": titel,
        "meetbaar": meetbaar,
        "tijdgebonden": "2028-06-30",
    }
    if nulmeting is not None:
        d.update(norm="aantal", nulmeting=nulmeting, streefwaarde=streefwaarde)
    else:
        d["norm"] = "eenmalig"
    return d


def _plan() -> dict:
    integrale: list[str] = []  # the joint actions (x-pvo "integraal")

    def m(ref, titel, partij, kwartalen, *, doel, status="gepland", integraal=False, uitgevoerd_op=None):
        item = {
            "ref": ref,
            "titel": titel,
            "soort": "regulier",
            "doelstelling": doel,
            "verantwoordelijke": partij,
            "kwartalen": kwartalen,
            "status": status,
            "benodigde_tijd": "een dagdeel per kwartaal",
            "deskundigheid": "intern",
        }
        if integraal:
            integrale.append(ref)
        if uitgevoerd_op:
            item["uitgevoerd_op"] = uitgevoerd_op
        return item

    plan = {
        "vastgesteld_op": PLAN.isoformat(),
        "vastgesteld_in": "b2026-06",
        "doelstellingen": [
            _doel(
                "d-schoon",
                "schoon",
                "Minder afvaldumpingen op het terrein",
                "MOR-meldingen van afvaldumping per jaar",
                23,
                12,
            ),
            _doel(
                "d-heel",
                "heel",
                "Verlichting en groen zijn heel",
                "Meldingen van kapotte verlichting en vernieling",
                13,
                6,
            ),
            _doel("d-veilig", "veilig", "Minder inbraken in bedrijfspanden", "Aangiften van inbraak per jaar", 7, 4),
            _doel(
                "d-melden",
                "meldingsbereidheid",
                "Ondernemers weten wat zij waar melden",
                "Een meldwijzer bij alle ondernemers en een alertavond",
            ),
        ],
        "maatregelen": [
            m(
                "m1",
                "Cameratoezicht bij de afvalhotspots aan de Kanaalweg",
                "gemeente",
                ["2026-Q3", "2026-Q4"],
                doel="d-schoon",
                status="lopend",
            ),
            m("m2", "Extra ophaalronde grofvuil voor ondernemers", "gemeente", ["2027-Q1", "2027-Q3"], doel="d-schoon"),
            m(
                "m3",
                "Verlichting Havenstraat en Overslagweg herstellen",
                "gemeente",
                ["2026-Q4"],
                doel="d-heel",
                status="uitgevoerd",
                uitgevoerd_op="2026-11-02",
            ),
            m(
                "m4",
                "Surveillance in de avond en het weekend",
                "politie",
                ["2026-Q3", "2026-Q4", "2027-Q1", "2027-Q2"],
                doel="d-veilig",
                status="lopend",
            ),
            m(
                "m5",
                "Aangiftebereidheid: spreekuur wijkagent bij de ondernemersvereniging",
                "politie",
                ["2027-Q2", "2027-Q4"],
                doel="d-melden",
            ),
            m(
                "m6",
                "Meldwijzer verspreiden onder alle ondernemers",
                "ov",
                ["2026-Q3"],
                doel="d-melden",
                status="uitgevoerd",
                uitgevoerd_op="2026-09-29",
            ),
            m(
                "m7",
                "WhatsApp-groep met de ondernemers van elke straat",
                "ov",
                ["2026-Q4", "2027-Q1"],
                doel="d-melden",
                status="lopend",
            ),
            m("m8", "Brandveiligheidscontrole bij opslag van afval", "brandweer", ["2027-Q2"], doel="d-schoon"),
            m(
                "m9",
                "Integrale controle van bedrijfspanden",
                "gemeente",
                ["2027-Q1", "2028-Q1"],
                doel="d-veilig",
                integraal=True,
            ),
            m(
                "m10",
                "Toezicht op opslag van gevaarlijke stoffen",
                "omgevingsdienst",
                ["2026-Q4", "2027-Q4"],
                doel="d-schoon",
                status="lopend",
            ),
        ],
        "x-pvo": {
            "rolverdeling": "Voorzitter en secretaris: de ondernemersvereniging. Gemeente: coördinatie en MOR. "
            "Politie: wijkagent en cijfers. Brandweer en omgevingsdienst: controles. PVO Oost-Nederland: advies.",
            "kalender_vastgesteld_op": PLAN.isoformat(),
            "activiteiten": [
                {
                    "soort": "voorlichting-publiek",
                    "titel": "Voorlichting signaalherkenning voor handhavers en wijkagenten",
                    "gepland_op": "2026-09-15",
                    "partij": "gemeente",
                    "bijeenkomst": "b2026-09",
                },
                {
                    "soort": "communicatie",
                    "titel": "Meldwijzer in de nieuwsbrief",
                    "gepland_op": "2026-09-29",
                    "partij": "ov",
                    "communicatie": 2,
                },
                {
                    "soort": "voorlichting-ondernemers",
                    "titel": "Alertavond voor ondernemers",
                    "gepland_op": "2026-12-08",
                    "partij": "ov",
                },
                {
                    "soort": "voorlichting-publiek",
                    "titel": "Voorlichting interne afdelingen gemeente (vergunningen, MOR)",
                    "gepland_op": "2027-02-16",
                    "partij": "gemeente",
                },
                {
                    "soort": "communicatie",
                    "titel": "Persbericht over de waardering",
                    "gepland_op": "2027-01-27",
                    "partij": "gemeente",
                },
                {
                    "soort": "voorlichting-ondernemers",
                    "titel": "Workshop inbraakpreventie",
                    "gepland_op": "2027-04-13",
                    "partij": "politie",
                },
                {
                    "soort": "communicatie",
                    "titel": "Nieuwsbrief: een jaar Veilig Bedrijventerrein",
                    "gepland_op": "2027-06-01",
                    "partij": "ov",
                },
            ],
        },
    }
    plan["x-pvo"]["integraal"] = integrale
    return plan
