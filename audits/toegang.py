"""The auditor's grant as a source of access for the core (``kvo.toegang``).

A grant holds while both parts hold: the django-guardian object permission ``audits.view_audit``
on the audit, and an ``AuditorToegang`` row that has neither expired nor been withdrawn. The
tenancy core, the home page, the auditor portal and the dossier import all ask here.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone
from django_scopes import scopes_disabled
from guardian.shortcuts import get_objects_for_user

from audits.models import Audit, AuditorToegang
from kvo.permissions import Rol
from kvo.toegang import Toegangsbron, toegangsbron


def geldige_rijen(*, user=None, werkgroep=None) -> QuerySet[AuditorToegang]:
    """Grant rows valid now (not expired, not withdrawn), optionally of one user or work group.

    Built with scopes disabled: callers filter by user or work group themselves.
    """
    with scopes_disabled():
        rijen = AuditorToegang.objects.filter(geldig_tot__gt=timezone.now(), ingetrokken_op__isnull=True)
        if user is not None:
            rijen = rijen.filter(user=user)
        if werkgroep is not None:
            rijen = rijen.filter(audit__werkgroep=werkgroep)
        return rijen


def geldige_audits(user, *, werkgroep=None, audit_id: int | None = None) -> QuerySet[Audit]:
    """The audits ``user`` may see now, as a query: a valid row (one query, here) and the guardian
    permission (in the query returned; scopes disabled, the caller filters)."""
    if not user.is_authenticated:
        return Audit.objects.none()
    rijen = geldige_rijen(user=user, werkgroep=werkgroep)
    if audit_id is not None:
        rijen = rijen.filter(audit_id=audit_id)
    geldig = set(rijen.values_list("audit_id", flat=True))
    if not geldig:
        return Audit.objects.none()
    with scopes_disabled():
        return get_objects_for_user(
            user, "audits.view_audit", klass=Audit.objects.filter(pk__in=geldig), accept_global_perms=False
        )


def geldige_audit_ids(user, *, werkgroep=None, audit_id: int | None = None) -> frozenset[int]:
    """The ids of ``geldige_audits`` (two queries)."""
    audits = geldige_audits(user, werkgroep=werkgroep, audit_id=audit_id)
    with scopes_disabled():
        return frozenset(audits.values_list("pk", flat=True))


@toegangsbron
class AuditorBron(Toegangsbron):
    naam = "auditor"
    rol = Rol.AUDITOR
    portaal = "portaal:overzicht"

    def object_ids(self, user, werkgroep) -> frozenset[int]:
        return geldige_audit_ids(user, werkgroep=werkgroep)

    def werkgroep_ids(self, user) -> QuerySet:
        return geldige_rijen(user=user).values("audit__werkgroep_id")

    def blokkades(self, werkgroep) -> list[str]:
        rijen = geldige_rijen(werkgroep=werkgroep).select_related("user", "audit").order_by("geldig_tot", "pk")
        with scopes_disabled():
            return [
                f"werkgroep.slug: auditor {rij.user.email} heeft leestoegang tot de audit "
                f"{rij.audit} tot {timezone.localtime(rij.geldig_tot):%d-%m-%Y %H:%M}; vervangen zou die "
                "toegang stilzwijgend laten vervallen. Trek de toegang eerst in of wacht tot ze verloopt."
                for rij in rijen
            ]
