"""The base task class and the work-group tasks of the core.

Tasks take ids, not objects. ``WerkgroepTask`` loads the work group, enters its scope, and
passes the work group to the task body; ``kvo.na_commit.enqueue_na_commit`` sends a task only once the
transaction that made it necessary has committed.

A task is one line: it calls the service that does the work. Services queue tasks by their
registered name (``enqueue_na_commit("analyse.tasks.uitnodigingen_versturen", ...)``), so a
service module never imports the task module that imports it.

Retries: a task retries only the transient errors below (``autoretry_for``, with exponential
backoff) and only where its ledger makes a second run safe; its docstring says which.
"""

from __future__ import annotations

import itertools
import logging
import smtplib

from celery import Task, shared_task
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone
from django_scopes import scope

from kvo import versie

logger = logging.getLogger(__name__)

#: the database went away for a moment (restart, failover, a dropped connection)
DATABASE_FOUTEN = (OperationalError, InterfaceError)
#: the mail server or the network did not answer or refused for now; with the database's
MAIL_FOUTEN = (smtplib.SMTPException, ConnectionError, TimeoutError, *DATABASE_FOUTEN)
#: the retry settings of a task that may run again: 30 s, 60 s, 120 s, ... up to 10 minutes, with jitter
OPNIEUW = {"retry_backoff": 30, "retry_backoff_max": 600, "retry_jitter": True}


class WerkgroepTask(Task):
    """Re-enter the work group's scope: call with ``werkgroep_id=``; the body gets ``werkgroep``."""

    abstract = True
    typing = False  # callers pass werkgroep_id=, the body receives werkgroep=

    def __call__(self, *args, werkgroep_id: int, **kwargs):
        from kvo import logcontext
        from werkgroepen.models import Werkgroep

        werkgroep = Werkgroep.objects.get(pk=werkgroep_id)
        token = logcontext.werkgroep.set(werkgroep.slug)
        try:
            with scope(werkgroep=werkgroep):
                verzoek = self.request_stack.top
                if verzoek is not None and not verzoek.called_directly:
                    # Run by a worker or apply(): keep the worker's request (its id, retries, delivery_info,
                    # and werkgroep_id for a retry). Task.__call__ would push a bare request over it, as
                    # Celery's tracer avoids by calling run() itself for a task without its own __call__.
                    return self.run(*args, werkgroep=werkgroep, **kwargs)
                return super().__call__(*args, werkgroep=werkgroep, **kwargs)
        finally:
            logcontext.werkgroep.reset(token)


@shared_task(base=WerkgroepTask, bind=True, max_retries=3, autoretry_for=DATABASE_FOUTEN, **OPNIEUW)
def werkgroep_toets_bijwerken(self, *, werkgroep) -> dict:
    """Recompute the readiness snapshot shown on the facilitator's overview, and today's row of
    the readiness history (one per day: a second run the same day updates it).

    Retried on a lost database connection: it computes and overwrites, so a second run is harmless."""
    from kvo.toets import voer_toets_uit

    return _stand_bewaren(werkgroep, voer_toets_uit(werkgroep))


def _stand_bewaren(werkgroep, resultaten) -> dict:
    from kvo.toets import Gereedheid

    stand = Gereedheid.uit(resultaten).als_stand()  # the one readiness figure, with its counts
    with scope(werkgroep=werkgroep), transaction.atomic(), versie.boekhouding():  # computed, not a change
        werkgroep.toets_stand = stand
        werkgroep.toets_berekend_op = timezone.now()
        # update(), not save(): a computed snapshot, not a change for the work group's history
        type(werkgroep).objects.filter(pk=werkgroep.pk).update(
            toets_stand=stand, toets_berekend_op=werkgroep.toets_berekend_op
        )
        historie_vastleggen(werkgroep, stand, timezone.localdate())
    return stand


def historie_vastleggen(werkgroep, stand: dict, datum) -> None:
    """The readiness history's row of ``datum`` (one per day: a second run the same day updates it).
    Computed from the data, not a change of it: the caller writes it inside ``versie.boekhouding()``."""
    from werkgroepen.models import ToetsHistorie

    ToetsHistorie.objects.update_or_create(
        werkgroep=werkgroep, datum=datum, defaults={s: stand[s] for s in ("voldaan", "niet_voldaan", "open", "nvt")}
    )


TOETSEN_PER_TAAK = 100  # work groups per nightly task: one readiness run reads each table once for all


@shared_task
def alle_toetsen_bijwerken() -> int:
    """Beat job: refresh every work group's snapshot (dates move on even when data does not), in
    tasks of up to ``TOETSEN_PER_TAAK`` work groups each."""
    from werkgroepen.models import Werkgroep

    ids = list(Werkgroep.objects.order_by("pk").values_list("pk", flat=True))
    for deel in itertools.batched(ids, TOETSEN_PER_TAAK):
        toetsen_bijwerken.apply_async(kwargs={"werkgroep_ids": list(deel)})
    return len(ids)


@shared_task(bind=True, max_retries=3, autoretry_for=DATABASE_FOUTEN, **OPNIEUW)
def toetsen_bijwerken(self, *, werkgroep_ids: list[int]) -> int:
    """The snapshots of many work groups from one readiness run (``kvo.toets.voer_toetsen_uit``).

    Retried on a lost database connection: it computes and overwrites, so a second run is harmless."""
    from kvo.toets import voer_toetsen_uit
    from werkgroepen.models import Werkgroep

    werkgroepen = list(Werkgroep.objects.filter(pk__in=werkgroep_ids).order_by("pk"))
    per_werkgroep = voer_toetsen_uit(werkgroepen)
    for werkgroep in werkgroepen:
        _stand_bewaren(werkgroep, per_werkgroep[werkgroep.pk])
    return len(werkgroepen)


@shared_task(bind=True, max_retries=3, default_retry_delay=600)
def bewaartermijnen_toepassen(self) -> dict:
    """Beat job: remove or anonymise the personal data that has passed its retention period
    (``kvo.services_avg.bewaartermijnen_pas_toe``, every kind registered in ``kvo.avg``). Safe to
    run twice; a kind that fails is logged and the task retried, the other kinds are done."""
    from kvo.services_avg import bewaartermijnen_pas_toe as toepassen

    try:
        return toepassen().resultaat
    except Exception as fout:
        raise self.retry(exc=fout) from fout
