"""Proposing CBS neighbourhoods for the area: the outlines of the *wijk- en buurtkaart* that meet a park.

The CBS publishes the outlines of every municipality, district and neighbourhood each year (PDOK,
"CBS Wijken en Buurten") as GeoJSON. A feature names itself with ``buurtcode`` / ``buurtnaam``,
``wijkcode`` / ``wijknaam`` or ``statcode`` / ``statnaam`` (the code as in the CBS tables: ``BU…``,
``WK…``, ``GM…``). The file comes in WGS84 lon/lat or in the Dutch grid (RD New, EPSG:28992): RD
coordinates are converted with the published approximation (Schreutelkamp & Strang van Hees, about a
metre), which is more than enough to see which neighbourhoods meet a park.

The product only proposes: a person confirms the choice (``analyse.services.opendata.buurten_kies``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from shapely.geometry import mapping, shape
from shapely.validation import make_valid

MAX_BESTAND = 50 * 1024 * 1024
VEREENVOUDIG = 0.00002  # degrees, about 1.5 m: outlines for the map, not for measuring

_K = (
    (0, 1, 3235.65389),
    (2, 0, -32.58297),
    (0, 2, -0.24750),
    (2, 1, -0.84978),
    (0, 3, -0.06550),
    (2, 2, -0.01709),
    (1, 0, -0.00738),
    (4, 0, 0.00530),
    (2, 3, -0.00039),
    (4, 1, 0.00033),
    (1, 1, -0.00012),
)
_L = (
    (1, 0, 5260.52916),
    (1, 1, 105.94684),
    (1, 2, 2.45656),
    (3, 0, -0.81885),
    (1, 3, 0.05594),
    (3, 1, -0.05607),
    (0, 1, 0.01199),
    (3, 2, -0.00256),
    (1, 4, 0.00128),
    (0, 2, 0.00022),
    (2, 0, -0.00022),
    (5, 0, 0.00026),
)


class BuurtkaartFout(ValueError):
    """The file is not a usable neighbourhood map (Dutch message)."""


@dataclass
class Voorstel:
    code: str
    naam: str
    grens: dict  # GeoJSON geometry, WGS84, simplified
    terreinen: list  # the parks whose outline it meets (model instances)


def rd_naar_wgs84(x: float, y: float) -> tuple[float, float]:
    """RD New (EPSG:28992) metres → (lon, lat) in degrees."""
    dx, dy = (x - 155000) * 1e-5, (y - 463000) * 1e-5
    lat = 52.15517440 + sum(k * dx**p * dy**q for p, q, k in _K) / 3600
    lon = 5.38720621 + sum(k * dx**p * dy**q for p, q, k in _L) / 3600
    return lon, lat


def _is_rd(gegevens: dict, geometrie: dict) -> bool:
    crs = json.dumps(gegevens.get("crs") or "")
    if "28992" in crs:
        return True
    punt = geometrie.get("coordinates")
    while isinstance(punt, list) and punt and isinstance(punt[0], list):
        punt = punt[0]
    return bool(punt) and abs(float(punt[0])) > 1000


def _omzetten(coords, rd: bool):
    if coords and isinstance(coords[0], (int, float)):
        return list(rd_naar_wgs84(coords[0], coords[1])) if rd else [coords[0], coords[1]]
    return [_omzetten(c, rd) for c in coords]


def _naam_en_code(eigenschappen: dict) -> tuple[str, str]:
    for code_sleutel, naam_sleutel in (("buurtcode", "buurtnaam"), ("wijkcode", "wijknaam"), ("statcode", "statnaam")):
        code = str(eigenschappen.get(code_sleutel) or "").strip()
        if code:
            return code, " ".join(str(eigenschappen.get(naam_sleutel) or code).split())
    return "", ""


def lees_buurtkaart(inhoud: bytes) -> list[tuple[str, str, object]]:
    """(code, name, shapely geometry in WGS84) of every neighbourhood in a GeoJSON file."""
    if len(inhoud) > MAX_BESTAND:
        raise BuurtkaartFout("Het bestand is groter dan 50 MB; kies alleen de buurten van uw gemeente.")
    try:
        gegevens = json.loads(inhoud.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise BuurtkaartFout("Het bestand is geen GeoJSON (JSON) en kan niet worden gelezen.") from None
    if not isinstance(gegevens, dict) or gegevens.get("type") != "FeatureCollection":
        raise BuurtkaartFout("Verwacht een GeoJSON FeatureCollection (de wijk- en buurtkaart van het CBS).")
    buurten = []
    for nummer, feature in enumerate(gegevens.get("features") or [], start=1):
        if not isinstance(feature, dict):
            continue
        code, naam = _naam_en_code(feature.get("properties") or {})
        geometrie = feature.get("geometry") or {}
        if not code or geometrie.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        try:
            vorm = shape(
                {
                    "type": geometrie["type"],
                    "coordinates": _omzetten(geometrie["coordinates"], _is_rd(gegevens, geometrie)),
                }
            )
            if not vorm.is_valid:
                vorm = make_valid(vorm)
        except (KeyError, TypeError, ValueError, IndexError):
            raise BuurtkaartFout(f"Object {nummer} ({code}) heeft geen geldige omtrek.") from None
        buurten.append((code[:12], naam[:120], vorm))
    if not buurten:
        raise BuurtkaartFout(
            "Het bestand bevat geen buurten: verwacht vlakken met de eigenschap buurtcode, wijkcode of statcode."
        )
    return buurten


def _vorm(grens):
    if not grens:
        return None
    g = grens.get("geometry") if grens.get("type") == "Feature" else grens
    try:
        vorm = shape(g)
    except (AttributeError, KeyError, TypeError, ValueError):
        return None
    return vorm if vorm.is_valid else make_valid(vorm)


def stel_voor(buurten: list[tuple[str, str, object]], terreinen) -> list[Voorstel]:
    """The neighbourhoods whose outline meets the outline of one of ``terreinen`` (parks without an
    outline take no part), by code."""
    vormen = [(t, _vorm(t.grens)) for t in terreinen]
    vormen = [(t, v) for t, v in vormen if v is not None and not v.is_empty]
    voorstellen = []
    for code, naam, vorm in buurten:
        raakt = [t for t, v in vormen if vorm.intersects(v)]
        if raakt:
            eenvoudig = vorm.simplify(VEREENVOUDIG, preserve_topology=True)
            voorstellen.append(Voorstel(code, naam, mapping(eenvoudig), raakt))
    return sorted(voorstellen, key=lambda v: v.code)


def als_json(grens) -> dict:
    """A shapely ``mapping`` (tuples) as plain JSON lists, for the session and the JSONField."""
    return json.loads(json.dumps(grens))
