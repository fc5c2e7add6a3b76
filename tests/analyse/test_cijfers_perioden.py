"""Coverage of periods of figures: eisen.md's "whole year" and the whole calendar year, at each boundary."""

import datetime as dt

import pytest

from analyse.perioden import Span, dekking, eind_van_jaar, jaren_tekst, samenvoegen, verdeel_over_jaren


def d(tekst: str) -> dt.date:
    dag, maand, jaar = (int(x) for x in tekst.split("-"))
    return dt.date(jaar, maand, dag)


def p(van: str, tot: str) -> tuple[dt.date, dt.date]:
    return d(van), d(tot)


def test_een_dag_te_kort_is_geen_heel_jaar():
    kort = dekking([p("01-01-2024", "30-12-2024")])
    assert not kort.heel_jaar and not kort.heel_kalenderjaar
    assert kort.langste.dagen == 365  # 2024 is a leap year: 366 days would be whole
    heel = dekking([p("01-01-2024", "31-12-2024")])
    assert heel.heel_jaar and heel.kalenderjaren == [2024]


def test_ander_begin_tot_de_dag_ervoor_een_jaar_later():
    heel = dekking([p("15-03-2023", "14-03-2024")])
    assert heel.heel_jaar
    assert heel.kalenderjaren == []  # a whole year, not a calendar year
    kort = dekking([p("15-03-2023", "13-03-2024")])
    assert not kort.heel_jaar


def test_twee_aansluitende_perioden_tellen_samen():
    samen = dekking([p("01-07-2024", "31-12-2024"), p("01-01-2024", "30-06-2024")])
    assert samen.spans == [Span(d("01-01-2024"), d("31-12-2024"))]
    assert samen.kalenderjaren == [2024]
    assert samen.tekst() == "01-01-2024 t/m 31-12-2024"


def test_een_dag_gat_breekt_de_periode():
    gat = dekking([p("01-01-2024", "30-06-2024"), p("02-07-2024", "31-12-2024")])
    assert len(gat.spans) == 2
    assert not gat.heel_jaar and not gat.heel_kalenderjaar
    assert gat.langste == Span(d("02-07-2024"), d("31-12-2024"))  # 183 days against 182
    assert gat.tekst() == "01-01-2024 t/m 30-06-2024 en 02-07-2024 t/m 31-12-2024"


def test_overlappende_en_omvatte_perioden():
    spans = samenvoegen([p("01-01-2023", "31-12-2023"), p("01-03-2023", "30-04-2023"), p("01-12-2023", "31-01-2024")])
    assert spans == [Span(d("01-01-2023"), d("31-01-2024"))]


@pytest.mark.parametrize(
    ("van", "tot", "heel"),
    [
        ("29-02-2024", "26-02-2025", False),
        ("29-02-2024", "27-02-2025", True),  # plus_jaren: 29-02-2024 + 1 year = 28-02-2025
        ("28-02-2024", "26-02-2025", False),
        ("28-02-2024", "27-02-2025", True),
        ("01-03-2023", "28-02-2024", False),  # the year from 01-03-2023 ends on 29-02-2024
        ("01-03-2023", "29-02-2024", True),
    ],
)
def test_29_februari(van, tot, heel):
    assert dekking([p(van, tot)]).heel_jaar is heel


def test_eind_van_jaar():
    assert eind_van_jaar(d("01-01-2024")) == d("31-12-2024")
    assert eind_van_jaar(d("29-02-2024")) == d("27-02-2025")


def test_kalenderjaren_binnen_een_lange_periode():
    lang = dekking([p("02-01-2022", "31-12-2024")])
    assert lang.kalenderjaren == [2023, 2024]
    assert dekking([p("01-01-2022", "30-12-2024")]).kalenderjaren == [2022, 2023]
    assert dekking([]).leeg and dekking([]).langste is None and not dekking([]).heel_jaar


def test_alleen_dagen_tot_de_analyse_tellen():
    perioden = [p("01-01-2024", "31-12-2024")]
    assert dekking(perioden, tot=d("31-12-2024")).kalenderjaren == [2024]
    assert dekking(perioden, tot=d("30-12-2024")).kalenderjaren == []  # cut off one day short
    assert dekking([p("01-01-2025", "31-03-2025")], tot=d("31-12-2024")).leeg  # after the analysis: dropped


def test_verdeel_over_jaren_naar_rato():
    delen = verdeel_over_jaren(d("01-07-2023"), d("30-06-2024"), 366)
    assert delen == {2023: 184, 2024: 182}
    assert verdeel_over_jaren(d("01-01-2024"), d("31-12-2024"), 7) == {2024: 7}


def test_jaren_tekst():
    assert jaren_tekst([2024]) == "2024"
    assert jaren_tekst([2023, 2024]) == "2023 en 2024"
    assert jaren_tekst([2022, 2023, 2024]) == "2022, 2023 en 2024"
