"""Writes for PVO's execution plan (pvo.md): the roles divided among the participants, the activity
calendar (information meetings and communications, adopted on a date) and the recalibration every
two years (a new PVO cycle whose plan renews the previous one, ``Plan.vernieuwd_van``).

The plan itself, its goals (on the PVO themes) and its actions (measures with a responsible party
and quarters, ``integraal`` for a joint action) are written with the plan's own services.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from aanpak.models import Activiteit, Plan
from aanpak.services.plan import controleer_schrijfbaar
from kvo.regelingen import PVO
from werkgroepen.logboek import log_actie
from werkgroepen.models import Bijeenkomst, Communicatie, Cyclus, Partij, Werkgroep
from werkgroepen.services.administratie import cyclus_start


def _log(plan: Plan, actor, actie: str, omschrijving: str, **gegevens) -> None:
    log_actie(werkgroep=plan.werkgroep, actor=actor, actie=actie, omschrijving=omschrijving, **gegevens)


@transaction.atomic
def plan_leg_rolverdeling_vast(*, actor, plan: Plan, rolverdeling: str) -> Plan:
    """The roles divided among the participants (``pvo.uitvoeringsplan``)."""
    controleer_schrijfbaar(plan)
    tekst = (rolverdeling or "").strip()
    if len(tekst) > 10000:
        raise ValidationError("De rolverdeling is te lang (hoogstens 10.000 tekens).")
    plan.rolverdeling = tekst
    plan.save(update_fields=["rolverdeling"])
    _log(
        plan, actor, "plan.rolverdeling", f"Rolverdeling van het uitvoeringsplan cyclus {plan.cyclus.nummer} vastgelegd"
    )
    return plan


@transaction.atomic
def activiteitenkalender_stel_vast(*, actor, plan: Plan, vastgesteld_op: dt.date | None) -> Plan:
    """Adopt the activity calendar on ``vastgesteld_op`` (None: the adoption is withdrawn)."""
    controleer_schrijfbaar(plan)
    plan.kalender_vastgesteld_op = vastgesteld_op
    plan.save(update_fields=["kalender_vastgesteld_op"])
    tekst = f"vastgesteld op {vastgesteld_op:%d-%m-%Y}" if vastgesteld_op else "vaststelling gewist"
    _log(plan, actor, "kalender.vastgesteld", f"Activiteitenkalender cyclus {plan.cyclus.nummer} {tekst}")
    return plan


def _controleer_activiteit(plan: Plan, *, soort: str, titel: str, partij, bijeenkomst=None, communicatie=None) -> str:
    fouten = []
    if soort not in Activiteit.Soort.values:
        fouten.append("Kies de soort activiteit.")
    titel = (titel or "").strip()
    if not titel:
        fouten.append("Geef de activiteit een naam.")
    elif len(titel) > 300:
        fouten.append("De naam is te lang (hoogstens 300 tekens).")
    for obj in (partij, bijeenkomst, communicatie):
        if obj is not None and obj.werkgroep_id != plan.werkgroep_id:
            fouten.append("Dat hoort niet bij deze werkgroep.")
    if fouten:
        raise ValidationError(fouten)
    return titel


@transaction.atomic
def activiteit_maak(
    *, actor, plan: Plan, soort: str, titel: str, gepland_op: dt.date, partij: Partij | None = None
) -> Activiteit:
    """Put an information meeting or a communication on the activity calendar."""
    controleer_schrijfbaar(plan)
    titel = _controleer_activiteit(plan, soort=soort, titel=titel, partij=partij)
    activiteit = Activiteit.objects.create(plan=plan, soort=soort, titel=titel, gepland_op=gepland_op, partij=partij)
    _log(
        plan,
        actor,
        "activiteit.gepland",
        f"Activiteit gepland op {gepland_op:%d-%m-%Y}: {titel}",
        activiteit=activiteit.pk,
    )
    return activiteit


@transaction.atomic
def activiteit_wijzig(
    *,
    actor,
    activiteit: Activiteit,
    soort: str,
    titel: str,
    gepland_op: dt.date,
    partij: Partij | None = None,
    bijeenkomst: Bijeenkomst | None = None,
    communicatie: Communicatie | None = None,
) -> Activiteit:
    """Change an activity; ``bijeenkomst`` / ``communicatie`` record what took place for it."""
    plan = activiteit.plan
    controleer_schrijfbaar(plan)
    titel = _controleer_activiteit(
        plan, soort=soort, titel=titel, partij=partij, bijeenkomst=bijeenkomst, communicatie=communicatie
    )
    activiteit.soort, activiteit.titel, activiteit.gepland_op = soort, titel, gepland_op
    activiteit.partij, activiteit.bijeenkomst, activiteit.communicatie = partij, bijeenkomst, communicatie
    activiteit.save()
    _log(plan, actor, "activiteit.gewijzigd", f"Activiteit gewijzigd: {titel}", activiteit=activiteit.pk)
    return activiteit


@transaction.atomic
def activiteit_verwijder(*, actor, activiteit: Activiteit) -> None:
    plan = activiteit.plan
    controleer_schrijfbaar(plan)
    titel = activiteit.titel
    activiteit.delete()
    _log(plan, actor, "activiteit.verwijderd", f"Activiteit verwijderd: {titel}")


@transaction.atomic
def herijking_start(*, actor, werkgroep: Werkgroep, start: dt.date) -> Cyclus:
    """Recalibrate (herijken): start the next PVO cycle on ``start``; its plan renews the previous one
    (goals and open actions carried over, ``Plan.vernieuwd_van``) and is adopted, with its new
    themes and actions, before the previous plan's two years end (``pvo.herijking``)."""
    if werkgroep.handboek != PVO:
        raise ValidationError(
            "Herijken hoort bij PVO Veilig Bedrijventerrein; deze werkgroep volgt een andere regeling."
        )
    vorige = werkgroep.cycli.order_by("-nummer").first()
    if vorige is None or Plan.objects.filter(cyclus=vorige, vastgesteld_op__isnull=False).first() is None:
        raise ValidationError("Herijken kan pas als er een vastgesteld uitvoeringsplan is.")
    return cyclus_start(actor=actor, werkgroep=werkgroep, start=start, soort=Cyclus.Soort.OPVOLGENDE, handboek=PVO)
