"""Pure rules of the plan of approach, shared by the pages (live) and the readiness checks."""

from __future__ import annotations

from dataclasses import dataclass

from analyse import catalogus

MINIMUM_VERPLICHT = 7  # of the 10 mandatory themes (pva.thema-dekking, §4.2.2)

# pva.vaste-maatregelen (§4.2.5): per year of the cycle, how many of each fixed kind.
VAST_PER_JAAR = {
    "vast-dagschouw": (1, "dagschouw"),
    "vast-avondschouw": (1, "avondschouw"),
    "vast-evaluatie": (1, "tussentijdse evaluatie"),
    "vast-communicatie": (2, "communicatie naar ondernemers"),
    "vast-cijfers": (2, "aanlevering incidentcijfers"),
}


@dataclass(frozen=True)
class Dekking:
    verplicht_gedekt: tuple[str, ...]
    verplicht_open: tuple[str, ...]
    overig_nodig: tuple[str, ...]  # optional and own themes of the survey that need a goal
    overig_open: tuple[str, ...]

    @property
    def verplicht_open_namen(self) -> list[str]:
        return [catalogus.thema_naam(t) for t in self.verplicht_open]

    @property
    def voldaan(self) -> bool:
        return len(self.verplicht_gedekt) >= MINIMUM_VERPLICHT and not self.overig_open

    @property
    def tekst(self) -> str:
        delen = [f"{len(self.verplicht_gedekt)} van de 10 verplichte thema's met een doelstelling (minimaal 7)"]
        if self.overig_nodig:
            gedekt = len(self.overig_nodig) - len(self.overig_open)
            delen.append(f"{gedekt} van {len(self.overig_nodig)} facultatieve en eigen thema's uit de enquête")
        if self.overig_open:
            delen.append("zonder doelstelling: " + ", ".join(catalogus.thema_naam(t) for t in self.overig_open))
        return "; ".join(delen)


def dekking(doel_themas, enquete_themas) -> Dekking:
    """``pva.thema-dekking``: at least 7 of the 10 mandatory themes have a goal, and every optional
    and own theme that was in the survey."""
    gedekt = set(doel_themas)
    verplicht = [t.sleutel for t in catalogus.VERPLICHTE_THEMAS]
    overig = [t for t in enquete_themas if t not in verplicht]
    return Dekking(
        tuple(t for t in verplicht if t in gedekt),
        tuple(t for t in verplicht if t not in gedekt),
        tuple(overig),
        tuple(t for t in overig if t not in gedekt),
    )


def doel_behaald(nulmeting: float | None, streefwaarde: float | None, nieuw: float | None) -> bool | None:
    """A number goal is met when the new figure reaches the target in the direction baseline → target."""
    if streefwaarde is None or nieuw is None:
        return None
    if nulmeting is not None and streefwaarde < nulmeting:
        return nieuw <= streefwaarde
    return nieuw >= streefwaarde
