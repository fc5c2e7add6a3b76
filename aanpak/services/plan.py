"""The plan of a cycle: create it with the fixed yearly measures (§4.2.5), adopt it (§4.3),
carry it forward into a subsequent cycle (§4.5), and the goals (§4.2.1).

Only the newest cycle's plan is written; an earlier cycle is read-only.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from aanpak import kwartalen
from aanpak.models import Doelstelling, Maatregel, Plan
from kvo.geschiedenis import bulk_maken
from kvo.regelingen import regeling_van
from werkgroepen.logboek import log_actie
from werkgroepen.models import Partij

ALLEEN_LEZEN = "Deze cyclus is afgesloten: het plan van cyclus {n} kan alleen nog worden gelezen."

# The fixed measures of every year of the cycle (§4.2.5): (soort, title, quarter index in the year,
# party kinds that usually carry it, time, how progress is established).
VASTE_MAATREGELEN = (
    ("vast-dagschouw", "Dagschouw", 1, ("gemeente",), "een dagdeel", "Schouwrapport met datum en aanwezigen"),
    ("vast-avondschouw", "Avondschouw", 3, ("gemeente",), "een avond", "Schouwrapport met datum en aanwezigen"),
    ("vast-evaluatie", "Tussentijdse evaluatie", 3, ("procesbegeleiding", "gemeente"), "een bijeenkomst",
     "Evaluatie vastgelegd in de applicatie"),
    ("vast-communicatie", "Nieuwsbrief aan de ondernemers", 1, ("ondernemersvereniging", "belangenbehartiger"),
     "een dagdeel", "Verzonden communicatie vastgelegd"),
    ("vast-communicatie", "Tweede bericht aan de ondernemers", 3, ("ondernemersvereniging", "belangenbehartiger"),
     "een dagdeel", "Verzonden communicatie vastgelegd"),
    ("vast-cijfers", "Aanlevering incidentcijfers politie en gemeente", 0, ("politie",), "een uur",
     "Cijfers vastgelegd in de analyse"),
    ("vast-cijfers", "Aanlevering incidentcijfers brandweer", 2, ("brandweer",), "een uur",
     "Cijfers vastgelegd in de analyse"),
)  # fmt: skip


def is_huidig(cyclus) -> bool:
    return not type(cyclus).objects.filter(werkgroep_id=cyclus.werkgroep_id, nummer__gt=cyclus.nummer).exists()


def controleer_schrijfbaar(plan_of_cyclus) -> None:
    cyclus = getattr(plan_of_cyclus, "cyclus", plan_of_cyclus)
    if not is_huidig(cyclus):
        raise ValidationError(ALLEEN_LEZEN.format(n=cyclus.nummer))


def _partij(werkgroep, soorten) -> Partij | None:
    partijen = {p.soort: p for p in werkgroep.partijen.order_by("pk")}
    return next((partijen[s] for s in soorten if s in partijen), None)


def vaste_maatregelen(plan: Plan) -> list[Maatregel]:
    """The unsaved fixed measures of every year of ``plan``'s cycle (KVO-B's §4.2.5; a PVO execution
    plan has none)."""
    if regeling_van(plan.cyclus).is_pvo:
        return []
    per_jaar: dict[int, list[str]] = {}
    for k in kwartalen.van_cyclus(plan.cyclus.start):
        per_jaar.setdefault(k.jaar, []).append(k.code)
    nieuw = []
    for jaar, codes in sorted(per_jaar.items()):
        for soort, titel, index, soorten, tijd, meting in VASTE_MAATREGELEN:
            nieuw.append(
                Maatregel(
                    plan=plan,
                    titel=f"{titel} (jaar {jaar})",
                    soort=soort,
                    jaar=jaar,
                    kwartalen=[codes[min(index, len(codes) - 1)]],
                    verantwoordelijke=_partij(plan.werkgroep, soorten),
                    benodigde_tijd=tijd,
                    deskundigheid=Maatregel.Deskundigheid.INTERN,
                    voortgangsmeting=meting,
                    volgorde=10000 + jaar * 100 + len(nieuw),
                )
            )
    return nieuw


@transaction.atomic
def plan_maak(*, actor, cyclus) -> Plan:
    """The cycle's plan, with the fixed yearly measures of §4.2.5 (which cannot be removed)."""
    controleer_schrijfbaar(cyclus)
    if Plan.objects.filter(cyclus=cyclus).exists():
        raise ValidationError("Deze cyclus heeft al een plan van aanpak.")
    plan = Plan.objects.create(werkgroep=cyclus.werkgroep, cyclus=cyclus)
    vast = vaste_maatregelen(plan)
    for m in vast:
        m.ref = f"vast-{m.jaar}-{m.soort.removeprefix('vast-')}-{m.volgorde % 100}"
    bulk_maken(Maatregel, plan.werkgroep_id, vast, actor=actor)
    log_actie(
        werkgroep=cyclus.werkgroep,
        actor=actor,
        actie="plan.gemaakt",
        omschrijving=f"Plan van aanpak cyclus {cyclus.nummer} gemaakt, met {len(vast)} vaste maatregelen",
    )
    return plan


