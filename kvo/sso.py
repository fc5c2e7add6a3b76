"""Single sign-on per organisation (issue 24): an organisation's own identity provider (OIDC or SAML,
through allauth's ``openid_connect`` and ``saml`` providers) for the e-mail domains staff bind to it.

- Staff configure an ``Identiteitsaanbieder`` per facilitating organisation or party under
  ``/beheer/inloggen/`` (``aanbieder_bewaar``); it keeps allauth's ``SocialApp`` in step.
- The login page's "Inloggen met uw organisatie" asks the e-mail address; its domain picks the
  provider (``aanbieder_voor_email``), and the browser goes there.
- Coming back, ``SocialAccountAdapter.pre_social_login`` links the provider's account to the existing
  account with that address, the first time, and only when the provider serves the address's domain.
  It never makes an account (sign-up stays closed: access comes by invitation only).
- Two-step verification: a login through a provider that staff trust for it (``tweestaps_van_aanbieder``)
  and that asserts a second factor (OIDC ``amr``/``acr``, SAML's authentication-methods attribute) counts
  as a login with a second factor (``kvo.tenancy.tweestaps_nodig``); otherwise a work group that
  requires two-step verification asks the local second step, as after a password login.
"""

from __future__ import annotations

import json
import logging
import re

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import render

from kvo.models import Identiteitsaanbieder

log = logging.getLogger("kvo.sso")

DOMEIN_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")

# RFC 8176 authentication method references that mean a second factor (Entra ID and Keycloak send "mfa"
# or "otp"); a SAML provider sends them in an attribute (Entra ID: its authnmethodsreferences claim).
AMR_TWEESTAPS = {"mfa", "otp", "hwk", "sc", "http://schemas.microsoft.com/claims/multipleauthn"}
SAML_AMR_ATTRIBUTEN = ("amr", "http://schemas.microsoft.com/claims/authnmethodsreferences")


# --- selectors ----------------------------------------------------------------------------------


def domein_van(email: str) -> str:
    return (email or "").rpartition("@")[2].strip().lower()


def aanbieder_voor_email(email: str) -> Identiteitsaanbieder | None:
    """The active provider that serves ``email``'s domain, if any."""
    domein = domein_van(email)
    if not domein:
        return None
    # A handful of providers at most: their domain lists are read whole (a JSON list, not searched in SQL).
    for aanbieder in Identiteitsaanbieder.objects.filter(actief=True).select_related("app").order_by("pk"):
        if domein in aanbieder.domeinen:
            return aanbieder
    return None


def aanbieder_van_login(sociallogin) -> Identiteitsaanbieder | None:
    return (
        Identiteitsaanbieder.objects.filter(app__provider_id=sociallogin.account.provider).select_related("app").first()
    )


# --- services -----------------------------------------------------------------------------------


def normaliseer_domeinen(tekst: str | list) -> list[str]:
    delen = tekst if isinstance(tekst, list) else re.split(r"[\s,;]+", tekst or "")
    domeinen = []
    for deel in delen:
        domein = deel.strip().lower().lstrip("@")
        if not domein:
            continue
        if not DOMEIN_RE.match(domein):
            raise ValidationError({"domeinen": f"{domein} is geen geldig e-maildomein (bijvoorbeeld gemeente.nl)."})
        if domein not in domeinen:
            domeinen.append(domein)
    if not domeinen:
        raise ValidationError({"domeinen": "Geef ten minste één e-maildomein op."})
    return domeinen


def _instellingen(soort: str, instellingen: dict, client_id: str) -> dict:
    if not isinstance(instellingen, dict):
        raise ValidationError({"instellingen": "De instellingen zijn een JSON-object."})
    if soort == Identiteitsaanbieder.Soort.OIDC:
        if not str(instellingen.get("server_url", "")).startswith(("https://", "http://")):
            raise ValidationError({"instellingen": 'Geef "server_url": het adres van de aanbieder (issuer).'})
        if not client_id:
            raise ValidationError({"client_id": "Vul de client-ID in die de aanbieder aan KVO Werkplaats gaf."})
        instellingen.setdefault("oauth_pkce_enabled", True)
        return instellingen
    idp = instellingen.get("idp")
    if not isinstance(idp, dict) or not idp.get("entity_id"):
        raise ValidationError({"instellingen": 'Geef "idp" met ten minste "entity_id".'})
    if not idp.get("metadata_url") and not (idp.get("sso_url") and idp.get("x509cert")):
        raise ValidationError({"instellingen": 'Geef bij "idp" "metadata_url", of "sso_url" en "x509cert".'})
    instellingen.setdefault(
        "attribute_mapping",
        {
            "uid": "http://schemas.microsoft.com/identity/claims/objectidentifier",
            "email": "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
        },
    )
    instellingen.setdefault("advanced", {}).setdefault("want_assertion_signed", True)
    return instellingen


