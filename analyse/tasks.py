"""The survey's tasks (§4.1.1): invitations and reminders by e-mail. The work is in
``analyse.services.verzending`` (how each mail is sent exactly once: read its docstring).

Retries: both sending tasks retry transient errors (the mail server, the network, the database;
``kvo.tasks.MAIL_FOUTEN``) with backoff. That is safe because of the ledger: an invitation is claimed
(``wacht`` → ``bezig``) and a reminder inserted under the run's claim id before its mail goes out, so
a second run sends only what no run has claimed yet, never a mail twice.
"""

from __future__ import annotations

from celery import shared_task
from django.db.models import Q
from django.utils import timezone
from django_scopes import scopes_disabled

from analyse.services.verzending import (
    herinneringen_verstuur,
    ronde_in_wachtrij,
    uitnodigingen_verstuur,
    verschuldigde_ronde,
)
from kvo.tasks import MAIL_FOUTEN, OPNIEUW, WerkgroepTask


@shared_task(base=WerkgroepTask, bind=True, max_retries=5, autoretry_for=MAIL_FOUTEN, **OPNIEUW)
def uitnodigingen_versturen(self, *, werkgroep, enquete_id: int) -> dict:
    """Send the waiting invitation mails; retried on transient errors (the claim makes it safe)."""
    return uitnodigingen_verstuur(werkgroep=werkgroep, enquete_id=enquete_id)


@shared_task
def herinneringen_plannen() -> int:
    """Beat job (hourly): queue one task per open survey whose reminder round is due."""
    from analyse.models import Enquete

    vandaag = timezone.localdate()
    aantal = 0
    with scopes_disabled():
        open_ = Enquete.objects.filter(geopend_op__isnull=False, werkgroep__status="actief").filter(
            Q(gesloten_op__isnull=True) | Q(gesloten_op__gte=vandaag)
        )
        for enquete in open_.only("pk", "werkgroep_id", "geopend_op", "gesloten_op", "herinnering_dagen"):
            if ronde := verschuldigde_ronde(enquete, vandaag):
                ronde_in_wachtrij(enquete, ronde)
                herinneringen_versturen.apply_async(
                    kwargs={"werkgroep_id": enquete.werkgroep_id, "enquete_id": enquete.pk, "ronde": ronde}
                )
                aantal += 1
    return aantal


@shared_task(base=WerkgroepTask, bind=True, max_retries=5, autoretry_for=MAIL_FOUTEN, **OPNIEUW)
def herinneringen_versturen(self, *, werkgroep, enquete_id: int, ronde: int) -> dict:
    """Send reminder ``ronde``; retried on transient errors (the ledger's unique row makes it safe)."""
    return herinneringen_verstuur(werkgroep=werkgroep, enquete_id=enquete_id, ronde=ronde)