@transaction.atomic
def plan_stel_vast(*, actor, plan: Plan, vastgesteld_op, vastgesteld_in) -> Plan:
    controleer_schrijfbaar(plan)
    if vastgesteld_in is not None and vastgesteld_in.werkgroep_id != plan.werkgroep_id:
        raise ValidationError("Kies een bijeenkomst van deze werkgroep.")
    if vastgesteld_in is not None and vastgesteld_op is not None and vastgesteld_in.datum != vastgesteld_op:
        raise ValidationError(
            f"De datum van vaststelling ({vastgesteld_op:%d-%m-%Y}) is niet de datum van de gekozen "
            f"bijeenkomst ({vastgesteld_in.datum:%d-%m-%Y}); kies de bijeenkomst waarin het plan is vastgesteld."
        )
    plan.vastgesteld_op = vastgesteld_op
    plan.vastgesteld_in = vastgesteld_in
    plan.save(update_fields=["vastgesteld_op", "vastgesteld_in"])
    tekst = f"vastgesteld op {vastgesteld_op:%d-%m-%Y}" if vastgesteld_op else "vaststelling gewist"
    log_actie(
        werkgroep=plan.werkgroep,
        actor=actor,
        actie="plan.vastgesteld",
        omschrijving=f"Plan van aanpak cyclus {plan.cyclus.nummer} {tekst}",
    )
    return plan


# --- goals ---------------------------------------------------------------------------------

DOEL_VELDEN = (
    "thema",
    "titel",
    "specifiek",
    "meetbaar",
    "norm",
    "blok",
    "nulmeting",
    "streefwaarde",
    "acceptabel",
    "realistisch",
    "tijdgebonden",
    "behaald",
)


def _controleer_doel(plan: Plan, g: dict) -> None:
    """The rules of a goal that its form does not know by itself (the form shows them on the field
    they name: ``kvo.formulieren.fout_in_form``)."""
    fouten: dict[str, list[str]] = {}
    if g.get("tijdgebonden") and not (plan.cyclus.start <= g["tijdgebonden"]):
        fouten["tijdgebonden"] = ["Kies een datum in de cyclus (niet voor de start)."]
    if g.get("norm") in (Doelstelling.Norm.PERCENTAGE, Doelstelling.Norm.AANTAL) and g.get("streefwaarde") is None:
        fouten["streefwaarde"] = ["Bij een percentage of aantal hoort een streefwaarde."]
    if g.get("norm") == Doelstelling.Norm.PERCENTAGE:
        for veld in ("nulmeting", "streefwaarde"):
            if g.get(veld) is not None and not 0 <= g[veld] <= 100:
                fouten.setdefault(veld, []).append("Een percentage ligt tussen 0 en 100.")
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def doel_bewaar(*, actor, plan: Plan, gegevens: dict, doel: Doelstelling | None = None) -> Doelstelling:
    controleer_schrijfbaar(plan)
    _controleer_doel(plan, gegevens)
    nieuw = doel is None
    if nieuw:
        volgorde = (plan.doelstellingen.aggregate(m=Max("volgorde"))["m"] or 0) + 1
        doel = Doelstelling(plan=plan, volgorde=volgorde)
    for veld in DOEL_VELDEN:
        if veld in gegevens:
            setattr(doel, veld, gegevens[veld])
    doel.norm = doel.norm or ""
    doel.save()
    log_actie(
        werkgroep=plan.werkgroep,
        actor=actor,
        actie="doel.nieuw" if nieuw else "doel.gewijzigd",
        omschrijving=f"Doelstelling {'toegevoegd' if nieuw else 'gewijzigd'}: {doel.titel}",
    )
    return doel


