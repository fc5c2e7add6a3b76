"""Accounts: e-mail login, throttled attempts, TOTP two-factor login, and a work group that
makes two-factor login mandatory for its members."""

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.urls import reverse

from tests.conftest import cache_legen
from tests.factories import UserFactory

WACHTWOORD = "geheim-wachtwoord-123"


@pytest.fixture(autouse=True)
def _schone_cache():
    cache_legen()
    yield
    cache_legen()


def test_inloggen_met_email(db, client):
    user = UserFactory(email="anna@example.org")
    response = client.post(reverse("account_login"), {"login": "Anna@Example.org", "password": WACHTWOORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_geen_gebruikersnaam_veld(db, client):
    html = client.get(reverse("account_login")).text
    assert 'name="login"' in html
    assert "username" not in html.lower()
    assert 'lang="nl"' in html


def test_inlogpogingen_worden_begrensd(db, client):
    UserFactory(email="anna@example.org")
    antwoorden = [
        client.post(reverse("account_login"), {"login": "anna@example.org", "password": "fout"}) for _ in range(5)
    ]
    assert all("niet correct" in a.text for a in antwoorden)
    statussen = [
        client.post(reverse("account_login"), {"login": "anna@example.org", "password": "fout"}).status_code
        for _ in range(2)
    ]
    assert statussen == [200] * 2  # the form again, each time with a Dutch error
    # After 5 failures even the right password is refused while the limit holds.
    goed = client.post(reverse("account_login"), {"login": "anna@example.org", "password": WACHTWOORD})
    assert "Te veel inlogpogingen" in goed.text
    assert "_auth_user_id" not in client.session


def test_registreren_zonder_uitnodiging_is_dicht(db, client):
    response = client.get(reverse("account_signup"))
    assert response.status_code == 200
    assert "alleen op uitnodiging" in response.text
    assert 'name="password1"' not in response.text


def test_wachtwoord_vergeten_stuurt_mail(db, client, mailoutbox):
    UserFactory(email="anna@example.org")
    response = client.post(reverse("account_reset_password"), {"email": "anna@example.org"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert "anna@example.org" in mailoutbox[0].to


def _huidige_code(secret: str) -> str:
    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(secret, counter))


def test_totp_tweestapsinlog(db, client):
    user = UserFactory(email="anna@example.org")
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    response = client.post(reverse("account_login"), {"login": "anna@example.org", "password": WACHTWOORD})
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": _huidige_code(secret)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


@pytest.mark.django_db(transaction=True)  # allauth announces the new authenticator on commit, within the request
def test_werkgroep_met_verplichte_mfa_stuurt_naar_instellen(actoren, client):
    """Setting TOTP up in this session (a valid code from it) opens the work group; an authenticator
    that merely exists does not (tests/kvo/test_beveiliging_login.py)."""
    actoren.werkgroep.mfa_verplicht = True
    actoren.werkgroep.save()
    client.post(reverse("account_login"), {"login": "lid@example.org", "password": WACHTWOORD})
    response = client.get("/w/de-hoek/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))
    client.post(reverse("account_reauthenticate"), {"password": WACHTWOORD})  # allauth asks before changing 2FA
    client.get(reverse("mfa_activate_totp"))
    secret = client.session["mfa.totp.secret"]
    response = client.post(reverse("mfa_activate_totp"), {"code": _huidige_code(secret)})
    assert response.status_code == 302
    assert client.get("/w/de-hoek/").status_code == 200


def test_verplichte_mfa_geldt_niet_voor_andere_werkgroep(actoren, als):
    actoren.anderewerkgroep.mfa_verplicht = True
    actoren.anderewerkgroep.save()
    assert als(actoren.lid).get("/w/de-hoek/").status_code == 200


def test_wachtwoord_vergeten_wordt_begrensd(db, client, mailoutbox):
    """allauth's reset limit is on: at most 3 mails per address a minute, whoever asks."""
    UserFactory(email="anna@example.org")
    for _ in range(5):
        client.post(reverse("account_reset_password"), {"email": "anna@example.org"})
    assert len(mailoutbox) == 3
    response = client.post(reverse("account_reset_password"), {"email": "anna@example.org"})
    assert response.status_code in (200, 429) and len(mailoutbox) == 3


def test_tweestapscodes_worden_begrensd(db, client):
    """Wrong second-factor codes count as failed logins for that user: after 5, even the right code is refused."""
    user = UserFactory(email="anna@example.org")
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    client.post(reverse("account_login"), {"login": "anna@example.org", "password": WACHTWOORD})
    for _ in range(5):
        response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
        assert response.status_code == 200 and "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": _huidige_code(secret)})
    assert "Te veel" in response.text
    assert "_auth_user_id" not in client.session


def test_verplichte_mfa_weigert_ook_formulieren_en_exports(actoren, als):
    from aanpak.models import Plan

    actoren.werkgroep.mfa_verplicht = True
    actoren.werkgroep.save()
    client = als(actoren.voorzitter)
    for pad in ("/w/de-hoek/aanpak/matrix/", "/w/de-hoek/audit/export/", "/w/de-hoek/analyse/enquete/"):
        response = client.get(pad)
        assert response.status_code == 302 and response.url.startswith(reverse("mfa_activate_totp")), pad
    response = client.post("/w/de-hoek/aanpak/maken/")
    assert response.status_code == 302 and response.url.startswith(reverse("mfa_activate_totp"))
    assert not Plan.objects.exists()
