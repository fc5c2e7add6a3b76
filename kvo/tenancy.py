"""The tenancy core: which work groups a user reaches, with which roles, and the middleware.

The work group is read from the URL (``/w/<slug>/...``). The middleware looks up the user's
roles in it; a missing work group and a forbidden one give the same 404. While the view runs,
django-scopes has the work group's scope active, so a query on a tenant-owned model that forgot
its work group cannot return another group's rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from kvo.permissions import Actie, Rol, mag
from werkgroepen.models import Lid, Werkgroep


@dataclass(frozen=True)
class Toegang:
    """A user's access to one work group."""

    werkgroep: Werkgroep
    rollen: frozenset[Rol] = frozenset()
    audit_ids: frozenset[int] = field(default_factory=frozenset)
    lid: Lid | None = None

    def mag(self, actie: Actie | str) -> bool:
        return mag(self.rollen, actie)

    def __bool__(self) -> bool:
        return bool(self.rollen)


def werkgroepen_voor(user) -> QuerySet[Werkgroep]:
    """Every work group the user reaches, by membership, facilitation, auditor grant or staff."""
    if not user.is_authenticated:
        return Werkgroep.objects.none()
    if user.is_staff:
        return Werkgroep.objects.all()
    vandaag = timezone.localdate()
    nu = timezone.now()
    with scopes_disabled():
        actief_lid = (
            Q(leden__user=user)
            & (Q(leden__lid_sinds__isnull=True) | Q(leden__lid_sinds__lte=vandaag))
            & (Q(leden__lid_tot__isnull=True) | Q(leden__lid_tot__gte=vandaag))
        )
        auditor = Q(
            audits__toegang__user=user,
            audits__toegang__geldig_tot__gt=nu,
            audits__toegang__ingetrokken_op__isnull=True,
        )
        return Werkgroep.objects.filter(actief_lid | Q(begeleiding__gebruikers=user) | auditor).distinct()


def toegang_voor(user, werkgroep: Werkgroep) -> Toegang:
    """The roles ``user`` has in ``werkgroep`` today (empty when none)."""
    if not user.is_authenticated:
        return Toegang(werkgroep)
    rollen: set[Rol] = set()
    lid = None
    audit_ids: frozenset[int] = frozenset()
    if user.is_staff:
        rollen.add(Rol.STAFF)
    with scope(werkgroep=werkgroep):
        vandaag = timezone.localdate()
        for kandidaat in werkgroep.leden.filter(user=user):
            if kandidaat.is_actief(vandaag):
                lid = kandidaat
                rollen.add(Rol.AGENDALID if kandidaat.agendalid else Rol.LID)
                rollen.update(Rol(r) for r in kandidaat.rollen if r in (Rol.VOORZITTER, Rol.SECRETARIS))
                break
        if werkgroep.begeleiding_id and werkgroep.begeleiding.gebruikers.filter(pk=user.pk).exists():
            rollen.add(Rol.BEGELEIDER)
        audit_ids = _auditor_audits(user, werkgroep)
        if audit_ids:
            rollen.add(Rol.AUDITOR)
    return Toegang(werkgroep, frozenset(rollen), audit_ids, lid)


def _auditor_audits(user, werkgroep: Werkgroep) -> frozenset[int]:
    from guardian.shortcuts import get_objects_for_user

    from audits.models import Audit, AuditorToegang

    geldig = AuditorToegang.objects.filter(
        audit__werkgroep=werkgroep, user=user, geldig_tot__gt=timezone.now(), ingetrokken_op__isnull=True
    ).values_list("audit_id", flat=True)
    geldig = set(geldig)
    if not geldig:
        return frozenset()
    toegekend = get_objects_for_user(
        user, "audits.view_audit", klass=Audit.objects.filter(pk__in=geldig), accept_global_perms=False
    )
    return frozenset(toegekend.values_list("pk", flat=True))


class WerkgroepMiddleware:
    """Resolve ``/w/<slug>/``, check access, set ``request.werkgroep`` / ``request.toegang``,
    and run the view inside the work group's scope.

    Work groups that require two-factor login send members without an authenticator to set
    one up first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.werkgroep = None
        request.toegang = None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return self.get_response(request)
        slug = match.kwargs.get("werkgroep")
        if slug is None:
            return self.get_response(request)
        if not request.user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.get_full_path()}")
        werkgroep = Werkgroep.objects.filter(slug=slug).select_related("begeleiding").first()
        toegang = toegang_voor(request.user, werkgroep) if werkgroep else None
        if not toegang:
            raise Http404("Werkgroep niet gevonden.")
        if werkgroep.mfa_verplicht and not _heeft_mfa(request.user):
            return redirect(f"{reverse('mfa_activate_totp')}?next={request.get_full_path()}")
        request.werkgroep = werkgroep
        request.toegang = toegang
        with scope(werkgroep=werkgroep):
            return self.get_response(request)


def _heeft_mfa(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
