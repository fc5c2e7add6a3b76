"""Import of incident figures from CSV and XLSX: preview, every bad row with line and column, all or nothing."""

import datetime as dt
import io

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from analyse.importeren_cijfers import BestandFout, controleer, lees_bestand
from analyse.models import Cijfer
from tests.analyse.factories import CijferFactory
from tests.factories import BedrijventerreinFactory
from werkgroepen.models import Logregel

KOP = ["bron", "soort", "categorie", "periode_van", "periode_tot", "aantal", "deelgebied", "terrein", "afgehandeld"]
GOED = [
    [
        "politie",
        "aangifte",
        "Inbraak bedrijfspand",
        "01-01-2024",
        "31-12-2024",
        "12",
        "bedrijventerrein",
        "De Hoek",
        "",
    ],
    ["politie", "aangifte", "Inbraak bedrijfspand", "01-01-2024", "31-12-2024", "5", "overig", "", ""],
    ["Brandweer", "Incident", "Buitenbrand", "2024-01-01", "2024-12-31", "4", "", "", ""],
    ["gemeente", "", "Zwerfvuil / illegale stort", "1-1-2024", "31/12/2024", "26", "", "de hoek", "24"],
]
pytestmark = pytest.mark.usefixtures("_klok")


@pytest.fixture
def _klok():
    with time_machine.travel(dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC), tick=False):
        yield


@pytest.fixture
def terrein(wg):
    return BedrijventerreinFactory(werkgroep=wg, naam="De Hoek", ref="hoek")


def csv_bytes(rijen, kop=KOP, scheiding=";") -> bytes:
    return ("\n".join(scheiding.join(r) for r in [kop, *rijen]) + "\n").encode("utf-8")


def xlsx_bytes(rijen, kop=KOP) -> bytes:
    from openpyxl import Workbook

    boek = Workbook()
    blad = boek.active
    blad.append(kop)
    for r in rijen:
        blad.append(r)
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def url(naam: str) -> str:
    return reverse(f"analyse:{naam}", kwargs={"werkgroep": "de-hoek"})


def upload(client, inhoud: bytes, naam="cijfers.csv"):
    return client.post(url("cijfers_importeren"), {"bestand": SimpleUploadedFile(naam, inhoud)})


def test_goed_csv_bestand_eerst_controle_dan_alles(als, actoren, cyclus, terrein):
    client = als(actoren.lid)
    response = upload(client, csv_bytes(GOED))
    assert response.status_code == 200
    assert "4 cijfers</strong> zijn in orde" in response.text
    assert "Politie</strong>: 01-01-2024 t/m 31-12-2024 (heel kalenderjaar 2024)" in response.text
    assert not Cijfer.objects.exists()  # the preview writes nothing
    response = client.post(url("cijfers_import_bevestigen"))
    assert response.status_code == 302 and response.url == url("cijfers")
    cijfers = list(Cijfer.objects.order_by("pk"))
    assert [(c.bron, c.soort, c.aantal, c.deelgebied, c.terrein, c.afgehandeld) for c in cijfers] == [
        ("politie", "aangifte", 12, "bedrijventerrein", terrein, None),
        ("politie", "aangifte", 5, "overig", None, None),
        ("brandweer", "incident", 4, "bedrijventerrein", None, None),
        ("gemeente", "melding", 26, "bedrijventerrein", terrein, 24),
    ]
    assert all(c.cyclus == cyclus and c.periode_van == dt.date(2024, 1, 1) for c in cijfers)
    assert cijfers[3].periode_tot == dt.date(2024, 12, 31)
    regel = Logregel.objects.get(actie="cijfers.geimporteerd")
    assert regel.omschrijving == "4 cijfers geïmporteerd uit cijfers.csv"
    # the session no longer holds the file: confirming again writes nothing more
    client.post(url("cijfers_import_bevestigen"))
    assert Cijfer.objects.count() == 4


def test_goed_xlsx_bestand_met_datum_en_getalcellen(als, actoren, cyclus, terrein):
    rijen = [
        [
            "politie",
            "aangifte",
            "Vernieling",
            dt.datetime(2024, 1, 1),
            dt.datetime(2024, 12, 31),
            8,
            None,
            "De Hoek",
            None,
        ],
        ["gemeente", "melding", "Verlichting defect", "01-01-2024", "31-12-2024", 14.0, "onbekend", None, 9],
    ]
    client = als(actoren.lid)
    response = upload(client, xlsx_bytes(rijen), naam="cijfers.xlsx")
    assert "2 cijfers</strong> zijn in orde" in response.text, response.context["controle"].fouten
    client.post(url("cijfers_import_bevestigen"))
    assert list(Cijfer.objects.order_by("pk").values_list("categorie", "aantal", "deelgebied", "afgehandeld")) == [
        ("Vernieling", 8, "bedrijventerrein", None),
        ("Verlichting defect", 14, "onbekend", 9),
    ]


