"""The readiness check of many work groups at once (``kvo.toets.voer_toetsen_uit``, the nightly refresh):
the same answers as the check of each work group alone, with a number of queries that does not grow
with the number of work groups (every loader reads for all of them in one query)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kvo import versie
from kvo.toets import ToetsContext, gedeeld, voer_toets_uit, voer_toetsen_uit
from tests.factories import CyclusFactory, WerkgroepFactory
from tests.kvo.test_queries_schaal import importeer
from werkgroepen.models import Werkgroep

pytestmark = pytest.mark.django_db


def _los(werkgroepen, datum):
    with versie.opnieuw():
        return {wg.pk: voer_toets_uit(wg, datum=datum) for wg in werkgroepen}


def _samen(werkgroepen, datum):
    with versie.opnieuw():
        return voer_toetsen_uit(werkgroepen, datum=datum)


def _verschillen(los, samen) -> list[str]:
    uit = []
    for pk, resultaten in los.items():
        for a, b in zip(resultaten, samen[pk], strict=True):
            if a != b:
                uit.append(f"werkgroep {pk}, {a.id}: los {a.uitkomst!r} ≠ samen {b.uitkomst!r}")
    return uit


@pytest.fixture
def gevarieerd():
    """Province work groups at different stages (three cycles of history, a survey open, …), the three
    demo work groups (one of them PVO), a work group without a cycle and one with an empty cycle."""
    for nummer in range(6):
        importeer(nummer, 0.05)
    call_command("kvo_demo", "--zonder-documentenset", stdout=open("/dev/null", "w"))  # noqa: SIM115
    WerkgroepFactory(slug="zonder-cyclus")
    CyclusFactory(werkgroep=WerkgroepFactory(slug="lege-cyclus"), start=dt.date(2026, 1, 1))
    return list(Werkgroep.objects.order_by("slug"))


@pytest.mark.parametrize("dagen", [0, 200, 800])
def test_samen_geeft_dezelfde_antwoorden_als_elk_apart(gevarieerd, dagen):
    datum = timezone.localdate() + dt.timedelta(days=dagen)  # later dates close years and deadlines
    los, samen = _los(gevarieerd, datum), _samen(gevarieerd, datum)
    assert list(samen) == [wg.pk for wg in gevarieerd]
    assert _verschillen(los, samen) == []
    # every group answers all the rules of its scheme: KVO-B's 54, the PVO demo group's 16 (issue 23)
    assert {pk: len(r) for pk, r in samen.items()} == {pk: len(r) for pk, r in los.items()}
    assert sorted({len(r) for r in samen.values()}) == [16, 54]


def test_queries_groeien_niet_met_het_aantal_werkgroepen():
    for nummer in range(8):
        importeer(nummer, 0.05)
    werkgroepen = list(Werkgroep.objects.order_by("slug"))
    datum = timezone.localdate()
    with versie.opnieuw(), CaptureQueriesContext(connection) as twee:
        voer_toetsen_uit(werkgroepen[:2], datum=datum)
    with versie.opnieuw(), CaptureQueriesContext(connection) as acht:
        voer_toetsen_uit(werkgroepen, datum=datum)
    with versie.opnieuw(), CaptureQueriesContext(connection) as een:
        voer_toets_uit(werkgroepen[0], datum=datum)
    assert len(acht) == len(twee)
    assert len(acht) <= len(een) + 2  # the run's own: the versions and the cycles


def test_samen_gebruikt_en_bewaart_wat_per_werkgroep_bewaard_is():
    a, b = WerkgroepFactory(), WerkgroepFactory()
    datum = timezone.localdate()
    los = voer_toets_uit(a, datum=datum)  # kept under a's data version
    with CaptureQueriesContext(connection) as eerst:
        samen = voer_toetsen_uit([a, b], datum=datum)
    assert samen[a.pk] == los
    with CaptureQueriesContext(connection) as daarna:
        assert voer_toetsen_uit([a, b], datum=datum) == samen
        assert voer_toets_uit(b, datum=datum) == samen[b.pk]
    assert len(daarna) < len(eerst)
    assert not [q for q in daarna.captured_queries if "kvo_gegevensversie" not in q["sql"]]


def test_een_lader_leest_eenmaal_voor_alle_contexten_van_de_run():
    gelezen = []

    @gedeeld("test.lader")
    def lader(contexten):
        gelezen.append([c.werkgroep for c in contexten])
        return [f"waarde van {c.werkgroep}" for c in contexten]

    contexten = [ToetsContext(naam, None, dt.date(2026, 1, 1)) for naam in ("a", "b", "c")]
    for ctx in contexten:
        ctx.samen = contexten
    assert [lader(c) for c in reversed(contexten)] == ["waarde van c", "waarde van b", "waarde van a"]
    assert gelezen == [["a", "b", "c"]]
    alleen = ToetsContext("d", None, dt.date(2026, 1, 1))
    assert lader(alleen) == "waarde van d" and gelezen[-1] == ["d"]


def test_een_lader_met_te_weinig_waarden_is_een_fout():
    @gedeeld("test.kapot")
    def kapot(contexten):
        return []

    with pytest.raises(ValueError, match="0 waarden voor 1"):
        kapot(ToetsContext("a", None, dt.date(2026, 1, 1)))
