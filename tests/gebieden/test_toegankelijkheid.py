"""WCAG 2.1 AA (axe-core) on the area pages with data: no serious or critical violations."""

import pytest

from tests.browser.test_toegankelijkheid import ernstige_schendingen
from tests.factories import BedrijventerreinFactory, OndernemerFactory
from tests.gebieden.factories import AangrenzendeLocatieFactory, vierkant
from tests.gebieden.test_kaart_browser import inloggen_met_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_gebiedpaginas(page, live_server, actoren):
    wg = actoren.werkgroep
    a = BedrijventerreinFactory(werkgroep=wg, naam="Noord", grens=vierkant(5.10, 52.0))
    b = BedrijventerreinFactory(werkgroep=wg, naam="Zuid", grens=vierkant(5.12, 52.0), gemeente="Elders")
    AangrenzendeLocatieFactory(werkgroep=wg)
    OndernemerFactory.create_batch(3, terrein=a)
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(live_server.url) else r.abort())
    inloggen_met_cookie(page, live_server, actoren.lid)
    fouten = {}
    for pad in [
        "/w/de-hoek/gebied/",
        f"/w/de-hoek/gebied/terrein/{b.pk}/wijzigen/",
        "/w/de-hoek/gebied/terrein/nieuw/",
        f"/w/de-hoek/gebied/terrein/{a.pk}/ondernemers/",
        f"/w/de-hoek/gebied/terrein/{a.pk}/ondernemers/nieuw/",
        f"/w/de-hoek/gebied/terrein/{a.pk}/ondernemers/importeren/",
        "/w/de-hoek/gebied/cluster/",
        "/w/de-hoek/gebied/locatie/nieuw/",
        "/w/de-hoek/gebied/regie/",
    ]:
        assert page.goto(live_server.url + pad).status == 200, pad
        if schendingen := ernstige_schendingen(page):
            fouten[pad] = schendingen
    assert fouten == {}
