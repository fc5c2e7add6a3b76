"""PVO's own pages (issue 23): partnership, area scan, plan per party by quarter, activity calendar,
recalibration and waardering with its PDF. Each: 404 from another work group, a bounded number of
queries, and what the page shows; the PDF is an archive file with a page per member and signatory."""

import os
import re
import subprocess

import pytest
from django.urls import reverse

from audits.waardering_pdf import ontvangers
from kvo import versie
from tests.pdf_archief import controleer_archief_pdf
from tests.pvo_hulp import maak_pvo

PAGINAS = [
    ("werkgroepen:pvo_samenwerking", 30),
    ("analyse:pvo_gebiedsscan", 30),
    ("aanpak:pvo_uitvoeringsplan", 30),
    ("aanpak:pvo_herijking", 25),
    ("aanpak:pvo_kalender", 30),
    ("audits:pvo_waardering", 35),
]


def url(naam, wg):
    return reverse(naam, kwargs={"werkgroep": wg.slug})


@pytest.fixture
def pvo(actoren):
    return maak_pvo(actoren)


@pytest.mark.parametrize("naam", [n for n, _ in PAGINAS] + ["audits:pvo_waardering_pdf"])
def test_andere_werkgroep_krijgt_404(actoren, als, pvo, naam):
    client = als(actoren.vreemde)
    assert client.get(url(naam, pvo.werkgroep)).status_code == 404
    assert client.post(url(naam, pvo.werkgroep)).status_code == 404


@pytest.mark.parametrize("aantal", [3, 30])
@pytest.mark.parametrize(("naam", "maximum"), PAGINAS)
def test_begrensde_queries(actoren, als, naam, maximum, aantal, django_assert_max_num_queries):
    pvo = maak_pvo(actoren, aantal=aantal)
    client = als(actoren.lid)
    versie.opnieuw()
    with django_assert_max_num_queries(maximum):
        assert client.get(url(naam, pvo.werkgroep)).status_code == 200


def test_uitvoeringsplan_per_partij_per_kwartaal(actoren, als, pvo):
    response = als(actoren.lid).get(url("aanpak:pvo_uitvoeringsplan", pvo.werkgroep))
    kolommen = response.context["kolommen"]
    # adopted 15 May 2025: every quarter that overlaps the two years, 2025-Q2 to 2027-Q2
    assert [k.code for k in kolommen] == [f"{j}-Q{q}" for j in (2025, 2026, 2027) for q in (1, 2, 3, 4)][1:10]
    rijen = {r.partij.naam if r.partij else None: r for r in response.context["rijen"]}
    politie = rijen["Politie Oost-Nederland"]
    assert [a.maatregel.titel for a in politie.acties] == ["Actie 1"]
    assert [c.aan for c in politie.acties[0].cellen] == [False, False, True, True, False, False, False, False, False]
    assert rijen["Gemeente Voorbeeldstad"].acties[0].cellen[1].aan  # Actie 0 in 2025-Q3
    html = response.text
    assert html.count('data-testid="partij"') == len(rijen)


def test_partij_zonder_acties_krijgt_een_lege_staat_die_zegt_wat_te_doen(actoren, als, pvo):
    from tests.factories import PartijFactory

    PartijFactory(werkgroep=pvo.werkgroep, naam="Brandweer Twente", soort="brandweer")
    html = als(actoren.lid).get(url("aanpak:pvo_uitvoeringsplan", pvo.werkgroep)).text
    assert 'data-testid="partij-leeg"' in html and "als verantwoordelijke" in html


def test_samenwerking_toont_kickoff_capaciteit_en_deelnemers(actoren, als, pvo):
    html = als(actoren.lid).get(url("werkgroepen:pvo_samenwerking", pvo.werkgroep)).text
    assert "georganiseerd door Gemeente Voorbeeldstad" in html
    assert "8 uur per maand van de coördinator OOV" in html
    assert "Politie Oost-Nederland" in html


def test_gebiedsscan_toont_top3_per_stakeholder_en_wat_gedeeld_wordt(actoren, als, pvo):
    response = als(actoren.lid).get(url("analyse:pvo_gebiedsscan", pvo.werkgroep))
    assert response.context["gedeeld"][0] == ("Afvaldumpingen", 2)
    html = response.text
    assert "Crossen" in html and "Nog geen top 3. Vraag OV De Hoek" in html


