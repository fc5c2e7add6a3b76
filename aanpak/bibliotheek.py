"""The measures library: what other work groups did, per theme and kind, and whether it worked.

Every measure of the given work groups (the fixed yearly ones left out: every plan has them) is
counted by its theme (the theme of the goal it serves) and its title, spelled alike (case and spaces
ignored): in how many groups it was used, in how many executed, and in how many the goal it served
was reached at the evaluation (``Doelstelling.behaald``). Only titles and counts leave a group:
never a note, a name, a party or a person. The handbook's example measures
(``voorbeeldmaatregelen.json``) come first in each theme.

Which groups count is the caller's decision: a facilitator sees every group of their organisation;
a work group sees the other groups of its organisation that opted in (``Werkgroep.maatregelen_delen``),
never its own records through the library, and never which group a title came from.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django_scopes import scopes_disabled

from aanpak.models import Maatregel
from analyse.catalogus import THEMAS, thema_naam
from werkgroepen.models import Werkgroep

ZONDER_THEMA = ""


def sleutel(titel: str) -> str:
    return " ".join((titel or "").split()).casefold()


@dataclass
class Item:
    titel: str
    thema: str
    soort: str
    voorbeeld: str = ""  # where in the handbook, for an example measure
    groepen: set = field(default_factory=set)
    uitgevoerd: set = field(default_factory=set)
    beoordeeld: set = field(default_factory=set)
    behaald: set = field(default_factory=set)

    @property
    def thema_naam(self) -> str:
        return thema_naam(self.thema) if self.thema else "Zonder thema"

    @property
    def soort_naam(self) -> str:
        return Maatregel.Soort(self.soort).label if self.soort in Maatregel.Soort.values else self.soort

    @property
    def gebruikt(self) -> int:
        return len(self.groepen)

    @property
    def tekst(self) -> str:
        """ "in 7 groepen gebruikt, 5 keer uitgevoerd, doel in 4 gehaald" (or "voorbeeld uit het handboek")."""
        if not self.groepen:
            return "voorbeeld uit het handboek"
        n = self.gebruikt
        delen = [f"in {n} groep{'en' if n != 1 else ''} gebruikt", f"in {len(self.uitgevoerd)} uitgevoerd"]
        if self.beoordeeld:
            delen.append(f"doel in {len(self.behaald)} van {len(self.beoordeeld)} gehaald")
        else:
            delen.append("doel nog niet geëvalueerd")
        return ", ".join(delen)


@cache
def voorbeelden() -> tuple[dict, ...]:
    pad = Path(__file__).with_name("voorbeeldmaatregelen.json")
    return tuple(json.loads(pad.read_text(encoding="utf-8"))["maatregelen"])


def bibliotheek(werkgroep_ids, *, met_voorbeelden: bool = True) -> list[Item]:
    """The library over ``werkgroep_ids`` (one query), examples first, then the most used."""
    items: dict[tuple[str, str], Item] = {}
    if met_voorbeelden:
        for v in voorbeelden():
            items[(v["thema"], sleutel(v["titel"]))] = Item(v["titel"], v["thema"], v["soort"], voorbeeld=v["bron"])
    ids = list(werkgroep_ids)
    if ids:
        with scopes_disabled():  # other groups' rows, by the caller's decision which
            rijen = list(
                Maatregel.objects.filter(plan__werkgroep_id__in=ids)
                .exclude(soort__startswith="vast-")
                .order_by("pk")
                .values_list(
                    "plan__werkgroep_id", "titel", "soort", "status", "doelstelling__thema", "doelstelling__behaald"
                )
            )
        for wg_id, titel, soort, status, thema, behaald in rijen:
            thema = thema or ZONDER_THEMA
            item = items.setdefault((thema, sleutel(titel)), Item(" ".join(titel.split()), thema, soort))
            item.groepen.add(wg_id)
            if status == Maatregel.Status.UITGEVOERD:
                item.uitgevoerd.add(wg_id)
            if behaald is not None:
                item.beoordeeld.add(wg_id)
                if behaald:
                    item.behaald.add(wg_id)
    volgorde = {s: i for i, s in enumerate(THEMAS)}
    return sorted(
        items.values(),
        key=lambda i: (volgorde.get(i.thema, len(volgorde)), i.thema, not i.voorbeeld, -len(i.behaald), -i.gebruikt,
                       i.titel.casefold()),
    )  # fmt: skip


def per_thema(items: list[Item]) -> list[tuple[str, str, list[Item]]]:
    """(theme key, theme name, items) in the library's order."""
    uit: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        uit[item.thema].append(item)
    return [(t, lijst[0].thema_naam, lijst) for t, lijst in uit.items()]


def gedeelde_werkgroepen(werkgroep: Werkgroep) -> list[int]:
    """The other groups of ``werkgroep``'s facilitating organisation that share their measures' titles."""
    if werkgroep.begeleiding_id is None:
        return []
    return list(
        Werkgroep.objects.filter(begeleiding_id=werkgroep.begeleiding_id, maatregelen_delen=True)
        .exclude(pk=werkgroep.pk)
        .values_list("pk", flat=True)
    )
