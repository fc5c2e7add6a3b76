"""Uploads and imports after the penetration test of issue 19 (findings 5, 6, 8, 13 and 14).

Zip members are inflated by their real size, never the size their headers declare; a photo with
more pixels than a phone makes is refused before it is decoded; an archive document is called
and served as what its content is; a dossier import neither confirms nor names another
organisation's work group; and an imported file gets the checks an uploaded one gets.
"""

from __future__ import annotations

import copy
import io
import json
import struct
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_scopes import scopes_disabled
from PIL import Image

from kvo.dossier import DossierFout
from kvo.dossier.services import dossier_importeer, dossier_lees
from kvo.invoer import BLOK, TabelFout, tabelsoort
from tests.dossier.conftest import MINI
from tests.factories import BedrijventerreinFactory, BegeleidingsorganisatieFactory, UserFactory
from werkgroepen.models import Werkgroep

IMPORT = reverse("beheer:import")
MB = 1024 * 1024


# --- a zip whose headers lie -----------------------------------------------------------------------


def liegende_zip(leden: dict[str, bytes], *, bom: str, echt: int, verklaard: int) -> bytes:
    """A zip with ``leden`` and a member ``bom`` of ``echt`` zero bytes that declares ``verklaard``.

    Both the local header and the central directory state the small size, and the CRC is that of
    the first ``verklaard`` bytes: a reader that trusts the header finds nothing wrong."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for naam, inhoud in leden.items():
            zf.writestr(naam, inhoud)
        info = zipfile.ZipInfo(bom)
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w") as lid:
            for _ in range(echt // MB):
                lid.write(b"\x00" * MB)
    data = bytearray(buffer.getvalue())
    crc = zlib.crc32(b"\x00" * verklaard)
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        kop = zf.getinfo(bom).header_offset
        begin = zf.start_dir
    struct.pack_into("<I", data, kop + 14, crc)
    struct.pack_into("<I", data, kop + 22, verklaard)
    plek = begin
    while data[plek : plek + 4] == b"PK\x01\x02":
        lengte, extra, opmerking = struct.unpack_from("<HHH", data, plek + 28)
        if data[plek + 46 : plek + 46 + lengte].decode() == bom:
            struct.pack_into("<I", data, plek + 16, crc)
            struct.pack_into("<I", data, plek + 24, verklaard)
        plek += 46 + lengte + extra + opmerking
    return bytes(data)


@pytest.fixture
def gelezen(monkeypatch):
    """Every ``read`` of a zip member: the size asked for and the bytes returned."""
    leesacties: list[tuple[int, int]] = []
    origineel = zipfile.ZipExtFile.read

    def lees(self, n=-1):
        uit = origineel(self, n)
        leesacties.append((-1 if n is None else n, len(uit)))
        return uit

    monkeypatch.setattr(zipfile.ZipExtFile, "read", lees)
    return leesacties


def werkmap_bom() -> bytes:
    return liegende_zip(
        {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"},
        bom="xl/styles.xml",
        echt=8 * MB,
        verklaard=17 * 1024,
    )


def test_de_liegende_zip_misleidt_wie_de_kop_gelooft():
    """The test file does what the finding describes: the headers say 17 KB, the member inflates to 8 MB."""
    bom = werkmap_bom()
    with zipfile.ZipFile(io.BytesIO(bom)) as zf:
        assert sum(i.file_size for i in zf.infolist()) < 20 * 1024
        d = zlib.decompressobj(-15)
        info = zf.getinfo("xl/styles.xml")
        rauw = bom[info.header_offset + 30 + len(info.filename) :][: info.compress_size]
        assert len(d.decompress(rauw)) == 8 * MB
    assert len(bom) < 40 * 1024


def test_xlsx_met_liegende_grootte_geweigerd_en_begrensd_gelezen(gelezen):
    """Finding 5: the real inflated bytes count; no read inflates more than one block."""
    with pytest.raises(TabelFout, match="Het Excel-bestand is beschadigd of onvolledig"):
        tabelsoort(werkmap_bom(), "register.xlsx")
    assert gelezen, "the members were inflated to check them"
    assert all(0 < n <= BLOK for n, _ in gelezen)  # never read() whole
    assert sum(lengte for _, lengte in gelezen) <= 17 * 1024 + 2 * BLOK + 100


def test_xlsx_boven_de_grens_in_echte_bytes(monkeypatch, gelezen):
    """Headers that add up to little, real bytes past the limit: refused once the limit is passed."""
    import kvo.invoer

    monkeypatch.setattr(kvo.invoer, "MAX_UITGEPAKT", MB)
    leden = {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}
    leden.update({f"xl/worksheets/sheet{i}.xml": b"\x00" * (300 * 1024) for i in range(6)})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for naam, inhoud in leden.items():
            zf.writestr(naam, inhoud)
    with pytest.raises(TabelFout, match="uitgepakt te groot"):
        tabelsoort(buffer.getvalue(), "register.xlsx")
    assert sum(lengte for _, lengte in gelezen) <= MB + BLOK


def test_ondernemersimport_opent_een_liegende_werkmap_nooit_met_openpyxl(actoren, als, monkeypatch):
    """A plain member sends the bomb to the entrepreneurs' import: a Dutch message, openpyxl never runs."""
    import openpyxl

    def niet_openen(*args, **kwargs):
        raise AssertionError("openpyxl opened a workbook that was not checked")

    monkeypatch.setattr(openpyxl, "load_workbook", niet_openen)
    terrein = BedrijventerreinFactory(werkgroep=actoren.werkgroep)
    pad = reverse("gebieden:ondernemers_importeren", kwargs={"werkgroep": "de-hoek", "terrein": terrein.pk})
    response = als(actoren.lid).post(pad, {"bestand": SimpleUploadedFile("register.xlsx", werkmap_bom())})
    assert response.status_code in (200, 422)
    assert "Het Excel-bestand is beschadigd of onvolledig" in response.content.decode()


