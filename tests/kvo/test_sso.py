"""Single sign-on per organisation (issue 24, ``kvo.sso``) against a real identity provider in a second
process (``tests/sso.py``): OpenID Connect through django-oauth-toolkit and SAML 2.0 with assertions
signed by xmlsec. The first sign-in links to the invited member with that address; an unknown address,
a domain without a provider, an address outside the provider's domains, a wrong audience and an expired
token or assertion each get a Dutch message, never a 500 and never a session."""

import re
from html import unescape
from urllib.parse import urlsplit

import pytest
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.urls import reverse

from kvo import sso
from kvo.models import Identiteitsaanbieder
from tests.conftest import cache_legen, maak_lid_user
from tests.sso import OIDC_SLUG, browser_bij_idp, idp  # noqa: F401  (fixtures)
from tests.sso import pytestmark as sso_mark

pytestmark = [*sso_mark, pytest.mark.django_db]

WACHTWOORD = "geheim-wachtwoord-123"
ONGELDIG = "niet geldig bevestigd"


@pytest.fixture(autouse=True)
def _host(client):
    client.defaults["HTTP_HOST"] = "testserver"  # a browser always sends it; python3-saml reads it


@pytest.fixture(autouse=True)
def _schone_cache():
    cache_legen()  # allauth's rate limits and its ID-token replay list
    yield
    cache_legen()


@pytest.fixture
def oidc(idp, actoren):  # noqa: F811
    return sso.aanbieder_bewaar(
        actor=actoren.staff,
        naam="Gemeente Voorbeeldstad (Keycloak)",
        slug=OIDC_SLUG,
        soort=Identiteitsaanbieder.Soort.OIDC,
        domeinen="voorbeeldstad.nl",
        client_id="kvo-werkplaats",
        secret="geheim-van-de-test",
        instellingen={"server_url": f"{idp.url}/o"},
        organisatie="Gemeente Voorbeeldstad",
        tweestaps_van_aanbieder=True,
    )


@pytest.fixture
def saml(idp, actoren):  # noqa: F811
    return sso.aanbieder_bewaar(
        actor=actoren.staff,
        naam="Politie (Entra ID, SAML)",
        slug="politie",
        soort=Identiteitsaanbieder.Soort.SAML,
        domeinen="politie.nl",
        instellingen={
            "idp": {
                "entity_id": "http://idp.test/saml",
                "sso_url": f"{idp.url}/saml/sso/",
                "x509cert": idp.certificaat,
            },
            "attribute_mapping": {"uid": "uid", "email": "email"},
            "advanced": {"allow_single_label_domains": True},  # the test client's host is "testserver"
        },
        organisatie="Politie",
        tweestaps_van_aanbieder=True,
    )


@pytest.fixture
def jan(actoren):
    partij = actoren.werkgroep.partijen.get(naam="Gemeente Voorbeeldstad")
    return maak_lid_user(actoren.werkgroep, partij, "jan@voorbeeldstad.nl")


@pytest.fixture
def petra(actoren):
    partij = actoren.werkgroep.partijen.get(naam="Gemeente Voorbeeldstad")
    return maak_lid_user(actoren.werkgroep, partij, "petra@politie.nl")


def _bij_idp(client, browser, idp, email, *, idp_email=None, gedrag=""):  # noqa: F811
    """The user types ``email`` on our page, logs in at the IdP (as ``idp_email``) and is sent on."""
    response = client.post(reverse("sso_inloggen"), {"email": email})
    assert response.status_code == 302 and response.url.startswith(idp.url), response
    return browser.get(
        f"{idp.url}/inloggen/",
        params={"email": idp_email or email, "gedrag": gedrag, "next": response.url},
        allow_redirects=False,
    )


