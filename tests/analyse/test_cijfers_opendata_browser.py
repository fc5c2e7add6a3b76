"""The neighbourhood choice on the map and the CBS import in Chromium: labels as text, WCAG, screenshots.

With ``KVO_SCHERMAFDRUKKEN=<map>`` the test saves screenshots (1280 and 390 wide) there, for a look.
"""

import datetime as dt
from pathlib import Path

import pytest
import time_machine
from django_scopes import scopes_disabled

from analyse.models import Buurt, Cijfer
from tests.analyse.test_cijfers_browser import ernstige_schendingen, inloggen_met_cookie, schermafdruk
from tests.factories import BedrijventerreinFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DATA = Path(__file__).parent / "data"
PARK = {"type": "Polygon", "coordinates": [[[5.99, 52.87], [6.0, 52.87], [6.0, 52.876], [5.99, 52.876], [5.99, 52.87]]]}


@pytest.fixture
def lokale_pagina(page, live_server):
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(live_server.url) else r.abort())
    page.set_default_timeout(10_000)
    return page


def test_buurten_op_de_kaart_kiezen_en_cbs_importeren(lokale_pagina, live_server, actoren):
    page = lokale_pagina
    with scopes_disabled():
        BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam="De Riete <b>oost</b>", ref="riete", grens=PARK)
    inloggen_met_cookie(page, live_server, actoren.lid)
    basis = f"{live_server.url}/w/de-hoek/analyse/cijfers"
    with time_machine.travel(dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC), tick=True):
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(f"{basis}/buurten/")
        page.set_input_files("#buurtkaart", str(DATA / "buurtkaart_weststellingwerf.geojson"))
        page.get_by_role("button", name="Voorstel maken").click()
        page.wait_for_selector(".leaflet-tooltip.kaart-label--buurt")
        labels = page.locator(".leaflet-tooltip").all_text_contents()
        assert "De Riete <b>oost</b>" in labels  # the park's name as text, not as HTML
        assert page.locator(".leaflet-tooltip b").count() == 0
        assert "Bedrijventerrein De Riete (BU00980003)" in labels
        assert page.locator("input[data-buurtcode]").count() == 1
        assert ernstige_schendingen(page) == []
        schermafdruk(page, "buurten-voorstel-1280")
        page.set_viewport_size({"width": 390, "height": 844})
        schermafdruk(page, "buurten-voorstel-390")
        page.set_viewport_size({"width": 1280, "height": 900})
        # clicking the neighbourhood on the map unticks it; its box follows
        vakje = page.locator("input[data-buurtcode='BU00980003']")
        # (the click goes to the shape itself: after the viewport changed back, Leaflet may not have
        # moved its shapes yet, and a click by position then lands beside it)
        page.locator("path.leaflet-interactive").last.dispatch_event("click")
        page.wait_for_function("!document.querySelector(\"input[data-buurtcode='BU00980003']\").checked", timeout=5000)
        assert not vakje.is_checked()
        vakje.check()
        page.get_by_role("button", name="Buurten bevestigen").click()
        page.wait_for_selector("[data-testid=gekozen]")
        with scopes_disabled():
            assert list(Buurt.objects.values_list("code", flat=True)) == ["BU00980003"]

        page.goto(f"{basis}/cbs/")
        page.set_input_files(
            "#bestanden", [str(DATA / "cbs_47018NED_metadata.json"), str(DATA / "cbs_47018NED_TypedDataSet.json")]
        )
        page.get_by_role("button", name="Controleren").click()
        page.wait_for_selector("[data-testid=aantal-rijen]")
        schermafdruk(page, "cbs-controle-1280")
        page.get_by_role("button", name="4 cijfers importeren").click()
        page.wait_for_selector("#bron-politie")
        with scopes_disabled():
            assert Cijfer.objects.filter(herkomst="cbs").count() == 4
        tabel = page.locator("#cijfers-politie")
        assert tabel.get_by_text("open data (CBS)").count() == 4
        assert tabel.get_by_text("afgeschermd (klein aantal)").count() == 2
        assert ernstige_schendingen(page) == []
        page.locator("#bron-politie").scroll_into_view_if_needed()
        schermafdruk(page, "cijfers-cbs-1280")
        page.set_viewport_size({"width": 390, "height": 844})
        schermafdruk(page, "cijfers-cbs-390")
