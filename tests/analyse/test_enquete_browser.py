"""The entrepreneur answers the survey on a 360 px phone, from the personal link to the thank-you
page; the pages pass axe (WCAG 2.1 AA) and nothing scrolls sideways. The pages carry no script at
all (tests/analyse/test_publiek.py), so this is also the page without JavaScript.

Screenshots for a visual check are written when ``KVO_SCHERMAFDRUKKEN`` names a directory.
"""

import datetime as dt
import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from analyse.models import EnqueteConcept, Reactie
from analyse.services.enquete import enquete_maak
from analyse.tokens import nieuwe_link
from tests.factories import BedrijventerreinFactory, OndernemerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def schermafdruk(page, naam):
    if doel := os.environ.get("KVO_SCHERMAFDRUKKEN"):
        Path(doel).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(doel) / f"{naam}.png"), full_page=True)


@pytest.fixture
def token(actoren):
    enquete = enquete_maak(actor=None, cyclus=actoren.cyclus)
    enquete.geopend_op = dt.date.today()
    enquete.gesloten_op = dt.date.today() + dt.timedelta(days=20)
    enquete.save()
    terrein = BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam="Zuid")
    uitnodiging = enquete.uitnodigingen.create(ondernemer=OndernemerFactory(terrein=terrein), kanaal="email")
    return nieuwe_link(uitnodiging)


def test_ondernemer_vult_de_enquete_in_op_een_telefoon(browser, live_server, token):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(live_server.url) else r.abort())
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/e/{token}/")
    assert page.url == f"{live_server.url}/e/"  # the token left the address bar
    assert "anoniem" in page.get_by_test_id("anoniem").inner_text()
    schermafdruk(page, "enquete-welkom-360")
    assert Axe().run(page, options=WCAG_AA).violations_count == 0
    page.get_by_role("link", name="Beginnen").click()
    stap = 0
    while "/e/stap/" in page.url:
        stap += 1
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        if stap == 1:
            page.get_by_role("button", name="Volgende").click()  # nothing required yet: moves on
            page.get_by_role("button", name="Vorige").click()
            schermafdruk(page, "enquete-stap-360")
            assert Axe().run(page, options=WCAG_AA).violations_count == 0
        for groep in page.locator("fieldset.vraag").all():
            groep.locator("label").first.click()  # the first answer of every choice question
        for veld in page.locator("textarea").all():
            veld.fill("Meer verlichting bij de ingang graag.")
        knop = page.get_by_role("button", name="Naar versturen")
        if knop.count():
            knop.click()
        else:
            page.get_by_role("button", name="Volgende").click()
    assert page.url.endswith("/e/versturen/")
    schermafdruk(page, "enquete-versturen-360")
    page.get_by_role("button", name="Antwoorden versturen").click()
    assert page.url.endswith("/e/klaar/") and "Dank u wel" in page.content()
    reactie = Reactie.objects.get()
    assert "Meer verlichting bij de ingang graag." in reactie.antwoorden.values()
    assert not EnqueteConcept.objects.exists()
    page.goto(f"{live_server.url}/e/{token}/")
    assert "U hebt de enquête al ingevuld" in page.content()
    context.close()
