"""What the demo generators share without importing each other (``genereer.py`` calls ``genereer_pvo.py``,
so the PVO group takes its meetings from here, not from ``genereer.py``); deterministic."""

from __future__ import annotations

import datetime as dt


def bijeenkomst(
    ref: str,
    datum: dt.date,
    aanwezigen: list[str],
    onderwerpen: list[str],
    besluiten: list[str],
    soort: str = "werkgroep",
) -> dict:
    agenda = "\n".join(
        [f"1. Opening en vaststellen agenda {datum:%d-%m-%Y}", "2. Notulen vorige bijeenkomst en actielijst"]
        + [f"{i + 3}. {o}" for i, o in enumerate(onderwerpen)]
        + [f"{len(onderwerpen) + 3}. Rondvraag en sluiting"]
    )
    notulen = (
        f"Aanwezig: {len(aanwezigen)} leden. De voorzitter opent de vergadering. De notulen van de vorige "
        "bijeenkomst worden ongewijzigd vastgesteld. "
        + " ".join(f"{o}: besproken, zie besluiten en actielijst." for o in onderwerpen)
        + " Geen rondvraag. De voorzitter sluit de vergadering."
    )
    item = {"ref": ref, "datum": datum.isoformat()}
    if soort != "werkgroep":
        item["soort"] = soort
    item.update({"aanwezigen": aanwezigen, "agenda": agenda, "notulen": notulen})
    if besluiten:
        item["besluiten"] = besluiten
    return item
