"""An SVG outline of the area: the parks (filled, labelled) and adjacent locations (grey, dashed).

Made on the server, without map tiles, so the web page and the PDF show the same picture.
Projection: equirectangular with x scaled by cos(mean latitude), fitted into the viewBox.
The output is deterministic (same data → same bytes): numbers are rounded, order is by name.
"""

from __future__ import annotations

import base64
import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from shapely.geometry import shape

from gebieden import geo

KLEUREN = ("#154273", "#1d6b35", "#8a4b00", "#6b2c91", "#a4161a", "#2f5f98")
GRIJS = "#6b7785"


@dataclass(frozen=True)
class Vorm:
    naam: str
    grens: dict
    aangrenzend: bool = False


def _vormen(terreinen, locaties) -> list[Vorm]:
    vormen = []
    for t in terreinen:
        if t.grens and geo.is_geldig(t.grens):
            vormen.append(Vorm(t.naam, t.grens))
    for loc in locaties:
        if loc.grens and geo.is_geldig(loc.grens):
            vormen.append(Vorm(loc.naam, loc.grens, aangrenzend=True))
    return vormen


def _getal(x: float) -> str:
    tekst = f"{x:.1f}"
    return tekst[:-2] if tekst.endswith(".0") else tekst


LETTER = 17  # label size in viewBox units
STRAAL_AARDE = 6_371_000  # metres: one degree is 111.2 km


def _label_breedte(tekst: str, *, vet: bool) -> float:
    """An estimate of a label's width (Liberation Sans averages ~0.55 em a letter, bold ~0.6)."""
    return len(tekst) * LETTER * (0.6 if vet else 0.55)


def _mooie_lengte(maximum: float) -> float:
    """The largest 1, 2, 2.5 or 5 × 10^k metres not above ``maximum``."""
    k = 10 ** math.floor(math.log10(max(maximum, 1)))
    for f in (5, 2.5, 2, 1):
        if f * k <= maximum:
            return f * k
    return k


def _schaalbalk(meter_per_eenheid: float, breedte: int, hoogte: int) -> tuple[list[str], tuple]:
    """A scale bar in the bottom-left corner: about a fifth of the width, a round number of metres.
    Returns its SVG elements and the box it takes (kept free of labels)."""
    lengte = _mooie_lengte(0.2 * breedte * meter_per_eenheid)
    px = lengte / meter_per_eenheid
    tekst = f"{_getal(lengte / 1000).replace('.', ',')} km" if lengte >= 1000 else f"{int(lengte)} m"
    x0, y0 = 14.0, hoogte - 16.0
    half = px / 2
    doos = (x0 - 6, y0 - 22, x0 + px + 8 + _label_breedte(tekst, vet=False) * 0.75, y0 + 10)
    elementen = [
        f'<g class="kaart-schaal" aria-label="Schaal: {tekst}">',
        f'<rect x="{_getal(doos[0])}" y="{_getal(doos[1])}" width="{_getal(doos[2] - doos[0])}" '
        f'height="{_getal(doos[3] - doos[1])}" fill="#ffffff" fill-opacity="0.85"/>',
        f'<rect x="{_getal(x0)}" y="{_getal(y0 - 4)}" width="{_getal(half)}" height="5" fill="#1b1f24"/>',
        f'<rect x="{_getal(x0 + half)}" y="{_getal(y0 - 4)}" width="{_getal(half)}" height="5" fill="#ffffff" '
        f'stroke="#1b1f24" stroke-width="1"/>',
        f'<text x="{_getal(x0)}" y="{_getal(y0 - 8)}" font-size="11" fill="#1b1f24" text-anchor="middle">0</text>',
        f'<text x="{_getal(x0 + px)}" y="{_getal(y0 - 8)}" font-size="11" fill="#1b1f24" '
        f'text-anchor="middle">{tekst}</text>',
        "</g>",
    ]
    return elementen, doos


def _noordpijl(breedte: int) -> list[str]:
    x, y = breedte - 22, 14
    return [
        '<g class="kaart-noord" aria-label="Noorden boven">',
        f'<path d="M{x} {y} L{x + 7} {y + 20} L{x} {y + 15} L{x - 7} {y + 20} Z" fill="#1b1f24"/>',
        f'<text x="{x}" y="{y + 33}" font-size="11" font-weight="700" text-anchor="middle" fill="#1b1f24">N</text>',
        "</g>",
    ]


