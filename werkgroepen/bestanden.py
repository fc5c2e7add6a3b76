"""What an archive document may be: checked from its content, not its name, and limited in size.

The work group's archive holds agreements, minutes, reports: PDF, Office and OpenDocument files,
images and plain text. The first bytes say what a file is; a name that claims one type over content
of another (an executable called notulen.pdf) is refused with a message that says what is allowed.
"""

from __future__ import annotations

import zipfile

from django.core.exceptions import ValidationError

MAX_BYTES = 25 * 1024 * 1024
TOEGESTAAN = "PDF, Word, Excel, PowerPoint, OpenDocument, JPEG, PNG of platte tekst (.txt, .csv)"
OFFICE_ZIP = (".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp")
OFFICE_OUD = (".doc", ".xls", ".ppt")


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


def controleer_document(bestand) -> None:
    """Raise a Dutch ``ValidationError`` for a file that is too large or not an allowed document."""
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
