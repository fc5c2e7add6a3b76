"""The work-group switcher in the header loads the user's other work groups when it opens."""

import pytest

from tests.browser.conftest import inloggen
from tests.factories import LidFactory, PartijFactory, WerkgroepFactory
from tests.wacht import wacht_tot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_wisselaar_toont_de_andere_werkgroepen_bij_openen(pagina, live_server, actoren):
    tweede = WerkgroepFactory(naam="KVO Tweede", slug="tweede")
    LidFactory(werkgroep=tweede, partij=PartijFactory(werkgroep=tweede), user=actoren.lid, email="lid@example.org")
    inloggen(pagina, live_server, "lid@example.org")
    pagina.goto(f"{live_server.url}/w/de-hoek/")
    lijst = pagina.get_by_test_id("wisselaar-lijst")
    assert "KVO Tweede" not in lijst.inner_html()
    with pagina.expect_response(lambda r: r.url.endswith("/w/de-hoek/wissel/")):
        pagina.get_by_test_id("huidige-werkgroep").click()
    wacht_tot(pagina, "document.querySelector('[data-testid=wisselaar-lijst] a[href=\"/w/tweede/\"]') !== null")
    pagina.get_by_role("link", name="KVO Tweede").click()
    pagina.wait_for_url(f"{live_server.url}/w/tweede/")
    assert pagina.get_by_test_id("huidige-werkgroep").inner_text() == "KVO Tweede"
