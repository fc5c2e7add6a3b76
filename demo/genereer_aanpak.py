"""The demo's plan of approach and evaluations (handbook §4.2–§4.4), called by ``genereer.py``; deterministic.

Wolvega's first cycle (26-08-2024 to 25-08-2027, quarters 2024-Q4 to 2027-Q3) has a plan adopted
on 6 May 2025 in the meeting ``b2025-05``, a month after the conclusion of the analysis: nine
SMART goals on eight themes (seven mandatory ones and the own theme "Parkmanagement" of the
survey), five of them measured by a survey block whose figure is the baseline; 26 measures over
the parties, among them every recurring inspection point that still needed action; and the fixed
yearly measures exactly as ``aanpak.services.plan.vaste_maatregelen`` makes them. Years 1 and 2
are done and evaluated (15 September 2025 and 14 September 2026, all eight questions answered, with
improvement points); year 3 is running.

The demo's "today" is 25 November 2026: no date lies after it.
"""

from __future__ import annotations

import datetime as dt

from aanpak import kwartalen
from kvo.toets import cyclus_jaren

D = dt.date
VANDAAG = D(2026, 11, 25)

VASTGESTELD_OP = D(2025, 5, 6)
VASTGESTELD_IN = "b2025-05"


def _kerncijfer(enquete: dict, blok: int) -> float:
    """The survey's figure for ``blok`` as the results page shows it (first closed question of the
    block: the share "eens of zeer eens" of a scale, the share "ja" of a yes/no question)."""
    vraag = next(v for v in enquete["vragen"] if v.get("blok") == blok and v["type"] != "open")
    return _aandeel(enquete, vraag)


def _aandeel(enquete: dict, vraag: dict) -> float:
    waarden = [a["antwoorden"][vraag["ref"]] for a in enquete["antwoorden"] if vraag["ref"] in a["antwoorden"]]
    if vraag["type"] == "schaal":
        raak = sum(1 for w in waarden if w >= 4)
    elif vraag["type"] == "ja-nee":
        raak = sum(1 for w in waarden if w is True)
    else:
        raise ValueError(f"Geen percentage voor een {vraag['type']}-vraag (blok {vraag.get('blok')})")
    return round(100 * raak / len(waarden), 1)


def _doel(ref, thema, titel, specifiek, meetbaar, acceptabel, realistisch, tijdgebonden) -> dict:
    return {
        "ref": ref,
        "thema": thema,
        "titel": titel,
        "specifiek": specifiek,
        "meetbaar": meetbaar,
        "acceptabel": acceptabel,
        "realistisch": realistisch,
        "tijdgebonden": tijdgebonden.isoformat(),
    }