def test_foute_regels_met_regel_en_kolom_en_niets_geschreven(als, actoren, cyclus, terrein):
    rijen = [list(r) for r in GOED] + [list(GOED[0]) for _ in range(3)]
    # spreadsheet line = index + 2
    rijen[4][4] = "31-02-2024"  # regel 6
    rijen[4][2] = "Diefstal"
    rijen[5] = ["politie", "aangifte", "Vernieling", "01-01-2024", "31-12-2023", "3", "", "", ""]  # regel 7
    rijen[6] = ["ambulance", "klacht", "12", "01-01-2024", "31-12-2024", "twaalf", "stad", "Nergens", "x"]  # regel 8
    rijen[0][8] = "13"  # regel 2: afgehandeld 13 of 12
    rijen[2][4] = "2025-06-02"  # regel 4: in the future
    response = upload(als(actoren.lid), csv_bytes(rijen))
    assert "Niets geïmporteerd" in response.text
    assert "5 regels met een fout, 2 in orde" in response.text
    teksten = [str(f) for f in response.context["controle"].fouten]
    assert teksten == [
        "regel 2, kolom afgehandeld: 13 afgehandeld is meer dan het aantal (12)",
        "regel 4, kolom periode_tot: 02-06-2025 ligt in de toekomst (vandaag is 01-06-2025)",
        "regel 6, kolom periode_tot: geen geldige datum '31-02-2024' (verwacht dd-mm-jjjj of jjjj-mm-dd)",
        "regel 7, kolom periode_tot: 31-12-2023 ligt vóór het begin van de periode (01-01-2024)",
        "regel 8, kolom bron: onbekende bron 'ambulance' (kies politie, brandweer, gemeente, beveiliging of overig)",
        "regel 8, kolom soort: onbekende soort 'klacht' (kies aangifte, melding, incident of overig)",
        "regel 8, kolom categorie: '12' is geen categorie; gebruik een omschrijving zoals 'Vernieling'",
        "regel 8, kolom aantal: geen geheel getal 'twaalf' (vul 0 tot en met 100.000 in)",
        "regel 8, kolom deelgebied: onbekend deelgebied 'stad' (kies bedrijventerrein, overig of onbekend)",
        "regel 8, kolom terrein: onbekend bedrijventerrein 'Nergens' (bekend: De Hoek)",
        "regel 8, kolom afgehandeld: geen geheel getal 'x' (vul 0 tot en met 100.000 in)",
    ]
    assert "regel 6, kolom periode_tot: geen geldige datum &#x27;31-02-2024&#x27;" in response.text
    assert "importeren</button>" not in response.text
    assert not Cijfer.objects.exists()
    # confirming without a clean preview imports nothing either
    als(actoren.lid).post(url("cijfers_import_bevestigen"))
    assert not Cijfer.objects.exists()


def test_lege_regels_houden_hun_nummer_en_verplichte_cellen(wg, cyclus):
    inhoud = csv_bytes(
        [GOED[1], ["", "", "", "", "", "", "", "", ""], ["politie", "", "", "", "31-12-2024", "", "", "", ""]]
    )
    inhoud = inhoud.replace(b"\n;;;;;;;;\n", b"\n\n")  # a truly empty line
    ingelezen = lees_bestand("c.csv", inhoud)
    assert [n for n, _ in ingelezen.rijen] == [2, 4]
    controle = controleer(cyclus, ingelezen.rijen, vandaag=dt.date(2025, 6, 1))
    assert [str(f) for f in controle.fouten] == [
        "regel 4, kolom categorie: is leeg",
        "regel 4, kolom periode_van: is leeg",
        "regel 4, kolom aantal: is leeg",
    ]


def test_komma_als_scheiding_kolomnamen_en_genegeerde_kolommen(wg, cyclus):
    kop = ["Bron", "Categorie", "Periode van", "Tot en met", "Aantal", "Opmerking"]
    ingelezen = lees_bestand(
        "c.csv", csv_bytes([["politie", "Diefstal", "2024-01-01", "2024-12-31", "3", "x"]], kop, ",")
    )
    assert ingelezen.genegeerd == ["Opmerking"]
    controle = controleer(cyclus, ingelezen.rijen, vandaag=dt.date(2025, 6, 1))
    assert controle.ok
    (rij,) = controle.rijen
    assert (rij.cijfer.soort, rij.cijfer.deelgebied, rij.cijfer.periode_tot) == (
        "melding",
        "bedrijventerrein",
        dt.date(2024, 12, 31),
    )


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("c.pdf", b"%PDF", "Kies een CSV- of Excel-bestand"),
        ("c.csv", b"", "Het bestand is leeg"),
        ("c.csv", b"bron;categorie;aantal\npolitie;x;1\n", "mist de kolommen periode_van, periode_tot"),
        ("c.csv", b"bron;bron;categorie;periode_van;periode_tot;aantal\n", "De kolom bron staat meer dan"),
        ("c.xlsx", b"geen excel", "Het Excel-bestand kan niet worden gelezen"),
    ],
)
def test_onleesbare_bestanden(naam, inhoud, melding):
    with pytest.raises(BestandFout) as fout:
        lees_bestand(naam, inhoud)
    assert melding in str(fout.value)


