"""The yearly evaluation (§4.4.1) and the third-year one (§4.4.2)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from aanpak.models import Evaluatie
from aanpak.models.evaluatie import VRAGEN_DERDE_JAAR, VRAGEN_MAATREGELEN, VRAGEN_SAMENWERKING
from aanpak.services.plan import controleer_schrijfbaar
from kvo.toets import cyclus_jaren
from werkgroepen.logboek import log_actie

TEKSTVELDEN = tuple(v for v, _ in (*VRAGEN_MAATREGELEN, *VRAGEN_SAMENWERKING, *VRAGEN_DERDE_JAAR))


@transaction.atomic
def evaluatie_bewaar(*, actor, cyclus, gegevens: dict, evaluatie: Evaluatie | None = None) -> Evaluatie:
    controleer_schrijfbaar(cyclus)
    jaar, datum = gegevens["jaar"], gegevens["datum"]
    periode = cyclus_jaren(cyclus.start, datum)[jaar - 1]
    fouten = []
    if datum < periode.start:
        fouten.append(
            f"Datum: de evaluatie van jaar {jaar} kan pas vanaf het begin van dat jaar ({periode.start:%d-%m-%Y})."
        )
    dubbel = Evaluatie.objects.filter(cyclus=cyclus, jaar=jaar)
    if evaluatie is not None:
        dubbel = dubbel.exclude(pk=evaluatie.pk)
    if dubbel.exists():
        fouten.append(f"Jaar: jaar {jaar} van deze cyclus heeft al een evaluatie; wijzig die.")
    if fouten:
        raise ValidationError(fouten)
    nieuw = evaluatie is None
    if nieuw:
        evaluatie = Evaluatie(werkgroep=cyclus.werkgroep, cyclus=cyclus)
    evaluatie.jaar, evaluatie.datum = jaar, datum
    evaluatie.soort = Evaluatie.Soort.DERDE_JAAR if jaar == 3 else Evaluatie.Soort.JAARLIJKS
    for veld in TEKSTVELDEN:
        setattr(evaluatie, veld, (gegevens.get(veld) or "").strip() or None)
    if evaluatie.soort == Evaluatie.Soort.JAARLIJKS:
        evaluatie.doelen_behaald = evaluatie.reden_doelen = None
    evaluatie.verbeterpunten = [p.strip() for p in gegevens.get("verbeterpunten", []) if p and p.strip()]
    evaluatie.save()
    log_actie(
        werkgroep=cyclus.werkgroep,
        actor=actor,
        actie="evaluatie.opgeslagen",
        omschrijving=f"Evaluatie jaar {jaar} van cyclus {cyclus.nummer} {'vastgelegd' if nieuw else 'gewijzigd'}",
    )
    return evaluatie