def doelstellingen(enquete: dict) -> list[dict]:
    """The goals in the order of the analysis's prioritisation.

    Each goal comes with its norm and block, its baseline (True: the survey's figure for the block,
    None: none) and its target."""
    parkmanagement = next(v for v in enquete["vragen"] if v["thema"] == "eigen:Parkmanagement")
    doelen = [
        (
            _doel(
                "d-inbraak",
                "sociale-veiligheid",
                "Minder bedrijven slachtoffer van inbraak of diefstal",
                "Het aandeel bedrijven dat in de afgelopen 12 maanden slachtoffer was van (poging tot) inbraak of "
                "diefstal daalt op alle drie de bedrijventerreinen.",
                "Enquêtevraag blok 5 (slachtoffer inbraak of diefstal); nulmeting enquête november 2024, "
                "meting in de enquête van de volgende cyclus. Daarnaast de aangiften bij de politie per kwartaal.",
                "Ondernemersvereniging, parkmanagement, gemeente en politie hebben het doel in de werkgroep "
                "vastgesteld; de ondernemers dragen bij via de collectieve alarmopvolging.",
                "Met collectieve alarmopvolging, surveillance en voorlichting is een daling naar een kwart haalbaar; "
                "vergelijkbare clusters in Fryslân haalden dat binnen drie jaar.",
                D(2027, 6, 30),
            ),
            {"norm": "percentage", "blok": 5},
            True,
            25,
        ),
        (
            _doel(
                "d-verlichting",
                "fysieke-veiligheid",
                "Geen donkere plekken meer op de openbare weg",
                "Defecte en ontbrekende verlichting op de openbare weg en het fietspad naar het station wordt "
                "hersteld of aangelegd; ondernemers verlichten hun eigen terrein.",
                "Enquêtevraag blok 10 (goed verlicht in de avond en nacht) en de avondschouw: geen donkere "
                "plekken meer op de openbare weg.",
                "De gemeente is eigenaar van de openbare verlichting en heeft budget toegezegd; de "
                "ondernemersvereniging neemt de lichtscan voor eigen terreinen op zich.",
                "Het herstel van lantaarnpalen is regulier onderhoud; het fietspad staat in de begroting 2026.",
                D(2026, 12, 31),
            ),
            {"norm": "percentage", "blok": 10},
            True,
            75,
        ),
        (
            _doel(
                "d-camera",
                "fysieke-veiligheid",
                "Werkend cameratoezicht bij de entrees",
                "De entrees van Schipsloot hebben werkende camera's die zijn aangesloten op de meldkamer, met "
                "borden cameratoezicht en een protocol voor het uitlezen van de beelden.",
                "Eenmalig: camerasysteem opgeleverd, aangesloten en protocol ondertekend.",
                "Parkmanagement is opdrachtgever; gemeente en politie tekenen het protocol.",
                "Financiering via het parkmanagement en de subsidieregeling bedrijventerreinen van de gemeente.",
                D(2026, 12, 31),
            ),
            {"norm": "eenmalig"},
            None,
            None,
        ),
        (
            _doel(
                "d-vrachtwagens",
                "overlast",
                "Geen overnachtende vrachtwagens in bermen en op de rotonde",
                "Vrachtwagens overnachten niet meer in de berm van de Mr. P.J. Troelstraweg en op de rotonde "
                "van Schipsloot.",
                "Aantal overnachtende vrachtwagens geteld bij de avondschouw (nulmeting maart 2025: 6).",
                "Politie en gemeente handhaven samen; de transportbedrijven in de ondernemersvereniging steunen het.",
                "Bebording en handhaving werken op korte termijn; een truckparking is een verkenning voor later.",
                D(2027, 3, 31),
            ),
            {"norm": "aantal"},
            6,
            0,
        ),
        (
            _doel(
                "d-zwerfvuil",
                "onderhoud-en-beheer",
                "Minder zwerfvuil en illegale stort",
                "Zwerfvuil en illegale stort op de openbare weg en rond leegstaande panden nemen af.",
                "Meldingen zwerfvuil en illegale stort bij de gemeente per jaar (2024: 26).",
                "De gemeente ruimt op en handhaaft; het parkmanagement plaatst afvalbakken en laat schoonmaken.",
                "Met een vaste schoonmaakronde en handhaving bij de bekende stortplekken is een daling naar 15 "
                "meldingen per jaar haalbaar.",
                D(2027, 6, 30),
            ),
            {"norm": "aantal"},
            26,
            15,
        ),
        (
            _doel(
                "d-communicatie",
                "communicatie",
                "Alle ondernemers weten wat de werkgroep doet",
                "Ook ondernemers die geen lid zijn van de ondernemersvereniging worden bereikt met nieuwsbrief, "
                "WhatsApp-groep en een persoonlijk bezoek.",
                "Enquêtevraag blok 43 (goed op de hoogte gehouden).",
                "De ondernemersvereniging en het parkmanagement voeren dit uit; de gemeente levert een vast "
                "aanspreekpunt.",
                "De middelen bestaan al; het persoonlijke bezoek kost twee dagdelen per maand.",
                D(2027, 6, 30),
            ),
            {"norm": "percentage", "blok": 43},
            True,
            70,
        ),
        (
            _doel(
                "d-brand",
                "brandveiligheid",
                "Bedrijven met buitenopslag zijn voorgelicht over brandveiligheid",
                "Alle bedrijven met opslag van pallets of materiaal tegen de gevel krijgen een bezoek en advies van "
                "de brandweer; de bereikbaarheidskaart is actueel.",
                "Aantal bezochte bedrijven met buitenopslag (doel: 30).",
                "De brandweer voert de bezoeken uit; de ondernemersvereniging nodigt de bedrijven uit.",
                "Dertig bezoeken van een half uur passen in het jaarplan van de veiligheidsregio.",
                D(2026, 8, 25),
            ),
            {"norm": "aantal"},
            0,
            30,
        ),
        (
            _doel(
                "d-ondermijning",
                "ondermijning",
                "Ondernemers herkennen en melden signalen van ondermijning",
                "Ondernemers weten welke signalen van ondermijning er zijn (verhuur van panden, contante betalingen, "
                "afgeschermde loodsen) en hoe ze die anoniem melden.",
                "Enquêtevraag blok 40 (weet hoe ik signalen van ondermijning herken en meld).",
                "Politie, gemeente en het RIEC verzorgen de voorlichting; de werkgroep controleert leegstaande panden.",
                "Eén voorlichtingsavond en periodieke controles zijn haalbaar in het derde jaar.",
                D(2027, 8, 25),
            ),
            {"norm": "percentage", "blok": 40},
            True,
            75,
        ),
        (
            _doel(
                "d-parkmanagement",
                "eigen:Parkmanagement",
                "Meer ondernemers tevreden over het parkmanagement",
                "Ondernemers weten het parkmanagement te vinden en zijn tevreden over de dienstverlening.",
                "Eigen enquêtevraag over de tevredenheid met het parkmanagement (tevreden of zeer tevreden).",
                "Het parkmanagement heeft dit doel zelf voorgesteld.",
                "Een vast spreekuur en een jaarlijkse peiling zijn met de huidige bezetting te doen.",
                D(2027, 6, 30),
            ),
            {"norm": "percentage"},
            _aandeel(enquete, parkmanagement),
            70,
        ),
    ]
    uit = []
    for doel, x, nulmeting, streefwaarde in doelen:
        if nulmeting is True:
            nulmeting = _kerncijfer(enquete, x["blok"])
        item = {}
        for sleutel, waarde in doel.items():  # the norm and its block follow "meetbaar", as in the schema
            item[sleutel] = waarde
            if sleutel == "meetbaar":
                item.update(x)
        if nulmeting is not None:
            item["nulmeting"] = nulmeting
        if streefwaarde is not None:
            item["streefwaarde"] = streefwaarde
        if item["ref"] == "d-brand":
            item["behaald"] = True  # 31 companies advised by the end of year 2
        uit.append(item)
    return uit


