"""The figures page and its forms: roles, tenancy, validation, the chart, bounded queries."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from analyse.models import Cijfer
from tests.analyse.factories import CijferFactory
from tests.factories import BedrijventerreinFactory, CyclusFactory, WerkgroepFactory
from werkgroepen.models import Cyclus

pytestmark = pytest.mark.usefixtures("_klok")


@pytest.fixture
def _klok():
    with time_machine.travel(dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC), tick=False):
        yield


def url(naam: str, slug: str = "de-hoek", **kwargs) -> str:
    return reverse(f"analyse:{naam}", kwargs={"werkgroep": slug, **kwargs})


def post_gegevens(**kwargs):
    basis = {
        "bron": "politie",
        "soort": "aangifte",
        "categorie": "Inbraak bedrijfspand",
        "periode_van": "2024-01-01",
        "periode_tot": "2024-12-31",
        "aantal": "12",
        "afgehandeld": "",
        "deelgebied": "bedrijventerrein",
        "terrein": "",
    }
    return {**basis, **kwargs}


@pytest.mark.parametrize("rol", ["lid", "agendalid", "voorzitter", "secretaris", "begeleider", "staff"])
def test_iedereen_van_de_werkgroep_ziet_de_pagina(actoren, als, rol):
    response = als(actoren.user(rol)).get(url("cijfers"))
    assert response.status_code == 200
    assert "Incidentcijfers" in response.text
    mag = rol != "agendalid"
    assert (url("cijfer_nieuw") in response.text) is mag
    assert (url("cijfers_importeren") in response.text) is mag


def test_auditor_niet(actoren, als):
    assert als(actoren.auditor).get(url("cijfers")).status_code == 403


def test_agendalid_leest_alleen(actoren, als, cyclus):
    c = CijferFactory(cyclus=cyclus)
    client = als(actoren.agendalid)
    page = client.get(url("cijfers"))
    assert "Inbraak bedrijfspand" in page.text
    assert url("cijfer_wijzigen", pk=c.pk) not in page.text
    for naam, kwargs in [("cijfer_nieuw", {}), ("cijfer_wijzigen", {"pk": c.pk}), ("cijfer_verwijderen", {"pk": c.pk})]:
        assert client.get(url(naam, **kwargs)).status_code == 403
        assert client.post(url(naam, **kwargs), post_gegevens(aantal="99")).status_code == 403
    c.refresh_from_db()
    assert c.aantal == 7 and Cijfer.objects.count() == 1


def test_lid_voegt_toe(actoren, als, cyclus):
    client = als(actoren.lid)
    form = client.get(url("cijfer_nieuw"))
    assert form.status_code == 200
    assert "Een geheel getal van 0 tot en met 100.000." in form.text  # the form states the bounds
    assert (
        '<datalist id="categorieen-politie">' in form.text
        and 'value="Loze melding (brandmeldinstallatie)"' in form.text
    )
    response = client.post(url("cijfer_nieuw"), post_gegevens())
    assert response.status_code == 302 and response.url == url("cijfers")
    cijfer = Cijfer.objects.get()
    assert (cijfer.cyclus, cijfer.werkgroep, cijfer.aantal) == (cyclus, actoren.werkgroep, 12)
    page = client.get(url("cijfers"))
    assert "Cijfer vastgelegd: politie, Inbraak bedrijfspand, 01-01-2024 t/m 31-12-2024: 12." in page.text


def test_opslaan_en_nog_een_vult_bron_en_periode_in(actoren, als, cyclus):
    terrein = BedrijventerreinFactory(werkgroep=actoren.werkgroep)
    client = als(actoren.lid)
    response = client.post(url("cijfer_nieuw"), post_gegevens(terrein=terrein.pk, nog_een="1"))
    assert response.status_code == 302
    assert response.url.startswith(url("cijfer_nieuw") + "?bron=politie&soort=aangifte&periode_van=2024-01-01")
    volgende = client.get(response.url)
    assert volgende.context["form"].initial["periode_tot"] == "2024-12-31"
    assert 'value="2024-12-31"' in volgende.text


@pytest.mark.parametrize(
    ("wijziging", "veld", "melding"),
    [
        ({"periode_tot": "2023-12-31"}, "periode_tot", "31-12-2023 ligt vóór het begin van de periode (01-01-2024)."),
        ({"periode_tot": "2025-06-02"}, "periode_tot", "02-06-2025 ligt in de toekomst (vandaag is 01-06-2025)."),
        ({"afgehandeld": "13"}, "afgehandeld", "13 afgehandeld is meer dan het aantal (12)."),
        ({"aantal": "100001"}, "aantal", "Hoogstens 100.000."),
        ({"aantal": "-1"}, "aantal", "Een aantal is 0 of meer."),
        ({"categorie": "123"}, "categorie", "'123' is geen categorie; gebruik een omschrijving zoals 'Vernieling'."),
        ({"periode_van": "31-02-2024"}, "periode_van", None),
    ],
)
def test_foute_invoer_met_nederlandse_melding(actoren, als, cyclus, wijziging, veld, melding):
    response = als(actoren.lid).post(url("cijfer_nieuw"), post_gegevens(**wijziging))
    assert response.status_code == 200
    assert "Niet opgeslagen" in response.text
    fouten = response.context["form"].errors[veld]
    if melding:
        assert melding in fouten
    assert not Cijfer.objects.exists()


def test_terreinkeuze_alleen_uit_de_eigen_werkgroep(actoren, als, cyclus):
    eigen = BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam="Eigen Terrein")
    vreemd = BedrijventerreinFactory(werkgroep=actoren.anderewerkgroep, naam="Vreemd Terrein")
    client = als(actoren.lid)
    form = client.get(url("cijfer_nieuw"))
    assert "Eigen Terrein" in form.text and "Vreemd Terrein" not in form.text
    response = client.post(url("cijfer_nieuw"), post_gegevens(terrein=vreemd.pk))
    assert "terrein" in response.context["form"].errors
    assert not Cijfer.objects.exists()
    client.post(url("cijfer_nieuw"), post_gegevens(terrein=eigen.pk))
    assert Cijfer.objects.get().terrein == eigen


def test_wijzigen_en_verwijderen(actoren, als, cyclus):
    c = CijferFactory(cyclus=cyclus, aantal=7)
    client = als(actoren.lid)
    form = client.get(url("cijfer_wijzigen", pk=c.pk))
    assert 'value="Inbraak bedrijfspand"' in form.text
    response = client.post(url("cijfer_wijzigen", pk=c.pk), post_gegevens(aantal="8", afgehandeld="2"))
    assert response.status_code == 302
    c.refresh_from_db()
    assert (c.aantal, c.afgehandeld) == (8, 2)
    bevestig = client.get(url("cijfer_verwijderen", pk=c.pk))
    assert "U verwijdert dit cijfer" in bevestig.text and Cijfer.objects.exists()
    assert client.post(url("cijfer_verwijderen", pk=c.pk)).status_code == 302
    assert not Cijfer.objects.exists()


def test_cijfer_van_een_andere_werkgroep_of_cyclus_is_404(actoren, als, cyclus):
    elders = CijferFactory(cyclus=CyclusFactory(werkgroep=actoren.anderewerkgroep))
    oud = CijferFactory(cyclus=cyclus)
    CyclusFactory(werkgroep=actoren.werkgroep, nummer=2, soort=Cyclus.Soort.OPVOLGENDE, start=dt.date(2025, 5, 1))
    client = als(actoren.lid)
    for pk in (elders.pk, oud.pk):  # figures of an earlier cycle are not changed from the current one
        assert client.get(url("cijfer_wijzigen", pk=pk)).status_code == 404
        assert client.post(url("cijfer_verwijderen", pk=pk)).status_code == 404
    assert Cijfer.objects.count() == 2


@pytest.mark.parametrize(
    "naam", ["cijfers", "cijfer_nieuw", "cijfers_importeren", "cijfers_import_bevestigen", "cijfers_voorbeeld"]
)
def test_vreemde_krijgt_404(actoren, als, naam):
    client = als(actoren.vreemde)
    assert client.get(url(naam)).status_code == 404
    assert client.post(url(naam), post_gegevens()).status_code == 404
    c = CijferFactory(cyclus=actoren.cyclus)
    assert client.post(url("cijfer_verwijderen", pk=c.pk)).status_code == 404
    assert Cijfer.objects.filter(pk=c.pk).exists()


def test_lege_pagina_zegt_wat_te_vragen(actoren, als, cyclus):
    response = als(actoren.lid).get(url("cijfers"))
    assert 'data-testid="leeg"' in response.text
    assert "Nog geen cijfers" in response.text
    for woord in ("Politie", "Brandweer", "Gemeente", "óók de meldingen die al zijn afgehandeld", "bedrijventerrein"):
        assert woord in response.text
    assert url("cijfers_voorbeeld") in response.text
    assert url("cijfers_importeren") in response.text
    # the rules at the top: both open
    assert 'data-testid="waarschuwingen"' in response.text
    assert "Nog geen cijfers van politie en brandweer vastgelegd" in response.text


def test_zonder_cyclus(db, als, actoren):
    Cyclus.objects.filter(werkgroep=actoren.werkgroep).delete()
    client = als(actoren.lid)
    response = client.get(url("cijfers"))
    assert response.status_code == 200
    assert "Er is nog geen cyclus gestart" in response.text
    assert client.get(url("cijfer_nieuw")).status_code == 404
    assert client.get(url("cijfers_importeren")).status_code == 404


def vul(cyclus, n: int) -> None:
    terrein = BedrijventerreinFactory(werkgroep=cyclus.werkgroep)
    bronnen = ["politie", "brandweer", "gemeente", "beveiliging"]
    Cijfer.objects.bulk_create(
        Cijfer(
            werkgroep=cyclus.werkgroep,
            cyclus=cyclus,
            bron=bronnen[i % 4],
            categorie=f"Categorie {i % 9}",
            periode_van=dt.date(2022 + i % 3, 1, 1),
            periode_tot=dt.date(2022 + i % 3, 12, 31),
            aantal=i,
            afgehandeld=i // 2 if i % 4 == 2 else None,
            deelgebied=["bedrijventerrein", "overig"][i % 2],
            terrein=terrein if i % 3 == 0 else None,
        )
        for i in range(n)
    )


@pytest.mark.parametrize("n", [5, 100])
@pytest.mark.parametrize("grafiek", ["", "politie"])
def test_aantal_queries_groeit_niet(actoren, als, cyclus, django_assert_max_num_queries, n, grafiek):
    vul(cyclus, n)
    client = als(actoren.lid)
    client.get(url("cijfers"))  # warm up session / caches
    with django_assert_max_num_queries(14):
        response = client.get(url("cijfers"), {"grafiek": grafiek})
    assert response.status_code == 200
    assert response.text.count("<tr>") >= n


def test_pagina_met_cijfers(actoren, als, cyclus):
    for bron in ("politie", "brandweer"):
        CijferFactory(cyclus=cyclus, bron=bron)
    CijferFactory(cyclus=cyclus, bron="politie", categorie="Vernieling", deelgebied="onbekend", aantal=3)
    CijferFactory(
        cyclus=cyclus,
        bron="gemeente",
        categorie="Zwerfvuil",
        periode_van=dt.date(2023, 7, 1),
        periode_tot=dt.date(2024, 6, 30),
        aantal=366,
        afgehandeld=300,
    )
    response = als(actoren.lid).get(url("cijfers"))
    tekst = response.text
    assert (
        'id="cijfers-politie"' in tekst
        and "data-sorteerbaar" in tekst
        and 'data-tabelfilter="cijfers-politie"' in tekst
    )
    standen = {s.bron: s for s in response.context["standen"]}
    assert standen["politie"].status == "niet_voldaan"  # one figure not split
    assert standen["brandweer"].status == "voldaan"
    assert standen["gemeente"].status == "niet_voldaan"  # a whole year, no calendar year
    assert "nee: 1 met deelgebied onbekend" in tekst
    assert "300 van 366" in tekst
    # the chart per source: the municipal count spread over 2023 and 2024 by days
    assert response.context["trend"].reeksen[2] == ("gemeente", [184.0, 182.0])
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in tekst and "naar rato van het aantal dagen" in tekst
    per_categorie = als(actoren.lid).get(url("cijfers"), {"grafiek": "politie"})
    assert [naam for naam, _ in per_categorie.context["trend"].reeksen] == ["Inbraak bedrijfspand", "Vernieling"]
    onzin = als(actoren.lid).get(url("cijfers"), {"grafiek": "ambulance"})
    assert onzin.context["grafiek_bron"] == ""


def test_andere_werkgroep_ziet_de_cijfers_niet(actoren, als):
    ander = WerkgroepFactory(slug="derde")
    CijferFactory(cyclus=CyclusFactory(werkgroep=ander), categorie="Geheime categorie")
    response = als(actoren.lid).get(url("cijfers"))
    assert "Geheime categorie" not in response.text
