"""Pure rules of the audit and the certificate (§5–§7), shared by the forms, pages and checks."""

from __future__ import annotations

import calendar
import datetime as dt

AANLEVERING_DAGEN = 14  # the document set at least 14 days before the audit (§5.2.1)
RAPPORT_DAGEN = 14  # the report within 2 weeks after the audit (§6.4)
AANVULLING_MAANDEN = 2  # supplements within 2 months after a deviation (§6.3)
BEOORDELING_MAANDEN = 1  # the body decides within 1 month after the supplement (§6.3)
GELDIG_JAREN = 3  # a certificate is valid three years (§7.2)
UREN = {1: 8, 2: 10, 3: 11, 4: 12}  # minimum audit time by number of parks (§6.3.1)


def minimum_uren(terreinen: int) -> int:
    """8 h for one park, 10 / 11 / 12 h for a cluster of 2 / 3 / 4 (more than 4 is not a valid cluster)."""
    return UREN[min(max(terreinen, 1), 4)]


def plus_maanden(datum: dt.date, maanden: int) -> dt.date:
    """The same day ``maanden`` later; the month's last day where that day does not exist (31 → 30)."""
    maand = datum.month - 1 + maanden
    jaar, maand = datum.year + maand // 12, maand % 12 + 1
    return dt.date(jaar, maand, min(datum.day, calendar.monthrange(jaar, maand)[1]))


def verklaring(ci: str, naam: str) -> str:
    """The declaration text of the certificate (§7.2, ``certificaat.inhoud``)."""
    return (
        f"{ci} verklaart dat het KVO-samenwerkingsverband {naam} voldoet aan de eisen van het "
        "KVO Handboek Bedrijventerreinen, versie 4.0"
    )


# The two fixed texts on a certificate about its status and ownership (§7.2).
STATUSTEKST = (
    "Dit certificaat is geldig zolang het samenwerkingsverband aan de eisen van het KVO Handboek "
    "Bedrijventerreinen blijft voldoen; de geldigheid is na te gaan bij de certificatie-instelling."
)
EIGENDOMSTEKST = (
    "Dit certificaat blijft eigendom van de certificatie-instelling en wordt bij schorsing of intrekking teruggegeven."
)
