"""Writes for the work group's own administration (handbook §3.2–3.7, §4.3.1).

Keyword-only ``<entity>_<action>(*, actor, ...)`` functions: each validates, writes in one
transaction and logs who did what. Split by subdomain; everything is importable from here.
"""

from werkgroepen.services.administratie import (
    afspraken_bewaar,
    cyclus_start,
    werkgroep_beveiliging_wijzig,
)
from werkgroepen.services.bijeenkomsten import (
    bijeenkomst_maak,
    bijeenkomst_nodig_uit,
    bijeenkomst_wijzig,
    communicatie_maak,
    communicatie_wijzig,
)
from werkgroepen.services.documenten import (
    document_bewaartermijn_wijzig,
    document_upload,
    document_versie_upload,
    standaard_bewaren_tot,
)
from werkgroepen.services.leden import lid_beeindig, lid_maak, lid_wijzig, partij_maak, partij_wijzig
from werkgroepen.services.uitnodigingen import (
    UITNODIGING_GELDIG,
    lid_nodig_uit,
    uitnodiging_accepteer,
    uitnodiging_contactpersonen,
    uitnodiging_geldig,
    uitnodiging_registreer,
    uitnodiging_vraag_wie,
    uitnodiging_zoek,
)

__all__ = [
    "UITNODIGING_GELDIG",
    "afspraken_bewaar",
    "bijeenkomst_maak",
    "bijeenkomst_nodig_uit",
    "bijeenkomst_wijzig",
    "communicatie_maak",
    "communicatie_wijzig",
    "cyclus_start",
    "document_bewaartermijn_wijzig",
    "document_upload",
    "document_versie_upload",
    "lid_beeindig",
    "lid_maak",
    "lid_nodig_uit",
    "lid_wijzig",
    "partij_maak",
    "partij_wijzig",
    "standaard_bewaren_tot",
    "uitnodiging_accepteer",
    "uitnodiging_contactpersonen",
    "uitnodiging_geldig",
    "uitnodiging_registreer",
    "uitnodiging_vraag_wie",
    "uitnodiging_zoek",
    "werkgroep_beveiliging_wijzig",
]
