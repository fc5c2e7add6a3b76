"""From nothing to the chair's home page, in Chromium (issue 21): a facilitator starts a group through
the wizard and invites its chair, draws the park on the map and imports the entrepreneurs' register;
the chair opens the invitation link from the mail in a browser of their own, chooses a password and
lands on the group's home page, whose first steps show the park drawn and the register imported.

Every step is saved at desktop and phone width in ``/tmp/shots-flow/`` (``KVO_SCHERMAFDRUKKEN``
chooses another folder)."""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django_scopes import scopes_disabled

from gebieden.models import Bedrijventerrein
from tests.wacht import wacht_tot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
MAP = Path(os.environ.get("KVO_SCHERMAFDRUKKEN", "/tmp/shots-flow"))
BREEDTES = {"desktop": (1280, 900), "telefoon": (390, 844)}
REGISTER = (
    "naam;adres;postcode;huisnummer;email\n"
    "Bakkerij Vaartzicht B.V.;Vaartweg;8471 AB;2;info@vaartzicht.example\n"
    "Smit Transport;Vaartweg;8471 AB;14;planning@smit.example\n"
    "Garage De Sluis;Sluisstraat;8471 AC;3;\n"
)


def _inloggen(page, live_server, user):
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    sessie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": sessie, "url": live_server.url}])


def _foto(page, naam):
    MAP.mkdir(parents=True, exist_ok=True)
    for breedte, (b, h) in BREEDTES.items():
        page.set_viewport_size({"width": b, "height": h})
        page.screenshot(path=str(MAP / f"{naam}-{breedte}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def _alleen_lokaal(page, live_server):
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(live_server.url) else r.abort())
    page.set_default_timeout(10_000)


def test_van_niets_tot_de_home_van_de_voorzitter(pagina, browser, live_server, actoren, tmp_path):
    page = pagina
    _inloggen(page, live_server, actoren.begeleider)
    page.goto(f"{live_server.url}/begeleiding/")
    _foto(page, "01-portfolio")
    page.get_by_test_id("nieuwe-werkgroep").click()

    # The wizard: name, park, cycle, chair to invite, check.
    page.get_by_label("Naam van de werkgroep").fill("KVO-B De Vaart")
    page.get_by_label("Korte naam in de webadressen").fill("de-vaart")
    _foto(page, "02-stap-naam")
    page.get_by_role("button", name="Volgende: bedrijventerrein").click()
    page.get_by_label("Naam van het bedrijventerrein").fill("De Vaart")
    page.get_by_label("Gemeente").fill("Weststad")
    _foto(page, "03-stap-terrein")
    page.get_by_role("button", name="Volgende", exact=True).click()
    page.get_by_label("Startdatum van de cyclus").fill("2026-03-01")
    _foto(page, "04-stap-cyclus")
    page.get_by_role("button", name="Volgende", exact=True).click()
    page.locator("#id_voorzitter_naam").fill("Anna Jansen")
    page.locator("#id_voorzitter_email").fill("anna@example.org")
    page.locator("#id_voorzitter_partij").fill("OV De Vaart")
    page.locator("#id_voorzitter_soort").select_option("ondernemersvereniging")
    _foto(page, "05-stap-bestuur")
    page.get_by_role("button", name="Volgende", exact=True).click()
    _foto(page, "06-stap-controleren")
    page.get_by_role("button", name="Werkgroep starten").click()
    page.wait_for_url(f"{live_server.url}/w/de-vaart/")
    stappen = page.get_by_test_id("eerste-stappen")
    _foto(page, "07-home-begeleider")

    # The park: the first step leads to its edit page with the map; draw the outline.
    stappen.get_by_role("link", name="Teken het bedrijventerrein op de kaart").click()
    kaart = page.locator("[data-kaart]")
    kaart.scroll_into_view_if_needed()
    page.locator(".leaflet-draw-draw-polygon").click()
    vak = kaart.bounding_box()
    for fx, fy in [(0.3, 0.3), (0.7, 0.3), (0.7, 0.7), (0.3, 0.7), (0.3, 0.3)]:
        page.mouse.click(vak["x"] + fx * vak["width"], vak["y"] + fy * vak["height"])
        page.wait_for_timeout(120)  # leaflet-draw ignores clicks within 50 ms of each other
    wacht_tot(page, "document.getElementById('id_grens').value.includes('Polygon')")
    _foto(page, "08-terrein-getekend")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"{live_server.url}/w/de-vaart/gebied/")
    _foto(page, "09-gebied")
    with scopes_disabled():
        assert Bedrijventerrein.objects.get(werkgroep__slug="de-vaart").grens["type"] == "Polygon"

    # The register: from the home page's step, a CSV with three rows, previewed and confirmed.
    page.goto(f"{live_server.url}/w/de-vaart/")
    assert "(gedaan)" in stappen.get_by_role("listitem").nth(0).inner_text()
    stappen.get_by_role("link", name="Importeer het ondernemersregister").click()
    bestand = tmp_path / "register.csv"
    bestand.write_text(REGISTER, encoding="utf-8")
    page.get_by_label("Bestand").set_input_files(str(bestand))
    _foto(page, "10-import-kiezen")
    page.get_by_role("button", name="Controleren").click()
    assert page.get_by_test_id("aantal-rijen").inner_text() == "3 ondernemers"
    _foto(page, "11-import-controle")
    page.get_by_role("button", name="3 ondernemers importeren").click()
    page.wait_for_url(re.compile(r".*/gebied/terrein/\d+/ondernemers/$"))
    assert "Smit Transport" in page.locator("main").inner_text()
    _foto(page, "12-ondernemers")

    # The chair: the invitation mail sent when the group started, opened in a browser of their own.
    aan_anna = [m for m in mail.outbox if "anna@example.org" in m.to]
    assert len(aan_anna) == 1
    link = re.search(r"https?://\S+/uitnodiging/\S+", aan_anna[0].body).group(0)
    context = browser.new_context()
    try:
        anna = context.new_page()
        _alleen_lokaal(anna, live_server)
        anna.goto(live_server.url + urlsplit(link).path)
        assert "KVO-B De Vaart" in anna.get_by_role("heading", level=1).inner_text()
        anna.locator("#id_password1").fill("vaart-voorzitter-2026")
        anna.locator("#id_password2").fill("vaart-voorzitter-2026")
        _foto(anna, "13-uitnodiging")
        anna.get_by_role("button", name="Account aanmaken en uitnodiging accepteren").click()
        anna.wait_for_url(f"{live_server.url}/w/de-vaart/")
        assert anna.get_by_role("heading", level=1).inner_text() == "KVO-B De Vaart"
        eerste = anna.get_by_test_id("eerste-stappen").get_by_role("listitem")
        for i, naam in enumerate(["Teken het bedrijventerrein op de kaart", "Importeer het ondernemersregister"]):
            tekst = " ".join(eerste.nth(i).inner_text().split())
            assert tekst.startswith(f"{naam} (gedaan)") and eerste.nth(i).get_attribute("class") == "klaar"
        assert "(gedaan)" not in eerste.nth(3).inner_text()  # no meeting yet
        _foto(anna, "14-home-voorzitter")
    finally:
        context.close()