def _maatregel(
    ref,
    titel,
    doel,
    soort,
    wie,
    kwartalen_,
    tijd,
    deskundigheid,
    meting,
    status="gepland",
    uitgevoerd_op=None,
    voortgang=(),
    schouwpunt=None,
    wijziging_reden=None,
):
    item = {"ref": ref, "titel": titel}
    if doel:
        item["doelstelling"] = doel
    item["soort"] = soort
    if schouwpunt:
        item["schouwpunt"] = schouwpunt
    item.update(
        {
            "verantwoordelijke": wie,
            "kwartalen": list(kwartalen_),
            "benodigde_tijd": tijd,
            "deskundigheid": deskundigheid,
            "voortgangsmeting": meting,
            "status": status,
        }
    )
    if uitgevoerd_op:
        item["uitgevoerd_op"] = uitgevoerd_op.isoformat()
    if wijziging_reden:
        item["wijziging_reden"] = wijziging_reden
    if voortgang:
        item["voortgang"] = [{"datum": d.isoformat(), "tekst": t} for d, t in voortgang]
    return item


def eigen_maatregelen() -> list[dict]:
    m = _maatregel
    return [
        # sociale veiligheid: inbraak en diefstal
        m("m-alarmopvolging", "Collectieve alarmopvolging door één beveiligingsbedrijf", "d-inbraak", "regulier",
          "spbw", ["2025-Q3", "2025-Q4"], "drie dagdelen voorbereiding", "extern",
          "Aantal aangesloten bedrijven en alarmopvolgingen per kwartaal", "uitgevoerd", D(2025, 11, 3),
          [(D(2025, 7, 14), "Offertes van drie beveiligingsbedrijven aangevraagd via het parkmanagement."),
           (D(2025, 9, 15), "De werkgroep kiest G4S; 41 bedrijven hebben zich aangemeld."),
           (D(2025, 11, 3), "Alarmopvolging gestart voor 46 aangesloten bedrijven.")]),
        m("m-voorlichting-inbraak", "Voorlichtingsavond inbraakpreventie voor ondernemers", "d-inbraak", "regulier",
          "politie", ["2025-Q4"], "een avond en twee uur voorbereiding", "intern",
          "Aantal deelnemers en evaluatieformulier", "uitgevoerd", D(2025, 10, 23),
          [(D(2025, 10, 24), "32 ondernemers aanwezig; presentatie van de wijkagent en tips voor hang- en "
                             "sluitwerk en alarmopvolging.")]),
        m("m-surveillance", "Extra surveillance politie en boa's in de avond en het weekend", "d-inbraak",
          "regulier", "politie", ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"],
          "twee uur per week", "intern", "Surveillanceverslagen en aangiften inbraak per kwartaal", "lopend", None,
          [(D(2025, 12, 8), "In het vierde kwartaal 14 avondrondes gereden; twee verdachte situaties gecontroleerd."),
           (D(2026, 6, 22), "Surveillance loopt volgens plan; 5 aangiften van inbraak in het eerste halfjaar "
                            "van 2026 (2025: 9).")]),
        m("m-beveiliger", "Vaste avondronde van de beveiliger op Noord-West en Schipsloot", "d-inbraak", "regulier",
          "g4s", ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"], "een uur per avond", "extern",
          "Rondeverslagen van de beveiliger", "uitgevoerd", D(2026, 9, 30),
          [(D(2025, 10, 6), "Avondronde gestart, gecombineerd met de alarmopvolging."),
           (D(2026, 9, 30), "Eerste jaar afgerond; de ronde gaat over in het collectieve beveiligingscontract.")]),
        # fysieke veiligheid: verlichting
        m("m-lantaarnpalen", "Defecte lantaarnpalen Linthorst Homanstraat herstellen", "d-verlichting",
          "schouwpunt", "gemeente", ["2025-Q2"], "een week (aannemer openbare verlichting)", "extern",
          "Avondschouw: alle lantaarnpalen branden", "uitgevoerd", D(2025, 5, 28),
          [(D(2025, 5, 13), "Storing gemeld bij de openbare verlichting; aannemer ingepland."),
           (D(2025, 5, 28), "Drie lantaarnpalen hersteld en 's avonds gecontroleerd.")],
          schouwpunt="s-avond-2025-01"),
        m("m-fietspad", "Verlichting fietspad Tjongerweg naar het station aanleggen", "d-verlichting", "schouwpunt",
          "gemeente", ["2026-Q2", "2026-Q3", "2026-Q4"], "ontwerp en aanleg door de gemeente", "extern",
          "Verlichting opgeleverd; controle bij de avondschouw", "lopend", None,
          [(D(2026, 3, 24), "Bij de avondschouw opnieuw als donkere plek genoemd; de gemeente neemt de verlichting "
                            "op in de begroting."),
           (D(2026, 9, 14), "Ontwerp gereed en aanleg gegund; uitvoering in november 2026.")],
          schouwpunt="s-avond-2026-01"),
        m("m-lichtscan", "Lichtscan van het eigen terrein aanbieden aan ondernemers", "d-verlichting", "regulier",
          "ov", ["2026-Q3", "2026-Q4"], "een uur per bedrijf", "extern", "Aantal uitgevoerde lichtscans", "lopend",
          None, [(D(2026, 9, 14), "Twaalf bedrijven aangemeld; de eerste scans zijn in oktober.")]),
        # fysieke veiligheid: camera's
        m("m-bord-camera", "Borden cameratoezicht plaatsen bij beide entrees van Schipsloot", "d-camera",
          "schouwpunt", "gemeente", ["2025-Q3"], "een dag", "intern", "Borden geplaatst; controle bij de dagschouw",
          "uitgevoerd", D(2025, 8, 28),
          [(D(2025, 8, 28), "Borden geplaatst bij de entrees Schipsloot en Linthorst Homanstraat.")],
          schouwpunt="s-dag-2025-01"),
        m("m-camerasysteem", "Camerasysteem entree Schipsloot vervangen en aansluiten op de meldkamer", "d-camera",
          "regulier", "spbw", ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"],
          "offertetraject en installatie", "extern", "Werkend systeem, aangesloten op de meldkamer", "lopend", None,
          [(D(2025, 10, 20), "Drie offertes aangevraagd (besluit van de werkgroep op 15 september)."),
           (D(2026, 1, 26), "Opdracht verstrekt; subsidie van de gemeente toegekend."),
           (D(2026, 6, 22), "Camera's geplaatst; de aansluiting op de meldkamer volgt in het vierde kwartaal.")]),
        m("m-cameraprotocol", "Protocol voor opslag, eigendom en uitlezen van camerabeelden", "d-camera", "regulier",
          "politie", ["2026-Q2", "2026-Q3"], "twee overleggen", "intern", "Ondertekend protocol", "uitgevoerd",
          D(2026, 7, 6),
          [(D(2026, 7, 6), "Protocol ondertekend door parkmanagement, gemeente en politie.")]),
        m("m-mobiele-camera", "Mobiele camera-unit huren voor de entree van Noord-West", "d-camera", "regulier",
          "g4s", ["2025-Q3"], "huur per maand", "extern", "Camera-unit geplaatst", "vervallen",
          wijziging_reden="Vervallen op 15-09-2025: de werkgroep kiest voor een vast camerasysteem; de huur van een "
          "mobiele unit bleek te duur voor een tijdelijke oplossing."),
        # overlast: vrachtwagens
        m("m-vrachtwagens", "Parkeerverbod vrachtwagens Mr. P.J. Troelstraweg: bebording en handhaving",
          "d-vrachtwagens", "schouwpunt", "politie", ["2025-Q3", "2025-Q4"],
          "bebording een dag; controles twee avonden per maand", "intern",
          "Aantal overnachtende vrachtwagens bij de avondschouw", "uitgevoerd", D(2025, 12, 1),
          [(D(2025, 9, 29), "De gemeente heeft de borden geplaatst; de politie controleert vanaf oktober."),
           (D(2025, 12, 1), "Acht waarschuwingen en drie bekeuringen; het aantal overnachtende vrachtwagens is "
                            "gehalveerd.")],
          schouwpunt="s-avond-2025-02"),
        m("m-vrachtwagens-boa", "Extra avondcontroles op overnachtende vrachtwagens met boa's", "d-vrachtwagens",
          "schouwpunt", "gemeente", ["2026-Q2", "2026-Q3", "2026-Q4"], "twee avonden per maand", "intern",
          "Controleverslagen boa en politie", "lopend", None,
          [(D(2026, 6, 22), "Vijf gezamenlijke controles met de politie; nog incidenteel overnachtende "
                            "vrachtwagens.")],
          schouwpunt="s-avond-2026-02"),
        m("m-truckparking", "Verkenning beveiligde truckparking langs de A32", "d-vrachtwagens", "regulier",
          "gemeente", ["2026-Q4", "2027-Q1"], "verkenning door de gemeente", "extern",
          "Verkenning besproken in de werkgroep"),
        # onderhoud en beheer: zwerfvuil, stort en leegstand
        m("m-stort", "Illegale stort Smidsstraat opruimen en de toegang afsluiten", "d-zwerfvuil", "schouwpunt",
          "gemeente", ["2025-Q2", "2025-Q3"], "twee dagen", "extern", "Dagschouw: stortplek schoon en afgesloten",
          "uitgevoerd", D(2025, 7, 3),
          [(D(2025, 6, 16), "Afval geruimd; handhaving heeft twee waarschuwingen gegeven."),
           (D(2025, 7, 3), "Slagboom geplaatst aan het einde van de Smidsstraat.")],
          schouwpunt="s-dag-2025-05"),
        m("m-pand-22", "Eigenaar leegstaand pand Vaart Noordzijde 22 aanschrijven en graffiti verwijderen",
          "d-zwerfvuil", "schouwpunt", "gemeente", ["2025-Q3"], "een dagdeel", "intern",
          "Brief verzonden en graffiti verwijderd", "uitgevoerd", D(2025, 9, 5),
          [(D(2025, 9, 5), "Eigenaar aangeschreven; graffiti verwijderd door het parkmanagement.")],
          schouwpunt="s-dag-2025-03"),
        m("m-pand-22-handhaving", "Handhavingstraject leegstaand pand Vaart Noordzijde 22", "d-zwerfvuil",
          "schouwpunt", "gemeente", ["2026-Q2", "2026-Q3", "2026-Q4"], "doorlooptijd zes maanden", "intern",
          "Besluit over handhaving en de staat van het pand bij de dagschouw", "lopend", None,
          [(D(2026, 4, 14), "Eigenaar opnieuw aangeschreven, met een termijn van acht weken."),
           (D(2026, 9, 14), "Termijn verstreken; de gemeente bereidt een last onder dwangsom voor.")],
          schouwpunt="s-dag-2026-01"),
        m("m-afvalbakken", "Extra afvalbakken en een maandelijkse schoonmaakronde langs de Industrieweg",
          "d-zwerfvuil", "regulier", "spbw", ["2025-Q4"], "een dag per maand", "extern",
          "Meldingen zwerfvuil per kwartaal", "uitgevoerd", D(2025, 11, 17),
          [(D(2025, 11, 17), "Zes afvalbakken geplaatst; de schoonmaakronde is op de eerste maandag van de maand.")]),
        # communicatie
        m("m-whatsapp", "WhatsApp-groep per bedrijventerrein opzetten en beheren", "d-communicatie", "regulier",
          "ov", ["2025-Q2"], "twee uur per week beheer", "intern", "Aantal deelnemers per groep", "uitgevoerd",
          D(2025, 6, 2), [(D(2025, 6, 2), "Drie groepen gestart; 64 deelnemers in de eerste week.")]),
        m("m-niet-leden", "Persoonlijk bezoek aan ondernemers die geen lid zijn van de ondernemersvereniging",
          "d-communicatie", "communicatie", "ov", ["2025-Q4", "2026-Q1"], "twee dagdelen per maand", "intern",
          "Aantal bezochte bedrijven en nieuwe aanmeldingen", "uitgevoerd", D(2026, 2, 27),
          [(D(2025, 12, 8), "25 bedrijven bezocht; folder over het plan van aanpak achtergelaten."),
           (D(2026, 2, 27), "Alle 41 niet-leden bezocht: 9 nieuwe leden en 17 nieuwe deelnemers aan de "
                            "WhatsApp-groepen.")]),
        m("m-aanspreekpunt", "Vast aanspreekpunt bij de gemeente voor de bedrijventerreinen", "d-communicatie",
          "regulier", "gemeente", ["2025-Q3"], "vier uur per week", "intern",
          "Aanspreekpunt bekendgemaakt in de nieuwsbrief", "uitgevoerd", D(2025, 9, 1),
          [(D(2025, 9, 1), "Pieter de Boer is het aanspreekpunt; dat staat in de nieuwsbrief van oktober.")]),
        # brandveiligheid
        m("m-brand-voorlichting", "Brandveiligheidsadvies aan bedrijven met buitenopslag", "d-brand", "regulier",
          "brandweer", ["2026-Q1", "2026-Q2"], "een half uur per bedrijf", "intern", "Aantal bezochte bedrijven",
          "uitgevoerd", D(2026, 6, 18),
          [(D(2026, 3, 10), "Bij de dagschouw opslag tegen de gevel van Industrieweg 30 gezien; ondernemer "
                            "dezelfde week bezocht."),
           (D(2026, 6, 18), "31 bedrijven met buitenopslag bezocht en geadviseerd.")]),
        m("m-bereikbaarheid", "Bereikbaarheidskaart hulpdiensten en bluswatervoorzieningen actualiseren", "d-brand",
          "regulier", "brandweer", ["2026-Q4"], "twee dagdelen", "intern", "Nieuwe kaart gedeeld met de ondernemers",
          "lopend", None,
          [(D(2026, 11, 9), "Bluswaterpunten gecontroleerd; de kaart wordt in december verspreid.")]),
        # ondermijning
        m("m-ondermijning", "Voorlichting ondermijning: signalen herkennen en anoniem melden", "d-ondermijning",
          "regulier", "politie", ["2027-Q1"], "een avond en een dagdeel voorbereiding", "extern",
          "Aantal deelnemers en meldingen bij Meld Misdaad Anoniem"),
        m("m-leegstand", "Leegstaande panden elk kwartaal controleren op signalen van ondermijning",
          "d-ondermijning", "regulier", "gemeente", ["2026-Q4", "2027-Q1", "2027-Q2"], "een dagdeel per kwartaal",
          "intern", "Ingevulde controlelijst per kwartaal", "lopend", None,
          [(D(2026, 11, 9), "Eerste ronde met gemeente en politie langs vier leegstaande panden; geen "
                            "bijzonderheden.")]),
        # eigen thema: parkmanagement
        m("m-spreekuur", "Maandelijks spreekuur van het parkmanagement op de bedrijventerreinen", "d-parkmanagement",
          "regulier", "spbw", ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"], "een dagdeel per maand",
          "intern", "Aantal bezoekers van het spreekuur", "lopend", None,
          [(D(2026, 3, 16), "Vijf spreekuren gehouden, gemiddeld vier bezoekers.")]),
        m("m-peiling", "Tevredenheidspeiling parkmanagement onder de ondernemers", "d-parkmanagement", "regulier",
          "spbw", ["2027-Q2"], "een dagdeel", "intern", "Respons en tevredenheidscijfer"),
    ]  # fmt: skip


