"""Adopting the plan (§4.2, "vaststellen"): a small form on the plan's overview, through the form
helper (kvo.formulieren.verwerk); each outcome comes back to the overview with a message."""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from aanpak.services.plan import plan_maak
from tests.werkgroepen.factories import BijeenkomstFactory

SLUG = "de-hoek"


def url(naam):
    return reverse(f"aanpak:{naam}", kwargs={"werkgroep": SLUG})


@pytest.fixture
def plan(actoren):
    return plan_maak(actor=None, cyclus=actoren.cyclus)


def _berichten(response) -> list[tuple[str, str]]:
    return [(m.level_tag, m.message) for m in get_messages(response.wsgi_request)]


def test_vaststellen_in_een_bijeenkomst(actoren, als, plan):
    b = BijeenkomstFactory(werkgroep=actoren.werkgroep, datum=dt.date(2025, 5, 12))
    response = als(actoren.lid).post(url("vaststellen"), {"vastgesteld_op": "2025-05-12", "vastgesteld_in": b.pk})
    assert (response.status_code, response["Location"]) == (302, url("overzicht"))
    assert _berichten(response) == [("success", "Het plan is vastgesteld op 12-05-2025.")]
    plan.refresh_from_db()
    assert (plan.vastgesteld_op, plan.vastgesteld_in) == (dt.date(2025, 5, 12), b)


def test_ongeldig_formulier_zegt_wat_er_mist_en_schrijft_niets(actoren, als, plan):
    response = als(actoren.lid).post(url("vaststellen"), {"vastgesteld_op": "", "vastgesteld_in": ""})
    assert (response.status_code, response["Location"]) == (302, url("overzicht"))
    ((niveau, tekst),) = _berichten(response)
    assert niveau == "error" and tekst.startswith("Het plan is niet vastgesteld: ")
    plan.refresh_from_db()
    assert plan.vastgesteld_op is None


def test_weigering_van_de_service_in_haar_eigen_woorden(actoren, als, plan):
    """The meeting's date is not the date given: the service refuses, nothing is written."""
    b = BijeenkomstFactory(werkgroep=actoren.werkgroep, datum=dt.date(2025, 5, 12))
    response = als(actoren.lid).post(url("vaststellen"), {"vastgesteld_op": "2025-05-13", "vastgesteld_in": b.pk})
    assert (response.status_code, response["Location"]) == (302, url("overzicht"))
    ((niveau, tekst),) = _berichten(response)
    assert niveau == "error"
    assert tekst.startswith("Het plan is niet vastgesteld: De datum van vaststelling (13-05-2025)")
    plan.refresh_from_db()
    assert plan.vastgesteld_op is None and plan.vastgesteld_in is None


def test_agendalid_mag_niet_vaststellen(actoren, als, plan):
    b = BijeenkomstFactory(werkgroep=actoren.werkgroep, datum=dt.date(2025, 5, 12))
    response = als(actoren.agendalid).post(url("vaststellen"), {"vastgesteld_op": "2025-05-12", "vastgesteld_in": b.pk})
    assert response.status_code == 403
    plan.refresh_from_db()
    assert plan.vastgesteld_op is None
