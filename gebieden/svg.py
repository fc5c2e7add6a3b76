"""An SVG outline of the area: the parks (filled, labelled) and adjacent locations (grey, dashed).

Made on the server, without map tiles, so the web page and the PDF show the same picture.
Projection: equirectangular with x scaled by cos(mean latitude), fitted into the viewBox.
The output is deterministic (same data → same bytes): numbers are rounded, order is by name.
"""

from __future__ import annotations

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


def gebied_svg(terreinen, locaties=(), *, breedte: int = 480, hoogte: int = 320, marge: int = 24) -> SafeString:
    """The outline as an inline ``<svg>``; an empty string when no boundary is recorded."""
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
    schaal = min((breedte - 2 * marge) / dx, (hoogte - 2 * marge) / dy)
    # centre the drawing in the box
    ox = marge + ((breedte - 2 * marge) - dx * schaal) / 2
    oy = marge + ((hoogte - 2 * marge) - dy * schaal) / 2

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return ox + (lon * cos - xmin) * schaal, oy + (-lat - ymin) * schaal

    def pad(grens: dict) -> str:
        delen = []
        for ring in geo.ringen(grens):
            coords = [xy(p[0], p[1]) for p in ring[:-1]]
            delen.append("M" + " L".join(f"{_getal(x)} {_getal(y)}" for x, y in coords) + " Z")
        return " ".join(delen)

    namen_parken = ", ".join(v.naam for v in vormen if not v.aangrenzend)
    label = f"Kaart van het KVO-gebied: {namen_parken}" if namen_parken else "Kaart van het KVO-gebied"
    regels = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} {hoogte}" class="gebiedkaart" '
        f'role="img" aria-label="{escape(label)}" font-family="Liberation Sans, Arial, sans-serif">',
        f"<title>{escape(label)}</title>",
        f'<rect x="0" y="0" width="{breedte}" height="{hoogte}" fill="#f4f6f9"/>',
    ]
    teksten = []
    kleur_index = 0
    # adjacent locations first, so parks are drawn on top
    for v in sorted(vormen, key=lambda v: (not v.aangrenzend, v.naam.casefold())):
        if v.aangrenzend:
            regels.append(
                f'<path d="{pad(v.grens)}" fill="{GRIJS}" fill-opacity="0.12" stroke="{GRIJS}" stroke-width="1.5" '
                f'stroke-dasharray="6 4" fill-rule="evenodd"><title>{escape(v.naam)} (aangrenzend)</title></path>'
            )
            kleur = GRIJS
        else:
            kleur = KLEUREN[kleur_index % len(KLEUREN)]
            kleur_index += 1
            regels.append(
                f'<path d="{pad(v.grens)}" fill="{kleur}" fill-opacity="0.18" stroke="{kleur}" stroke-width="2" '
                f'stroke-linejoin="round" fill-rule="evenodd"><title>{escape(v.naam)}</title></path>'
            )
        punt = shape(v.grens).representative_point()
        x, y = xy(punt.x, punt.y)
        stijl = ' font-style="italic"' if v.aangrenzend else ' font-weight="700"'
        teksten.append(
            f'<text x="{_getal(x)}" y="{_getal(y)}" text-anchor="middle" dominant-baseline="middle" font-size="17" '
            f'fill="{kleur}" stroke="#ffffff" stroke-width="3" paint-order="stroke"{stijl}>{escape(v.naam)}</text>'
        )
    regels += teksten
    regels.append("</svg>")
    return mark_safe("\n".join(regels))
