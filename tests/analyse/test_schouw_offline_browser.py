"""The inspection walk without signal, on a phone (390 px) in Chromium: the page is installable
(manifest, service worker whose scope covers the inspections), the point form opens from the
phone's cache with the network cut, two points with photos wait on the phone with a visible queue
("2 punten wachten op verbinding"), and when the signal returns both are stored once — also when
the first answer is lost and a reload sends the queue again.

Screenshots for a visual check are written when ``KVO_SCHERMAFDRUKKEN`` names a directory.
"""

import io
import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from PIL import Image
from playwright.sync_api import Error as PlaywrightError

from analyse.models import Schouwpunt
from tests.analyse.factories import SchouwFactory
from tests.analyse.test_schouw_browser import WCAG_AA, schermafdruk
from tests.wacht import wacht_tot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def foto(pad, kleur):
    beeld = Image.new("RGB", (1200, 900), kleur)
    uit = io.BytesIO()
    beeld.save(uit, "JPEG")
    pad.write_bytes(uit.getvalue())
    return str(pad)


def wacht_op(page, voorwaarde, seconden=10.0):
    """Wait for a condition in Python (the server's rows, a route handled); waiting through the page
    lets Playwright run its route handlers meanwhile."""
    einde = time.monotonic() + seconden
    while not voorwaarde():
        if time.monotonic() > einde:
            raise AssertionError("de voorwaarde werd niet waar")
        page.wait_for_timeout(100)


def wacht_over_herladen(page, uitdrukking, seconden=10.0):
    """``wacht_tot`` across the page's own reload (after sending, the inspection shows its points)."""
    einde = time.monotonic() + seconden
    while True:
        try:
            if page.evaluate(uitdrukking):
                return
        except PlaywrightError:  # the page was navigating
            pass
        if time.monotonic() > einde:
            raise AssertionError(f"Na {seconden:g} s nog steeds niet waar: {uitdrukking}")
        page.wait_for_timeout(50)


@pytest.fixture
def telefoon(browser, live_server, actoren):
    client = Client()
    client.force_login(actoren.lid, backend="django.contrib.auth.backends.ModelBackend")
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
          "url": live_server.url}]
    )  # fmt: skip
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(live_server.url) else r.abort())
    yield context
    context.close()


