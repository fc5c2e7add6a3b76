"""Every check of pvo.md at its boundaries, on the complete PVO group of ``tests/pvo/groep.py``
(everything met on PEILDATUM; each test breaks one thing)."""

import datetime as dt

import pytest

from aanpak.models import Activiteit, Maatregel, Plan
from analyse.models import Gebiedsscan
from kvo.regelingen import PVO
from kvo.toets import Status, voer_toets_uit
from tests.factories import CyclusFactory, LidFactory
from tests.pvo.groep import KICKOFF, PEILDATUM, WAARDERING, maak_pvo_groep
from tests.werkgroepen.factories import BijeenkomstFactory, CommunicatieFactory
from werkgroepen.models import Bijeenkomst, Communicatie, Groepsrol, Partij

D = dt.date
pytestmark = pytest.mark.django_db


def uitkomst(groep, eis_id, datum=PEILDATUM, cyclus=None):
    (r,) = voer_toets_uit(groep.werkgroep, cyclus=cyclus, datum=datum, ids=[eis_id])
    return r.uitkomst


@pytest.fixture
def g():
    return maak_pvo_groep()


def test_volledige_groep_voldoet_aan_alles_behalve_de_herijking(g):
    stand = {r.id: r.status for r in voer_toets_uit(g.werkgroep, datum=PEILDATUM)}
    assert stand.pop("pvo.herijking") == Status.OPEN
    assert set(stand.values()) == {Status.VOLDAAN}


# --- pvo.bijeenkomsten: six to eight in the first year, then every quarter -----------------------


def _eerste_jaar_vergaderingen(g):
    return [b for b in g.bijeenkomsten if KICKOFF < b.datum < WAARDERING and b.soort == Bijeenkomst.Soort.WERKGROEP]


def test_bijeenkomsten_zes_tot_de_waardering_voldaan_vijf_niet(g):
    extra = _eerste_jaar_vergaderingen(g)
    extra[0].delete()  # 7 → 6
    u = uitkomst(g, "pvo.bijeenkomsten")
    assert u.status == Status.VOLDAAN and "6 bijeenkomsten van de kick-off" in u.toelichting
    extra[1].delete()  # 6 → 5
    u = uitkomst(g, "pvo.bijeenkomsten")
    assert u.status == Status.NIET_VOLDAAN
    assert "5 bijeenkomsten" in u.toelichting and "1 te weinig" in u.toelichting
    assert u.url.endswith("/w/pvo-oost/bijeenkomsten/")


@pytest.mark.parametrize("aantal", [8, 9])
def test_bijeenkomsten_acht_en_negen_voldaan(g, aantal):
    for i in range(aantal - 7):
        BijeenkomstFactory(werkgroep=g.werkgroep, datum=D(2025, 10, 1) + dt.timedelta(days=i))
    u = uitkomst(g, "pvo.bijeenkomsten")
    assert u.status == Status.VOLDAAN and f"{aantal} bijeenkomsten" in u.toelichting


def test_voorlichting_en_audit_tellen_niet_als_groepsbijeenkomst(g):
    for b in _eerste_jaar_vergaderingen(g)[:2]:
        b.soort = Bijeenkomst.Soort.VOORLICHTING
        b.save()
    assert uitkomst(g, "pvo.bijeenkomsten").status == Status.NIET_VOLDAAN


def test_bijeenkomsten_lopend_eerste_jaar_vijf_is_open(g):
    u = uitkomst(g, "pvo.bijeenkomsten", datum=D(2025, 11, 2))  # before the waardering: kick-off + 4
    assert u.status == Status.OPEN and "nog 1 te gaan" in u.toelichting
    u = uitkomst(g, "pvo.bijeenkomsten", datum=D(2025, 11, 3))  # the sixth: met while the year runs
    assert u.status == Status.VOLDAAN


def test_bijeenkomsten_eerste_jaar_voorbij_zonder_waardering(g):
    g.waardering.gehouden_op = None
    g.waardering.save()
    g.waardering_bijeenkomst.delete()
    _eerste_jaar_vergaderingen(g)[0].delete()  # 5 left in the year to 19-01-2026
    assert uitkomst(g, "pvo.bijeenkomsten", datum=D(2026, 1, 19)).status == Status.OPEN
    assert uitkomst(g, "pvo.bijeenkomsten", datum=D(2026, 1, 20)).status == Status.NIET_VOLDAAN


def test_kwartaal_zonder_bijeenkomst_na_de_waardering(g):
    q1 = next(b for b in g.bijeenkomsten if b.datum == D(2026, 2, 9))
    q1.delete()
    u = uitkomst(g, "pvo.bijeenkomsten")
    assert u.status == Status.NIET_VOLDAAN and "zonder bijeenkomst: 2026-Q1" in u.toelichting


