"""The readiness page in a browser: changing the filter swaps the results through htmx."""

import pytest

from tests.browser.conftest import inloggen
from tests.wacht import wacht_tot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_filter_wisselt_resultaat_zonder_hele_pagina(pagina, live_server, actoren):
    inloggen(pagina, live_server, "lid@example.org")
    pagina.goto(f"{live_server.url}/w/de-hoek/audit/toets/")
    pagina.evaluate("window.__zelfdePagina = true")
    with pagina.expect_response(lambda r: "status=open" in r.url and r.request.headers.get("hx-request") == "true"):
        pagina.get_by_label("Toon").select_option("open")
    wacht_tot(pagina, "document.querySelector('#toetsresultaat tr[data-status]') !== null")
    statussen = pagina.eval_on_selector_all("#toetsresultaat tr[data-status]", "rs => rs.map(r => r.dataset.status)")
    assert statussen and set(statussen) == {"open"}
    assert "status=open" in pagina.url  # hx-push-url: the filtered view can be bookmarked and shared
    assert pagina.evaluate("window.__zelfdePagina") is True  # no full page load