def test_punten_zonder_verbinding_wachten_en_worden_een_keer_opgeslagen(telefoon, live_server, actoren, tmp_path):
    schouw = SchouwFactory(cyclus=actoren.cyclus, soort="avond")
    schouw.aanwezigen.add(*actoren.werkgroep.leden.all())
    partij = actoren.werkgroep.partijen.order_by("naam").first()
    schouw_url = f"{live_server.url}/w/de-hoek/analyse/schouwen/{schouw.pk}/"
    page = telefoon.new_page()
    page.set_default_timeout(10_000)
    fouten = []
    page.on("console", lambda m: fouten.append(m.text) if m.type == "error" else None)

    page.goto(schouw_url)
    manifest = page.locator('link[rel="manifest"]').get_attribute("href")
    assert manifest == "/w/de-hoek/analyse/schouwen/manifest.webmanifest"
    wacht_tot(page, "document.documentElement.dataset.offlineKlaar === 'ja'")
    scope = page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.scope)")
    assert scope == f"{live_server.url}/w/de-hoek/analyse/schouwen/"

    telefoon.set_offline(True)
    page.get_by_role("link", name="Eerste punt toevoegen").click()  # from the phone's cache
    page.wait_for_url(f"**/schouwen/{schouw.pk}/punten/nieuw/")
    page.locator("input[type=file]").set_input_files(foto(tmp_path / "IMG_1.jpg", (40, 50, 90)))
    page.get_by_label("Positief punt: dit gaat goed").check()
    page.get_by_label("Locatie").fill("Industrieweg 3, entree")
    page.get_by_label("Wat zag u?").fill("Goede verlichting bij de entree")
    page.get_by_label("Waarom is de werkgroep tevreden?").fill("Alles verlicht en heel")
    page.get_by_label("Wat was ervoor nodig?").fill("Nieuwe lampen door de gemeente")
    page.get_by_role("button", name="Opslaan en volgend punt").click()
    status = page.locator("[data-wachtrij-tekst]")
    assert status.get_attribute("aria-live") == "polite"
    wacht_tot(page, "document.documentElement.dataset.wachtrijAantal === '1'")
    assert "1 punt wacht op verbinding" in status.inner_text()
    assert page.get_by_label("Wat zag u?").input_value() == ""  # ready for the next point

    page.locator("input[type=file]").set_input_files(foto(tmp_path / "IMG_2.jpg", (120, 40, 40)))
    page.get_by_label("Locatie").fill("Havenstraat 12")
    page.get_by_label("Wat zag u?").fill("Hek staat open, slot kapot")
    page.get_by_label("Wat moet er gebeuren?").fill("Slot vervangen")
    page.get_by_label("Wie voert het uit?").select_option(str(partij.pk))
    page.get_by_label("Klaar vóór").fill("2025-05-01")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    page.wait_for_url(schouw_url)  # back on the inspection, from the cache
    wacht_tot(page, "document.documentElement.dataset.wachtrijAantal === '2'")
    assert "2 punten wachten op verbinding" in status.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    schermafdruk(page, "schouw-wachtrij-390")
    assert Axe().run(page, options=WCAG_AA).violations_count == 0
    assert not Schouwpunt.objects.exists()

    # The signal returns, but the answer to the first post is lost: the server stored the point, the
    # phone did not hear it and keeps it in the queue.
    verloren = []

    def antwoord_kwijt(route):
        if route.request.method == "POST" and not verloren:
            antwoord = route.fetch()
            route.abort()
            verloren.append(antwoord.status)
            return None
        return route.continue_()

    page.route("**/punten/nieuw/", antwoord_kwijt)
    telefoon.set_offline(False)
    wacht_op(page, lambda: verloren == [201])
    wacht_tot(page, "document.documentElement.dataset.wachtrijBezig === 'nee'")
    assert Schouwpunt.objects.count() == 1
    assert page.evaluate("document.documentElement.dataset.wachtrijAantal") == "2"  # the phone did not hear it
    page.unroute("**/punten/nieuw/")

    page.reload()  # the queue is sent again: the first point is recognised, the second stored
    wacht_over_herladen(page, "document.querySelectorAll('.punt').length === 2")  # the page reloads itself
    wacht_tot(page, "document.documentElement.dataset.wachtrijAantal === '0'")
    assert "2 punten verstuurd en opgeslagen" in status.inner_text()
    punten = list(Schouwpunt.objects.order_by("nummer"))
    assert [p.nummer for p in punten] == [1, 2] and all(p.foto for p in punten)
    assert [p.positief for p in punten] == [True, False] and punten[1].wie == partij
    assert len({p.client_id for p in punten}) == 2 and None not in {p.client_id for p in punten}
    schermafdruk(page, "schouw-verstuurd-390")

    page.reload()  # nothing left to send, nothing stored twice
    wacht_tot(page, "document.documentElement.dataset.offlineKlaar === 'ja'")
    assert Schouwpunt.objects.count() == 2
    assert not [f for f in fouten if "Content Security Policy" in f or "503" in f], fouten


