"""Every file the app hands out — archive documents, the dossier export, CSV/XLSX exports, the
document set, reports, letters, the certificate, photos, the auditor portal's downloads — carries
``Cache-Control: private, no-store`` (kvo.downloads.NietBewaren), so no browser or proxy keeps a copy."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from analyse.models import EnqueteUitnodiging
from audits.models import Documentenset
from kvo.downloads import NietBewaren
from tests.aanpak.factories import PlanFactory
from tests.analyse.factories import EnqueteFactory, EnqueteUitnodigingFactory, SchouwFactory, SchouwpuntFactory
from tests.factories import BedrijventerreinFactory, CertificaatFactory
from werkgroepen.services.documenten import document_upload

NEP_PDF = b"%PDF-1.4 nep"


def _privé_en_niet_bewaren(response) -> None:
    richtlijnen = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= richtlijnen, response["Cache-Control"]
    assert not {"public", "max-age=3600"} & richtlijnen


@pytest.fixture
def snel(monkeypatch):
    """WeasyPrint is not what is tested here: every view's PDF is a few fixed bytes."""
    import aanpak.views.matrix
    import analyse.views.resultaten
    import analyse.views.schouw
    import analyse.views.uitnodigingen
    import audits.certificaat_pdf
    import audits.documentenset.services

    for module in (aanpak.views.matrix, analyse.views.resultaten, analyse.views.schouw,
                   analyse.views.uitnodigingen):  # fmt: skip
        monkeypatch.setattr(module, "template_naar_pdf", lambda *a, **k: NEP_PDF)
    monkeypatch.setattr(audits.documentenset.services, "pdf_maken", lambda html, **k: (NEP_PDF, 1))
    monkeypatch.setattr(audits.certificaat_pdf, "pdf_maken", lambda html, **k: (NEP_PDF, 1))


@pytest.fixture
def wereld(actoren):
    wg, cyclus = actoren.werkgroep, actoren.cyclus
    vandaag = timezone.localdate()
    terrein = BedrijventerreinFactory(werkgroep=wg)
    document = document_upload(
        actor=actoren.voorzitter, werkgroep=wg, titel="Convenant",
        bestand=SimpleUploadedFile("c.pdf", b"%PDF-1.4 convenant", content_type="application/pdf"),
    )  # fmt: skip
    enquete = EnqueteFactory(cyclus=cyclus, geopend_op=vandaag, gesloten_op=vandaag + dt.timedelta(days=30))
    EnqueteUitnodigingFactory(enquete=enquete, ondernemer__terrein=terrein, kanaal=EnqueteUitnodiging.Kanaal.BRIEF)
    PlanFactory(cyclus=cyclus)
    punt = SchouwpuntFactory(schouw=SchouwFactory(cyclus=cyclus))
    punt.foto.save("foto.jpg", ContentFile(b"\xff\xd8\xff\xe0 nep"), save=True)
    CertificaatFactory(audit=actoren.audit)
    documentenset = Documentenset(
        audit=actoren.audit, status=Documentenset.Status.KLAAR, sha256=hashlib.sha256(NEP_PDF).hexdigest(),
        aangeleverd_op=vandaag, aangeleverd_om=timezone.now(), peildatum=vandaag,
    )  # fmt: skip
    documentenset.bestand.save("set.pdf", ContentFile(NEP_PDF), save=True)
    versie = document.versies.get()
    documentenset.documentversies.set([versie])
    return {"document": document, "terrein": terrein, "punt": punt, "set": documentenset, "versie": versie}


def _w(naam: str, actoren, **kwargs) -> str:
    return reverse(naam, kwargs={"werkgroep": actoren.werkgroep.slug, **kwargs})


def test_elke_soort_download_wordt_niet_bewaard(actoren, als, wereld, snel):
    lid = {
        "archiefdocument": _w("werkgroepen:document_download", actoren, pk=wereld["document"].pk, versie=1),
        "documentenset": _w("audits:documentenset_pdf", actoren, pk=wereld["set"].pk),
        "deel van de set": _w("audits:documentenset_deel", actoren, sleutel="partijen"),
        "maatregelenmatrix": _w("aanpak:matrix_pdf", actoren),
        "schouwrapport": _w("analyse:schouwrapport_pdf", actoren),
        "schouwfoto": _w("analyse:punt_foto", actoren, pk=wereld["punt"].pk),
        "enquêteresultaten": _w("analyse:resultaten_pdf", actoren),
        "resultaten csv": _w("analyse:resultaten_export", actoren, formaat="csv"),
        "resultaten xlsx": _w("analyse:resultaten_export", actoren, formaat="xlsx"),
        "cijfers csv": _w("analyse:cijfers_voorbeeld", actoren),
        "cijfers xlsx": _w("analyse:cijfers_voorbeeld_xlsx", actoren),
        "ondernemers csv": _w("gebieden:ondernemers_voorbeeld", actoren, terrein=wereld["terrein"].pk),
        "certificaat": _w("audits:certificaat_pdf", actoren),
    }
    client = als(actoren.voorzitter)
    for soort, url in lid.items():
        response = client.get(url)
        assert response.status_code == 200, (soort, url, response.status_code)
        _privé_en_niet_bewaren(response)

    export = client.get(_w("audits:export", actoren) + "?variant=volledig")  # the dossier export
    assert export.status_code == 200 and "attachment" in export["Content-Disposition"]
    _privé_en_niet_bewaren(export)

    brieven = client.post(_w("analyse:brieven", actoren, terrein=wereld["terrein"].pk))  # letters with links
    assert brieven.status_code == 200 and brieven["Content-Type"] == "application/pdf", brieven.status_code
    _privé_en_niet_bewaren(brieven)

    auditor = als(actoren.auditor)
    audit = actoren.audit.pk
    for url in (
        reverse("portaal:documentenset", kwargs={"audit_id": audit, "set_id": wereld["set"].pk}),
        reverse("portaal:document", kwargs={"audit_id": audit, "versie_id": wereld["versie"].pk}),
    ):
        response = auditor.get(url)
        assert response.status_code == 200, url
        _privé_en_niet_bewaren(response)


def test_paginas_houden_hun_eigen_kop(actoren, als):
    """Only downloads: an HTML page keeps what its view says (the rule reads no page)."""
    pagina = als(actoren.voorzitter).get(_w("werkgroepen:documenten", actoren))
    assert pagina.status_code == 200 and pagina["Content-Type"].startswith("text/html")
    assert pagina.get("Cache-Control", "") != "private, no-store"


@pytest.mark.parametrize(
    ("soort", "kop", "verwacht"),
    [
        ("application/pdf", None, True),
        ("text/csv; charset=utf-8", None, True),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", None, True),
        ("application/json", 'attachment; filename="x.json"', True),
        ("image/jpeg", None, True),
        ("text/html; charset=utf-8", None, False),
        ("application/json", None, False),
    ],
)
def test_regel(soort, kop, verwacht):
    def view(request):
        response = HttpResponse(b"x", content_type=soort)
        response["Cache-Control"] = "public, max-age=3600"
        if kop:
            response["Content-Disposition"] = kop
        return response

    response = NietBewaren(view)(RequestFactory().get("/"))
    assert (response["Cache-Control"] == "private, no-store") is verwacht
