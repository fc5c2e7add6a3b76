"""Chromium accepts the Permissions-Policy header as sent: no console error about it, and the page
may use the camera and location but not the microphone, payments or USB."""

import pytest

from tests.browser.conftest import inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_chromium_leest_het_beleid(pagina, live_server, actoren):
    meldingen = []
    pagina.on("console", lambda m: meldingen.append(m.text))
    inloggen(pagina, live_server, "lid@example.org")
    response = pagina.goto(f"{live_server.url}/w/de-hoek/")
    assert response.status == 200
    assert "microphone=()" in response.headers["permissions-policy"]
    assert [m for m in meldingen if "Permissions-Policy" in m or "Permissions Policy" in m] == []
    toegestaan = pagina.evaluate(
        """() => document.featurePolicy ? Object.fromEntries(
            ["camera", "geolocation", "microphone", "payment", "usb"]
                .map(f => [f, document.featurePolicy.allowsFeature(f)])
        ) : null"""
    )
    if toegestaan is not None:  # Chromium's document.featurePolicy
        assert toegestaan == {"camera": True, "geolocation": True, "microphone": False, "payment": False, "usb": False}
