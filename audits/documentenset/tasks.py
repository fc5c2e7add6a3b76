"""Tasks of the document set (rendered by a worker that is recycled after each render).

The render runs on its own queue, ``pdf`` (``CELERY_TASK_ROUTES`` in settings), served by a worker
whose processes are recycled after every task (``--max-tasks-per-child=1`` in docker-compose):
WeasyPrint's memory is returned after every set. A busy installation gives ``pdf`` a worker of its
own (``celery -A kvo worker -Q pdf --max-tasks-per-child=1 --concurrency=1``), so a long render
never holds up the survey's mail.
"""

from __future__ import annotations

from celery import shared_task
from django.db import OperationalError

from kvo.tasks import WerkgroepTask

__all__ = ["documentenset_renderen"]


@shared_task(base=WerkgroepTask, bind=True, max_retries=3, default_retry_delay=30)  # queue "pdf": settings
def documentenset_renderen(self, *, werkgroep, documentenset_id: int) -> dict:
    """Render one document set; a lost database connection is retried, every other error is recorded on the row."""
    from audits.documentenset.services import documentenset_render
    from audits.models import Documentenset

    try:
        documentenset = Documentenset.objects.select_related("audit__werkgroep", "audit__cyclus").get(
            pk=documentenset_id, audit__werkgroep=werkgroep
        )
        documentenset = documentenset_render(documentenset=documentenset)
    except OperationalError as fout:
        raise self.retry(exc=fout) from fout
    return {"status": documentenset.status, "paginas": documentenset.paginas, "sha256": documentenset.sha256}
