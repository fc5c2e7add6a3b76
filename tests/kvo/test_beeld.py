"""The facilitator's picture across areas (``/begeleiding/beeld/``, ``kvo.beeld``): who sees which
parks, the small-cell rule for the survey figure (4 answers: none, 5: one), incidents per 100
businesses, top risk themes, the plan's progress, KVO/PVO, per municipality, a park's trend over
three cycles, the exports (aggregates, formula-safe) and queries that do not grow with the groups.
"""

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse

from aanpak.models import Maatregel
from analyse.beeld import VEILIG_BLOK, VEILIG_TEKST
from kvo import versie
from kvo.beeld import beeld
from tests.aanpak.factories import MaatregelFactory, PlanFactory
from tests.analyse.factories import (
    CijferFactory,
    ConclusieFactory,
    EnqueteFactory,
    PrioriteitFactory,
    ReactieFactory,
    VraagFactory,
)
from tests.factories import (
    BedrijventerreinFactory,
    BegeleidingsorganisatieFactory,
    CyclusFactory,
    OndernemerFactory,
    UserFactory,
    WerkgroepFactory,
)
from werkgroepen.models import Werkgroep

URL = reverse("begeleiding:beeld")


def veilig_enquete(cyclus, terrein, antwoorden: list[int]):
    enquete = EnqueteFactory(cyclus=cyclus, geopend_op=cyclus.start)
    vraag = VraagFactory(enquete=enquete, blok=VEILIG_BLOK, tekst=VEILIG_TEKST, thema="sociale-veiligheid")
    for a in antwoorden:
        ReactieFactory(enquete=enquete, terrein=terrein, antwoorden={vraag.ref: a})
    return enquete


def waarde(werkgroep, terrein, sleutel, nummer=1):
    return beeld([werkgroep]).waarden[sleutel].get((terrein.pk, nummer))


# --- the small-cell rule ---------------------------------------------------------------------


def test_vier_reacties_geen_cijfer_vijf_wel(actoren):
    wg, cyclus = actoren.werkgroep, actoren.cyclus
    vier = BedrijventerreinFactory(werkgroep=wg, naam="Vier")
    vijf = BedrijventerreinFactory(werkgroep=wg, naam="Vijf")
    enquete = veilig_enquete(cyclus, vier, [5, 5, 4, 2])
    vraag = enquete.vragen.get()
    for a in [5, 4, 4, 2, 1]:
        ReactieFactory(enquete=enquete, terrein=vijf, antwoorden={vraag.ref: a})
    w4 = waarde(wg, vier, "analyse.veiligheidsgevoel")
    w5 = waarde(wg, vijf, "analyse.veiligheidsgevoel")
    assert w4.getal is None and "minder dan 5" in w4.tekst
    assert w5.getal == pytest.approx(60.0) and w5.tekst == "60 %"


def test_achtergehouden_reacties_tellen_niet(actoren):
    """Responses held back (not yet a published batch) are not in the park's figure."""
    from analyse.models import Reactie

    wg, cyclus = actoren.werkgroep, actoren.cyclus
    t = BedrijventerreinFactory(werkgroep=wg)
    enquete = veilig_enquete(cyclus, t, [5, 5, 5, 5])
    vraag = enquete.vragen.get()
    ReactieFactory(enquete=enquete, terrein=t, antwoorden={vraag.ref: 5}, zichtbaar=Reactie.Zichtbaar.NEE)
    ReactieFactory(enquete=enquete, terrein=t, antwoorden={vraag.ref: 5}, zichtbaar=Reactie.Zichtbaar.TOTAAL)
    assert waarde(wg, t, "analyse.veiligheidsgevoel").getal is None


def test_een_gewijzigde_vraagtekst_is_niet_dezelfde_vraag(actoren):
    wg, cyclus = actoren.werkgroep, actoren.cyclus
    t = BedrijventerreinFactory(werkgroep=wg)
    enquete = EnqueteFactory(cyclus=cyclus)
    vraag = VraagFactory(enquete=enquete, blok=VEILIG_BLOK, tekst="Voelt u zich veilig?")
    for a in [5, 5, 5, 5, 5, 5]:
        ReactieFactory(enquete=enquete, terrein=t, antwoorden={vraag.ref: a})
    assert waarde(wg, t, "analyse.veiligheidsgevoel") is None


