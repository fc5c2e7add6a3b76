"""The readiness checks of the plan of approach, the evaluations and the audit's measures, at each
boundary of eisen.md (pva.*, evaluatie.*, audit.eerste-maatregelen, audit.uitgevoerd).

The actors' work group "de-hoek" has a first cycle starting 15-01-2025 (year 1: 15-01-2025 to
14-01-2026, year 2 to 14-01-2027, year 3 to 14-01-2028) and a first audit on 01-06-2026.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from aanpak.models import Maatregel
from aanpak.services.plan import plan_maak
from audits.models import Audit
from kvo.toets import Status, geregistreerde_checks, voer_toets_uit
from tests.aanpak.factories import (
    DoelstellingFactory,
    EvaluatieFactory,
    MaatregelFactory,
    PlanFactory,
    VoortgangFactory,
)
from tests.analyse.factories import (
    ConclusieFactory,
    EnqueteFactory,
    SchouwFactory,
    SchouwpuntFactory,
    VraagFactory,
)
from tests.factories import AuditFactory, CyclusFactory, PartijFactory, WerkgroepFactory
from tests.werkgroepen.factories import BijeenkomstFactory
from werkgroepen.models import Cyclus, Partij

D = dt.date
DATUM = D(2025, 9, 1)  # in year 1 of the actors' cycle
JAAR1_LAATSTE_DAG = D(2026, 1, 14)
JAAR1_VOLTOOID = D(2026, 1, 15)
JAAR3_START = D(2027, 1, 15)
JAAR3_VOLTOOID = D(2028, 1, 15)
AUDIT = D(2026, 6, 1)  # the actors' first audit

IDS = (
    "pva.smart",
    "pva.thema-dekking",
    "pva.maatregel-velden",
    "pva.schouwpunten",
    "pva.verdeling",
    "pva.vaste-maatregelen",
    "pva.vastgesteld",
    "pva.voortgang",
    "evaluatie.jaarlijks",
    "evaluatie.derde-jaar",
    "evaluatie.vernieuwing",
    "audit.eerste-maatregelen",
    "audit.uitgevoerd",
)
VERPLICHT = (
    "sociale-veiligheid",
    "fysieke-veiligheid",
    "onderhoud-en-beheer",
    "overlast",
    "verkeersveiligheid",
    "brandveiligheid",
    "calamiteit",
    "ondermijning",
    "cyberweerbaarheid",
    "communicatie",
)


@pytest.fixture
def wg(actoren):
    return actoren.werkgroep


@pytest.fixture
def cyclus(actoren):
    return actoren.cyclus


@pytest.fixture
def toets():
    """``toets(werkgroep, "pva.smart", datum)`` → the Uitkomst of that one check."""

    def uitvoeren(werkgroep, eis_id: str, datum: dt.date):
        (resultaat,) = voer_toets_uit(werkgroep, datum=datum, ids=[eis_id])
        return resultaat.uitkomst

    return uitvoeren


def url(naam: str) -> str:
    return reverse(f"aanpak:{naam}", kwargs={"werkgroep": "de-hoek"})


@pytest.fixture
def plan(cyclus):
    return PlanFactory(cyclus=cyclus)


def partij(wg, soort) -> Partij:
    return Partij.objects.filter(werkgroep=wg, soort=soort).first() or PartijFactory(werkgroep=wg, soort=soort)


def volgende_cyclus(wg, **kwargs) -> Cyclus:
    return CyclusFactory(werkgroep=wg, nummer=2, soort=Cyclus.Soort.OPVOLGENDE, start=D(2028, 1, 15), **kwargs)


def test_elke_eis_heeft_een_check():
    assert set(IDS) <= set(geregistreerde_checks())


# --- pva.smart --------------------------------------------------------------------------------


def test_smart_zonder_plan_open(wg, cyclus, toets):
    u = toets(wg, "pva.smart", DATUM)
    assert u.status == Status.OPEN
    assert u.toelichting == "Er is nog geen plan van aanpak voor deze cyclus."
    assert u.url == url("doelen")


def test_smart_plan_zonder_doelen_open(wg, plan, toets):
    u = toets(wg, "pva.smart", DATUM)
    assert u.status == Status.OPEN
    assert u.toelichting == "Nog geen doelstellingen."


@pytest.mark.parametrize(
    ("veld", "leeg", "letter"),
    [
        ("specifiek", "", "specifiek"),
        ("meetbaar", None, "meetbaar"),
        ("acceptabel", "   ", "acceptabel"),
        ("realistisch", "", "realistisch"),
        ("tijdgebonden", None, "tijdgebonden"),
    ],
)
def test_smart_een_letter_ontbreekt_niet_voldaan(wg, plan, toets, veld, leeg, letter):
    DoelstellingFactory(plan=plan, titel="Veilig parkeren")
    DoelstellingFactory(plan=plan, titel="Minder inbraken", **{veld: leeg})
    u = toets(wg, "pva.smart", DATUM)
    assert u.status == Status.NIET_VOLDAAN
    assert u.toelichting == f"1 van 2 doelstellingen niet SMART: “Minder inbraken” mist {letter}."


def test_smart_alles_compleet_voldaan(wg, plan, toets):
    DoelstellingFactory.create_batch(2, plan=plan)
    u = toets(wg, "pva.smart", DATUM)
    assert u.status == Status.VOLDAAN
    assert u.toelichting == "Alle 2 doelstellingen zijn SMART, met een datum."


def test_smart_meetbaar_zonder_norm_niet_voldaan(wg, plan, toets):
    DoelstellingFactory(plan=plan, titel="Minder inbraken", norm="", nulmeting=None, streefwaarde=None)
    u = toets(wg, "pva.smart", DATUM)
    assert u.status == Status.NIET_VOLDAAN
    assert "mist meetbaar" in u.toelichting


# --- pva.thema-dekking ---------------------------------------------------------------------------


def doelen(plan, *themas):
    for thema in themas:
        DoelstellingFactory(plan=plan, thema=thema)


def test_thema_dekking_zonder_doelen_open(wg, plan, toets):
    assert toets(wg, "pva.thema-dekking", DATUM).status == Status.OPEN


def test_thema_dekking_zes_verplichte_themas_niet_voldaan(wg, plan, toets):
    doelen(plan, *VERPLICHT[:6])
    u = toets(wg, "pva.thema-dekking", DATUM)
    assert u.status == Status.NIET_VOLDAAN
    assert u.toelichting == "6 van de 10 verplichte thema's met een doelstelling (minimaal 7)."
    assert u.url == url("doelen")


def test_thema_dekking_zeven_verplichte_themas_voldaan(wg, plan, toets):
    doelen(plan, *VERPLICHT[:6], VERPLICHT[6], VERPLICHT[0])  # two goals on one theme count once
    u = toets(wg, "pva.thema-dekking", DATUM)
    assert u.status == Status.VOLDAAN
    assert u.toelichting == "7 van de 10 verplichte thema's met een doelstelling (minimaal 7)."


def test_thema_dekking_eigen_thema_uit_enquete_zonder_doel_niet_voldaan(wg, cyclus, plan, toets):
    enquete = EnqueteFactory(cyclus=cyclus, eigen_themas=["Parkeren"])
    VraagFactory(enquete=enquete, thema="sociale-veiligheid")
    VraagFactory(enquete=enquete, thema="eigen:Parkeren", blok=None)
    doelen(plan, *VERPLICHT)
    u = toets(wg, "pva.thema-dekking", DATUM)
    assert u.status == Status.NIET_VOLDAAN
    assert u.toelichting == (
        "10 van de 10 verplichte thema's met een doelstelling (minimaal 7); "
        "0 van 1 facultatieve en eigen thema's uit de enquête; zonder doelstelling: Parkeren."
    )
    doelen(plan, "eigen:Parkeren")
    assert toets(wg, "pva.thema-dekking", DATUM).status == Status.VOLDAAN


def test_thema_dekking_facultatief_thema_uit_enquete_vraagt_een_doel(wg, cyclus, plan, toets):
    enquete = EnqueteFactory(cyclus=cyclus)
    VraagFactory(enquete=enquete, thema="duurzaamheid", blok=39)
    doelen(plan, *VERPLICHT[:7])
    u = toets(wg, "pva.thema-dekking", DATUM)
    assert u.status == Status.NIET_VOLDAAN
    assert "zonder doelstelling: Duurzaamheid" in u.toelichting
    doelen(plan, "duurzaamheid")
    u = toets(wg, "pva.thema-dekking", DATUM)
    assert u.status == Status.VOLDAAN
    assert "1 van 1 facultatieve en eigen thema's uit de enquête" in u.toelichting


def test_thema_dekking_facultatief_thema_niet_in_enquete_hoeft_niet(wg, cyclus, plan, toets):
    enquete = EnqueteFactory(cyclus=cyclus)
    VraagFactory(enquete=enquete, thema="sociale-veiligheid")
    doelen(plan, *VERPLICHT[:7])  # no goal for gebiedsontwikkelingen or duurzaamheid: not asked
    assert toets(wg, "pva.thema-dekking", DATUM).status == Status.VOLDAAN


# --- pva.maatregel-velden ----------------------------------------------------------------------


def test_maatregel_velden_zonder_plan_of_maatregelen_open(wg, cyclus, toets):
    assert toets(wg, "pva.maatregel-velden", DATUM).status == Status.OPEN
    PlanFactory(cyclus=cyclus)
    u = toets(wg, "pva.maatregel-velden", DATUM)
    assert u.status == Status.OPEN
    assert u.toelichting == "Nog geen maatregelen in de matrix."


@pytest.mark.parametrize(
    ("veld", "leeg", "label"),
    [
        ("verantwoordelijke", None, "verantwoordelijke"),
        ("kwartalen", [], "kwartalen"),
        ("benodigde_tijd", "  ", "benodigde tijd"),
        ("deskundigheid", None, "deskundigheid"),
        ("voortgangsmeting", "", "voortgangsmeting"),
    ],
)
def test_maatregel_velden_een_veld_ontbreekt_niet_voldaan(wg, plan, toets, veld, leeg, label):
    gemeente = partij(wg, Partij.Soort.GEMEENTE)
    MaatregelFactory(plan=plan, verantwoordelijke=gemeente)
    MaatregelFactory(plan=plan, titel="Camera's", **{"verantwoordelijke": gemeente, veld: leeg})
    u = toets(wg, "pva.maatregel-velden", DATUM)
    assert u.status == Status.NIET_VOLDAAN
    assert u.toelichting == f"1 van 2 maatregelen zijn niet compleet, zoals “Camera's” (mist {label})."
    assert u.url == url("matrix")


def test_maatregel_velden_zonder_verantwoordelijke_standaard_onvolledig(wg, plan, toets):
    MaatregelFactory(plan=plan, titel="Camera's")
    assert "(mist verantwoordelijke)" in toets(wg, "pva.maatregel-velden", DATUM).toelichting


def test_maatregel_velden_compleet_voldaan_vervallen_telt_niet(wg, plan, toets):
    MaatregelFactory(plan=plan, verantwoordelijke=partij(wg, Partij.Soort.GEMEENTE))
    MaatregelFactory(plan=plan, status=Maatregel.Status.VERVALLEN, kwartalen=[], wijziging_reden="Niet nodig.")
    u = toets(wg, "pva.maatregel-velden", DATUM)
    assert u.status == Status.VOLDAAN
    assert u.toelichting.startswith("Alle 1 maatregelen noemen verantwoordelijke")


# --- pva.schouwpunten --------------------------------------------------------------------------


def test_schouwpunten_zonder_schouw_open(wg, plan, toets):
    u = toets(wg, "pva.schouwpunten", DATUM)
    assert u.status == Status.OPEN
    assert u.toelichting == "Nog geen schouw in deze cyclus."
    assert u.url == url("schouwpunten")


def test_schouwpunten_terugkerend_punt_niet_opgenomen_niet_voldaan(wg, cyclus, plan, toets):
    schouw = SchouwFactory(cyclus=cyclus)
    punt = SchouwpuntFactory(schouw=schouw, nummer=4, terugkerend=True)
    u = toets(wg, "pva.schouwpunten", DATUM)
    assert u.status == Status.NIET_VOLDAAN
    assert u.toelichting.startswith("0 van 1 terugkerende schouwpunten in de maatregelenmatrix; ontbreekt: ")
    assert "punt 4" in u.toelichting
    MaatregelFactory(plan=plan, soort=Maatregel.Soort.SCHOUWPUNT, schouwpunt=punt)
    u = toets(wg, "pva.schouwpunten", DATUM)
    assert u.status == Status.VOLDAAN
    assert u.toelichting == "1 van 1 terugkerende schouwpunten in de maatregelenmatrix."


def test_schouwpunten_zonder_plan_open(wg, cyclus, toets):
    SchouwpuntFactory(schouw=SchouwFactory(cyclus=cyclus), terugkerend=True)
    u = toets(wg, "pva.schouwpunten", DATUM)
    assert u.status == Status.OPEN
    assert u.toelichting.startswith("1 terugkerende schouwpunten;")


def test_schouwpunten_positief_of_eenmalig_hoeft_niet(wg, cyclus, plan, toets):
    schouw = SchouwFactory(cyclus=cyclus)
    SchouwpuntFactory(schouw=schouw, terugkerend=True, positief=True)
    SchouwpuntFactory(schouw=schouw, terugkerend=False)
    u = toets(wg, "pva.schouwpunten", DATUM)
    assert u.status == Status.VOLDAAN
    assert u.toelichting.startswith("Geen terugkerende schouwpunten")


# --- pva.verdeling ---------------------------------------------------------------------------


def maatregel_van(plan, wg, *soorten, **kwargs):
    for soort in soorten:
        MaatregelFactory(plan=plan, verantwoordelijke=partij(wg, soort), **kwargs)


def test_verdeling_drie_van_vier_niet_voldaan(wg, plan, toets):
    maatregel_van(plan, wg, "ondernemersvereniging", "gemeente", "politie", "beveiliging")
    u = toets(wg, "pva.verdeling", DATUM)
    assert u.status == Status.NIET_VOLDAAN
    assert u.toelichting == (
        "3 van 4 verplichte partijen verantwoordelijk voor een maatregel; "
        "zonder maatregel: brandweer (veiligheidsregio)."
    )
    assert u.url == url("matrix")


def test_verdeling_vier_van_vier_voldaan(wg, plan, toets):
    maatregel_van(plan, wg, "ondernemersvereniging", "gemeente", "politie", "brandweer")
    u = toets(wg, "pva.verdeling", DATUM)
    assert u.status == Status.VOLDAAN
    assert u.toelichting == "4 van 4 verplichte partijen verantwoordelijk voor een maatregel."


def test_verdeling_belangenbehartiger_telt_als_ondernemers(wg, plan, toets):
    maatregel_van(plan, wg, "belangenbehartiger", "gemeente", "politie", "brandweer")
    assert toets(wg, "pva.verdeling", DATUM).status == Status.VOLDAAN


def test_verdeling_zonder_ondernemers_niet_voldaan(wg, plan, toets):
    maatregel_van(plan, wg, "vastgoed", "gemeente", "politie", "brandweer")
    u = toets(wg, "pva.verdeling", DATUM)
    assert u.status == Status.NIET_VOLDAAN
    assert "zonder maatregel: ondernemers" in u.toelichting


def test_verdeling_vervallen_maatregel_telt_niet(wg, plan, toets):
    maatregel_van(plan, wg, "ondernemersvereniging", "gemeente", "politie")
    maatregel_van(plan, wg, "brandweer", status=Maatregel.Status.VERVALLEN, wijziging_reden="Niet nodig.")
    assert toets(wg, "pva.verdeling", DATUM).status == Status.NIET_VOLDAAN


def test_verdeling_zonder_maatregelen_open(wg, plan, toets):
    assert toets(wg, "pva.verdeling", DATUM).status == Status.OPEN


# --- pva.vaste-maatregelen ----------------------------------------------------------------------


@pytest.fixture
def vast_plan(actoren):
    return plan_maak(actor=actoren.voorzitter, cyclus=actoren.cyclus)


def communicatie_jaar_2(plan) -> Maatregel:
    return plan.maatregelen.filter(soort="vast-communicatie", jaar=2).order_by("pk").first()


def test_vaste_maatregelen_zonder_plan_open(wg, cyclus, toets):
    assert toets(wg, "pva.vaste-maatregelen", DATUM).status == Status.OPEN


def test_vaste_maatregelen_plan_maken_voldaan(wg, vast_plan, toets):
    assert vast_plan.maatregelen.count() == 21
    u = toets(wg, "pva.vaste-maatregelen", DATUM)
    assert u.status == Status.VOLDAAN
    assert u.url == url("matrix")


def test_vaste_maatregelen_communicatie_jaar_2_weg_niet_voldaan(wg, vast_plan, toets):
    communicatie_jaar_2(vast_plan).delete()
    u = toets(wg, "pva.vaste-maatregelen", DATUM)
    assert u.status == Status.NIET_VOLDAAN
    assert u.toelichting == "Vaste maatregelen ontbreken — jaar 2: communicatie naar ondernemers 1 van 2."


def test_vaste_maatregelen_vervallen_telt_niet(wg, vast_plan, toets):
    m = communicatie_jaar_2(vast_plan)
    m.status, m.wijziging_reden = Maatregel.Status.VERVALLEN, "Samengevoegd."
    m.save()
    u = toets(wg, "pva.vaste-maatregelen", DATUM)
    assert u.status == Status.NIET_VOLDAAN
    assert "jaar 2: communicatie naar ondernemers 1 van 2" in u.toelichting


@pytest.mark.parametrize(
    ("kwartaal", "status"),
    [
        ("2026-Q1", Status.NIET_VOLDAAN),  # first day 01-01-2026 lies in year 1 (until 14-01-2026)
        ("2026-Q2", Status.VOLDAAN),  # first day 01-04-2026 lies in year 2
        ("2027-Q1", Status.VOLDAAN),  # first day 01-01-2027 lies in year 2 (until 14-01-2027)
        ("2027-Q2", Status.NIET_VOLDAAN),  # year 3
        ("2029-Q1", Status.NIET_VOLDAAN),  # outside the cycle
    ],
)
def test_vaste_maatregelen_kwartaal_hoort_bij_jaar_van_eerste_dag(wg, vast_plan, toets, kwartaal, status):
    m = communicatie_jaar_2(vast_plan)
    m.kwartalen = [kwartaal]
    m.save()
    assert toets(wg, "pva.vaste-maatregelen", DATUM).status == status


# --- pva.vastgesteld ---------------------------------------------------------------------------


def test_vastgesteld(wg, cyclus, toets):
    assert toets(wg, "pva.vastgesteld", DATUM).status == Status.OPEN
    plan = PlanFactory(cyclus=cyclus)
    u = toets(wg, "pva.vastgesteld", DATUM)
    assert u.status == Status.OPEN
    assert u.toelichting.startswith("Het plan is nog niet vastgesteld")
    assert u.url == url("overzicht")
    plan.vastgesteld_op = D(2025, 5, 12)
    plan.save()
    u = toets(wg, "pva.vastgesteld", DATUM)
    assert u.status == Status.OPEN
    assert u.toelichting == "Vastgesteld op 12-05-2025; kies ook de bijeenkomst waarin dat gebeurde."
    plan.vastgesteld_in = BijeenkomstFactory(werkgroep=wg, datum=D(2025, 5, 12))
    plan.save()
    u = toets(wg, "pva.vastgesteld", DATUM)
    assert u.status == Status.VOLDAAN
    assert u.toelichting == "Vastgesteld door de werkgroep op 12-05-2025."


# --- pva.voortgang -------------------------------------------------------------------------------


def test_voortgang_niets_lopend_open(wg, plan, toets):
    MaatregelFactory(plan=plan)
    MaatregelFactory(plan=plan, status=Maatregel.Status.VERVALLEN)
    u = toets(wg, "pva.voortgang", DATUM)
    assert u.status == Status.OPEN
    assert u.toelichting == "Nog geen lopende of uitgevoerde maatregelen."


def test_voortgang_lopend_zonder_notitie_niet_voldaan(wg, plan, toets):
    MaatregelFactory(plan=plan, titel="Camera's", status=Maatregel.Status.LOPEND)
    u = toets(wg, "pva.voortgang", DATUM)
    assert u.status == Status.NIET_VOLDAAN
    assert u.toelichting == "1 lopende of uitgevoerde maatregelen; zonder voortgangsnotitie: “Camera's”."


def test_voortgang_uitgevoerd_zonder_datum_niet_voldaan(wg, plan, toets):
    m = MaatregelFactory(plan=plan, titel="Camera's", status=Maatregel.Status.UITGEVOERD)
    VoortgangFactory(maatregel=m)
    u = toets(wg, "pva.voortgang", DATUM)
    assert u.status == Status.NIET_VOLDAAN
    assert u.toelichting == "1 lopende of uitgevoerde maatregelen; uitgevoerd zonder datum: “Camera's”."


def test_voortgang_notities_en_datum_voldaan(wg, plan, toets):
    lopend = MaatregelFactory(plan=plan, status=Maatregel.Status.LOPEND)
    klaar = MaatregelFactory(plan=plan, status=Maatregel.Status.UITGEVOERD, uitgevoerd_op=D(2025, 8, 15))
    VoortgangFactory.create_batch(2, maatregel=lopend)
    VoortgangFactory(maatregel=klaar)
    MaatregelFactory(plan=plan)  # planned: needs no note yet
    u = toets(wg, "pva.voortgang", DATUM)
    assert u.status == Status.VOLDAAN
    assert u.toelichting.startswith("Alle 2 lopende en uitgevoerde maatregelen hebben voortgang")


# --- evaluatie.jaarlijks -----------------------------------------------------------------------


def test_jaarlijks_laatste_dag_jaar_1_open(wg, cyclus, toets):
    u = toets(wg, "evaluatie.jaarlijks", JAAR1_LAATSTE_DAG)
    assert u.status == Status.OPEN
    assert u.toelichting == "Nog geen jaar voltooid; evaluatie van jaar 1 uiterlijk 14-01-2026."
    assert u.url == url("evaluaties")


def test_jaarlijks_lopend_jaar_al_geevalueerd_voldaan(wg, cyclus, toets):
    EvaluatieFactory(cyclus=cyclus, jaar=1, datum=D(2025, 12, 1))
    assert toets(wg, "evaluatie.jaarlijks", JAAR1_LAATSTE_DAG).status == Status.VOLDAAN


def test_jaarlijks_jaar_1_voltooid_zonder_evaluatie_niet_voldaan(wg, cyclus, toets):
    u = toets(wg, "evaluatie.jaarlijks", JAAR1_VOLTOOID)
    assert u.status == Status.NIET_VOLDAAN
    assert u.toelichting == "Voltooide jaren zonder volledige evaluatie — jaar 1: geen evaluatie."


def test_jaarlijks_volledige_evaluatie_jaar_1_voldaan(wg, cyclus, toets):
    EvaluatieFactory(cyclus=cyclus, jaar=1)
    u = toets(wg, "evaluatie.jaarlijks", JAAR1_VOLTOOID)
    assert u.status == Status.VOLDAAN
    assert u.toelichting.startswith("Elk voltooid jaar (1) geëvalueerd")


@pytest.mark.parametrize(
    "veld",
    [
        "maatregelen_uitgevoerd",
        "omstandigheden",
        "reden_maatregelen",
        "wijzigingen_plan",
        "samenwerking",
        "taken_uitgevoerd",
        "acties_uitgevoerd",
        "reden_wijzigingen",
    ],
)
def test_jaarlijks_een_vraag_onbeantwoord_niet_voldaan(wg, cyclus, toets, veld):
    EvaluatieFactory(cyclus=cyclus, jaar=1, **{veld: " "})
    u = toets(wg, "evaluatie.jaarlijks", JAAR1_VOLTOOID)
    assert u.status == Status.NIET_VOLDAAN
    assert u.toelichting == "Voltooide jaren zonder volledige evaluatie — jaar 1: 1 vraag onbeantwoord."


def test_jaarlijks_zonder_verbeterpunten_niet_voldaan(wg, cyclus, toets):
    EvaluatieFactory(cyclus=cyclus, jaar=1, verbeterpunten=[])
    u = toets(wg, "evaluatie.jaarlijks", JAAR1_VOLTOOID)
    assert u.status == Status.NIET_VOLDAAN
    assert u.toelichting.endswith("jaar 1: geen verbeterpunten.")


def test_jaarlijks_jaar_2_voltooid_zonder_evaluatie(wg, cyclus, toets):
    EvaluatieFactory(cyclus=cyclus, jaar=1)
    assert toets(wg, "evaluatie.jaarlijks", D(2027, 1, 14)).status == Status.VOLDAAN
    u = toets(wg, "evaluatie.jaarlijks", D(2027, 1, 15))
    assert u.status == Status.NIET_VOLDAAN
    assert "jaar 2: geen evaluatie" in u.toelichting


# --- evaluatie.derde-jaar ----------------------------------------------------------------------


def test_derde_jaar_eerste_cyclus_dag_voor_jaar_3_nvt(wg, cyclus, toets):
    u = toets(wg, "evaluatie.derde-jaar", JAAR3_START - dt.timedelta(days=1))
    assert u.status == Status.NVT
    assert u.toelichting == "Eerste cyclus, het derde jaar begint op 15-01-2027."


def test_derde_jaar_eerste_dag_jaar_3_open(wg, cyclus, toets):
    u = toets(wg, "evaluatie.derde-jaar", JAAR3_START)
    assert u.status == Status.OPEN
    assert "het derde jaar loopt tot 14-01-2028" in u.toelichting


def test_derde_jaar_voorbij_zonder_doelen_behaald_niet_voldaan(wg, cyclus, toets):
    EvaluatieFactory(cyclus=cyclus, jaar=3, reden_doelen="De camera's kwamen laat.")
    u = toets(wg, "evaluatie.derde-jaar", JAAR3_VOLTOOID)
    assert u.status == Status.NIET_VOLDAAN
    assert u.toelichting == (
        "Het derde jaar is voorbij (14-01-2028): behaalde doelen en de belangrijkste reden ontbreken."
    )
    assert toets(wg, "evaluatie.derde-jaar", JAAR3_VOLTOOID - dt.timedelta(days=1)).status == Status.OPEN


def test_derde_jaar_voorbij_zonder_evaluatie_niet_voldaan(wg, cyclus, toets):
    u = toets(wg, "evaluatie.derde-jaar", JAAR3_VOLTOOID)
    assert u.status == Status.NIET_VOLDAAN
    assert "geen evaluatie van het derde jaar" in u.toelichting


def test_derde_jaar_beide_antwoorden_voldaan(wg, cyclus, toets):
    EvaluatieFactory(
        cyclus=cyclus,
        jaar=3,
        datum=D(2027, 12, 1),
        doelen_behaald="Minder inbraken: behaald. Verlichting: niet behaald.",
        reden_doelen="De camera's werkten; de lantaarnpalen kwamen laat.",
    )
    u = toets(wg, "evaluatie.derde-jaar", JAAR3_VOLTOOID)
    assert u.status == Status.VOLDAAN
    assert u.toelichting == "Evaluatie derde jaar (01-12-2027): behaalde doelen en reden vastgelegd."


def test_derde_jaar_opvolgende_cyclus_voor_jaar_3_open(wg, cyclus, toets):
    volgende_cyclus(wg)
    assert toets(wg, "evaluatie.derde-jaar", D(2028, 6, 1)).status == Status.OPEN


# --- evaluatie.vernieuwing -----------------------------------------------------------------------


def test_vernieuwing_eerste_cyclus_nvt(wg, cyclus, toets):
    u = toets(wg, "evaluatie.vernieuwing", DATUM)
    assert u.status == Status.NVT
    assert u.url == url("overzicht")


def test_vernieuwing_opvolgende_cyclus(wg, cyclus, toets):
    volgend = volgende_cyclus(wg)
    datum = D(2028, 6, 1)
    u = toets(wg, "evaluatie.vernieuwing", datum)
    assert u.status == Status.OPEN
    assert u.toelichting == (
        "Opvolgende certificering: nog niet klaar — een nieuwe, vastgestelde veiligheidsanalyse en "
        "een vernieuwd, vastgesteld plan van aanpak."
    )
    conclusie = ConclusieFactory(cyclus=volgend)
    plan = PlanFactory(cyclus=volgend, vastgesteld_op=D(2028, 5, 1))
    assert toets(wg, "evaluatie.vernieuwing", datum).status == Status.OPEN  # conclusion not adopted
    conclusie.vastgesteld_op = D(2028, 4, 1)
    conclusie.save()
    plan.vastgesteld_op = None
    plan.save()
    assert toets(wg, "evaluatie.vernieuwing", datum).status == Status.OPEN  # plan not adopted
    plan.vastgesteld_op = D(2028, 5, 1)
    plan.save()
    u = toets(wg, "evaluatie.vernieuwing", datum)
    assert u.status == Status.VOLDAAN
    assert u.toelichting == "Nieuwe veiligheidsanalyse (01-04-2028) en vernieuwd plan (01-05-2028) vastgesteld."


# --- audit.eerste-maatregelen --------------------------------------------------------------------


def uitgevoerd(plan, op, soort=Maatregel.Soort.SCHOUWPUNT, n=1, **kwargs):
    return MaatregelFactory.create_batch(
        n, plan=plan, soort=soort, status=Maatregel.Status.UITGEVOERD, uitgevoerd_op=op, **kwargs
    )


def test_eerste_maatregelen_genoeg_op_de_auditdatum_voldaan(wg, plan, toets):
    uitgevoerd(plan, D(2026, 3, 1), n=3)
    uitgevoerd(plan, AUDIT, soort=Maatregel.Soort.VAST_COMMUNICATIE)
    u = toets(wg, "audit.eerste-maatregelen", D(2026, 6, 2))
    assert u.status == Status.VOLDAAN
    assert u.toelichting == (
        "4 maatregelen uitgevoerd op de auditdatum 01-06-2026: 3 uit de schouw (minimaal 3), "
        "1 communicatie naar ondernemers (minimaal 1)."
    )
    assert u.url == url("matrix")


def test_eerste_maatregelen_gekoppeld_schouwpunt_telt_als_schouw(wg, cyclus, plan, toets):
    punt = SchouwpuntFactory(schouw=SchouwFactory(cyclus=cyclus), terugkerend=True)
    uitgevoerd(plan, D(2026, 3, 1), n=2)
    uitgevoerd(plan, D(2026, 3, 1), soort=Maatregel.Soort.REGULIER, schouwpunt=punt)
    uitgevoerd(plan, D(2026, 3, 1), soort=Maatregel.Soort.COMMUNICATIE)
    assert toets(wg, "audit.eerste-maatregelen", D(2026, 6, 2)).status == Status.VOLDAAN


def test_eerste_maatregelen_dag_na_de_audit_telt_niet(wg, plan, toets):
    uitgevoerd(plan, D(2026, 3, 1), n=3)
    uitgevoerd(plan, AUDIT + dt.timedelta(days=1), soort=Maatregel.Soort.COMMUNICATIE)
    u = toets(wg, "audit.eerste-maatregelen", D(2026, 6, 3))
    assert u.status == Status.NIET_VOLDAAN
    assert u.toelichting.startswith("3 maatregelen uitgevoerd op de auditdatum 01-06-2026: 3 uit de schouw")
    assert "0 communicatie naar ondernemers" in u.toelichting


def test_eerste_maatregelen_te_weinig_voor_de_audit_open(wg, plan, toets):
    uitgevoerd(plan, D(2026, 3, 1), n=2)
    uitgevoerd(plan, D(2026, 3, 1), soort=Maatregel.Soort.COMMUNICATIE)
    u = toets(wg, "audit.eerste-maatregelen", AUDIT - dt.timedelta(days=1))
    assert u.status == Status.OPEN
    assert u.toelichting.endswith("; nog niet genoeg voor de eerste audit.")
    assert toets(wg, "audit.eerste-maatregelen", AUDIT + dt.timedelta(days=1)).status == Status.NIET_VOLDAAN


def test_eerste_maatregelen_zonder_datum_of_niet_uitgevoerd_telt_niet(wg, plan, toets):
    uitgevoerd(plan, D(2026, 3, 1), n=2)
    uitgevoerd(plan, None)  # executed, but without a date
    MaatregelFactory(plan=plan, soort=Maatregel.Soort.SCHOUWPUNT, status="lopend", uitgevoerd_op=D(2026, 3, 1))
    uitgevoerd(plan, D(2026, 3, 1), soort=Maatregel.Soort.COMMUNICATIE)
    assert toets(wg, "audit.eerste-maatregelen", D(2026, 6, 2)).status == Status.NIET_VOLDAAN


def test_eerste_maatregelen_opvolgende_cyclus_nvt(wg, cyclus, toets):
    volgende_cyclus(wg)
    u = toets(wg, "audit.eerste-maatregelen", D(2028, 6, 1))
    assert u.status == Status.NVT
    assert u.toelichting == "Opvolgende audit: geldt alleen bij de eerste audit."


# --- audit.uitgevoerd ------------------------------------------------------------------------------

OPVOLGENDE_AUDIT = D(2030, 11, 1)


@pytest.fixture
def opvolgend_plan(wg, cyclus):
    volgend = volgende_cyclus(wg)
    AuditFactory(werkgroep=wg, cyclus=volgend, soort=Audit.Soort.OPVOLGENDE, datum=OPVOLGENDE_AUDIT)
    return PlanFactory(cyclus=volgend)


def test_uitgevoerd_eerste_cyclus_nvt(wg, cyclus, toets):
    u = toets(wg, "audit.uitgevoerd", DATUM)
    assert u.status == Status.NVT
    assert u.toelichting == "Eerste audit: geldt pas bij een opvolgende audit."


def test_uitgevoerd_opvolgende_cyclus_zonder_plan_open(wg, cyclus, toets):
    volgende_cyclus(wg)
    assert toets(wg, "audit.uitgevoerd", D(2028, 6, 1)).status == Status.OPEN


def test_uitgevoerd_geplande_maatregel_zonder_reden(wg, opvolgend_plan, toets):
    uitgevoerd(opvolgend_plan, D(2029, 3, 1))
    MaatregelFactory(plan=opvolgend_plan, titel="Camera's", wijziging_reden="  ")
    u = toets(wg, "audit.uitgevoerd", OPVOLGENDE_AUDIT - dt.timedelta(days=1))
    assert u.status == Status.OPEN
    assert u.toelichting == "1 van 2 maatregelen uitgevoerd of met toelichting gewijzigd; nog open: “Camera's”."
    u = toets(wg, "audit.uitgevoerd", OPVOLGENDE_AUDIT + dt.timedelta(days=1))
    assert u.status == Status.NIET_VOLDAAN
    assert u.toelichting == "1 van 2 maatregelen uitgevoerd of met toelichting gewijzigd; open: “Camera's”."


def test_uitgevoerd_op_de_auditdag_zelf_nog_open(wg, opvolgend_plan, toets):
    # eisen.md: niet_voldaan once "a deadline passed"; on the audit day itself it has not passed
    # (as audit.eerste-maatregelen, which counts measures executed on the audit date).
    MaatregelFactory(plan=opvolgend_plan)
    assert toets(wg, "audit.uitgevoerd", OPVOLGENDE_AUDIT).status == Status.OPEN


def test_uitgevoerd_alles_uitgevoerd_of_toegelicht_voldaan(wg, opvolgend_plan, toets):
    uitgevoerd(opvolgend_plan, D(2029, 3, 1))
    MaatregelFactory(plan=opvolgend_plan, wijziging_reden="Verschoven: de gemeente herinricht de weg eerst.")
    MaatregelFactory(plan=opvolgend_plan, status=Maatregel.Status.VERVALLEN, wijziging_reden="Niet meer nodig.")
    u = toets(wg, "audit.uitgevoerd", OPVOLGENDE_AUDIT + dt.timedelta(days=1))
    assert u.status == Status.VOLDAAN
    assert u.toelichting == "3 van 3 maatregelen uitgevoerd of met toelichting gewijzigd."


def test_uitgevoerd_vervallen_zonder_reden_niet_voldaan(wg, opvolgend_plan, toets):
    MaatregelFactory(plan=opvolgend_plan, status=Maatregel.Status.VERVALLEN)
    assert toets(wg, "audit.uitgevoerd", OPVOLGENDE_AUDIT + dt.timedelta(days=1)).status == Status.NIET_VOLDAAN


# --- queries ---------------------------------------------------------------------------------------

MAX_QUERIES = 18  # 15 today, for 5 and for 50 measures


def vul_plan(wg, cyclus, n: int):
    plan = PlanFactory(cyclus=cyclus, vastgesteld_op=D(2025, 5, 12))
    schouw = SchouwFactory(cyclus=cyclus)
    partijen = [partij(wg, s) for s in ("ondernemersvereniging", "gemeente", "politie", "brandweer")]
    enquete = EnqueteFactory(cyclus=cyclus)
    for thema in VERPLICHT[:7]:
        VraagFactory(enquete=enquete, thema=thema)
        DoelstellingFactory(plan=plan, thema=thema)
    for i in range(n):
        punt = SchouwpuntFactory(schouw=schouw, terugkerend=True)
        m = MaatregelFactory(
            plan=plan,
            soort=Maatregel.Soort.SCHOUWPUNT if i % 2 else Maatregel.Soort.COMMUNICATIE,
            schouwpunt=punt if i % 3 else None,  # every third point is missing from the matrix
            verantwoordelijke=partijen[i % 4],
            status=Maatregel.Status.UITGEVOERD if i % 2 else Maatregel.Status.LOPEND,
            uitgevoerd_op=D(2026, 3, 1) if i % 4 == 1 else None,
        )
        VoortgangFactory.create_batch(i % 3, maatregel=m)
    for jaar in (1, 2):
        EvaluatieFactory(cyclus=cyclus, jaar=jaar)


@pytest.mark.parametrize("n", [5, 50])
def test_aantal_queries_groeit_niet(wg, cyclus, n, django_assert_max_num_queries):
    vul_plan(wg, cyclus, n)
    with django_assert_max_num_queries(MAX_QUERIES):
        resultaten = voer_toets_uit(wg, datum=D(2027, 3, 1), ids=IDS)
    assert {r.id for r in resultaten} == set(IDS)


def test_aantal_queries_gelijk_voor_5_en_50(wg, cyclus):
    ander = CyclusFactory(werkgroep=WerkgroepFactory(slug="groot"))
    vul_plan(wg, cyclus, 5)
    vul_plan(ander.werkgroep, ander, 50)
    with CaptureQueriesContext(connection) as vijf:
        voer_toets_uit(wg, datum=D(2027, 3, 1), ids=IDS)
    with CaptureQueriesContext(connection) as vijftig:
        voer_toets_uit(ander.werkgroep, datum=D(2027, 3, 1), ids=IDS)
    assert len(vijftig) == len(vijf)
