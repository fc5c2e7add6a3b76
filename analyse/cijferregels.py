"""The rules of one incident figure (§4.1.2), apart from the services that write figures.

``valideer`` is the one set of rules, used by the form, the file imports (which report them per
column) and the services in ``analyse.services.cijfers`` (which check again inside the
transaction); ``sleutel`` says when two figures are the same figure. Nothing here writes, so a
reader of files and the services can both import it without importing each other.
"""

from __future__ import annotations

import datetime as dt

from analyse.models import Cijfer
from analyse.models.cijfers import MAX_AANTAL

__all__ = ["LABELS", "MAX_AANTAL", "MAX_CATEGORIE", "MIN_DATUM", "VELDEN", "dmy", "getal", "schone_categorie",
           "sleutel", "sleutel_van", "valideer"]  # fmt: skip

MIN_DATUM = dt.date(2000, 1, 1)
MAX_CATEGORIE = Cijfer._meta.get_field("categorie").max_length
VELDEN = ("bron", "soort", "categorie", "periode_van", "periode_tot", "aantal", "deelgebied", "terrein", "afgehandeld")
LABELS = {
    "bron": "bron",
    "soort": "soort",
    "categorie": "categorie",
    "periode_van": "begin van de periode",
    "periode_tot": "einde van de periode",
    "aantal": "aantal",
    "deelgebied": "deelgebied",
    "terrein": "bedrijventerrein",
    "afgehandeld": "waarvan afgehandeld",
}


def getal(n: int) -> str:
    """100000 → "100.000" (Dutch thousands separator)."""
    return f"{n:,}".replace(",", ".")


def dmy(datum: dt.date) -> str:
    """31-12-2024; also for a mistyped year like 0024 (strftime does not pad it everywhere)."""
    return f"{datum.day:02d}-{datum.month:02d}-{datum.year:04d}"


def schone_categorie(tekst: str | None) -> str:
    return " ".join(str(tekst or "").split())


def valideer(
    *,
    werkgroep,
    vandaag: dt.date,
    bron=None,
    soort=None,
    categorie=None,
    periode_van=None,
    periode_tot=None,
    aantal=None,
    deelgebied=None,
    terrein=None,
    afgehandeld=None,
) -> dict[str, list[str]]:
    """The problems of one figure, by field (Dutch, lower case, to follow "kolom x: ").

    ``None`` means "not given or already refused by the parser": rules that need that value are
    skipped, so one mistake is reported once.
    """
    fouten: dict[str, list[str]] = {}

    def fout(veld: str, tekst: str) -> None:
        fouten.setdefault(veld, []).append(tekst)

    if bron is not None and bron not in Cijfer.Bron.values:
        fout("bron", f"onbekende bron '{bron}'")
    if soort is not None and soort not in Cijfer.Soort.values:
        fout("soort", f"onbekende soort '{soort}'")
    if deelgebied is not None and deelgebied not in Cijfer.Deelgebied.values:
        fout("deelgebied", f"onbekend deelgebied '{deelgebied}'")
    if categorie is not None:
        schoon = schone_categorie(categorie)
        if not schoon:
            fout("categorie", "vul de categorie in (bijvoorbeeld 'Inbraak bedrijfspand')")
        elif len(schoon) < 2 or not any(t.isalpha() for t in schoon):
            fout("categorie", f"'{schoon}' is geen categorie; gebruik een omschrijving zoals 'Vernieling'")
        elif len(schoon) > MAX_CATEGORIE:
            fout("categorie", f"te lang ({len(schoon)} tekens, hoogstens {MAX_CATEGORIE})")
    for veld, datum in (("periode_van", periode_van), ("periode_tot", periode_tot)):
        if datum is None:
            continue
        if datum < MIN_DATUM:
            fout(veld, f"{dmy(datum)} ligt vóór 2000; controleer het jaartal")
        elif datum > vandaag:
            fout(veld, f"{dmy(datum)} ligt in de toekomst (vandaag is {dmy(vandaag)})")
    if periode_van is not None and periode_tot is not None and periode_tot < periode_van:
        fout("periode_tot", f"{dmy(periode_tot)} ligt vóór het begin van de periode ({dmy(periode_van)})")
    for veld, n in (("aantal", aantal), ("afgehandeld", afgehandeld)):
        if n is None:
            continue
        if n < 0:
            fout(veld, f"{n} is negatief; vul 0 tot en met {getal(MAX_AANTAL)} in")
        elif n > MAX_AANTAL:
            fout(veld, f"{getal(n)} is meer dan het maximum van {getal(MAX_AANTAL)}")
    if aantal is not None and afgehandeld is not None and 0 <= aantal < afgehandeld <= MAX_AANTAL:
        fout("afgehandeld", f"{afgehandeld} afgehandeld is meer dan het aantal ({aantal})")
    if terrein is not None and terrein.werkgroep_id != werkgroep.pk:
        fout("terrein", "dit bedrijventerrein hoort niet bij deze werkgroep")
    return fouten


def sleutel(*, bron, soort, categorie, periode_van, periode_tot, deelgebied, terrein_id, gebiedscode="") -> tuple:
    """What makes two figures "the same figure" (the category ignoring case and extra spaces; a
    neighbourhood's figure is another figure than the same count of the next neighbourhood)."""
    return (
        bron,
        soort,
        schone_categorie(categorie).casefold(),
        periode_van,
        periode_tot,
        deelgebied,
        terrein_id,
        gebiedscode or "",
    )


def sleutel_van(cijfer: Cijfer) -> tuple:
    return sleutel(
        bron=cijfer.bron,
        soort=cijfer.soort,
        categorie=cijfer.categorie,
        periode_van=cijfer.periode_van,
        periode_tot=cijfer.periode_tot,
        deelgebied=cijfer.deelgebied,
        terrein_id=cijfer.terrein_id,
        gebiedscode=cijfer.gebiedscode,
    )
