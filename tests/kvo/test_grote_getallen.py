"""A 20-digit id, typed or forged, gives a clean answer, never a 500 (SQLite overflowed on it).

The bound sits where the number enters, not in the ORM: the ``<id:...>`` URL converter
(``kvo.converters``) and the model choice fields ``IdKeuze``/``IdsKeuze`` and ``id_uit``
(``kvo.invoer``). ``tests/kvo/test_vijandige_invoer.py`` sends such numbers to every form.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter

from kvo.converters import IdConverter
from kvo.invoer import IdKeuze, IdsKeuze, id_uit
from werkgroepen.models import Bijeenkomst, Lid

ENORM = "99999999999999999999"


def test_bijeenkomst_met_een_enorm_id_als_aanwezige(actoren, als):
    response = als(actoren.voorzitter).post(
        "/w/de-hoek/bijeenkomsten/nieuw/", {"datum": "2026-01-01", "soort": "werkgroep", "aanwezigen": [ENORM]}
    )
    assert response.status_code in (200, 422)
    assert "geldige keuze" in response.text or "geen beschikbare keuze" in response.text
    assert not Bijeenkomst.objects.exists()


@pytest.mark.parametrize(
    "pad",
    [
        f"/w/de-hoek/bijeenkomsten/{ENORM}/",
        f"/w/de-hoek/aanpak/maatregelen/{ENORM}/",
        "/w/de-hoek/bijeenkomsten/1000000000000000000/",  # 19 digits: past the bound, though it fits a bigint
    ],
)
def test_enorm_id_in_de_url_is_een_404(actoren, als, pad):
    assert als(actoren.voorzitter).get(pad).status_code == 404


def _converters(patronen):
    for p in patronen:
        yield from p.pattern.converters.values()
        if isinstance(p, URLResolver):
            yield from _converters(p.url_patterns)
        else:
            assert isinstance(p, URLPattern)


def test_geen_route_met_een_onbegrensd_getal():
    """Every number in a route of the product goes through the bounded converter, none through ``int``."""
    product = [p for p in get_resolver().url_patterns if not str(p.pattern).startswith("admin/")]
    gevonden = list(_converters(product))
    assert any(isinstance(c, IdConverter) for c in gevonden)
    assert not [c for c in gevonden if isinstance(c, IntConverter)]


def test_het_begrensde_getal():
    assert IdConverter().to_python("999999999999999999") == 999999999999999999
    assert id_uit("12") == 12 and id_uit(" 7 ") == 7
    assert id_uit(ENORM) is None and id_uit("-3") is None and id_uit("١٢٣") is None and id_uit("") is None


def test_keuzevelden_weigeren_een_enorm_id_zonder_query(actoren, django_assert_num_queries):
    lid = Lid.objects.filter(werkgroep=actoren.werkgroep).first()
    een = IdKeuze(queryset=Lid.objects.filter(werkgroep=actoren.werkgroep))
    meer = IdsKeuze(queryset=Lid.objects.filter(werkgroep=actoren.werkgroep))
    with django_assert_num_queries(0):
        for veld, waarde in ((een, ENORM), (een, "-1"), (meer, [str(lid.pk), ENORM]), (meer, ["١"])):
            with pytest.raises(Exception) as fout:
                veld.clean(waarde)
            assert fout.value.code == "invalid_choice"
    assert een.clean(str(lid.pk)) == lid
    assert list(meer.clean([str(lid.pk)])) == [lid]


def test_enorm_id_in_een_filter_van_de_matrix(actoren, als):
    response = als(actoren.voorzitter).get("/w/de-hoek/aanpak/matrix/", {"partij": ENORM})
    assert response.status_code == 200
