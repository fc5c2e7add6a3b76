"""Spreadsheet exports (CSV and XLSX) that write people's text as text, never as a formula.

An open survey answer or a park name such as ``=HYPERLINK("http://…"&A2,"klik")`` would otherwise
become a live formula in Excel or LibreOffice (CSV/formula injection). Every CSV or XLSX the app
hands out goes through this module:

- CSV: a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
  leading single quote (OWASP "CSV Injection"), so the spreadsheet shows it as text.
- XLSX: every text cell is stored as a string (``data_type`` ``"s"``, never ``"f"``) with Excel's
  "quote prefix" style, so it stays text even after someone edits the cell; the text itself is
  unchanged.

Numbers (``int``, ``float``, ``Decimal``) stay numbers, negative ones included; only text is
neutralised, so ``-3`` as an int is a number and ``"-3"`` as typed text gets its quote.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse

FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def als_tekst(waarde):
    """``waarde`` for a CSV cell: text that a spreadsheet would read as a formula gets a leading quote."""
    if isinstance(waarde, str) and waarde.startswith(FORMULE_TEKENS):
        return "'" + waarde
    return waarde


def csv_inhoud(rijen: Iterable[Sequence], *, scheiding: str = ";", bom: bool = True) -> str:
    """The rows as CSV text (semicolons, as Dutch Excel writes them), with a BOM for Excel."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=scheiding)
    for rij in rijen:
        schrijver.writerow([als_tekst(w) for w in rij])
    return ("\ufeff" if bom else "") + uit.getvalue()


def download(inhoud: str | bytes, bestandsnaam: str) -> HttpResponse:
    """A file made by this module as a download; the type follows the name (``.csv``, ``.xlsx``)."""
    soort = "text/csv; charset=utf-8" if bestandsnaam.endswith(".csv") else XLSX_TYPE
    if isinstance(inhoud, str) and not inhoud.startswith("\ufeff"):
        inhoud = "\ufeff" + inhoud  # Excel reads a CSV as UTF-8 only with the BOM
    antwoord = HttpResponse(inhoud, content_type=soort)
    antwoord["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    return antwoord


def csv_antwoord(rijen: Iterable[Sequence], bestandsnaam: str, *, scheiding: str = ";") -> HttpResponse:
    return download(csv_inhoud(rijen, scheiding=scheiding), bestandsnaam)


def vul_blad(blad, rijen: Iterable[Sequence]) -> None:
    """Write ``rijen`` below what ``blad`` (an openpyxl worksheet) holds, every text cell as a
    string, never a formula."""
    start = blad.max_row if blad.max_row > 1 or blad.cell(1, 1).value is not None else 0
    for r, rij in enumerate(rijen, start=start + 1):
        for k, waarde in enumerate(rij, start=1):
            if waarde is None or waarde == "":
                continue
            cel = blad.cell(row=r, column=k, value=waarde)
            if isinstance(waarde, str):
                cel.data_type = "s"  # openpyxl makes text that starts with "=" a formula ("f")
                if waarde.startswith(FORMULE_TEKENS):
                    cel.quotePrefix = True  # and Excel would, once someone edits the cell


def xlsx_inhoud(bladen: dict[str, Iterable[Sequence]], *, kopregel: bool = True) -> bytes:
    """A workbook with one sheet per item of ``bladen`` (title → rows); with ``kopregel`` the first
    row is bold and stays in view."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    boek = Workbook()
    boek.remove(boek.active)
    for titel, rijen in bladen.items():
        blad = boek.create_sheet(titel[:31])
        vul_blad(blad, rijen)
        if kopregel and blad.max_row >= 1:
            for cel in blad[1]:
                cel.font = Font(bold=True)
            blad.freeze_panes = "A2"
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def xlsx_antwoord(bladen: dict[str, Iterable[Sequence]], bestandsnaam: str, *, kopregel: bool = True) -> HttpResponse:
    return download(xlsx_inhoud(bladen, kopregel=kopregel), bestandsnaam)