def test_lopend_kwartaal_zonder_bijeenkomst_is_een_taak_tot_het_voorbij_is(g):
    q2 = next(b for b in g.bijeenkomsten if b.datum == D(2026, 5, 11))
    q2.delete()
    u = uitkomst(g, "pvo.bijeenkomsten", datum=D(2026, 6, 30))
    assert u.status == Status.VOLDAAN and "Nog te doen in 2026-Q2" in u.toelichting
    u = uitkomst(g, "pvo.bijeenkomsten", datum=D(2026, 7, 1))
    assert u.status == Status.NIET_VOLDAAN and "2026-Q2" in u.toelichting


def test_kwartaal_van_de_waardering_zelf_hoeft_geen_tweede(g):
    # nothing else in 2025-Q4 after 15-12; the first quarter that must have a meeting is 2026-Q1
    u = uitkomst(g, "pvo.bijeenkomsten", datum=D(2026, 1, 5))
    assert u.status == Status.VOLDAAN and "0 van 0 voltooide kwartalen" in u.toelichting


# --- pvo.herijking: a new plan before the previous one's two years end --------------------------


def test_herijking_open_tot_en_met_de_laatste_dag_dan_niet_voldaan(g):
    assert uitkomst(g, "pvo.herijking", datum=D(2027, 6, 14)).status == Status.OPEN
    u = uitkomst(g, "pvo.herijking", datum=D(2027, 6, 15))
    assert u.status == Status.NIET_VOLDAAN
    assert "eindigden op 14-06-2027 zonder nieuw" in u.toelichting


def _herijking(g, vastgesteld_op):
    cyclus2 = CyclusFactory(werkgroep=g.werkgroep, nummer=2, soort="opvolgende", start=D(2027, 5, 1), handboek=PVO)
    Plan.objects.create(werkgroep=g.werkgroep, cyclus=cyclus2, vernieuwd_van=g.plan, vastgesteld_op=vastgesteld_op)
    return cyclus2


def test_herijking_op_de_laatste_dag_voldaan(g):
    _herijking(g, D(2027, 6, 14))
    u = uitkomst(g, "pvo.herijking", datum=D(2027, 7, 1))
    assert u.status == Status.VOLDAAN and "vernieuwt het vorige plan" in u.toelichting


def test_herijking_een_dag_te_laat(g):
    _herijking(g, D(2027, 6, 15))
    u = uitkomst(g, "pvo.herijking", datum=D(2027, 7, 1))
    assert u.status == Status.NIET_VOLDAAN and "te laat" in u.toelichting


def test_herijking_nieuw_plan_nog_niet_vastgesteld(g):
    _herijking(g, None)
    assert uitkomst(g, "pvo.herijking", datum=D(2027, 6, 1)).status == Status.OPEN
    assert uitkomst(g, "pvo.herijking", datum=D(2027, 6, 15)).status == Status.NIET_VOLDAAN


def test_in_een_herijking_is_de_opzet_nvt_en_telt_de_waardering_van_de_opzet(g):
    _herijking(g, D(2027, 6, 1))
    stand = {r.id: r.status for r in voer_toets_uit(g.werkgroep, datum=D(2027, 6, 2))}
    assert stand["pvo.enquete"] == stand["pvo.inventarisatie"] == stand["pvo.gebiedsscan"] == Status.NVT
    assert stand["pvo.waardering"] == Status.VOLDAAN
    assert stand["pvo.herijking"] == Status.VOLDAAN


# --- pvo.doelstellingen: each of the four themes ------------------------------------------------


@pytest.mark.parametrize("thema", ["schoon", "heel", "veilig", "meldingsbereidheid"])
def test_elk_thema_zonder_doel(g, thema):
    g.plan.doelstellingen.filter(thema=thema).delete()
    u = uitkomst(g, "pvo.doelstellingen")
    assert u.status == Status.NIET_VOLDAAN and f"ontbreekt: {thema}" in u.toelichting
    assert uitkomst(g, "pvo.doelstellingen", datum=D(2025, 6, 14)).status == Status.OPEN  # before the adoption


def test_kvo_thema_telt_niet_voor_pvo(g):
    g.plan.doelstellingen.filter(thema="heel").update(thema="fysieke-veiligheid")
    assert uitkomst(g, "pvo.doelstellingen").status == Status.NIET_VOLDAAN


# --- the partnership -----------------------------------------------------------------------------


def test_intentieverklaring_optioneel_nvt(g):
    g.werkgroep.geen_intentieverklaring = True
    g.werkgroep.save()
    u = uitkomst(g, "pvo.intentieverklaring")
    assert u.status == Status.NVT and "zonder intentieverklaring" in u.toelichting


