"""The tenancy core: which work groups a user reaches, with which roles, and the middleware.

The work group is read from the URL (``/w/<slug>/...``). The middleware looks up the user's
roles in it; a missing work group and a forbidden one give the same 404. While the view runs,
django-scopes has the work group's scope active, so a query on a tenant-owned model that forgot
its work group cannot return another group's rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django_scopes import scope, scopes_disabled

from kvo import logcontext
from kvo.permissions import ALLEEN_LEZEN, Actie, Toegangsrol, mag
from kvo.toegang import bronnen
from werkgroepen.models import Begeleidingsorganisatie, Lid, Werkgroep


@dataclass(frozen=True)
class Toegang:
    """A user's access to one work group.

    ``toekenningen``: per extra grant source (``kvo.toegang``) the ids of the objects it opens.
    """

    werkgroep: Werkgroep
    rollen: frozenset[Toegangsrol] = frozenset()
    toekenningen: Mapping[str, frozenset[int]] = field(default_factory=dict)
    lid: Lid | None = None

    def mag(self, actie: Actie | str) -> bool:
        return mag(self.rollen, actie, status=self.werkgroep.status)

    @property
    def audit_ids(self) -> frozenset[int]:
        """The audits an auditor grant opens (source ``auditor``)."""
        return self.toekenningen.get("auditor", frozenset())

    def __bool__(self) -> bool:
        return bool(self.rollen)


def werkgroepen_voor(user) -> QuerySet[Werkgroep]:
    """Every work group the user reaches, by membership, facilitation, an extra grant or staff."""
    if not user.is_authenticated:
        return Werkgroep.objects.none()
    if user.is_staff:
        return Werkgroep.objects.all()
    with scopes_disabled():
        toegang = _eigen(user)
        for bron in bronnen():
            toegang |= Q(pk__in=bron.werkgroep_ids(user))
        return Werkgroep.objects.filter(toegang).distinct()


def _eigen(user) -> Q:
    """The core's own ways in: active membership or facilitation."""
    vandaag = timezone.localdate()
    actief_lid = (
        Q(leden__user=user)
        & (Q(leden__lid_sinds__isnull=True) | Q(leden__lid_sinds__lte=vandaag))
        & (Q(leden__lid_tot__isnull=True) | Q(leden__lid_tot__gt=vandaag))  # as Lid.heeft_toegang
    )
    return actief_lid | Q(begeleiding__gebruikers=user)


def alleen_extra_toegang(user) -> bool:
    """True when the user reaches work groups only through extra grants (``kvo.toegang``), not as
    staff, member or facilitator: such a user belongs in the grant's portal, not under ``/w/``."""
    if not user.is_authenticated or user.is_staff:
        return False
    with scopes_disabled():
        return not Werkgroep.objects.filter(_eigen(user)).exists()


def toegang_voor(user, werkgroep: Werkgroep) -> Toegang:
    """The roles ``user`` has in ``werkgroep`` today (empty when none)."""
    if not user.is_authenticated:
        return Toegang(werkgroep)
    rollen: set[Toegangsrol] = set()
    lid = None
    toekenningen: dict[str, frozenset[int]] = {}
    if user.is_staff:
        rollen.add(Toegangsrol.STAFF)
    with scope(werkgroep=werkgroep):
        vandaag = timezone.localdate()
        for kandidaat in werkgroep.leden.filter(user=user):
            if kandidaat.heeft_toegang(vandaag):
                lid = kandidaat
                rollen.add(Toegangsrol.AGENDALID if kandidaat.agendalid else Toegangsrol.LID)
                rollen.update(
                    Toegangsrol(r) for r in kandidaat.rollen if r in (Toegangsrol.VOORZITTER, Toegangsrol.SECRETARIS)
                )
                break
        if werkgroep.begeleiding_id and _begeleidt(user, werkgroep):
            rollen.add(Toegangsrol.BEGELEIDER)
        for bron in bronnen():
            if getattr(werkgroep, f"_bron_{bron.naam}", None) is False:  # read with the work group
                continue
            ids = bron.object_ids(user, werkgroep)
            if ids:
                toekenningen[bron.naam] = frozenset(ids)
                rollen.add(bron.rol)
    return Toegang(werkgroep, frozenset(rollen), toekenningen, lid)


