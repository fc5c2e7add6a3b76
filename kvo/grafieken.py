"""Charts as SVG made on the server: the same markup in the page and in the PDF (WeasyPrint).

Plain, accessible SVG: every chart has a ``<title>`` and ``<desc>`` with its numbers, text in
the page's font, colours from the stylesheet's palette that meet WCAG contrast on white. The
output is deterministic (same data, same bytes), so it can be tested and cached.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

KLEUREN = ("#154273", "#2f7d4f", "#b35c00", "#7a3e9d", "#a4161a", "#3b7ea1", "#5b6770", "#8a6d00")
TEKST = "#1b1f24"
ZACHT = "#4a5561"
RAND = "#c9d1db"
LETTER = "Liberation Sans, Helvetica, Arial, sans-serif"


@dataclass(frozen=True)
class Staaf:
    label: str
    waarde: float
    tekst: str = ""  # what is written behind the bar ("12 (40 %)"); the value when empty


def _getal(waarde: float) -> str:
    return f"{waarde:.1f}".rstrip("0").rstrip(".").replace(".", ",")


def _svg(breedte: int, hoogte: int, titel: str, beschrijving: str, inhoud: list[str]) -> SafeString:
    kop = (
        # its natural size as attributes, scaled down on narrow screens by ``svg.grafiek`` in kvo.css
        # (no style attribute: the Content Security Policy refuses inline styles)
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte} {hoogte}" width="{breedte}" '
        f'height="{hoogte}" role="img" class="grafiek" font-family="{LETTER}" font-size="13" '
        f'preserveAspectRatio="xMinYMin meet">'
        f"<title>{escape(titel)}</title><desc>{escape(beschrijving)}</desc>"
    )
    return mark_safe(kop + "".join(inhoud) + "</svg>")


TEKEN = 7.2  # a generous average width of one character at font-size 13 (Liberation Sans), in px
REGEL = 15  # line height of a wrapped label, in px


def _regels(tekst: str, max_tekens: int) -> list[str]:
    """``tekst`` wrapped at spaces into lines of at most ``max_tekens`` characters (a longer word is
    split): a label is never cut off, it takes more lines."""
    regels: list[str] = []
    for woord in tekst.split():
        while len(woord) > max_tekens:
            if regels and len(regels[-1]) + 1 < max_tekens:
                ruimte = max_tekens - len(regels[-1]) - 1
                regels[-1] += " " + woord[:ruimte]
                woord = woord[ruimte:]
            else:
                regels.append(woord[:max_tekens])
                woord = woord[max_tekens:]
        if not woord:
            continue
        if regels and len(regels[-1]) + 1 + len(woord) <= max_tekens:
            regels[-1] += " " + woord
        else:
            regels.append(woord)
    return regels or [""]


def _tekst(x: float, y: float, regels: list[str], attributen: str) -> str:
    """An SVG ``<text>`` with one ``<tspan>`` per line, the first line's baseline at ``y``."""
    if len(regels) == 1:
        return f'<text x="{x:g}" y="{y:g}" {attributen}>{escape(regels[0])}</text>'
    delen = "".join(f'<tspan x="{x:g}" y="{y + n * REGEL:g}">{escape(regel)}</tspan>' for n, regel in enumerate(regels))
    return f"<text {attributen}>{delen}</text>"


