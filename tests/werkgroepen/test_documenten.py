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
