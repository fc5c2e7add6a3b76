"""The base task class and the work-group tasks of the core.

Tasks take ids, not objects. ``WerkgroepTask`` loads the work group, enters its scope, and
passes the work group to the task body; ``enqueue_na_commit`` sends a task only once the
transaction that made it necessary has committed.
"""

from __future__ import annotations

import logging

from celery import Task, shared_task
from django.db import transaction
from django.utils import timezone
from django_scopes import scope

from kvo import versie

logger = logging.getLogger(__name__)


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
                return super().__call__(*args, werkgroep=werkgroep, **kwargs)
        finally:
            logcontext.werkgroep.reset(token)


def _sleutel(task, kwargs: dict) -> tuple:
    return (task.name, repr(sorted(kwargs.items())))


def _al_gepland(sleutel: tuple) -> bool:
    """Whether the current transaction already sends this task with these arguments on commit."""
    verbinding = transaction.get_connection()
    return verbinding.in_atomic_block and any(
        getattr(functie, "kvo_taak", None) == sleutel and not functie.verstuurd
        for _, functie, _ in verbinding.run_on_commit
    )


def enqueue_na_commit(task, *, robuust: bool = False, **kwargs) -> None:
    """Send ``task`` once the transaction commits; the same task with the same arguments only once
    per transaction, however often a service asks. ``robuust``: a failure to send is logged, never
    raised into the request whose transaction has already committed."""
    sleutel = _sleutel(task, kwargs)
    if _al_gepland(sleutel):
        return

    def versturen():
        versturen.verstuurd = True  # (a test's captured callbacks stay in the list after they ran)
        task.apply_async(kwargs=kwargs)

    versturen.kvo_taak, versturen.verstuurd = sleutel, False
    transaction.on_commit(versturen, robust=robuust)


def toets_na_wijziging(werkgroep_id: int) -> None:
    """Refresh the stored readiness figure (``Werkgroep.toets_stand``, the portfolio's bar, today's
    history row) once the change commits: ``log_actie`` calls this for every change a service makes,
    so the figure follows the data instead of waiting for the night (the nightly run stays, for
    rules that move with the date). Once per work group and transaction."""
    enqueue_na_commit(werkgroep_toets_bijwerken, robuust=True, werkgroep_id=werkgroep_id)


@shared_task(base=WerkgroepTask, bind=True, max_retries=3, default_retry_delay=30)
def werkgroep_toets_bijwerken(self, *, werkgroep) -> dict:
    """Recompute the readiness snapshot shown on the facilitator's overview, and today's row of
    the readiness history (one per day: a second run the same day updates it)."""
    from kvo.toets import telling, voer_toets_uit
    from werkgroepen.models import ToetsHistorie

    resultaten = voer_toets_uit(werkgroep)
    stand = {status.value: n for status, n in telling(resultaten).items()}
    stand["totaal"] = len(resultaten)
    with transaction.atomic(), versie.boekhouding():  # a figure computed from the data, not a change of it
        werkgroep.toets_stand = stand
        werkgroep.toets_berekend_op = timezone.now()
        # update(), not save(): a computed snapshot, not a change for the work group's history
        type(werkgroep).objects.filter(pk=werkgroep.pk).update(
            toets_stand=stand, toets_berekend_op=werkgroep.toets_berekend_op
        )
        ToetsHistorie.objects.update_or_create(
            werkgroep=werkgroep,
            datum=timezone.localdate(),
            defaults={s: stand[s] for s in ("voldaan", "niet_voldaan", "open", "nvt")},
        )
    return stand


@shared_task
def alle_toetsen_bijwerken() -> int:
    """Beat job: refresh every work group's snapshot (dates move on even when data does not)."""
    from werkgroepen.models import Werkgroep

    ids = list(Werkgroep.objects.values_list("pk", flat=True))
    for pk in ids:
        werkgroep_toets_bijwerken.apply_async(kwargs={"werkgroep_id": pk})
    return len(ids)