# The progress of the fixed measures, by ref: status and the date of the note (and of the execution,
# when done), and the note.
VAST_VOORTGANG = {
    "vast-1-dagschouw-0": ("uitgevoerd", D(2025, 3, 11), "Dagschouw met de voltallige werkgroep; 8 punten vastgelegd."),
    "vast-1-avondschouw-1": (
        "uitgevoerd",
        D(2025, 3, 19),
        "Avondschouw in maart gehouden, samen met de dagschouw voor de veiligheidsanalyse; 7 punten vastgelegd.",
    ),
    "vast-1-evaluatie-2": ("uitgevoerd", D(2025, 9, 15), "Evaluatie van jaar 1 besproken en vastgelegd."),
    "vast-1-communicatie-3": ("uitgevoerd", D(2025, 2, 10), "Nieuwsbrief met de uitkomsten van de enquête verzonden."),
    "vast-1-communicatie-4": (
        "uitgevoerd",
        D(2025, 6, 2),
        "Nieuwsbrief over het plan van aanpak en de WhatsApp-groepen verzonden.",
    ),
    "vast-1-cijfers-5": (
        "uitgevoerd",
        D(2025, 1, 20),
        "Politie- en gemeentecijfers over 2023 en 2024 aangeleverd en in de analyse vastgelegd.",
    ),
    "vast-1-cijfers-6": (
        "uitgevoerd",
        D(2025, 4, 2),
        "Incidentcijfers van de brandweer over 2023 en 2024 aangeleverd.",
    ),
    "vast-2-dagschouw-7": (
        "uitgevoerd",
        D(2026, 3, 10),
        "Dagschouw met de voltallige werkgroep; 6 punten, waarvan 3 positief.",
    ),
    "vast-2-avondschouw-8": ("uitgevoerd", D(2026, 3, 24), "Avondschouw met een kleine groep; 5 punten vastgelegd."),
    "vast-2-evaluatie-9": (
        "uitgevoerd",
        D(2026, 9, 14),
        "Evaluatie van jaar 2 besproken en vastgelegd in de bijeenkomst van 14 september.",
    ),
    "vast-2-communicatie-10": (
        "uitgevoerd",
        D(2026, 2, 9),
        "Nieuwsbrief over de nieuwe verlichting van de Linthorst Homanstraat verzonden.",
    ),
    "vast-2-communicatie-11": (
        "uitgevoerd",
        D(2026, 6, 29),
        "Zomeractie via WhatsApp en e-mail: let op bij afwezigheid.",
    ),
    "vast-2-cijfers-12": (
        "uitgevoerd",
        D(2025, 12, 8),
        "Politiecijfers januari tot en met oktober 2025 besproken in de werkgroep.",
    ),
    "vast-2-cijfers-13": ("uitgevoerd", D(2026, 5, 11), "Incidentcijfers van de brandweer over 2025 aangeleverd."),
    "vast-3-cijfers-19": ("lopend", D(2026, 11, 9), "De politie levert de cijfers over 2026 in december aan."),
}


