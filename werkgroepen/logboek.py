"""Recording who did what: every service that writes calls ``log_actie`` inside its transaction."""

from __future__ import annotations

import logging

from kvo.na_commit import toets_na_wijziging
from werkgroepen.models import Logregel

log = logging.getLogger("kvo.logboek")


def log_actie(*, werkgroep, actor, actie: str, omschrijving: str, wijziging: bool = True, **gegevens) -> Logregel:
    """Write one line to the work group's log (and to the server log).

    ``actie`` is a stable machine key (``"lid.beeindigd"``); ``omschrijving`` the Dutch sentence a
    person reads; ``gegevens`` small JSON-safe facts (ids, counts, dates as strings). A change (the
    default ``wijziging``; not a logged read such as an auditor's visit) refreshes the stored
    readiness figure once the transaction commits.
    """
    user = actor if getattr(actor, "is_authenticated", False) else None
    regel = Logregel.objects.create(
        werkgroep=werkgroep, actor=user, actie=actie, omschrijving=omschrijving[:500], gegevens=gegevens
    )
    log.info("[%s] %s: %s (%s)", werkgroep.slug, actie, omschrijving, actor)
    if wijziging:
        toets_na_wijziging(werkgroep.pk)  # the stored readiness figure follows the change (after commit)
    return regel


def log_naam_vervangen(*, werkgroep_id: int, naam: str, door: str) -> int:
    """Replace a person's name in the group's log lines by ``door`` (an erased person, AVG): the line
    keeps what happened, not who. Returns the number of lines changed."""
    from kvo.avg import vervang_naam

    aantal = 0
    for regel in Logregel.objects.filter(werkgroep=werkgroep_id, omschrijving__icontains=naam):
        regel.omschrijving = vervang_naam(regel.omschrijving, naam, door)
        regel.save(update_fields=["omschrijving"])
        aantal += 1
    return aantal
