"""Every page of the area: who may see and change what, tenancy, and bounded query counts."""

import json

import pytest
from django.urls import reverse

from gebieden.models import Bedrijventerrein, Ondernemer
from tests.factories import BedrijventerreinFactory, LidFactory, OndernemerFactory
from tests.gebieden.factories import AangrenzendeLocatieFactory, vierkant

LEES = ["overzicht", "ondernemers", "ondernemers_voorbeeld"]
SCHRIJF = [
    "terrein_nieuw",
    "terrein_wijzigen",
    "terrein_verwijderen",
    "cluster_vormen",
    "regie",
    "locatie_nieuw",
    "locatie_wijzigen",
    "locatie_verwijderen",
    "ondernemer_nieuw",
    "ondernemer_wijzigen",
    "ondernemer_verwijderen",
    "ondernemers_importeren",
    "ondernemers_import_bevestigen",
]


@pytest.fixture
def objecten(wg, terrein):
    return {
        "terrein": terrein,
        "locatie": AangrenzendeLocatieFactory(werkgroep=wg, naam="Sportpark De Bult"),
        "ondernemer": OndernemerFactory(terrein=terrein, naam="Jansen Metaal"),
    }


def url(naam, slug, objecten) -> str:
    kwargs = {"werkgroep": slug}
    if naam.startswith(("terrein_w", "terrein_v", "ondernemer")):
        kwargs["terrein"] = objecten["terrein"].pk
    if naam.startswith(("ondernemer_w", "ondernemer_v")):
        kwargs["ondernemer"] = objecten["ondernemer"].pk
    if naam.startswith(("locatie_w", "locatie_v")):
        kwargs["locatie"] = objecten["locatie"].pk
    return reverse(f"gebieden:{naam}", kwargs=kwargs)


@pytest.mark.parametrize("naam", LEES + SCHRIJF)
def test_vreemde_krijgt_404(als, actoren, objecten, naam):
    client = als(actoren.vreemde)
    pad = url(naam, actoren.werkgroep.slug, objecten)
    assert client.get(pad).status_code == 404
    assert client.post(pad).status_code == 404


@pytest.mark.parametrize(
    "naam",
    [n for n in LEES + SCHRIJF if n not in ("overzicht", "terrein_nieuw", "cluster_vormen", "regie", "locatie_nieuw")],
)
def test_vreemde_met_eigen_slug_en_onze_id_krijgt_404(als, actoren, objecten, naam):
    """The stranger is chair of his own group; our ids through his slug must not resolve."""
    BedrijventerreinFactory(werkgroep=actoren.anderewerkgroep)
    client = als(actoren.vreemde)
    pad = url(naam, actoren.anderewerkgroep.slug, objecten)
    assert client.get(pad).status_code == 404
    assert client.post(pad, {"naam": "Gekaapt", "gemeente": "X"}).status_code == 404
    assert Bedrijventerrein.objects.get(pk=objecten["terrein"].pk).naam == "De Hoek"
    assert Ondernemer.objects.filter(pk=objecten["ondernemer"].pk).exists()


@pytest.mark.parametrize("naam", SCHRIJF)
def test_agendalid_mag_niet_schrijven(als, actoren, objecten, naam):
    client = als(actoren.agendalid)
    pad = url(naam, actoren.werkgroep.slug, objecten)
    assert client.get(pad).status_code == 403
    assert client.post(pad).status_code == 403


@pytest.mark.parametrize("naam", LEES)
@pytest.mark.parametrize("rol", ["agendalid", "lid", "begeleider", "staff"])
def test_lezen(als, actoren, objecten, naam, rol):
    assert als(actoren.user(rol)).get(url(naam, actoren.werkgroep.slug, objecten)).status_code == 200