def test_intentieverklaring_zonder_document_open(g):
    g.document.delete()
    u = uitkomst(g, "pvo.intentieverklaring")
    assert u.status == Status.OPEN and "archief" in u.toelichting


def test_kickoff_door_de_politie_georganiseerd(g):
    g.kickoff.georganiseerd_door = g.politie
    g.kickoff.save()
    assert uitkomst(g, "pvo.kickoff").status == Status.NIET_VOLDAAN


def test_kickoff_zonder_aanwezigen_of_nog_niet_gehouden(g):
    g.kickoff.aanwezigen.clear()
    assert uitkomst(g, "pvo.kickoff").status == Status.OPEN
    u = uitkomst(g, "pvo.kickoff", datum=D(2025, 1, 19))
    assert u.status == Status.OPEN and "gepland op 20-01-2025" in u.toelichting


def test_deelnemers_zonder_politie(g):
    g.werkgroep.leden.filter(partij=g.politie).update(lid_tot=D(2026, 1, 1))
    u = uitkomst(g, "pvo.deelnemers")
    assert u.status == Status.NIET_VOLDAAN and "ontbreekt: politie" in u.toelichting


def test_deelnemers_brandweer_niet_verplicht_voorzitter_uit_de_gemeente_wel_fout(g):
    assert "brandweer" not in uitkomst(g, "pvo.deelnemers").toelichting
    for lid in g.werkgroep.leden.all():
        if Groepsrol.VOORZITTER in lid.rollen:
            lid.rollen = []
            lid.save()
    LidFactory(werkgroep=g.werkgroep, partij=g.gemeente, rollen=[Groepsrol.VOORZITTER])
    u = uitkomst(g, "pvo.deelnemers")
    assert u.status == Status.NIET_VOLDAAN and "voorzitter" in u.toelichting


def test_capaciteit_niet_vastgelegd(g):
    Partij.objects.filter(pk=g.gemeente.pk).update(toegezegde_capaciteit="")
    assert uitkomst(g, "pvo.capaciteit").status == Status.OPEN


def test_gebied_zonder_postcodes_open_ongeldige_grens_niet_voldaan(g):
    g.terrein.postcodes = []
    g.terrein.save()
    u = uitkomst(g, "pvo.gebied")
    assert u.status == Status.OPEN and "geen postcodes" in u.toelichting
    g.terrein.grens = {"type": "Polygon", "coordinates": [[[5, 52], [6, 53], [5, 53], [6, 52], [5, 52]]]}
    g.terrein.save()
    assert uitkomst(g, "pvo.gebied").status == Status.NIET_VOLDAAN


# --- the inventory before the plan --------------------------------------------------------------


def test_inventarisatie_zonder_mor(g):
    g.cyclus.cijfers.filter(bron="gemeente").delete()
    u = uitkomst(g, "pvo.inventarisatie")
    assert u.status == Status.NIET_VOLDAAN and "MOR" in u.toelichting
    assert uitkomst(g, "pvo.inventarisatie", datum=D(2025, 6, 14)).status == Status.OPEN


def test_enquete_na_het_plan(g):
    g.enquete.geopend_op = D(2025, 6, 16)
    g.enquete.save()
    assert uitkomst(g, "pvo.enquete").status == Status.NIET_VOLDAAN


def test_enquete_brief_niet_van_de_gemeente(g):
    g.enquete.brief_namens = g.ondernemers
    g.enquete.save()
    u = uitkomst(g, "pvo.enquete")
    assert u.status == Status.NIET_VOLDAAN and "niet van de gemeente" in u.toelichting


def test_enquete_resultaten_nog_niet_gepresenteerd(g):
    g.enquete.resultaten_gepresenteerd_op = None
    g.enquete.save()
    assert uitkomst(g, "pvo.enquete", datum=D(2025, 6, 1)).status == Status.OPEN
    assert uitkomst(g, "pvo.enquete").status == Status.NIET_VOLDAAN


def test_gebiedsscan_top_3(g):
    scan = Gebiedsscan.objects.get(partij=g.politie)
    scan.fenomenen = ["a", "b", "c", "d"]
    scan.save()
    assert uitkomst(g, "pvo.gebiedsscan").status == Status.NIET_VOLDAAN


def test_gebiedsscan_ontbreekt_voor_een_stakeholder(g):
    Gebiedsscan.objects.filter(partij=g.politie).delete()
    u = uitkomst(g, "pvo.gebiedsscan")
    assert u.status == Status.NIET_VOLDAAN and "Politie Oost-Nederland" in u.toelichting
    assert "PVO Oost-Nederland" not in u.toelichting  # facilitation is no stakeholder


