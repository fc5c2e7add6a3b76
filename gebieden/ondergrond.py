"""The street map under the area's outline in the PDF (the document set's map, §3.1).

The outline (``gebieden.svg``) is drawn on the server; to read it at street level the auditor needs
the streets beneath it. They come from a tile service in the ``{z}/{x}/{y}`` scheme (Web Mercator),
set in ``KVO_KAART_TEGELS``; the production shape (docker-compose) uses PDOK's BRT-Achtergrondkaart
in grey, the Kadaster's open topographic base map (CC BY 4.0, no key, meant for government use).
Off by default, like every fetch from outside (``KVO_CBS_OPHALEN``): these machines have no internet.

Tiles are kept on disk (``KVO_TEGELCACHE``, 30 days), so a set rendered again fetches nothing. A
tile service that fails, is slow or answers something that is not a small image leaves the map
without a base: the set is still made, and the log says why.
"""

from __future__ import annotations

import hashlib
import io
import logging
import math
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

TEGEL = 256  # pixels of a tile
MAX_TEGELS = 48  # per map; a coarser zoom level when the area needs more
MAX_ZOOM = 19
MAX_BYTES = 1_000_000  # one tile; real ones are 5–60 kB
BUDGET_S = 20.0  # for all tiles of one map
BEWAREN_S = 30 * 24 * 3600


@dataclass(frozen=True)
class Ondergrond:
    """The base map for a bounding box: JPEG bytes of ``breedte`` × ``hoogte`` pixels, and its source."""

    jpeg: bytes
    breedte: int
    hoogte: int
    bron: str


def _pixel(lon: float, lat: float, zoom: int) -> tuple[float, float]:
    """Web Mercator pixel coordinates of a point at ``zoom``."""
    n = TEGEL * 2**zoom
    phi = math.radians(max(min(lat, 85.0511), -85.0511))
    return (lon + 180.0) / 360.0 * n, (1.0 - math.log(math.tan(phi) + 1.0 / math.cos(phi)) / math.pi) / 2.0 * n


def _zoom(west: float, zuid: float, oost: float, noord: float, breedte: int) -> int:
    """The coarsest zoom level that gives at least ``breedte`` pixels across, within ``MAX_TEGELS``."""
    gekozen = 1
    for zoom in range(1, MAX_ZOOM + 1):
        x0, y0 = _pixel(west, noord, zoom)
        x1, y1 = _pixel(oost, zuid, zoom)
        breed = math.floor(x1 / TEGEL) - math.floor(x0 / TEGEL) + 1
        tegels = breed * (math.floor(y1 / TEGEL) - math.floor(y0 / TEGEL) + 1)
        if tegels > MAX_TEGELS:
            break
        gekozen = zoom
        if x1 - x0 >= breedte:
            break
    return gekozen


def _cachemap() -> Path:
    return Path(settings.KVO_TEGELCACHE)


def _tegel(client, sjabloon: str, zoom: int, x: int, y: int, deadline: float):
    """One tile as a Pillow image (from the disk cache, else fetched and kept)."""
    from PIL import Image

    url = sjabloon.format(z=zoom, x=x, y=y)
    pad = _cachemap() / hashlib.sha256(url.encode()).hexdigest()[:40]
    inhoud = None
    try:
        if pad.exists() and time.time() - pad.stat().st_mtime < BEWAREN_S:
            inhoud = pad.read_bytes()
    except OSError:
        inhoud = None
    if inhoud is None:
        over = deadline - time.monotonic()
        if over <= 0:
            raise TimeoutError("tijdbudget voor de kaarttegels op")
        antwoord = client.get(url, timeout=min(5.0, over))
        if antwoord.status_code != 200:
            raise ValueError(f"tegel {zoom}/{x}/{y}: HTTP {antwoord.status_code}")
        if not antwoord.headers.get("content-type", "").startswith("image/"):
            raise ValueError(f"tegel {zoom}/{x}/{y}: geen afbeelding ({antwoord.headers.get('content-type', '')[:40]})")
        inhoud = antwoord.content
        if len(inhoud) > MAX_BYTES:
            raise ValueError(f"tegel {zoom}/{x}/{y}: {len(inhoud)} bytes")
    beeld = Image.open(io.BytesIO(inhoud))
    if beeld.size[0] > 4 * TEGEL or beeld.size[1] > 4 * TEGEL:  # checked before decoding
        raise ValueError(f"tegel {zoom}/{x}/{y}: {beeld.size[0]}×{beeld.size[1]} pixels")
    beeld = beeld.convert("RGB")
    if beeld.size != (TEGEL, TEGEL):
        beeld = beeld.resize((TEGEL, TEGEL))
    if not pad.exists():
        try:
            pad.parent.mkdir(parents=True, exist_ok=True)
            tijdelijk = pad.with_suffix(".deel")
            tijdelijk.write_bytes(inhoud)
            tijdelijk.replace(pad)
        except OSError:
            logger.warning("Kaarttegel niet bewaard in %s", pad.parent)
    return beeld


def ondergrond(west: float, zuid: float, oost: float, noord: float, breedte: int, hoogte: int, *, client=None):
    """The base map of the box (degrees) at ``breedte`` × ``hoogte`` pixels, or ``None`` when it is
    switched off or the tile service fails (logged). The box is cut from Web Mercator tiles; over the
    few kilometres of a KVO area its shape equals the outline's projection to well under a pixel."""
    sjabloon = getattr(settings, "KVO_KAART_TEGELS", "")
    if not sjabloon or not (west < oost and zuid < noord):
        return None
    import httpx
    from PIL import Image

    zoom = _zoom(west, zuid, oost, noord, breedte)
    x0, y0 = _pixel(west, noord, zoom)
    x1, y1 = _pixel(oost, zuid, zoom)
    tx0, ty0 = math.floor(x0 / TEGEL), math.floor(y0 / TEGEL)
    tx1, ty1 = math.floor(x1 / TEGEL), math.floor(y1 / TEGEL)
    eigen = client is None
    client = client or httpx.Client(headers={"User-Agent": "KVO-Werkplaats (documentenset)"}, follow_redirects=False)
    deadline = time.monotonic() + BUDGET_S
    try:
        blad = Image.new("RGB", ((tx1 - tx0 + 1) * TEGEL, (ty1 - ty0 + 1) * TEGEL), "white")
        for ty in range(ty0, ty1 + 1):
            for tx in range(tx0, tx1 + 1):
                blad.paste(_tegel(client, sjabloon, zoom, tx, ty, deadline), ((tx - tx0) * TEGEL, (ty - ty0) * TEGEL))
    except (httpx.HTTPError, OSError, ValueError, TimeoutError) as fout:
        logger.warning("Geen ondergrond onder de kaart: %s", fout)
        return None
    finally:
        if eigen:
            client.close()
    uitsnede = blad.crop((x0 - tx0 * TEGEL, y0 - ty0 * TEGEL, x1 - tx0 * TEGEL, y1 - ty0 * TEGEL))
    uitsnede = uitsnede.resize((breedte, hoogte), Image.Resampling.LANCZOS)
    uit = io.BytesIO()
    uitsnede.save(uit, "JPEG", quality=82, optimize=True)
    return Ondergrond(uit.getvalue(), breedte, hoogte, getattr(settings, "KVO_KAART_BRON", ""))