def vaste_maatregelen(start: dt.date, partijen: list[dict]) -> list[dict]:
    """The fixed measures of every year as ``aanpak.services.plan.plan_maak`` makes them (same
    titles, kinds, quarters, parties and refs), with the demo's progress."""
    from aanpak.services.plan import VASTE_MAATREGELEN  # needs Django's app registry (see genereer.py)

    per_soort = {p["soort"]: p["ref"] for p in partijen}  # as _partij: the last party of each kind
    per_jaar: dict[int, list[str]] = {}
    for k in kwartalen.van_cyclus(start):
        per_jaar.setdefault(k.jaar, []).append(k.code)
    uit = []
    for jaar, codes in sorted(per_jaar.items()):
        for soort, titel, index, soorten, tijd, meting in VASTE_MAATREGELEN:
            ref = f"vast-{jaar}-{soort.removeprefix('vast-')}-{len(uit)}"
            status, datum, tekst = VAST_VOORTGANG.get(ref, ("gepland", None, None))
            uit.append(
                _maatregel(
                    ref,
                    f"{titel} (jaar {jaar})",
                    None,
                    soort,
                    next((per_soort[s] for s in soorten if s in per_soort), None),
                    [codes[min(index, len(codes) - 1)]],
                    tijd,
                    "intern",
                    meting,
                    status,
                    datum if status == "uitgevoerd" else None,
                    [(datum, tekst)] if tekst else (),
                )
            )
    assert set(VAST_VOORTGANG) <= {m["ref"] for m in uit}
    return uit


