"""Every rule judged per year of the cycle follows eisen.md's yearly rule through one helper
(``kvo.toets.per_jaar``): once a year is completed, the completed years decide and the running year
is a to-do in the explanation; before that the running year decides (met → ``voldaan``, else
``open``). Checked at the boundary: the last day of year 1 and the first day of year 2."""

import datetime as dt
from types import SimpleNamespace

import pytest

from kvo.toets import Status, ToetsContext, per_jaar, voer_toets_uit
from tests.aanpak.factories import EvaluatieFactory
from tests.analyse.factories import SchouwFactory, SchouwpuntFactory
from tests.werkgroepen.factories import BijeenkomstFactory, CommunicatieFactory

D = dt.date
# the actors' cycle starts on 15-01-2025: year 1 runs to 14-01-2026
JAAR1_LAATSTE_DAG = D(2026, 1, 14)
JAAR2_EERSTE_DAG = D(2026, 1, 15)
JAAR2_JUNI = D(2026, 6, 1)


def _schouwen(actoren, *, dag=True, avond=True):
    uit = []
    if dag:
        uit.append(SchouwFactory(cyclus=actoren.cyclus, soort="dag", datum=D(2025, 3, 1)))
    if avond:
        uit.append(SchouwFactory(cyclus=actoren.cyclus, soort="avond", datum=D(2025, 10, 1)))
    return uit


def dag_en_avond(actoren, gehaald: bool):
    _schouwen(actoren, avond=gehaald)


def positief(actoren, gehaald: bool):
    (dag, avond) = _schouwen(actoren)
    for i in range(5 if gehaald else 4):
        SchouwpuntFactory(
            schouw=dag if i % 2 else avond, positief=True, foto="x.jpg", waarom_tevreden="Schoon", wat_nodig_was="Ja"
        )


def bijeenkomsten(actoren, gehaald: bool):
    for maand in range(3 if gehaald else 2):
        BijeenkomstFactory(werkgroep=actoren.werkgroep, datum=D(2025, 3 + 3 * maand, 1))


def communicatie(actoren, gehaald: bool):
    for maand in range(2 if gehaald else 1):
        CommunicatieFactory(werkgroep=actoren.werkgroep, datum=D(2025, 3 + 3 * maand, 1))


def evaluatie(actoren, gehaald: bool):
    if gehaald:
        EvaluatieFactory(cyclus=actoren.cyclus, jaar=1, datum=D(2025, 12, 1))


REGELS = [
    ("schouw.dag-en-avond", dag_en_avond),
    ("schouw.positief", positief),
    ("werkgroep.bijeenkomsten", bijeenkomsten),
    ("werkgroep.communicatie", communicatie),
    ("evaluatie.jaarlijks", evaluatie),
]


def _toets(actoren, eis_id, datum):
    (r,) = voer_toets_uit(actoren.werkgroep, datum=datum, ids=[eis_id])
    return r.uitkomst


@pytest.mark.parametrize(("eis_id", "vul"), REGELS, ids=[r[0] for r in REGELS])
def test_jaar_1_gehaald_jaar_2_nog_niets(actoren, eis_id, vul):
    vul(actoren, True)
    assert _toets(actoren, eis_id, JAAR1_LAATSTE_DAG).status == Status.VOLDAAN
    for datum in (JAAR2_EERSTE_DAG, JAAR2_JUNI):  # year 1 completed: it decides; year 2 is a to-do
        uitkomst = _toets(actoren, eis_id, datum)
        assert uitkomst.status == Status.VOLDAAN, (datum, uitkomst)
        assert "Nog te doen" in uitkomst.toelichting and "jaar 2" in uitkomst.toelichting, uitkomst


@pytest.mark.parametrize(("eis_id", "vul"), REGELS, ids=[r[0] for r in REGELS])
def test_jaar_1_niet_gehaald(actoren, eis_id, vul):
    vul(actoren, False)
    assert _toets(actoren, eis_id, JAAR1_LAATSTE_DAG).status == Status.OPEN  # it can still be done
    for datum in (JAAR2_EERSTE_DAG, JAAR2_JUNI):
        uitkomst = _toets(actoren, eis_id, datum)
        assert uitkomst.status == Status.NIET_VOLDAAN, (datum, uitkomst)
        assert "jaar 1" in uitkomst.toelichting


@pytest.mark.parametrize("eis_id", ["schouw.dag-en-avond", "schouw.positief"])
def test_voltooid_jaar_zonder_een_schouw_haalt_de_regel_niet(actoren, eis_id):
    assert _toets(actoren, eis_id, JAAR1_LAATSTE_DAG).status == Status.OPEN
    assert _toets(actoren, eis_id, JAAR2_EERSTE_DAG).status == Status.NIET_VOLDAAN


def test_jaar_2_gehaald_geen_te_doen_meer(actoren):
    _schouwen(actoren)
    SchouwFactory(cyclus=actoren.cyclus, soort="dag", datum=D(2026, 3, 1))
    SchouwFactory(cyclus=actoren.cyclus, soort="avond", datum=D(2026, 4, 1))
    uitkomst = _toets(actoren, "schouw.dag-en-avond", JAAR2_JUNI)
    assert uitkomst.status == Status.VOLDAAN and "Nog te doen" not in uitkomst.toelichting
    assert uitkomst.toelichting == "jaar 1: dag, avond; jaar 2 (lopend): dag, avond."


def _ctx(datum):
    return ToetsContext(werkgroep=None, cyclus=SimpleNamespace(start=D(2025, 1, 15)), datum=datum)


def test_per_jaar_de_grens():
    gehaald = {1: True, 2: False, 3: False}

    def beoordeel(jaar):
        return gehaald[jaar.nummer], str(gehaald[jaar.nummer])

    laatste = per_jaar(_ctx(JAAR1_LAATSTE_DAG), beoordeel)
    assert laatste.status == Status.VOLDAAN and laatste.voltooid == [] and laatste.lopend.jaar.nummer == 1
    eerste = per_jaar(_ctx(JAAR2_EERSTE_DAG), beoordeel)
    assert eerste.status == Status.VOLDAAN
    assert [s.jaar.nummer for s in eerste.voltooid] == [1] and eerste.te_doen.jaar.nummer == 2
    gehaald[1] = False
    assert per_jaar(_ctx(JAAR1_LAATSTE_DAG), beoordeel).status == Status.OPEN
    assert per_jaar(_ctx(JAAR2_EERSTE_DAG), beoordeel).status == Status.NIET_VOLDAAN
    # after the cycle: all three years completed, nothing running
    na = per_jaar(_ctx(D(2028, 1, 15)), lambda j: (True, ""))
    assert na.status == Status.VOLDAAN and len(na.voltooid) == 3 and na.lopend is None and na.te_doen is None
    assert per_jaar(ToetsContext(werkgroep=None, cyclus=None, datum=D(2026, 1, 1)), beoordeel) is None
