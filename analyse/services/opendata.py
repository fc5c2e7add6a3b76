"""Open data for the incident figures (§4.1.2): the chosen CBS neighbourhoods, CBS crime figures, MOR reports.

- ``buurten_kies``: the neighbourhoods a person confirmed (from the proposal of
  ``analyse.buurten.stel_voor``) replace the work group's choice.
- ``cbs_importeer`` / ``mor_importeer``: all rows or none, checked again inside the transaction
  (the same checks as the preview), written with their history.
- ``cbs_haal_op``: fetch a table's feeds from the CBS OData endpoint (only with
  ``KVO_CBS_OPHALEN`` on; these machines normally have no internet, and the tests mock it).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from analyse.buurten import als_json
from analyse.importeren_cbs import FEEDS, CbsTabel, controleer_cbs, lees_bestanden
from analyse.importeren_cijfers import BestandFout
from analyse.importeren_mor import controleer_mor
from analyse.models import Buurt, Cijfer
from analyse.services.cijfers import ImportGeweigerd, _vergrendel
from kvo.geschiedenis import bulk_maken
from werkgroepen.logboek import log_actie

ODATA_URL = "https://opendata.cbs.nl/ODataApi/OData/{tabel}/{feed}?$format=json"
TABELLEN = ("47018NED", "47022NED")


@transaction.atomic
def buurten_kies(*, actor, werkgroep, voorstellen: list[dict], codes: list[str]) -> list[Buurt]:
    """Keep the neighbourhoods of ``voorstellen`` whose code is in ``codes``; the rest of the old
    choice goes. A code that was not proposed is refused (the proposal is the only source)."""
    voorgesteld = {v["code"]: v for v in voorstellen}
    onbekend = sorted(set(codes) - set(voorgesteld))
    if onbekend:
        raise ValidationError(f"Deze buurten zijn niet voorgesteld: {', '.join(onbekend)}.")
    terreinen = {t.pk: t for t in werkgroep.terreinen.all()}
    Buurt.objects.filter(werkgroep=werkgroep).exclude(code__in=codes).delete()
    bestaand = {b.code: b for b in Buurt.objects.filter(werkgroep=werkgroep)}
    gekozen = []
    for code in sorted(set(codes)):
        v = voorgesteld[code]
        terrein = terreinen.get((v.get("terreinen") or [None])[0])
        buurt = bestaand.get(code) or Buurt(werkgroep=werkgroep, code=code)
        buurt.naam, buurt.grens, buurt.terrein = v["naam"][:120], als_json(v["grens"]), terrein
        buurt.save()
        gekozen.append(buurt)
    log_actie(
        werkgroep=werkgroep,
        actor=actor,
        actie="buurten.gekozen",
        omschrijving=f"Buurten voor de cijfers gekozen: {', '.join(f'{b.naam} ({b.code})' for b in gekozen) or 'geen'}",
        aantal=len(gekozen),
    )
    return gekozen


def _schrijf(*, actor, cyclus, controle, actie: str, wat: str, bestand: str) -> list[Cijfer]:
    if not controle.ok:
        raise ImportGeweigerd(controle)
    gemaakt = bulk_maken(
        Cijfer, cyclus.werkgroep_id, [rij.cijfer for rij in controle.rijen], actor=actor, batch_size=500
    )
    log_actie(
        werkgroep=cyclus.werkgroep,
        actor=actor,
        actie=actie,
        omschrijving=f"{len(gemaakt)} {wat} geïmporteerd{f' uit {bestand}' if bestand else ''}",
        cyclus=cyclus.nummer,
        aantal=len(gemaakt),
    )
    return gemaakt


@transaction.atomic
def cbs_importeer(*, actor, cyclus, tabel: CbsTabel, bestand: str = "") -> list[Cijfer]:
    """The CBS figures of the chosen neighbourhoods as police figures of ``cyclus``: all or none."""
    _vergrendel(cyclus)
    controle = controleer_cbs(cyclus, tabel, vandaag=timezone.localdate())
    return _schrijf(
        actor=actor,
        cyclus=cyclus,
        controle=controle,
        actie="cijfers.cbs_geimporteerd",
        wat="cijfers van het CBS",
        bestand=bestand,
    )


@transaction.atomic
def mor_importeer(*, actor, cyclus, rijen: list[tuple[int, dict]], bestand: str = "") -> list[Cijfer]:
    """The municipality's reports, counted per category and month, as its figures: all or none."""
    _vergrendel(cyclus)
    controle = controleer_mor(cyclus, rijen, vandaag=timezone.localdate())
    return _schrijf(
        actor=actor,
        cyclus=cyclus,
        controle=controle,
        actie="cijfers.mor_geimporteerd",
        wat="cijfers van de meldingen openbare ruimte",
        bestand=bestand,
    )


class OphalenUit(Exception):
    """Fetching from the CBS is switched off or failed (Dutch message)."""


def cbs_haal_op(*, tabel: str, gemeentecode: str, client=None) -> CbsTabel:
    """The feeds of ``tabel`` for one municipality (its districts and neighbourhoods) from the CBS."""
    if not getattr(settings, "KVO_CBS_OPHALEN", False):
        raise OphalenUit("Ophalen bij het CBS staat uit op deze installatie; importeer een gedownload bestand.")
    if tabel not in TABELLEN:
        raise OphalenUit(f"Onbekende tabel {tabel}; kies {' of '.join(TABELLEN)}.")
    import httpx

    gemeente = gemeentecode.strip().upper()[2:]
    filters = {
        "TypedDataSet": f"$filter=substringof('{gemeente}',WijkenEnBuurten)",
        "WijkenEnBuurten": f"$filter=substringof('{gemeente}',Key)",
    }
    bundel: dict[str, dict] = {}
    eigen = client is None
    client = client or httpx.Client(timeout=30)
    try:
        for feed in FEEDS:
            url = ODATA_URL.format(tabel=tabel, feed=feed)
            if feed in filters:
                url += "&" + filters[feed]
            antwoord = client.get(url)
            antwoord.raise_for_status()
            bundel[feed] = antwoord.json()
    except httpx.HTTPError as fout:
        raise OphalenUit(
            f"Het CBS antwoordt niet ({type(fout).__name__}); probeer het later of importeer een bestand."
        ) from fout
    finally:
        if eigen:
            client.close()
    import json

    try:
        return lees_bestanden([(f"{tabel}.json", json.dumps(bundel).encode())])
    except BestandFout as fout:
        raise OphalenUit(str(fout)) from fout
