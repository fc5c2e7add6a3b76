"""Drawing a park boundary with the mouse on the Leaflet map (leaflet-draw), in Chromium.

Tile requests are blocked: the drawing must work without the background map.
"""

import pytest
from django.conf import settings
from django.test import Client

from gebieden.geo import valideer_grens
from gebieden.models import Bedrijventerrein
from tests.wacht import wacht_tot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def inloggen_met_cookie(page, live_server, user):
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    sessie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": sessie, "url": live_server.url}])


@pytest.fixture
def lokale_pagina(page, live_server):
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(live_server.url) else r.abort())
    page.set_default_timeout(10_000)
    return page


def test_polygoon_tekenen_en_opslaan(lokale_pagina, live_server, actoren):
    page = lokale_pagina
    inloggen_met_cookie(page, live_server, actoren.lid)
    page.goto(f"{live_server.url}/w/de-hoek/gebied/terrein/nieuw/")
    page.get_by_label("Naam van het bedrijventerrein").fill("Getekend Terrein")
    page.get_by_label("Gemeente").fill("Voorbeeldstad")

    kaart = page.locator("[data-kaart]")
    kaart.scroll_into_view_if_needed()
    page.locator(".leaflet-draw-draw-polygon").click()
    vak = kaart.bounding_box()
    punten = [(0.3, 0.3), (0.7, 0.3), (0.7, 0.7), (0.3, 0.7)]
    for fx, fy in punten:
        page.mouse.click(vak["x"] + fx * vak["width"], vak["y"] + fy * vak["height"])
        page.wait_for_timeout(120)  # leaflet-draw ignores clicks within 50 ms of each other
    # close the shape on the first point
    page.mouse.click(vak["x"] + 0.3 * vak["width"], vak["y"] + 0.3 * vak["height"])
    wacht_tot(page, "document.getElementById('id_grens').value.includes('Polygon')")

    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"{live_server.url}/w/de-hoek/gebied/")
    assert "Getekend Terrein" in page.content()

    grens = Bedrijventerrein.objects.get(naam="Getekend Terrein").grens
    assert grens["type"] == "Polygon"
    assert valideer_grens(grens) == grens
    ring = grens["coordinates"][0]
    assert len(ring) == 5 and ring[0] == ring[-1]