def test_de_pagina_toont_bij_vier_reacties_geen_cijfer(actoren, als):
    wg, cyclus = actoren.werkgroep, actoren.cyclus
    t = BedrijventerreinFactory(werkgroep=wg, naam="Klein Terrein")
    veilig_enquete(cyclus, t, [5, 5, 5, 5])
    html = als(actoren.begeleider).get(URL).content.decode()
    assert "minder dan 5 reacties" in html
    assert "100 %" not in html


# --- the other indicators -------------------------------------------------------------------


def test_incidenten_per_100_bedrijven_per_jaar_en_gebiedscijfer_verdeeld(actoren):
    wg, cyclus = actoren.werkgroep, actoren.cyclus
    groot = BedrijventerreinFactory(werkgroep=wg, naam="Groot")
    klein = BedrijventerreinFactory(werkgroep=wg, naam="Klein")
    OndernemerFactory.create_batch(30, terrein=groot)
    OndernemerFactory.create_batch(10, terrein=klein)
    # two years on the large park: 12 reports → 6 a year over 30 businesses → 20 per 100
    CijferFactory(
        cyclus=cyclus, terrein=groot, aantal=12, periode_van=dt.date(2023, 1, 1), periode_tot=dt.date(2024, 12, 31)
    )
    # 8 of the whole area in the same two years: 4 a year, shared 3:1
    CijferFactory(
        cyclus=cyclus, terrein=None, aantal=8, periode_van=dt.date(2023, 1, 1), periode_tot=dt.date(2024, 12, 31)
    )
    # left out: a withheld CBS count, a kind already in a total, outside the park, another source
    CijferFactory(cyclus=cyclus, terrein=groot, aantal=50, afgeschermd=True)
    CijferFactory(cyclus=cyclus, terrein=groot, aantal=50, deel_van_totaal=True)
    CijferFactory(cyclus=cyclus, terrein=groot, aantal=50, deelgebied="overig")
    CijferFactory(cyclus=cyclus, terrein=groot, aantal=50, bron="brandweer")
    g = waarde(wg, groot, "analyse.incidenten-politie")
    k = waarde(wg, klein, "analyse.incidenten-politie")
    assert g.getal == pytest.approx(100 * (6 + 3) / 30, rel=0.01)
    assert k.getal == pytest.approx(100 * 1 / 10, rel=0.01)
    assert "hele gebied" in k.toelichting
    assert waarde(wg, groot, "analyse.incidenten-brandweer").getal == pytest.approx(100 * 50 / 30, rel=0.01)


def test_risicothemas_en_voortgang_en_regeling(actoren):
    wg, cyclus = actoren.werkgroep, actoren.cyclus
    t = BedrijventerreinFactory(werkgroep=wg)
    conclusie = ConclusieFactory(cyclus=cyclus)
    PrioriteitFactory(conclusie=conclusie, thema="overlast", risicokans=9, ernst=9)
    PrioriteitFactory(conclusie=conclusie, thema="sociale-veiligheid", risicokans=5, ernst=5)
    PrioriteitFactory(conclusie=conclusie, thema="brandveiligheid", risicokans=8, ernst=8)
    PrioriteitFactory(conclusie=conclusie, thema="cyberweerbaarheid", risicokans=1, ernst=2)
    plan = PlanFactory(cyclus=cyclus)
    MaatregelFactory(plan=plan, status=Maatregel.Status.UITGEVOERD)
    MaatregelFactory(plan=plan, status=Maatregel.Status.LOPEND)
    MaatregelFactory(plan=plan, status=Maatregel.Status.VERVALLEN, wijziging_reden="Niet nodig")
    MaatregelFactory(plan=plan, status=Maatregel.Status.GEPLAND)
    assert waarde(wg, t, "analyse.risicothemas").labels == ("Overlast", "Brandveiligheid", "Sociale veiligheid")
    assert waarde(wg, t, "aanpak.voortgang").getal == pytest.approx(100 / 3)
    assert waarde(wg, t, "audits.status").tekst == "KVO: geen certificaat"
    Werkgroep.objects.filter(pk=wg.pk).update(handboek="PVO Veilig Bedrijventerrein")
    wg.refresh_from_db()
    assert waarde(wg, t, "audits.status").tekst == "PVO: geen certificaat"