def test_foto_markeren_met_een_pijl_voor_het_opslaan(telefoon, live_server, actoren, tmp_path):
    """The walker draws an arrow on the photo; the marked JPEG replaces the file in the field and is
    what the server stores — upright (the orientation is not applied twice) and with the location
    the camera recorded."""
    schouw = SchouwFactory(cyclus=actoren.cyclus)
    beeld = Image.new("RGB", (1200, 900), (40, 50, 90))
    exif = Image.Exif()
    exif[0x0112] = 6  # the phone was held upright: shown rotated, 900 × 1200
    exif[0x8825] = {1: "N", 2: (52.0, 58.0, 30.0), 3: "E", 4: (6.0, 0.0, 36.0)}
    pad = tmp_path / "IMG_3.jpg"
    beeld.save(pad, "JPEG", exif=exif)

    page = telefoon.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/w/de-hoek/analyse/schouwen/{schouw.pk}/punten/nieuw/")
    page.locator("input[type=file]").set_input_files(str(pad))
    doek = page.locator("[data-markeer] canvas")
    doek.wait_for(state="visible")
    assert page.evaluate(
        "[document.querySelector('[data-markeer] canvas').width, "
        "document.querySelector('[data-markeer] canvas').height]"
    ) == [900, 1200]
    vak = doek.bounding_box()
    page.mouse.move(vak["x"] + vak["width"] * 0.2, vak["y"] + vak["height"] * 0.2)
    page.mouse.down()
    page.mouse.move(vak["x"] + vak["width"] * 0.6, vak["y"] + vak["height"] * 0.6, steps=8)
    page.mouse.up()
    wacht_tot(page, "document.querySelector('input[type=file]').files[0].name === 'IMG_3-gemarkeerd.jpg'")
    assert "met 1 markering" in page.locator("[data-markeer]").inner_text()
    page.get_by_label("Positief punt: dit gaat goed").check()
    page.get_by_label("Wat zag u?").fill("Nieuw bord bij de ingang")
    page.get_by_label("Waarom is de werkgroep tevreden?").fill("Goed zichtbaar")
    page.get_by_label("Wat was ervoor nodig?").fill("Een bord van de gemeente")
    schermafdruk(page, "schouw-markeren-390")
    assert Axe().run(page, options=WCAG_AA).violations_count == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_role("button", name="Opslaan", exact=True).click()
    page.wait_for_url(f"**/schouwen/{schouw.pk}/#punt-1")

    punt = Schouwpunt.objects.get()
    assert punt.lat == pytest.approx(52.975, abs=1e-4) and punt.lon == pytest.approx(6.01, abs=1e-4)
    with punt.foto.open("rb") as f, Image.open(f) as opgeslagen:
        opgeslagen = opgeslagen.convert("RGB")
        assert opgeslagen.size == (900, 1200)  # upright once, not turned again
        r, g, b = opgeslagen.getpixel((360, 480))  # the middle of the arrow
        assert r > 200 and g > 170 and b < 110, (r, g, b)
        assert opgeslagen.getpixel((800, 100))[2] > opgeslagen.getpixel((800, 100))[0]  # the photo itself


def test_een_post_die_toch_niet_aankomt_wacht_ook(telefoon, live_server, actoren, tmp_path):
    """The phone thinks it has signal (navigator.onLine) but the post does not get through: the
    service worker keeps the point in the same queue and shows the inspection; it is sent later."""
    schouw = SchouwFactory(cyclus=actoren.cyclus)
    page = telefoon.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/w/de-hoek/analyse/schouwen/{schouw.pk}/punten/nieuw/")
    wacht_tot(page, "document.documentElement.dataset.offlineKlaar === 'ja'")
    geen_signaal = []

    def weg(route):
        if route.request.method == "POST":
            geen_signaal.append(route.request.url)
            return route.abort("internetdisconnected")
        return route.continue_()

    telefoon.route("**/punten/nieuw/", weg)
    page.locator("input[type=file]").set_input_files(foto(tmp_path / "IMG_4.jpg", (40, 90, 50)))
    page.get_by_label("Positief punt: dit gaat goed").check()
    page.get_by_label("Wat zag u?").fill("Schoon en heel")
    page.get_by_label("Waarom is de werkgroep tevreden?").fill("Goed onderhouden")
    page.get_by_label("Wat was ervoor nodig?").fill("Afspraken met de beheerder")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    page.wait_for_url(f"**/schouwen/{schouw.pk}/")
    wacht_tot(page, "document.documentElement.dataset.wachtrijAantal === '1'")
    assert geen_signaal and not Schouwpunt.objects.exists()
    assert "het punt is op deze telefoon bewaard" in page.locator("[data-wachtrij-tekst]").inner_text()

    telefoon.unroute("**/punten/nieuw/")
    page.reload()
    wacht_over_herladen(page, "document.querySelectorAll('.punt').length === 1")
    assert Schouwpunt.objects.get().bevinding == "Schoon en heel"
