"""Bounds on what a user may type or upload, shared by the models, the forms and the imports.

Every date a person enters lies between ``VROEGSTE`` and ``LAATSTE``: outside that a date is a
typing error (year 20266), and the rules that add three years or subtract a day must never leave
Python's or the database's range. A form states the bounds (the date picker's ``min``/``max``) and
refuses a date outside them with a Dutch message; the model field carries the same validator.

Imported tables (the entrepreneurs' register, incident figures) are recognised by their content,
not by their name: an XLSX is a zip with a workbook inside, a CSV is text. ``lees_tabel`` reads
either into rows of text, and refuses anything else, an old .xls, a zip bomb or a file with more
rows than an import may hold with a message that says what to do.

Zip files (an XLSX, a dossier) are never trusted for their declared sizes: ``zip_uitpakken``
inflates every member through a bounded stream, counts the real bytes and stops as soon as they
pass the limit or the size the member declares, so a small file that claims 17 KB and inflates to
gigabytes costs at most one chunk more than the limit. An XLSX is checked that way, whole, before
openpyxl (which reads each member at once) ever opens it.

A chosen row comes in as its id: ``IdKeuze`` and ``IdsKeuze`` (Django's model choice fields) refuse
a value that is not a whole number of at most 18 digits as "no valid choice" before the query, as
the ``<id:...>`` URL converter (``kvo.converters``) does for the address. The database never sees a
number too large for its column.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import re
import zipfile
import zlib
from collections.abc import Callable

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator

_ID = re.compile(r"[0-9]{1,18}")  # kvo.converters.MAX_CIJFERS: every value fits a bigint


def _is_id(waarde) -> bool:
    return isinstance(waarde, int) or bool(_ID.fullmatch(str(waarde).strip()))


def id_uit(tekst) -> int | None:
    """An id read from a query parameter (a filter in the address), or None when it is not one."""
    return int(str(tekst).strip()) if tekst is not None and _is_id(tekst) else None


class IdKeuze(forms.ModelChoiceField):
    """A model choice whose submitted id is bounded before it reaches the query (see above)."""

    def to_python(self, value):
        if value not in self.empty_values and not isinstance(value, self.queryset.model) and not _is_id(value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class IdsKeuze(forms.ModelMultipleChoiceField):
    """A multiple model choice whose submitted ids are bounded before the ``__in`` query (see above)."""

    def _check_values(self, value):
        for waarde in value or ():
            if not isinstance(waarde, self.queryset.model) and not _is_id(waarde):
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": waarde}
                )
        return super()._check_values(value)


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


# --- zip files, read by their real size ------------------------------------------------------

BLOK = 64 * 1024  # the most one read inflates at a time
MAX_TABEL_LEDEN = 1_000  # members of an XLSX; a workbook has a few dozen


class ZipFout(ValueError):
    """A zip that may not be unpacked: ``te_groot`` (past a limit) or not (broken, lying, unsupported)."""

    def __init__(self, bericht: str, *, te_groot: bool = False):
        super().__init__(bericht)
        self.te_groot = te_groot


def zip_uitpakken(
    zf: zipfile.ZipFile,
    *,
    max_uitgepakt: int,
    max_leden: int,
    bewaar: Callable[[str], bool] = lambda naam: False,
    alleen: Callable[[str], bool] = lambda naam: True,
) -> dict[str, bytes]:
    """Inflate the members ``alleen`` selects through bounded streams; keep those ``bewaar`` selects.

    The real inflated bytes are counted, never the sizes the headers declare: a member that
    inflates past the size it declares is refused (a reader that trusts the header, as openpyxl
    does, would inflate it whole), and so is the zip once the real bytes together pass
    ``max_uitgepakt``. At most ``BLOK`` bytes are inflated at a time. Only stored and deflated
    members are read (bzip2 and lzma inflate without a bound per read). Raises ``ZipFout``.
    """
    leden = [i for i in zf.infolist() if not i.is_dir() and alleen(i.filename)]
    if len(zf.infolist()) > max_leden:
        raise ZipFout(f"het zip-bestand bevat te veel bestanden (hoogstens {max_leden})")
    totaal = 0
    bewaard: dict[str, bytes] = {}
    try:
        for info in leden:
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise ZipFout(f"{info.filename}: onbekende compressie; sla het bestand opnieuw op")
            if info.file_size > max_uitgepakt - totaal:
                raise ZipFout("het zip-bestand is uitgepakt te groot", te_groot=True)
            # Read past the declared size (never trusted) to catch a member that inflates beyond it.
            ruim = copy.copy(info)
            ruim.file_size = info.file_size + BLOK
            delen: list[bytes] = []
            echt = 0
            with zf.open(ruim) as lid:
                while blok := lid.read(BLOK):
                    echt += len(blok)
                    totaal += len(blok)
                    if echt > info.file_size:
                        raise ZipFout(
                            f"{info.filename}: pakt groter uit dan het zip-bestand opgeeft ({info.file_size} bytes)"
                        )
                    if totaal > max_uitgepakt:
                        raise ZipFout("het zip-bestand is uitgepakt te groot", te_groot=True)
                    if bewaar(info.filename):
                        delen.append(blok)
            if echt != info.file_size:
                raise ZipFout(f"{info.filename}: kleiner dan het zip-bestand opgeeft; het bestand is beschadigd")
            if bewaar(info.filename):
                bewaard[info.filename] = b"".join(delen)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, RuntimeError, zlib.error) as fout:
        raise ZipFout(f"beschadigd ({fout})") from fout
    return bewaard


def tabelsoort(inhoud: bytes, naam: str = "") -> str:
    """``"xlsx"`` or ``"csv"``, judged from the content; ``TabelFout`` for anything else.

    An XLSX is inflated whole through bounded streams here (``zip_uitpakken``), so openpyxl only
    ever opens a workbook whose members are as large as they say and together within
    ``MAX_UITGEPAKT``. The name never makes a file acceptable; it only words the refusal of a
    ``.xlsx`` that is not one."""
    if inhoud.startswith(b"PK\x03\x04"):
        beschadigd = "Het Excel-bestand is beschadigd of onvolledig; sla het opnieuw op als .xlsx en probeer opnieuw."
        try:
            with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
                namen = set(z.namelist())
                if "xl/workbook.xml" not in namen:
                    raise TabelFout(f"Dit zip-bestand is geen Excel-werkmap. {GEEN_TABEL}")
                zip_uitpakken(z, max_uitgepakt=MAX_UITGEPAKT, max_leden=MAX_TABEL_LEDEN)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError) as fout:
            if isinstance(fout, TabelFout):
                raise
            if isinstance(fout, ZipFout) and fout.te_groot:
                raise TabelFout(
                    f"Het Excel-bestand is uitgepakt te groot (meer dan {MAX_UITGEPAKT // 1024 // 1024} MB). "
                    "Sla alleen het werkblad met de gegevens op, of exporteer het als CSV."
                ) from None
            raise TabelFout(beschadigd) from None
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
