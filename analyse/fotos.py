"""Inspection photos: read the location from EXIF, then store a clean, resized JPEG (§4.1.3).

Taken on a phone during the walk, a photo carries the camera's metadata (location, device,
time). ``verwerk`` reads the GPS position first (kept as the point's location), turns the image
upright, resizes it to at most ``MAX_ZIJDE`` px and re-encodes it as JPEG without any metadata.
Anything Pillow cannot read as an image is refused by its content, not by its name, and so is an
image of more than ``MAX_PIXELS`` pixels, judged from its header before a single pixel is decoded
(a 370 KB PNG can declare 119 megapixels and take a gigabyte to decode). Photos in an imported
dossier go through the same ``verwerk``.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 15 * 1024 * 1024
MAX_ZIJDE = 1600
KWALITEIT = 82
GPS_IFD = 0x8825
MAX_PIXELS = 60_000_000  # a 60-megapixel photo is the most a phone makes; more is a bomb
Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # Pillow only warns up to twice this; verwerk refuses above it
ONLEESBAAR = (
    "Dit bestand is geen foto die we kunnen lezen. Kies een JPEG- of PNG-foto "
    "(op een iPhone: Instellingen › Camera › Formaten › Meest compatibel)."
)


@dataclass(frozen=True)
class Foto:
    inhoud: bytes  # JPEG, no metadata
    lat: float | None
    lon: float | None


def _graden(waarde, ref) -> float | None:
    try:
        g, m, s = (float(x) for x in waarde)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    uitkomst = g + m / 60 + s / 3600
    return -uitkomst if ref in ("S", "W", b"S", b"W") else uitkomst


def gps(beeld: Image.Image) -> tuple[float | None, float | None]:
    try:
        info = beeld.getexif().get_ifd(GPS_IFD)
    except Exception:  # a broken EXIF block is no reason to refuse the photo
        return None, None
    if not info or 2 not in info or 4 not in info:
        return None, None
    lat, lon = _graden(info[2], info.get(1)), _graden(info[4], info.get(3))
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None, None
    return round(lat, 6), round(lon, 6)


def verwerk(bestand) -> Foto:
    """The cleaned photo and the location it was taken at (if the camera recorded one)."""
    if bestand.size > MAX_BYTES:
        raise ValidationError(
            f"De foto is te groot ({bestand.size / 1024 / 1024:.0f} MB); hoogstens {MAX_BYTES // 1024 // 1024} MB."
        )
    ruw = bestand.read()
    te_groot = ValidationError(
        f"De foto heeft te veel beeldpunten; hoogstens {MAX_PIXELS // 1_000_000} megapixel. "
        "Kies een kleinere foto of verklein hem eerst."
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(ruw)) as probeer:
                breedte, hoogte = probeer.size  # from the header: nothing is decoded yet
                if breedte * hoogte > MAX_PIXELS:
                    raise te_groot
                probeer.verify()
            beeld = Image.open(io.BytesIO(ruw))
            if beeld.size != (breedte, hoogte):
                raise te_groot
            beeld.load()
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise te_groot from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(ONLEESBAAR) from None
    lat, lon = gps(beeld)
    beeld = ImageOps.exif_transpose(beeld)
    beeld.thumbnail((MAX_ZIJDE, MAX_ZIJDE))
    if beeld.mode not in ("RGB", "L"):
        beeld = beeld.convert("RGB")
    uit = io.BytesIO()
    beeld.save(uit, "JPEG", quality=KWALITEIT, optimize=True)  # no exif= and no icc: nothing but pixels
    return Foto(uit.getvalue(), lat, lon)
