import datetime as dt

import pytest

from kvo.toets import voer_toets_uit


@pytest.fixture
def wg(actoren):
    return actoren.werkgroep


@pytest.fixture
def cyclus(actoren):
    """The actors' first cycle (starts 15-01-2025, the work group's start)."""
    return actoren.cyclus


@pytest.fixture
def toets():
    """``toets(werkgroep, "schouw.positief", datum)`` → the Uitkomst of that one check."""

    def uitvoeren(werkgroep, eis_id: str, datum: dt.date):
        (resultaat,) = voer_toets_uit(werkgroep, datum=datum, ids=[eis_id])
        return resultaat.uitkomst

    return uitvoeren


@pytest.fixture(autouse=True)
def _geen_ratelimit(settings):
    """Rate limits count per IP in the shared cache; the one test that checks them turns them on."""
    settings.RATELIMIT_ENABLE = False
