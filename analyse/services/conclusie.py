"""The conclusion of the safety analysis (§4.1.4): one per cycle, with its prioritised themes."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from analyse.models import Conclusie, Prioriteit
from kvo.geschiedenis import bulk_maken
from werkgroepen.logboek import log_actie


@transaction.atomic
def conclusie_bewaar(*, actor, cyclus, gegevens: dict, prioriteiten: list[dict]) -> Conclusie:
    """Write the conclusion and replace its priorities (themes without likelihood or impact are left out)."""
    themas = [p["thema"] for p in prioriteiten]
    if len(themas) != len(set(themas)):
        raise ValidationError("Elk thema mag maar één keer worden geprioriteerd.")
    bijeenkomst = gegevens.get("vastgesteld_in")
    if bijeenkomst is not None and bijeenkomst.werkgroep_id != cyclus.werkgroep_id:
        raise ValidationError("Kies een bijeenkomst van deze werkgroep.")
    conclusie, _ = Conclusie.objects.select_for_update().get_or_create(
        cyclus=cyclus, defaults={"werkgroep": cyclus.werkgroep}
    )
    for veld in ("samenvatting", "conclusie", "vastgesteld_op", "vastgesteld_in"):
        setattr(conclusie, veld, gegevens.get(veld) or None)
    conclusie.save()
    conclusie.prioriteiten.all().delete()
    ingevuld = [p for p in prioriteiten if p.get("risicokans") or p.get("ernst") or p.get("jaar")]
    ingevuld.sort(key=lambda p: -((p.get("risicokans") or 0) * (p.get("ernst") or 0)))
    prioriteiten_maken(conclusie, ingevuld)
    log_actie(
        werkgroep=cyclus.werkgroep,
        actor=actor,
        actie="conclusie.opgeslagen",
        omschrijving=(
            f"Conclusie veiligheidsanalyse cyclus {cyclus.nummer} opgeslagen ({len(ingevuld)} thema's geprioriteerd)"
        ),
    )
    return conclusie


def prioriteiten_maken(conclusie: Conclusie, rijen: list[dict]) -> list[Prioriteit]:
    """The conclusion's priorities from ``rijen`` (``thema``, ``risicokans``, ``ernst``, ``jaar``,
    ``toelichting``), numbered in the order given; bulk-written with their history."""
    return bulk_maken(
        Prioriteit,
        conclusie.werkgroep_id,
        [
            Prioriteit(
                conclusie=conclusie,
                thema=p["thema"],
                risicokans=p.get("risicokans"),
                ernst=p.get("ernst"),
                jaar=p.get("jaar"),
                toelichting=p.get("toelichting") or "",
                volgorde=i,
            )
            for i, p in enumerate(rijen)
        ],
    )
