"""Tasks of the document set (rendered by a worker that is recycled after each render).

The render runs on its own queue, ``pdf`` (``CELERY_TASK_ROUTES`` in settings), served by a worker
whose processes are recycled after every task (``--max-tasks-per-child=1`` in docker-compose):
WeasyPrint's memory is returned after every set. A busy installation gives ``pdf`` a worker of its
own (``celery -A kvo worker -Q pdf --max-tasks-per-child=1 --concurrency=1``), so a long render
never holds up the survey's mail.

Worker faults: the task is acknowledged only once it has finished (``CELERY_TASK_ACKS_LATE``). A
worker killed as a whole (deploy, machine lost) leaves it unacknowledged, and Redis gives it to the
next worker after the visibility timeout; that worker renders the same row again, so there is
still one set, never a second one. A pool process killed on its own (the kernel's OOM killer on a
large set) is reported by its parent as lost and the task is not tried again, on purpose: the same
set would only run out of memory again. Its row shows "vastgelopen" after ``VASTGELOPEN_NA`` and a
member makes a new set, which closes the old row (``documentenset_maak``).
"""

from __future__ import annotations

import logging

from celery import shared_task
from django.db import OperationalError

from kvo.tasks import WerkgroepTask

__all__ = ["documentenset_ontvangstbewijs_sturen", "documentenset_renderen"]

logger = logging.getLogger(__name__)


@shared_task(base=WerkgroepTask, bind=True, max_retries=3, default_retry_delay=30)  # queue "pdf": settings
def documentenset_renderen(self, *, werkgroep, documentenset_id: int) -> dict:
    """Render one document set; a lost database connection is retried, every other error is recorded on the row."""
    from audits.documentenset.services import documentenset_render
    from audits.models import Documentenset

    if (self.request.delivery_info or {}).get("redelivered"):
        logger.warning("documentenset %s opnieuw afgeleverd: de vorige worker stopte halverwege", documentenset_id)
    try:
        documentenset = Documentenset.objects.select_related("audit__werkgroep", "audit__cyclus").get(
            pk=documentenset_id, audit__werkgroep=werkgroep
        )
        documentenset = documentenset_render(documentenset=documentenset)
    except OperationalError as fout:
        raise self.retry(exc=fout) from fout
    return {"status": documentenset.status, "paginas": documentenset.paginas, "sha256": documentenset.sha256}


@shared_task(base=WerkgroepTask, bind=True, max_retries=5, default_retry_delay=120)
def documentenset_ontvangstbewijs_sturen(self, *, werkgroep, documentenset_id: int) -> bool:
    """Mail the certification body the receipt of a delivered set (queued when the delivery commits).
    A failed send (the mail server, the database) is retried; the row's claim makes it go out once."""
    from audits.documentenset.services import documentenset_verstuur_ontvangstbewijs
    from audits.models import Documentenset

    documentenset = Documentenset.objects.get(pk=documentenset_id, audit__werkgroep=werkgroep)
    try:
        return documentenset_verstuur_ontvangstbewijs(documentenset=documentenset)
    except (OSError, OperationalError) as fout:  # smtplib's errors are OSErrors
        raise self.retry(exc=fout) from fout