def plan_wolvega(cyclus: dict, partijen: list[dict], bijeenkomsten: list[dict]) -> dict:
    start = D.fromisoformat(cyclus["start"])
    doelen = doelstellingen(cyclus["enquete"])
    maatregelen = eigen_maatregelen() + vaste_maatregelen(start, partijen)
    # The demo keeps the rules the product checks:
    binnen = {k.code for k in kwartalen.van_cyclus(start)}
    assert all(set(m["kwartalen"]) <= binnen for m in maatregelen), "kwartaal buiten de cyclus"
    assert all(
        v["datum"] <= VANDAAG.isoformat() and m.get("uitgevoerd_op", "") <= VANDAAG.isoformat()
        for m in maatregelen
        for v in m.get("voortgang", [])
    )
    assert all(m.get("voortgang") for m in maatregelen if m["status"] in ("lopend", "uitgevoerd"))
    assert cyclus["analyse"]["vastgesteld_op"] < VASTGESTELD_OP.isoformat()
    assert any(b["ref"] == VASTGESTELD_IN and b["datum"] == VASTGESTELD_OP.isoformat() for b in bijeenkomsten)
    terugkerend = {
        p["ref"] for s in cyclus["schouwen"] for p in s["punten"] if p.get("terugkerend") and not p["positief"]
    }
    assert terugkerend <= {m.get("schouwpunt") for m in maatregelen}, "terugkerend schouwpunt niet opgenomen"
    soorten = {p["ref"]: p["soort"] for p in partijen}
    verantwoordelijk = {soorten[m["verantwoordelijke"]] for m in maatregelen}
    assert {"gemeente", "politie", "brandweer"} <= verantwoordelijk
    assert verantwoordelijk & {"ondernemersvereniging", "belangenbehartiger"}
    return {
        "vastgesteld_op": VASTGESTELD_OP.isoformat(),
        "vastgesteld_in": VASTGESTELD_IN,
        "doelstellingen": doelen,
        "maatregelen": maatregelen,
    }


