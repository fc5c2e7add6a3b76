"""Sending tasks once a transaction commits, by the task or its registered name.

Kept apart from ``kvo.tasks`` so that what queues work (the log, ``werkgroepen.logboek``; services)
imports no task module: a task imports its service, never the other way round
(``tests/kvo/test_importkringen.py``)."""

from __future__ import annotations

from celery import Task
from django.db import transaction


def _sleutel(task, kwargs: dict) -> tuple:
    return (task if isinstance(task, str) else task.name, repr(sorted(kwargs.items())))


def _taak(task) -> Task:
    """The task itself, also when given by its registered name (looked up when it is sent)."""
    if isinstance(task, str):
        from celery import current_app

        return current_app.tasks[task]
    return task


def _al_gepland(sleutel: tuple) -> bool:
    """Whether the current transaction already sends this task with these arguments on commit."""
    verbinding = transaction.get_connection()
    return verbinding.in_atomic_block and any(
        getattr(functie, "kvo_taak", None) == sleutel and not functie.verstuurd
        for _, functie, _ in verbinding.run_on_commit
    )


def enqueue_na_commit(task: Task | str, *, robuust: bool = False, **kwargs) -> None:
    """Send ``task`` (the task or its registered name) once the transaction commits; the same task
    with the same arguments only once per transaction, however often a service asks. ``robuust``: a
    failure to send is logged, never raised into the request whose transaction has already committed."""
    sleutel = _sleutel(task, kwargs)
    if _al_gepland(sleutel):
        return

    def versturen():
        versturen.verstuurd = True  # (a test's captured callbacks stay in the list after they ran)
        _taak(task).apply_async(kwargs=kwargs)

    versturen.kvo_taak, versturen.verstuurd = sleutel, False
    transaction.on_commit(versturen, robust=robuust)


def toets_na_wijziging(werkgroep_id: int) -> None:
    """Refresh the stored readiness figure (``Werkgroep.toets_stand``, the portfolio's bar, today's
    history row) once the change commits: ``log_actie`` calls this for every change a service makes,
    so the figure follows the data instead of waiting for the night (the nightly run stays, for
    rules that move with the date). Once per work group and transaction."""
    enqueue_na_commit("kvo.tasks.werkgroep_toets_bijwerken", robuust=True, werkgroep_id=werkgroep_id)
