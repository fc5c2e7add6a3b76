"""The picture in Chromium after looking at it (issue 28): parks close together (a cluster at the
scale of a province) never put their names on top of each other, and on a phone a municipality's
table per cycle fits the screen with each value under its cycle, without a CSP violation."""

import datetime as dt

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import BedrijventerreinFactory, CyclusFactory
from tests.gebieden.factories import vierkant
from tests.kvo.test_beeld import veilig_enquete
from tests.wacht import wacht_tot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OVERLAP = """() => {
  const zichtbaar = [...document.querySelectorAll('.beeld-label')]
    .filter(e => !e.classList.contains('beeld-label--verborgen')).map(e => e.getBoundingClientRect());
  let botsingen = 0;
  zichtbaar.forEach((a, i) => zichtbaar.slice(i + 1).forEach(b => {
    if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) botsingen++;
  }));
  return {zichtbaar: zichtbaar.length, botsingen};
}"""


def _inloggen(pagina, live_server, user):
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    sessie = client.cookies[settings.SESSION_COOKIE_NAME].value
    pagina.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": sessie, "url": live_server.url}])


def test_namen_van_terreinen_dicht_bij_elkaar_overlappen_niet(pagina, live_server, actoren):
    for n in range(3):  # a cluster: three parks side by side, and one far away
        BedrijventerreinFactory(
            werkgroep=actoren.werkgroep, naam=f"Clusterpark {n}", grens=vierkant(5.10 + n * 0.004, 52.0, 0.003)
        )
    BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam="Ver weg", grens=vierkant(5.9, 52.6, 0.003))
    _inloggen(pagina, live_server, actoren.begeleider)
    pagina.goto(f"{live_server.url}/begeleiding/beeld/", wait_until="domcontentloaded", timeout=60_000)
    wacht_tot(pagina, "document.querySelectorAll('.beeld-label').length === 4")
    pagina.wait_for_timeout(500)
    stand = pagina.evaluate(OVERLAP)
    assert stand["botsingen"] == 0 and 2 <= stand["zichtbaar"] < 4, stand
    # zoomed in on the cluster every name fits again
    pagina.evaluate("document.querySelector('[data-beeldkaart]').kaart.setView([52.0015, 5.106], 15, {animate: false})")
    pagina.wait_for_timeout(500)
    stand = pagina.evaluate(OVERLAP)
    assert stand["botsingen"] == 0 and stand["zichtbaar"] >= 3, stand


def test_gemeente_op_een_telefoon(pagina, live_server, actoren):
    wg = actoren.werkgroep
    terrein = BedrijventerreinFactory(werkgroep=wg, naam="Telefoonpark", gemeente="Staphorst")
    cycli = [actoren.cyclus] + [
        CyclusFactory(werkgroep=wg, nummer=n, start=dt.date(2019 + 3 * n, 1, 1)) for n in (2, 3)
    ]
    for c, eens in zip(cycli, (1, 3, 5), strict=True):
        veilig_enquete(c, terrein, [5] * eens + [1] * (5 - eens))
    fouten = []
    pagina.on("console", lambda m: fouten.append(m.text) if m.type == "error" else None)
    pagina.set_viewport_size({"width": 390, "height": 844})
    _inloggen(pagina, live_server, actoren.begeleider)
    pagina.goto(f"{live_server.url}/begeleiding/beeld/gemeente/?naam=Staphorst", wait_until="load")
    assert pagina.evaluate("document.documentElement.scrollWidth") <= 390
    kop = pagina.locator("[data-testid=gemeente-trend] tbody tr").first
    assert kop.locator("th").inner_text().startswith("Veiligheidsgevoel")
    cellen = kop.locator("td")
    assert cellen.count() == 3
    voor = [cellen.nth(i).evaluate("e => getComputedStyle(e, '::before').content") for i in range(3)]
    assert voor[0].startswith('"Cyclus 1') and voor[2].startswith('"Cyclus 3')
    assert "20 %" in cellen.nth(0).inner_text() and "100 %" in cellen.nth(2).inner_text()
    boven = [cellen.nth(i).bounding_box()["y"] for i in range(3)]
    assert max(boven) - min(boven) < 2  # side by side, not under each other
    assert not [f for f in fouten if "Content Security Policy" in f], fouten
