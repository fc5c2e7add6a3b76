"""Open data for the incident figures: CBS neighbourhoods from the buurtkaart, CBS crime figures, MOR reports.

The files in ``tests/analyse/data`` follow the CBS table 47018NED's own structure (OData v3 feeds:
TableInfos, DataProperties, the code lists with padded keys, TypedDataSet with ``null`` for a
withheld count) for Weststellingwerf (GM0098).
"""

import datetime as dt
import json
from pathlib import Path

import httpx
import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_scopes import scopes_disabled

from analyse.buurten import lees_buurtkaart, rd_naar_wgs84, stel_voor
from analyse.importeren_cbs import controleer_cbs, lees_bestanden
from analyse.importeren_mor import voorbeeld_csv
from analyse.models import Buurt, Cijfer
from analyse.services import opendata
from tests.factories import BedrijventerreinFactory
from werkgroepen.models import Logregel

DATA = Path(__file__).parent / "data"
PARK = {"type": "Polygon", "coordinates": [[[5.99, 52.87], [6.0, 52.87], [6.0, 52.876], [5.99, 52.876], [5.99, 52.87]]]}
pytestmark = pytest.mark.usefixtures("_klok")


@pytest.fixture
def _klok():
    with time_machine.travel(dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC), tick=False):
        yield


def lees(naam: str) -> bytes:
    return (DATA / naam).read_bytes()


def url(naam: str, slug="de-hoek") -> str:
    return reverse(f"analyse:{naam}", kwargs={"werkgroep": slug})


@pytest.fixture
def terrein(wg):
    return BedrijventerreinFactory(werkgroep=wg, naam="De Riete", ref="riete", grens=PARK)


@pytest.fixture
def buurt(wg, terrein):
    return Buurt.objects.create(werkgroep=wg, code="BU00980003", naam="De Riete (kaart)", terrein=terrein)


def cbs_bestanden(*namen):
    return [(n, lees(n)) for n in namen]


# --- the proposal --------------------------------------------------------------------------------


def test_voorstel_alleen_de_buurt_die_het_terrein_raakt(wg, terrein):
    buurten = lees_buurtkaart(lees("buurtkaart_weststellingwerf.geojson"))
    voorstellen = stel_voor(buurten, wg.terreinen.all())
    assert [(v.code, v.naam, v.terreinen) for v in voorstellen] == [
        ("BU00980003", "Bedrijventerrein De Riete", [terrein])
    ]


def test_buurtkaart_in_rd_wordt_omgerekend(wg, terrein):
    lon, lat = rd_naar_wgs84(155000, 463000)  # Amersfoort, the origin of the Dutch grid
    assert (round(lon, 5), round(lat, 5)) == (5.38721, 52.15517)
    # the same neighbourhood, written in RD New metres as PDOK delivers it
    from analyse.buurten import _omzetten

    x, y = 194000, 547000
    vlak = [[x, y], [x + 1500, y], [x + 1500, y + 1500], [x, y + 1500], [x, y]]
    lonlat = _omzetten(vlak, True)
    park = {
        "type": "Polygon",
        "coordinates": [[[*lonlat[0]], [*lonlat[2]], [lonlat[0][0], lonlat[2][1]], [*lonlat[0]]]],
    }
    terrein.grens = park
    terrein.save()
    kaart = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}},
        "features": [
            {
                "type": "Feature",
                "properties": {"buurtcode": "BU00980003", "buurtnaam": "De Riete"},
                "geometry": {"type": "Polygon", "coordinates": [vlak]},
            },
        ],
    }
    voorstellen = stel_voor(lees_buurtkaart(json.dumps(kaart).encode()), wg.terreinen.all())
    assert [v.code for v in voorstellen] == ["BU00980003"]


def test_kiezen_via_de_pagina_voorstel_dan_bevestigen(als, actoren, terrein):
    client = als(actoren.lid)
    bestand = SimpleUploadedFile("buurten.geojson", lees("buurtkaart_weststellingwerf.geojson"))
    response = client.post(url("cijfers_buurten"), {"buurtkaart": bestand})
    assert response.status_code == 200
    assert 'value="BU00980003" checked' in response.text
    assert "BU00980101" not in response.text  # Noordwolde does not touch the park
    assert not Buurt.objects.exists()  # a proposal, not yet a choice
    response = client.post(url("cijfers_buurten"), {"bevestigen": "1", "code": ["BU00980003"]})
    assert response.status_code == 302
    with scopes_disabled():
        assert list(Buurt.objects.values_list("code", "naam", "terrein")) == [
            ("BU00980003", "Bedrijventerrein De Riete", terrein.pk)
        ]
    # a code that was never proposed is refused
    client.post(
        url("cijfers_buurten"),
        {"buurtkaart": SimpleUploadedFile("b.geojson", lees("buurtkaart_weststellingwerf.geojson"))},
    )
    response = client.post(url("cijfers_buurten"), {"bevestigen": "1", "code": ["BU00980101"]})
    assert "niet voorgesteld: BU00980101" in response.text


