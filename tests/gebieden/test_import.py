"""Import of the entrepreneurs' register: preview, per-row errors, all or nothing, the 600 limit."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gebieden.importeren import controleer, lees_bestand
from gebieden.models import Ondernemer
from tests.factories import BedrijventerreinFactory, OndernemerFactory
from tests.gebieden.conftest import csv_bytes, geldige_rijen, xlsx_bytes


def urls(terrein):
    kw = {"werkgroep": terrein.werkgroep.slug, "terrein": terrein.pk}
    return reverse("gebieden:ondernemers_importeren", kwargs=kw), reverse(
        "gebieden:ondernemers_import_bevestigen", kwargs=kw
    )


def upload(client, terrein, inhoud: bytes, naam="register.csv"):
    return client.post(urls(terrein)[0], {"bestand": SimpleUploadedFile(naam, inhoud)})


def test_600_rijen_in_een_keer(als, actoren, terrein):
    client = als(actoren.lid)
    response = upload(client, terrein, csv_bytes(geldige_rijen(600)))
    assert response.status_code == 200
    assert "600 ondernemers</strong> zijn in orde" in response.text
    assert Ondernemer.objects.count() == 0  # the preview writes nothing
    begin = time.perf_counter()
    response = client.post(urls(terrein)[1])
    duur = time.perf_counter() - begin
    assert response.status_code == 302
    assert terrein.ondernemers.count() == 600
    assert duur < 5
    eerste = terrein.ondernemers.get(naam="Bedrijf 0 B.V.")
    assert eerste.postcode == "1000 AB" and eerste.email == "info0@bedrijf.nl" and eerste.ref


def test_een_foute_rij_niets_geimporteerd(als, actoren, terrein):
    rijen = geldige_rijen(10)
    rijen[3][2] = "0123 AB"  # spreadsheet row 5
    rijen[6][0] = ""  # row 8
    rijen[8][4] = "geen-email"  # row 10
    response = upload(als(actoren.lid), terrein, csv_bytes(rijen))
    assert "Niets geïmporteerd" in response.text
    assert "3 rijen met een fout, 7 in orde" in response.text
    fouten = response.context["controle"].fouten
    assert [(f.rij, f.reden.split(" ")[0]) for f in fouten] == [(5, "postcode"), (8, "naam"), (10, "e-mailadres")]
    assert "geen Nederlandse postcode" in fouten[0].reden
    assert fouten[1].reden == "naam ontbreekt"
    assert "bevestigen" not in response.text
    assert Ondernemer.objects.count() == 0
    # confirming without a clean preview imports nothing either
    als(actoren.lid).post(urls(terrein)[1])
    assert Ondernemer.objects.count() == 0


def test_xlsx(als, actoren, terrein):
    client = als(actoren.lid)
    inhoud = xlsx_bytes([["Alfa BV", "Weg", "1234ab", 12, "a@alfa.nl"], ["Beta BV", None, None, None, None]])
    response = upload(client, terrein, inhoud, "register.xlsx")
    assert "2 ondernemers</strong> zijn in orde" in response.text
    client.post(urls(terrein)[1])
    alfa = terrein.ondernemers.get(naam="Alfa BV")
    assert (alfa.postcode, alfa.huisnummer) == ("1234 AB", "12")


def test_dubbel_in_bestand_en_in_register(wg, terrein):
    noord = BedrijventerreinFactory(werkgroep=wg, naam="Noord")
    OndernemerFactory(terrein=noord, naam="Smit Transport")
    rijen = lees_bestand(
        "r.csv", csv_bytes([["Alfa", "", "", "", ""], ["ALFA ", "", "", "", ""], ["smit  transport", "", "", "", ""]])
    )
    controle = controleer(wg, rijen)
    assert [(f.rij, f.reden) for f in controle.fouten] == [
        (3, "dubbel: 'ALFA' staat ook in rij 2"),
        (4, "dubbel: 'smit transport' staat al in het register (terrein Noord)"),
    ]


def test_grens_van_600_over_het_gebied(als, actoren, wg, terrein):
    noord = BedrijventerreinFactory(werkgroep=wg, naam="Noord")
    Ondernemer.objects.bulk_create(Ondernemer(terrein=noord, naam=f"N{i}", ref=f"n{i}") for i in range(590))
    response = upload(als(actoren.lid), terrein, csv_bytes(geldige_rijen(12)))
    assert "telt het gebied 602 ondernemers (590 al geregistreerd + 12 in het bestand): 2 meer dan" in response.text
    assert terrein.ondernemers.count() == 0


def test_register_veranderd_tussen_voorbeeld_en_bevestigen(als, actoren, terrein):
    client = als(actoren.lid)
    upload(client, terrein, csv_bytes(geldige_rijen(3)))
    OndernemerFactory(terrein=terrein, naam="Bedrijf 1 B.V.")
    response = client.post(urls(terrein)[1])
    assert response.status_code == 200
    assert "Niets geïmporteerd" in response.text and "staat al in het register" in response.text
    assert terrein.ondernemers.count() == 1


@pytest.mark.parametrize(
    ("naam", "inhoud", "tekst"),
    [
        ("r.pdf", b"%PDF", "CSV- of Excel-bestand"),
        ("r.csv", b"adres;postcode\nx;1234AB\n", "kolom &#x27;naam&#x27;"),
        ("r.xlsx", b"geen zip", "Excel-bestand kan niet worden gelezen"),
    ],
)
def test_onleesbaar_bestand(als, actoren, terrein, naam, inhoud, tekst):
    response = upload(als(actoren.lid), terrein, inhoud, naam)
    assert tekst in response.text


def test_komma_en_ja_nee(wg):
    rijen = lees_bestand("r.csv", b"Naam,Lid OV\nAlfa,ja\nBeta,nee\nGamma,misschien\n")
    controle = controleer(wg, rijen)
    assert [r["lid_ondernemersvereniging"] for r in controle.rijen] == [True, False]
    assert controle.fouten[0].rij == 4 and "ja of nee" in controle.fouten[0].reden


def test_import_van_ander_terrein_in_sessie_niet_te_gebruiken(als, actoren, wg, terrein):
    client = als(actoren.lid)
    upload(client, terrein, csv_bytes(geldige_rijen(2)))
    noord = BedrijventerreinFactory(werkgroep=wg, naam="Noord")
    client.post(urls(noord)[1])
    assert Ondernemer.objects.count() == 0