class WerkgroepMiddleware:
    """Resolve ``/w/<slug>/``, check access, set ``request.werkgroep`` / ``request.toegang``,
    and run the view inside the work group's scope.

    Work groups that require two-factor login let in only a session that used the second factor
    (``tweestaps_nodig``): members without an authenticator set one up first, others confirm a code.
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
        mogelijk = {f"_bron_{b.naam}": e for b in bronnen() if (e := b.mogelijk(request.user)) is not None}
        werkgroep = (
            Werkgroep.objects.filter(slug=slug)
            .annotate(_begeleider=Exists(_begeleiders(request.user.pk)), **mogelijk)  # save toegang_voor queries
            .first()
        )
        toegang = toegang_voor(request.user, werkgroep) if werkgroep else None
        if not toegang:
            raise Http404("Werkgroep niet gevonden.")
        if omleiding := tweestaps_nodig(request, verplicht=werkgroep.mfa_verplicht):
            return omleiding
        request.werkgroep = werkgroep
        request.toegang = toegang
        if not werkgroep.is_actief:
            alleen_lezen(request, match, werkgroep)
        logcontext.werkgroep.set(werkgroep.slug)  # on every log line of this request
        with scope(werkgroep=werkgroep):
            return self.get_response(request)


VEILIG = frozenset({"GET", "HEAD", "OPTIONS"})


def alleen_lezen(request, match, werkgroep: Werkgroep) -> None:
    """A paused or ended work group allows only reading: a write request (POST and the like) is
    refused unless its view declares the one write the status allows: resuming a paused group
    (``Actie.LEVENSLOOP``). Fail closed: a view that declares nothing is refused too."""
    if request.method in VEILIG:
        return
    view = match.func
    actie = getattr(view, "vereiste_actie", None) or getattr(getattr(view, "view_class", None), "permission", None)
    if actie == Actie.LEVENSLOOP and actie in ALLEEN_LEZEN.get(werkgroep.status, frozenset()):
        return
    raise PermissionDenied(werkgroep.status_uitleg)


def _begeleiders(user_pk: int):
    """The user's membership of the work group's facilitating organisation, for an ``Exists``."""
    koppeling = Begeleidingsorganisatie.gebruikers.through
    return koppeling.objects.filter(begeleidingsorganisatie_id=OuterRef("begeleiding_id"), user_id=user_pk)


def _begeleidt(user, werkgroep: Werkgroep) -> bool:
    """Whether ``user`` works for the organisation that facilitates ``werkgroep`` (read with the work
    group by the middleware when it can)."""
    bekend = getattr(werkgroep, "_begeleider", None)
    if bekend is not None:
        return bekend
    return werkgroep.begeleiding.gebruikers.filter(pk=user.pk).exists()


def tweestaps_nodig(request, *, verplicht: bool) -> HttpResponseRedirect | None:
    """Where to send ``request`` when what it asks for requires two-factor login (``verplicht``: a
    work group of it has ``mfa_verplicht``; the middleware, the auditor portal and the facilitator's
    portfolio ask) and this session has not used a second factor; ``None`` when it may go on.

    What counts is the session, not the account: allauth records in the session every way it
    authenticated (``get_authentication_records``), and only a code from an authenticator
    (``method == "mfa"``: at login, on re-authentication, or when it was set up in this session,
    see ``sessie_tweestaps_bij_activeren``) opens such a work group. A user who has an
    authenticator confirms a code (``mfa_reauthenticate``); one without sets it up first.
    """
    if not verplicht or sessie_met_tweestaps(request):
        return None
    doel = "mfa_reauthenticate" if _heeft_mfa(request.user) else "mfa_activate_totp"
    return redirect(f"{reverse(doel)}?{urlencode({'next': request.get_full_path()})}")


def sessie_met_tweestaps(request) -> bool:
    """Whether this session's login (or a later confirmation) used a second factor."""
    from allauth.account.authentication import get_authentication_records

    return any(r.get("method") == "mfa" for r in get_authentication_records(request, request.user))


def sessie_tweestaps_bij_activeren(sender, request, user, authenticator, **kwargs) -> None:
    """allauth's ``authenticator_added``: setting up TOTP took a valid code from it, in this session,
    so the session has used the second factor (recorded like a login with it)."""
    from allauth.account.internal.flows.login import record_authentication
    from allauth.mfa.models import Authenticator

    if request is not None and authenticator.type == Authenticator.Type.TOTP and request.user == user:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type, ingesteld=True)


def _heeft_mfa(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