def test_kalender_toont_voorlichting(actoren, als, pvo):
    response = als(actoren.lid).get(url("aanpak:pvo_kalender", pvo.werkgroep))
    assert [a.titel for a in response.context["activiteiten"]] == ["Voorlichting 0", "Voorlichting 1", "Voorlichting 2"]
    assert "voorlichting voor ondernemers" in response.text


def test_kalender_zonder_plan_zegt_wat_te_doen(actoren, als):
    from kvo.regelingen import PVO

    actoren.werkgroep.handboek = PVO
    actoren.werkgroep.save()
    html = als(actoren.lid).get(url("aanpak:pvo_kalender", actoren.werkgroep)).text
    assert 'data-testid="leeg"' in html


def test_herijking_start_een_nieuwe_cyclus_met_het_vorige_plan(actoren, als, pvo):
    client = als(actoren.voorzitter)
    response = client.post(url("aanpak:pvo_herijking", pvo.werkgroep), {"start": "2027-04-01"})
    assert response.status_code == 302
    nieuw = pvo.werkgroep.cycli.order_by("-nummer").first()
    assert nieuw.nummer == 2
    assert nieuw.plan.vernieuwd_van == pvo.plan


def test_herijking_mag_een_lid_niet_starten(actoren, als, pvo):
    assert als(actoren.lid).post(url("aanpak:pvo_herijking", pvo.werkgroep), {"start": "2027-04-01"}).status_code == 403
    assert pvo.werkgroep.cycli.count() == 1


def test_waardering_toont_tekenbevoegden_en_ontvangers(actoren, als, pvo):
    response = als(actoren.lid).get(url("audits:pvo_waardering", pvo.werkgroep))
    assert len(response.context["organisaties"]) == 3
    assert "Tekenbevoegde Politie Oost-Nederland" in response.text
    assert len(response.context["ontvangers"]) == pvo.werkgroep.leden.count() + 3


def test_waardering_pdf_heeft_een_blad_per_lid_en_tekenbevoegde(actoren, als, pvo):
    response = als(actoren.lid).get(url("audits:pvo_waardering_pdf", pvo.werkgroep))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = response.content
    k = controleer_archief_pdf(pdf, titel="Waardering Veilig Bedrijventerrein")
    assert int(k.info["Pages"]) == len(ontvangers(pvo.waardering))
    tekst = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert "Tekenbevoegde Politie Oost-Nederland" in tekst
    assert "certificaatnummer" not in tekst and "Keurmerk" not in tekst
    if map_ := os.environ.get("KVO_SCHERMAFDRUKKEN"):
        with open(os.path.join(map_, "waardering.pdf"), "wb") as f:
            f.write(pdf)


def test_waardering_pdf_voor_een_persoon(actoren, als, pvo):
    o = ontvangers(pvo.waardering)[-1]
    response = als(actoren.lid).get(url("audits:pvo_waardering_pdf", pvo.werkgroep) + f"?voor={o.sleutel}")
    assert response.status_code == 200
    k = controleer_archief_pdf(response.content, titel=o.naam)
    assert k.info["Pages"] == "1"
    assert re.search(r"waardering-de-hoek-[\w-]+\.pdf", response["Content-Disposition"])
    assert als(actoren.lid).get(url("audits:pvo_waardering_pdf", pvo.werkgroep) + "?voor=lid-999999").status_code == 404


# --- the forms write through the owning services ------------------------------------------------


def test_capaciteit_vastleggen(actoren, als, pvo):
    response = als(actoren.secretaris).post(
        url("werkgroepen:pvo_samenwerking", pvo.werkgroep),
        {"partij": pvo.gemeente.pk, "toegezegde_capaciteit": "16 uur per maand", "toegezegd_op": "2025-02-01"},
    )
    assert response.status_code == 302
    pvo.gemeente.refresh_from_db()
    assert pvo.gemeente.toegezegde_capaciteit == "16 uur per maand"
    # only a municipality commits capacity: another party is not found
    response = als(actoren.secretaris).post(
        url("werkgroepen:pvo_samenwerking", pvo.werkgroep), {"partij": pvo.politie.pk, "toegezegde_capaciteit": "x"}
    )
    assert response.status_code == 404


