"""The work group's life: active, paused, ended, removed.

- paused (``werkgroep_pauzeer``): read-only for everyone until the facilitator or staff resumes it
  (``werkgroep_hervat``); scheduled mails skip it;
- ended (``werkgroep_beeindig``): the certificate lapses, the group stays readable for its
  retention period (``BEWAARTERMIJN_JAREN``);
- removed (``werkgroep_verwijder``): staff only, an ended group, after a full export, when the
  retention period has passed or on an explicit request; a ``kvo.VerwijderdeWerkgroep`` row with the
  export's SHA-256 records that it happened, and the tenant's rows go.

Who may: ``Actie.LEVENSLOOP`` (facilitator, staff) and ``Actie.VERWIJDEREN`` (staff) in
``kvo.permissions``. Reading and writing while paused or ended is enforced by the middleware.
"""

from __future__ import annotations

import hashlib
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from kvo.permissions import Actie, mag
from werkgroepen.logboek import log_actie
from werkgroepen.models import Werkgroep

log = logging.getLogger("kvo.werkgroepen")
Status = Werkgroep.Status


def _rollen(actor, werkgroep: Werkgroep):
    from kvo.tenancy import toegang_voor

    return toegang_voor(actor, werkgroep).rollen


def _vereist(actor, werkgroep: Werkgroep, actie: Actie) -> None:
    if not mag(_rollen(actor, werkgroep), actie):
        raise PermissionDenied("Alleen de procesbegeleider of een beheerder kan de status van de werkgroep wijzigen.")


def _zet(*, actor, werkgroep: Werkgroep, van: set[str], naar: str, reden: str, actie: str, tekst: str) -> Werkgroep:
    _vereist(actor, werkgroep, Actie.LEVENSLOOP)
    with transaction.atomic():
        werkgroep = Werkgroep.objects.select_for_update().get(pk=werkgroep.pk)
        if werkgroep.status not in van:
            raise ValidationError(f"De werkgroep is {werkgroep.get_status_display()}; dat kan nu niet.")
        oud = werkgroep.get_status_display()
        werkgroep.status = naar
        werkgroep.status_sinds = timezone.localdate()
        werkgroep.status_reden = " ".join((reden or "").split())[:300]
        werkgroep.save(update_fields=["status", "status_sinds", "status_reden"])
        with scope(werkgroep=werkgroep):
            log_actie(
                werkgroep=werkgroep,
                actor=actor,
                actie=actie,
                omschrijving=f"{tekst}{f': {werkgroep.status_reden}' if werkgroep.status_reden else ''}",
                van=oud,
                naar=werkgroep.get_status_display(),
            )
    return werkgroep


def werkgroep_pauzeer(*, actor, werkgroep: Werkgroep, reden: str = "") -> Werkgroep:
    return _zet(
        actor=actor,
        werkgroep=werkgroep,
        van={Status.ACTIEF},
        naar=Status.GEPAUZEERD,
        reden=reden,
        actie="werkgroep.gepauzeerd",
        tekst="Werkgroep gepauzeerd",
    )


def werkgroep_hervat(*, actor, werkgroep: Werkgroep, reden: str = "") -> Werkgroep:
    return _zet(
        actor=actor,
        werkgroep=werkgroep,
        van={Status.GEPAUZEERD},
        naar=Status.ACTIEF,
        reden=reden,
        actie="werkgroep.hervat",
        tekst="Werkgroep hervat",
    )


def werkgroep_beeindig(*, actor, werkgroep: Werkgroep, reden: str = "") -> Werkgroep:
    return _zet(
        actor=actor,
        werkgroep=werkgroep,
        van={Status.ACTIEF, Status.GEPAUZEERD},
        naar=Status.BEEINDIGD,
        reden=reden,
        actie="werkgroep.beeindigd",
        tekst="Werkgroep beëindigd; het certificaat is vervallen",
    )


def verwijderen_blokkades(werkgroep: Werkgroep, *, op_verzoek: bool, vandaag=None) -> list[str]:
    """Why the work group may not be removed now (empty: it may)."""
    vandaag = vandaag or timezone.localdate()
    if werkgroep.status != Status.BEEINDIGD:
        return ["Beëindig de werkgroep eerst; alleen een beëindigde werkgroep kan worden verwijderd."]
    if not op_verzoek and werkgroep.bewaren_tot and werkgroep.bewaren_tot > vandaag:
        return [
            f"De bewaartermijn loopt tot {werkgroep.bewaren_tot:%d-%m-%Y}; verwijder eerder alleen op "
            "uitdrukkelijk verzoek (met de reden)."
        ]
    from kvo.toegang import vervanging_blokkades

    return vervanging_blokkades(werkgroep)  # e.g. an auditor who still has access


def werkgroep_verwijder(
    *, actor, werkgroep: Werkgroep, export: bytes, export_bestandsnaam: str = "", reden: str, op_verzoek: bool = False
):
    """Remove an ended work group whose full export (``export``, the dossier as written) was made.

    Leaves a ``VerwijderdeWerkgroep`` row (name, slug, when, by whom, why, the export's SHA-256)
    and deletes every row of the tenant, in one transaction.
    """
    from kvo.dossier.registry import onderdelen
    from kvo.models import VerwijderdeWerkgroep

    if not getattr(actor, "is_staff", False):
        raise PermissionDenied("Alleen een beheerder van KVO Werkplaats kan een werkgroep verwijderen.")
    reden = " ".join((reden or "").split())
    if not reden:
        raise ValidationError("Vul de reden van de verwijdering in (verzoek of verstreken bewaartermijn).")
    if not export:
        raise ValidationError("Maak eerst een volledige export van de werkgroep.")
    problemen = verwijderen_blokkades(werkgroep, op_verzoek=op_verzoek)
    if problemen:
        raise ValidationError(problemen)
    sha256 = hashlib.sha256(export).hexdigest()
    with transaction.atomic(), scopes_disabled():
        spoor = VerwijderdeWerkgroep.objects.create(
            naam=werkgroep.naam,
            slug=werkgroep.slug,
            verwijderd_op=timezone.now(),
            verwijderd_door=actor,
            door_naam=str(actor),
            reden=reden[:300],
            export_sha256=sha256,
            export_bestandsnaam=export_bestandsnaam[:200],
        )
        with scope(werkgroep=werkgroep):
            for onderdeel in reversed(onderdelen()):
                if onderdeel.verwijder:
                    onderdeel.verwijder(werkgroep)
            werkgroep.delete()
    log.info("werkgroep %s verwijderd door %s (export %s)", spoor.slug, actor, sha256)
    return spoor
