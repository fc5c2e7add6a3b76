"""WCAG 2.1 A/AA (axe-core) on the AVG pages: the public privacy statement and staff's processing
register, subject search (with a result) and erasure page."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def schendingen(page) -> list[str]:
    resultaat = Axe().run(page, options=WCAG_AA)
    return [f"{v['id']} ({v['impact']}): {v['help']}" for v in resultaat.response["violations"]]


def test_avg_paginas(pagina, live_server, actoren):
    assert pagina.goto(live_server.url + "/privacy/").status == 200
    fouten = {"/privacy/": schendingen(pagina)}
    inloggen(pagina, live_server, "staff@example.org")
    for pad in (
        "/beheer/privacy/",
        "/beheer/privacy/verzoeken/?soort=lid&email=lid%40example.org",
        "/beheer/privacy/verzoeken/?soort=ondernemer&naam=x",  # with field errors
        "/beheer/privacy/verzoeken/wissen/?soort=lid&email=lid%40example.org",
    ):
        assert pagina.goto(live_server.url + pad).status == 200, pad
        fouten[pad] = schendingen(pagina)
    assert {pad: f for pad, f in fouten.items() if f} == {}
