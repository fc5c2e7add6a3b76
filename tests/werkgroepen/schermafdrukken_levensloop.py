"""Screenshots of the Rollen page, the 403 page (agenda member, auditor) and a paused group's banner
(not part of the suite; run explicitly, writes to /tmp/shots-leven/)."""

from pathlib import Path

import pytest
from django.test import Client
from playwright.sync_api import sync_playwright

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
DOEL = Path("/tmp/shots-leven")


def _sessie(user) -> str:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client.cookies["sessionid"].value


@pytest.mark.django_db(transaction=True)
def test_schermafdrukken_levensloop(actoren, live_server):
    DOEL.mkdir(exist_ok=True)
    wg = actoren.werkgroep
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)

        def foto(user, pad, naam, breedte=1280):
            ctx = browser.new_context(viewport={"width": breedte, "height": 900})
            ctx.add_cookies([{"name": "sessionid", "value": _sessie(user), "url": live_server.url}])
            page = ctx.new_page()
            page.goto(f"{live_server.url}{pad}")
            page.screenshot(path=str(DOEL / f"{naam}-{breedte}.png"), full_page=True)
            ctx.close()

        for breedte in (390, 1280):
            foto(actoren.agendalid, "/w/de-hoek/rollen/", "rollen", breedte)
            foto(actoren.agendalid, "/w/de-hoek/leden/nieuw/", "403-agendalid", breedte)
            foto(actoren.auditor, "/w/de-hoek/leden/", "403-auditor", breedte)
        wg.status, wg.status_reden = "gepauzeerd", "Geen trekker na het vertrek van de voorzitter"
        wg.save(update_fields=["status", "status_reden"])
        foto(actoren.lid, "/w/de-hoek/", "gepauzeerd-lid")
        foto(actoren.begeleider, "/w/de-hoek/status/", "gepauzeerd-status-begeleider")
        foto(actoren.staff, "/beheer/werkgroepen/", "beheer-werkgroepen")
        browser.close()
