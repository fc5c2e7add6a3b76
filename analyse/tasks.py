"""The survey's tasks (§4.1.1): invitations and reminders by e-mail. The work is in
``analyse.services.verzending`` (how each mail is sent exactly once: read its docstring).

Retries: both sending tasks retry transient errors (the mail server, the network, the database;
``kvo.tasks.MAIL_FOUTEN``) with backoff. That is safe because of the ledger: an invitation is claimed
(``wacht`` → ``bezig``) and a reminder inserted under the run's claim id before its mail goes out, so
a second run sends only what no run has claimed yet, never a mail twice.
"""

from __future__ import annotations

from celery import shared_task

from analyse.services.verzending import herinneringen_verstuur, herinneringsrondes_verschuldigd, uitnodigingen_verstuur
from kvo.tasks import MAIL_FOUTEN, OPNIEUW, WerkgroepTask


@shared_task(base=WerkgroepTask, bind=True, max_retries=5, autoretry_for=MAIL_FOUTEN, **OPNIEUW)
def uitnodigingen_versturen(self, *, werkgroep, enquete_id: int) -> dict:
    """Send the waiting invitation mails; retried on transient errors (the claim makes it safe)."""
    return uitnodigingen_verstuur(werkgroep=werkgroep, enquete_id=enquete_id)


@shared_task
def herinneringen_plannen() -> int:
    """Beat job (hourly): queue one task per open survey whose reminder round is due."""
    rondes = herinneringsrondes_verschuldigd()
    for werkgroep_id, enquete_id, ronde in rondes:
        herinneringen_versturen.apply_async(
            kwargs={"werkgroep_id": werkgroep_id, "enquete_id": enquete_id, "ronde": ronde}
        )
    return len(rondes)


@shared_task(base=WerkgroepTask, bind=True, max_retries=5, autoretry_for=MAIL_FOUTEN, **OPNIEUW)
def herinneringen_versturen(self, *, werkgroep, enquete_id: int, ronde: int) -> dict:
    """Send reminder ``ronde``; retried on transient errors (the ledger's unique row makes it safe)."""
    return herinneringen_verstuur(werkgroep=werkgroep, enquete_id=enquete_id, ronde=ronde)
