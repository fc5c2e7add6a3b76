"""Years of the cycle and yearly rules, as eisen.md defines them."""

import datetime as dt
from types import SimpleNamespace

from kvo.toets import Status, ToetsContext, cyclus_jaren, jaarregel

D = dt.date


def test_jaar_eindigt_de_dag_voor_de_verjaardag():
    jaren = cyclus_jaren(D(2024, 8, 26), D(2025, 8, 26))
    assert [(j.start, j.eind) for j in jaren] == [
        (D(2024, 8, 26), D(2025, 8, 25)),
        (D(2025, 8, 26), D(2026, 8, 25)),
        (D(2026, 8, 26), D(2027, 8, 25)),
    ]
    assert jaren[0].voltooid and not jaren[1].voltooid


def test_voltooid_is_laatste_dag_voor_de_peildatum():
    # On its last day a year is not completed yet; the day after, it is.
    assert not cyclus_jaren(D(2024, 8, 26), D(2025, 8, 25))[0].voltooid
    assert cyclus_jaren(D(2024, 8, 26), D(2025, 8, 26))[0].voltooid


def test_start_op_29_februari():
    jaren = cyclus_jaren(D(2024, 2, 29), D(2026, 1, 1))
    assert jaren[0].eind == D(2025, 2, 27)
    assert jaren[1].start == D(2025, 2, 28)
    assert jaren[1].eind == D(2026, 2, 27)
    assert jaren[2].start == D(2026, 2, 28)


def ctx(start, datum):
    return ToetsContext(werkgroep=None, cyclus=SimpleNamespace(start=start), datum=datum)


def test_jaarregel_geen_voltooid_jaar():
    c = ctx(D(2026, 1, 1), D(2026, 6, 1))
    assert jaarregel(c, lambda j: 3, 3, "Bijeenkomsten").status == Status.VOLDAAN
    assert jaarregel(c, lambda j: 2, 3, "Bijeenkomsten").status == Status.OPEN


def test_jaarregel_voltooide_jaren():
    c = ctx(D(2024, 1, 1), D(2025, 6, 1))
    assert jaarregel(c, lambda j: 3, 3, "Bijeenkomsten").status == Status.VOLDAAN
    uitkomst = jaarregel(c, lambda j: 2 if j.nummer == 1 else 5, 3, "Bijeenkomsten")
    assert uitkomst.status == Status.NIET_VOLDAAN
    assert "jaar 1: 2" in uitkomst.toelichting
    # the current (not completed) year does not count once a year is completed
    assert jaarregel(c, lambda j: 3 if j.nummer == 1 else 0, 3, "x").status == Status.VOLDAAN


def test_jaarregel_zonder_cyclus():
    c = ToetsContext(werkgroep=None, cyclus=None, datum=D(2026, 1, 1))
    assert jaarregel(c, lambda j: 9, 3, "x").status == Status.OPEN
