"""Signing up through an invitation (penetration test, issue 19 finding 11; issue 21 "Joining"): the
account is made for the invited address only, on the invitation's page, and accepts it in the same
step; allauth's own sign-up stays closed even with an invitation in the session; nothing tells
whether another address has an account; an existing account accepts by logging in; an expired or
used invitation says whom to ask."""

import datetime as dt

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from tests.conftest import cache_legen
from tests.factories import LidFactory, UserFactory
from werkgroepen.models import Lid, Uitnodiging
from werkgroepen.services import lid_nodig_uit

WACHTWOORD = "een-lang-wachtwoord-42"
BESTAAND = "geheim-wachtwoord-123"  # UserFactory's
THUIS = reverse("werkgroepen:home", kwargs={"werkgroep": "de-hoek"})
User = get_user_model()


@pytest.fixture(autouse=True)
def _schone_cache():
    cache_legen()
    yield
    cache_legen()


@pytest.fixture
def uitn(actoren) -> Uitnodiging:
    actoren.voorzitter.naam = "Vera Voorzitter"
    actoren.voorzitter.save()
    Lid.objects.filter(user=actoren.secretaris).update(naam="Sam Secretaris")
    nieuw = LidFactory(werkgroep=actoren.werkgroep, naam="Nieuw Lid", email="nieuw@example.org")
    return lid_nodig_uit(actor=actoren.voorzitter, lid=nieuw)


def _link(uitn) -> str:
    return reverse("uitnodiging:accepteer", args=[uitn.token])


def test_aanmelden_op_de_uitnodiging_noemt_werkgroep_en_uitnodiger_en_accepteert_meteen(uitn, client):
    r = client.get(_link(uitn))
    assert r.status_code == 200
    assert "KVO De Hoek" in r.text and "Vera Voorzitter" in r.text
    assert 'value="nieuw@example.org"' in r.text and "disabled" in r.text  # filled in, not to be changed
    r = client.post(_link(uitn), {"password1": WACHTWOORD, "password2": WACHTWOORD})
    assert r.status_code == 302 and r.url == THUIS
    user = User.objects.get(email="nieuw@example.org")
    assert client.session["_auth_user_id"] == str(user.pk)
    uitn.refresh_from_db()
    assert uitn.geaccepteerd_op is not None and uitn.lid.user == user
    assert client.get(THUIS).status_code == 200


def test_account_alleen_voor_het_uitgenodigde_adres(uitn, client):
    """The finding: one unused link made accounts for other addresses (allauth's sign-up, opened by the
    invitation in the session, took any address). Now neither page makes one for another address."""
    client.get(_link(uitn))
    for pad in (reverse("account_signup"), _link(uitn)):
        client.post(pad, {"email": "ander@example.org", "password1": WACHTWOORD, "password2": WACHTWOORD})
    assert not User.objects.filter(email="ander@example.org").exists()
    assert User.objects.filter(email="nieuw@example.org").count() == 1  # the link's own account, once


def test_allauth_aanmelden_blijft_dicht_met_uitnodiging_in_de_sessie(uitn, client):
    client.get(_link(uitn))
    r = client.get(reverse("account_signup"))
    assert "alleen op uitnodiging" in r.text and 'name="password1"' not in r.text


def test_aanmelden_verraadt_geen_account_van_een_ander_adres(uitn, client):
    UserFactory(email="bestaand@example.org")
    client.get(_link(uitn))
    for pad in (reverse("account_signup"), _link(uitn)):
        r = client.post(pad, {"email": "bestaand@example.org", "password1": WACHTWOORD, "password2": WACHTWOORD})
        assert "bestaand@example.org" not in r.text
        assert "al een gebruiker" not in r.text and "al geregistreerd" not in r.text


def test_fout_wachtwoord_maakt_geen_account(uitn, client):
    r = client.post(_link(uitn), {"password1": WACHTWOORD, "password2": "iets-anders-42"})
    assert r.status_code == 200 and "niet gelijk" in r.text
    r = client.post(_link(uitn), {"password1": "12345678901", "password2": "12345678901"})
    assert r.status_code == 200
    assert not User.objects.filter(email="nieuw@example.org").exists()
    uitn.refresh_from_db()
    assert uitn.geaccepteerd_op is None


def test_aanmelden_is_begrensd(uitn, client):
    for _ in range(10):
        client.post(_link(uitn), {"password1": "kort", "password2": "kort"})
    assert client.post(_link(uitn), {"password1": WACHTWOORD, "password2": WACHTWOORD}).status_code == 429
    assert not User.objects.filter(email="nieuw@example.org").exists()


def test_bestaand_account_accepteert_met_inloggen(uitn, client):
    user = UserFactory(email="nieuw@example.org")
    r = client.get(_link(uitn))
    assert r.status_code == 302 and r.url.startswith(reverse("account_login"))
    r = client.post(r.url, {"login": "nieuw@example.org", "password": BESTAAND})
    assert r.status_code == 302
    uitn.refresh_from_db()
    assert uitn.geaccepteerd_op is not None and uitn.lid.user == user  # accepted by the login itself
    r = client.get(r.url)  # back to the link: straight on to the work group
    assert r.status_code == 302 and r.url == THUIS


def test_bestaand_account_met_tweestaps_accepteert_na_de_code(uitn, client):
    user = UserFactory(email="nieuw@example.org")
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    r = client.get(_link(uitn))
    r = client.post(r.url, {"login": "nieuw@example.org", "password": BESTAAND})
    assert r.url == reverse("mfa_authenticate")
    uitn.refresh_from_db()
    assert uitn.geaccepteerd_op is None  # not on the password alone
    code = format_hotp_value(hotp_value(secret, next(iter(yield_hotp_counters_from_time()))))
    client.post(reverse("mfa_authenticate"), {"code": code})
    uitn.refresh_from_db()
    assert uitn.lid.user == user


def test_inloggen_met_ander_account_accepteert_niet(uitn, actoren, client):
    """Logging in as someone else after following the link accepts nothing; the page says why."""
    UserFactory(email="nieuw@example.org")
    client.get(_link(uitn))
    client.post(reverse("account_login"), {"login": "lid@example.org", "password": BESTAAND})
    uitn.refresh_from_db()
    assert uitn.geaccepteerd_op is None
    r = client.get(_link(uitn))
    assert "Deze uitnodiging is voor nieuw@example.org" in r.text and "Uitnodiging accepteren" not in r.text


def test_verlopen_uitnodiging_zegt_wie_te_vragen(uitn, client):
    Uitnodiging.objects.filter(pk=uitn.pk).update(geldig_tot=timezone.now() - dt.timedelta(days=1))
    r = client.get(_link(uitn))
    assert r.status_code == 410
    assert "verlopen" in r.text and "Vera Voorzitter" in r.text and "Sam Secretaris" in r.text


def test_gebruikte_uitnodiging_zegt_wie_te_vragen(uitn, client):
    Uitnodiging.objects.filter(pk=uitn.pk).update(geaccepteerd_op=timezone.now())
    r = client.get(_link(uitn))
    assert r.status_code == 410
    assert "al gebruikt" in r.text and "Vera Voorzitter" in r.text and "Sam Secretaris" in r.text
