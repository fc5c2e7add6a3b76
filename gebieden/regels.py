"""The rules of handbook §3.1 and §3.1.1 as plain functions: one source for the services that
refuse a change and the readiness checks (``gebieden/checks.py``) that report on the data."""

from __future__ import annotations

MAX_ONDERNEMERS = 600
MAX_TERREINEN = 4


def gemeente_sleutel(gemeente: str) -> str:
    """Municipalities compare case- and space-insensitively ("Den Haag" == "den  haag")."""
    return " ".join((gemeente or "").split()).casefold()


def gemeenten(namen) -> list[str]:
    """The distinct municipalities among ``namen``, in first-seen spelling and order."""
    gezien: dict[str, str] = {}
    for naam in namen:
        gezien.setdefault(gemeente_sleutel(naam), " ".join((naam or "").split()))
    return list(gezien.values())


def gebied_bezwaren(*, terreinen: list[tuple[str, str]], ondernemers: int, regie: str) -> list[str]:
    """Why an area of ``terreinen`` (name, municipality) would break §3.1.1; empty when it is fine.

    Representation (a member per park) is not here: members join after a park exists, so only
    the readiness check reports it.
    """
    bezwaren = []
    aantal = len(terreinen)
    if aantal > MAX_TERREINEN:
        bezwaren.append(f"Een cluster telt ten hoogste {MAX_TERREINEN} bedrijventerreinen; dit worden er {aantal}.")
    if aantal > 1:
        verschillend = gemeenten(g for _, g in terreinen)
        if len(verschillend) > 1:
            bezwaren.append(
                "Alle terreinen van een cluster liggen in één gemeente; dit worden er "
                f"{len(verschillend)}: {', '.join(verschillend)}."
            )
        if not (regie or "").strip():
            bezwaren.append(
                f"Een cluster van {aantal} terreinen heeft een regie-organisatie nodig "
                "(bijvoorbeeld het parkmanagement of de gemeente). Vul die in."
            )
    if ondernemers > MAX_ONDERNEMERS:
        bezwaren.append(
            f"Het gebied zou {ondernemers} ondernemers tellen, {ondernemers - MAX_ONDERNEMERS} meer dan "
            f"het maximum van {MAX_ONDERNEMERS}."
        )
    return bezwaren


def naam_sleutel(naam: str) -> str:
    """Entrepreneurs and parks compare by name, case- and space-insensitively."""
    return " ".join((naam or "").split()).casefold()
