"""Login security (penetration test, issue 19): the admin's login goes through allauth, a work group's
two-factor requirement asks what this SESSION used (not whether an authenticator exists) — also in
the auditor portal and the facilitator's portfolio —, and rate limits count per client behind the
TLS proxy and per account."""

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.test import RequestFactory
from django.urls import reverse
from django_ratelimit.core import is_ratelimited

from kvo.adapters import client_ip
from tests.conftest import cache_legen
from tests.factories import UserFactory

WACHTWOORD = "geheim-wachtwoord-123"
LEDEN = "/w/de-hoek/leden/"


@pytest.fixture(autouse=True)
def _schone_cache():
    cache_legen()
    yield
    cache_legen()


def _code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(iter(yield_hotp_counters_from_time()))))


def _met_totp(user) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def _inloggen_met_totp(client, user, secret: str) -> None:
    """Through allauth: password, then the code."""
    response = client.post(reverse("account_login"), {"login": user.email, "password": WACHTWOORD})
    assert response.url == reverse("mfa_authenticate")
    antwoord = client.post(reverse("mfa_authenticate"), {"code": _code(secret)})
    assert client.session.get("_auth_user_id") == str(user.pk), antwoord.content.decode()[:2000]


@pytest.fixture
def verplicht(actoren):
    actoren.werkgroep.mfa_verplicht = True
    actoren.werkgroep.save()
    return actoren


# --- 2: the admin login, and the session's second factor --------------------------------------


def test_admin_login_geeft_geen_sessie_met_alleen_wachtwoord(verplicht, client):
    """The finding: staff with TOTP typed only the password at /admin/login/ and reached the members."""
    _met_totp(verplicht.staff)
    response = client.post("/admin/login/?next=/admin/", {"username": "staff@example.org", "password": WACHTWOORD})
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    assert client.get(LEDEN).status_code == 302


def test_admin_login_gaat_via_allauth_en_is_begrensd(verplicht, client):
    """30 wrong passwords and then the right one no longer log in: the admin's page sends to allauth's
    login (with the way back), whose per-account limit holds."""
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login") + "?next=")
    for _ in range(30):
        assert client.post("/admin/login/", {"username": "staff@example.org", "password": "fout"}).status_code == 302
    client.post("/admin/login/", {"username": "staff@example.org", "password": WACHTWOORD})
    assert "_auth_user_id" not in client.session
    for _ in range(10):
        client.post(reverse("account_login"), {"login": "staff@example.org", "password": "fout"})
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("account_login"), {"login": "staff@example.org", "password": WACHTWOORD})
    assert "Te veel inlogpogingen" in response.text
    assert "_auth_user_id" not in client.session


def test_te_veel_verzoeken_in_het_nederlands(db, client):
    """allauth's 30 login attempts a minute per address end in the product's Dutch page, not allauth's English one."""
    for _ in range(31):
        response = client.post(reverse("account_login"), {"login": "wie@example.org", "password": "fout"})
    assert response.status_code == 429
    assert "Te veel pogingen" in response.text and "Too Many" not in response.text


def test_admin_na_inloggen_met_totp(verplicht, client):
    secret = _met_totp(verplicht.staff)
    _inloggen_met_totp(client, verplicht.staff, secret)
    assert client.get("/admin/").status_code == 200
    assert client.get(LEDEN).status_code == 200


@pytest.mark.parametrize("rol", ["staff", "secretaris"])
def test_sessie_met_alleen_wachtwoord_komt_niet_in_werkgroep_met_verplichte_tweestaps(verplicht, client, rol):
    """An authenticator that exists is not enough: a password-only session (as Django's own login
    makes it) is sent to confirm a code, and reaches the members only after that."""
    user = verplicht.user(rol)
    secret = _met_totp(user)
    assert client.login(username=user.email, password=WACHTWOORD)  # Django's login: no allauth, no 2FA
    response = client.get(LEDEN)
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_reauthenticate"))
    assert client.post(reverse("mfa_reauthenticate"), {"code": "000000"}).status_code == 200
    assert client.get(LEDEN).status_code == 302
    client.post(response.url, {"code": _code(secret)})
    assert client.get(LEDEN).status_code == 200


