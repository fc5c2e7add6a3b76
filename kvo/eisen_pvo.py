"""The requirement catalogue of ``shared/handboek/pvo.md`` (PVO Oost-Nederland, *Proces Veilig
Bedrijventerrein*): IDs, seed sections and Dutch titles.

The IDs are a public contract as in ``kvo.eisen``: never rename one. Every ID starts with ``pvo.``
and belongs to the PVO scheme only (``kvo.regelingen``). ``tests/kvo/test_regelingen.py`` compares
this list with pvo.md.
"""

from kvo.eisen import Eis

GROEPEN = [
    "Gebied",
    "Samenwerking",
    "Inventarisatie",
    "Uitvoeringsplan",
    "Waardering en continuering",
]

_EISEN = [
    (
        "pvo.gebied",
        "Gebied",
        "1.3, 1.8",
        "Het doelgebied is afgebakend: een grens op de kaart en de postcodes en huisnummers van het terrein",
    ),
    (
        "pvo.kickoff",
        "Samenwerking",
        "1.3, 1.8",
        "Er was een kick-off met de stakeholders, met aanwezigen; de gemeente organiseerde hem",
    ),
    (
        "pvo.deelnemers",
        "Samenwerking",
        "1.3, 1.5, 1.6",
        "Gemeente, politie en ondernemers nemen deel; de ondernemers leveren voorzitter en secretaris",
    ),
    (
        "pvo.capaciteit",
        "Samenwerking",
        "1.3, 1.8",
        "De gemeente heeft de (ambtelijke) capaciteit voor de PPS vastgelegd",
    ),
    (
        "pvo.intentieverklaring",
        "Samenwerking",
        "1.3, 1.8",
        "Optioneel: een ondertekende intentieverklaring in het archief",
    ),
    (
        "pvo.inventarisatie",
        "Inventarisatie",
        "1.3, 1.8",
        "Cijfers van gemeente en politie en de MOR-meldingen van het terrein zijn geïnventariseerd",
    ),
    (
        "pvo.enquete",
        "Inventarisatie",
        "1.3, 1.6, 1.7, 1.8",
        "Enquête vóór het plan, aangekondigd met een brief van de gemeente; resultaten gepresenteerd",
    ),
    (
        "pvo.gebiedsscan",
        "Inventarisatie",
        "1.8",
        "Elke stakeholder presenteerde zijn gebiedsscan (top 3 van fenomenen)",
    ),
    (
        "pvo.doelstellingen",
        "Uitvoeringsplan",
        "1.3",
        "Doelstellingen op schoon, heel, veilig en meldingsbereidheid: minstens één per thema",
    ),
    (
        "pvo.uitvoeringsplan",
        "Uitvoeringsplan",
        "1.3, 1.8",
        "Een uitvoeringsplan voor twee jaar is vastgesteld: acties met een verantwoordelijke, rollen verdeeld",
    ),
    ("pvo.prioriteiten", "Uitvoeringsplan", "1.8", "Per stakeholder staan de acties per kwartaal in het plan"),
    (
        "pvo.activiteitenkalender",
        "Uitvoeringsplan",
        "1.7, 1.8",
        "Een activiteitenkalender met voorlichting voor publieke partijen en ondernemers is vastgesteld",
    ),
    (
        "pvo.communicatie",
        "Uitvoeringsplan",
        "1.7",
        "De enquêteresultaten gaan naar de ondernemers; in het eerste jaar minstens één meldwijzer",
    ),
    (
        "pvo.bijeenkomsten",
        "Waardering en continuering",
        "1.6",
        "Zes tot acht bijeenkomsten tot de waardering; daarna minstens één per kwartaal",
    ),
    (
        "pvo.waardering",
        "Waardering en continuering",
        "1.3, 1.8",
        "De waardering: bijeenkomst, getekend door elke organisatie, uitgereikt; continuïteit en capaciteit bevestigd",
    ),
    (
        "pvo.herijking",
        "Waardering en continuering",
        "1.3, 1.6, 1.8",
        "Elke twee jaar herijkt: een nieuw uitvoeringsplan vóór het einde van het vorige",
    ),
]

EISEN: dict[str, Eis] = {id_: Eis(id_, groep, par, titel) for id_, groep, par, titel in _EISEN}
