import datetime as dt

import pytest

from kvo.toets import voer_toets_uit

D = dt.date


@pytest.fixture
def toets():
    """``toets(werkgroep, "werkgroep.x", datum)`` → the Uitkomst of that one check."""

    def uitvoeren(werkgroep, eis_id: str, datum: dt.date):
        (resultaat,) = voer_toets_uit(werkgroep, datum=datum, ids=[eis_id])
        return resultaat.uitkomst

    return uitvoeren


@pytest.fixture
def wg(actoren):
    return actoren.werkgroep
