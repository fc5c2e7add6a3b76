"""WCAG 2.1 AA on the main pages: axe-core (bundled with axe-playwright-python) is injected into
each page in Chromium, and any serious or critical violation fails the test."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}

OPENBARE_PAGINAS = ["/accounts/login/", "/accounts/password/reset/", "/accounts/signup/"]
WERKGROEP_PAGINAS = [
    "/",
    "/w/de-hoek/",
    "/w/de-hoek/leden/",
    "/w/de-hoek/afspraken/",
    "/w/de-hoek/bijeenkomsten/",
    "/w/de-hoek/communicatie/",
    "/w/de-hoek/documenten/",
    "/w/de-hoek/gebied/",
    "/w/de-hoek/audit/toets/",
    "/w/de-hoek/audit/export/",
    "/w/de-hoek/leden/nieuw/",
    "/w/de-hoek/afspraken/wijzigen/",
    "/w/de-hoek/bijeenkomsten/nieuw/",
    "/w/de-hoek/communicatie/nieuw/",
    "/w/de-hoek/documenten/nieuw/",
    "/w/de-hoek/gebied/terrein/nieuw/",
    "/beheer/import/",
    "/accounts/2fa/",
]


def ernstige_schendingen(page) -> list[str]:
    resultaat = Axe().run(page, options=WCAG_AA)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in resultaat.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("pad", OPENBARE_PAGINAS)
def test_openbare_paginas(pagina, live_server, pad):
    pagina.goto(live_server.url + pad)
    assert ernstige_schendingen(pagina) == []


def test_werkgroeppaginas(pagina, live_server, actoren):
    inloggen(pagina, live_server, "begeleider@example.org")
    fouten = {}
    for pad in WERKGROEP_PAGINAS:
        response = pagina.goto(live_server.url + pad)
        assert response.status == 200, pad
        schendingen = ernstige_schendingen(pagina)
        if schendingen:
            fouten[pad] = schendingen
    assert fouten == {}