@pytest.mark.parametrize("naam", SCHRIJF)
@pytest.mark.parametrize("rol", ["lid", "voorzitter", "begeleider"])
def test_schrijvers_zien_de_formulieren(als, actoren, objecten, naam, rol):
    response = als(actoren.user(rol)).get(url(naam, actoren.werkgroep.slug, objecten))
    assert response.status_code in (200, 302)


def test_auditor_krijgt_403(als, actoren, objecten):
    assert als(actoren.auditor).get(url("overzicht", "de-hoek", objecten)).status_code == 403


def test_leeg_overzicht_zegt_wat_te_doen(als, actoren):
    response = als(actoren.lid).get("/w/de-hoek/gebied/")
    assert "Begin met de afbakening van het gebied" in response.text
    assert reverse("gebieden:terrein_nieuw", kwargs={"werkgroep": "de-hoek"}) in response.text


def test_overzicht_toont_waarschuwingen_met_getallen(als, actoren, wg, terrein):
    noord = BedrijventerreinFactory(werkgroep=wg, naam="Noord", gemeente="Anderstad")
    Ondernemer.objects.bulk_create(Ondernemer(terrein=noord, naam=f"N{i}", ref=f"n{i}") for i in range(612))
    AangrenzendeLocatieFactory(werkgroep=wg, naam="Station Zuid")
    response = als(actoren.lid).get("/w/de-hoek/gebied/")
    tekst = response.text
    assert "612 ondernemers (De Hoek: 0; Noord: 612), maximaal 600. Dat is 12 te veel." in tekst
    assert "2 gemeenten (Voorbeeldstad, Anderstad)" in tekst
    assert "noemt geen regie-organisatie" in tekst
    assert 'data-eis="cluster.vertegenwoordiging"' in tekst
    assert "<svg" in tekst and "Station Zuid" in tekst and 'stroke-dasharray="6 4"' in tekst
    waarschuwingen = {r.id for r in response.context["waarschuwingen"]}
    assert waarschuwingen == {
        "gebied.max-ondernemers",
        "cluster.een-gemeente",
        "cluster.vertegenwoordiging",
        "cluster.regie",
    }


def test_terrein_toevoegen_met_grens(als, actoren, wg):
    response = als(actoren.lid).post(
        "/w/de-hoek/gebied/terrein/nieuw/",
        {"naam": "Venekoten", "gemeente": "Ooststellingwerf", "grens": json.dumps(vierkant())},
    )
    assert response.status_code == 302
    terrein = wg.terreinen.get()
    assert terrein.grens["type"] == "Polygon"


def test_terrein_zonder_js_fout_in_grens(als, actoren, wg):
    vlinder = {"type": "Polygon", "coordinates": [[[5.0, 52.0], [5.1, 52.1], [5.1, 52.0], [5.0, 52.1], [5.0, 52.0]]]}
    response = als(actoren.lid).post(
        "/w/de-hoek/gebied/terrein/nieuw/", {"naam": "X", "gemeente": "Y", "grens": json.dumps(vlinder)}
    )
    assert response.status_code == 200
    assert "De grens snijdt zichzelf" in response.text
    assert not wg.terreinen.exists()


def test_tweede_terrein_vraagt_regie_in_hetzelfde_formulier(als, actoren, wg, terrein):
    client = als(actoren.lid)
    response = client.get("/w/de-hoek/gebied/terrein/nieuw/")
    assert 'name="regie_organisatie"' in response.text
    response = client.post("/w/de-hoek/gebied/terrein/nieuw/", {"naam": "Noord", "gemeente": "Voorbeeldstad"})
    assert response.status_code == 200 and wg.terreinen.count() == 1
    response = client.post(
        "/w/de-hoek/gebied/terrein/nieuw/",
        {"naam": "Noord", "gemeente": "Voorbeeldstad", "regie_organisatie": "Parkmanagement"},
    )
    assert response.status_code == 302
    wg.refresh_from_db()
    assert wg.terreinen.count() == 2 and wg.regie_organisatie == "Parkmanagement"


