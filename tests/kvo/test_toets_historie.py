"""The readiness history: the daily job writes one row per work group per day, and the readiness
page shows it as a chart (or says there is none yet)."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django_scopes.exceptions import ScopeError

from kvo.grafieken import lijn_in_tijd
from kvo.tasks import alle_toetsen_bijwerken, werkgroep_toets_bijwerken
from tests.factories import ToetsHistorieFactory
from werkgroepen.models import ToetsHistorie

NU = dt.datetime(2026, 5, 1, 3, 15, tzinfo=dt.UTC)


def test_de_dagtaak_schrijft_een_rij_per_werkgroep_per_dag(actoren):
    with time_machine.travel(NU, tick=False):
        assert alle_toetsen_bijwerken.delay().get() == 2
        rijen = list(ToetsHistorie.objects.order_by("werkgroep__naam"))
        assert [(r.werkgroep, r.datum) for r in rijen] == [
            (actoren.anderewerkgroep, dt.date(2026, 5, 1)),
            (actoren.werkgroep, dt.date(2026, 5, 1)),
        ]
        actoren.werkgroep.refresh_from_db()
        rij = rijen[1]
        assert {s: getattr(rij, s) for s in ("voldaan", "niet_voldaan", "open", "nvt")} == {
            s: actoren.werkgroep.toets_stand[s] for s in ("voldaan", "niet_voldaan", "open", "nvt")
        }
        assert rij.meegeteld + rij.nvt == 54

        # A second run the same day (the Bijwerken button) updates today's row, it adds none.
        ToetsHistorie.objects.filter(pk=rij.pk).update(voldaan=0)
        assert alle_toetsen_bijwerken.delay().get() == 2
        assert ToetsHistorie.objects.count() == 2
        rij.refresh_from_db()
        assert rij.voldaan == actoren.werkgroep.toets_stand["voldaan"]

    with time_machine.travel(NU + dt.timedelta(days=1), tick=False):
        werkgroep_toets_bijwerken.delay(werkgroep_id=actoren.werkgroep.pk).get()
    assert list(actoren.werkgroep.toetshistorie.values_list("datum", flat=True)) == [
        dt.date(2026, 5, 1),
        dt.date(2026, 5, 2),
    ]


@pytest.mark.scopes_aan
def test_historie_is_van_de_werkgroep(actoren):
    with pytest.raises(ScopeError):
        list(ToetsHistorie.objects.all())


def test_toetspagina_zonder_historie(actoren, als):
    url = reverse("audits:toets", kwargs={"werkgroep": actoren.werkgroep.slug})
    html = als(actoren.lid).get(url).content.decode()
    assert "Verloop van de gereedheid" in html
    assert 'data-testid="verloop-leeg"' in html
    assert "<polyline" not in html


def test_toetspagina_toont_het_verloop_van_de_laatste_90_dagen(actoren, als):
    with time_machine.travel(NU, tick=False):
        ToetsHistorieFactory(werkgroep=actoren.werkgroep, datum=dt.date(2026, 1, 1), voldaan=1)  # > 90 days ago
        for dagen, voldaan in ((60, 10), (30, 20), (0, 25)):
            datum = dt.date(2026, 5, 1) - dt.timedelta(days=dagen)  # 50 apply: 5 not met, the rest open
            ToetsHistorieFactory(werkgroep=actoren.werkgroep, datum=datum, voldaan=voldaan, open=45 - voldaan)
        ToetsHistorieFactory(werkgroep=actoren.anderewerkgroep, datum=dt.date(2026, 4, 30), voldaan=50)
        url = reverse("audits:toets", kwargs={"werkgroep": actoren.werkgroep.slug})
        html = als(actoren.lid).get(url).content.decode()
    assert 'data-testid="verloop-leeg"' not in html
    assert html.count("<circle") == 3  # the row of January and the other group's row are not drawn
    assert "<polyline" in html
    # 25 met of 54 − 4 n.v.t. = 50 %: the share of what applies, not of all 54.
    assert "1 mei 2026: 50 %" in html
    assert "van 20 % naar 50 %" in html
    assert "25 van 50" in html


def test_lijngrafiek_is_bepaald_en_begrensd():
    van, tot = dt.date(2026, 2, 1), dt.date(2026, 5, 1)
    punten = [(dt.date(2026, 3, 1), 16.0), (dt.date(2026, 4, 1), 120.0)]
    svg = lijn_in_tijd(punten, titel="Gereedheid", van=van, tot=tot)
    assert svg == lijn_in_tijd(list(reversed(punten)), titel="Gereedheid", van=van, tot=tot)
    assert svg.startswith("<svg") and "<title>Gereedheid</title>" in svg
    assert ">mrt</text>" in svg and ">apr</text>" in svg and ">mei</text>" in svg
    # Values above the maximum stay inside the plot (top of the plot is y=10).
    assert 'cy="10.0"' in svg
    leeg = lijn_in_tijd([], titel="Gereedheid", van=van, tot=tot)
    assert "<circle" not in leeg and "Geen metingen" in leeg