def test_gebiedsscan_invullen(actoren, als, pvo):
    response = als(actoren.secretaris).post(
        url("analyse:pvo_gebiedsscan", pvo.werkgroep),
        {"partij": pvo.ov.pk, f"p{pvo.ov.pk}-fenomeen_1": "Leegstand", f"p{pvo.ov.pk}-fenomeen_2": "Crossen",
         f"p{pvo.ov.pk}-bijeenkomst": pvo.kickoff.pk},
    )  # fmt: skip
    assert response.status_code == 302
    scan = pvo.ov.gebiedsscans.get()
    assert scan.fenomenen == ["Leegstand", "Crossen"] and scan.bijeenkomst == pvo.kickoff


def test_activiteit_plannen_en_kalender_vaststellen(actoren, als, pvo):
    client = als(actoren.secretaris)
    pad = url("aanpak:pvo_kalender", pvo.werkgroep)
    data = {"soort": "voorlichting-ondernemers", "titel": "Alertavond", "gepland_op": "2025-10-09", "partij": pvo.ov.pk}
    assert client.post(pad, data).status_code == 302
    assert pvo.plan.activiteiten.filter(titel="Alertavond", partij=pvo.ov).exists()
    assert client.post(pad, {"formulier": "vaststellen", "vastgesteld_op": "2025-06-01"}).status_code == 302
    pvo.plan.refresh_from_db()
    assert str(pvo.plan.kalender_vastgesteld_op) == "2025-06-01"


def test_ongeldige_activiteit_geeft_een_melding_en_schrijft_niets(actoren, als, pvo):
    response = als(actoren.secretaris).post(url("aanpak:pvo_kalender", pvo.werkgroep), {"soort": "x"}, follow=True)
    assert "Niet opgeslagen" in response.text
    assert pvo.plan.activiteiten.count() == 3


def test_waardering_ondertekenaar_en_vastleggen(actoren, als, pvo):
    client = als(actoren.secretaris)
    pad = url("audits:pvo_waardering", pvo.werkgroep)
    p = pvo.politie.pk
    data = {"formulier": "ondertekenaar", "partij": p, f"p{p}-naam": "K. de Boer", f"p{p}-getekend_op": "2025-12-10"}
    assert client.post(pad, data).status_code == 302
    o = pvo.waardering.ondertekenaars.get(partij=pvo.politie)
    assert (o.naam, str(o.getekend_op)) == ("K. de Boer", "2025-12-10")
    data = {"formulier": "vastleggen", "gehouden_op": "2025-12-10", "continuiteit_bevestigd": "on",
            "capaciteit_bevestigd": "on", "uitgereikt_op": "2025-12-10"}  # fmt: skip
    assert client.post(pad, data).status_code == 302
    pvo.waardering.refresh_from_db()
    assert pvo.waardering.continuiteit_bevestigd and str(pvo.waardering.gehouden_op) == "2025-12-10"


def test_waardering_plannen_zonder_waardering(actoren, als):
    from kvo.regelingen import PVO

    actoren.werkgroep.handboek = PVO
    actoren.werkgroep.save()
    actoren.cyclus.handboek = PVO
    actoren.cyclus.save()
    client = als(actoren.secretaris)
    pad = url("audits:pvo_waardering", actoren.werkgroep)
    assert 'data-testid="leeg"' in client.get(pad).text
    assert client.post(pad, {"formulier": "plannen", "gepland_op": "2026-01-20"}).status_code == 302
    assert str(actoren.cyclus.waardering.gepland_op) == "2026-01-20"


@pytest.mark.parametrize(
    ("naam", "data"),
    [
        ("werkgroepen:pvo_samenwerking", {"toegezegde_capaciteit": "x"}),
        ("aanpak:pvo_kalender", {"soort": "communicatie", "titel": "x", "gepland_op": "2025-10-09"}),
        ("audits:pvo_waardering", {"formulier": "plannen", "gepland_op": "2026-01-20"}),
    ],
)
def test_agendalid_mag_niets_schrijven(actoren, als, pvo, naam, data):
    if naam == "werkgroepen:pvo_samenwerking":
        data = {**data, "partij": pvo.gemeente.pk}
    assert als(actoren.agendalid).post(url(naam, pvo.werkgroep), data).status_code == 403


def test_intentieverklaring_geen(actoren, als, pvo):
    pad = url("werkgroepen:pvo_samenwerking", pvo.werkgroep)
    assert als(actoren.secretaris).post(pad, {"formulier": "intentieverklaring", "geen": "on"}).status_code == 302
    pvo.werkgroep.refresh_from_db()
    assert pvo.werkgroep.geen_intentieverklaring and pvo.werkgroep.intentieverklaring_op is None