def staafdiagram(
    staven: Sequence[Staaf], *, titel: str, maximum: float | None = None, breedte: int = 560, kleur: str = KLEUREN[0]
) -> SafeString:
    """Horizontal bars, one per answer option / category, with the label left and the figure right.
    A label longer than the label column takes more lines (the row grows), never cut off."""
    labelbreedte = min(220, max(60, round(max((len(s.label) for s in staven), default=4) * TEKEN) + 8))
    max_tekens = int((labelbreedte - 8) // TEKEN)
    tekstbreedte = 90
    balkruimte = breedte - labelbreedte - tekstbreedte
    rij = 26
    labels = [_regels(s.label, max_tekens) for s in staven]
    hoogtes = [rij + REGEL * (len(r) - 1) for r in labels]
    hoogte = max(rij, sum(hoogtes)) + 6
    top = maximum if maximum else max((s.waarde for s in staven), default=0) or 1
    inhoud = []
    y = 3
    for s, regels, h in zip(staven, labels, hoogtes, strict=True):
        lengte = 0 if top <= 0 else round(balkruimte * max(0.0, s.waarde) / top, 1)
        balk_y = y + (h - 18) / 2  # the bar in the middle of its (maybe taller) row
        inhoud.append(_tekst(labelbreedte - 8, y + 17, regels, f'text-anchor="end" fill="{TEKST}"'))
        inhoud.append(f'<rect x="{labelbreedte}" y="{balk_y:g}" width="{balkruimte}" height="18" fill="#eef1f5"/>')
        if lengte:
            inhoud.append(f'<rect x="{labelbreedte}" y="{balk_y:g}" width="{lengte}" height="18" fill="{kleur}"/>')
        inhoud.append(
            f'<text x="{labelbreedte + balkruimte + 8}" y="{balk_y + 13:g}" fill="{TEKST}">'
            f"{escape(s.tekst or _getal(s.waarde))}</text>"
        )
        y += h
    beschrijving = "; ".join(f"{s.label}: {s.tekst or _getal(s.waarde)}" for s in staven)
    return _svg(breedte, hoogte, titel, beschrijving, inhoud)


@dataclass(frozen=True)
class Reeks:
    naam: str
    waarden: Sequence[float | None]  # one per label on the x axis; None is a gap


def kolommen(
    labels: Sequence[str], reeksen: Sequence[Reeks], *, titel: str, breedte: int = 560, hoogte: int = 240
) -> SafeString:
    """Grouped vertical columns: a trend per category over years (x: labels, one colour per series)."""
    links, onder, boven = 44, 46, 12
    vlak_b = breedte - links - 10
    groep_b = vlak_b / max(1, len(labels))
    # labels and legend names wrap onto more lines (the chart grows in height), never cut off
    x_labels = [_regels(label, max(4, int((groep_b - 4) // TEKEN))) for label in labels]
    onder += REGEL * (max((len(r) for r in x_labels), default=1) - 1)
    namen = [_regels(r.naam, int((vlak_b / 3 - 22) // TEKEN)) for r in reeksen]
    legenda_rijen = [
        22 + REGEL * (max(len(n) for n in namen[k : k + 3]) - 1) for k in range(0, len(namen), 3)
    ] if len(reeksen) > 1 else []  # fmt: skip
    legenda = sum(legenda_rijen)
    hoogte += legenda - (22 * ((len(reeksen) + 2) // 3) if len(reeksen) > 1 else 0)
    hoogte += onder - 46
    vlak_h = hoogte - onder - boven - legenda
    top = max((w for r in reeksen for w in r.waarden if w is not None), default=0) or 1
    stap = _mooie_stap(top)
    top = stap * -(-top // stap)
    inhoud = []
    for n in range(int(top // stap) + 1):
        y = boven + vlak_h - vlak_h * (n * stap) / top
        inhoud.append(f'<line x1="{links}" x2="{breedte - 10}" y1="{y:.1f}" y2="{y:.1f}" stroke="{RAND}"/>')
        inhoud.append(
            f'<text x="{links - 6}" y="{y + 4:.1f}" text-anchor="end" fill="{ZACHT}">{_getal(n * stap)}</text>'
        )
    kolom_b = min(36.0, (groep_b - 10) / max(1, len(reeksen)))
    for i, label in enumerate(labels):
        x0 = links + i * groep_b + (groep_b - kolom_b * len(reeksen)) / 2
        for j, reeks in enumerate(reeksen):
            w = reeks.waarden[i] if i < len(reeks.waarden) else None
            if w is None:
                continue
            h = vlak_h * w / top
            x = x0 + j * kolom_b
            inhoud.append(
                f'<rect x="{x:.1f}" y="{boven + vlak_h - h:.1f}" width="{kolom_b - 2:.1f}" height="{h:.1f}" '
                f'fill="{KLEUREN[j % len(KLEUREN)]}"><title>{escape(reeks.naam)} {escape(label)}: {_getal(w)}</title>'
                "</rect>"
            )
        inhoud.append(
            _tekst(round(links + i * groep_b + groep_b / 2, 1), round(boven + vlak_h + 18, 1), x_labels[i],
                   f'text-anchor="middle" fill="{TEKST}"')
        )  # fmt: skip
    if len(reeksen) > 1:
        for j in range(len(reeksen)):
            x = round(links + (j % 3) * (vlak_b / 3), 1)
            y = hoogte - legenda + 6 + sum(legenda_rijen[: j // 3])
            inhoud.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{KLEUREN[j % len(KLEUREN)]}"/>')
            inhoud.append(_tekst(x + 18, y + 11, namen[j], f'fill="{TEKST}"'))
    beschrijving = "; ".join(
        f"{r.naam}: "
        + ", ".join(f"{lab} {_getal(w)}" for lab, w in zip(labels, r.waarden, strict=False) if w is not None)
        for r in reeksen
    )
    return _svg(breedte, hoogte, titel, beschrijving, inhoud)


def _mooie_stap(top: float) -> float:
    """A round grid step giving 3 to 6 lines up to ``top``."""
    for stap in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if top / stap <= 5:
            return stap
    return 10 ** len(str(int(top)))


MAANDEN = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def lijn_in_tijd(
    punten: Sequence[tuple[dt.date, float]],
    *,
    titel: str,
    van: dt.date,
    tot: dt.date,
    maximum: float = 100,
    eenheid: str = " %",
    breedte: int = 560,
    hoogte: int = 180,
    kleur: str = KLEUREN[1],
) -> SafeString:
    """A value per day from ``van`` to ``tot`` (x: the calendar, months marked; y: 0 to ``maximum``),
    as a line through a dot per measured day. Days without a measurement are simply not drawn."""
    links, rechts, boven, onder = 48, 14, 10, 26
    vlak_b, vlak_h = breedte - links - rechts, hoogte - boven - onder
    dagen = max(1, (tot - van).days)
    punten = sorted((d, w) for d, w in punten if van <= d <= tot)

    def x(d: dt.date) -> float:
        return links + vlak_b * (d - van).days / dagen

    def y(w: float) -> float:
        return boven + vlak_h - vlak_h * min(max(w, 0), maximum) / (maximum or 1)

    inhoud = []
    for n in range(5):
        w = maximum * n / 4
        inhoud.append(f'<line x1="{links}" x2="{breedte - rechts}" y1="{y(w):.1f}" y2="{y(w):.1f}" stroke="{RAND}"/>')
        inhoud.append(
            f'<text x="{links - 6}" y="{y(w) + 4:.1f}" text-anchor="end" fill="{ZACHT}">'
            f"{_getal(w)}{escape(eenheid)}</text>"
        )
    maand = dt.date(van.year, van.month, 1)
    while maand <= tot:
        if maand >= van:
            inhoud.append(
                f'<line x1="{x(maand):.1f}" x2="{x(maand):.1f}" y1="{boven + vlak_h}" y2="{boven + vlak_h + 5}" '
                f'stroke="{ZACHT}"/>'
            )
            inhoud.append(
                f'<text x="{x(maand) + 3:.1f}" y="{hoogte - 6}" fill="{ZACHT}">{MAANDEN[maand.month - 1]}</text>'
            )
        maand = dt.date(maand.year + maand.month // 12, maand.month % 12 + 1, 1)
    if len(punten) > 1:
        lijn = " ".join(f"{x(d):.1f},{y(w):.1f}" for d, w in punten)
        inhoud.append(f'<polyline points="{lijn}" fill="none" stroke="{kleur}" stroke-width="2.5"/>')
    for d, w in punten:
        inhoud.append(
            f'<circle cx="{x(d):.1f}" cy="{y(w):.1f}" r="3" fill="{kleur}">'
            f"<title>{d.day} {MAANDEN[d.month - 1]} {d.year}: {_getal(w)}{escape(eenheid)}</title></circle>"
        )
    if punten:
        (d0, w0), (d1, w1) = punten[0], punten[-1]
        beschrijving = (
            f"{len(punten)} metingen van {d0:%d-%m-%Y} tot {d1:%d-%m-%Y}: van {_getal(w0)}{eenheid} "
            f"naar {_getal(w1)}{eenheid}; laagste {_getal(min(w for _, w in punten))}{eenheid}, "
            f"hoogste {_getal(max(w for _, w in punten))}{eenheid}"
        )
    else:
        beschrijving = f"Geen metingen tussen {van:%d-%m-%Y} en {tot:%d-%m-%Y}"
    return _svg(breedte, hoogte, titel, beschrijving, inhoud)
