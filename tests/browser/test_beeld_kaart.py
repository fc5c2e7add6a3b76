"""The facilitator's picture in Chromium: parks drawn in their class's colour, and a park's name with
markup in it shown on the map as text (names go to Leaflet as text nodes), without a request."""

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import BedrijventerreinFactory
from tests.gebieden.factories import vierkant
from tests.wacht import wacht_tot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_kaart_kleurt_en_toont_namen_als_tekst(pagina, live_server, actoren):
    naam = '<img src=x onerror="document.title=\'gehackt\'"><i hx-get="/" hx-trigger="load">x</i>'
    BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam=naam, grens=vierkant(5.10, 52.0))
    BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam="Gewoon Park", grens=vierkant(5.12, 52.0))
    client = Client()
    client.force_login(actoren.begeleider, backend="django.contrib.auth.backends.ModelBackend")
    sessie = client.cookies[settings.SESSION_COOKIE_NAME].value
    pagina.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": sessie, "url": live_server.url}])
    pagina.route("https://tile.openstreetmap.org/**", lambda r: r.abort())
    verzoeken = []
    pagina.goto(f"{live_server.url}/begeleiding/beeld/", wait_until="domcontentloaded", timeout=60_000)
    pagina.on("request", lambda r: verzoeken.append(r.url))
    wacht_tot(pagina, "document.querySelectorAll('.beeld-label').length === 2")
    pagina.wait_for_timeout(300)
    labels = pagina.locator(".beeld-label").all_text_contents()
    assert f"{naam}: —" in labels  # the literal text, tags and all (no survey: no figure)
    assert pagina.locator(".beeld-label *").count() == 0
    assert pagina.title() != "gehackt"
    assert [u for u in verzoeken if "openstreetmap" not in u and "/static/" not in u] == []  # no hx-get
    assert pagina.locator("path.leaflet-interactive").count() == 2
