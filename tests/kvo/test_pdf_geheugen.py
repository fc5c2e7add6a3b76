"""What a PDF render keeps in memory (issue 22, the document set's 200 MB target; bench/RESULTS.md).

WeasyPrint's user-agent stylesheet matches ``::marker`` and five footnote and note pseudo-elements on
every element, and WeasyPrint computes a style for each match: six unused styles per element.
``kvo.pdf`` renders with the same stylesheet minus those matches; lists keep their markers."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from weasyprint.css import get_all_computed_styles
from weasyprint.html import UA

from kvo import pdf as kvo_pdf
from kvo.pdf import pdf_maken

ROOT = Path(__file__).resolve().parents[2]


def _pseudo_stijlen(html: str) -> list[tuple[str, str]]:
    """(tag, pseudo-element) of every element style WeasyPrint computes for ``html`` through kvo.pdf."""
    style_for = get_all_computed_styles(kvo_pdf._Html(string=html, base_url=kvo_pdf.BASIS_URL))
    return sorted(
        (element.tag, pseudo)
        for element, pseudo in style_for._computed_styles  # (element or page type, pseudo-element)
        if pseudo and hasattr(element, "tag")
    )


def test_geen_stijl_per_element_voor_pseudo_elementen_die_er_niet_zijn():
    alinea = "<p>Tekst <span>met</span> <a href='#x'>link</a></p>"
    html = f"<html><body>{alinea * 50}<ul><li>een</li></ul></body></html>"
    # before: 6 per element (marker, footnote-call, footnote-marker, note-call, note-marker, note-callback)
    assert _pseudo_stijlen(html) == [("li", "marker")]


def test_de_user_agent_stylesheet_van_deze_weasyprint_is_de_verwachte():
    tekst = kvo_pdf.ua_tekst(UA)
    assert tekst is not None, "WeasyPrint's html5_ua.css changed: check kvo.pdf.ua_tekst"
    weg = set(UA.splitlines()) - set(tekst.splitlines())
    assert len(weg) == 6 and all(regel.startswith("::") for regel in weg)
    assert kvo_pdf._Html(string="<p>x</p>")._ua_stylesheets() == [kvo_pdf._ua()]
    # another stylesheet than the one the edits were written for is used as it is
    assert kvo_pdf.ua_tekst(UA.replace("::marker {", "::marker{")) is None


def test_lijsten_houden_hun_opsommingstekens():
    inhoud, _ = pdf_maken(
        "<html lang='nl'><head><title>T</title></head><body><ol><li>eerste</li><li>tweede</li></ol>"
        "<ul><li>punt</li></ul></body></html>"
    )
    tekst = subprocess.run(["pdftotext", "-", "-"], input=inhoud, capture_output=True, check=True).stdout.decode()
    assert re.search(r"1\.\s*eerste", tekst) and re.search(r"2\.\s*tweede", tekst) and "•" in tekst


def test_geen_pdf_gebruikt_voetnoten_of_noten():
    """The lighter stylesheet has no ::footnote-call or ::note-call style: WeasyPrint needs one the
    moment an element floats as a footnote or is positioned as a note."""
    bronnen = [*(ROOT / "templates").rglob("*.html"), *(ROOT / "static" / "css").glob("pdf*.css")]
    gevonden = [b.name for b in bronnen if re.search(r"footnote|note\(", b.read_text(encoding="utf-8"))]
    assert gevonden == []
