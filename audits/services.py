"""Writes for audits: an auditor's time-limited, read-only access to one audit's document set."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from guardian.shortcuts import assign_perm, remove_perm

from audits.models import Audit, AuditorToegang
from werkgroepen.logboek import log_actie


@transaction.atomic
def auditor_geef_toegang(*, actor, audit: Audit, email: str, dagen: int | None = None) -> AuditorToegang:
    """Give the auditor with ``email`` read access to ``audit``'s document set for ``dagen`` days.

    The grant is a django-guardian object permission ``audits.view_audit``; the row records its
    time limit, which the beat job ``auditor_toegang_trek_verlopen_in`` enforces by withdrawing it.
    """
    dagen = dagen or settings.KVO_AUDITOR_TOEGANG_DAGEN
    if not 1 <= dagen <= 90:
        raise ValidationError("Kies een termijn van 1 tot en met 90 dagen.")
    email = email.strip().lower()
    if not email:
        raise ValidationError("Vul het e-mailadres van de auditor in.")
    user, _ = get_user_model().objects.get_or_create(email=email)
    assign_perm("audits.view_audit", user, audit)
    toegang = AuditorToegang.objects.create(
        audit=audit, user=user, geldig_tot=timezone.now() + dt.timedelta(days=dagen), verleend_door=actor
    )
    log_actie(
        werkgroep=audit.werkgroep,
        actor=actor,
        actie="auditor.toegang",
        omschrijving=f"Auditor {email} kreeg leestoegang tot de documentenset tot {toegang.geldig_tot:%d-%m-%Y}",
        audit=audit.pk,
    )
    return toegang


@transaction.atomic
def auditor_trek_toegang_in(*, actor, toegang: AuditorToegang) -> None:
    remove_perm("audits.view_audit", toegang.user, toegang.audit)
    toegang.ingetrokken_op = timezone.now()
    toegang.save(update_fields=["ingetrokken_op"])
    log_actie(
        werkgroep=toegang.audit.werkgroep,
        actor=actor,
        actie="auditor.ingetrokken",
        omschrijving=f"Leestoegang van auditor {toegang.user.email} ingetrokken",
        audit=toegang.audit_id,
    )