def test_sessie_die_met_totp_inlogde_komt_binnen(verplicht, client):
    secret = _met_totp(verplicht.secretaris)
    _inloggen_met_totp(client, verplicht.secretaris, secret)
    assert client.get(LEDEN).status_code == 200


def test_tweede_stap_van_een_ander_telt_niet(verplicht, client):
    """The session's records belong to the user who made them."""
    secret = _met_totp(verplicht.voorzitter)
    _inloggen_met_totp(client, verplicht.voorzitter, secret)
    _met_totp(verplicht.secretaris)
    assert client.login(username="secretaris@example.org", password=WACHTWOORD)
    assert client.get(LEDEN).status_code == 302


# --- 10: the auditor portal and the facilitator's portfolio ---------------------------------------


def test_auditorportaal_volgt_de_tweestapsregel_van_de_werkgroep(verplicht, als, client):
    auditor = verplicht.auditor
    pagina = reverse("portaal:audit", args=[verplicht.audit.pk])
    als(auditor)
    for pad in (reverse("portaal:overzicht"), pagina):
        response = client.get(pad)
        assert response.status_code == 302 and response.url.startswith(reverse("mfa_activate_totp")), pad
    client.logout()
    secret = _met_totp(auditor)
    _inloggen_met_totp(client, auditor, secret)
    assert client.get(reverse("portaal:overzicht")).status_code == 200
    assert client.get(pagina).status_code == 200


def test_auditorportaal_zonder_verplichting_vraagt_niets(actoren, als):
    assert als(actoren.auditor).get(reverse("portaal:overzicht")).status_code == 200


@pytest.mark.parametrize("rol", ["begeleider", "staff"])
def test_portfolio_volgt_de_tweestapsregel_van_de_werkgroepen(verplicht, als, client, rol):
    user = verplicht.user(rol)
    als(user)
    response = client.get(reverse("begeleiding:portfolio"))
    assert response.status_code == 302 and response.url.startswith(reverse("mfa_activate_totp"))
    response = client.post(reverse("begeleiding:portfolio"))
    assert response.status_code == 302 and response.url.startswith(reverse("mfa_activate_totp"))
    client.logout()
    _inloggen_met_totp(client, user, _met_totp(user))
    assert client.get(reverse("begeleiding:portfolio")).status_code == 200


def test_portfolio_zonder_verplichting_vraagt_niets(actoren, als):
    assert als(actoren.begeleider).get(reverse("begeleiding:portfolio")).status_code == 200


# --- 7: the client's address behind the proxy, and limits per account -----------------------------


def _fout(client, email: str, ip: str):
    return client.post(
        reverse("account_login"), {"login": email, "password": "fout"}, HTTP_X_FORWARDED_FOR=ip
    )  # fmt: skip


def _goed(client, email: str, ip: str):
    client.logout()
    return client.post(reverse("account_login"), {"login": email, "password": WACHTWOORD}, HTTP_X_FORWARDED_FOR=ip)