# --- CBS import ----------------------------------------------------------------------------------


def test_json_import_titels_uit_de_metadata_en_afgeschermd_niet_als_0(als, actoren, cyclus, buurt):
    client = als(actoren.lid)
    bestanden = [
        SimpleUploadedFile("meta.json", lees("cbs_47018NED_metadata.json")),
        SimpleUploadedFile("data.json", lees("cbs_47018NED_TypedDataSet.json")),
    ]
    response = client.post(url("cijfers_cbs"), {"bestanden": bestanden})
    assert response.status_code == 200
    controle = response.context["controle"]
    assert controle.ok, controle.fouten
    assert (controle.buiten_keuze, controle.dubbel_maand, controle.afgeschermd) == (2, 1, 2)
    assert "afgeschermd (klein aantal)" in response.text
    assert not Cijfer.objects.exists()
    response = client.post(url("cijfers_cbs_bevestigen"))
    assert response.status_code == 302
    rijen = list(
        Cijfer.objects.order_by("pk").values_list(
            "bron",
            "categorie",
            "periode_van",
            "periode_tot",
            "aantal",
            "afgeschermd",
            "gebiedscode",
            "gebiedsnaam",
            "herkomst",
        )
    )
    assert rijen == [
        (
            "politie",
            "Totaal misdrijven",
            dt.date(2023, 1, 1),
            dt.date(2023, 12, 31),
            14,
            False,
            "BU00980003",
            "Bedrijventerrein De Riete",
            "cbs",
        ),
        (
            "politie",
            "Diefstal/inbraak woning",
            dt.date(2023, 1, 1),
            dt.date(2023, 12, 31),
            0,
            True,
            "BU00980003",
            "Bedrijventerrein De Riete",
            "cbs",
        ),
        (
            "politie",
            "Vernieling cq. zaakbeschadiging",
            dt.date(2023, 1, 1),
            dt.date(2023, 12, 31),
            5,
            False,
            "BU00980003",
            "Bedrijventerrein De Riete",
            "cbs",
        ),
        (
            "politie",
            "Totaal misdrijven",
            dt.date(2024, 1, 1),
            dt.date(2024, 1, 31),
            0,
            True,
            "BU00980003",
            "Bedrijventerrein De Riete",
            "cbs",
        ),
    ]
    assert Logregel.objects.filter(actie="cijfers.cbs_geimporteerd").count() == 1
    pagina = client.get(url("cijfers"))
    assert "open data (CBS)" in pagina.text
    assert pagina.text.count("afgeschermd (klein aantal)</span>") == 2
    # the withheld figure's cell says so and never shows a 0
    import re

    cellen = re.findall(r"Diefstal/inbraak woning.*?<td class=\"getal\">(.*?)</td>", pagina.text, re.S)
    assert cellen and "afgeschermd" in cellen[0] and ">0<" not in cellen[0]


def test_titels_komen_uit_de_tabel_zelf(wg, cyclus, buurt):
    meta = json.loads(lees("cbs_47018NED_metadata.json"))
    meta["SoortMisdrijf"]["value"][1]["Title"] = "Woninginbraak (zoals deze tabel het noemt)"
    meta["WijkenEnBuurten"]["value"][2]["Title"] = "De Riete, bedrijventerrein"
    tabel = lees_bestanden([("meta.json", json.dumps(meta).encode()), *cbs_bestanden("cbs_47018NED_TypedDataSet.json")])
    assert tabel.tabel == "47018NED" and tabel.maat_titel == "Geregistreerde misdrijven"
    controle = controleer_cbs(cyclus, tabel, vandaag=dt.date(2025, 6, 1))
    assert {r.cijfer.categorie for r in controle.rijen} == {
        "Totaal misdrijven",
        "Woninginbraak (zoals deze tabel het noemt)",
        "Vernieling cq. zaakbeschadiging",
    }
    assert {r.cijfer.gebiedsnaam for r in controle.rijen} == {"De Riete, bedrijventerrein"}


def test_csv_met_metadata_geeft_dezelfde_cijfers(wg, cyclus, buurt):
    uit_json = controleer_cbs(
        cyclus,
        lees_bestanden(cbs_bestanden("cbs_47018NED_metadata.json", "cbs_47018NED_TypedDataSet.json")),
        vandaag=dt.date(2025, 6, 1),
    )
    uit_csv = controleer_cbs(
        cyclus,
        lees_bestanden(cbs_bestanden("cbs_47018NED_metadata.json", "cbs_47018NED_TypedDataSet.csv")),
        vandaag=dt.date(2025, 6, 1),
    )

    def velden(c):
        return [(r.cijfer.categorie, r.cijfer.periode_van, r.cijfer.aantal, r.cijfer.afgeschermd) for r in c.rijen]

    assert uit_csv.ok and velden(uit_csv) == velden(uit_json)
    assert [r.regel for r in uit_csv.rijen] == [3, 4, 5, 7]  # spreadsheet lines: header is 1


