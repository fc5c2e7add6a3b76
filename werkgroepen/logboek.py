"""Recording who did what: every service that writes calls ``log_actie`` inside its transaction."""

from __future__ import annotations

import logging

from kvo.tasks import toets_na_wijziging
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
