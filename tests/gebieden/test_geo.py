import pytest
from django.core.exceptions import ValidationError

from gebieden.geo import lees_grens, valideer_grens
from tests.gebieden.factories import vierkant


def test_polygon_is_geldig():
    assert valideer_grens(vierkant())["type"] == "Polygon"


def test_multipolygon_is_geldig():
    a, b = vierkant(5.10, 52.0), vierkant(5.20, 52.0)
    geo = {"type": "MultiPolygon", "coordinates": [a["coordinates"], b["coordinates"]]}
    assert valideer_grens(geo)["type"] == "MultiPolygon"


def test_feature_wordt_geometrie():
    assert valideer_grens({"type": "Feature", "geometry": vierkant(), "properties": {}})["type"] == "Polygon"


def test_niet_gesloten_ring():
    ring = vierkant()["coordinates"][0][:-1]
    with pytest.raises(ValidationError, match="niet gesloten"):
        valideer_grens({"type": "Polygon", "coordinates": [ring]})


def test_vlinderdas_snijdt_zichzelf():
    vlinder = {"type": "Polygon", "coordinates": [[[5.0, 52.0], [5.1, 52.1], [5.1, 52.0], [5.0, 52.1], [5.0, 52.0]]]}
    with pytest.raises(ValidationError) as fout:
        valideer_grens(vlinder)
    assert "De grens snijdt zichzelf" in fout.value.messages[0]
    assert "lengtegraad 5.05" in fout.value.messages[0]


@pytest.mark.parametrize(
    ("punt", "tekst"),
    [([181.0, 52.0], "lengtegraad 181.0 ligt buiten -180 tot 180"), ([5.0, 91.0], "breedtegraad 91.0 ligt buiten")],
)
def test_buiten_wgs84(punt, tekst):
    ring = [punt, [5.1, 52.0], [5.1, 52.1], punt]
    with pytest.raises(ValidationError, match=tekst):
        valideer_grens({"type": "Polygon", "coordinates": [ring]})


@pytest.mark.parametrize("soort", ["Point", "LineString", "GeometryCollection"])
def test_verkeerd_type(soort):
    with pytest.raises(ValidationError, match="Polygon of MultiPolygon"):
        valideer_grens({"type": soort, "coordinates": [5.0, 52.0]})


def test_te_weinig_punten():
    with pytest.raises(ValidationError, match="minstens 4"):
        valideer_grens({"type": "Polygon", "coordinates": [[[5.0, 52.0], [5.1, 52.0], [5.0, 52.0]]]})


def test_tekst_uit_formulier():
    assert lees_grens("") is None
    assert lees_grens('{"type": "Polygon", "coordinates": [[[5,52],[5.1,52],[5.1,52.1],[5,52]]]}')["type"] == "Polygon"
    with pytest.raises(ValidationError, match="geen geldige GeoJSON"):
        lees_grens("{niet json")
