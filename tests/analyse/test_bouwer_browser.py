"""The builder in Chromium: htmx swaps one theme and the live totals, unticking changed work asks first,
the page works without JavaScript, and it passes axe (WCAG 2.1 AA).

Screenshots (desktop 1280 px and phone 390 px) for a visual check are written when
``KVO_SCHERMAFDRUKKEN`` names a directory.
"""

import datetime as dt
import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client

from analyse.models import Enquete
from analyse.services.enquete import enquete_maak, thema_eigen_maak, vraag_maak
from tests.wacht import wacht_tot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAD = "/w/de-hoek/analyse/enquete/"
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def sessie_cookie(live_server, user) -> dict:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "url": live_server.url}  # fmt: skip


def nieuwe_pagina(browser, live_server, user, **context_opties):
    context = browser.new_context(**context_opties)
    context.add_cookies([sessie_cookie(live_server, user)])
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(live_server.url) else r.abort())
    page.set_default_timeout(10_000)
    return page


@pytest.fixture
def enquete(actoren):
    return enquete_maak(actor=None, cyclus=actoren.cyclus)


def test_aanvinken_wisselt_thema_en_stand_zonder_hele_pagina(browser, live_server, actoren, enquete):
    page = nieuwe_pagina(browser, live_server, actoren.secretaris)
    page.goto(live_server.url + PAD)
    page.evaluate("window.__zelfdePagina = true")
    assert page.get_by_test_id("totaal").inner_text() == "20"
    vak = page.locator("#blok-11-aan")
    with page.expect_response(lambda r: "/blokken/11/" in r.url and r.request.headers.get("hx-request") == "true"):
        vak.check()
    wacht_tot(page, "document.querySelector('[data-testid=totaal]').textContent.trim() === '21'")
    assert page.locator("#blok-11 .bouwer-vraag").count() == 1  # its default question appeared
    assert page.evaluate("window.__zelfdePagina") is True
    assert page.evaluate("document.activeElement.id") == "blok-11-aan"  # focus kept on the box
    assert "Blok 11 staat in de enquête" in page.locator("#bouwer-melding").inner_text()
    assert 11 in Enquete.objects.get(pk=enquete.pk).blokken


def test_uitvinken_van_gewijzigd_blok_vraagt_eerst(browser, live_server, actoren, enquete):
    vraag = enquete.vragen.get(ref="b05-1")
    vraag.tekst = "Ingebroken?"
    vraag.save()
    page = nieuwe_pagina(browser, live_server, actoren.secretaris)
    page.goto(live_server.url + PAD)
    page.once("dialog", lambda d: d.dismiss())
    page.locator("#blok-5-aan").click()  # "cancel" ticks the box again at once
    wacht_tot(page, "document.getElementById('blok-5-aan').checked === true")
    assert 5 in Enquete.objects.get(pk=enquete.pk).blokken
    page.once("dialog", lambda d: d.accept())
    with page.expect_response(lambda r: "/blokken/5/" in r.url):
        page.locator("#blok-5-aan").uncheck()
    wacht_tot(page, "document.querySelectorAll('#blok-5 .bouwer-vraag').length === 0")
    assert 5 not in Enquete.objects.get(pk=enquete.pk).blokken


def test_vraag_verwijderen_met_htmx(browser, live_server, actoren, enquete):
    vraag = enquete.vragen.get(ref="b43-1")
    page = nieuwe_pagina(browser, live_server, actoren.secretaris)
    page.goto(live_server.url + PAD)
    page.once("dialog", lambda d: d.accept())
    page.locator(f"#vraag-{vraag.pk}").get_by_role("button", name="Verwijderen").click()
    page.wait_for_selector(f"#vraag-{vraag.pk}", state="detached")
    assert not enquete.vragen.filter(pk=vraag.pk).exists()
    assert "Aangevinkt zonder vragen" in page.locator("#bouwer-stand").inner_text()


