"""Bounds on what a user may type or upload, shared by the models, the forms and the imports.

Every date a person enters lies between ``VROEGSTE`` and ``LAATSTE``: outside that a date is a
typing error (year 20266), and the rules that add three years or subtract a day must never leave
Python's or the database's range. A form states the bounds (the date picker's ``min``/``max``) and
refuses a date outside them with a Dutch message; the model field carries the same validator.

Imported tables (the entrepreneurs' register, incident figures) are recognised by their content,
not by their name: an XLSX is a zip with a workbook inside, a CSV is text. ``lees_tabel`` reads
either into rows of text, and refuses anything else, an old .xls, a zip bomb or a file with more
rows than an import may hold with a message that says what to do.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator

VROEGSTE = dt.date(1900, 1, 1)
LAATSTE = dt.date(2100, 12, 31)
DATUMBEREIK = f"tussen {VROEGSTE:%d-%m-%Y} en {LAATSTE:%d-%m-%Y}"


def tussen(laag, hoog) -> list:
    """Validators for a number from ``laag`` to ``hoog`` inclusive, with a Dutch message that says both."""
    bericht = f"Vul een getal van {laag} tot en met {hoog} in."
    return [MinValueValidator(laag, message=bericht), MaxValueValidator(hoog, message=bericht)]


datum_niet_voor = MinValueValidator(VROEGSTE, message=f"Vul een datum {DATUMBEREIK} in.")
datum_niet_na = MaxValueValidator(LAATSTE, message=f"Vul een datum {DATUMBEREIK} in.")
DATUM_VALIDATORS = [datum_niet_voor, datum_niet_na]


class DatumVeld(forms.DateField):
    """A date a person enters: a date picker that states the bounds, and the same bounds checked."""

    default_validators = DATUM_VALIDATORS

    def __init__(self, *, widget=None, **kwargs):
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"].setdefault("invalid", f"Vul een geldige datum in (dag-maand-jaar, {DATUMBEREIK}).")
        super().__init__(widget=widget or forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.setdefault("min", VROEGSTE.isoformat())
        attrs.setdefault("max", LAATSTE.isoformat())
        return attrs

    def to_python(self, value):
        try:
            return super().to_python(value)
        except OverflowError:  # a year of twenty digits
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None


def datum_velden_begrensd(form: forms.BaseForm) -> None:
    """Give every date field of ``form`` (a ModelForm's too) the bounds and the picker's min/max."""
    for veld in form.fields.values():
        if isinstance(veld, forms.DateField) and not isinstance(veld, DatumVeld):
            veld.validators = [*veld.validators, *DATUM_VALIDATORS]
            veld.widget.attrs.setdefault("min", VROEGSTE.isoformat())
            veld.widget.attrs.setdefault("max", LAATSTE.isoformat())
            veld.error_messages["invalid"] = f"Vul een geldige datum in (dag-maand-jaar, {DATUMBEREIK})."


class BegrensdeDatums:
    """A ModelForm mixin: its date fields state and check the bounds (``datum_velden_begrensd``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        datum_velden_begrensd(self)


# --- imported tables --------------------------------------------------------------------------

MAX_TABEL = 5 * 1024 * 1024  # an upload larger than this is refused before it is read
MAX_UITGEPAKT = 50 * 1024 * 1024  # what an XLSX may unpack to (a zip bomb unpacks to gigabytes)
MAX_CSV_VELD = 10_000  # characters in one cell
GEEN_TABEL = "Dit bestand is geen tabel (de inhoud telt, niet de naam). Kies een CSV- of Excel-bestand (.csv of .xlsx)."


class TabelFout(ValueError):
    """The file as a whole cannot be read as a table; the message says why and what to do, in Dutch."""


def controleer_tabelgrootte(bestand) -> None:
    """For an import form's ``clean_bestand``: refuse an empty or too large upload."""
    if bestand.size > MAX_TABEL:
        raise ValidationError(
            f"Het bestand is te groot ({bestand.size / 1024 / 1024:.1f} MB); hoogstens "
            f"{MAX_TABEL // 1024 // 1024} MB. Splits het bestand of laat lege kolommen en opmaak weg."
        )
    if bestand.size == 0:
        raise ValidationError("Het bestand is leeg.")


def tabelsoort(inhoud: bytes, naam: str = "") -> str:
    """``"xlsx"`` or ``"csv"``, judged from the content; ``TabelFout`` for anything else.

    The name never makes a file acceptable; it only words the refusal of a ``.xlsx`` that is not one."""
    if inhoud.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
                namen = set(z.namelist())
                uitgepakt = sum(i.file_size for i in z.infolist())
        except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError):
            raise TabelFout(
                "Het Excel-bestand is beschadigd of onvolledig; sla het opnieuw op als .xlsx en probeer opnieuw."
            ) from None
        if "xl/workbook.xml" not in namen:
            raise TabelFout(f"Dit zip-bestand is geen Excel-werkmap. {GEEN_TABEL}")
        if uitgepakt > MAX_UITGEPAKT:
            raise TabelFout(
                f"Het Excel-bestand is uitgepakt te groot (meer dan {MAX_UITGEPAKT // 1024 // 1024} MB). "
                "Sla alleen het werkblad met de gegevens op, of exporteer het als CSV."
            )
        return "xlsx"
    if inhoud.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise TabelFout("Dit is een oud Excel-bestand (.xls). Sla het in Excel op als .xlsx of als CSV.")
    if naam.lower().endswith((".xlsx", ".xls")):
        raise TabelFout(
            "Het Excel-bestand kan niet worden gelezen: de inhoud is geen Excel-werkmap. Sla het opnieuw op als "
            ".xlsx, of als CSV."
        )
    if inhoud.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "csv"  # UTF-16 text, as Excel's "Unicode-tekst"
    kop = inhoud[:4096]
    if b"\x00" in kop or kop.startswith((b"%PDF", b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"MZ", b"\x7fELF")):
        raise TabelFout(GEEN_TABEL)
    return "csv"


def lees_csv(inhoud: bytes) -> list[list[str]]:
    """The rows of a CSV file: UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252;
    the separator (``;``, ``,`` or tab) is the one the first line has most of."""
    if inhoud.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            tekst = inhoud.decode("utf-16")
        except UnicodeDecodeError:
            raise TabelFout("Het bestand is geen leesbare tekst; sla het op als CSV (UTF-8).") from None
    else:
        try:
            tekst = inhoud.decode("utf-8-sig")
        except UnicodeDecodeError:
            tekst = inhoud.decode("cp1252", errors="replace")
    if "\x00" in tekst:
        raise TabelFout("Het bestand bevat onleesbare tekens; sla het op als CSV (UTF-8) en probeer opnieuw.")
    eerste = tekst.split("\n", 1)[0]
    scheiding = max(";,\t", key=eerste.count)
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding)
    try:
        rijen = list(lezer)
    except csv.Error as fout:
        raise TabelFout(
            f"Het CSV-bestand kan niet worden gelezen (regel {lezer.line_num}): controleer de aanhalingstekens "
            "en sla het opnieuw op als CSV."
        ) from fout
    for nummer, rij in enumerate(rijen, start=1):
        if any(len(cel) > MAX_CSV_VELD for cel in rij):
            raise TabelFout(f"Regel {nummer} heeft een cel van meer dan {MAX_CSV_VELD} tekens; is dit wel de tabel?")
    return rijen


def lees_xlsx_rijen(inhoud: bytes, *, max_rijen: int) -> list[list]:
    """The cells of the first worksheet, at most ``max_rijen`` rows (more: ``TabelFout``)."""
    from openpyxl import load_workbook

    try:
        boek = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
        try:
            blad = boek.worksheets[0]
            rijen = []
            for rij in blad.iter_rows(values_only=True):
                rijen.append(list(rij))
                if len(rijen) > max_rijen:
                    raise TabelFout(
                        f"Het werkblad heeft meer dan {max_rijen - 1} rijen; er kunnen er hoogstens "
                        f"{max_rijen - 1} tegelijk."
                    )
        finally:
            boek.close()
    except TabelFout:
        raise
    except Exception as fout:  # openpyxl raises zipfile, KeyError, XML and InvalidFileException errors
        raise TabelFout("Het Excel-bestand kan niet worden gelezen; sla het op als .xlsx en probeer opnieuw.") from fout
    return rijen
