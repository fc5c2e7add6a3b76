"""Every response carries a Permissions-Policy header (pen test, issue 19): camera and location
only for our own pages (the inspection walk on a phone), microphone, payment and USB for none."""

import pytest
from django.urls import reverse

from kvo.koppen import permissions_policy

VERWACHT = "camera=(self), geolocation=(self), microphone=(), payment=(), usb=()"


def test_de_waarde_uit_de_instellingen():
    assert permissions_policy({"camera": ["self"], "usb": []}) == "camera=(self), usb=()"
    assert permissions_policy({"geolocation": ["self", "https://voorbeeld.nl"]}) == (
        "geolocation=(self https://voorbeeld.nl)"
    )


@pytest.mark.parametrize(
    "pad",
    [
        "/accounts/login/",  # a page without login
        "/",  # a redirect to the login page
        "/w/de-hoek/",  # a work group's page
        "/w/andere-kant/",  # another work group's: 404
        "/bestaat/niet/",  # 404
        "/gezondheid/",  # the load balancer's check
    ],
)
def test_elk_antwoord_heeft_de_kop(actoren, als, pad):
    response = als(actoren.lid).get(pad)
    assert response.headers["Permissions-Policy"] == VERWACHT, (pad, response.status_code)


def test_ook_zonder_inloggen_en_na_een_post(client, actoren):
    response = client.post(reverse("account_login"), {"login": "niemand@example.org", "password": "fout"})
    assert response.headers["Permissions-Policy"] == VERWACHT


def test_ook_de_statische_bestanden(settings):
    """WhiteNoise answers for the static files itself, before the middleware below it: the header's
    middleware stands above it."""
    volgorde = settings.MIDDLEWARE
    assert volgorde.index("kvo.koppen.PermissionsPolicy") < volgorde.index("whitenoise.middleware.WhiteNoiseMiddleware")