@pytest.mark.parametrize(
    ("aantal", "xff", "verwacht"),
    [
        (0, "203.0.113.5", "127.0.0.1"),  # no proxy configured: the header is the client's word
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),  # the client's own prefix is not believed
        (2, "6.6.6.6, 203.0.113.5, 10.0.0.2", "203.0.113.5"),
        (2, "10.0.0.2", "127.0.0.1"),  # fewer addresses than proxies: not through our proxies
        (1, "", "127.0.0.1"),
        (1, "geen-adres", "127.0.0.1"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_ip_rechts_de_n_de(settings, aantal, xff, verwacht):
    settings.KVO_PROXY_COUNT = aantal
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR=xff, REMOTE_ADDR="127.0.0.1")
    assert client_ip(request) == verwacht


def test_twee_gebruikers_achter_een_proxy(db, client, settings):
    """The finding: five bad logins for one member locked out the secretary too. Behind the proxy
    each client counts on its own forwarded address; the one who failed stays limited."""
    settings.KVO_PROXY_COUNT = 1
    UserFactory(email="secretaris@example.org")
    for i in range(20):  # spread over accounts: only the per-address limit is reached
        _fout(client, f"lid{i % 4}@example.org", "203.0.113.5")
    assert "Te veel inlogpogingen" in _fout(client, "iemand@example.org", "203.0.113.5").text
    assert _goed(client, "secretaris@example.org", "198.51.100.7").status_code == 302
    assert "_auth_user_id" in client.session


def test_vervalste_header_telt_niet_zonder_proxy(db, client, settings):
    """With KVO_PROXY_COUNT 0 a client that sends a new X-Forwarded-For each time stays one address."""
    settings.KVO_PROXY_COUNT = 0
    UserFactory(email="secretaris@example.org")
    for i in range(20):
        _fout(client, f"lid{i % 4}@example.org", f"198.51.100.{i}")
    response = _goed(client, "secretaris@example.org", "192.0.2.99")
    assert "Te veel inlogpogingen" in response.text
    assert "_auth_user_id" not in client.session


def test_limiet_per_account_en_niet_voor_de_collega(db, client, settings):
    """Five failures lock that account from every address; a colleague on the same address still logs in."""
    settings.KVO_PROXY_COUNT = 1
    UserFactory(email="lid@example.org")
    UserFactory(email="secretaris@example.org")
    for i in range(5):
        _fout(client, "lid@example.org", f"198.51.100.{i}")
    response = _goed(client, "lid@example.org", "192.0.2.1")
    assert "Te veel inlogpogingen" in response.text and "_auth_user_id" not in client.session
    for _ in range(5):
        _fout(client, "lid@example.org", "203.0.113.5")
    assert _goed(client, "secretaris@example.org", "203.0.113.5").status_code == 302
    assert "_auth_user_id" in client.session


def test_enquete_limiet_per_ondernemer_achter_de_proxy(settings):
    """django-ratelimit (the survey page) keys on the same client address: entrepreneurs behind the
    proxy no longer share one bucket, and with no proxy configured the header changes nothing."""
    settings.RATELIMIT_ENABLE = True
    fabriek = RequestFactory()

    def beperkt(xff: str) -> bool:
        request = fabriek.get("/e/", HTTP_X_FORWARDED_FOR=xff, REMOTE_ADDR="10.0.0.1")
        return is_ratelimited(request, group="proef", key="ip", rate="1/m", increment=True)

    settings.KVO_PROXY_COUNT = 1
    assert [beperkt("203.0.113.5"), beperkt("198.51.100.7"), beperkt("203.0.113.5")] == [False, False, True]
    cache_legen()
    settings.KVO_PROXY_COUNT = 0
    assert [beperkt("203.0.113.5"), beperkt("198.51.100.7")] == [False, True]


def test_admin_vraagt_de_tweede_stap_zolang_een_werkgroep_die_verplicht(verplicht, client):
    """The admin shows every group's members: a password-only staff session is sent to confirm a code."""
    secret = _met_totp(verplicht.staff)
    assert client.login(username="staff@example.org", password=WACHTWOORD)  # Django's login: no 2FA
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("mfa_reauthenticate"))
    assert client.get("/admin/").status_code == 302
    client.post(response.redirect_chain[-1][0], {"code": _code(secret)})
    assert client.get("/admin/").status_code == 200


def test_admin_zonder_verplichte_tweestaps_vraagt_niets(actoren, client):
    assert client.login(username="staff@example.org", password=WACHTWOORD)
    assert client.get("/admin/").status_code == 200
