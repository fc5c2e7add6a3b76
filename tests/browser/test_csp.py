"""The Content Security Policy holds in a real browser: Chromium reports every blocked inline
script, style or event handler as a ``securitypolicyviolation`` event; the main pages, the map
with Leaflet, the survey builder and the measures matrix (an htmx click) report none."""

import pytest

from aanpak.services.plan import plan_maak
from tests.browser.conftest import inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VERZAMEL = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  var waar = (e.sourceFile || "") + ":" + e.lineNumber;
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + waar);
});
"""

PAGINAS = [
    "/",
    "/w/de-hoek/",
    "/w/de-hoek/gebied/",
    "/w/de-hoek/gebied/terrein/nieuw/",
    "/w/de-hoek/bijeenkomsten/",
    "/w/de-hoek/analyse/",
    "/w/de-hoek/analyse/enquete/",
    "/w/de-hoek/analyse/cijfers/nieuw/",
    "/w/de-hoek/aanpak/",
    "/w/de-hoek/aanpak/matrix/",
    "/w/de-hoek/audit/",
    "/w/de-hoek/audit/toets/",
    "/begeleiding/",
    "/w/de-hoek/rollen/",
    "/w/de-hoek/status/",
]


def test_geen_csp_schendingen(pagina, live_server, actoren):
    plan_maak(actor=None, cyclus=actoren.cyclus)
    pagina.add_init_script(VERZAMEL)
    inloggen(pagina, live_server, "begeleider@example.org")
    schendingen = {}
    for pad in PAGINAS:
        response = pagina.goto(live_server.url + pad)
        assert response.status == 200, pad
        assert "script-src 'self'" in response.headers["content-security-policy"]
        pagina.wait_for_load_state("networkidle")
        if pad.endswith("/matrix/"):  # an htmx swap under the policy
            knop = pagina.locator("button.matrix__knop").first
            knop.click()
            pagina.wait_for_load_state("networkidle")
        gevonden = pagina.evaluate("window.__csp")
        if gevonden:
            schendingen[pad] = gevonden
    assert schendingen == {}
