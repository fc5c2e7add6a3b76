"""The questionnaire as filled in: by the entrepreneur (one step per theme) or by the secretary
entering a paper form (all at once). Both render ``analyse/_vragen.html`` and read the posted
values here, so a paper answer is checked exactly like an online one.

Form fields are named ``v-<question ref>``; stored values follow ``analyse.antwoorden``.

Follow-up questions ("Zo ja, …", ``Vraag.toon_als_vraag``): the entrepreneur's steps show one
only when the kept answers meet its condition (``alleen_gevraagd=True``); a base question and its
follow-up on the same step show the follow-up after "Volgende" (the step is shown again). The
paper form shows every question with its condition, and an answer to a follow-up that was not
asked is dropped (``lees_formulier``, and ``reactie_dien_in`` whatever the caller).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from analyse.antwoorden import gevraagd, schaal_labels, voorwaarde_label, waarde_uit_formulier
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
    voorwaarde: str = ""  # a follow-up: "Vervolg op vraag 4, bij het antwoord “ja”."

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


def _voorwaarde(vraag, per_pk: dict, nummers: dict) -> str:
    basis = per_pk.get(vraag.toon_als_vraag_id)
    if basis is None:
        return ""
    label = voorwaarde_label(basis, vraag.toon_als_antwoord)
    return f"Vervolg op vraag {nummers[basis.pk]}, bij het antwoord “{label}”."


def stappen(
    enquete,
    antwoorden: dict | None = None,
    groepen: list[ThemaVragen] | None = None,
    *,
    alleen_gevraagd: bool = False,
) -> list[Stap]:
    """One step per theme, questions numbered through the whole survey, filled with ``antwoorden``.

    With ``alleen_gevraagd`` a follow-up whose condition ``antwoorden`` do not meet is left out
    (its number stays taken, so numbers are the same online, on paper and in the results).
    """
    antwoorden = antwoorden or {}
    groepen = groepen if groepen is not None else vragen_per_thema(enquete)
    alle = [v for g in groepen for v in g.vragen]
    per_pk = {v.pk: v for v in alle}
    nummers = {v.pk: n for n, v in enumerate(alle, start=1)}
    zichtbaar = gevraagd(alle, antwoorden) if alleen_gevraagd else {v.ref for v in alle}
    lijst = []
    for i, groep in enumerate(groepen, start=1):
        vragen = []
        for vraag in groep.vragen:
            if vraag.ref not in zichtbaar:
                continue
            waarde = antwoorden.get(vraag.ref)
            iv = Invulvraag(vraag, nummers[vraag.pk], waarde, "", _keuzes(vraag, waarde))
            iv.voorwaarde = _voorwaarde(vraag, per_pk, nummers) if vraag.toon_als_vraag_id else ""
            vragen.append(iv)
        lijst.append(Stap(i, groep.naam, vragen))
    return lijst


def lees_formulier(lijst: list[Stap], data) -> tuple[dict, bool]:
    """Read a whole form (the paper entry): (answers by ref, all valid). A follow-up whose condition
    the other answers do not meet was not asked: its answer is dropped and it is never "verplicht"."""
    antwoorden, goed = {}, True
    for stap in lijst:
        deel, _ = lees(stap.vragen, data)
        antwoorden.update(deel)
    vragen = [iv.vraag for stap in lijst for iv in stap.vragen]
    refs = gevraagd(vragen, {r: w for r, w in antwoorden.items() if w is not None})
    for stap in lijst:
        for iv in stap.vragen:
            if iv.vraag.ref not in refs:
                antwoorden.pop(iv.vraag.ref, None)
                iv.fout = ""
            goed = goed and not iv.fout
    return antwoorden, goed


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
