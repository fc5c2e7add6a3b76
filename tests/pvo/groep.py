"""A PVO group that meets every pvo.md rule on PEILDATUM (1 June 2026), except the recalibration,
which is not due until the plan's two years end (14 June 2027). Each test breaks one thing.

Timeline: kick-off 20 January 2025 (the first year runs to 19 January 2026); survey sent 1 March
with the mayor's letter, results presented 20 April; plan and activity calendar adopted 15 June
2025; waardering 15 December 2025; after it one meeting in 2026-Q1 and one in 2026-Q2.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.files.base import ContentFile

from aanpak.models import Activiteit, Doelstelling, Maatregel, Plan
from analyse.models import Cijfer, Enquete, Gebiedsscan
from audits.models import Ondertekenaar, Waardering
from kvo.regelingen import PVO
from tests.factories import (
    VIERKANT,
    BedrijventerreinFactory,
    CyclusFactory,
    LidFactory,
    PartijFactory,
    WerkgroepFactory,
)
from tests.werkgroepen.factories import BijeenkomstFactory, CommunicatieFactory
from werkgroepen.models import Bijeenkomst, Communicatie, Document, DocumentVersie, Groepsrol, Partij

D = dt.date
PEILDATUM = D(2026, 6, 1)
KICKOFF = D(2025, 1, 20)
PLAN = D(2025, 6, 15)
WAARDERING = D(2025, 12, 15)


@dataclass
class PvoGroep:
    werkgroep: object
    cyclus: object
    gemeente: object
    politie: object
    ondernemers: object
    pvo_on: object
    terrein: object
    kickoff: object
    presentatie: object
    waardering_bijeenkomst: object
    bijeenkomsten: list
    enquete: object
    plan: object
    maatregelen: list
    activiteiten: list
    waardering: object
    ondertekenaars: list
    document: object


def maak_pvo_groep(slug: str = "pvo-oost") -> PvoGroep:
    wg = WerkgroepFactory(
        naam="Veilig Bedrijventerrein De Kolk", slug=slug, handboek=PVO, gestart_op=D(2025, 1, 10),
        intentieverklaring_op=KICKOFF,
    )  # fmt: skip
    cyclus = CyclusFactory(werkgroep=wg, start=D(2025, 1, 15), handboek=PVO)
    gemeente = PartijFactory(
        werkgroep=wg, naam="Gemeente Lochem", soort=Partij.Soort.GEMEENTE,
        toegezegde_capaciteit="8 uur per maand van de coördinator OOV", capaciteit_toegezegd_op=KICKOFF,
    )  # fmt: skip
    politie = PartijFactory(werkgroep=wg, naam="Politie Oost-Nederland", soort=Partij.Soort.POLITIE)
    ov = PartijFactory(werkgroep=wg, naam="OV De Kolk", soort=Partij.Soort.ONDERNEMERSVERENIGING)
    pvo_on = PartijFactory(werkgroep=wg, naam="PVO Oost-Nederland", soort=Partij.Soort.PROCESBEGELEIDING)
    leden = [
        LidFactory(werkgroep=wg, partij=gemeente, naam="G. Gemeente"),
        LidFactory(werkgroep=wg, partij=politie, naam="P. Politie"),
        LidFactory(werkgroep=wg, partij=ov, naam="V. Voorzitter", rollen=[Groepsrol.VOORZITTER]),
        LidFactory(werkgroep=wg, partij=ov, naam="S. Secretaris", rollen=[Groepsrol.SECRETARIS]),
        LidFactory(werkgroep=wg, partij=pvo_on, naam="A. Adviseur"),
    ]
    terrein = BedrijventerreinFactory(
        werkgroep=wg, naam="De Kolk", grens=VIERKANT, postcodes=[{"postcode": "7241 AA", "huisnummers": "1-40"}]
    )
    kickoff = BijeenkomstFactory(
        werkgroep=wg, datum=KICKOFF, soort=Bijeenkomst.Soort.KICK_OFF, georganiseerd_door=gemeente
    )
    kickoff.aanwezigen.set(leden)
    presentatie = BijeenkomstFactory(werkgroep=wg, datum=D(2025, 4, 20), soort=Bijeenkomst.Soort.PRESENTATIE)
    waardering_b = BijeenkomstFactory(werkgroep=wg, datum=WAARDERING, soort=Bijeenkomst.Soort.WAARDERING)
    # from the kick-off to the waardering: kick-off, presentation, 4 more, waardering = 7
    overig = [BijeenkomstFactory(werkgroep=wg, datum=d) for d in (D(2025, 3, 10), D(2025, 6, 15), D(2025, 9, 8))]
    overig += [BijeenkomstFactory(werkgroep=wg, datum=d) for d in (D(2025, 11, 3), D(2026, 2, 9), D(2026, 5, 11))]
    doc = Document.objects.create(werkgroep=wg, titel="Intentieverklaring De Kolk", soort="intentieverklaring")
    DocumentVersie.objects.create(
        document=doc, versie=1, bestand=ContentFile(b"%PDF-1.4 getekend", name="intentie.pdf"), geupload_op=KICKOFF
    )
    for bron, soort, herkomst in (("politie", "aangifte", ""), ("gemeente", "melding", "mor")):
        Cijfer.objects.create(
            werkgroep=wg, cyclus=cyclus, bron=bron, soort=soort, herkomst=herkomst, categorie="totaal",
            periode_van=D(2024, 1, 1), periode_tot=D(2024, 12, 31), aantal=12,
        )  # fmt: skip
    enquete = Enquete.objects.create(
        werkgroep=wg, cyclus=cyclus, geopend_op=D(2025, 3, 1), gesloten_op=D(2025, 4, 1), brief_namens=gemeente,
        brief_ondertekenaar="de burgemeester, S. van Dijk", resultaten_gepresenteerd_op=D(2025, 4, 20),
        resultaten_gepresenteerd_in=presentatie,
    )  # fmt: skip
    for partij, fenomenen in (
        (gemeente, ["Afvaldumpingen", "Leegstand", "Vernielingen groen"]),
        (politie, ["Inbraak", "Crossen", "Verkeersveiligheid"]),
        (ov, ["Afvaldumpingen", "Slechte verlichting"]),
    ):
        Gebiedsscan.objects.create(
            werkgroep=wg, cyclus=cyclus, partij=partij, fenomenen=fenomenen, bijeenkomst=presentatie
        )
    plan = Plan.objects.create(
        werkgroep=wg, cyclus=cyclus, vastgesteld_op=PLAN, kalender_vastgesteld_op=PLAN,
        rolverdeling="Voorzitter en secretaris: OV; gemeente: coördinatie; politie: wijkagent.",
    )  # fmt: skip
    for i, thema in enumerate(("schoon", "heel", "veilig", "meldingsbereidheid")):
        Doelstelling.objects.create(plan=plan, thema=thema, titel=f"Doel {thema}", volgorde=i)
    maatregelen = [
        Maatregel.objects.create(plan=plan, titel="Afval opruimen", verantwoordelijke=gemeente, kwartalen=["2025-Q3"]),
        Maatregel.objects.create(plan=plan, titel="Surveillance", verantwoordelijke=politie, kwartalen=["2025-Q4"]),
        Maatregel.objects.create(plan=plan, titel="Meldwijzer", verantwoordelijke=ov, kwartalen=["2025-Q3", "2026-Q1"]),
        Maatregel.objects.create(
            plan=plan, titel="Integrale controle", verantwoordelijke=gemeente, kwartalen=["2026-Q2"], integraal=True
        ),
    ]
    activiteiten = [
        Activiteit.objects.create(
            plan=plan, soort=Activiteit.Soort.VOORLICHTING_PUBLIEK, titel="Voorlichting interne afdelingen",
            gepland_op=D(2025, 9, 10), partij=gemeente,
        ),
        Activiteit.objects.create(
            plan=plan, soort=Activiteit.Soort.VOORLICHTING_ONDERNEMERS, titel="Alertavond", gepland_op=D(2025, 10, 9),
            partij=ov,
        ),
        Activiteit.objects.create(
            plan=plan, soort=Activiteit.Soort.COMMUNICATIE, titel="Nieuwsbrief uitvoeringsplan",
            gepland_op=D(2025, 7, 1), partij=ov,
        ),
    ]  # fmt: skip
    CommunicatieFactory(werkgroep=wg, datum=D(2025, 5, 1), soort=Communicatie.Soort.ENQUETE_RESULTATEN)
    CommunicatieFactory(werkgroep=wg, datum=D(2025, 8, 1), soort=Communicatie.Soort.MELDWIJZER)
    waardering = Waardering.objects.create(
        werkgroep=wg, cyclus=cyclus, gepland_op=WAARDERING, gehouden_op=WAARDERING, bijeenkomst=waardering_b,
        continuiteit_bevestigd=True, capaciteit_bevestigd=True, uitgereikt_op=WAARDERING,
    )  # fmt: skip
    ondertekenaars = [
        Ondertekenaar.objects.create(waardering=waardering, partij=p, naam=n, functie=f, getekend_op=WAARDERING)
        for p, n, f in (
            (gemeente, "S. van Dijk", "burgemeester"),
            (politie, "K. de Boer", "teamchef"),
            (ov, "V. Voorzitter", "voorzitter"),
        )
    ]
    return PvoGroep(
        wg, cyclus, gemeente, politie, ov, pvo_on, terrein, kickoff, presentatie, waardering_b,
        [kickoff, presentatie, waardering_b, *overig], enquete, plan, maatregelen, activiteiten, waardering,
        ondertekenaars, doc,
    )  # fmt: skip