def test_cijferimport_weigert_een_liegende_werkmap(actoren, als):
    response = als(actoren.lid).post(
        reverse("analyse:cijfers_importeren", kwargs={"werkgroep": "de-hoek"}),
        {"bestand": SimpleUploadedFile("cijfers.xlsx", werkmap_bom())},
    )
    assert "Het Excel-bestand is beschadigd of onvolledig" in response.content.decode()


def test_dossierzip_met_liegende_grootte_geweigerd_en_begrensd_gelezen(gelezen):
    bom = liegende_zip(
        {"dossier.json": json.dumps(MINI).encode()}, bom="media/documenten/x.pdf", echt=8 * MB, verklaard=1000
    )
    with pytest.raises(DossierFout) as fout:
        dossier_lees(bom, naam="dossier.zip")
    assert fout.value.problemen == [
        "dossier.zip: geen geldig zip-bestand (media/documenten/x.pdf: pakt groter uit dan het zip-bestand "
        "opgeeft (1000 bytes))"
    ]
    assert all(0 < n <= BLOK for n, _ in gelezen)
    assert sum(lengte for _, lengte in gelezen) <= len(json.dumps(MINI)) + 1000 + 2 * BLOK


def test_dossierzip_boven_de_grens_in_echte_bytes(monkeypatch, gelezen):
    import kvo.dossier.services

    monkeypatch.setattr(kvo.dossier.services, "MAX_UITGEPAKT", MB)
    bom = liegende_zip({"dossier.json": json.dumps(MINI).encode()}, bom="media/bom.bin", echt=4 * MB, verklaard=3 * MB)
    with pytest.raises(DossierFout, match="uitgepakt te groot"):
        dossier_lees(bom, naam="dossier.zip")
    assert sum(lengte for _, lengte in gelezen) <= MB + BLOK


def test_eerlijke_zip_wordt_gewoon_gelezen():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("dossier.json", json.dumps(MINI))
        zf.writestr("media/documenten/a.txt", b"notulen\n" * 50_000)
        zf.writestr("overig/genegeerd.bin", b"x")
    ingelezen = dossier_lees(buffer.getvalue(), naam="d.zip")
    assert ingelezen.dossier == MINI
    assert ingelezen.bestanden == {"media/documenten/a.txt": b"notulen\n" * 50_000}


def test_zip_met_bzip2_wordt_geweigerd():
    """bzip2 and lzma inflate without a bound per read: only stored and deflated members are read."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_BZIP2) as zf:
        zf.writestr("dossier.json", json.dumps(MINI))
    with pytest.raises(DossierFout, match="onbekende compressie"):
        dossier_lees(buffer.getvalue(), naam="d.zip")


# --- photos: a decompression bomb ---------------------------------------------------------------


def png_bom() -> bytes:
    """11000 × 10800 = 118.8 megapixels in one colour: a small file, between Pillow's warning and its error."""
    uit = io.BytesIO()
    Image.new("1", (11_000, 10_800)).save(uit, "PNG")
    return uit.getvalue()


