from celery import shared_task
from django.utils import timezone
from django_scopes import scopes_disabled
from guardian.shortcuts import remove_perm

from audits.documentenset.tasks import *  # noqa: F403  (Celery finds the document set's tasks here)


@shared_task
def auditor_toegang_trek_verlopen_in() -> int:
    """Beat job: withdraw the guardian grant of every auditor whose time limit has passed."""
    from audits.models import AuditorToegang
    from werkgroepen.logboek import log_actie

    nu = timezone.now()
    with scopes_disabled():
        verlopen = list(
            AuditorToegang.objects.filter(geldig_tot__lte=nu, ingetrokken_op__isnull=True).select_related(
                "audit__werkgroep", "user"
            )
        )
        for toegang in verlopen:
            remove_perm("audits.view_audit", toegang.user, toegang.audit)
            toegang.ingetrokken_op = nu
            toegang.save(update_fields=["ingetrokken_op"])
            log_actie(
                werkgroep=toegang.audit.werkgroep,
                actor=None,
                actie="auditor.verlopen",
                omschrijving=f"Leestoegang van auditor {toegang.user.email} verlopen en ingetrokken",
                audit=toegang.audit_id,
            )
    return len(verlopen)