def test_zonder_metadata_geweigerd(wg, cyclus, buurt):
    from analyse.importeren_cijfers import BestandFout

    with pytest.raises(BestandFout, match="metadata van de tabel ontbreekt"):
        lees_bestanden(cbs_bestanden("cbs_47018NED_TypedDataSet.csv"))


def test_een_foute_rij_weigert_alles(als, actoren, cyclus, buurt):
    data = json.loads(lees("cbs_47018NED_TypedDataSet.json"))
    data["value"][3]["GeregistreerdeMisdrijven_1"] = "vijf"
    data["value"][2]["Perioden"] = "2023XX99"
    bestanden = [
        SimpleUploadedFile("meta.json", lees("cbs_47018NED_metadata.json")),
        SimpleUploadedFile("data.json", json.dumps(data).encode()),
    ]
    response = als(actoren.lid).post(url("cijfers_cbs"), {"bestanden": bestanden})
    assert "Niets geïmporteerd" in response.text
    assert [str(f) for f in response.context["controle"].fouten] == [
        "regel 3, kolom Perioden: onbekende periode '2023XX99' (verwacht bijvoorbeeld 2023JJ00 of 2023MM01)",
        "regel 4, kolom GeregistreerdeMisdrijven_1: geen geheel getal 'vijf'",
    ]
    response = als(actoren.lid).post(url("cijfers_cbs_bevestigen"))
    assert response.status_code == 302
    assert not Cijfer.objects.exists()


def test_dubbel_importeren_weigert_alles(wg, cyclus, buurt, actoren):
    tabel = lees_bestanden(cbs_bestanden("cbs_47018NED_metadata.json", "cbs_47018NED_TypedDataSet.json"))
    opendata.cbs_importeer(actor=actoren.lid, cyclus=cyclus, tabel=tabel)
    with pytest.raises(opendata.ImportGeweigerd):
        opendata.cbs_importeer(actor=actoren.lid, cyclus=cyclus, tabel=tabel)
    assert Cijfer.objects.count() == 4


def test_ophalen_staat_standaard_uit(settings, buurt):
    assert settings.KVO_CBS_OPHALEN is False
    with pytest.raises(opendata.OphalenUit, match="staat uit"):
        opendata.cbs_haal_op(tabel="47018NED", gemeentecode="GM0098")


def test_ophalen_gemockt(settings, wg, cyclus, buurt):
    settings.KVO_CBS_OPHALEN = True
    meta = json.loads(lees("cbs_47018NED_metadata.json"))
    feeds = {**meta, "TypedDataSet": json.loads(lees("cbs_47018NED_TypedDataSet.json"))}
    gevraagd = []

    def antwoord(request):
        gevraagd.append(str(request.url))
        feed = request.url.path.rsplit("/", 1)[-1]
        return httpx.Response(200, json=feeds[feed])

    client = httpx.Client(transport=httpx.MockTransport(antwoord))
    tabel = opendata.cbs_haal_op(tabel="47018NED", gemeentecode="GM0098", client=client)
    assert len(gevraagd) == 6 and all(
        u.startswith("https://opendata.cbs.nl/ODataApi/OData/47018NED/") for u in gevraagd
    )
    assert any("substringof" in u and "0098" in u for u in gevraagd if "TypedDataSet" in u)
    assert controleer_cbs(cyclus, tabel, vandaag=dt.date(2025, 6, 1)).ok

    def kapot(request):
        raise httpx.ConnectError("geen internet")

    with pytest.raises(opendata.OphalenUit, match="antwoordt niet"):
        opendata.cbs_haal_op(
            tabel="47018NED", gemeentecode="GM0098", client=httpx.Client(transport=httpx.MockTransport(kapot))
        )


# --- MOR -----------------------------------------------------------------------------------------


