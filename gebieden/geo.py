"""Boundaries of parks and adjacent locations: GeoJSON Polygon or MultiPolygon in WGS84 (lon, lat).

``valideer_grens`` is the one gate every boundary passes before it is stored: the right type,
closed rings of at least four positions, coordinates within WGS84 ranges, and a geometry that
does not cross itself (shapely's validity). Errors are Dutch and say what to fix.
"""

from __future__ import annotations

import json
import math
from typing import Any

from django.core.exceptions import ValidationError
from shapely.geometry import shape
from shapely.validation import explain_validity

TYPES = ("Polygon", "MultiPolygon")

_UITLEG = {
    "Self-intersection": "De grens snijdt zichzelf",
    "Ring Self-intersection": "De grens raakt of snijdt zichzelf",
    "Interior is disconnected": "Een uitsparing verdeelt het vlak in losse delen",
    "Hole lies outside shell": "Een uitsparing ligt buiten de buitengrens",
    "Nested holes": "Uitsparingen liggen in elkaar",
    "Nested shells": "Twee vlakken liggen in elkaar",
    "Too few points": "Te weinig punten",
    "Invalid Coordinate": "Ongeldige coördinaat",
    "Ring not closed": "Een ring is niet gesloten",
    "Duplicate Rings": "Een ring komt dubbel voor",
}


def lees_grens(waarde: Any) -> dict | None:
    """Text (from a form) or a dict → a validated GeoJSON geometry, or ``None`` when empty."""
    if waarde in (None, "", {}):
        return None
    if isinstance(waarde, str):
        if not waarde.strip():
            return None
        try:
            waarde = json.loads(waarde)
        except json.JSONDecodeError as e:
            raise ValidationError(f"De grens is geen geldige GeoJSON: {e.msg} (positie {e.pos}).") from e
        except (ValueError, RecursionError) as e:  # a number of thousands of digits, lists nested thousands deep
            raise ValidationError("De grens is geen geldige GeoJSON: te lange getallen of te diep genest.") from e
    return valideer_grens(waarde)


def valideer_grens(geo: Any) -> dict:
    """Return ``geo`` as a clean GeoJSON geometry or raise a Dutch ``ValidationError``."""
    if isinstance(geo, dict) and geo.get("type") == "Feature":
        geo = geo.get("geometry")
    if isinstance(geo, dict) and geo.get("type") == "FeatureCollection":
        features = geo.get("features") or []
        if len(features) != 1:
            raise ValidationError("Geef precies één vlak (Polygon of MultiPolygon), geen verzameling van objecten.")
        geo = features[0].get("geometry")
    if not isinstance(geo, dict) or geo.get("type") not in TYPES:
        soort = geo.get("type") if isinstance(geo, dict) else type(geo).__name__
        raise ValidationError(f"De grens moet een vlak zijn (GeoJSON Polygon of MultiPolygon), niet {soort}.")
    coords = geo.get("coordinates")
    if not isinstance(coords, list) or not coords:
        raise ValidationError("De grens heeft geen coördinaten.")
    polygonen = [coords] if geo["type"] == "Polygon" else coords
    for p, polygoon in enumerate(polygonen, start=1):
        if not isinstance(polygoon, list) or not polygoon:
            raise ValidationError(f"Vlak {p} heeft geen ringen.")
        for r, ring in enumerate(polygoon, start=1):
            _controleer_ring(ring, _naam(geo["type"], p, r))
    try:
        vorm = shape(geo)
    except Exception as e:  # shapely raises several types for malformed input
        raise ValidationError(f"De grens kan niet worden gelezen: {e}.") from e
    if not vorm.is_valid:
        raise ValidationError(_leg_uit(explain_validity(vorm)))
    if vorm.area == 0:
        raise ValidationError("De grens heeft geen oppervlakte: alle punten liggen op één lijn.")
    return {"type": geo["type"], "coordinates": _schoon(coords)}


def _naam(soort: str, p: int, r: int) -> str:
    ring = "de buitengrens" if r == 1 else f"uitsparing {r - 1}"
    return ring if soort == "Polygon" else f"{ring} van vlak {p}"


def _controleer_ring(ring: Any, naam: str) -> None:
    if not isinstance(ring, list):
        raise ValidationError(f"In {naam} staat geen lijst van punten.")
    for i, punt in enumerate(ring, start=1):
        if (
            not isinstance(punt, list | tuple)
            or len(punt) < 2
            or not all(isinstance(c, int | float) and not isinstance(c, bool) for c in punt[:2])
            or not all(isinstance(c, int) or math.isfinite(c) for c in punt[:2])
        ):
            raise ValidationError(f"Punt {i} van {naam} is geen coördinaat [lengtegraad, breedtegraad].")
        lon, lat = punt[0], punt[1]
        if not -180 <= lon <= 180:
            raise ValidationError(f"Punt {i} van {naam}: lengtegraad {lon} ligt buiten -180 tot 180.")
        if not -90 <= lat <= 90:
            raise ValidationError(f"Punt {i} van {naam}: breedtegraad {lat} ligt buiten -90 tot 90.")
    if len(ring) < 4:
        raise ValidationError(f"{naam.capitalize()} heeft {len(ring)} punten; een vlak heeft er minstens 4 nodig.")
    if list(ring[0][:2]) != list(ring[-1][:2]):
        raise ValidationError(
            f"{naam.capitalize()} is niet gesloten: het laatste punt moet gelijk zijn aan het eerste."
        )


def _leg_uit(uitleg: str) -> str:
    reden, _, rest = uitleg.partition("[")
    reden = reden.strip()
    tekst = _UITLEG.get(reden, f"De grens is geen geldig vlak ({reden})")
    if rest:
        try:
            x, y = (float(v) for v in rest.rstrip("]").split()[:2])
            tekst += f": bij lengtegraad {x:.6f}, breedtegraad {y:.6f}"
        except ValueError:
            pass
    return tekst + ". Teken de grens opnieuw zonder kruisende lijnen."


def _schoon(coords):
    """Only lon and lat, as floats rounded to 7 decimals (about 1 cm)."""
    if coords and isinstance(coords[0], int | float):
        return [round(float(coords[0]), 7), round(float(coords[1]), 7)]
    return [_schoon(c) for c in coords]


def is_geldig(geo: Any) -> bool:
    try:
        valideer_grens(geo)
    except ValidationError:
        return False
    return True


def ringen(geo: dict) -> list[list[list[float]]]:
    """Every ring of a (valid) Polygon or MultiPolygon, outer rings and holes alike."""
    if geo["type"] == "Polygon":
        return list(geo["coordinates"])
    return [ring for polygoon in geo["coordinates"] for ring in polygoon]