def _plaats_labels(vormen_xy, breedte: int, hoogte: int, bezet: list) -> list[tuple]:
    """Place each shape's label beside its outline, clear of every outline, of the other labels and
    of ``bezet`` (boxes already taken). ``vormen_xy``: (name, shapely polygon in viewBox units, bold).
    Returns (name, x, y of the text's centre, anchor point on the outline, bold) per shape.

    Candidates lie around the shape's bounding box (right, left, above, below, the corners) at
    growing distances; the first that fits is taken. Where none fits, the one overlapping least.
    """
    from shapely.geometry import box
    from shapely.ops import nearest_points, unary_union

    alles = unary_union([v for _, v, _ in vormen_xy]).buffer(4)
    canvas = box(2, 2, breedte - 2, hoogte - 2)
    genomen = [box(*b) for b in bezet]
    uit = []
    for naam, vorm, vet in vormen_xy:
        b, h = _label_breedte(naam, vet=vet), LETTER * 1.15
        minx, miny, maxx, maxy = vorm.bounds
        cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
        beste, beste_score = None, None
        for afstand in (8, 20, 36, 56, 80):
            for x, y in (
                (maxx + afstand + b / 2, cy), (minx - afstand - b / 2, cy),
                (cx, miny - afstand - h / 2), (cx, maxy + afstand + h / 2),
                (maxx + afstand + b / 2, miny - afstand), (minx - afstand - b / 2, miny - afstand),
                (maxx + afstand + b / 2, maxy + afstand), (minx - afstand - b / 2, maxy + afstand),
            ):  # fmt: skip
                doos = box(x - b / 2, y - h / 2, x + b / 2, y + h / 2)
                score = (
                    doos.difference(canvas).area * 4
                    + doos.intersection(alles).area
                    + sum(doos.intersection(g).area for g in genomen) * 2
                )
                if beste_score is None or score < beste_score:
                    beste, beste_score = (x, y, doos), score
                if score == 0:
                    break
            if beste_score == 0:
                break
        x, y, doos = beste
        genomen.append(doos)
        anker = nearest_points(vorm.exterior if hasattr(vorm, "exterior") else vorm.boundary, doos)[0]
        uit.append((naam, x, y, (anker.x, anker.y), vet, doos))
    return uit


