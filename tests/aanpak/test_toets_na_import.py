"""The readiness check answers the same for data entered by hand (through the services, as the
pages do) as for the same data exported and imported as a dossier: every rule, status and
explanation, for the analysis and the plan of approach."""

import datetime as dt

from aanpak.services.evaluaties import evaluatie_bewaar
from aanpak.services.maatregelen import maatregel_maak, schouwpunt_neem_over, voortgang_voeg_toe
from aanpak.services.plan import doel_bewaar, plan_maak, plan_stel_vast
from analyse.services.conclusie import conclusie_bewaar
from kvo.dossier.services import dossier_exporteer, dossier_importeer
from kvo.toets import voer_toets_uit
from tests.analyse.factories import SchouwFactory, SchouwpuntFactory
from tests.factories import BedrijventerreinFactory, OndernemerFactory
from tests.werkgroepen.factories import BijeenkomstFactory
from werkgroepen.models import Partij


def test_toets_gelijk_voor_handmatig_en_geimporteerd(actoren):
    wg, cyclus = actoren.werkgroep, actoren.cyclus
    terrein = BedrijventerreinFactory(werkgroep=wg, naam="De Hoek")
    OndernemerFactory.create_batch(3, terrein=terrein)
    bijeenkomst = BijeenkomstFactory(werkgroep=wg, datum=dt.date(2025, 5, 12))
    schouw = SchouwFactory(cyclus=cyclus, datum=dt.date(2025, 3, 4))
    punt = SchouwpuntFactory(schouw=schouw, nummer=1, terugkerend=True, actie="Verlichting herstellen")
    SchouwpuntFactory(schouw=schouw, nummer=2, positief=True, bevinding="Heldere bebording")
    conclusie_bewaar(
        actor=None, cyclus=cyclus,
        gegevens={"samenvatting": "Inbraak valt op.", "conclusie": "Eerst sociale veiligheid.",
                  "vastgesteld_op": bijeenkomst.datum, "vastgesteld_in": bijeenkomst},
        prioriteiten=[{"thema": "sociale-veiligheid", "risicokans": 7, "ernst": 6, "jaar": 1}],
    )  # fmt: skip
    plan = plan_maak(actor=None, cyclus=cyclus)
    doel = doel_bewaar(
        actor=None, plan=plan,
        gegevens={"thema": "sociale-veiligheid", "titel": "Minder inbraak", "specifiek": "Minder inbraken.",
                  "meetbaar": "Van 40 naar 25 %.", "norm": "percentage", "blok": 5, "nulmeting": 40.0,
                  "streefwaarde": 25.0, "acceptabel": "Alle partijen.", "realistisch": "Ja.",
                  "tijdgebonden": dt.date(2027, 6, 30), "behaald": None},
    )  # fmt: skip
    gemeente = wg.partijen.get(soort=Partij.Soort.GEMEENTE)
    m = maatregel_maak(
        actor=None, plan=plan,
        gegevens={"titel": "Camera's bij de ingang", "soort": "regulier", "doelstelling": doel,
                  "verantwoordelijke": gemeente, "kwartalen": ["2025-Q3"], "benodigde_tijd": "2 dagdelen",
                  "deskundigheid": "extern", "voortgangsmeting": "Offerte en plaatsing", "status": "lopend"},
    )  # fmt: skip
    voortgang_voeg_toe(
        actor=None, maatregel=m, datum=dt.date(2025, 8, 1), tekst="Offerte binnen.", bijeenkomst=bijeenkomst
    )
    schouwpunt_neem_over(actor=None, plan=plan, punt=punt)
    plan_stel_vast(actor=None, plan=plan, vastgesteld_op=bijeenkomst.datum, vastgesteld_in=bijeenkomst)
    from aanpak.services.evaluaties import TEKSTVELDEN

    antwoorden = {v: "Antwoord." for v in TEKSTVELDEN[:8]}
    evaluatie_bewaar(
        actor=None, cyclus=cyclus,
        gegevens={"jaar": 1, "datum": dt.date(2026, 1, 20), "verbeterpunten": ["Vaker schouwen"], **antwoorden},
    )  # fmt: skip

    uit = dossier_exporteer(werkgroep=wg)
    uit["werkgroep"]["slug"] = "kopie"
    kopie = dossier_importeer(actor=None, dossier=uit)
    for datum in (dt.date(2025, 9, 1), dt.date(2026, 2, 1)):
        hand = {r.id: (r.status, r.uitkomst.toelichting) for r in voer_toets_uit(wg, datum=datum)}
        geimporteerd = {r.id: (r.status, r.uitkomst.toelichting) for r in voer_toets_uit(kopie, datum=datum)}
        # the audit itself is not in the dossier yet (cycli[].audit arrives with the audit)
        verschil = {i: (hand[i], geimporteerd[i]) for i in hand if hand[i] != geimporteerd[i] and i[:6] != "audit."}
        assert not verschil
    hand = {r.id: r.status for r in voer_toets_uit(wg, datum=dt.date(2026, 2, 1))}
    assert hand["pva.vastgesteld"] == "voldaan" and hand["pva.schouwpunten"] == "voldaan"
    assert hand["pva.vaste-maatregelen"] == "voldaan" and hand["evaluatie.jaarlijks"] == "voldaan"
