"""Reading and checking an entrepreneurs' register (CSV or XLSX) before it is imported.

The file has a header row; columns are recognised by name (case-insensitive): ``naam``
(required), ``adres``, ``postcode``, ``huisnummer``, ``plaats`` (the place of the address, for
the survey letter), ``email``, ``lid_ondernemersvereniging`` (ja/nee). Rows are numbered as in
the spreadsheet: the header is row 1, the first entrepreneur row 2.

**Duplicates.** An entrepreneur is identified by its name within the KVO area: two rows whose
names are equal after ignoring case and extra spaces are the same entrepreneur, whatever their
address. (A business with two addresses in the area counts once toward the 600.) A row is a
duplicate if its name appears earlier in the file, or already in the register of any park of the
work group's area.

Every problem is collected (row number and Dutch reason), so the user fixes the file once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from gebieden.models import Ondernemer
from gebieden.regels import MAX_ONDERNEMERS, naam_sleutel
from kvo.invoer import TabelFout, lees_csv, lees_xlsx_rijen, tabelsoort

POSTCODE = re.compile(r"^[1-9][0-9]{3} ?[A-Z]{2}$")
MAX_RIJEN = 5000

KOLOMMEN = {
    "naam": "naam",
    "bedrijf": "naam",
    "bedrijfsnaam": "naam",
    "adres": "adres",
    "straat": "adres",
    "postcode": "postcode",
    "huisnummer": "huisnummer",
    "nummer": "huisnummer",
    "plaats": "plaats",
    "woonplaats": "plaats",
    "vestigingsplaats": "plaats",
    "email": "email",
    "e-mail": "email",
    "e-mailadres": "email",
    "emailadres": "email",
    "lid_ondernemersvereniging": "lid_ondernemersvereniging",
    "lid ondernemersvereniging": "lid_ondernemersvereniging",
    "lid ov": "lid_ondernemersvereniging",
    "lid": "lid_ondernemersvereniging",
}
JA = {"ja", "j", "yes", "y", "true", "waar", "1", "x"}
NEE = {"nee", "n", "no", "false", "onwaar", "0"}


class BestandFout(ValueError):
    """The file as a whole cannot be read (wrong format, no header, no naam column)."""


@dataclass
class RijFout:
    rij: int
    reden: str


@dataclass
class Controle:
    rijen: list[dict] = field(default_factory=list)  # clean rows, ready for Ondernemer(**rij)
    fouten: list[RijFout] = field(default_factory=list)
    algemeen: list[str] = field(default_factory=list)  # problems of the file as a whole
    totaal_na_import: int = 0

    @property
    def ok(self) -> bool:
        return not self.fouten and not self.algemeen and bool(self.rijen)


def normaliseer_postcode(waarde: str) -> str:
    """``"1234ab"`` → ``"1234 AB"``; raises ``ValidationError`` for a non-Dutch postcode."""
    compact = "".join(str(waarde or "").split()).upper()
    if not compact:
        return ""
    if not POSTCODE.match(compact):
        raise ValidationError(f"Postcode {waarde!r} is geen Nederlandse postcode (vier cijfers en twee letters).")
    return f"{compact[:4]} {compact[4:]}"


def lees_ja_nee(waarde) -> bool | None:
    if waarde is None or isinstance(waarde, bool):
        return waarde
    tekst = str(waarde).strip().casefold()
    if not tekst:
        return None
    if tekst in JA:
        return True
    if tekst in NEE:
        return False
    raise ValidationError(f"Lid ondernemersvereniging {waarde!r}: vul ja of nee in (of laat leeg).")


def lees_bestand(naam: str, inhoud: bytes) -> list[tuple[int, dict]]:
    """The data rows of a CSV or XLSX file as (row number, {column: text}).

    The content decides whether the file is read as Excel or as CSV, not its name (``naam`` is
    only for the caller's messages)."""
    try:
        if tabelsoort(inhoud, naam) == "xlsx":
            tabel = [[_cel(c) for c in rij] for rij in lees_xlsx_rijen(inhoud, max_rijen=2 * MAX_RIJEN + 1)]
        else:
            tabel = lees_csv(inhoud)
    except TabelFout as fout:
        raise BestandFout(str(fout)) from fout
    if not tabel:
        raise BestandFout("Het bestand is leeg.")
    kop = [KOLOMMEN.get(" ".join(str(k or "").split()).casefold()) for k in tabel[0]]
    if "naam" not in kop:
        raise BestandFout(
            "De eerste rij moet de kolomnamen bevatten, met in elk geval een kolom 'naam'. "
            "Andere herkende kolommen: adres, postcode, huisnummer, plaats, email, lid_ondernemersvereniging."
        )
    rijen = []
    for nummer, rij in enumerate(tabel[1:], start=2):
        waarden = {}
        for kolom, waarde in zip(kop, rij, strict=False):
            if kolom and kolom not in waarden:
                waarden[kolom] = "" if waarde is None else str(waarde).strip()
        if any(waarden.values()):
            rijen.append((nummer, waarden))
    if len(rijen) > MAX_RIJEN:
        raise BestandFout(f"Het bestand heeft {len(rijen)} rijen; er kunnen er hoogstens {MAX_RIJEN} tegelijk.")
    return rijen


def _cel(waarde):
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return waarde


def controleer_rij(waarden: dict) -> tuple[dict, list[str]]:
    """One row → (clean fields, Dutch reasons). Used by the import and by the single-entry form."""
    redenen = []
    naam = " ".join(waarden.get("naam", "").split())
    if not naam:
        redenen.append("naam ontbreekt")
    elif len(naam) > 200:
        redenen.append("naam is langer dan 200 tekens")
    schoon = {"naam": naam, "adres": waarden.get("adres", "").strip(), "huisnummer": waarden.get("huisnummer", "")}
    if len(schoon["adres"]) > 200:
        redenen.append("adres is langer dan 200 tekens")
    schoon["huisnummer"] = schoon["huisnummer"].strip()
    if len(schoon["huisnummer"]) > 12:
        redenen.append("huisnummer is langer dan 12 tekens")
    schoon["plaats"] = " ".join((waarden.get("plaats") or "").split())
    if len(schoon["plaats"]) > 100:
        redenen.append("plaats is langer dan 100 tekens")
    try:
        schoon["postcode"] = normaliseer_postcode(waarden.get("postcode", ""))
    except ValidationError:
        redenen.append(f"postcode {waarden.get('postcode')!r} is geen Nederlandse postcode (zoals 1234 AB)")
    email = waarden.get("email", "").strip().lower()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            redenen.append(f"e-mailadres {waarden.get('email')!r} is ongeldig")
    schoon["email"] = email or None
    try:
        schoon["lid_ondernemersvereniging"] = lees_ja_nee(waarden.get("lid_ondernemersvereniging"))
    except ValidationError:
        redenen.append(f"lid ondernemersvereniging {waarden.get('lid_ondernemersvereniging')!r}: vul ja of nee in")
    return schoon, redenen


def bestaande_namen(werkgroep) -> tuple[dict[str, str], int]:
    """Normalised name → park name for every entrepreneur already in the area, and their number."""
    paren = list(Ondernemer.objects.filter(terrein__werkgroep=werkgroep).values_list("naam", "terrein__naam"))
    return {naam_sleutel(naam): terrein for naam, terrein in paren}, len(paren)


def controleer(werkgroep, rijen: list[tuple[int, dict]]) -> Controle:
    """Check every row and the 600 limit; nothing is written."""
    controle = Controle()
    bestaand, aantal_bestaand = bestaande_namen(werkgroep)
    in_bestand: dict[str, int] = {}
    for nummer, waarden in rijen:
        schoon, redenen = controleer_rij(waarden)
        sleutel = naam_sleutel(schoon["naam"])
        if sleutel:
            if sleutel in in_bestand:
                redenen.append(f"dubbel: {schoon['naam']!r} staat ook in rij {in_bestand[sleutel]}")
            elif sleutel in bestaand:
                redenen.append(f"dubbel: {schoon['naam']!r} staat al in het register (terrein {bestaand[sleutel]})")
            in_bestand.setdefault(sleutel, nummer)
        if redenen:
            controle.fouten.append(RijFout(nummer, "; ".join(redenen)))
        else:
            schoon["rij"] = nummer
            controle.rijen.append(schoon)
    if not rijen:
        controle.algemeen.append("Het bestand bevat geen ondernemers.")
    controle.totaal_na_import = aantal_bestaand + len(rijen)
    if controle.totaal_na_import > MAX_ONDERNEMERS:
        controle.algemeen.append(
            f"Met dit bestand telt het gebied {controle.totaal_na_import} ondernemers "
            f"({aantal_bestaand} al geregistreerd + {len(rijen)} in het bestand): "
            f"{controle.totaal_na_import - MAX_ONDERNEMERS} meer dan het maximum van {MAX_ONDERNEMERS}."
        )
    return controle
