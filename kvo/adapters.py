"""allauth: no sign-up of its own (an account is made on the invitation's page), logging in through an
invitation accepts it, and the invitation proves the address it was sent to. The client's address
for rate limits (``client_ip``)."""

import ipaddress

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from kvo.emailadres import adres_bevestigd  # noqa: F401  (the demo's accounts import it from here)

UITNODIGING_SESSIE_SLEUTEL = "kvo_uitnodiging_token"


def client_ip(request) -> str:
    """The client's IP address, for rate limits (allauth's and django-ratelimit's).

    Behind ``KVO_PROXY_COUNT`` proxies of our own, each appends the address it received the request
    from to ``X-Forwarded-For``, so the N-th address from the right is the one the outermost proxy
    saw: the client. Whatever stands further left came from the client and is not believed. With
    0 proxies (the default) the header is ignored altogether and ``REMOTE_ADDR`` counts; so too
    when the header has fewer addresses than proxies or no valid address at that place.
    """
    aantal = settings.KVO_PROXY_COUNT
    if aantal > 0:
        adressen = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if len(adressen) >= aantal:
            try:
                return str(ipaddress.ip_address(adressen[-aantal]))
            except ValueError:
                pass
    return request.META.get("REMOTE_ADDR") or "0.0.0.0"


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        return client_ip(request)

    def is_open_for_signup(self, request) -> bool:
        """allauth's own sign-up page is closed: an account is made on the invitation's page
        (``werkgroepen.views_uitnodiging``), for the invited address only."""
        return False

    def pre_authenticate(self, request, **credentials) -> None:
        """An address whose domain has its organisation's own sign-in (``kvo.sso``) logs in there, not
        with a password here: the domain decides where a user goes."""
        from django import forms

        from kvo.sso import aanbieder_voor_email

        super().pre_authenticate(request, **credentials)
        if aanbieder := aanbieder_voor_email(credentials.get("email") or ""):
            raise forms.ValidationError(
                f'Voor dit adres logt u in via {aanbieder}: kies "Inloggen met uw organisatie".'
            )

    def post_login(self, request, user, **kwargs):
        """Logging in after following an invitation link accepts the invitation, when it is for this
        account's address (after the second step, if the account has one). After a sign-in through the
        organisation's own provider, its second factor counts when it asserted one (``kvo.sso``)."""
        from kvo.sso import sso_tweestaps_vastleggen

        sso_tweestaps_vastleggen(request, user, kwargs.get("signal_kwargs"))
        token = request.session.pop(UITNODIGING_SESSIE_SLEUTEL, None)
        if token:
            _accepteer_bij_inloggen(request, user, token)
        return super().post_login(request, user, **kwargs)


def _accepteer_bij_inloggen(request, user, token: str) -> None:
    from django.contrib import messages

    from werkgroepen.services import uitnodiging_accepteer, uitnodiging_geldig, uitnodiging_zoek

    uitnodiging = uitnodiging_zoek(token=token)
    if uitnodiging is None or not uitnodiging_geldig(token=token):
        return
    if uitnodiging.email.lower() != user.email.lower():
        return  # the invitation's page says so and offers to log out
    uitnodiging_accepteer(uitnodiging=uitnodiging, user=user)
    messages.success(request, f"Welkom in de werkgroep {uitnodiging.werkgroep.naam}.")
