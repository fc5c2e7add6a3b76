"""Personal data (AVG) by the book: one registry the apps fill, read by the processing register,
the privacy statement, the nightly retention job and the data subject requests.

The core knows the tenant and nothing else, so each app registers the kinds of personal data it
keeps in its own ``persoonsgegevens.py`` with ``registreer(Gegevenssoort(...))`` — as the readiness checks
register in ``checks.py`` and the auditor's grant in ``toegang.py``. A kind says, for the register,
what it holds, why, on which legal basis, how long and who receives it; for retention, a function
that removes or anonymises what has passed its period (``opruimen``); and for a subject's request,
how to find, export and erase that person's rows (``zoek``, ``exporteer``, ``wis``, ``bezwaren``).

Every function runs with the scopes disabled: retention and subject requests read many work groups.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils.module_loading import autodiscover_modules

VERWIJDERD_LID = "verwijderd lid"
VERWIJDERDE_ONDERNEMER = "verwijderde ondernemer"


@dataclass(frozen=True)
class Betrokkene:
    """The person a request is about.

    ``soort`` is ``"lid"`` (a member, or anyone with an account: found by e-mail address across all
    work groups) or ``"ondernemer"`` (an entrepreneur of one work group's register). ``ids`` are the
    rows that identify the person in the app that owns the kind (``Lid`` or ``Ondernemer`` pks).
    """

    soort: str
    omschrijving: str  # what staff see in the search result (name, e-mail, group)
    email: str = ""
    user_id: int | None = None
    ids: tuple[int, ...] = ()
    werkgroep_ids: tuple[int, ...] = ()  # the work groups that hold the person's rows (for the log)
    namen: tuple[str, ...] = ()  # the person's names, kept out of what is logged about the request


@dataclass
class Opgeruimd:
    """What one retention rule did: per work group (``None``: rows outside a group) how many rows."""

    per_werkgroep: dict[int | None, int] = field(default_factory=dict)

    def tel(self, werkgroep_id: int | None, aantal: int = 1) -> None:
        if aantal:
            self.per_werkgroep[werkgroep_id] = self.per_werkgroep.get(werkgroep_id, 0) + aantal

    @property
    def totaal(self) -> int:
        return sum(self.per_werkgroep.values())


@dataclass(frozen=True)
class Gegevenssoort:
    """One kind of personal data. The texts are Dutch: the register and the statement show them."""

    sleutel: str  # "werkgroepen.leden": app and kind
    naam: str  # "Leden van de werkgroep"
    betrokkenen: str  # whose data: "leden", "ondernemers", "gebruikers", "auditors", "beheerders"
    gegevens: str  # which personal data
    doel: str
    grondslag: str
    bewaartermijn: str  # the period in words
    ontvangers: str  # who processes or receives it
    handeling: str = "verwijderd"  # what retention does at the end: "verwijderd" or "geanonimiseerd"
    # (vandaag) -> what was removed or anonymised today; None: no retention rule of its own
    opruimen: Callable[[dt.date], Opgeruimd] | None = None
    # subject requests, for the kinds that hold a person's rows
    zoek: Callable[..., list[Betrokkene]] | None = None  # (email=, naam=, werkgroep_id=, pk=) -> candidates
    exporteer: Callable[[Betrokkene], object] | None = None  # JSON-safe, only this person's data
    wis: Callable[[Betrokkene, object], int] | None = None  # (betrokkene, actor) -> rows changed
    bezwaren: Callable[[Betrokkene, dt.date], list[str]] | None = None  # why not erase now (Dutch)
    openbaar: bool = True  # in the public privacy statement
    volgorde: int = 50


_SOORTEN: dict[str, Gegevenssoort] = {}
_geladen = False


def registreer(soort: Gegevenssoort) -> Gegevenssoort:
    bestaand = _SOORTEN.get(soort.sleutel)
    if bestaand is not None and bestaand != soort:
        raise ValueError(f"Gegevenssoort {soort.sleutel!r} bestaat al.")
    _SOORTEN[soort.sleutel] = soort
    return soort


def soorten() -> list[Gegevenssoort]:
    """Every registered kind, after loading each app's ``persoonsgegevens.py``, in the register's order."""
    global _geladen
    if not _geladen:
        autodiscover_modules("persoonsgegevens")
        _geladen = True
    return sorted(_SOORTEN.values(), key=lambda s: (s.volgorde, s.sleutel))


def soort(sleutel: str) -> Gegevenssoort:
    return {s.sleutel: s for s in soorten()}[sleutel]


def zoek_betrokkenen(
    *, soort_betrokkene: str, email: str = "", naam: str = "", werkgroep_id=None, pk=None
) -> list[Betrokkene]:
    """Candidates for a request, from every kind that can find people of ``soort_betrokkene``."""
    gevonden: list[Betrokkene] = []
    for s in soorten():
        if s.zoek is not None:
            gevonden += [
                b
                for b in s.zoek(email=email.strip().lower(), naam=naam.strip(), werkgroep_id=werkgroep_id, pk=pk)
                if b.soort == soort_betrokkene and b not in gevonden
            ]
    return gevonden


def jaren_later(datum: dt.date, jaren: int) -> dt.date:
    from kvo.toets import plus_jaren

    return plus_jaren(datum, jaren)


def vervang_naam(tekst: str, naam: str, door: str) -> str:
    """``tekst`` with every whole occurrence of ``naam`` replaced (a name shorter than 3 letters is left)."""
    import re

    naam = (naam or "").strip()
    if len(naam) < 3 or not tekst:
        return tekst
    return re.sub(rf"(?<!\w){re.escape(naam)}(?!\w)", door, tekst, flags=re.IGNORECASE)


def per_werkgroep(rijen: Iterable[tuple[int | None, int]]) -> Opgeruimd:
    uit = Opgeruimd()
    for werkgroep_id, aantal in rijen:
        uit.tel(werkgroep_id, aantal)
    return uit


def anonimiseer(model, per_werkgroep_pks: dict[int, list[int]], waarden: dict, *, actor=None) -> int:
    """Overwrite ``waarden`` on the rows ``per_werkgroep_pks`` (work group id -> pks) of a tracked model,
    in its change history too (an old history row must not keep what the record no longer holds), and
    record the change itself with the reason "AVG". Returns the number of rows."""
    from kvo import geschiedenis

    aantal = 0
    for werkgroep_id, pks in per_werkgroep_pks.items():
        if not pks:
            continue
        aantal += model.objects.filter(pk__in=pks).update(**waarden)
        model.history.filter(id__in=pks).update(**waarden)
        with geschiedenis.reden("AVG"):
            geschiedenis.vastleggen(model.objects.filter(pk__in=pks), werkgroep_id, actor=actor)
    return aantal


def privacy_url() -> str:
    """The public privacy statement's full address, for mails and letters."""
    from django.conf import settings
    from django.urls import reverse

    return settings.SITE_URL.rstrip("/") + reverse("privacyverklaring")
