"""The test IdP's behaviour per user, chosen by the test at the IdP's login (``gedrag``):
``""`` an ordinary login, ``mfa`` asserts a second factor, ``verlopen`` an expired ID token or
assertion, ``aud`` one made out to another relying party."""

import time
import uuid
from datetime import UTC, datetime, timedelta
from html import escape
from xml.sax.saxutils import escape as xml_escape

from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from lxml import etree
from oauth2_provider.oauth2_validators import OAuth2Validator
from onelogin.saml2.constants import OneLogin_Saml2_Constants as C
from onelogin.saml2.utils import OneLogin_Saml2_Utils

SAML_ENTITY_ID = "http://idp.test/saml"


class Validator(OAuth2Validator):
    oidc_claim_scope = {**OAuth2Validator.oidc_claim_scope, "amr": "openid"}  # amr goes with every login

    def get_additional_claims(self, request):
        user = request.user
        claims = {"email": user.email, "email_verified": True, "name": user.email.split("@")[0]}
        claims["amr"] = ["pwd", "mfa"] if user.first_name == "mfa" else ["pwd"]
        return claims

    def get_id_token_dictionary(self, token, token_handler, request):
        claims, verloopt = super().get_id_token_dictionary(token, token_handler, request)
        if request.user.first_name == "verlopen":
            claims["exp"] = int(time.time()) - 3600
        if request.user.first_name == "aud":
            claims["aud"] = "een-andere-toepassing"
        return claims, verloopt


def inloggen(request):
    """The organisation's login screen, for the test: who logs in and how the IdP behaves for them."""
    email = request.GET["email"]
    user, _ = get_user_model().objects.get_or_create(username=email, defaults={"email": email})
    user.first_name = request.GET.get("gedrag", "")
    user.save()
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return HttpResponseRedirect(request.GET["next"])


def _tijd(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def saml_sso(request):
    """SAML 2.0 HTTP-Redirect binding in, HTTP-POST binding out: a page with the signed response."""
    if not request.user.is_authenticated:
        return HttpResponseBadRequest("niet ingelogd bij de IdP")
    verzoek = etree.fromstring(OneLogin_Saml2_Utils.decode_base64_and_inflate(request.GET["SAMLRequest"]))
    verzoek_id = verzoek.get("ID")
    acs = verzoek.get("AssertionConsumerServiceURL")
    sp = verzoek.find("{urn:oasis:names:tc:SAML:2.0:assertion}Issuer").text
    gedrag = request.user.first_name
    nu = datetime.now(UTC)
    tot = nu - timedelta(minutes=10) if gedrag == "verlopen" else nu + timedelta(minutes=5)
    vanaf = nu - timedelta(minutes=20) if gedrag == "verlopen" else nu - timedelta(minutes=1)
    publiek = "urn:een-andere-toepassing" if gedrag == "aud" else sp
    email = xml_escape(request.user.email)
    amr = (
        '<saml:Attribute Name="amr"><saml:AttributeValue>pwd</saml:AttributeValue>'
        "<saml:AttributeValue>mfa</saml:AttributeValue></saml:Attribute>"
        if gedrag == "mfa"
        else ""
    )
    a_id, s_id, acs_x = f"_a{uuid.uuid4().hex}", f"_s{uuid.uuid4().hex}", xml_escape(acs)
    assertie = "".join(
        [
            '<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ',
            f'ID="{a_id}" Version="2.0" IssueInstant="{_tijd(nu)}">',
            f"<saml:Issuer>{SAML_ENTITY_ID}</saml:Issuer>",
            "<saml:Subject>",
            f'<saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">{email}</saml:NameID>',
            '<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">',
            f'<saml:SubjectConfirmationData NotOnOrAfter="{_tijd(tot)}" Recipient="{acs_x}" ',
            f'InResponseTo="{verzoek_id}"/>',
            "</saml:SubjectConfirmation></saml:Subject>",
            f'<saml:Conditions NotBefore="{_tijd(vanaf)}" NotOnOrAfter="{_tijd(tot)}">',
            f"<saml:AudienceRestriction><saml:Audience>{xml_escape(publiek)}</saml:Audience>",
            "</saml:AudienceRestriction></saml:Conditions>",
            f'<saml:AuthnStatement AuthnInstant="{_tijd(nu)}" SessionIndex="{s_id}"><saml:AuthnContext>',
            "<saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport",
            "</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>",
            "<saml:AttributeStatement>",
            f'<saml:Attribute Name="uid"><saml:AttributeValue>{request.user.pk}</saml:AttributeValue></saml:Attribute>',
            f'<saml:Attribute Name="email"><saml:AttributeValue>{email}</saml:AttributeValue></saml:Attribute>',
            amr,
            "</saml:AttributeStatement></saml:Assertion>",
        ]
    )
    sleutel = (settings.MAP / "idp.key").read_text()
    certificaat = (settings.MAP / "idp.crt").read_text()
    getekend = OneLogin_Saml2_Utils.add_sign(
        assertie, sleutel, certificaat, sign_algorithm=C.RSA_SHA256, digest_algorithm=C.SHA256
    ).decode()
    antwoord = "".join(
        [
            '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ',
            'xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ',
            f'ID="_r{uuid.uuid4().hex}" Version="2.0" IssueInstant="{_tijd(nu)}" Destination="{acs_x}" ',
            f'InResponseTo="{verzoek_id}"><saml:Issuer>{SAML_ENTITY_ID}</saml:Issuer>',
            '<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>',
            getekend,
            "</samlp:Response>",
        ]
    )
    waarde = OneLogin_Saml2_Utils.b64encode(antwoord)
    relay = escape(request.GET.get("RelayState", ""))
    return HttpResponse(
        f'<form method="post" action="{escape(acs)}"><input type="hidden" name="SAMLResponse" value="{waarde}">'
        f'<input type="hidden" name="RelayState" value="{relay}"><button>Verder</button></form>'
    )
