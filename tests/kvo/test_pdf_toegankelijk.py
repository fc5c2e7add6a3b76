"""The PDFs a person reads on their own (issue 24): the measures matrix, the inspection report and the
certificate are tagged, carry Dutch as the catalogue's language (what a screen reader reads the text
with) and a title the reader shows instead of the file name. The letters, the survey's results and
the document set go through the same ``kvo.pdf.pdf_maken`` and are checked where they are made
(``tests/analyse/test_uitnodigingen.py``, ``test_resultaten.py``, ``tests/audits/test_documentenset_archief.py``)."""

import datetime as dt

import pytest

from kvo import pdf as kvo_pdf
from tests.factories import CertificaatFactory
from tests.pdf_archief import controleer_archief_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _leesbaar(monkeypatch):
    """Uncompressed, so the catalogue's entries can be read from the bytes."""
    monkeypatch.setitem(kvo_pdf.PDF_OPTIES, "uncompressed_pdf", True)


def controleer(inhoud: bytes, titel: str):
    assert b"/Lang (nl)" in inhoud, "geen taal in de catalogus"
    assert b"/StructTreeRoot" in inhoud and b"/MarkInfo" in inhoud, "niet getagd"
    assert b"/DisplayDocTitle true" in inhoud, "de lezer toont de bestandsnaam in plaats van de titel"
    controleer_archief_pdf(inhoud, titel=titel)


def test_maatregelenmatrix(actoren, als):
    from aanpak.services.plan import plan_maak
    from tests.aanpak.factories import DoelstellingFactory, MaatregelFactory

    plan = plan_maak(actor=None, cyclus=actoren.cyclus)
    MaatregelFactory(plan=plan, doelstelling=DoelstellingFactory(plan=plan), kwartalen=[])
    response = als(actoren.lid).get("/w/de-hoek/aanpak/matrix/pdf/")
    assert response.status_code == 200
    controleer(response.content, "Maatregelenmatrix")


def test_schouwrapport(actoren, als):
    from tests.analyse.factories import SchouwFactory

    SchouwFactory(cyclus=actoren.cyclus, soort="avond", datum=dt.date(2025, 2, 14))
    response = als(actoren.lid).get("/w/de-hoek/analyse/schouwen/rapport.pdf")
    assert response.status_code == 200
    controleer(response.content, "Schouwrapport")


def test_certificaat(actoren):
    from audits.certificaat_pdf import certificaat_pdf

    inhoud, _paginas = certificaat_pdf(CertificaatFactory(audit=actoren.audit))
    controleer(inhoud, "certificaat")