@transaction.atomic
def aanbieder_bewaar(
    *,
    actor,
    aanbieder: Identiteitsaanbieder | None = None,
    naam: str,
    slug: str,
    soort: str,
    domeinen: str | list,
    instellingen: dict,
    client_id: str = "",
    secret: str = "",
    begeleidingsorganisatie=None,
    organisatie: str = "",
    tweestaps_van_aanbieder: bool = False,
    actief: bool = True,
) -> Identiteitsaanbieder:
    """Create or change a provider and its allauth ``SocialApp``. A domain belongs to one provider."""
    naam = " ".join((naam or "").split())
    if not naam:
        raise ValidationError({"naam": "Vul een naam in."})
    if soort not in Identiteitsaanbieder.Soort.values:
        raise ValidationError({"soort": "Kies OpenID Connect of SAML."})
    domeinen = normaliseer_domeinen(domeinen)
    andere = Identiteitsaanbieder.objects.exclude(pk=getattr(aanbieder, "pk", None))
    for bezet in andere:
        if dubbel := [d for d in domeinen if d in bezet.domeinen]:
            raise ValidationError({"domeinen": f"Het domein {dubbel[0]} hoort al bij {bezet}."})
    if andere.filter(slug=slug).exists():
        raise ValidationError({"slug": "Deze korte naam is al in gebruik."})
    instellingen = _instellingen(soort, instellingen, client_id)
    app = aanbieder.app if aanbieder else SocialApp()
    app.provider = soort
    app.provider_id = slug
    app.name = naam[:40]  # allauth's column
    # SAML: allauth finds the app by client_id = the organisation's slug in the URL.
    app.client_id = client_id if soort == Identiteitsaanbieder.Soort.OIDC else slug
    if secret or soort == Identiteitsaanbieder.Soort.SAML:
        app.secret = secret
    app.settings = instellingen
    app.save()
    aanbieder = aanbieder or Identiteitsaanbieder(app=app)
    aanbieder.naam, aanbieder.slug, aanbieder.soort, aanbieder.domeinen = naam, slug, soort, domeinen
    aanbieder.begeleidingsorganisatie = begeleidingsorganisatie
    aanbieder.organisatie = organisatie
    aanbieder.tweestaps_van_aanbieder = tweestaps_van_aanbieder
    aanbieder.actief = actief
    aanbieder.full_clean(exclude=["app"])
    aanbieder.save()
    log.info("identiteitsaanbieder %s (%s, %s) bewaard door %s", aanbieder.pk, slug, ",".join(domeinen), actor)
    return aanbieder


@transaction.atomic
def aanbieder_verwijder(*, actor, aanbieder: Identiteitsaanbieder) -> None:
    """Remove a provider, its ``SocialApp`` and the links to it: its users log in locally again."""
    from allauth.socialaccount.models import SocialAccount

    SocialAccount.objects.filter(provider=aanbieder.app.provider_id).delete()
    log.info("identiteitsaanbieder %s (%s) verwijderd door %s", aanbieder.pk, aanbieder.slug, actor)
    aanbieder.app.delete()  # cascades to the provider


# --- two-step verification asserted by the provider ---------------------------------------------


def _waarden(waarde) -> set[str]:
    if waarde is None:
        return set()
    if isinstance(waarde, str):
        return {waarde}
    return {str(w) for w in waarde}


def aanbieder_bevestigt_tweestaps(aanbieder: Identiteitsaanbieder, extra_data: dict) -> bool:
    """Whether this login's data from the provider says a second factor was used: OIDC ``amr`` (RFC 8176)
    or an ``acr`` that staff listed in the settings' ``tweestaps_acr``; SAML: an ``amr`` attribute or
    Entra ID's authentication-methods attribute. Only counts for a provider staff trust for it."""
    if not aanbieder.tweestaps_van_aanbieder:
        return False
    extra_data = extra_data or {}
    if aanbieder.soort == Identiteitsaanbieder.Soort.OIDC:
        bronnen = [extra_data.get("id_token") or {}, extra_data.get("userinfo") or {}]
        amr = set().union(*(_waarden(b.get("amr")) for b in bronnen))
        acr = set().union(*(_waarden(b.get("acr")) for b in bronnen))
        acr_goed = _waarden(aanbieder.app.settings.get("tweestaps_acr"))
        return bool(amr & AMR_TWEESTAPS) or bool(acr & acr_goed)
    amr = set().union(*(_waarden(extra_data.get(a)) for a in SAML_AMR_ATTRIBUTEN))
    return bool(amr & AMR_TWEESTAPS)


