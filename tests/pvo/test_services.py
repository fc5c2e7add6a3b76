"""The PVO services: they validate, write and log; a PVO plan gets no KVO fixed measures; a
recalibration is a new PVO cycle whose plan renews the previous one."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from aanpak.models import Activiteit, Plan
from aanpak.services import pvo as aanpak_pvo
from aanpak.services.plan import plan_maak
from analyse.services import pvo as analyse_pvo
from audits.services_waardering import (
    ondertekenaar_leg_vast,
    ondertekenaar_verwijder,
    waardering_leg_vast,
    waardering_plan,
)
from gebieden.services import terrein_leg_postcodes_vast
from kvo.regelingen import KVO, PVO
from kvo.toets import Status, voer_toets_uit
from tests.factories import CyclusFactory, PartijFactory, WerkgroepFactory
from tests.pvo.groep import PEILDATUM, maak_pvo_groep
from werkgroepen.models import Communicatie, Logregel, Partij
from werkgroepen.services import pvo as werkgroepen_pvo
from werkgroepen.services.bijeenkomsten import communicatie_maak

D = dt.date
pytestmark = pytest.mark.django_db


def _acties(wg) -> list[str]:
    return list(Logregel.objects.filter(werkgroep=wg).order_by("pk").values_list("actie", flat=True))


def test_partnerschap_services():
    g = maak_pvo_groep()
    wg = g.werkgroep
    werkgroepen_pvo.partij_leg_capaciteit_vast(actor=None, partij=g.gemeente, toegezegde_capaciteit=" 4 uur per week ")
    assert Partij.objects.get(pk=g.gemeente.pk).toegezegde_capaciteit == "4 uur per week"
    with pytest.raises(ValidationError, match="gemeente"):
        werkgroepen_pvo.partij_leg_capaciteit_vast(actor=None, partij=g.politie, toegezegde_capaciteit="x")
    werkgroepen_pvo.werkgroep_intentieverklaring_wijzig(actor=None, werkgroep=wg, getekend_op=None, geen=True)
    assert voer_toets_uit(wg, datum=PEILDATUM, ids=["pvo.intentieverklaring"])[0].status == Status.NVT
    with pytest.raises(ValidationError):
        werkgroepen_pvo.werkgroep_intentieverklaring_wijzig(actor=None, werkgroep=wg, getekend_op=PEILDATUM, geen=True)
    werkgroepen_pvo.bijeenkomst_organisator_wijzig(actor=None, bijeenkomst=g.kickoff, partij=g.politie)
    assert voer_toets_uit(wg, datum=PEILDATUM, ids=["pvo.kickoff"])[0].status == Status.NIET_VOLDAAN
    vreemd = PartijFactory(werkgroep=WerkgroepFactory(slug="ander"))
    with pytest.raises(ValidationError):
        werkgroepen_pvo.bijeenkomst_organisator_wijzig(actor=None, bijeenkomst=g.kickoff, partij=vreemd)
    c = communicatie_maak(actor=None, werkgroep=wg, datum=PEILDATUM, onderwerp="Meldwijzer", soort="meldwijzer")
    assert c.soort == Communicatie.Soort.MELDWIJZER
    with pytest.raises(ValidationError):
        communicatie_maak(actor=None, werkgroep=wg, datum=PEILDATUM, onderwerp="x", soort="feest")
    terrein_leg_postcodes_vast(actor=None, terrein=g.terrein, postcodes=["7241aa 1-40", "", {"postcode": "7242 BB"}])
    assert g.terrein.postcodes == [
        {"postcode": "7241 AA", "huisnummers": "1-40"},
        {"postcode": "7242 BB", "huisnummers": ""},
    ]
    with pytest.raises(ValidationError, match="Geen postcode"):
        terrein_leg_postcodes_vast(actor=None, terrein=g.terrein, postcodes=["Dorpsstraat 1"])
    werkgroepen_pvo.werkgroep_kies_regeling(actor=None, werkgroep=wg, handboek=KVO)
    assert wg.handboek == KVO and wg.cycli.get().handboek == PVO
    assert {
        "partij.capaciteit", "werkgroep.intentieverklaring", "bijeenkomst.organisator", "communicatie.vastgelegd",
        "terrein.postcodes", "werkgroep.regeling",
    } <= set(_acties(wg))  # fmt: skip


def test_inventarisatie_services():
    g = maak_pvo_groep()
    with pytest.raises(ValidationError, match="gemeente"):
        analyse_pvo.enquete_leg_brief_vast(actor=None, enquete=g.enquete, namens=g.politie, ondertekenaar="x")
    analyse_pvo.enquete_leg_brief_vast(
        actor=None, enquete=g.enquete, namens=g.gemeente, ondertekenaar="de burgemeester"
    )
    with pytest.raises(ValidationError):
        analyse_pvo.enquete_markeer_resultaten_gepresenteerd(actor=None, enquete=g.enquete, op=D(2025, 2, 1))
    analyse_pvo.enquete_markeer_resultaten_gepresenteerd(
        actor=None, enquete=g.enquete, op=None, bijeenkomst=g.presentatie
    )
    assert g.enquete.resultaten_gepresenteerd_op == g.presentatie.datum
    with pytest.raises(ValidationError, match="top 3"):
        analyse_pvo.gebiedsscan_bewaar(actor=None, cyclus=g.cyclus, partij=g.politie, fenomenen="a\nb\nc\nd")
    scan = analyse_pvo.gebiedsscan_bewaar(
        actor=None, cyclus=g.cyclus, partij=g.politie, fenomenen="Inbraak\n\nCrossen", bijeenkomst=g.presentatie
    )
    assert scan.fenomenen == ["Inbraak", "Crossen"] and g.cyclus.gebiedsscans.count() == 3  # replaced, not added
    analyse_pvo.gebiedsscan_verwijder(actor=None, scan=scan)
    assert voer_toets_uit(g.werkgroep, datum=PEILDATUM, ids=["pvo.gebiedsscan"])[0].status == Status.NIET_VOLDAAN


def test_plan_kalender_en_herijking():
    g = maak_pvo_groep()
    aanpak_pvo.plan_leg_rolverdeling_vast(actor=None, plan=g.plan, rolverdeling="  OV: voorzitter  ")
    assert g.plan.rolverdeling == "OV: voorzitter"
    with pytest.raises(ValidationError):
        aanpak_pvo.activiteit_maak(actor=None, plan=g.plan, soort="feest", titel="", gepland_op=PEILDATUM)
    a = aanpak_pvo.activiteit_maak(
        actor=None, plan=g.plan, soort=Activiteit.Soort.VOORLICHTING_ONDERNEMERS, titel="Alertavond 2",
        gepland_op=PEILDATUM, partij=g.ondernemers,
    )  # fmt: skip
    aanpak_pvo.activiteit_wijzig(
        actor=None, activiteit=a, soort=a.soort, titel=a.titel, gepland_op=a.gepland_op, bijeenkomst=g.presentatie
    )
    aanpak_pvo.activiteit_verwijder(actor=None, activiteit=a)
    aanpak_pvo.activiteitenkalender_stel_vast(actor=None, plan=g.plan, vastgesteld_op=None)
    assert (
        voer_toets_uit(g.werkgroep, datum=PEILDATUM, ids=["pvo.activiteitenkalender"])[0].status == Status.NIET_VOLDAAN
    )
    aanpak_pvo.activiteitenkalender_stel_vast(actor=None, plan=g.plan, vastgesteld_op=D(2025, 6, 15))
    # recalibrate: a new PVO cycle whose plan renews the previous one, adopted in time
    cyclus2 = aanpak_pvo.herijking_start(actor=None, werkgroep=g.werkgroep, start=D(2027, 5, 1))
    assert (cyclus2.nummer, cyclus2.handboek, cyclus2.soort) == (2, PVO, "opvolgende")
    plan2 = Plan.objects.get(cyclus=cyclus2)
    assert plan2.vernieuwd_van_id == g.plan.pk
    assert not plan2.maatregelen.filter(soort__startswith="vast-").exists()  # no KVO fixed measures
    assert {d.thema for d in plan2.doelstellingen.all()} == {"schoon", "heel", "veilig", "meldingsbereidheid"}
    plan2.vastgesteld_op = D(2027, 6, 1)
    plan2.save()
    assert voer_toets_uit(g.werkgroep, datum=D(2027, 7, 1), ids=["pvo.herijking"])[0].status == Status.VOLDAAN


def test_herijking_alleen_voor_pvo_met_vastgesteld_plan_en_geen_vaste_maatregelen_in_pvo():
    kvo = WerkgroepFactory(slug="kvo")
    CyclusFactory(werkgroep=kvo)
    with pytest.raises(ValidationError, match="PVO"):
        aanpak_pvo.herijking_start(actor=None, werkgroep=kvo, start=D(2027, 1, 1))
    pvo = WerkgroepFactory(slug="pvo", handboek=PVO)
    cyclus = CyclusFactory(werkgroep=pvo, handboek=PVO)
    plan = plan_maak(actor=None, cyclus=cyclus)
    assert not plan.maatregelen.exists()
    with pytest.raises(ValidationError, match="vastgesteld"):
        aanpak_pvo.herijking_start(actor=None, werkgroep=pvo, start=D(2027, 1, 1))
    assert plan_maak(
        actor=None, cyclus=CyclusFactory(werkgroep=kvo, nummer=2, start=D(2027, 1, 1))
    ).maatregelen.exists()


def test_waardering_services():
    g = maak_pvo_groep()
    kvo_cyclus = CyclusFactory(werkgroep=WerkgroepFactory(slug="kvo"))
    with pytest.raises(ValidationError, match="audit"):
        waardering_plan(actor=None, cyclus=kvo_cyclus, gepland_op=PEILDATUM)
    w = waardering_plan(actor=None, cyclus=g.cyclus, gepland_op=D(2025, 12, 20))
    assert w.pk == g.waardering.pk and w.gepland_op == D(2025, 12, 20)
    with pytest.raises(ValidationError, match="niet op de dag"):
        waardering_leg_vast(actor=None, waardering=w, gehouden_op=D(2025, 12, 16), bijeenkomst=g.waardering_bijeenkomst)
    with pytest.raises(ValidationError, match="uitgereikt"):
        waardering_leg_vast(actor=None, waardering=w, gehouden_op=None, uitgereikt_op=D(2025, 12, 15))
    waardering_leg_vast(
        actor=None, waardering=w, gehouden_op=None, bijeenkomst=g.waardering_bijeenkomst, continuiteit_bevestigd=True,
        capaciteit_bevestigd=True, uitgereikt_op=D(2025, 12, 15),
    )  # fmt: skip
    assert w.gehouden_op == D(2025, 12, 15)
    o = ondertekenaar_leg_vast(actor=None, waardering=w, partij=g.politie, naam="K. de Boer", functie="teamchef")
    assert o.pk == g.ondertekenaars[1].pk and o.getekend_op is None  # replaced: not signed yet
    assert voer_toets_uit(g.werkgroep, datum=PEILDATUM, ids=["pvo.waardering"])[0].status == Status.NIET_VOLDAAN
    ondertekenaar_leg_vast(
        actor=None, waardering=w, partij=g.politie, naam="K. de Boer", functie="teamchef", getekend_op=D(2025, 12, 15)
    )
    assert voer_toets_uit(g.werkgroep, datum=PEILDATUM, ids=["pvo.waardering"])[0].status == Status.VOLDAAN
    ondertekenaar_verwijder(actor=None, ondertekenaar=g.ondertekenaars[0])
    assert "waardering.ondertekenaar_verwijderd" in _acties(g.werkgroep)
