"""The plan pages end to end: creating the plan, goals, the matrix (quarters, conflicts, fixed
measures), inspection and improvement points, progress, actions, evaluations, renewal; roles,
tenancy and bounded queries."""

import datetime as dt

import pytest
from django.urls import reverse

from aanpak.models import Doelstelling, Evaluatie, Maatregel, Plan, Voortgang
from aanpak.services.plan import plan_maak
from tests.aanpak.factories import DoelstellingFactory, EvaluatieFactory, MaatregelFactory
from tests.analyse.factories import (
    EnqueteFactory,
    ReactieFactory,
    SchouwFactory,
    SchouwpuntFactory,
    VraagFactory,
)
from tests.factories import BedrijventerreinFactory

SLUG = "de-hoek"


def url(naam, **kwargs):
    return reverse(f"aanpak:{naam}", kwargs={"werkgroep": SLUG, **kwargs})


@pytest.fixture
def plan(actoren):
    return plan_maak(actor=None, cyclus=actoren.cyclus)


def test_lege_staat_en_plan_maken_met_vaste_maatregelen(actoren, als):
    client = als(actoren.lid)
    pagina = client.get(url("overzicht"))
    assert "Nog geen plan van aanpak" in pagina.text
    assert client.post(url("plan_maak")).status_code == 302
    plan = Plan.objects.get()
    vast = plan.maatregelen.filter(soort__startswith="vast-")
    assert vast.count() == 21  # 7 per year over three years (§4.2.5)
    assert sorted(set(vast.values_list("jaar", flat=True))) == [1, 2, 3]
    assert client.post(url("plan_maak")).status_code == 302  # a second plan is refused politely
    assert Plan.objects.count() == 1
    pagina = client.get(url("overzicht"))
    assert "pva.vaste-maatregelen" in pagina.text and "Vaststellen" in pagina.text


def test_doelstelling_met_nulmeting_uit_de_enquete(actoren, als, plan):
    enquete = EnqueteFactory(cyclus=actoren.cyclus, geopend_op=dt.date(2025, 2, 1))
    vraag = VraagFactory(enquete=enquete, blok=5, thema="sociale-veiligheid", type="ja-nee", tekst="Last van inbraak?")
    terrein = BedrijventerreinFactory(werkgroep=actoren.werkgroep)
    for antwoord in (True, True, False, True, False):
        ReactieFactory(enquete=enquete, terrein=terrein, antwoorden={vraag.ref: antwoord})
    client = als(actoren.lid)
    pagina = client.get(url("doelen"))
    assert "60 %" in pagina.text and "Last van inbraak?" in pagina.text  # the evidence beside the theme
    data = {
        "thema": "sociale-veiligheid",
        "titel": "Minder inbraak",
        "specifiek": "Minder inbraken in panden.",
        "meetbaar": "Minder ondernemers met last van inbraak.",
        "norm": "percentage",
        "blok": "5",
        "streefwaarde": "40",
        "acceptabel": "Alle partijen.",
        "realistisch": "Ja, met camera's.",
        "tijdgebonden": "2027-06-30",
        "behaald": "unknown",
    }
    assert client.post(url("doel_nieuw"), data).status_code == 302
    doel = Doelstelling.objects.get()
    assert doel.nulmeting == 60.0 and doel.streefwaarde == 40.0 and doel.blok == 5


@pytest.mark.parametrize(
    ("veld", "melding"),
    [
        ("specifiek", "verplicht"),
        ("tijdgebonden", "verplicht"),
        ("norm", "verplicht"),
        ("streefwaarde", "streefwaarde"),
    ],
)
def test_doelstelling_die_een_letter_mist_wordt_geweigerd(actoren, als, plan, veld, melding):
    data = {
        "thema": "overlast", "titel": "Minder hangjongeren", "specifiek": "x", "meetbaar": "y", "norm": "aantal",
        "streefwaarde": "3", "acceptabel": "a", "realistisch": "r", "tijdgebonden": "2027-06-30", "behaald": "unknown",
    }  # fmt: skip
    data[veld] = ""
    response = als(actoren.lid).post(url("doel_nieuw"), data)
    assert response.status_code == 422
    assert melding in response.text.lower()
    assert not Doelstelling.objects.exists()