# --- the execution plan -------------------------------------------------------------------------


def test_actie_zonder_verantwoordelijke(g):
    Maatregel.objects.create(plan=g.plan, titel="Camera's", kwartalen=["2026-Q1"])
    assert uitkomst(g, "pvo.uitvoeringsplan").status == Status.NIET_VOLDAAN


def test_uitvoeringsplan_zonder_rolverdeling_en_voor_vaststelling(g):
    Plan.objects.filter(pk=g.plan.pk).update(rolverdeling="")
    assert uitkomst(g, "pvo.uitvoeringsplan").status == Status.NIET_VOLDAAN
    assert uitkomst(g, "pvo.uitvoeringsplan", datum=D(2025, 6, 14)).status == Status.OPEN


@pytest.mark.parametrize(
    ("kwartaal", "status"),
    [("2025-Q2", Status.VOLDAAN), ("2027-Q2", Status.VOLDAAN), ("2027-Q3", Status.NIET_VOLDAAN)],
)
def test_kwartalen_binnen_de_planperiode(g, kwartaal, status):
    Maatregel.objects.filter(pk=g.maatregelen[1].pk).update(kwartalen=[kwartaal])
    assert uitkomst(g, "pvo.prioriteiten").status == status


def test_stakeholder_zonder_acties_per_kwartaal(g):
    Maatregel.objects.filter(pk=g.maatregelen[1].pk).update(kwartalen=[])
    u = uitkomst(g, "pvo.prioriteiten")
    assert u.status == Status.NIET_VOLDAAN
    assert "Politie Oost-Nederland" in u.toelichting and "zonder kwartaal" in u.toelichting


@pytest.mark.parametrize(
    ("gepland_op", "status"), [(D(2026, 1, 19), Status.VOLDAAN), (D(2026, 1, 20), Status.NIET_VOLDAAN)]
)
def test_voorlichting_in_het_eerste_jaar(g, gepland_op, status):
    Activiteit.objects.filter(plan=g.plan, soort__startswith="voorlichting").update(gepland_op=gepland_op)
    assert uitkomst(g, "pvo.activiteitenkalender").status == status


def test_kalender_zonder_voorlichting_voor_ondernemers_of_niet_vastgesteld(g):
    Activiteit.objects.filter(soort=Activiteit.Soort.VOORLICHTING_ONDERNEMERS).delete()
    u = uitkomst(g, "pvo.activiteitenkalender")
    assert u.status == Status.NIET_VOLDAAN and "voorlichting voor ondernemers" in u.toelichting
    Plan.objects.filter(pk=g.plan.pk).update(kalender_vastgesteld_op=None)
    assert uitkomst(g, "pvo.activiteitenkalender", datum=D(2025, 7, 1)).status == Status.OPEN


@pytest.mark.parametrize(("datum", "status"), [(D(2026, 1, 19), Status.VOLDAAN), (D(2026, 1, 20), Status.NIET_VOLDAAN)])
def test_meldwijzer_in_het_eerste_jaar(g, datum, status):
    Communicatie.objects.filter(soort=Communicatie.Soort.MELDWIJZER).update(datum=datum)
    assert uitkomst(g, "pvo.communicatie").status == status


def test_enquete_resultaten_niet_gecommuniceerd(g):
    Communicatie.objects.filter(soort=Communicatie.Soort.ENQUETE_RESULTATEN).delete()
    CommunicatieFactory(werkgroep=g.werkgroep, datum=D(2025, 5, 2))  # an ordinary update does not count
    assert uitkomst(g, "pvo.communicatie").status == Status.OPEN


# --- pvo.waardering ------------------------------------------------------------------------------


def test_waardering_gepland_is_open(g):
    u = uitkomst(g, "pvo.waardering", datum=D(2025, 12, 14))
    assert u.status == Status.OPEN and "gepland op 15-12-2025" in u.toelichting


def test_waardering_zonder_handtekening_van_de_politie(g):
    g.ondertekenaars[1].delete()
    u = uitkomst(g, "pvo.waardering")
    assert u.status == Status.NIET_VOLDAAN and "handtekening van Politie Oost-Nederland" in u.toelichting


@pytest.mark.parametrize("veld", ["continuiteit_bevestigd", "capaciteit_bevestigd"])
def test_waardering_zonder_bevestiging(g, veld):
    setattr(g.waardering, veld, False)
    g.waardering.save()
    assert uitkomst(g, "pvo.waardering").status == Status.NIET_VOLDAAN


def test_waardering_niet_uitgereikt(g):
    g.waardering.uitgereikt_op = None
    g.waardering.save()
    u = uitkomst(g, "pvo.waardering")
    assert u.status == Status.NIET_VOLDAAN and "uitreiking" in u.toelichting