def oidc_inloggen(client, browser, idp, email, **kwargs):  # noqa: F811
    naar_idp = _bij_idp(client, browser, idp, email, **kwargs)
    autorisatie = browser.get(naar_idp.headers["location"], allow_redirects=False)
    assert autorisatie.status_code == 302, autorisatie.text[:500]
    terug = urlsplit(autorisatie.headers["location"])
    assert terug.netloc == "testserver" and "code=" in terug.query
    return client.get(f"{terug.path}?{terug.query}")


def saml_inloggen(client, browser, idp, email, **kwargs):  # noqa: F811
    naar_idp = _bij_idp(client, browser, idp, email, **kwargs)
    formulier = browser.get(naar_idp.headers["location"])
    assert formulier.status_code == 200, formulier.text[:500]
    actie = unescape(re.search(r'action="([^"]+)"', formulier.text)[1])
    velden = {n: unescape(v) for n, v in re.findall(r'name="(\w+)" value="([^"]*)"', formulier.text)}
    acs = client.post(urlsplit(actie).path, velden)
    assert acs.status_code == 302
    return client.get(acs.url)


def _ingelogd(client):
    return client.session.get("_auth_user_id")


def _werkgroep(client, actoren):
    return client.get(reverse("werkgroepen:home", kwargs={"werkgroep": actoren.werkgroep.slug}))


# --- OpenID Connect ---------------------------------------------------------------------------


def test_oidc_eerste_inlog_koppelt_aan_uitgenodigd_lid(client, browser_bij_idp, idp, oidc, jan, actoren):  # noqa: F811
    gebruikers = get_user_model().objects.count()
    response = oidc_inloggen(client, browser_bij_idp, idp, "jan@voorbeeldstad.nl")
    assert response.status_code == 302, response.content[:500]
    assert _ingelogd(client) == str(jan.pk)
    koppeling = SocialAccount.objects.get(user=jan)
    assert koppeling.provider == OIDC_SLUG
    assert get_user_model().objects.count() == gebruikers  # linked, nothing made
    assert _werkgroep(client, actoren).status_code == 200

    client.logout()  # the second time the link is there already
    response = oidc_inloggen(client, browser_bij_idp, idp, "jan@voorbeeldstad.nl")
    assert response.status_code == 302 and _ingelogd(client) == str(jan.pk)
    assert SocialAccount.objects.filter(user=jan).count() == 1


def test_oidc_onbekend_adres_krijgt_geen_account(client, browser_bij_idp, idp, oidc, actoren):  # noqa: F811
    gebruikers = get_user_model().objects.count()
    response = oidc_inloggen(client, browser_bij_idp, idp, "onbekend@voorbeeldstad.nl")
    assert response.status_code == 403
    assert "Er is geen account met het adres onbekend@voorbeeldstad.nl" in response.text
    assert "uitnodiging" in response.text
    assert not _ingelogd(client)
    assert get_user_model().objects.count() == gebruikers
    assert not SocialAccount.objects.exists()


@pytest.mark.parametrize("gedrag", ["aud", "verlopen"])
def test_oidc_verkeerde_audience_of_verlopen_token(client, browser_bij_idp, idp, oidc, jan, gedrag):  # noqa: F811
    response = oidc_inloggen(client, browser_bij_idp, idp, "jan@voorbeeldstad.nl", gedrag=gedrag)
    assert response.status_code == 403
    assert ONGELDIG in response.text and 'lang="nl"' in response.text
    assert not _ingelogd(client)
    assert not SocialAccount.objects.exists()


def test_oidc_adres_buiten_de_domeinen_van_de_aanbieder(client, browser_bij_idp, idp, oidc, actoren):  # noqa: F811
    """A provider answers only for its own domains: it cannot sign in an account on another domain,
    here an existing member's (lid@example.org)."""
    response = oidc_inloggen(client, browser_bij_idp, idp, "jan@voorbeeldstad.nl", idp_email="lid@example.org")
    assert response.status_code == 403
    assert "hoort niet bij Gemeente Voorbeeldstad" in response.text
    assert not _ingelogd(client)
    assert not SocialAccount.objects.exists()