def test_foto_met_te_veel_beeldpunten_geweigerd_voor_het_decoderen(monkeypatch):
    """Finding 6: refused from the header; no pixel is decoded."""
    from PIL import ImageFile

    from analyse.fotos import verwerk

    def niet_decoderen(self):
        raise AssertionError("a bomb was decoded")

    bom = png_bom()
    assert len(bom) < 600 * 1024
    monkeypatch.setattr(ImageFile.ImageFile, "load", niet_decoderen)
    with pytest.raises(ValidationError, match="te veel beeldpunten; hoogstens 60 megapixel"):
        verwerk(SimpleUploadedFile("IMG_0001.png", bom))


def test_foto_net_boven_de_grens_geweigerd_en_eronder_niet():
    from analyse.fotos import verwerk

    def png(breedte, hoogte):
        uit = io.BytesIO()
        Image.new("L", (breedte, hoogte)).save(uit, "PNG")
        return SimpleUploadedFile("f.png", uit.getvalue())

    with pytest.raises(ValidationError, match="te veel beeldpunten"):
        verwerk(png(7746, 7746))  # 60.0000516 MP
    assert verwerk(png(4000, 3000)).inhoud.startswith(b"\xff\xd8\xff")


def test_schouwfoto_upload_weigert_de_bom(actoren, als):
    from analyse.models import Schouw

    client = als(actoren.lid)
    lid = actoren.werkgroep.leden.first()
    client.post(
        reverse("analyse:schouw_nieuw", kwargs={"werkgroep": "de-hoek"}),
        {"soort": "dag", "datum": "2025-03-01", "groep": "voltallig", "aanwezigen": [lid.pk]},
    )
    with scopes_disabled():
        schouw = Schouw.objects.get(werkgroep=actoren.werkgroep)
    response = client.post(
        reverse("analyse:punt_nieuw", kwargs={"werkgroep": "de-hoek", "pk": schouw.pk}),
        {"positief": "1", "bevinding": "Schoon", "waarom_tevreden": "Netjes", "wat_nodig_was": "Veegactie",
         "foto": SimpleUploadedFile("IMG_0001.png", png_bom())},
    )  # fmt: skip
    assert "te veel beeldpunten" in response.content.decode()


# --- archive: the name and the content type follow the content -------------------------------------

POLYGLOTTEN = [
    ("poly.html", b"%PDF-1.7\n<html><script>alert(1)</script></html>", "poly.pdf", "application/pdf"),
    ("poly.svg", b"\xff\xd8\xff\xe0<svg xmlns='http://www.w3.org/2000/svg' onload='x()'/>", "poly.jpg", "image/jpeg"),
    ("run.exe", b"%PDF-1.4\nMZ\x90\x00\x03\x00\x00\x00", "run.pdf", "application/pdf"),
]  # fmt: skip


@pytest.mark.parametrize(("naam", "inhoud", "opgeslagen", "soort"), POLYGLOTTEN)
def test_archief_naam_en_inhoudssoort_volgen_de_inhoud(actoren, als, naam, inhoud, opgeslagen, soort):
    """Finding 8: a PDF called poly.html is stored and served as poly.pdf, application/pdf."""
    from werkgroepen.models import Document

    client = als(actoren.lid)
    response = client.post(
        reverse("werkgroepen:document_nieuw", kwargs={"werkgroep": "de-hoek"}),
        {"titel": "Stuk", "bestand": SimpleUploadedFile(naam, inhoud, content_type="text/html")},
    )
    assert response.status_code == 302
    with scopes_disabled():
        document = Document.objects.get(titel="Stuk")
        versie = document.versies.get()
    assert versie.bestandsnaam == opgeslagen
    assert versie.bestand.name.endswith(opgeslagen[-4:])
    download = client.get(
        reverse("werkgroepen:document_download", kwargs={"werkgroep": "de-hoek", "pk": document.pk, "versie": 1})
    )
    assert download["Content-Type"] == soort
    assert f'filename="{opgeslagen}"' in download["Content-Disposition"]
    assert b"".join(download.streaming_content) == inhoud


def test_archief_oude_versie_met_verkeerde_naam_wordt_als_inhoud_geserveerd(actoren, als):
    """A version stored before the fix, under poly.html, is still handed out as a PDF."""
    from werkgroepen.models import Document, DocumentVersie

    with scopes_disabled():
        document = Document.objects.create(werkgroep=actoren.werkgroep, titel="Oud")
        versie = DocumentVersie(document=document, versie=1, geupload_op="2025-01-01", bestandsnaam="poly.html")
        versie.bestand.save("poly.html", ContentFile(POLYGLOTTEN[0][1]), save=False)
        versie.save()
    download = als(actoren.lid).get(
        reverse("werkgroepen:document_download", kwargs={"werkgroep": "de-hoek", "pk": document.pk, "versie": 1})
    )
    assert download["Content-Type"] == "application/pdf"
    assert 'filename="poly.pdf"' in download["Content-Disposition"]


