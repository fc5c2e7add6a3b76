"""Small helpers the apps' dossier modules share: canonical output, x- keys, common checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from kvo.dossier.fouten import pad

LEEG = (None, "", [], {})


def zet(doel: dict, sleutel: str, waarde: Any, standaard: Any = None) -> None:
    """Write ``sleutel`` in canonical form: left out when empty or equal to the schema default."""
    if isinstance(waarde, dt.date):
        waarde = waarde.isoformat()
    if waarde in LEEG or (standaard is not None and waarde == standaard):
        return
    doel[sleutel] = waarde


def x_sleutels(bron: dict) -> dict:
    """The ``x-`` keys of a dossier object (what the models keep in ``extra``)."""
    return {k: v for k, v in bron.items() if k.startswith("x-")}


def met_extra(doel: dict, extra: dict | None) -> dict:
    """``doel`` plus the stored ``x-`` keys (internal keys of ``extra`` are never exported)."""
    doel.update(x_sleutels(extra or {}))
    return doel


def datum(waarde: str | None) -> dt.date | None:
    return dt.date.fromisoformat(waarde) if waarde else None


def dubbele_refs(items: Iterable[dict], *pad_delen, sleutel: str = "ref", wat: str = "ref") -> list[str]:
    """A problem for every item whose ``sleutel`` was used before in the same list."""
    gezien: dict[Any, int] = {}
    problemen = []
    for i, item in enumerate(items):
        waarde = item.get(sleutel)
        if waarde is None:
            continue
        if waarde in gezien:
            problemen.append(
                f'{pad(*pad_delen, i, sleutel)}: {wat} "{waarde}" komt al voor in {pad(*pad_delen, gezien[waarde])}'
            )
        else:
            gezien[waarde] = i
    return problemen


def te_lang(items: Iterable[dict], model, velden: Iterable[str], *pad_delen) -> list[str]:
    """A problem for every text longer than the model field allows (PostgreSQL would refuse it)."""
    maxima = {v: model._meta.get_field(v).max_length for v in velden}
    problemen = []
    for i, item in enumerate(items):
        for veld, maximum in maxima.items():
            waarde = item.get(veld)
            if isinstance(waarde, str) and maximum and len(waarde) > maximum:
                problemen.append(f"{pad(*pad_delen, i, veld)}: te lang ({len(waarde)} tekens, hoogstens {maximum})")
    return problemen


def extra_van(bron: dict, **intern) -> dict:
    """The ``extra`` field for a model row: the object's ``x-`` keys plus internal bookkeeping."""
    extra = x_sleutels(bron)
    extra.update({k: v for k, v in intern.items() if v})
    return extra