def test_onbekend_domein(client, oidc):
    response = client.post(reverse("sso_inloggen"), {"email": "iemand@elders.nl"})
    assert response.status_code == 200
    assert "Voor het domein elders.nl is geen inloggen via de organisatie ingesteld" in response.text
    assert not _ingelogd(client)


def test_aanbieder_onbereikbaar_geeft_nette_melding(client, actoren, jan):
    sso.aanbieder_bewaar(
        actor=actoren.staff,
        naam="Gemeente Voorbeeldstad",
        slug="weg",
        soort=Identiteitsaanbieder.Soort.OIDC,
        domeinen="voorbeeldstad.nl",
        client_id="x",
        instellingen={"server_url": "http://127.0.0.1:9"},  # nothing listens there
    )
    response = client.post(reverse("sso_inloggen"), {"email": "jan@voorbeeldstad.nl"})
    assert response.status_code == 503
    assert "niet bereikbaar" in response.text


def test_wachtwoord_voor_een_sso_domein_verwijst_naar_de_organisatie(client, oidc, jan):
    response = client.post(reverse("account_login"), {"login": jan.email, "password": WACHTWOORD})
    assert response.status_code == 200
    assert "Inloggen met uw organisatie" in response.text
    assert "Voor dit adres logt u in via Gemeente Voorbeeldstad" in response.text
    assert not _ingelogd(client)


def test_inlogpagina_biedt_inloggen_met_organisatie(client, db):
    html = client.get(reverse("account_login")).text
    assert reverse("sso_inloggen") in html


# --- two-step verification ----------------------------------------------------------------------


def test_sso_zonder_tweede_factor_vraagt_de_eigen_tweede_stap(client, browser_bij_idp, idp, oidc, jan, actoren):  # noqa: F811
    actoren.werkgroep.mfa_verplicht = True
    actoren.werkgroep.save()
    assert oidc_inloggen(client, browser_bij_idp, idp, jan.email).status_code == 302
    response = _werkgroep(client, actoren)
    assert response.status_code == 302 and response.url.startswith(reverse("mfa_activate_totp"))


def test_sso_met_tweede_factor_van_de_aanbieder_telt(client, browser_bij_idp, idp, oidc, jan, actoren):  # noqa: F811
    actoren.werkgroep.mfa_verplicht = True
    actoren.werkgroep.save()
    assert oidc_inloggen(client, browser_bij_idp, idp, jan.email, gedrag="mfa").status_code == 302
    assert _werkgroep(client, actoren).status_code == 200


def test_tweede_factor_van_een_niet_vertrouwde_aanbieder_telt_niet(client, browser_bij_idp, idp, oidc, jan, actoren):  # noqa: F811
    oidc.tweestaps_van_aanbieder = False
    oidc.save()
    actoren.werkgroep.mfa_verplicht = True
    actoren.werkgroep.save()
    assert oidc_inloggen(client, browser_bij_idp, idp, jan.email, gedrag="mfa").status_code == 302
    response = _werkgroep(client, actoren)
    assert response.status_code == 302 and response.url.startswith(reverse("mfa_activate_totp"))