def test_auditor_downloadt_een_oude_polyglot_als_pdf(actoren, als):
    """The auditor portal hands out an archive version the same way."""
    import datetime as dt

    from tests.audits.test_portaal import geleverde_set
    from werkgroepen.models import Document, DocumentVersie

    with scopes_disabled():
        geleverde_set(actoren.audit)
        document = Document.objects.create(werkgroep=actoren.werkgroep, titel="Poly", ref="poly")
        versie = DocumentVersie(document=document, versie=1, geupload_op=dt.date(2026, 3, 1), bestandsnaam="poly.html")
        versie.bestand.save("poly.html", ContentFile(POLYGLOTTEN[0][1]), save=False)
        versie.save()
    download = als(actoren.auditor).get(
        reverse("portaal:document", kwargs={"audit_id": actoren.audit.pk, "versie_id": versie.pk})
    )
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert 'filename="poly.pdf"' in download["Content-Disposition"]


def test_archief_tekst_en_office_houden_hun_naam():
    from werkgroepen.bestanden import naam_naar_soort

    assert naam_naar_soort("notulen.txt", "tekst") == "notulen.txt"
    assert naam_naar_soort("foto.JPEG", "jpeg") == "foto.JPEG"
    assert naam_naar_soort("geen-extensie", "pdf") == "geen-extensie.pdf"
    assert naam_naar_soort("..\\..\\x.html", "pdf") == "x.pdf"


# --- import: another organisation's slug -----------------------------------------------------------


def _import(client, dossier: dict, **extra):
    bestand = SimpleUploadedFile("dossier.json", json.dumps(dossier).encode(), content_type="application/json")
    return client.post(IMPORT, {"bestand": bestand, **extra})


def _problemen(response) -> str:
    html = response.content.decode()
    begin = html.index('<div class="foutenlijst"')
    return html[begin : html.index("</div>", begin)]


def test_slug_van_een_andere_organisatie_niet_bevestigd_en_niet_genoemd(actoren, als):
    """Finding 13: the same answer with and without "vervangen", never the other group's name."""
    ander = UserFactory(email="andere-begeleider@example.org")
    BegeleidingsorganisatieFactory(naam="Andere Advies").gebruikers.add(ander)
    dossier = copy.deepcopy(MINI)
    dossier["werkgroep"].update(slug="de-hoek", naam="Mijn Eigen Werkgroep")
    client = als(ander)
    zonder = _problemen(_import(client, dossier))
    met = _problemen(_import(client, dossier, vervangen="on"))
    bericht = "werkgroep.slug: de korte naam &quot;de-hoek&quot; is niet beschikbaar; kies een andere korte naam"
    assert bericht in zonder
    assert zonder == met
    for verraad in ("KVO De Hoek", "bestaat", "begeleidt", "auditor"):
        assert verraad not in zonder
    with scopes_disabled():
        assert Werkgroep.objects.get(slug="de-hoek").naam == "KVO De Hoek"


def test_eigen_begeleider_hoort_wel_dat_de_werkgroep_bestaat(actoren, als):
    dossier = copy.deepcopy(MINI)
    dossier["werkgroep"]["slug"] = "de-hoek"
    assert "er bestaat al een werkgroep &quot;de-hoek&quot; (KVO De Hoek)" in _problemen(
        _import(als(actoren.begeleider), dossier)
    )


# --- import: the same checks as an upload -------------------------------------------------------------


def _jpeg_met_exif() -> bytes:
    beeld = Image.new("RGB", (800, 600), (90, 120, 160))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (52.0, 58.0, 30.0), 3: "E", 4: (6.0, 0.0, 36.0)}
    uit = io.BytesIO()
    beeld.save(uit, "JPEG", exif=exif)
    return uit.getvalue()


def _met_schouw(foto: str) -> dict:
    dossier = copy.deepcopy(MINI)
    dossier["cycli"][0]["schouwen"] = [
        {"ref": "s1", "soort": "dag", "datum": "2025-03-01", "aanwezigen": ["l1"],
         "punten": [{"ref": "p1", "nummer": 1, "positief": True, "foto": foto}]}
    ]  # fmt: skip
    return dossier


def _met_document(bestand: str) -> dict:
    dossier = copy.deepcopy(MINI)
    dossier["documenten"] = [
        {"ref": "d1", "titel": "Notulen", "versies": [{"versie": 1, "bestand": bestand, "geupload_op": "2025-02-01"}]}
    ]
    return dossier