def test_mor_voorbeeld_gaat_door_export(als, actoren):
    response = als(actoren.lid).get(url("cijfers_mor_voorbeeld"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response.content.decode("utf-8-sig") == voorbeeld_csv()
    assert response.content.decode("utf-8-sig").splitlines()[0] == "meldingsnummer;datum;categorie;status;buurtcode"


def test_mor_import_telt_per_categorie_en_maand(als, actoren, cyclus, buurt):
    csv = (
        b"meldingsnummer;datum;categorie;status;buurtcode\n"
        b"1;08-01-2024;Zwerfvuil / illegale stort;afgehandeld;BU00980003\n"
        b"2;20-01-2024;Zwerfvuil / illegale stort;in behandeling;BU00980003\n"
        b"3;2024-01-21;Verlichting defect;Afgehandeld;\n"
        b"4;02-02-2024;Zwerfvuil / illegale stort;gesloten;BU00980003\n"
    )
    client = als(actoren.lid)
    response = client.post(url("cijfers_mor"), {"bestanden": SimpleUploadedFile("mor.csv", csv)})
    assert response.context["controle"].ok, response.context["controle"].fouten
    client.post(url("cijfers_mor_bevestigen"))
    assert list(
        Cijfer.objects.order_by("pk").values_list(
            "bron", "categorie", "periode_van", "aantal", "afgehandeld", "gebiedscode", "herkomst"
        )
    ) == [
        ("gemeente", "Zwerfvuil / illegale stort", dt.date(2024, 1, 1), 2, 1, "BU00980003", "mor"),
        ("gemeente", "Verlichting defect", dt.date(2024, 1, 1), 1, 1, "", "mor"),
        ("gemeente", "Zwerfvuil / illegale stort", dt.date(2024, 2, 1), 1, 1, "BU00980003", "mor"),
    ]


def test_mor_een_foute_regel_weigert_alles(als, actoren, cyclus, buurt):
    csv = (
        b"datum;categorie;status\n"
        b"08-01-2024;Zwerfvuil;afgehandeld\n"
        b"31-02-2024;Zwerfvuil;afgehandeld\n"
        b"09-01-2024;;kwijt\n"
    )
    client = als(actoren.lid)
    response = client.post(url("cijfers_mor"), {"bestanden": SimpleUploadedFile("mor.csv", csv)})
    assert [str(f) for f in response.context["controle"].fouten] == [
        "regel 3, kolom datum: geen geldige datum '31-02-2024' (verwacht dd-mm-jjjj of jjjj-mm-dd)",
        "regel 4, kolom categorie: is leeg",
        "regel 4, kolom status: onbekende status 'kwijt' (open, in behandeling of afgehandeld)",
    ]
    client.post(url("cijfers_mor_bevestigen"))
    assert not Cijfer.objects.exists()


# --- tenancy and queries ----------------------------------------------------------------------------


@pytest.mark.parametrize("naam", ["cijfers_buurten", "cijfers_cbs", "cijfers_mor", "cijfers_mor_voorbeeld"])
def test_andere_werkgroep_krijgt_404(als, actoren, naam):
    assert als(actoren.vreemde).get(url(naam)).status_code == 404


def test_andere_werkgroep_kan_niet_bevestigen(als, actoren, buurt):
    for naam in ("cijfers_cbs_bevestigen", "cijfers_mor_bevestigen", "cijfers_buurten"):
        assert als(actoren.vreemde).post(url(naam), {"bevestigen": "1", "code": ["BU00980003"]}).status_code == 404


@pytest.mark.parametrize("naam", ["cijfers_buurten", "cijfers_cbs", "cijfers_mor"])
def test_begrensde_queries(als, actoren, wg, terrein, naam, django_assert_max_num_queries):
    for i in range(30):
        Buurt.objects.create(werkgroep=wg, code=f"BU0098{i:04d}", naam=f"Buurt {i}", terrein=terrein, grens=PARK)
    client = als(actoren.lid)
    client.get(url(naam))
    with django_assert_max_num_queries(20):
        assert client.get(url(naam)).status_code == 200


def test_totaal_en_trend_tellen_soorten_en_afgeschermd_niet_dubbel(wg, cyclus, buurt, actoren):
    from analyse.selectors import cijfers as selectors

    tabel = lees_bestanden(cbs_bestanden("cbs_47018NED_metadata.json", "cbs_47018NED_TypedDataSet.json"))
    opendata.cbs_importeer(actor=actoren.lid, cyclus=cyclus, tabel=tabel)
    lijst = selectors.cijfers_van(cyclus)
    assert {(c.categorie, c.deel_van_totaal) for c in lijst} == {
        ("Totaal misdrijven", False),
        ("Diefstal/inbraak woning", True),
        ("Vernieling cq. zaakbeschadiging", True),
    }
    (stand,) = [s for s in selectors.bron_standen(lijst, dt.date(2025, 6, 1)) if s.bron == "politie"]
    assert stand.totaal == 14  # the total, not total + vernieling
    trend = selectors.trend(lijst, None)
    assert dict(zip(trend.jaren, dict(trend.reeksen)["politie"], strict=True)) == {2023: 14, 2024: None}
    per_soort = dict(selectors.trend(lijst, "politie").reeksen)
    assert "Diefstal/inbraak woning" not in per_soort  # withheld only: a gap, never a 0