def formset(rijen, regie=""):
    data = {"terrein-TOTAL_FORMS": "3", "terrein-INITIAL_FORMS": "0", "regie_organisatie": regie}
    for i, (naam, gemeente) in enumerate(rijen):
        data[f"terrein-{i}-naam"] = naam
        data[f"terrein-{i}-gemeente"] = gemeente
    return data


def test_cluster_vormen_alles_of_niets(als, actoren, wg):
    client = als(actoren.lid)
    rijen = [("Noord", "Weststad"), ("Zuid", "Weststad"), ("Oost", "Ooststad")]
    response = client.post("/w/de-hoek/gebied/cluster/", formset(rijen, "Parkmanagement"))
    assert response.status_code == 200
    assert "één gemeente; dit worden er 2: Weststad, Ooststad" in response.text
    assert not wg.terreinen.exists()
    rijen[2] = ("Oost", "Weststad")
    response = client.post("/w/de-hoek/gebied/cluster/", formset(rijen, "Parkmanagement"), follow=True)
    assert response.redirect_chain and response.redirect_chain[0][1] == 302
    assert "3 bedrijventerreinen toegevoegd; het gebied telt nu 3 terreinen." in response.text
    assert wg.terreinen.count() == 3


def test_ondernemer_formulier(als, actoren, terrein):
    client = als(actoren.lid)
    pad = f"/w/de-hoek/gebied/terrein/{terrein.pk}/ondernemers/nieuw/"
    response = client.post(pad, {"naam": "Smit", "postcode": "12345", "lid_ondernemersvereniging": "true"})
    assert "geen Nederlandse postcode" in response.text
    response = client.post(pad, {"naam": "Smit", "postcode": "1234 ab", "lid_ondernemersvereniging": "true"})
    assert response.status_code == 302
    smit = terrein.ondernemers.get()
    assert smit.postcode == "1234 AB" and smit.lid_ondernemersvereniging is True


def test_regie_en_locatie_en_verwijderen(als, actoren, wg, terrein):
    client = als(actoren.lid)
    assert client.post("/w/de-hoek/gebied/regie/", {"regie_organisatie": "Gemeente"}).status_code == 302
    response = client.post(
        "/w/de-hoek/gebied/locatie/nieuw/", {"naam": "Station", "soort": "station", "grens": json.dumps(vierkant())}
    )
    assert response.status_code == 302
    locatie = wg.aangrenzende_locaties.get()
    assert client.post(f"/w/de-hoek/gebied/locatie/{locatie.pk}/verwijderen/").status_code == 302
    assert client.post(f"/w/de-hoek/gebied/terrein/{terrein.pk}/verwijderen/").status_code == 302
    assert not wg.terreinen.exists() and not wg.aangrenzende_locaties.exists()


def vul(wg, n):
    """n parks' worth of data: rows in every table the pages read."""
    parken = [BedrijventerreinFactory(werkgroep=wg, naam=f"Park {i}") for i in range(min(n, 4))]
    for i in range(n):
        park = parken[i % len(parken)]
        OndernemerFactory(terrein=park)
        AangrenzendeLocatieFactory(werkgroep=wg)
        LidFactory(werkgroep=wg, terrein=park)
    return parken[0]


@pytest.mark.parametrize("n", [3, 60])
@pytest.mark.parametrize("naam", ["overzicht", "ondernemers", "terrein_wijzigen", "locatie_nieuw", "ondernemer_nieuw"])
def test_aantal_queries_groeit_niet(als, actoren, wg, django_assert_max_num_queries, n, naam):
    park = vul(wg, n)
    client = als(actoren.lid)
    objecten = {"terrein": park}
    client.get(url(naam, "de-hoek", objecten))  # warm up session / caches
    with django_assert_max_num_queries(16):
        assert client.get(url(naam, "de-hoek", objecten)).status_code == 200