def test_kwartaal_zetten_met_en_zonder_htmx(actoren, als, plan):
    m = MaatregelFactory(plan=plan, kwartalen=[])
    client = als(actoren.lid)
    response = client.post(url("kwartaal", pk=m.pk), {"kwartaal": "2025-Q3", "aan": "1"})
    assert response.status_code == 302 and response.url.endswith(f"#m-{m.pk}")
    response = client.post(
        url("kwartaal", pk=m.pk), {"kwartaal": "2025-Q4", "aan": "1"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200 and f'id="m-{m.pk}"' in response.text and 'aria-pressed="true"' in response.text
    m.refresh_from_db()
    assert m.kwartalen == ["2025-Q3", "2025-Q4"]
    client.post(url("kwartaal", pk=m.pk), {"kwartaal": "2025-Q4", "aan": "1"})  # a double click changes nothing
    client.post(url("kwartaal", pk=m.pk), {"kwartaal": "2025-Q3", "aan": "0"})
    m.refresh_from_db()
    assert m.kwartalen == ["2025-Q4"]
    response = client.post(
        url("kwartaal", pk=m.pk), {"kwartaal": "2031-Q1", "aan": "1"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 422 and "buiten de cyclus" in response.text


def test_vaste_maatregel_blijft_in_zijn_jaar_en_in_het_plan(actoren, als, plan):
    vast = plan.maatregelen.get(soort="vast-dagschouw", jaar=1)
    client = als(actoren.lid)
    buiten_jaar = "2026-Q3"  # cycle starts with the work group; year 2 holds 2026-Q3 for a start in 2025
    response = client.post(
        url("kwartaal", pk=vast.pk), {"kwartaal": buiten_jaar, "aan": "1"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 422 and "blijft in dat jaar" in response.text
    assert client.post(url("maatregel_verwijder", pk=vast.pk)).status_code == 302
    assert Maatregel.objects.filter(pk=vast.pk).exists()


def _formdata(m: Maatregel, **wijzig) -> dict:
    data = {
        "titel": m.titel, "soort": m.soort, "verantwoordelijke": m.verantwoordelijke_id or "",
        "kwartalen": m.kwartalen, "benodigde_tijd": m.benodigde_tijd or "", "deskundigheid": m.deskundigheid or "",
        "voortgangsmeting": m.voortgangsmeting or "", "status": m.status, "uitgevoerd_op": "",
        "wijziging_reden": "", "versie": m.versie, "doelstelling": "",
    }  # fmt: skip
    data.update(wijzig)
    return data


def test_twee_leden_slaan_dezelfde_maatregel_op_de_tweede_krijgt_een_conflict(actoren, als, plan):
    m = MaatregelFactory(plan=plan, titel="Camera's plaatsen")
    eerste = _formdata(m, titel="Camera's plaatsen bij de ingang")
    tweede = _formdata(m, titel="Camera's plaatsen op de rotonde")  # both read version 1
    client = als(actoren.lid)
    assert client.post(url("maatregel_wijzig", pk=m.pk), eerste).status_code == 302
    response = client.post(url("maatregel_wijzig", pk=m.pk), tweede)
    assert response.status_code == 409
    assert "intussen gewijzigd" in response.text
    assert (
        "Camera&#x27;s plaatsen op de rotonde" in response.text
        and "Camera&#x27;s plaatsen bij de ingang" in response.text
    )
    m.refresh_from_db()
    assert m.titel == "Camera's plaatsen bij de ingang" and m.versie == 2
    # saving the conflict form again knowingly replaces the stored version
    assert client.post(url("maatregel_wijzig", pk=m.pk), {**tweede, "versie": 2}).status_code == 302
    m.refresh_from_db()
    assert m.titel == "Camera's plaatsen op de rotonde"


@pytest.mark.parametrize(
    ("wijzig", "melding"),
    [
        ({"status": "uitgevoerd"}, "vul de datum in"),
        ({"status": "vervallen"}, "waarom de maatregel vervalt"),
        ({"soort": "vast-dagschouw"}, "geldige keuze"),
        ({"titel": ""}, "verplicht"),
    ],
)
def test_maatregel_met_fout_geeft_melding_en_schrijft_niets(actoren, als, plan, wijzig, melding):
    m = MaatregelFactory(plan=plan, titel="Origineel")
    response = als(actoren.lid).post(url("maatregel_wijzig", pk=m.pk), _formdata(m, **wijzig))
    assert response.status_code == 422 and melding in response.text.lower()
    m.refresh_from_db()
    assert m.titel == "Origineel" and m.versie == 1


def test_schouwpunt_met_een_klik_in_de_matrix(actoren, als, plan):
    schouw = SchouwFactory(cyclus=actoren.cyclus)
    punt = SchouwpuntFactory(schouw=schouw, positief=False, terugkerend=True, actie="Lantaarnpaal vervangen")
    client = als(actoren.lid)
    pagina = client.get(url("schouwpunten"))
    assert "Opnemen in de matrix" in pagina.text
    response = client.post(url("schouwpunt_neem_over", pk=punt.pk))
    assert response.status_code == 302
    m = Maatregel.objects.get(schouwpunt=punt)
    assert m.soort == "schouwpunt" and m.titel == "Lantaarnpaal vervangen"
    client.post(url("schouwpunt_neem_over", pk=punt.pk))  # once
    assert Maatregel.objects.filter(schouwpunt=punt).count() == 1
    assert "Schouwpunt" in client.get(url("maatregel", pk=m.pk)).text


def test_voortgang_in_een_bijeenkomst_en_status(actoren, als, plan):
    from tests.werkgroepen.factories import BijeenkomstFactory

    bijeenkomst = BijeenkomstFactory(werkgroep=actoren.werkgroep, datum=dt.date(2025, 9, 1))
    m = MaatregelFactory(plan=plan)
    response = als(actoren.lid).post(
        url("voortgang_nieuw", pk=m.pk),
        {"datum": "2025-09-01", "tekst": "Camera's hangen.", "status": "uitgevoerd", "bijeenkomst": bijeenkomst.pk},
    )
    assert response.status_code == 302
    notitie = Voortgang.objects.get()
    assert notitie.bijeenkomst == bijeenkomst and notitie.auteur_naam
    m.refresh_from_db()
    assert m.status == "uitgevoerd" and m.uitgevoerd_op == dt.date(2025, 9, 1)
    pagina = als(actoren.lid).get(url("maatregel", pk=m.pk))
    assert "Camera&#x27;s hangen." in pagina.text and "besproken in de" in pagina.text
    notulen = als(actoren.lid).get(reverse("werkgroepen:bijeenkomst", kwargs={"werkgroep": SLUG, "pk": bijeenkomst.pk}))
    assert "Voortgang op maatregelen" in notulen.text and "Camera&#x27;s hangen." in notulen.text


def test_mijn_acties_en_afmelden_weekoverzicht(actoren, als, plan, settings):
    from aanpak.models import WeekmailAfmelding
    from werkgroepen.models import Lid

    lid = Lid.objects.get(user=actoren.lid)
    from django.utils import timezone

    from aanpak import kwartalen

    nu = kwartalen.code_van(timezone.localdate())
    MaatregelFactory(plan=plan, titel="Nu te doen", verantwoordelijke=lid.partij, kwartalen=[nu])
    MaatregelFactory(plan=plan, titel="Te laat", verantwoordelijke=lid.partij, kwartalen=["2000-Q1"])
    MaatregelFactory(plan=plan, titel="Van een ander", kwartalen=[nu])
    client = als(actoren.lid)
    pagina = client.get(url("mijn_acties"))
    assert "Nu te doen" in pagina.text and "Te laat" in pagina.text and "Van een ander" not in pagina.text
    client.post(url("weekmail"), {"ontvangen": "0"})
    assert WeekmailAfmelding.objects.filter(lid=lid).exists()
    client.post(url("weekmail"), {"ontvangen": "1"})
    assert not WeekmailAfmelding.objects.filter(lid=lid).exists()


def test_evaluatie_en_verbeterpunt_als_maatregel(actoren, als, plan):
    client = als(actoren.lid)
    data = {"jaar": "1", "datum": str(actoren.cyclus.start + dt.timedelta(days=370)),
            "verbeterpunten": "Vaker bijeenkomen\n- Betere verlichting Kanaalweg"}  # fmt: skip
    for veld in ("maatregelen_uitgevoerd", "omstandigheden", "reden_maatregelen", "wijzigingen_plan", "samenwerking",
                 "taken_uitgevoerd", "acties_uitgevoerd", "reden_wijzigingen"):  # fmt: skip
        data[veld] = "Antwoord."
    response = client.post(url("evaluatie_nieuw"), data)
    assert response.status_code == 302
    e = Evaluatie.objects.get()
    assert e.verbeterpunten == ["Vaker bijeenkomen", "Betere verlichting Kanaalweg"] and not e.onbeantwoord()
    assert client.post(url("evaluatie_nieuw"), data).status_code == 422  # one per year
    response = client.post(url("verbeterpunt_neem_over", pk=e.pk, index=1))
    assert response.status_code == 302
    m = Maatregel.objects.get(bron_evaluatie=e)
    assert m.titel == "Betere verlichting Kanaalweg"
    assert "in de matrix" in client.get(url("evaluatie", pk=e.pk)).text


def test_nieuwe_cyclus_zet_het_plan_door_en_houdt_de_oude_alleen_lezen(actoren, als, plan):
    from werkgroepen.services.administratie import cyclus_start

    doel = DoelstellingFactory(plan=plan, titel="Minder inbraak")
    MaatregelFactory(plan=plan, titel="Loopt nog", doelstelling=doel, status="lopend")
    MaatregelFactory(plan=plan, titel="Klaar", status="uitgevoerd", uitgevoerd_op=dt.date(2025, 6, 1))
    nieuw = cyclus_start(
        actor=None,
        werkgroep=actoren.werkgroep,
        start=actoren.cyclus.start.replace(year=actoren.cyclus.start.year + 3),
        soort="opvolgende",
    )
    nieuw_plan = Plan.objects.get(cyclus=nieuw)
    assert nieuw_plan.vernieuwd_van == plan and nieuw_plan.vastgesteld_op is None
    titels = set(nieuw_plan.maatregelen.exclude(soort__startswith="vast-").values_list("titel", flat=True))
    assert titels == {"Loopt nog"}
    assert nieuw_plan.maatregelen.get(titel="Loopt nog").doelstelling.titel == "Minder inbraak"
    assert nieuw_plan.maatregelen.filter(soort__startswith="vast-").count() == 21
    oud = plan.maatregelen.get(titel="Loopt nog")
    client = als(actoren.lid)
    pagina = client.get(url("overzicht") + "?cyclus=1")
    assert "Cyclus 1 is afgesloten" in pagina.text and "Vaststellen" not in pagina.text
    matrix_oud = client.get(url("matrix") + "?cyclus=1")
    assert "Klaar" in matrix_oud.text and 'data-testid="alleen-lezen"' in matrix_oud.text
    assert "aria-pressed" not in matrix_oud.text  # no quarter buttons in a closed cycle
    detail = client.get(url("maatregel", pk=oud.pk))
    assert detail.status_code == 200 and 'data-testid="alleen-lezen"' in detail.text and "Wijzigen" not in detail.text
    assert client.get(url("matrix") + "?cyclus=7").status_code == 404
    with pytest.raises(Exception, match="alleen nog worden gelezen"):
        from aanpak.services.maatregelen import kwartaal_zet

        kwartaal_zet(actor=None, maatregel=oud, kwartaal="2025-Q3", aan=True)


def test_agendalid_leest_maar_wijzigt_niet(actoren, als, plan):
    m = MaatregelFactory(plan=plan)
    client = als(actoren.agendalid)
    assert client.get(url("matrix")).status_code == 200
    assert client.post(url("kwartaal", pk=m.pk), {"kwartaal": "2025-Q4", "aan": "1"}).status_code == 403
    assert client.get(url("maatregel_wijzig", pk=m.pk)).status_code == 403


def test_andere_werkgroep_krijgt_404_ook_met_een_bestaand_id(actoren, als, plan):
    m = MaatregelFactory(plan=plan)
    e = EvaluatieFactory(cyclus=actoren.cyclus)
    client = als(actoren.vreemde)
    for pad in (url("matrix"), url("maatregel", pk=m.pk), url("evaluatie", pk=e.pk), url("doelen")):
        assert client.get(pad).status_code == 404
    assert client.post(url("kwartaal", pk=m.pk), {"kwartaal": "2025-Q4", "aan": "1"}).status_code == 404


def test_matrix_pdf(actoren, als, plan):
    MaatregelFactory(plan=plan, titel="Camera's")
    response = als(actoren.lid).get(url("matrix_pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize("aantal", [6, 60])
def test_paginas_met_begrensde_queries(actoren, als, plan, aantal, django_assert_max_num_queries):
    doelen = DoelstellingFactory.create_batch(3, plan=plan)
    partij = actoren.werkgroep.partijen.first()
    from tests.aanpak.factories import VoortgangFactory

    for i in range(aantal):
        m = MaatregelFactory(plan=plan, doelstelling=doelen[i % 3], verantwoordelijke=partij, status="lopend")
        VoortgangFactory(maatregel=m)
    e = EvaluatieFactory(cyclus=actoren.cyclus, jaar=3, verbeterpunten=[f"Punt {i}" for i in range(aantal)])
    client = als(actoren.lid)
    for pad, maximum in ((url("maatregel", pk=m.pk), 25), (url("evaluatie", pk=e.pk), 30)):
        with django_assert_max_num_queries(maximum):
            assert client.get(pad).status_code == 200, pad
    for naam, maximum in (("matrix", 45), ("doelen", 40), ("overzicht", 45), ("mijn_acties", 25),
                          ("evaluaties", 35), ("schouwpunten", 30)):  # fmt: skip
        with django_assert_max_num_queries(maximum):
            assert client.get(url(naam)).status_code == 200, naam


def test_tijdlijn_op_de_home_toont_plan_en_evaluaties(actoren, als, plan):
    from aanpak.services.plan import plan_stel_vast
    from tests.werkgroepen.factories import BijeenkomstFactory

    b = BijeenkomstFactory(werkgroep=actoren.werkgroep, datum=dt.date(2025, 5, 12))
    plan_stel_vast(actor=None, plan=plan, vastgesteld_op=b.datum, vastgesteld_in=b)
    EvaluatieFactory(cyclus=actoren.cyclus, jaar=1, datum=dt.date(2026, 1, 20))
    pagina = als(actoren.lid).get(reverse("werkgroepen:home", kwargs={"werkgroep": SLUG}))
    assert "Plan van aanpak vastgesteld" in pagina.text and "12 mei 2025" in pagina.text
    assert "Evaluatie jaar 1" in pagina.text and "Evaluatie derde jaar" in pagina.text


def test_matrix_telt_uitgevoerde_maatregelen_voor_de_eerste_audit(actoren, als, plan):
    pagina = als(actoren.lid).get(url("matrix"))
    assert "uit de schouw (minimaal 3)" in pagina.text
