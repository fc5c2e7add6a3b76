"""Every PDF is PDF/A-3u, tagged, titled and Dutch (kvo.pdf); print layout that never strands a
table's first row or a heading at a page's foot (static/css/pdf.css); chart labels never cut off
(kvo.grafieken). Issue 22 "Format and integrity" and issue 24."""

from __future__ import annotations

import re
import subprocess

import pytest

from kvo import pdf as kvo_pdf
from kvo.grafieken import Reeks, Staaf, kolommen, staafdiagram
from kvo.pdf import pdf_maken
from tests.pdf_archief import NS, controleer_archief_pdf

HTML = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Proef &amp; titel</title>
<meta name="author" content="KVO De Hoek"><meta name="kvo.werkgroep" content="KVO De Hoek">
<meta name="kvo.peildatum" content="2026-12-07"><meta name="kvo.onbekend" content="niet in de XMP">
</head><body><h1>Kop</h1><p>Tekst.</p></body></html>"""


def test_pdf_is_pdfa_3u_getagd_met_titel_taal_en_onze_gegevens():
    inhoud, paginas = pdf_maken(HTML)
    assert paginas == 1
    k = controleer_archief_pdf(inhoud, titel="Proef & titel")
    assert k.info["Author"] == "KVO De Hoek"
    assert k.waarde("kvo:werkgroep") == "KVO De Hoek"
    assert k.waarde("kvo:peildatum") == "2026-12-07"
    assert k.waarde("kvo:onbekend") is None  # only the names kvo.pdf declares
    # PDF/A: every schema outside the standard ones is described in the XMP itself
    beschreven = {e.text for e in k.xmp.iter(f"{{{NS['pdfaSchema']}}}namespaceURI")}
    assert beschreven == {NS["pdfuaid"], NS["kvo"]}
    assert k.info["PDF version"] == "1.7"


def test_zonder_titel_en_taal_toch_nederlands_met_titel(caplog):
    inhoud, _ = pdf_maken("<!doctype html><html><body><p>Kaal.</p></body></html>")
    k = controleer_archief_pdf(inhoud, titel=kvo_pdf.TITEL_ZONDER)
    assert k.waarde("kvo:werkgroep") is None
    assert "zonder <title>" in caplog.text


def test_taal_staat_in_de_catalogus(monkeypatch):
    monkeypatch.setitem(kvo_pdf.PDF_OPTIES, "uncompressed_pdf", True)
    inhoud, _ = pdf_maken("<!doctype html><html><head><title>T</title></head><body><p>x</p></body></html>")
    assert b"/Lang (nl)" in inhoud  # what a screen reader reads the text with
    assert b"/StructTreeRoot" in inhoud and b"/DisplayDocTitle true" in inhoud


# --- print layout: tables and headings at a page's foot ------------------------------------------


def _pagina_teksten(inhoud: bytes) -> list[str]:
    uit = subprocess.run(["pdftotext", "-layout", "-", "-"], input=inhoud, capture_output=True, check=True)
    return [p for p in uit.stdout.decode().split("\f") if p.strip()]


def _met_vulling(mm: int) -> str:
    rijen = "".join(f"<tr><td>Rij {i}</td><td>waarde</td></tr>" for i in range(1, 9))
    return (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Breuk</title>'
        '<link rel="stylesheet" href="/static/css/pdf.css"></head><body>'
        f'<div style="height: {mm}mm"></div>'
        "<h2>Tabelkop</h2><table><thead><tr><th>Naam</th><th>Waarde</th></tr></thead>"
        f"<tbody>{rijen}</tbody></table></body></html>"
    )


@pytest.mark.parametrize("vulling_mm", range(200, 246, 3))
def test_tabel_breekt_niet_na_de_eerste_rij_en_kop_blijft_bij_de_tabel(vulling_mm):
    """Filler pushes the table towards the page's foot in steps: whatever the position, page 1 never
    ends with the table's first row alone, page 2 never starts with its last row alone, and the
    heading is never the last thing on page 1."""
    inhoud, _ = pdf_maken(_met_vulling(vulling_mm))
    paginas = _pagina_teksten(inhoud)
    eerste = [r.strip() for r in paginas[0].splitlines() if r.strip() and not r.strip().startswith(("KVO", "pagina"))]
    rijen_op_1 = [r for r in eerste if r.startswith("Rij ")]
    assert len(rijen_op_1) != 1, eerste
    assert len(rijen_op_1) != 7, eerste  # the last row would stand alone on page 2
    if not rijen_op_1:
        assert not any("Tabelkop" in r for r in eerste), "kop alleen onderaan de pagina"
    if len(paginas) > 1 and rijen_op_1:
        assert "Naam" in paginas[1]  # the header repeats on the next page


# --- chart labels: wrapped, never cut off --------------------------------------------------------

LANG = "Voorbereid zijn op calamiteiten en bedrijfscontinuïteit na een brand of inbraak"


def _woorden(svg: str) -> str:
    return " ".join(re.sub(r"<title>.*?</title>|<desc>.*?</desc>|<[^>]+>", " ", svg).split())


def test_staafdiagram_breekt_lange_labels_af_in_regels():
    svg = str(staafdiagram([Staaf(LANG, 21), Staaf("Kort", 9)], titel="Prioriteiten"))
    assert "…" not in svg
    assert LANG in _woorden(svg)  # every word, in order
    assert svg.count("<tspan") >= 3
    hoogte = int(re.search(r'viewBox="0 0 \d+ (\d+)"', svg).group(1))
    laatste_y = max(float(y) for y in re.findall(r' y="([\d.]+)"', svg))
    assert laatste_y < hoogte  # nothing below the visible box
    kort = str(staafdiagram([Staaf("Kort", 9)], titel="x"))
    assert "<tspan" not in kort and 'viewBox="0 0 560 32"' in kort  # short labels: as before


def test_kolommen_houden_as_labels_en_legenda_heel():
    reeksen = [Reeks("Politie en gemeente samen geteld", [3, 4]), Reeks("Brandweer", [1, 2])]
    svg = str(kolommen(["Eerste kwartaal van 2025", "2026"], reeksen, titel="Trend"))
    assert "…" not in svg
    woorden = _woorden(svg)
    assert "Eerste kwartaal van 2025" in woorden and "Politie en gemeente samen geteld" in woorden
    hoogte = int(re.search(r'viewBox="0 0 \d+ (\d+)"', svg).group(1))
    assert hoogte > 240  # grown for the extra lines
    assert max(float(y) for y in re.findall(r' y="([\d.]+)"', svg)) < hoogte