def gebied_svg(
    terreinen, locaties=(), *, breedte: int = 480, hoogte: int = 320, marge: int = 24, ondergrond: bool = False
) -> SafeString:
    """The outline as an inline ``<svg>``; an empty string when no boundary is recorded.

    Every park with a valid boundary is drawn; its name stands beside its outline (with a thin line
    to it) rather than on top of it, clear of the other outlines and names. A scale bar (bottom
    left) and a north arrow (top right) make distances readable at street level. With
    ``ondergrond`` the streets lie beneath (``gebieden.ondergrond``, when a tile service is set),
    with its source named in the corner and the names on a white box."""
    from shapely.affinity import affine_transform
    from shapely.geometry import Point
    from shapely.ops import nearest_points

    vormen = _vormen(terreinen, locaties)
    if not vormen:
        return mark_safe("")
    punten = [p for v in vormen for ring in geo.ringen(v.grens) for p in ring]
    lats = [p[1] for p in punten]
    lons = [p[0] for p in punten]
    cos = math.cos(math.radians((min(lats) + max(lats)) / 2)) or 1e-9
    xmin, xmax = min(lons) * cos, max(lons) * cos
    ymin, ymax = -max(lats), -min(lats)
    dx, dy = max(xmax - xmin, 1e-9), max(ymax - ymin, 1e-9)
    # room around the drawing for the names beside the outlines
    mx, my = marge + breedte * 0.16, marge + hoogte * 0.1
    schaal = min((breedte - 2 * mx) / dx, (hoogte - 2 * my) / dy)
    # centre the drawing in the box
    ox = mx + ((breedte - 2 * mx) - dx * schaal) / 2
    oy = my + ((hoogte - 2 * my) - dy * schaal) / 2

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return ox + (lon * cos - xmin) * schaal, oy + (-lat - ymin) * schaal

    def pad(grens: dict) -> str:
        delen = []
        for ring in geo.ringen(grens):
            coords = [xy(p[0], p[1]) for p in ring[:-1]]
            delen.append("M" + " L".join(f"{_getal(x)} {_getal(y)}" for x, y in coords) + " Z")
        return " ".join(delen)

    def projectie(grens: dict):
        # x' = cos*schaal*lon + (ox - xmin*schaal); y' = -schaal*lat + (oy - ymin*schaal)
        return affine_transform(shape(grens), [cos * schaal, 0, 0, -schaal, ox - xmin * schaal, oy - ymin * schaal])

    namen_parken = ", ".join(v.naam for v in vormen if not v.aangrenzend)
    label = f"Kaart van het KVO-gebied: {namen_parken}" if namen_parken else "Kaart van het KVO-gebied"
    regels = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} {hoogte}" class="gebiedkaart" '
        f'role="img" aria-label="{escape(label)}" font-family="Liberation Sans, Arial, sans-serif">',
        f"<title>{escape(label)}</title>",
        f'<rect x="0" y="0" width="{breedte}" height="{hoogte}" fill="#f4f6f9"/>',
    ]
    basis = None
    if ondergrond:
        from gebieden.ondergrond import ondergrond as basiskaart

        def lonlat(x: float, y: float) -> tuple[float, float]:
            return ((x - ox) / schaal + xmin) / cos, -((y - oy) / schaal + ymin)

        (west, noord), (oost, zuid) = lonlat(0, 0), lonlat(breedte, hoogte)
        basis = basiskaart(west, zuid, oost, noord, breedte * 2, hoogte * 2)
    if basis is not None:
        regels.append(
            f'<image x="0" y="0" width="{breedte}" height="{hoogte}" preserveAspectRatio="none" '
            f'href="data:image/jpeg;base64,{base64.b64encode(basis.jpeg).decode()}"/>'
        )
    kleuren = {}
    kleur_index = 0
    # adjacent locations first, so parks are drawn on top
    geordend = sorted(vormen, key=lambda v: (not v.aangrenzend, v.naam.casefold()))
    for v in geordend:
        if v.aangrenzend:
            regels.append(
                f'<path d="{pad(v.grens)}" fill="{GRIJS}" fill-opacity="0.12" stroke="{GRIJS}" stroke-width="1.5" '
                f'stroke-dasharray="6 4" fill-rule="evenodd"><title>{escape(v.naam)} (aangrenzend)</title></path>'
            )
            kleuren[v.naam, True] = GRIJS
        else:
            kleur = KLEUREN[kleur_index % len(KLEUREN)]
            kleur_index += 1
            kleuren[v.naam, False] = kleur
            regels.append(
                f'<path d="{pad(v.grens)}" fill="{kleur}" fill-opacity="0.18" stroke="{kleur}" stroke-width="2" '
                f'stroke-linejoin="round" fill-rule="evenodd"><title>{escape(v.naam)}</title></path>'
            )
    meter_per_eenheid = math.radians(1) * STRAAL_AARDE / schaal
    schaal_regels, schaal_doos = _schaalbalk(meter_per_eenheid, breedte, hoogte)
    noord_doos = (breedte - 34, 8, breedte - 8, 52)
    # parks get their place first, then the adjacent locations
    volgorde = sorted(geordend, key=lambda v: (v.aangrenzend, v.naam.casefold()))
    bezet = [schaal_doos, noord_doos]
    bron = f"Ondergrond: {basis.bron}" if basis is not None and basis.bron else ""
    bron_breedte = _label_breedte(bron, vet=False) * 10 / LETTER + 10
    if bron:
        bezet.append((breedte - bron_breedte, hoogte - 17, breedte, hoogte))
    geplaatst = _plaats_labels(
        [(v.naam, projectie(v.grens), not v.aangrenzend) for v in volgorde], breedte, hoogte, bezet
    )
    teksten = []
    for (naam, x, y, (ax, ay), _vet, doos), v in zip(geplaatst, volgorde, strict=True):
        kleur = kleuren[v.naam, v.aangrenzend]
        # the leader runs from the outline to the nearest point of the name's box
        eind = nearest_points(doos, Point(ax, ay))[0]
        regels.append(
            f'<line x1="{_getal(ax)}" y1="{_getal(ay)}" x2="{_getal(eind.x)}" y2="{_getal(eind.y)}" '
            f'stroke="{kleur}" stroke-width="1"/>'
        )
        stijl = ' font-style="italic"' if v.aangrenzend else ' font-weight="700"'
        if basis is not None:  # a name on the streets needs its own ground
            bx0, by0, bx1, by1 = doos.bounds
            teksten.append(
                f'<rect x="{_getal(bx0 - 3)}" y="{_getal(by0)}" width="{_getal(bx1 - bx0 + 6)}" '
                f'height="{_getal(by1 - by0)}" rx="3" fill="#ffffff" fill-opacity="0.88"/>'
            )
        teksten.append(
            f'<text x="{_getal(x)}" y="{_getal(y)}" text-anchor="middle" dominant-baseline="middle" '
            f'font-size="{LETTER}" fill="{kleur}" class="kaart-label"{stijl}>{escape(naam)}</text>'
        )
    regels += teksten
    regels += schaal_regels
    regels += _noordpijl(breedte)
    if bron:
        regels += [
            f'<rect x="{_getal(breedte - bron_breedte)}" y="{hoogte - 17}" width="{_getal(bron_breedte)}" height="17" '
            f'fill="#ffffff" fill-opacity="0.85"/>',
            f'<text x="{breedte - 5}" y="{hoogte - 5}" font-size="10" text-anchor="end" fill="#1b1f24" '
            f'class="kaart-bron">{escape(bron)}</text>',
        ]
    regels.append("</svg>")
    return mark_safe("\n".join(regels))