def test_geimporteerde_foto_zonder_metadata_opgeslagen(db):
    """Finding 14: a photo in a dossier is re-encoded as the walk's upload is; its EXIF is gone."""
    from analyse.models import Schouwpunt

    ruw = _jpeg_met_exif()
    assert b"PhoneMaker" in ruw
    werkgroep = dossier_importeer(
        actor=None, dossier=_met_schouw("schouw/s1/01.jpg"), bestanden={"media/schouw/s1/01.jpg": ruw}
    )
    with scopes_disabled():
        opgeslagen = Schouwpunt.objects.get(schouw__werkgroep=werkgroep).foto.read()
    beeld = Image.open(io.BytesIO(opgeslagen))
    assert beeld.format == "JPEG" and not beeld.getexif() and b"PhoneMaker" not in opgeslagen


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [(b"<html><script>alert(1)</script>", "geen foto die we kunnen lezen"), (None, "te veel beeldpunten")],
)
def test_geimporteerde_foto_die_geen_foto_is_geweigerd(db, inhoud, melding):
    inhoud = inhoud or png_bom()
    with pytest.raises(DossierFout) as fout:
        dossier_importeer(
            actor=None, dossier=_met_schouw("schouw/s1/01.jpg"), bestanden={"media/schouw/s1/01.jpg": inhoud}
        )
    (probleem,) = fout.value.problemen
    assert probleem.startswith("cycli[0].schouwen[0].punten[0].foto: ") and melding in probleem
    with scopes_disabled():
        assert not Werkgroep.objects.filter(slug=MINI["werkgroep"]["slug"]).exists()


def test_geimporteerd_document_krijgt_de_inhoudscontrole(db):
    with pytest.raises(DossierFout) as fout:
        dossier_importeer(
            actor=None,
            dossier=_met_document("documenten/d1/v1/notulen.pdf"),
            bestanden={"media/documenten/d1/v1/notulen.pdf": b"MZ\x90\x00 an executable"},
        )
    assert fout.value.problemen == [
        "documenten[0].versies[0].bestand: Dit bestand is geen toegestaan document (de inhoud telt, niet de naam). "
        "Toegestaan: PDF, Word, Excel, PowerPoint, OpenDocument, JPEG, PNG of platte tekst (.txt, .csv)."
    ]
    with scopes_disabled():
        assert not Werkgroep.objects.filter(slug=MINI["werkgroep"]["slug"]).exists()


def test_geimporteerd_document_krijgt_de_naam_van_zijn_inhoud(db):
    from werkgroepen.models import DocumentVersie

    werkgroep = dossier_importeer(
        actor=None,
        dossier=_met_document("documenten/d1/v1/poly.html"),
        bestanden={"media/documenten/d1/v1/poly.html": POLYGLOTTEN[0][1]},
    )
    with scopes_disabled():
        versie = DocumentVersie.objects.get(document__werkgroep=werkgroep)
    assert versie.bestandsnaam == "poly.pdf" and versie.bestand.name.endswith(".pdf")


@pytest.mark.parametrize(
    ("getal", "tekst"), [("1e999", "1e999"), ("-1e999", "-1e999"), ("NaN", "NaN"), ("Infinity", "Infinity")]
)
def test_geen_eindig_getal_met_json_pad_geweigerd(getal, tekst):
    """Finding 14: 1e999 became infinity and a 500; NaN was refused without saying where."""
    dossier = json.dumps(MINI).replace("[5.12, 52.0]", f"[5.12, {getal}]", 1)
    assert getal in dossier
    with pytest.raises(DossierFout) as fout:
        dossier_lees(dossier.encode())
    assert fout.value.problemen == [
        f"terreinen[0].grens.coordinates[0][1][1]: {tekst} is geen eindig getal; vul een gewoon getal in"
    ]


def test_alle_oneindige_getallen_genoemd_en_de_pagina_geeft_geen_500(actoren, als):
    dossier = json.dumps(MINI).replace('"gestart_op"', '"x-a": 1e999, "x-b": [NaN], "gestart_op"', 1)
    response = als(actoren.staff).post(
        IMPORT, {"bestand": SimpleUploadedFile("dossier.json", dossier.encode(), content_type="application/json")}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "werkgroep.x-a: 1e999 is geen eindig getal" in html
    assert "werkgroep.x-b[0]: NaN is geen eindig getal" in html
    with scopes_disabled():
        assert not Werkgroep.objects.filter(slug=MINI["werkgroep"]["slug"]).exists()
