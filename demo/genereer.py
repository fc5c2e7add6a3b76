"""Generate the demo dossiers in this folder (deterministic; run it again to get the same files).

    .venv/bin/python demo/genereer.py

``kvo_demo`` imports the JSON files, never this script. The cluster is modelled on the real
Wolvega cluster of ``shared/seeds/003`` (three of its parks, in the municipality of
Weststellingwerf); the companies, people and addresses are made up. Heerenveen
(``genereer_historie.py``) is the group with three cycles of history. The files are written in
the canonical form of ``kvo.dossier`` (no empty optional keys), so a round trip returns them.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from pathlib import Path

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER.parent))  # the repository root, when run as a script

from analyse.standaardvragen import standaardenquete, vragen_van  # noqa: E402
from demo import genereer_aanpak as aanpak  # noqa: E402
from demo import genereer_analyse as analyse  # noqa: E402
from demo import genereer_pvo as pvo  # noqa: E402
from demo.bouwstenen import bijeenkomst, ondernemers, polygon  # noqa: E402


def wolvega() -> dict:
    rng = random.Random(3)
    gebruikt: set = set()
    terreinen = [
        {
            "ref": "schipsloot",
            "naam": "Schipsloot",
            "gemeente": "Weststellingwerf",
            "grens": polygon(5.9912, 52.8733, 0.0105, 0.0052),
            "ondernemers": ondernemers(
                rng, "s", 72, ["Schipsloot", "Linthorst Homanstraat", "Industrieweg", "Tjongerweg"], "8471", gebruikt
            ),
        },
        {
            "ref": "noord-west",
            "naam": "Noord-West",
            "gemeente": "Weststellingwerf",
            "grens": polygon(5.9705, 52.8862, 0.0121, 0.0061),
            "ondernemers": ondernemers(
                rng,
                "n",
                58,
                ["Steenhouwer", "Mr. P.J. Troelstraweg", "Vaart Noordzijde", "Smidsstraat"],
                "8472",
                gebruikt,
            ),
        },
        {
            "ref": "plantage",
            "naam": "De Plantage / Heerendeel",
            "gemeente": "Weststellingwerf",
            "grens": polygon(6.0021, 52.8618, 0.0094, 0.0048),
            "ondernemers": ondernemers(
                rng, "p", 50, ["Plantage", "Heerendeel", "Kampen", "Pim Mulierweg"], "8471", gebruikt
            ),
        },
    ]
    partijen = [
        {"ref": "spbw", "naam": "Stichting Parkmanagement Bedrijventerreinen Wolvega", "soort": "belangenbehartiger"},
        {
            "ref": "ov",
            "naam": "Ondernemersvereniging Wolvega",
            "soort": "ondernemersvereniging",
            "opgericht_op": "2025-03-12",
        },
        {"ref": "gemeente", "naam": "Gemeente Weststellingwerf", "soort": "gemeente"},
        {"ref": "politie", "naam": "Politie Noord-Nederland, basisteam De Stellingwerven", "soort": "politie"},
        {"ref": "brandweer", "naam": "Veiligheidsregio Fryslân (brandweer)", "soort": "brandweer"},
        {"ref": "g4s", "naam": "G4S Nederland", "soort": "beveiliging"},
        {"ref": "keuker", "naam": "Keuker Veiligheidszorg Ondernemingen", "soort": "procesbegeleiding"},
    ]
    leden = [
        {
            "ref": "hdijkstra",
            "naam": "Hendrik Dijkstra",
            "email": "h.dijkstra@parkmanagement-wolvega.example",
            "telefoon": "0561 612 340",
            "partij": "spbw",
            "terrein": "schipsloot",
            "rollen": ["voorzitter", "woordvoerder"],
            "lid_sinds": "2024-06-12",
        },
        {
            "ref": "mhoekstra",
            "naam": "Marieke Hoekstra",
            "email": "m.hoekstra@weststellingwerf.example",
            "telefoon": "0561 691 222",
            "partij": "gemeente",
            "rollen": ["secretaris", "contactpersoon-ci"],
            "lid_sinds": "2024-06-12",
        },
        {
            "ref": "jbosma",
            "naam": "Jelle Bosma",
            "email": "jelle@bosma-installatietechniek.example",
            "telefoon": "06 1234 5678",
            "partij": "ov",
            "terrein": "noord-west",
            "rollen": ["interne-communicatie", "app-beheerder"],
            "lid_sinds": "2024-06-12",
        },
        {
            "ref": "avisser",
            "naam": "Anouk Visser",
            "email": "anouk@visser-logistiek.example",
            "partij": "ov",
            "terrein": "plantage",
            "rollen": ["externe-communicatie"],
            "lid_sinds": "2024-09-18",
        },
        {
            "ref": "rpostma",
            "naam": "Rudi Postma",
            "email": "r.postma@politie.example",
            "telefoon": "0900 8844",
            "partij": "politie",
            "lid_sinds": "2024-06-12",
        },
        {
            "ref": "sjansma",
            "naam": "Sietske Jansma",
            "email": "s.jansma@brandweerfryslan.example",
            "partij": "brandweer",
            "lid_sinds": "2024-06-12",
        },
        {
            "ref": "pdeboer",
            "naam": "Pieter de Boer",
            "email": "p.deboer@weststellingwerf.example",
            "partij": "gemeente",
            "lid_sinds": "2024-06-12",
        },
        {
            "ref": "tkuipers",
            "naam": "Tom Kuipers",
            "email": "t.kuipers@g4s.example",
            "partij": "g4s",
            "agendalid": True,
            "lid_sinds": "2024-09-18",
        },
        {
            "ref": "wterpstra",
            "naam": "Wim Terpstra",
            "email": "w.terpstra@terpstra-transport.example",
            "partij": "ov",
            "terrein": "schipsloot",
            "lid_sinds": "2024-06-12",
            "lid_tot": "2025-06-30",
        },
    ]
    vast = ["hdijkstra", "mhoekstra", "jbosma", "rpostma", "sjansma", "pdeboer"]
    bijeenkomsten = [
        bijeenkomst(
            "b2024-08",
            dt.date(2024, 8, 26),
            [*vast, "wterpstra"],
            [
                "Kick-off KVO-B: werkwijze en planning",
                "Afbakening gebied: Schipsloot, Noord-West, De Plantage/Heerendeel",
                "Taakverdeling werkgroep",
            ],
            [
                "Het KVO-gebied bestaat uit drie bedrijventerreinen (cluster).",
                "Stichting Parkmanagement voert de regie.",
            ],
            soort="kick-off",
        ),
        bijeenkomst(
            "b2024-10",
            dt.date(2024, 10, 14),
            [*vast, "avisser", "wterpstra"],
            ["Enquête onder de ondernemers: vragenlijst en uitnodigingen", "Cijfers politie en brandweer"],
            ["De enquête loopt van 4 tot en met 29 november 2024."],
        ),
        bijeenkomst(
            "b2025-01",
            dt.date(2025, 1, 20),
            [*vast, "avisser", "tkuipers"],
            ["Resultaten enquête (respons 44 %)", "Planning dag- en avondschouw"],
            [],
        ),
        bijeenkomst(
            "b2025-04",
            dt.date(2025, 4, 7),
            [*vast, "avisser", "wterpstra"],
            ["Schouwrapport dag- en avondschouw", "Conclusie veiligheidsanalyse", "Concept plan van aanpak"],
            [
                "De conclusie van de veiligheidsanalyse en de prioritering van de thema's worden vastgesteld.",
                "Het concept van het plan van aanpak wordt besproken; de werkgroep stelt het in mei vast.",
            ],
        ),
        bijeenkomst(
            "b2025-05",
            dt.date(2025, 5, 6),
            [*vast, "avisser", "wterpstra", "tkuipers"],
            ["Plan van aanpak 2025-2027: doelstellingen en maatregelenmatrix", "Bijeenkomst voor de ondernemers"],
            [
                "Het plan van aanpak 2025-2027 wordt vastgesteld.",
                "De ondernemers horen op 12 mei in een bijeenkomst wat de werkgroep gaat doen.",
            ],
        ),
        bijeenkomst(
            "b2025-06",
            dt.date(2025, 6, 23),
            [*vast, "avisser"],
            ["Voortgang maatregelen", "Afscheid Wim Terpstra; opvolging namens OV"],
            [],
        ),
        bijeenkomst(
            "b2025-09",
            dt.date(2025, 9, 15),
            [*vast, "avisser", "tkuipers"],
            ["Jaarevaluatie jaar 1", "Camerabeveiliging entree Schipsloot"],
            ["Offerte camerasysteem entree Schipsloot aanvragen."],
        ),
        bijeenkomst("b2025-12", dt.date(2025, 12, 8), vast, ["Voortgang maatregelen", "Cijfers politie 2025"], []),
        bijeenkomst(
            "b2026-03",
            dt.date(2026, 3, 16),
            [*vast, "avisser"],
            ["Dagschouw en avondschouw 2026", "Communicatie naar de ondernemers"],
            [],
        ),
        bijeenkomst(
            "b2026-06",
            dt.date(2026, 6, 22),
            [*vast, "avisser", "tkuipers"],
            ["Voortgang maatregelen", "Voorbereiding auditaanvraag"],
            ["De auditaanvraag wordt in het najaar van 2026 ingediend."],
        ),
        bijeenkomst(
            "b2026-09",
            dt.date(2026, 9, 14),
            [*vast, "avisser"],
            ["Jaarevaluatie jaar 2", "Documentenset voor de certificatie-instelling"],
            [],
        ),
        bijeenkomst(
            "b2026-11",
            dt.date(2026, 11, 9),
            vast,
            ["Planning audit", "Rondgang bedrijventerreinen met de certificatie-instelling"],
            [],
        ),
    ]
    communicatie = [
        {
            "datum": "2024-09-02",
            "onderwerp": "Start KVO-B op de bedrijventerreinen van Wolvega",
            "kanaal": "nieuwsbrief",
        },
        {"datum": "2024-11-04", "onderwerp": "Vul de veiligheidsenquête in", "kanaal": "e-mail en brief"},
        {"datum": "2025-02-10", "onderwerp": "Uitkomsten van de enquête", "kanaal": "nieuwsbrief"},
        {
            "datum": "2025-05-12",
            "onderwerp": "Plan van aanpak vastgesteld: dit gaan we doen",
            "kanaal": "bijeenkomst",
            "alle_ondernemers": False,
        },
        {
            "datum": "2025-06-02",
            "onderwerp": "Plan van aanpak en WhatsApp-groep per bedrijventerrein",
            "kanaal": "nieuwsbrief",
        },
        {"datum": "2025-10-06", "onderwerp": "Inbraakpreventie in de donkere maanden", "kanaal": "nieuwsbrief"},
        {"datum": "2026-02-09", "onderwerp": "Nieuwe verlichting Linthorst Homanstraat", "kanaal": "nieuwsbrief"},
        {"datum": "2026-06-29", "onderwerp": "Zomeractie: let op bij afwezigheid", "kanaal": "WhatsApp en e-mail"},
        {"datum": "2026-10-12", "onderwerp": "Op weg naar het keurmerk: audit op 12 november", "kanaal": "nieuwsbrief"},
    ]
    documenten = documenten_wolvega()
    d = {
        "schema": "kvo-dossier/1",
        "x-demo": "Gegenereerd door demo/genereer.py; gebaseerd op het KVO-B-cluster Wolvega.",
        "werkgroep": {
            "naam": "KVO Bedrijventerreinen Wolvega",
            "slug": "wolvega",
            "gestart_op": "2024-06-12",
            "gemeente": "Weststellingwerf",
            "correspondentieadres": {
                "naam": "Stichting Parkmanagement Bedrijventerreinen Wolvega",
                "straat": "Schipsloot 12",
                "postcode": "8471 ZH",
                "plaats": "Wolvega",
            },
            "regie_organisatie": "Stichting Parkmanagement Bedrijventerreinen Wolvega",
            "afspraken": {
                "vastgesteld_op": "2024-10-14",
                "bijeenkomsten_per_jaar": 4,
                "wijziging_samenstelling": "Nieuwe leden treden toe na instemming van de werkgroep; een partij "
                "meldt een vervanger bij de secretaris.",
                "wijziging_gebied": "Een wijziging van het gebied wordt met de certificatie-instelling afgestemd.",
                "besluitvorming": "Besluiten bij meerderheid van de aanwezige partijen; elke partij één stem.",
                "communicatie": "Nieuwsbrief per kwartaal en een WhatsApp-groep per bedrijventerrein.",
                "financien": "Stichting Parkmanagement beheert het budget; de gemeente draagt bij via de "
                "subsidieregeling bedrijventerreinen.",
                "bewaartermijn_jaren": 7,
                "communicatie_app": True,
                "relatie_ondernemersvereniging": "De ondernemersvereniging vaardigt twee leden af.",
            },
            "intentieverklaring_op": "2024-06-12",
        },
        "terreinen": terreinen,
        "aangrenzende_locaties": [
            {"naam": "Station Wolvega", "soort": "station", "grens": polygon(5.9878, 52.8788, 0.002, 0.0012)},
            {"naam": "Sportpark Molenhoek", "soort": "sportpark"},
        ],
        "partijen": partijen,
        "leden": leden,
        "bijeenkomsten": bijeenkomsten,
        "communicatie": communicatie,
        "documenten": documenten,
        "cycli": [wolvega_cyclus(rng, terreinen, partijen, bijeenkomsten)],
    }
    d["cycli"][0]["audit"] = audit_wolvega(leden)
    return d


def documenten_wolvega() -> list[dict]:
    """The archive (§3.6): the letter of intent (§3.5), the agreements, the analysis, the plan, the
    inspection report and the first evaluation; two of them with a superseded first version. The
    files are small text files made by ``demo.fotos.demo_bestanden``."""

    def document(ref, titel, soort, versies, bewaren_tot):
        return {
            "ref": ref,
            "titel": titel,
            "soort": soort,
            "bewaren_tot": bewaren_tot,
            "versies": [
                {"versie": i + 1, "bestand": f"documenten/{ref}/v{i + 1}/{ref}-v{i + 1}.txt", "geupload_op": op,
                 **({"toelichting": toelichting} if toelichting else {})}
                for i, (op, toelichting) in enumerate(versies)
            ],
        }  # fmt: skip

    return [
        document("intentie", "Intentieverklaring KVO Bedrijventerreinen Wolvega", "intentieverklaring",
                 [("2024-06-12", "Getekend door gemeente, politie, brandweer en ondernemersvereniging")], "2031-06-12"),
        document("afspraken", "Samenwerkingsafspraken KVO-werkgroep", "samenwerkingsafspraken",
                 [("2024-10-14", ""), ("2025-10-13", "Bijgewerkt na de jaarevaluatie: communicatie per app-groep")],
                 "2032-10-13"),
        document("va-2024", "Veiligheidsanalyse 2024", "veiligheidsanalyse", [("2025-04-14", "")], "2032-04-14"),
        document("pva", "Plan van aanpak 2025–2027", "plan van aanpak",
                 [("2025-05-12", ""), ("2025-09-22", "Cameramaatregel Noord-West vervallen; matrix aangepast")],
                 "2032-09-22"),
        document("schouw-2025", "Schouwrapport dag- en avondschouw 2025", "schouwrapport", [("2025-04-01", "")],
                 "2032-04-01"),
        document("evaluatie-1", "Jaarevaluatie jaar 1", "evaluatieverslag", [("2025-09-29", "")], "2032-09-29"),
    ]  # fmt: skip


def audit_wolvega(leden: list[dict]) -> dict:
    """The first audit (12 November 2026): the document set delivered 17 days before, everyone
    present, the report within a week, one deviation whose supplement is still running."""
    datum = "2026-11-12"
    aanwezig = [
        lid["ref"]
        for lid in leden
        if not lid.get("agendalid") and lid.get("lid_sinds", "") <= datum and lid.get("lid_tot", "9999") >= datum
    ]
    return {
        "contactpersoon": "mhoekstra",
        "certificatie_instelling": {"naam": "Certificatie-instelling Noord B.V.", "straat": "Zuiderzeestraat 18",
                                    "postcode": "8441 AA", "plaats": "Heerenveen"},
        "auditor": "Bram Lammers",
        "aangevraagd_op": "2026-06-22",
        "datum": datum,
        "geplande_uren": 11,
        "documentenset_aangeleverd_op": "2026-10-26",
        "aanwezigen": sorted(aanwezig),
        "rapport_ontvangen_op": "2026-11-19",
        "afwijkingen": [
            {
                "omschrijving": "Van twee lopende maatregelen (alarmopvolging, parkeerverbod vrachtwagens) is de "
                "voortgang niet in de notulen van 2025 vastgelegd; lever de aangevulde notulen of "
                "voortgangsverslagen aan.",
                "vastgesteld_op": datum,
            }
        ],
        "besluit": "aanvullingen",
        "besluit_op": "2026-11-19",
    }  # fmt: skip


def wolvega_cyclus(rng: random.Random, terreinen: list[dict], partijen: list[dict], bijeenkomsten: list[dict]) -> dict:
    """The first cycle of Wolvega with its finished safety analysis (see genereer_analyse), its
    adopted plan of approach and the evaluation of year 1 (see genereer_aanpak)."""
    vragen = standaardenquete()
    for blok in (4, 13, 26):
        vragen += [{"ref": f"b{blok:02d}-{i}", **v.als_dict(blok)} for i, v in enumerate(vragen_van(blok), start=1)]
    vragen.append(
        {
            "ref": "eigen-1",
            "thema": "eigen:Parkmanagement",
            "tekst": "In hoeverre bent u tevreden over het parkmanagement van de bedrijventerreinen?",
            "type": "schaal",
        }
    )
    enquete = analyse.enquete(
        rng,
        terreinen,
        vragen,
        titel="Veiligheidsenquête bedrijventerreinen Wolvega 2024",
        inleiding="De KVO-werkgroep wil weten hoe u de veiligheid op uw bedrijventerrein ervaart. "
        "Het invullen duurt ongeveer tien minuten.",
        geopend=dt.date(2024, 11, 4),
        sluit=dt.date(2024, 11, 29),
        herinnering_dagen=[7, 14],
        herinneringen_verstuurd=2,
        respons={"schipsloot": 31, "noord-west": 26, "plantage": 22},
        geneigdheid={"schipsloot": 0.7, "noord-west": 0.6, "plantage": 0.3},
    )
    # the feeling of safety per park, as the figures tell it: Noord-West least safe, De Plantage most
    analyse.veiligheidsgevoel(enquete, {"schipsloot": 0.52, "noord-west": 0.35, "plantage": 0.73}, "wolvega")
    enquete["eigen_themas"] = ["Parkmanagement"]
    themas = sorted({v["thema"] for v in vragen}, key=lambda t: (t.startswith("eigen:"), t))
    cyclus = {
        "nummer": 1,
        "soort": "eerste",
        "start": "2024-08-26",
        "enquete": enquete,
        "cijfers": analyse.cijfers_wolvega(),
        "schouwen": analyse.schouwen_wolvega(),
        "analyse": analyse.conclusie_wolvega(themas),
        "x-analyse-bijeenkomst": "b2025-04",  # the meeting that adopted the conclusion
    }
    cyclus["plan"] = aanpak.plan_wolvega(cyclus, partijen, bijeenkomsten)
    evaluaties = aanpak.evaluaties_wolvega(cyclus)
    if evaluaties:
        cyclus["evaluaties"] = evaluaties
    return cyclus


def venekoten() -> dict:
    rng = random.Random(7)
    terreinen = [
        {
            "ref": "venekoten",
            "naam": "Venekoten",
            "gemeente": "Ooststellingwerf",
            "grens": polygon(6.2801, 52.9862, 0.0132, 0.0071),
            "ondernemers": ondernemers(
                rng, "v", 64, ["Venekoterweg", "Ambachtsweg", "Handelsweg", "Nijverheidsweg"], "8431", set()
            ),
        }
    ]
    enquete = analyse.enquete(
        rng,
        terreinen,
        standaardenquete(),
        titel="Veiligheidsenquête Venekoten 2026",
        inleiding="Hoe veilig is Venekoten volgens u? Uw antwoorden helpen de werkgroep kiezen wat eerst moet.",
        geopend=dt.date(2026, 10, 1),
        sluit=dt.date(2027, 1, 29),  # open for a while after the demo's today, so the demo stays "in progress"
        herinnering_dagen=[14, 28, 55, 90],
        herinneringen_verstuurd=2,
        respons={"venekoten": 17},
        geneigdheid={"venekoten": 0.4},
    )
    return {
        "schema": "kvo-dossier/1",
        "werkgroep": {
            "naam": "KVO Bedrijventerrein Venekoten",
            "slug": "venekoten",
            "gestart_op": "2026-05-20",
            "gemeente": "Ooststellingwerf",
            "correspondentieadres": {
                "naam": "Ondernemersvereniging Venekoten",
                "straat": "Venekoterweg 40",
                "postcode": "8431 HK",
                "plaats": "Oosterwolde",
            },
        },
        "terreinen": terreinen,
        "partijen": [
            {"ref": "ov", "naam": "Ondernemersvereniging Venekoten", "soort": "ondernemersvereniging"},
            {"ref": "gemeente", "naam": "Gemeente Ooststellingwerf", "soort": "gemeente"},
            {"ref": "politie", "naam": "Politie Noord-Nederland, basisteam De Stellingwerven", "soort": "politie"},
            {"ref": "brandweer", "naam": "Veiligheidsregio Fryslân (brandweer)", "soort": "brandweer"},
        ],
        "leden": [
            {
                "ref": "gwiersma",
                "naam": "Gerrit Wiersma",
                "email": "g.wiersma@wiersma-metaal.example",
                "telefoon": "0516 512 800",
                "partij": "ov",
                "rollen": ["voorzitter"],
                "lid_sinds": "2026-05-20",
            },
            {
                "ref": "lnauta",
                "naam": "Lieke Nauta",
                "email": "l.nauta@ooststellingwerf.example",
                "partij": "gemeente",
                "rollen": ["secretaris"],
                "lid_sinds": "2026-05-20",
            },
            {
                "ref": "kbergsma",
                "naam": "Klaas Bergsma",
                "email": "k.bergsma@politie.example",
                "partij": "politie",
                "lid_sinds": "2026-05-20",
            },
            {
                "ref": "efeenstra",
                "naam": "Esther Feenstra",
                "email": "e.feenstra@brandweerfryslan.example",
                "partij": "brandweer",
                "lid_sinds": "2026-05-20",
            },
            {
                "ref": "dkooistra",
                "naam": "Douwe Kooistra",
                "email": "d.kooistra@kooistra-bouw.example",
                "partij": "ov",
                "rollen": ["interne-communicatie"],
                "lid_sinds": "2026-06-10",
            },
        ],
        "bijeenkomsten": [
            bijeenkomst(
                "b2026-05",
                dt.date(2026, 5, 20),
                ["gwiersma", "lnauta", "kbergsma", "efeenstra"],
                ["Kick-off KVO-B Venekoten", "Afbakening van het gebied"],
                ["Het KVO-gebied is bedrijventerrein Venekoten."],
                soort="kick-off",
            ),
            bijeenkomst(
                "b2026-07",
                dt.date(2026, 7, 8),
                ["gwiersma", "lnauta", "kbergsma", "efeenstra", "dkooistra"],
                ["Vragenlijst van de enquête", "Ondernemersregister bijwerken"],
                [],
            ),
            bijeenkomst(
                "b2026-10",
                dt.date(2026, 10, 7),
                ["gwiersma", "lnauta", "efeenstra", "dkooistra"],
                ["Tussenstand respons enquête", "Herinnering aan ondernemers die nog niet antwoordden"],
                ["De enquête loopt tot en met 30 november 2026."],
            ),
        ],
        "communicatie": [
            {
                "datum": "2026-06-01",
                "onderwerp": "Venekoten start met het Keurmerk Veilig Ondernemen",
                "kanaal": "nieuwsbrief",
            },
            {"datum": "2026-10-14", "onderwerp": "Herinnering: vul de veiligheidsenquête in", "kanaal": "e-mail"},
        ],
        "cycli": [
            {
                "nummer": 1,
                "soort": "eerste",
                "start": "2026-05-20",
                "enquete": enquete,
                "cijfers": analyse.cijfers_venekoten(),
            }
        ],
    }


def main() -> None:
    from demo import genereer_historie as historie  # it builds on the province generator, which imports this module

    for naam, dossier in (
        ("wolvega", wolvega()),
        ("venekoten", venekoten()),
        (pvo.SLUG, pvo.twentekanaal(analyse.enquete)),  # PVO Veilig Bedrijventerrein (issue 23)
        (historie.SLUG, historie.heerenveen(aanpak.VANDAAG)),  # three cycles of history (issue 28)
    ):
        pad = HIER / f"{naam}.json"
        pad.write_text(json.dumps(dossier, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"{pad}: {sum(len(t['ondernemers']) for t in dossier['terreinen'])} ondernemers")


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kvo.settings")
    django.setup()  # genereer_aanpak reads the fixed yearly measures from aanpak.services.plan
    main()
