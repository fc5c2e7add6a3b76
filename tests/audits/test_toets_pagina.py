"""The readiness page /w/<slug>/audit/toets/."""

import pytest
from django.urls import reverse

from kvo.eisen import EISEN, GROEPEN

URL = reverse("audits:toets", kwargs={"werkgroep": "de-hoek"})


@pytest.mark.parametrize(
    ("rol", "status"),
    [
        ("lid", 200),
        ("agendalid", 200),
        ("voorzitter", 200),
        ("begeleider", 200),
        ("staff", 200),
        ("auditor", 403),
        ("vreemde", 404),
    ],
)
def test_toegang(actoren, als, rol, status):
    assert als(actoren.user(rol)).get(URL).status_code == status


def test_anoniem_naar_inloggen(actoren, client):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_groepen_en_gereedheid(actoren, als):
    response = als(actoren.lid).get(URL)
    html = response.content.decode()
    stand = response.context["stand"]
    assert [g for g, _ in stand.groepen] == [g for g in GROEPEN if any(e.groep == g for e in EISEN.values())]
    assert len(stand.resultaten) == len(EISEN)
    assert 'class="voortgang"' in html
    assert f"{stand.voldaan} van {stand.meegeteld} eisen voldaan" in html
    assert "Wat blokkeert de auditaanvraag" in html
    for eis_id in EISEN:
        assert f'id="eis-{eis_id}"' in html


def test_filter_op_status(actoren, als):
    response = als(actoren.lid).get(URL, {"status": "open"})
    getoond = [r for _, rijen in response.context["stand"].groepen for r in rijen]
    assert getoond and all(r.status == "open" for r in getoond)
    # the figures stay those of all requirements
    assert len(response.context["stand"].resultaten) == len(EISEN)
    response = als(actoren.lid).get(URL, {"status": "niet_voldaan"})
    assert all(r.status == "niet_voldaan" for _, rijen in response.context["stand"].groepen for r in rijen)


def test_datum_en_cyclus_kiezen(actoren, als):
    response = als(actoren.lid).get(URL, {"datum": "2025-03-01", "cyclus": "1"})
    assert response.context["datum"].isoformat() == "2025-03-01"
    assert response.context["cyclus"] == actoren.cyclus
    assert "1 maart 2025" in response.content.decode()


def test_ongeldige_datum_geeft_melding(actoren, als):
    response = als(actoren.lid).get(URL, {"datum": "gisteren"})
    assert response.status_code == 200
    assert "Controleer de keuze" in response.content.decode()


def test_begrensd_aantal_queries(actoren, als, django_assert_max_num_queries):
    from kvo import versie

    client = als(actoren.lid)
    client.get(URL)  # the session and the per-process URL patterns, not what this test is about
    # the computed page, not the kept one: a kept page would pass any bound
    with versie.opnieuw(), django_assert_max_num_queries(60):
        assert client.get(URL).status_code == 200


def test_htmx_geeft_alleen_het_resultaat(actoren, als):
    client = als(actoren.lid)
    response = client.get(URL, {"status": "open", "datum": "2026-01-31"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.text
    assert html.lstrip().startswith('<div id="toetsresultaat"')
    assert "getoetst per 31 januari 2026" in html
    assert "<html" not in html and "<form" not in html
    volledig = client.get(URL, {"status": "open", "datum": "2026-01-31"}).text
    assert "<html" in volledig and 'hx-target="#toetsresultaat"' in volledig
