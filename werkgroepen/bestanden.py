"""What an archive document may be: checked from its content, not its name, and limited in size.

The work group's archive holds agreements, minutes, reports: PDF, Office and OpenDocument files,
images and plain text. The first bytes say what a file is; a name that claims one type over content
of another (an executable called notulen.pdf) is refused with a message that says what is allowed.

The type found is also what the file is called and served as: a PDF uploaded as ``poly.html`` or
``run.exe`` is stored as ``poly.pdf`` / ``run.pdf``, a JPEG called ``poly.svg`` as ``poly.jpg``
(``naam_naar_soort``), and a download's content type comes from the stored content again
(``downloadsoort``), so the archive never hands out ``text/html`` or ``image/svg+xml``.
"""

from __future__ import annotations

import posixpath
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

MAX_BYTES = 25 * 1024 * 1024
TOEGESTAAN = "PDF, Word, Excel, PowerPoint, OpenDocument, JPEG, PNG of platte tekst (.txt, .csv)"
OFFICE_ZIP = (".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp")
OFFICE_OUD = (".doc", ".xls", ".ppt")
# detected type → the extensions its name may have; the first is the one it gets otherwise
EXTENSIES = {
    "pdf": (".pdf",),
    "jpeg": (".jpg", ".jpeg"),
    "png": (".png",),
    "office": OFFICE_OUD,
    "office-zip": OFFICE_ZIP,
    "tekst": (".txt", ".csv"),
}
INHOUDSSOORT = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".doc": "application/msword",
    ".xls": "application/vnd.ms-excel",
    ".ppt": "application/vnd.ms-powerpoint",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".odp": "application/vnd.oasis.opendocument.presentation",
    ".txt": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
}
ONBEKEND = "application/octet-stream"


def _soort(kop: bytes, naam: str) -> str | None:
    naam = naam.lower()
    if kop.startswith(b"%PDF-"):
        return "pdf"
    if kop.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if kop.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if kop.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") and naam.endswith(OFFICE_OUD):
        return "office"
    if kop.startswith(b"PK\x03\x04") and naam.endswith(OFFICE_ZIP):
        return "office-zip"
    if naam.endswith((".txt", ".csv")) and b"\x00" not in kop:
        try:
            kop.decode("utf-8")
        except UnicodeDecodeError as fout:
            if fout.start < len(kop) - 4:  # a multi-byte character cut off at the end is fine
                return None
        return "tekst"
    return None


def naam_naar_soort(naam: str, soort: str) -> str:
    """``naam`` with an extension that matches the detected ``soort`` (``poly.html`` + pdf → ``poly.pdf``)."""
    basis = posixpath.basename((naam or "").replace("\\", "/"))
    stam, extensie = posixpath.splitext(basis)
    if extensie.lower() in EXTENSIES[soort]:
        return basis
    return f"{stam or basis or 'document'}{EXTENSIES[soort][0]}"


def controleer_document(bestand) -> str:
    """Raise a Dutch ``ValidationError`` for a file that is too large or not an allowed document.

    Returns the type found; the file's ``name`` is set to one whose extension matches it."""
    if bestand.size > MAX_BYTES:
        raise ValidationError(
            f"Het bestand is te groot ({bestand.size / 1024 / 1024:.1f} MB); hoogstens {MAX_BYTES // 1024 // 1024} MB."
        )
    if bestand.size == 0:
        raise ValidationError("Het bestand is leeg.")
    bestand.seek(0)
    kop = bestand.read(2048)
    bestand.seek(0)
    soort = _soort(kop, bestand.name or "")
    if soort == "office-zip":
        try:
            with zipfile.ZipFile(bestand) as z:
                namen = z.namelist()
            ok = "[Content_Types].xml" in namen or "mimetype" in namen
        except zipfile.BadZipFile:
            ok = False
        bestand.seek(0)
        if not ok:
            soort = None
    if soort is None:
        raise ValidationError(
            f"Dit bestand is geen toegestaan document (de inhoud telt, niet de naam). Toegestaan: {TOEGESTAAN}."
        )
    bestand.name = naam_naar_soort(bestand.name, soort)
    return soort


def controleer_inhoud(inhoud: bytes, naam: str) -> str:
    """``controleer_document`` for a file's bytes (a dossier's media/ member): the name it is stored under."""
    bestand = ContentFile(inhoud, name=posixpath.basename(naam) or "document")
    controleer_document(bestand)
    return bestand.name


def downloadsoort(bestand, naam: str) -> tuple[str, str]:
    """The name and content type a stored version is handed out with, from its content.

    A version stored before the name followed the content (a PDF called ``poly.html``) gets the
    name and type of what it is; content of no allowed type is plain bytes to download."""
    bestand.seek(0)
    kop = bestand.read(2048)
    bestand.seek(0)
    soort = _soort(kop, naam)
    if soort is None:
        return naam, ONBEKEND
    naam = naam_naar_soort(naam, soort)
    return naam, INHOUDSSOORT.get(posixpath.splitext(naam)[1].lower(), ONBEKEND)
