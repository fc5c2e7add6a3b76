"""The audits' beat jobs; the work is in the services they call.

Retries: ``audit_herinneringen`` retries transient errors (mail server, network, database) with
backoff: every reminder is claimed by its date field before it goes out, so a second run sends only
what no run has claimed. ``auditor_toegang_trek_verlopen_in`` retries a lost database connection:
withdrawing a grant that is already withdrawn finds nothing to do.
"""

import datetime as dt

from celery import shared_task

from audits.documentenset.tasks import *  # noqa: F403  (Celery finds the document set's tasks here)
from audits.services import auditor_trek_verlopen_toegangen_in
from audits.services_herinneringen import audit_herinneringen_verstuur
from kvo.tasks import DATABASE_FOUTEN, MAIL_FOUTEN, OPNIEUW


@shared_task(bind=True, max_retries=3, autoretry_for=DATABASE_FOUTEN, **OPNIEUW)
def auditor_toegang_trek_verlopen_in(self) -> int:
    """Beat job: withdraw both halves of every auditor grant whose time limit has passed."""
    return auditor_trek_verlopen_toegangen_in()


@shared_task(bind=True, max_retries=3, autoretry_for=MAIL_FOUTEN, **OPNIEUW)
def audit_herinneringen(self, vandaag: str | None = None) -> dict:
    """Beat job (daily): the delivery deadline's and the certificate's reminders."""
    return audit_herinneringen_verstuur(datum=dt.date.fromisoformat(vandaag) if vandaag else None)