def test_per_gemeente_teller_en_noemer_opgeteld(actoren):
    wg, cyclus = actoren.werkgroep, actoren.cyclus
    a = BedrijventerreinFactory(werkgroep=wg, gemeente="Ommen")
    b = BedrijventerreinFactory(werkgroep=wg, gemeente="Ommen")
    enquete = veilig_enquete(cyclus, a, [5, 5, 5, 5, 5])  # 100 %, n = 5
    vraag = enquete.vragen.get()
    for x in [1] * 15:  # 0 %, n = 15
        ReactieFactory(enquete=enquete, terrein=b, antwoorden={vraag.ref: x})
    ommen = next(g for g in beeld([wg]).gemeenten() if g.naam == "Ommen")
    assert ommen.huidig["analyse.veiligheidsgevoel"].getal == pytest.approx(25.0)  # 5 of 20, not (100+0)/2


def test_trend_over_drie_cycli_op_de_terreinpagina(actoren, als):
    wg = actoren.werkgroep
    t = BedrijventerreinFactory(werkgroep=wg, naam="Trendpark")
    cycli = [actoren.cyclus]
    cycli += [CyclusFactory(werkgroep=wg, nummer=n, start=dt.date(2025 + 3 * (n - 1), 1, 15)) for n in (2, 3)]
    for c, antwoorden in zip(cycli, ([5, 2, 2, 2, 2], [5, 5, 2, 2, 2], [5, 5, 5, 4, 2]), strict=True):
        veilig_enquete(c, t, antwoorden)
    b = beeld([wg])
    rij = next(r for r in b.rijen() if r.terrein.pk == t.pk)
    assert rij.huidig["analyse.veiligheidsgevoel"].getal == pytest.approx(80.0)
    assert rij.trend["analyse.veiligheidsgevoel"].richting == "beter"
    response = als(actoren.begeleider).get(reverse("begeleiding:beeld_terrein", kwargs={"pk": t.pk}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cyclus 3" in html and "20 %" in html and "40 %" in html and "80 %" in html
    assert "<svg" in html


# --- who sees what ----------------------------------------------------------------------------


def test_begeleider_ziet_alleen_terreinen_van_de_eigen_organisatie(actoren, als):
    eigen = BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam="Eigen Park")
    ander = WerkgroepFactory(naam="KVO Van Een Ander", begeleiding=BegeleidingsorganisatieFactory())
    vreemd = BedrijventerreinFactory(werkgroep=ander, naam="Vreemd Park")
    client = als(actoren.begeleider)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Eigen Park" in html and "Vreemd Park" not in html
    terrein_url = reverse("begeleiding:beeld_terrein", kwargs={"pk": vreemd.pk})
    assert client.get(terrein_url).status_code == 404
    assert client.get(reverse("begeleiding:beeld_terrein", kwargs={"pk": 999999})).status_code == 404
    export = reverse("begeleiding:beeld_export", kwargs={"formaat": "csv"})
    assert client.get(f"{export}?terrein={vreemd.pk}").status_code == 404
    assert "Vreemd Park" not in client.get(export).content.decode("utf-8-sig")
    assert client.get(reverse("begeleiding:beeld_terrein", kwargs={"pk": eigen.pk})).status_code == 200


def test_staff_ziet_alle_terreinen(actoren, als):
    BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam="Eigen Park")
    BedrijventerreinFactory(werkgroep=actoren.anderewerkgroep, naam="Ander Park")
    html = als(actoren.staff).get(URL).content.decode()
    assert "Eigen Park" in html and "Ander Park" in html


