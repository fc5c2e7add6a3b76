"""In a real browser: a member plans a measure's quarters in the matrix by clicking cells (htmx),
sees them after a reload, and a second member saving the same measure gets the conflict page.
The matrix passes axe (WCAG 2.1 AA). Screenshots when ``KVO_SCHERMAFDRUKKEN`` names a directory.
"""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client

from aanpak.models import Maatregel
from aanpak.services.plan import plan_maak
from tests.aanpak.factories import DoelstellingFactory, MaatregelFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def schermafdruk(page, naam):
    if doel := os.environ.get("KVO_SCHERMAFDRUKKEN"):
        Path(doel).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(doel) / f"{naam}.png"), full_page=True)


def pagina_als(browser, live_server, user, breedte=1280, javascript=True):
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    context = browser.new_context(viewport={"width": breedte, "height": 900}, java_script_enabled=javascript)
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
          "url": live_server.url}]
    )  # fmt: skip
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(live_server.url) else r.abort())
    page.set_default_timeout(10_000)
    return page


@pytest.fixture
def plan(actoren):
    plan = plan_maak(actor=None, cyclus=actoren.cyclus)
    doel = DoelstellingFactory(plan=plan, titel="Minder inbraken", thema="sociale-veiligheid")
    MaatregelFactory(plan=plan, doelstelling=doel, titel="Camera's bij de ingang", kwartalen=[],
                     verantwoordelijke=actoren.werkgroep.partijen.first())  # fmt: skip
    return plan


def test_kwartalen_klikken_en_na_herladen_zien(browser, live_server, actoren, plan):
    m = Maatregel.objects.get(titel="Camera's bij de ingang")
    page = pagina_als(browser, live_server, actoren.lid)
    page.goto(f"{live_server.url}/w/de-hoek/aanpak/matrix/")
    rij = page.locator(f"#m-{m.pk}")
    rij.get_by_role("button", name="Camera's bij de ingang: Q3 2025 niet gepland, klik om te plannen").click()
    page.locator(f'#m-{m.pk} [data-kwartaal="2025-Q3"] button[aria-pressed="true"]').wait_for()
    page.locator(f"#m-{m.pk}").get_by_role(
        "button", name="Camera's bij de ingang: Q1 2026 niet gepland, klik om te plannen"
    ).click()
    page.locator(f'#m-{m.pk} [data-kwartaal="2026-Q1"] button[aria-pressed="true"]').wait_for()
    assert page.url.endswith("/aanpak/matrix/")  # htmx swapped the row, no reload
    m.refresh_from_db()
    assert m.kwartalen == ["2025-Q3", "2026-Q1"]
    page.reload()
    gepland = page.locator(f'#m-{m.pk} button[aria-pressed="true"]')
    assert gepland.count() == 2
    assert {gepland.nth(i).get_attribute("title") for i in range(2)} == {"Q3 2025", "Q1 2026"}
    schermafdruk(page, "matrix")
    resultaat = Axe().run(page, options=WCAG_AA)
    assert resultaat.violations_count == 0, resultaat.generate_report()


def test_kwartalen_klikken_zonder_javascript(browser, live_server, actoren, plan):
    """Without JavaScript a cell's button submits the page's plan or unplan form to the measure's URL."""
    m = Maatregel.objects.get(titel="Camera's bij de ingang")
    page = pagina_als(browser, live_server, actoren.lid, javascript=False)
    page.goto(f"{live_server.url}/w/de-hoek/aanpak/matrix/")
    page.get_by_role("button", name="Camera's bij de ingang: Q3 2025 niet gepland, klik om te plannen").click()
    page.locator(f'#m-{m.pk} [data-kwartaal="2025-Q3"] button[aria-pressed="true"]').wait_for()
    assert page.url.endswith(f"/aanpak/matrix/#m-{m.pk}")  # a full POST and the redirect back to the row
    m.refresh_from_db()
    assert m.kwartalen == ["2025-Q3"]
    page.get_by_role("button", name="Camera's bij de ingang: Q3 2025 gepland, klik om te schrappen").click()
    page.locator(f'#m-{m.pk} [data-kwartaal="2025-Q3"] button[aria-pressed="false"]').wait_for()
    m.refresh_from_db()
    assert m.kwartalen == []


def test_tweede_opslaan_krijgt_het_conflict(browser, live_server, actoren, plan):
    m = Maatregel.objects.get(titel="Camera's bij de ingang")
    wijzig = f"{live_server.url}/w/de-hoek/aanpak/maatregelen/{m.pk}/wijzigen/"
    eerste = pagina_als(browser, live_server, actoren.lid)
    tweede = pagina_als(browser, live_server, actoren.voorzitter)
    eerste.goto(wijzig)
    tweede.goto(wijzig)  # both read the same version
    eerste.locator("#id_titel").fill("Camera's bij de ingang en de uitgang")
    eerste.get_by_role("button", name="Opslaan").click()
    eerste.wait_for_url("**/aanpak/matrix/**")
    tweede.locator("#id_benodigde_tijd").fill("vier dagdelen")
    tweede.get_by_role("button", name="Opslaan").click()
    conflict = tweede.get_by_test_id("conflict")
    conflict.wait_for()
    assert "Iemand anders heeft deze maatregel intussen gewijzigd" in conflict.inner_text()
    assert "Camera's bij de ingang en de uitgang" in conflict.inner_text()  # the stored version, beside theirs
    schermafdruk(tweede, "matrix-conflict")
    m.refresh_from_db()
    assert m.titel == "Camera's bij de ingang en de uitgang" and m.benodigde_tijd == "twee dagdelen"