def sso_tweestaps_vastleggen(request, user, signal_kwargs: dict | None) -> None:
    """After an SSO login (``AccountAdapter.post_login``): record the provider's second factor in the
    session, like a local one, when the provider asserted it and is trusted for it."""
    sociallogin = (signal_kwargs or {}).get("sociallogin")
    if sociallogin is None:
        return
    aanbieder = aanbieder_van_login(sociallogin)
    if aanbieder and aanbieder_bevestigt_tweestaps(aanbieder, sociallogin.account.extra_data):
        from allauth.account.internal.flows.login import record_authentication

        record_authentication(request, user, "mfa", type="sso", aanbieder=aanbieder.slug)
        log.info("tweestapsverificatie van aanbieder %s voor gebruiker %s", aanbieder.slug, user.pk)


# --- allauth adapter ----------------------------------------------------------------------------


def geweigerd(request, melding: str, *, status: int = 403) -> ImmediateHttpResponse:
    """An SSO refusal: a page with a Dutch reason, no account, no login."""
    return ImmediateHttpResponse(render(request, "account/sso_geweigerd.html", {"melding": melding}, status=status))


GEEN_ACCOUNT = (
    "Er is geen account met het adres {email}. U krijgt alleen toegang via een uitnodiging van uw "
    "werkgroep: vraag de voorzitter of secretaris om u uit te nodigen en neem de uitnodiging aan."
)
ONGELDIG_BEWIJS = (
    "Uw organisatie heeft uw inlog niet geldig bevestigd: het bewijs van de identiteitsprovider is "
    "verlopen, niet voor KVO Werkplaats bestemd of niet te controleren. Probeer het opnieuw; blijft dit "
    "gebeuren, neem dan contact op met de ICT-afdeling van uw organisatie."
)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin) -> bool:
        return False  # an SSO login never makes an account (see pre_social_login)

    def pre_social_login(self, request, sociallogin) -> None:
        aanbieder = aanbieder_van_login(sociallogin)
        if aanbieder is None or not aanbieder.actief:
            raise geweigerd(request, "Inloggen via deze organisatie is niet (meer) ingesteld.")
        email = _email(sociallogin)
        if not email:
            raise geweigerd(request, "De identiteitsprovider van uw organisatie gaf geen e-mailadres door.")
        domein = domein_van(email)
        if domein not in aanbieder.domeinen:
            log.warning("sso %s: adres buiten de domeinen van de aanbieder (%s)", aanbieder.slug, domein)
            raise geweigerd(
                request,
                f"Het adres {email} hoort niet bij {aanbieder}: met dit adres kunt u niet via "
                "deze organisatie inloggen.",
            )
        if _expliciet_onbevestigd(sociallogin):
            raise geweigerd(request, f"Uw organisatie heeft het adres {email} niet bevestigd.")
        if sociallogin.is_existing:
            if not sociallogin.user.is_active or sociallogin.user.email.lower() != email:
                raise geweigerd(request, GEEN_ACCOUNT.format(email=email))
            return
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            log.info("sso %s: geen account voor het adres (domein %s)", aanbieder.slug, domein)
            raise geweigerd(request, GEEN_ACCOUNT.format(email=email))
        if user.socialaccount_set.filter(provider=sociallogin.account.provider).exists():
            raise geweigerd(
                request, "Dit account is al gekoppeld aan een ander account bij uw organisatie. Neem contact op."
            )
        sociallogin.connect(request, user)  # the first sign-in links; from now on it is existing
        log.info("sso %s: gekoppeld aan gebruiker %s", aanbieder.slug, user.pk)

    def on_authentication_error(self, request, provider, error=None, exception=None, extra_context=None) -> None:
        from allauth.socialaccount.providers.base.constants import AuthError

        log.warning(
            "sso-fout bij %s: %s %r %s",
            getattr(provider, "sub_id", provider),
            error,
            exception,
            (extra_context or {}).get("saml_last_error_reason", ""),
        )
        if error == AuthError.CANCELLED:
            raise geweigerd(request, "U heeft het inloggen bij uw organisatie afgebroken.", status=400)
        raise geweigerd(request, ONGELDIG_BEWIJS)


def _email(sociallogin) -> str:
    email = (getattr(sociallogin.user, "email", "") or "").strip().lower()
    if not email and sociallogin.email_addresses:
        email = sociallogin.email_addresses[0].email.strip().lower()
    return email


def _expliciet_onbevestigd(sociallogin) -> bool:
    """The provider said outright that the address is not verified (``email_verified: false``). Its
    absence is no refusal: Entra ID does not send it, and the domain binding is what makes staff trust
    the address from this provider."""
    data = sociallogin.account.extra_data or {}
    for bron in (data.get("id_token") or {}, data.get("userinfo") or {}, data):
        if isinstance(bron, dict) and "email_verified" in bron:
            waarde = bron["email_verified"]
            if isinstance(waarde, list):
                waarde = waarde[0] if waarde else None
            if waarde is False or str(waarde).lower() in {"false", "0", "no"}:
                return True
    return False


def instellingen_tekst(app: SocialApp | None) -> str:
    return json.dumps(app.settings if app else {}, indent=2, ensure_ascii=False)
