"""Photos for the demo's inspection points, drawn on the fly (no binary files in the repository).

The demo dossiers name a photo per inspection point (``"foto": "schouw/w-dag-2025/03.jpg"``).
``kvo_demo`` and the tests call ``demo_bestanden(dossier)`` to get the zip members
(``media/<foto>`` → JPEG bytes) for every named photo. Each picture is a simple, deterministic
scene — sky (by day or in the evening), a building, the street — with the point's number and
finding written on it, so the report and the document set look like the real thing.
"""

from __future__ import annotations

import hashlib
import io
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from audits.documentenset.nummering import schouwpunt_label

BREEDTE, HOOGTE = 1200, 900
LETTERS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
)


def _letter(grootte: int):
    for pad in LETTERS:
        if Path(pad).exists():
            return ImageFont.truetype(pad, grootte)
    return ImageFont.load_default(size=grootte)


def foto(nummer: int, tekst: str, *, avond: bool, positief: bool, zaad: str, label: str = "") -> bytes:
    """A JPEG of ``BREEDTE`` × ``HOOGTE`` px: a street scene with the point's label (``S1-03``; "Foto <nummer>"
    without one) and finding."""
    rng = random.Random(hashlib.sha256(zaad.encode()).hexdigest())
    beeld = Image.new("RGB", (BREEDTE, HOOGTE))
    teken = ImageDraw.Draw(beeld)
    boven, onder = ((24, 32, 64), (70, 62, 92)) if avond else ((120, 170, 220), (200, 225, 245))
    horizon = int(HOOGTE * 0.55)
    for y in range(horizon):
        f = y / horizon
        teken.line([(0, y), (BREEDTE, y)], fill=tuple(int(b + (o - b) * f) for b, o in zip(boven, onder, strict=True)))
    teken.rectangle([0, horizon, BREEDTE, HOOGTE], fill=(52, 56, 60) if avond else (118, 122, 126))
    teken.polygon(
        [(0, HOOGTE), (BREEDTE * 0.42, horizon), (BREEDTE * 0.58, horizon), (BREEDTE, HOOGTE)], fill=(80, 84, 88)
    )
    for _ in range(rng.randint(2, 4)):  # buildings
        x = rng.randint(0, BREEDTE - 260)
        b, h = rng.randint(180, 360), rng.randint(140, 300)
        kleur = tuple(rng.randint(90, 170) for _ in range(3))
        if avond:
            kleur = tuple(c // 3 for c in kleur)
        teken.rectangle([x, horizon - h, x + b, horizon], fill=kleur)
        for rij in range(2):
            for kol in range(3):
                licht = (250, 220, 120) if avond and rng.random() < 0.5 else (200, 215, 230)
                teken.rectangle(
                    [
                        x + 20 + kol * (b - 40) // 3,
                        horizon - h + 30 + rij * 60,
                        x + 20 + kol * (b - 40) // 3 + 30,
                        horizon - h + 60 + rij * 60,
                    ],
                    fill=licht,
                )
    paal = rng.randint(120, BREEDTE - 120)
    teken.rectangle([paal, horizon - 260, paal + 10, horizon + 40], fill=(40, 40, 40))
    if avond:
        teken.ellipse(
            [paal - 40, horizon - 300, paal + 50, horizon - 220], fill=(255, 236, 150) if positief else (60, 60, 60)
        )
    band = (29, 107, 53) if positief else (164, 22, 26)
    teken.rectangle([0, HOOGTE - 150, BREEDTE, HOOGTE], fill=(255, 255, 255))
    teken.rectangle([0, HOOGTE - 150, 18, HOOGTE], fill=band)
    teken.text((44, HOOGTE - 136), label or f"Foto {nummer}", font=_letter(44), fill=(21, 66, 115))
    teken.text((44, HOOGTE - 80), tekst[:58], font=_letter(32), fill=(27, 31, 36))
    uit = io.BytesIO()
    beeld.save(uit, "JPEG", quality=78)
    return uit.getvalue()


def demo_bestanden(dossier: dict) -> dict[str, bytes]:
    """``media/<foto>`` → JPEG for every inspection point with a photo in ``dossier``, and a text file
    for every version of an archive document."""
    bestanden = {}
    for cyclus in dossier.get("cycli", []):
        schouwen = sorted(cyclus.get("schouwen", []), key=lambda s: s["datum"])  # as the set numbers them
        for volgnummer, schouw in enumerate(schouwen, start=1):
            for punt in schouw.get("punten", []):
                if punt.get("foto"):
                    bestanden[f"media/{punt['foto']}"] = foto(
                        punt["nummer"],
                        punt.get("locatie") or punt.get("bevinding", ""),
                        avond=schouw["soort"] == "avond",
                        positief=punt["positief"],
                        zaad=punt["foto"],
                        label=schouwpunt_label(volgnummer, punt["nummer"]),  # the point's label in the set
                    )
    for document in dossier.get("documenten", []):  # the archive's files: a short text per version
        for versie in document["versies"]:
            bestanden[f"media/{versie['bestand']}"] = (
                f"{document['titel']}\nVersie {versie['versie']}\n\n{versie.get('toelichting', '')}\n"
                "Demo-document van KVO Werkplaats.\n"
            ).encode()
    return bestanden