def test_zonder_javascript(browser, live_server, actoren, enquete):
    page = nieuwe_pagina(browser, live_server, actoren.secretaris, java_script_enabled=False)
    page.goto(live_server.url + PAD)
    blok = page.locator("#blok-11")
    blok.get_by_label("11. Leegstand").check()
    blok.get_by_role("button", name="Opslaan").click()
    page.wait_for_url(f"{live_server.url}{PAD}#blok-11")
    assert "Blok 11 staat in de enquête, met 1 vraag." in page.locator(".meldingen").inner_text()
    assert 11 in Enquete.objects.get(pk=enquete.pk).blokken


def test_toegankelijk(browser, live_server, actoren, enquete):
    thema_eigen_maak(actor=None, enquete=enquete, naam="Haven")
    vraag_maak(actor=None, enquete=enquete, thema="eigen:Haven", tekst="Hoe vaak?", type="keuze", opties=["a", "b"])
    fouten = {}
    for user in (actoren.secretaris, actoren.lid):
        page = nieuwe_pagina(browser, live_server, user)
        for pad in ("", "voorbeeld/", "vragen/nieuw/", "themas/nieuw/", "instellingen/"):
            response = page.goto(live_server.url + PAD + pad)
            if response.status != 200:
                continue  # the forms are not for a member
            resultaat = Axe().run(page, options=WCAG_AA)
            ernstig = [
                f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']][:3]}"
                for v in resultaat.response["violations"]
                if v["impact"] in ("serious", "critical")
            ]
            if ernstig:
                fouten[f"{user.email} {pad}"] = ernstig
    assert fouten == {}


@pytest.mark.skipif(not os.environ.get("KVO_SCHERMAFDRUKKEN"), reason="alleen met KVO_SCHERMAFDRUKKEN=<map>")
def test_schermafdrukken(browser, live_server, actoren):
    map_ = Path(os.environ["KVO_SCHERMAFDRUKKEN"])
    map_.mkdir(parents=True, exist_ok=True)
    secretaris = nieuwe_pagina(browser, live_server, actoren.secretaris, viewport={"width": 1280, "height": 900})
    secretaris.goto(live_server.url + PAD)
    secretaris.screenshot(path=map_ / "enquete-leeg-1280.png", full_page=True)
    enquete = enquete_maak(actor=None, cyclus=actoren.cyclus)
    thema_eigen_maak(actor=None, enquete=enquete, naam="Haven en kade")
    vraag_maak(
        actor=None,
        enquete=enquete,
        thema="eigen:Haven en kade",
        tekst="Hoe vaak ziet u onbekende boten aan de kade?",
        type="keuze",
        opties=["Nooit", "Soms", "Vaak"],
    )
    for vraag in enquete.vragen.filter(blok=41):
        vraag.delete()
    for breedte in (1280, 390):
        for naam, user in (("secretaris", actoren.secretaris), ("lid", actoren.lid)):
            page = nieuwe_pagina(browser, live_server, user, viewport={"width": breedte, "height": 900})
            page.goto(live_server.url + PAD)
            page.screenshot(path=map_ / f"enquete-{naam}-{breedte}.png", full_page=breedte == 1280)
            if naam == "secretaris":
                page.screenshot(path=map_ / f"enquete-{naam}-{breedte}-scherm.png")
                page.goto(live_server.url + PAD + "voorbeeld/")
                page.screenshot(path=map_ / f"enquete-voorbeeld-{breedte}.png")
                vraag = enquete.vragen.get(ref="b05-2")
                page.goto(live_server.url + PAD + f"vragen/{vraag.pk}/")
                page.screenshot(path=map_ / f"enquete-vraag-{breedte}.png", full_page=True)
    Enquete.objects.filter(pk=enquete.pk).update(geopend_op=dt.date(2025, 3, 3), gesloten_op=dt.date(2025, 3, 31))
    page = nieuwe_pagina(browser, live_server, actoren.secretaris, viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + PAD)
    page.screenshot(path=map_ / "enquete-verstuurd-1280.png")
