"""In a real browser: log in, land in the work group, switch to another, see the right name."""

import pytest

from tests.browser.conftest import inloggen
from tests.factories import LidFactory, PartijFactory, UserFactory, WerkgroepFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_inloggen_en_wisselen_van_werkgroep(pagina, live_server):
    user = UserFactory(email="jan@example.org")
    noord = WerkgroepFactory(naam="KVO Noordpoort", slug="noordpoort")
    zuid = WerkgroepFactory(naam="KVO Zuidhaven", slug="zuidhaven")
    for wg in (noord, zuid):
        LidFactory(werkgroep=wg, partij=PartijFactory(werkgroep=wg), user=user)

    inloggen(pagina, live_server, "jan@example.org")
    pagina.get_by_role("heading", name="Mijn werkgroepen").wait_for()
    pagina.get_by_role("link", name="KVO Noordpoort").click()
    assert pagina.get_by_test_id("huidige-werkgroep").inner_text() == "KVO Noordpoort"
    assert pagina.url.endswith("/w/noordpoort/")

    pagina.get_by_label("Wissel van werkgroep").click()
    pagina.get_by_role("link", name="KVO Zuidhaven").click()
    assert pagina.get_by_test_id("huidige-werkgroep").inner_text() == "KVO Zuidhaven"
    assert pagina.get_by_role("heading", level=1).inner_text() == "KVO Zuidhaven"


def test_lid_met_een_werkgroep_landt_er_direct_in(pagina, live_server):
    user = UserFactory(email="piet@example.org")
    wg = WerkgroepFactory(naam="KVO De Hoek", slug="de-hoek")
    LidFactory(werkgroep=wg, partij=PartijFactory(werkgroep=wg), user=user)
    inloggen(pagina, live_server, "piet@example.org")
    pagina.wait_for_url(f"{live_server.url}/w/de-hoek/")
    assert pagina.get_by_test_id("huidige-werkgroep").inner_text() == "KVO De Hoek"


def test_fout_wachtwoord_geeft_nederlandse_melding(pagina, live_server):
    UserFactory(email="piet@example.org")
    inloggen(pagina, live_server, "piet@example.org", "verkeerd-wachtwoord")
    assert "niet correct" in pagina.locator("main").inner_text()