@pytest.mark.parametrize("rol", ["lid", "voorzitter", "secretaris", "agendalid", "auditor", "vreemde"])
def test_leden_hebben_geen_toegang(actoren, als, rol):
    t = BedrijventerreinFactory(werkgroep=actoren.werkgroep)
    client = als(actoren.user(rol))
    assert client.get(URL).status_code == 403
    assert client.get(reverse("begeleiding:beeld_terrein", kwargs={"pk": t.pk})).status_code == 403
    assert client.get(reverse("begeleiding:beeld_export", kwargs={"formaat": "xlsx"})).status_code == 403


def test_anoniem_moet_inloggen(client, db):
    assert client.get(URL).status_code == 302


# --- exports ------------------------------------------------------------------------------------


def test_export_per_terrein_alleen_cijfers_en_formuleveilig(actoren, als):
    t = BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam='=HYPERLINK("http://x")')
    veilig_enquete(actoren.cyclus, t, [5, 4, 4, 1, 1])
    client = als(actoren.begeleider)
    url = reverse("begeleiding:beeld_export", kwargs={"formaat": "csv"})
    response = client.get(f"{url}?terrein={t.pk}")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    rijen = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen[0][:5] == ["Bedrijventerrein", "Gemeente", "Werkgroep", "Cyclus", "Start cyclus"]
    assert len(rijen) == 2
    assert rijen[1][0].startswith("'=")  # text, not a formula
    assert "60.0" in rijen[1]  # the aggregate; no answer, no person
    xlsx = client.get(reverse("begeleiding:beeld_export", kwargs={"formaat": "xlsx"}) + f"?terrein={t.pk}")
    assert xlsx.status_code == 200
    blad = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert blad["A2"].data_type == "s" and blad["A2"].value.startswith("=")  # stored as text
    assert client.get(reverse("begeleiding:beeld_export", kwargs={"formaat": "pdf"})).status_code == 404
    assert client.get(f"{url}?terrein=abc").status_code == 404


# --- bounded queries ------------------------------------------------------------------------


def _provincie(aantal: int, begeleiding):
    for n in range(aantal):
        wg = WerkgroepFactory(begeleiding=begeleiding, gemeente=f"Gemeente {n % 4}")
        cyclus = CyclusFactory(werkgroep=wg)
        t = BedrijventerreinFactory(werkgroep=wg)
        OndernemerFactory(terrein=t)
        veilig_enquete(cyclus, t, [5, 4, 3, 2, 1])
        CijferFactory(cyclus=cyclus, terrein=t)
        PrioriteitFactory(conclusie=ConclusieFactory(cyclus=cyclus))
        MaatregelFactory(plan=PlanFactory(cyclus=cyclus))


def _queries(als, django_assert_max_num_queries, user, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = als(user)
    with versie.opnieuw(), CaptureQueriesContext(connection) as vangst:
        response = client.get(url)
    assert response.status_code == 200
    return len(vangst.captured_queries)


def test_queries_gelijk_bij_10_en_100_werkgroepen(db, als, django_assert_max_num_queries):
    begeleider = UserFactory(email="prov@example.org")
    org = BegeleidingsorganisatieFactory()
    org.gebruikers.add(begeleider)
    _provincie(10, org)
    bij_10 = _queries(als, django_assert_max_num_queries, begeleider, URL)
    export_10 = _queries(
        als, django_assert_max_num_queries, begeleider, reverse("begeleiding:beeld_export", kwargs={"formaat": "csv"})
    )
    _provincie(90, org)
    bij_100 = _queries(als, django_assert_max_num_queries, begeleider, URL)
    export_100 = _queries(
        als, django_assert_max_num_queries, begeleider, reverse("begeleiding:beeld_export", kwargs={"formaat": "csv"})
    )
    assert bij_10 == bij_100
    assert export_10 == export_100
    assert _queries(als, django_assert_max_num_queries, begeleider, URL + "?indicator=aanpak.voortgang") == bij_100
