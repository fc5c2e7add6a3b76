"""The weekly "Mijn acties" mail (Celery beat, Monday morning); the work is
``aanpak.services.weekmail.weekmail_verstuur``.

``weekoverzichten_plannen`` queues one task per work group with a plan; ``weekoverzicht_versturen``
sends one group's week (the ledger that keeps it to one mail per member and week: the service).

Retries: ``weekoverzicht_versturen`` retries transient errors (mail server, network, database) with
backoff; the week's ledger row per member makes a second run send only to members no run has
claimed yet.
"""

from __future__ import annotations

import datetime as dt

from celery import shared_task

from aanpak.services.weekmail import weekmail_verstuur, weekmail_werkgroepen
from kvo.tasks import MAIL_FOUTEN, OPNIEUW, WerkgroepTask


@shared_task
def weekoverzichten_plannen() -> int:
    """Beat job: queue the weekly mail for every active work group that has a plan."""
    werkgroepen = weekmail_werkgroepen()
    for pk in werkgroepen:
        weekoverzicht_versturen.apply_async(kwargs={"werkgroep_id": pk})
    return len(werkgroepen)


@shared_task(base=WerkgroepTask, bind=True, max_retries=3, autoretry_for=MAIL_FOUTEN, **OPNIEUW)
def weekoverzicht_versturen(self, *, werkgroep, vandaag: str | None = None) -> dict:
    """The week's mail of one work group; retried on transient errors (the ledger makes it safe)."""
    return weekmail_verstuur(werkgroep=werkgroep, datum=dt.date.fromisoformat(vandaag) if vandaag else None)