def evaluaties_wolvega(cyclus: dict) -> list[dict]:
    """The evaluations of years 1 and 2, once those years are over by the demo's today."""
    jaren = cyclus_jaren(D.fromisoformat(cyclus["start"]), VANDAAG)
    if not jaren[0].voltooid:
        return []
    return [_evaluatie_jaar1(jaren[0])] + ([_evaluatie_jaar2(jaren[1])] if jaren[1].voltooid else [])


def _evaluatie_jaar2(jaar2) -> dict:
    datum = D(2026, 9, 14)  # the meeting b2026-09, "Jaarevaluatie jaar 2"
    assert jaar2.eind < datum <= VANDAAG
    return {
        "jaar": 2,
        "datum": datum.isoformat(),
        "soort": "jaarlijks",
        "maatregelen_uitgevoerd": (
            "Ja, op twee na. Het camerasysteem bij de entree Schipsloot hangt en is aangesloten op de meldkamer; "
            "het parkeerverbod voor vrachtwagens geldt sinds april. De alarmopvolging loopt nog."
        ),
        "omstandigheden": (
            "De veiligheidsenquête voor de hercertificering vroeg in het najaar veel tijd van de secretaris; "
            "de gemeente had een nieuwe wijkagent als contactpersoon."
        ),
        "reden_maatregelen": (
            "De alarmopvolging wacht op een gezamenlijk contract; drie ondernemers twijfelen nog over de kosten."
        ),
        "wijzigingen_plan": "De alarmopvolging schuift naar jaar 3, met een informatieavond over de kosten.",
        "samenwerking": (
            "Goed. De persoonlijke bezoeken aan ondernemers buiten de vereniging leverden vier nieuwe leden op."
        ),
        "taken_uitgevoerd": "Ja, alle partijen hebben hun vaste taken uitgevoerd, de cijfers kwamen op tijd.",
        "acties_uitgevoerd": "De actielijst is afgerond, op de alarmopvolging na.",
        "reden_wijzigingen": "Geen wijzigingen in de taakverdeling nodig.",
        "verbeterpunten": [
            "Informatieavond over gezamenlijke alarmopvolging organiseren.",
            "De nieuwe wijkagent uitnodigen voor de avondschouw.",
        ],
    }