def test_alleen_kolomnamen(als, actoren, cyclus):
    response = upload(als(actoren.lid), csv_bytes([]))
    assert "Het bestand bevat geen cijfers" in response.text
    assert not Cijfer.objects.exists()


def test_dubbel_in_het_bestand_en_met_wat_er_al_staat(als, actoren, cyclus, terrein):
    CijferFactory(cyclus=cyclus, bron="brandweer", soort="incident", categorie="buitenbrand", aantal=9)
    rijen = [GOED[1], GOED[2], GOED[1]]
    response = upload(als(actoren.lid), csv_bytes(rijen))
    assert [str(f) for f in response.context["controle"].fouten] == [
        "regel 3: dit cijfer is al vastgelegd (zelfde bron, soort, categorie, periode en deelgebied)",
        "regel 4: hetzelfde cijfer staat al in regel 2",
    ]
    assert Cijfer.objects.count() == 1


def test_bij_bevestigen_opnieuw_gecontroleerd(als, actoren, cyclus):
    client = als(actoren.lid)
    assert "2 cijfers</strong> zijn in orde" in upload(client, csv_bytes([GOED[1], GOED[2]])).text
    CijferFactory(cyclus=cyclus, bron="brandweer", soort="incident", categorie="Buitenbrand")  # meanwhile
    response = client.post(url("cijfers_import_bevestigen"))
    assert response.status_code == 200
    assert "Niets geïmporteerd" in response.text
    assert "regel 3: dit cijfer is al vastgelegd" in response.text
    assert Cijfer.objects.count() == 1


def test_voorbeeldbestanden_zijn_zelf_goed(als, actoren, cyclus):
    client = als(actoren.agendalid)  # reading is enough to download an example
    csv_response = client.get(url("cijfers_voorbeeld"))
    assert csv_response["Content-Disposition"] == 'attachment; filename="cijfers-voorbeeld.csv"'
    inhoud = csv_response.content
    assert inhoud.decode("utf-8-sig").startswith(";".join(KOP))
    xlsx = client.get(url("cijfers_voorbeeld_xlsx")).content
    for naam, bestand in (("v.csv", inhoud), ("v.xlsx", xlsx)):
        controle = controleer(cyclus, lees_bestand(naam, bestand).rijen, vandaag=dt.date(2025, 6, 1))
        assert controle.ok, (naam, controle.fouten)
        assert len(controle.rijen) == 4


def test_import_vraagt_wijzigen(als, actoren, cyclus):
    client = als(actoren.agendalid)
    assert client.get(url("cijfers_importeren")).status_code == 403
    assert upload(client, csv_bytes(GOED)).status_code == 403
    assert client.post(url("cijfers_import_bevestigen")).status_code == 403
    assert not Cijfer.objects.exists()


def test_xlsx_lege_rijen_en_losse_cellen_houden_de_regelnummers(wg, cyclus):
    from openpyxl import Workbook

    boek = Workbook()
    blad = boek.active
    blad.append(["bron", "categorie", "periode_van", "periode_tot", "aantal"])
    blad.append(["politie", "Diefstal", dt.datetime(2024, 1, 1), dt.datetime(2024, 12, 31), 3])
    blad.append([])
    blad["A4"], blad["B4"], blad["C4"], blad["D4"], blad["E4"] = "brandweer", "Brand", "01-01-2024", "31-13-2024", 2
    blad["G4"] = "een notitie buiten de kolommen"
    uit = io.BytesIO()
    boek.save(uit)
    ingelezen = lees_bestand("c.xlsx", uit.getvalue())
    assert [n for n, _ in ingelezen.rijen] == [2, 4]
    assert ingelezen.rijen[0][1]["periode_van"] == "2024-01-01"
    controle = controleer(cyclus, ingelezen.rijen, vandaag=dt.date(2025, 6, 1))
    assert [str(f) for f in controle.fouten] == [
        "regel 4, kolom periode_tot: geen geldige datum '31-13-2024' (verwacht dd-mm-jjjj of jjjj-mm-dd)"
    ]


def test_xlsx_door_de_begrensde_lezer_met_een_rijgrens(monkeypatch):
    """One XLSX reader in the product (``kvo.invoer.lees_xlsx_rijen``): it stops reading past the row
    limit instead of loading the whole sheet first, and django-import-export is gone."""
    from pathlib import Path

    from django.conf import settings

    import analyse.importeren_cijfers as importeren

    monkeypatch.setattr(importeren, "MAX_RIJEN", 3)
    rijen = [["politie", "", "Diefstal", "01-01-2024", "31-12-2024", "1", "", "", ""]] * 4
    with pytest.raises(BestandFout) as fout:
        lees_bestand("c.xlsx", xlsx_bytes(rijen))
    assert "hoogstens 3 tegelijk" in str(fout.value)
    assert len(lees_bestand("c.xlsx", xlsx_bytes(rijen[:3])).rijen) == 3
    assert "import_export" not in settings.INSTALLED_APPS
    assert "import_export" not in Path(importeren.__file__).read_text()