@transaction.atomic
def doel_verwijder(*, actor, doel: Doelstelling) -> None:
    controleer_schrijfbaar(doel.plan)
    titel = doel.titel
    doel.delete()  # its measures stay, without a goal
    log_actie(
        werkgroep=doel.plan.werkgroep,
        actor=actor,
        actie="doel.verwijderd",
        omschrijving=f"Doelstelling verwijderd: {titel}",
    )


# --- renewal (§4.5) --------------------------------------------------------------------------


@transaction.atomic
def plan_zet_door(*, actor, vorige_cyclus, cyclus) -> Plan | None:
    """Carry the previous cycle's plan into ``cyclus`` for renewal: its goals (without their
    result) and the measures that were not done or dropped, rescheduled to no quarter; the new
    plan gets its own fixed measures and is not adopted until the group renews it."""
    vorig = Plan.objects.filter(cyclus=vorige_cyclus).first()
    if vorig is None or Plan.objects.filter(cyclus=cyclus).exists():
        return None
    plan = Plan.objects.create(werkgroep=cyclus.werkgroep, cyclus=cyclus, vernieuwd_van=vorig)
    nieuwe_doelen = {}
    for d in vorig.doelstellingen.order_by("volgorde", "pk"):
        kopie = Doelstelling(
            plan=plan,
            ref=d.ref,
            **{v: getattr(d, v) for v in DOEL_VELDEN if v not in ("behaald", "tijdgebonden")},
            volgorde=d.volgorde,
        )
        kopie.save()
        nieuwe_doelen[d.pk] = kopie
    doorlopend = [
        Maatregel(
            plan=plan,
            ref=m.ref,
            titel=m.titel,
            soort=m.soort,
            doelstelling=nieuwe_doelen.get(m.doelstelling_id),
            schouwpunt_id=m.schouwpunt_id,
            verantwoordelijke_id=m.verantwoordelijke_id,
            benodigde_tijd=m.benodigde_tijd,
            deskundigheid=m.deskundigheid,
            voortgangsmeting=m.voortgangsmeting,
            volgorde=m.volgorde,
        )
        for m in vorig.maatregelen.exclude(status__in=["uitgevoerd", "vervallen"]).exclude(soort__startswith="vast-")
    ]
    vast = vaste_maatregelen(plan)
    for m in vast:
        m.ref = f"vast-{m.jaar}-{m.soort.removeprefix('vast-')}-{m.volgorde % 100}"
    bulk_maken(Maatregel, plan.werkgroep_id, [*doorlopend, *vast], actor=actor)
    log_actie(
        werkgroep=cyclus.werkgroep,
        actor=actor,
        actie="plan.doorgezet",
        omschrijving=(
            f"Plan van cyclus {vorige_cyclus.nummer} doorgezet naar cyclus {cyclus.nummer} ter vernieuwing: "
            f"{len(nieuwe_doelen)} doelstellingen, {len(doorlopend)} lopende maatregelen"
        ),
    )
    return plan
