"""A member adds an inspection point with a photo on a phone (390 px): the camera input, the
automatic sequence number, the photo shown through the work group. Passes axe (WCAG 2.1 AA).

Screenshots for a visual check are written when ``KVO_SCHERMAFDRUKKEN`` names a directory.
"""

import io
import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from PIL import Image

from analyse.models import Schouwpunt
from tests.analyse.factories import SchouwFactory
from tests.wacht import wacht_tot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def schermafdruk(page, naam):
    if doel := os.environ.get("KVO_SCHERMAFDRUKKEN"):
        Path(doel).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(doel) / f"{naam}.png"), full_page=True)


def test_lid_voegt_punt_met_foto_toe_op_telefoon(browser, live_server, actoren, tmp_path):
    schouw = SchouwFactory(cyclus=actoren.cyclus, soort="avond")
    schouw.aanwezigen.add(*actoren.werkgroep.leden.all())
    foto = tmp_path / "IMG_2041.jpg"
    beeld = Image.new("RGB", (1600, 1200), (40, 50, 90))
    uit = io.BytesIO()
    beeld.save(uit, "JPEG")
    foto.write_bytes(uit.getvalue())

    client = Client()
    client.force_login(actoren.lid, backend="django.contrib.auth.backends.ModelBackend")
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
          "url": live_server.url}]
    )  # fmt: skip
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(live_server.url) else r.abort())
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/w/de-hoek/analyse/schouwen/{schouw.pk}/")
    page.get_by_role("link", name="Eerste punt toevoegen").click()
    invoer = page.locator("input[type=file]")
    assert invoer.get_attribute("capture") == "environment" and invoer.get_attribute("accept") == "image/*"
    invoer.set_input_files(str(foto))
    page.get_by_label("Positief punt: dit gaat goed").check()
    page.get_by_label("Locatie").fill("Industrieweg 3, entree")
    page.get_by_label("Wat zag u?").fill("Goede verlichting bij de entree")
    page.get_by_label("Waarom is de werkgroep tevreden?").fill("Alles verlicht en heel")
    page.get_by_label("Wat was ervoor nodig?").fill("Nieuwe lampen door de gemeente")
    schermafdruk(page, "schouw-punt-390")
    assert Axe().run(page, options=WCAG_AA).violations_count == 0
    page.get_by_role("button", name="Opslaan", exact=True).click()
    page.wait_for_url(f"**/schouwen/{schouw.pk}/#punt-1")
    kaart = page.locator("#punt-1")
    assert "Goede verlichting bij de entree" in kaart.inner_text()
    assert kaart.locator(".punt__nummer").inner_text() == "1"
    kaart.locator("img").scroll_into_view_if_needed()
    wacht_tot(page, "document.querySelector('#punt-1 img').naturalWidth > 0")
    assert page.evaluate("document.querySelector('#punt-1 img').naturalWidth") == 1600  # served, re-encoded
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    schermafdruk(page, "schouw-390")
    punt = Schouwpunt.objects.get()
    assert punt.positief and punt.nummer == 1 and punt.foto
    context.close()
