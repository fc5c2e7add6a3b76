"""Nieuwe werkgroep in Chromium (issue 21): a facilitator starts a group from nothing through the steps,
the group appears in the portfolio and its home page shows the first steps. With
``KVO_SCHERMAFDRUKKEN=/tmp/shots-start`` every step is saved at desktop and phone width."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
MAP = os.environ.get("KVO_SCHERMAFDRUKKEN")
BREEDTES = {"desktop": (1280, 900), "telefoon": (390, 844)}


def _inloggen(page, live_server, user):
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    sessie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": sessie, "url": live_server.url}])


def _foto(page, naam):
    if not MAP:
        return
    Path(MAP).mkdir(parents=True, exist_ok=True)
    for breedte, (b, h) in BREEDTES.items():
        page.set_viewport_size({"width": b, "height": h})
        page.screenshot(path=f"{MAP}/{naam}-{breedte}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_begeleider_start_een_werkgroep(pagina, live_server, actoren):
    page = pagina
    _inloggen(page, live_server, actoren.begeleider)
    page.goto(f"{live_server.url}/begeleiding/")
    page.get_by_test_id("nieuwe-werkgroep").click()
    _foto(page, "1-naam")
    page.get_by_label("Naam van de werkgroep").fill("KVO-B De Vaart")
    page.get_by_label("Korte naam in de webadressen").fill("de-vaart")
    page.get_by_role("button", name="Volgende: bedrijventerrein").click()
    _foto(page, "2-terrein")
    page.get_by_label("Naam van het bedrijventerrein").fill("De Vaart")
    page.get_by_label("Gemeente").fill("Weststad")
    page.get_by_role("button", name="Volgende", exact=True).click()
    _foto(page, "3-cyclus")
    page.get_by_label("Startdatum van de cyclus").fill("2026-03-01")
    page.get_by_role("button", name="Volgende", exact=True).click()
    _foto(page, "4-bestuur")
    page.locator("#id_voorzitter_naam").fill("Anna Jansen")
    page.locator("#id_voorzitter_email").fill("anna@example.org")
    page.locator("#id_voorzitter_partij").fill("OV De Vaart")
    page.locator("#id_voorzitter_soort").select_option("ondernemersvereniging")
    page.get_by_role("button", name="Volgende", exact=True).click()
    _foto(page, "5-controleren")
    page.get_by_role("button", name="Werkgroep starten").click()
    page.get_by_test_id("eerste-stappen").wait_for()
    assert "Teken het bedrijventerrein op de kaart" in page.get_by_test_id("eerste-stappen").inner_text()
    _foto(page, "6-home")
    page.goto(f"{live_server.url}/begeleiding/")
    assert "KVO-B De Vaart" in page.content()
    _foto(page, "7-portfolio")
