"""The document archive: versions, superseded versions, retention, downloads through the tenant."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tests.werkgroepen.factories import AfsprakenFactory
from werkgroepen.models import Document
from werkgroepen.services import document_upload

D = dt.date


def url(naam, slug="de-hoek", **kwargs):
    return reverse(f"werkgroepen:{naam}", kwargs={"werkgroep": slug, **kwargs})


def bestand(naam="afspraken.txt", inhoud=b"versie 1"):
    return SimpleUploadedFile(naam, inhoud, content_type="text/plain")


def test_nieuwe_versie_vervangt_de_oude(actoren, als):
    client = als(actoren.lid)
    r = client.post(url("document_nieuw"), {"titel": "Samenwerkingsafspraken", "bestand": bestand()})
    assert r.status_code == 302
    doc = Document.objects.get(titel="Samenwerkingsafspraken")
    r = client.post(url("document_versie_nieuw", pk=doc.pk), {"bestand": bestand("v2.txt", b"versie 2")})
    assert r.status_code == 302
    assert list(doc.versies.values_list("versie", flat=True)) == [2, 1]

    pagina = client.get(url("documenten")).text
    assert 'class="vervallen"' in pagina
    assert pagina.count('class="vervallen"') == 1

    # v1 stays downloadable for a member of the work group, even an agenda member.
    v1 = als(actoren.agendalid).get(url("document_download", pk=doc.pk, versie=1))
    assert v1.status_code == 200
    assert b"".join(v1.streaming_content) == b"versie 1"
    assert "attachment" in v1["Content-Disposition"]


def test_vreemde_kan_niet_downloaden(actoren, als):
    doc = document_upload(actor=None, werkgroep=actoren.werkgroep, titel="Notulen", bestand=bestand())
    client = als(actoren.vreemde)
    # Their own work group's slug with our document id: still a 404.
    assert client.get(url("document_download", slug="andere-kant", pk=doc.pk, versie=1)).status_code == 404
    assert client.get(url("document_download", pk=doc.pk, versie=1)).status_code == 404


def test_auditor_downloadt_niet_via_de_werkgroep(actoren, als):
    doc = document_upload(actor=None, werkgroep=actoren.werkgroep, titel="Notulen", bestand=bestand())
    assert als(actoren.auditor).get(url("document_download", pk=doc.pk, versie=1)).status_code == 403


def test_bewaren_tot_standaard_zes_jaar(actoren):
    doc = document_upload(
        actor=None, werkgroep=actoren.werkgroep, titel="A", bestand=bestand(), geupload_op=D(2025, 3, 1)
    )
    assert doc.bewaren_tot == D(2031, 3, 1)


def test_bewaren_tot_volgt_langere_termijn_van_de_werkgroep(actoren):
    AfsprakenFactory(werkgroep=actoren.werkgroep, bewaartermijn_jaren=10)
    doc = document_upload(
        actor=None, werkgroep=actoren.werkgroep, titel="A", bestand=bestand(), geupload_op=D(2025, 3, 1)
    )
    assert doc.bewaren_tot == D(2035, 3, 1)


def test_bewaren_korter_dan_zes_jaar_geweigerd(actoren, als):
    vijf_jaar = timezone.localdate().replace(year=timezone.localdate().year + 5)
    r = als(actoren.lid).post(url("document_nieuw"), {"titel": "A", "bestand": bestand(), "bewaren_tot": vijf_jaar})
    assert r.status_code == 200
    assert "minimaal 6 jaar" in r.text
    assert not Document.objects.exists()


def test_verlopen_documenten_ter_beoordeling(actoren, als):
    doc = document_upload(
        actor=None, werkgroep=actoren.werkgroep, titel="Oude notulen", bestand=bestand(), geupload_op=D(2015, 1, 1)
    )
    assert doc.bewaren_tot < timezone.localdate()
    pagina = als(actoren.lid).get(url("documenten")).text
    assert 'data-testid="verlopen"' in pagina and "Oude notulen" in pagina
    assert Document.objects.filter(pk=doc.pk).exists()


def _docx() -> bytes:
    import io
    import zipfile

    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return uit.getvalue()


import pytest  # noqa: E402


@pytest.mark.parametrize(
    ("naam", "inhoud", "goed"),
    [
        ("notulen.pdf", b"%PDF-1.7\n...", True),
        ("afspraken.docx", _docx(), True),
        ("foto.jpg", b"\xff\xd8\xff\xe0" + b"0" * 20, True),
        ("lijst.csv", b"naam;adres\nBakkerij Jansen;Dorpsstraat 1\n", True),
        ("notulen.pdf", b"MZ\x90\x00 an executable", False),  # the name lies about the content
        ("afspraken.docx", b"PK\x03\x04 not really a zip", False),
        ("script.html", b"<script>alert(1)</script>", False),
        ("leeg.txt", b"", False),
    ],
)
def test_alleen_documenten_op_inhoud(actoren, als, naam, inhoud, goed):
    r = als(actoren.lid).post(url("document_nieuw"), {"titel": "Stuk", "bestand": SimpleUploadedFile(naam, inhoud)})
    if goed:
        assert r.status_code == 302 and Document.objects.filter(titel="Stuk").exists()
    else:
        assert r.status_code in (200, 422) and not Document.objects.filter(titel="Stuk").exists()
        assert "Toegestaan" in r.text or "leeg" in r.text


def test_te_groot_document_krijgt_een_duidelijke_melding(actoren, als, monkeypatch):
    from werkgroepen import bestanden

    monkeypatch.setattr(bestanden, "MAX_BYTES", 1000)
    r = als(actoren.lid).post(url("document_nieuw"), {"titel": "Groot", "bestand": bestand("groot.txt", b"x" * 2000)})
    assert "te groot" in r.text and not Document.objects.filter(titel="Groot").exists()


def test_media_nooit_via_hun_pad(actoren, als):
    """Files are served only through views that check the work group, not by their storage path."""
    client = als(actoren.lid)
    client.post(url("document_nieuw"), {"titel": "Intern", "bestand": bestand("intern.txt", b"geheim")})
    versie = Document.objects.get(titel="Intern").versies.get()
    assert client.get(f"/media/{versie.bestand.name}").status_code == 404
    assert als(actoren.vreemde).get(f"/media/{versie.bestand.name}").status_code == 404


def test_opgeslagen_onder_een_onraadbare_naam_en_gedownload_onder_de_eigen_naam(actoren, als):
    client = als(actoren.lid)
    client.post(url("document_nieuw"), {"titel": "Notulen", "bestand": bestand("Notulen 12-05-2025.txt", b"tekst")})
    versie = Document.objects.get(titel="Notulen").versies.get()
    opgeslagen = versie.bestand.name.rsplit("/", 1)[-1]
    assert "Notulen" not in versie.bestand.name and len(opgeslagen) == 32 + len(".txt")
    assert versie.bestandsnaam == "Notulen 12-05-2025.txt"
    download = client.get(url("document_download", pk=versie.document_id, versie=1))
    assert "Notulen 12-05-2025.txt" in download["Content-Disposition"]
