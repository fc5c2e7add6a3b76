"""The questionnaire as filled in: by the entrepreneur (one step per theme) or by the secretary
entering a paper form (all at once). Both render ``analyse/_vragen.html`` and read the posted
values here, so a paper answer is checked exactly like an online one.

Form fields are named ``v-<question ref>``; stored values follow ``analyse.antwoorden``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from analyse.antwoorden import schaal_labels, waarde_uit_formulier
from analyse.selectors.enquete import ThemaVragen, vragen_per_thema


@dataclass
class Keuze:
    waarde: str
    label: str
    gekozen: bool


@dataclass
class Invulvraag:
    vraag: object
    nummer: int
    waarde: object = None
    fout: str = ""
    keuzes: list[Keuze] = field(default_factory=list)

    @property
    def naam(self) -> str:
        return f"v-{self.vraag.ref}"

    @property
    def type(self) -> str:
        return self.vraag.type

    @property
    def tekst_waarde(self) -> str:
        if self.waarde is None or self.type not in ("open", "getal"):
            return ""
        return str(self.waarde).replace(".", ",") if self.type == "getal" else str(self.waarde)


@dataclass
class Stap:
    nummer: int
    naam: str
    vragen: list[Invulvraag]

    @property
    def beantwoord(self) -> int:
        return sum(1 for iv in self.vragen if iv.waarde is not None)


def _keuzes(vraag, waarde) -> list[Keuze]:
    if vraag.type == "schaal":
        return [Keuze(str(i), f"{i} – {label}", waarde == i) for i, label in enumerate(schaal_labels(vraag), start=1)]
    if vraag.type == "ja-nee":
        return [Keuze("ja", "Ja", waarde is True), Keuze("nee", "Nee", waarde is False)]
    if vraag.type == "keuze":
        return [Keuze(o, o, waarde == o) for o in vraag.opties]
    if vraag.type == "meerkeuze":
        gekozen = set(waarde or [])
        return [Keuze(o, o, o in gekozen) for o in vraag.opties]
    return []


def stappen(enquete, antwoorden: dict | None = None, groepen: list[ThemaVragen] | None = None) -> list[Stap]:
    """One step per theme, questions numbered through the whole survey, filled with ``antwoorden``."""
    antwoorden = antwoorden or {}
    lijst, nummer = [], 0
    for i, groep in enumerate(groepen if groepen is not None else vragen_per_thema(enquete), start=1):
        vragen = []
        for vraag in groep.vragen:
            nummer += 1
            waarde = antwoorden.get(vraag.ref)
            vragen.append(Invulvraag(vraag, nummer, waarde, "", _keuzes(vraag, waarde)))
        lijst.append(Stap(i, groep.naam, vragen))
    return lijst


def lees(stap_vragen: list[Invulvraag], data) -> tuple[dict, bool]:
    """Read the posted values of these questions into them; (answers by ref, all valid)."""
    antwoorden, goed = {}, True
    for iv in stap_vragen:
        ruw = data.getlist(iv.naam) if hasattr(data, "getlist") else [data.get(iv.naam, "")]
        waarde, fout = waarde_uit_formulier(iv.vraag, [r[:10000] for r in ruw[:50]])
        iv.waarde, iv.fout = waarde, fout or ""
        if fout:
            goed = False
            # Keep what was typed, so the entrepreneur corrects it instead of typing it again.
            iv.waarde = ruw[0][:10000] if iv.type in ("open", "getal") and ruw else None
        iv.keuzes = _keuzes(iv.vraag, iv.waarde)
        antwoorden[iv.vraag.ref] = waarde
    return antwoorden, goed
