"""The inventory a group takes into a cycle under another scheme (a PVO group moving to KVO-B,
issue 23; ``werkgroepen.services.regeling``): the figures are copied into the new cycle, and a KVO
cycle gets a draft survey with the handbook's minimum blocks, ready to send. The previous survey
and its (anonymous) responses stay with their own cycle, where their results remain readable."""

from __future__ import annotations

from django.db import transaction

from analyse.models import Cijfer, Enquete
from kvo.geschiedenis import bulk_maken
from kvo.regelingen import regeling_van
from werkgroepen.logboek import log_actie

VELDEN = [f.name for f in Cijfer._meta.concrete_fields if f.name not in ("id", "cyclus", "werkgroep")]


@transaction.atomic
def analyse_neem_over(*, actor, vorige, cyclus) -> dict:
    """Copy ``vorige``'s figures into ``cyclus``; under KVO-B prepare its survey. Returns the counts."""
    from analyse.services.enquete import enquete_maak

    kopieen = [
        Cijfer(werkgroep_id=cyclus.werkgroep_id, cyclus=cyclus, **{v: getattr(c, v) for v in VELDEN})
        for c in Cijfer.objects.filter(cyclus=vorige).order_by("pk")
    ]
    bulk_maken(Cijfer, cyclus.werkgroep_id, kopieen, actor=actor)
    enquete = None
    if regeling_van(cyclus).heeft_audit and not Enquete.objects.filter(cyclus=cyclus).exists():
        enquete = enquete_maak(actor=actor, cyclus=cyclus, met_minimum=True)
    log_actie(
        werkgroep=cyclus.werkgroep,
        actor=actor,
        actie="analyse.overgenomen",
        omschrijving=f"{len(kopieen)} cijfers van cyclus {vorige.nummer} overgenomen in cyclus {cyclus.nummer}"
        + ("; de KVO-enquête staat klaar als concept" if enquete else ""),
    )
    return {"cijfers": len(kopieen), "enquete": enquete}
