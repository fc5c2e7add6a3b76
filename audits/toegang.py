"""The auditor's grant as a source of access for the core (``kvo.toegang``).

A grant holds while both parts hold: the django-guardian object permission ``audits.view_audit``
on the audit, and an ``AuditorToegang`` row that has neither expired nor been withdrawn. The
tenancy core, the home page, the auditor portal and the dossier import all ask here.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone
from django_scopes import scopes_disabled
from guardian.models import GroupObjectPermission, UserObjectPermission

from audits.models import Audit, AuditorToegang
from kvo.permissions import Toegangsrol
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


def geldige_audits(user, *, werkgroep=None) -> QuerySet[Audit]:
    """The audits ``user`` may see now, as one query: a valid row and the guardian permission
    ``audits.view_audit`` on the audit (the user's own or a group's; a superuser holds every
    permission, as in guardian). Scopes disabled; the caller filters."""
    if not user.is_authenticated:
        return Audit.objects.none()
    rijen = geldige_rijen(user=user, werkgroep=werkgroep)
    with scopes_disabled():
        audits = Audit.objects.filter(Exists(rijen.filter(audit_id=OuterRef("pk"))))
        if user.is_superuser:
            return audits
        return audits.filter(_met_toestemming(user))


def _met_toestemming(user) -> Q:
    """Guardian's object permission ``audits.view_audit`` on the audit, read from guardian's tables in
    the audit query itself (``get_objects_for_user`` builds the same in Python, at a fifth of the
    auditor's page)."""
    soort = ContentType.objects.get_for_model(Audit)
    object_pk = Cast(OuterRef("pk"), output_field=CharField())
    recht = {"permission__codename": "view_audit", "permission__content_type": soort, "content_type": soort}
    eigen = UserObjectPermission.objects.filter(user=user, object_pk=object_pk, **recht)
    groep = GroupObjectPermission.objects.filter(group__user=user, object_pk=object_pk, **recht)
    return Q(Exists(eigen)) | Q(Exists(groep))


def geldige_audit(user, audit_id: int) -> Audit | None:
    """The audit ``audit_id`` with its work group and cycle if ``user`` may see it now, else None: the
    valid row, then guardian's permission on that one audit (two small queries; every auditor page
    asks this, and one query over both costs more to build than the two to run)."""
    if not user.is_authenticated:
        return None
    with scopes_disabled():
        rij = (
            geldige_rijen(user=user)
            .filter(audit_id=audit_id)
            .select_related("audit__werkgroep", "audit__cyclus")
            .first()
        )
        if rij is None:
            return None
        if user.is_superuser or _heeft_recht(user, audit_id):
            return rij.audit
    return None


def _heeft_recht(user, audit_id: int) -> bool:
    """Guardian's object permission ``audits.view_audit`` on one audit: the user's own, or a group's."""
    recht = {
        "permission__codename": "view_audit",
        "content_type": ContentType.objects.get_for_model(Audit),
        "object_pk": str(audit_id),
    }
    return (
        UserObjectPermission.objects.filter(user=user, **recht).exists()
        or GroupObjectPermission.objects.filter(group__user=user, **recht).exists()
    )


def geldige_audit_ids(user, *, werkgroep=None) -> frozenset[int]:
    """The ids of ``geldige_audits`` (one query)."""
    audits = geldige_audits(user, werkgroep=werkgroep)
    with scopes_disabled():
        return frozenset(audits.values_list("pk", flat=True))


@toegangsbron
class AuditorBron(Toegangsbron):
    naam = "auditor"
    rol = Toegangsrol.AUDITOR
    portaal = "portaal:overzicht"

    def object_ids(self, user, werkgroep) -> frozenset[int]:
        return geldige_audit_ids(user, werkgroep=werkgroep)

    def mogelijk(self, user) -> Exists:
        return Exists(geldige_rijen(user=user).filter(audit__werkgroep=OuterRef("pk")))

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
