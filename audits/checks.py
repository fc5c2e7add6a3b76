"""Readiness checks of the audit that read the plan's executed measures (§5.2.2, §6.3).

They live here, not in ``aanpak``, because they need the audit (its kind and date); the plan is
read through ``aanpak``'s selectors. The other audit rules arrive with the audit itself.
"""

from __future__ import annotations

from django.db.models import F
from django.urls import reverse

from aanpak.models import Maatregel
from aanpak.selectors import plan_van
from audits.models import Audit
from kvo.toets import Status, ToetsContext, Uitkomst, eis

SCHOUW = (Maatregel.Soort.SCHOUWPUNT,)
COMMUNICATIE = (Maatregel.Soort.COMMUNICATIE, Maatregel.Soort.VAST_COMMUNICATIE)


def _audit(ctx: ToetsContext) -> Audit | None:
    if ctx.cyclus is None:
        return None
    return Audit.objects.filter(cyclus=ctx.cyclus).order_by(F("datum").desc(nulls_last=True), "-pk").first()


@eis("audit.eerste-maatregelen")
def check_eerste_maatregelen(ctx: ToetsContext) -> Uitkomst:
    """At a first audit at least 4 measures executed on or before the audit date: 3 that take up
    inspection points (a measure of kind ``schouwpunt`` or linked to a point) and 1 communication."""
    url = reverse("aanpak:matrix", kwargs={"werkgroep": ctx.werkgroep.slug})
    audit = _audit(ctx)
    if ctx.cyclus is None:
        return Uitkomst(Status.OPEN, "Er is nog geen cyclus gestart.", url)
    if ctx.cyclus.soort != "eerste" or (audit is not None and audit.soort != Audit.Soort.EERSTE):
        return Uitkomst(Status.NVT, "Opvolgende audit: geldt alleen bij de eerste audit.", url)
    peildatum = audit.datum if audit is not None and audit.datum else ctx.datum
    plan = plan_van(ctx.cyclus)
    uitgevoerd = (
        [
            m
            for m in plan.maatregelen.filter(status=Maatregel.Status.UITGEVOERD, uitgevoerd_op__isnull=False)
            if m.uitgevoerd_op <= peildatum
        ]
        if plan
        else []
    )
    schouw = sum(1 for m in uitgevoerd if m.soort in SCHOUW or m.schouwpunt_id)
    communicatie = sum(1 for m in uitgevoerd if m.soort in COMMUNICATIE)
    wanneer = f"op de auditdatum {peildatum:%d-%m-%Y}" if audit and audit.datum else f"op {peildatum:%d-%m-%Y}"
    tekst = (
        f"{len(uitgevoerd)} maatregelen uitgevoerd {wanneer}: {schouw} uit de schouw (minimaal 3), "
        f"{communicatie} communicatie naar ondernemers (minimaal 1)"
    )
    if schouw >= 3 and communicatie >= 1 and len(uitgevoerd) >= 4:
        return Uitkomst(Status.VOLDAAN, tekst + ".", url)
    if audit is not None and audit.datum and audit.datum < ctx.datum:
        return Uitkomst(Status.NIET_VOLDAAN, tekst + ".", url)
    return Uitkomst(Status.OPEN, tekst + "; nog niet genoeg voor de eerste audit.", url)


@eis("audit.uitgevoerd")
def check_uitgevoerd(ctx: ToetsContext) -> Uitkomst:
    """At a subsequent audit every measure of the (adjusted) plan is executed, or its change explained."""
    url = reverse("aanpak:matrix", kwargs={"werkgroep": ctx.werkgroep.slug})
    if ctx.cyclus is None:
        return Uitkomst(Status.OPEN, "Er is nog geen cyclus gestart.", url)
    audit = _audit(ctx)
    if ctx.cyclus.soort == "eerste" or (audit is not None and audit.soort == Audit.Soort.EERSTE):
        return Uitkomst(Status.NVT, "Eerste audit: geldt pas bij een opvolgende audit.", url)
    plan = plan_van(ctx.cyclus)
    if plan is None:
        return Uitkomst(Status.OPEN, "Er is nog geen plan van aanpak voor deze cyclus.", url)
    maatregelen = list(plan.maatregelen.all())
    open_ = [
        m for m in maatregelen if not (m.status == Maatregel.Status.UITGEVOERD or (m.wijziging_reden or "").strip())
    ]
    tekst = (
        f"{len(maatregelen) - len(open_)} van {len(maatregelen)} maatregelen uitgevoerd of met toelichting gewijzigd"
    )
    if not open_:
        return Uitkomst(Status.VOLDAAN, tekst + ".", url)
    namen = ", ".join(f"“{m.titel}”" for m in open_[:3]) + (f" en {len(open_) - 3} meer" if len(open_) > 3 else "")
    if audit is not None and audit.datum and audit.datum < ctx.datum:  # the audit day itself: still open
        return Uitkomst(Status.NIET_VOLDAAN, f"{tekst}; open: {namen}.", url)
    return Uitkomst(Status.OPEN, f"{tekst}; nog open: {namen}.", url)
