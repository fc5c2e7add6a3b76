"""A PVO group moves to KVO-B (issue 23): a new cycle under KVO-B 4.0 that starts from what the
group has. The area, the parties and the members belong to the group and stay; the new cycle is a
first certification, and the later steps listen to ``cyclus_gestart``: ``aanpak`` carries the
execution plan forward (goals and the actions not done, ``Plan.vernieuwd_van``), ``analyse``
copies the figures and prepares the KVO survey (``analyse.apps``). The PVO cycles keep their own
scheme (``Cyclus.handboek``) and rules; from the new cycle on the KVO rules answer.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from kvo.regelingen import KVO, regeling_van
from werkgroepen.logboek import log_actie
from werkgroepen.models import Cyclus, Werkgroep
from werkgroepen.services.administratie import cyclus_start
from werkgroepen.services.pvo import werkgroep_kies_regeling


@transaction.atomic
def werkgroep_zet_om_naar_kvo(*, actor, werkgroep: Werkgroep, start: dt.date) -> Cyclus:
    """Switch ``werkgroep`` from PVO to KVO-B 4.0 and start its first KVO cycle on ``start``."""
    werkgroep = Werkgroep.objects.select_for_update().get(pk=werkgroep.pk)
    if not regeling_van(werkgroep).heeft_waardering:
        raise ValidationError("Deze werkgroep werkt al volgens KVO-B 4.0.")
    if not werkgroep.is_actief:
        raise ValidationError(werkgroep.status_uitleg)
    vorige = regeling_van(werkgroep)
    werkgroep_kies_regeling(actor=actor, werkgroep=werkgroep, handboek=KVO)
    cyclus = cyclus_start(actor=actor, werkgroep=werkgroep, start=start, soort=Cyclus.Soort.EERSTE, handboek=KVO)
    log_actie(
        werkgroep=werkgroep,
        actor=actor,
        actie="werkgroep.regeling",
        omschrijving=f"Overgestapt van {vorige.naam} naar KVO-B 4.0: cyclus {cyclus.nummer} "
        f"gestart op {start:%d-%m-%Y}",
    )
    return cyclus
