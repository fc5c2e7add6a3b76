"""What the accessibility statement (``/toegankelijkheid/``) claims, in one place.

The statement page renders these values, and the tests that back it read the same ones:
``tests/browser/test_wcag_rollen.py`` runs axe-core for exactly the roles in ``ROLLEN`` (at their
viewport width) with ``WCAG_TAGS``, ``tests/browser/test_toetsenbord.py`` has one walk per entry of
``TOETSENBORD``, and ``tests/kvo/test_toegankelijkheidsverklaring.py`` checks that ``AXE_VERSIE`` is
the axe-core the tests bundle and that ``STATUS`` follows from ``UITZONDERINGEN``. A page, role or
walk cannot be claimed here without a test doing it.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

NORM = "WCAG 2.1 niveau A en AA (EN 301 549)"
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
AXE_VERSIE = "4.12.1"  # the axe-core bundled with axe-playwright-python (test dependency)
DATUM = dt.date(2026, 12, 7)  # the date of the last review of this statement
# where feedback and complaints go; the operator of an installation sets its own address
CONTACT_EMAIL = os.environ.get("KVO_TOEGANKELIJKHEID_EMAIL", "toegankelijkheid@kvo-werkplaats.nl")

VOLDOET_VOLLEDIG = "voldoet volledig"
VOLDOET_GEDEELTELIJK = "voldoet gedeeltelijk"


@dataclass(frozen=True)
class Rol:
    sleutel: str
    naam: str
    paginas: str  # what the axe test visits for this role, for the statement
    breedte: int = 1280  # the viewport width in CSS pixels


ROLLEN: tuple[Rol, ...] = (
    Rol("anoniem", "Bezoeker zonder account", "inloggen, wachtwoord vergeten, certificaatcontrole en de verklaringen"),
    Rol("ondernemer", "Ondernemer", "elke stap van de veiligheidsenquête, op de breedte van een telefoon", 390),
    Rol("lid", "Lid van een werkgroep", "elke pagina van de werkgroep die een lid kan openen"),
    Rol("secretaris", "Secretaris van een werkgroep", "elke pagina van de werkgroep, ook de beheerpagina's"),
    Rol("begeleider", "Procesbegeleider", "het portfolio, een nieuwe werkgroep en alle pagina's van de werkgroep"),
    Rol("staff", "Beheerder", "het beheer van organisaties en werkgroepen, de import en alle werkgroeppagina's"),
    Rol("auditor", "Auditor", "het auditorportaal: de audit, de documentenset en het certificaat"),
)

TOETSENBORD: tuple[tuple[str, str], ...] = (
    ("inloggen", "inloggen met e-mailadres, wachtwoord en de code van de tweestapsverificatie"),
    ("enquete", "de veiligheidsenquête invullen en versturen als ondernemer"),
    ("schouwpunt", "een schouwpunt toevoegen aan een schouw"),
    ("matrix", "een kwartaal plannen in de maatregelenmatrix"),
    ("portaal", "de documentenset lezen in het auditorportaal"),
)


@dataclass(frozen=True)
class Uitzondering:
    wat: str
    criterium: str  # the WCAG success criterion
    alternatief: str


UITZONDERINGEN: tuple[Uitzondering, ...] = (
    Uitzondering(
        "Het tekenen van de grens van een bedrijventerrein op de kaart gaat met de muis of met de vinger.",
        "2.1.1 Toetsenbord",
        "Onder de kaart staat de grens als tekst (GeoJSON) in een gewoon tekstveld, dat met het toetsenbord"
        " te vullen is.",
    ),
    Uitzondering(
        "Een plek aanwijzen op een schouwfoto gaat met de muis of met de vinger.",
        "2.1.1 Toetsenbord",
        "De markering is een aanvulling: de omschrijving en de locatie van het schouwpunt zijn gewone tekstvelden.",
    ),
    Uitzondering(
        "Documenten die gebruikers zelf uploaden (notulen, verslagen) zijn niet door ons getoetst.",
        "diverse",
        "Dit is inhoud van derden; de PDF's die de applicatie zelf maakt zijn getagd, met taal en titel.",
    ),
)

STATUS = VOLDOET_GEDEELTELIJK if UITZONDERINGEN else VOLDOET_VOLLEDIG