def test_eigen_tweede_stap_na_sso_opent_de_werkgroep(client, browser_bij_idp, idp, oidc, jan, actoren):  # noqa: F811
    """A member who set up TOTP here confirms it after the organisation's sign-in as after a password
    (allauth's login stage), and that code is the second factor a group with the rule asks for."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from tests.kvo.test_accounts import _huidige_code

    actoren.werkgroep.mfa_verplicht = True
    actoren.werkgroep.save()
    geheim = generate_totp_secret()
    TOTP.activate(jan, geheim)
    response = oidc_inloggen(client, browser_bij_idp, idp, jan.email)
    assert response.status_code == 302 and response.url == reverse("mfa_authenticate")
    assert not _ingelogd(client)
    assert client.post(reverse("mfa_authenticate"), {"code": _huidige_code(geheim)}).status_code == 302
    assert _ingelogd(client) == str(jan.pk)
    assert _werkgroep(client, actoren).status_code == 200


def test_acr_telt_alleen_als_beheer_hem_noemt(oidc):
    data = {"id_token": {"acr": "2", "amr": ["pwd"]}}
    assert not sso.aanbieder_bevestigt_tweestaps(oidc, data)
    oidc.app.settings["tweestaps_acr"] = ["2"]
    assert sso.aanbieder_bevestigt_tweestaps(oidc, data)


# --- SAML ---------------------------------------------------------------------------------------


def test_saml_eerste_inlog_koppelt_aan_uitgenodigd_lid(client, browser_bij_idp, idp, saml, petra, actoren):  # noqa: F811
    response = saml_inloggen(client, browser_bij_idp, idp, petra.email)
    assert response.status_code == 302, response.content[:800]
    assert _ingelogd(client) == str(petra.pk)
    assert SocialAccount.objects.get(user=petra).provider == "politie"
    assert _werkgroep(client, actoren).status_code == 200


@pytest.mark.parametrize("gedrag", ["aud", "verlopen"])
def test_saml_verkeerde_audience_of_verlopen_assertie(client, browser_bij_idp, idp, saml, petra, gedrag):  # noqa: F811
    response = saml_inloggen(client, browser_bij_idp, idp, petra.email, gedrag=gedrag)
    assert response.status_code == 403
    assert ONGELDIG in response.text
    assert not _ingelogd(client)
    assert not SocialAccount.objects.exists()


def test_saml_onbekend_adres(client, browser_bij_idp, idp, saml):  # noqa: F811
    response = saml_inloggen(client, browser_bij_idp, idp, "niemand@politie.nl")
    assert response.status_code == 403
    assert "Er is geen account met het adres niemand@politie.nl" in response.text
    assert not _ingelogd(client)


def test_saml_tweede_factor_van_de_aanbieder(client, browser_bij_idp, idp, saml, petra, actoren):  # noqa: F811
    actoren.werkgroep.mfa_verplicht = True
    actoren.werkgroep.save()
    assert saml_inloggen(client, browser_bij_idp, idp, petra.email, gedrag="mfa").status_code == 302
    assert _werkgroep(client, actoren).status_code == 200


# --- staff configure the providers -------------------------------------------------------------


def _formulier(**extra):
    return {
        "naam": "Gemeente Voorbeeldstad (Entra ID)",
        "slug": "voorbeeldstad",
        "soort": "openid_connect",
        "domeinen": "Voorbeeldstad.nl\n@gemeente-voorbeeldstad.nl",
        "client_id": "00000000-aaaa-bbbb-cccc-000000000000",
        "secret": "een-geheim",
        "instellingen": '{"server_url": "https://login.microsoftonline.com/tenant-id/v2.0"}',
        "actief": "on",
        **extra,
    }


def test_beheer_alleen_voor_staff(als, actoren):
    assert als(actoren.lid).get(reverse("beheer:sso")).status_code == 403
    assert als(actoren.begeleider).post(reverse("beheer:sso"), _formulier()).status_code == 403
    assert not Identiteitsaanbieder.objects.exists()
    assert als(actoren.staff).get(reverse("beheer:sso")).status_code == 200


def test_beheer_stelt_een_aanbieder_in(als, actoren):
    client = als(actoren.staff)
    response = client.post(reverse("beheer:sso"), _formulier())
    aanbieder = Identiteitsaanbieder.objects.get()
    assert response.status_code == 302 and response.url == reverse("beheer:sso_aanbieder", args=[aanbieder.pk])
    assert aanbieder.domeinen == ["voorbeeldstad.nl", "gemeente-voorbeeldstad.nl"]
    assert (aanbieder.app.provider, aanbieder.app.provider_id) == ("openid_connect", "voorbeeldstad")
    assert aanbieder.app.client_id == "00000000-aaaa-bbbb-cccc-000000000000"
    assert aanbieder.app.settings["oauth_pkce_enabled"] is True
    pagina = client.get(response.url).text
    assert "/accounts/oidc/voorbeeldstad/login/callback/" in pagina  # what the IdP's administrator registers
    assert "een-geheim" not in pagina
    assert sso.aanbieder_voor_email("Iemand@GEMEENTE-voorbeeldstad.nl") == aanbieder

    # an empty secret keeps the stored one
    client.post(response.url, _formulier(secret="", tweestaps_van_aanbieder="on"))
    aanbieder.refresh_from_db()
    assert aanbieder.app.secret == "een-geheim" and aanbieder.tweestaps_van_aanbieder


def test_beheer_een_domein_hoort_bij_een_aanbieder(als, actoren):
    client = als(actoren.staff)
    client.post(reverse("beheer:sso"), _formulier())
    response = client.post(reverse("beheer:sso"), _formulier(slug="tweede", domeinen="voorbeeldstad.nl"))
    assert response.status_code == 200
    assert "Het domein voorbeeldstad.nl hoort al bij" in response.text
    assert Identiteitsaanbieder.objects.count() == 1


@pytest.mark.parametrize(
    ("velden", "melding"),
    [
        ({"instellingen": "{niet json"}, "Geen geldige JSON"),
        ({"instellingen": "{}"}, "server_url"),
        ({"domeinen": "geen domein"}, "geen geldig e-maildomein"),
        ({"soort": "saml", "instellingen": '{"idp": {"entity_id": "x"}}'}, "metadata_url"),
    ],
)
def test_beheer_foute_instellingen_krijgen_een_melding(als, actoren, velden, melding):
    response = als(actoren.staff).post(reverse("beheer:sso"), _formulier(**velden))
    assert response.status_code == 200
    assert melding in response.text
    assert not Identiteitsaanbieder.objects.exists()


def test_beheer_verwijderen_ontkoppelt(als, actoren, jan):
    client = als(actoren.staff)
    client.post(reverse("beheer:sso"), _formulier())
    aanbieder = Identiteitsaanbieder.objects.get()
    SocialAccount.objects.create(user=jan, provider=aanbieder.app.provider_id, uid="abc")
    response = client.post(reverse("beheer:sso_aanbieder_verwijderen", args=[aanbieder.pk]))
    assert response.status_code == 302
    assert not Identiteitsaanbieder.objects.exists() and not SocialAccount.objects.exists()
    assert sso.aanbieder_voor_email(jan.email) is None


@pytest.mark.parametrize("waarde", ["", "geen-base64!", "PHNhbWw+PC9zYW1sPg=="])
def test_saml_rommel_naar_de_acs(client, saml, waarde):
    """A forged or broken response posted straight to the ACS: a Dutch refusal, no 500, no session."""
    acs = client.post(reverse("saml_acs", args=["politie"]), {"SAMLResponse": waarde})
    response = client.get(acs.url)
    assert response.status_code == 403
    assert ONGELDIG in response.text
    assert not _ingelogd(client)


def test_saml_metadata_onbereikbaar_geeft_nette_melding(client, actoren, petra):
    sso.aanbieder_bewaar(
        actor=actoren.staff,
        naam="Politie",
        slug="politie-weg",
        soort=Identiteitsaanbieder.Soort.SAML,
        domeinen="politie.nl",
        instellingen={"idp": {"entity_id": "x", "metadata_url": "http://127.0.0.1:9/metadata"}},
    )
    response = client.post(reverse("sso_inloggen"), {"email": petra.email})
    assert response.status_code == 503
    assert "niet bereikbaar" in response.text