def _evaluatie_jaar1(jaar1) -> dict:
    datum = D(2025, 9, 15)  # the meeting b2025-09, "Jaarevaluatie jaar 1"
    assert jaar1.eind < datum <= VANDAAG
    return {
        "jaar": 1,
        "datum": datum.isoformat(),
        "soort": "jaarlijks",
        "maatregelen_uitgevoerd": (
            "Grotendeels. De lantaarnpalen aan de Linthorst Homanstraat zijn hersteld, de illegale stort aan de "
            "Smidsstraat is opgeruimd en afgesloten, de borden cameratoezicht staan bij de entrees en de "
            "WhatsApp-groepen draaien. Het parkeerverbod voor vrachtwagens en de alarmopvolging lopen nog."
        ),
        "omstandigheden": (
            "De levertijd van de borden was langer dan verwacht en de zomervakantie vertraagde de offertes voor "
            "de alarmopvolging. Het vertrek van Wim Terpstra namens de ondernemersvereniging kostte enige tijd."
        ),
        "reden_maatregelen": (
            "De mobiele camera-unit is vervallen: een vast camerasysteem is op termijn goedkoper en beter. "
            "De avondschouw is in maart gehouden in plaats van in het derde kwartaal, samen met de dagschouw "
            "voor de veiligheidsanalyse."
        ),
        "wijzigingen_plan": (
            "Camerasysteem entree Schipsloot toevoegen (offerte aanvragen) en de handhaving op het leegstaande "
            "pand aan de Vaart Noordzijde 22 opnemen als er bij de volgende dagschouw geen verbetering is."
        ),
        "samenwerking": (
            "De samenwerking verloopt goed: alle verplichte partijen zijn bij bijna elke bijeenkomst aanwezig en "
            "besluiten worden snel genomen. De beveiliger sluit vaker aan als agendalid."
        ),
        "taken_uitgevoerd": (
            "Ja. De gemeente en de politie hebben hun maatregelen binnen de afgesproken kwartalen uitgevoerd; "
            "de ondernemersvereniging heeft de WhatsApp-groepen opgezet."
        ),
        "acties_uitgevoerd": (
            "De actielijst is op twee punten na afgerond: de alarmopvolging en het parkeerverbod lopen door in "
            "het vierde kwartaal."
        ),
        "reden_wijzigingen": (
            "Ondernemers buiten de ondernemersvereniging bereiken we nog te weinig; daarom gaat de "
            "ondernemersvereniging hen persoonlijk bezoeken. Verder geen wijzigingen in de taakverdeling."
        ),
        "verbeterpunten": [
            "Offertes en aanbestedingen een kwartaal eerder starten.",
            "Ondernemers die geen lid zijn van de ondernemersvereniging persoonlijk bezoeken.",
            "Voortgang van elke maatregel in iedere bijeenkomst kort bespreken en vastleggen.",
        ],
    }
