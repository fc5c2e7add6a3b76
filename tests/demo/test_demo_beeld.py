"""The demo shows the facilitator's picture with real variation (issue 28): every indicator differs
between the demo's parks, and Heerenveen's parks and municipality have a trend over three cycles."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from demo.genereer_historie import SLUG as HISTORIE
from kvo.beeld import beeld, indicatoren, klassen
from kvo.views_portfolio import begeleide_werkgroepen

BEGELEIDER = "procesbegeleider@keuker.example"


@pytest.fixture
def picture(demo):
    user = get_user_model().objects.get(email=BEGELEIDER)
    return beeld(list(begeleide_werkgroepen(user)))


def test_elke_indicator_verschilt_tussen_de_terreinen(picture):
    assert len(picture.terreinen) == 8  # Wolvega 3, Venekoten 1, Heerenveen 4
    rijen = picture.rijen()
    for ind in picture.indicatoren:
        waarden = [r.huidig[ind.sleutel] for r in rijen]
        _legenda, klasse = klassen(ind, waarden)
        gebruikt = {klasse(w) for w in waarden if klasse(w) is not None}
        assert len(gebruikt) >= 2, (ind.sleutel, [w.tekst for w in waarden])
        if ind.soort == "getal" and ind.sleutel != "aanpak.voortgang":  # progress: per work group
            assert len(gebruikt) >= 3, (ind.sleutel, [w.tekst for w in waarden])
    # Wolvega's three parks differ among themselves too: the figures are per park, not the area's shared out
    wolvega = [r for r in rijen if r.werkgroep.slug == "wolvega"]
    for sleutel in ("analyse.veiligheidsgevoel", "analyse.incidenten-politie", "analyse.incidenten-brandweer",
                    "analyse.incidenten-gemeente"):  # fmt: skip
        assert len({round(r.huidig[sleutel].getal) for r in wolvega}) == 3, sleutel


def test_heerenveen_heeft_een_trend_over_drie_cycli(picture):
    parken = {t.naam: t for t in picture.terreinen if picture.werkgroepen[t.werkgroep_id].slug == HISTORIE}
    assert len(parken) == 4
    for t in parken.values():
        for ind in indicatoren():
            reeks = picture.reeks(ind.sleutel, t)
            assert len(reeks) == 3 and all(w.heeft_waarde for _c, w in reeks), (t.naam, ind.sleutel)
    rijen = {r.naam: r for r in picture.rijen()}
    assert rijen["Kanaal"].trend["analyse.veiligheidsgevoel"].richting == "beter"
    assert rijen["Kanaal"].trend["analyse.incidenten-politie"].richting == "beter"
    assert rijen["Businesspark Friesland-West"].trend["analyse.veiligheidsgevoel"].richting == "slechter"
    assert rijen["Businesspark Friesland-West"].trend["analyse.incidenten-gemeente"].richting == "slechter"
    assert rijen["Kanaal"].huidig["audits.status"].tekst == "KVO: gecertificeerd"  # cycle 2's certificate
    heerenveen = next(g for g in picture.gemeenten() if g.naam == "Heerenveen")
    assert heerenveen.trend["analyse.veiligheidsgevoel"].tekst


def test_de_paginas_van_de_demo(demo):
    client = Client()
    client.force_login(get_user_model().objects.get(email=BEGELEIDER))
    for ind in indicatoren():
        response = client.get(reverse("begeleiding:beeld"), {"indicator": ind.sleutel})
        assert response.status_code == 200
        assert sum(1 for k in response.context["legenda"] if k.aantal) >= 2, ind.sleutel
    gemeente = client.get(reverse("begeleiding:beeld_gemeente"), {"naam": "Heerenveen"})
    assert gemeente.status_code == 200 and gemeente.context["labels"][2].startswith("Cyclus 3")
    assert len(gemeente.context["grafieken"]) == 5  # the five figures; the two kinds of category have no chart
