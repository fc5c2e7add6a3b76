"""Writes for audits: an auditor's time-limited, read-only access to one audit's document set."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from guardian.shortcuts import assign_perm, remove_perm

from audits.models import Afwijking, Audit, AuditorToegang, Certificaat
from audits.models.certificaat import werkgroep_beeindigd_op
from werkgroepen.logboek import log_actie


@transaction.atomic
def auditor_geef_toegang(*, actor, audit: Audit, email: str, dagen: int | None = None) -> AuditorToegang:
    """Give the auditor with ``email`` read access to ``audit``'s document set for ``dagen`` days.

    A grant has two halves, written here together in one transaction and withdrawn together by
    ``auditor_trek_toegang_in`` (by hand) or ``auditor_trek_verlopen_toegangen_in`` (the beat job, when the
    time limit passes): the django-guardian object permission ``audits.view_audit`` and the
    ``AuditorToegang`` row with its time limit. Access holds only while both hold; the one
    question "may this auditor see this audit now" is ``audits.toegang`` (every auditor view, the
    certificate portal and the tenancy middleware ask there).
    """
    dagen = dagen or settings.KVO_AUDITOR_TOEGANG_DAGEN
    if not 1 <= dagen <= 90:
        raise ValidationError("Kies een termijn van 1 tot en met 90 dagen.")
    email = email.strip().lower()
    if not email:
        raise ValidationError("Vul het e-mailadres van de auditor in.")
    user, _ = get_user_model().objects.get_or_create(email=email)
    assign_perm("audits.view_audit", user, audit)
    toegang = AuditorToegang.objects.create(
        audit=audit, user=user, geldig_tot=timezone.now() + dt.timedelta(days=dagen), verleend_door=actor
    )
    log_actie(
        werkgroep=audit.werkgroep,
        actor=actor,
        actie="auditor.toegang",
        omschrijving=f"Auditor {email} kreeg leestoegang tot de documentenset tot {toegang.geldig_tot:%d-%m-%Y}",
        audit=audit.pk,
    )
    return toegang


def _trek_in(toegang: AuditorToegang, *, nu) -> None:
    """Both halves of a grant, in the caller's transaction: the guardian permission and the row."""
    remove_perm("audits.view_audit", toegang.user, toegang.audit)
    toegang.ingetrokken_op = nu
    toegang.save(update_fields=["ingetrokken_op"])


@transaction.atomic
def auditor_trek_toegang_in(*, actor, toegang: AuditorToegang) -> None:
    """Withdraw an auditor's grant by hand: both halves, in one transaction (see ``auditor_geef_toegang``)."""
    _trek_in(toegang, nu=timezone.now())
    log_actie(
        werkgroep=toegang.audit.werkgroep,
        actor=actor,
        actie="auditor.ingetrokken",
        omschrijving=f"Leestoegang van auditor {toegang.user.email} ingetrokken",
        audit=toegang.audit_id,
    )


def auditor_trek_verlopen_toegangen_in() -> int:
    """Withdraw every grant whose time limit has passed (the beat job): both halves of each, one
    transaction per grant, so one that fails leaves the others withdrawn. Returns how many."""
    from django_scopes import scopes_disabled

    nu = timezone.now()
    with scopes_disabled():
        verlopen = list(
            AuditorToegang.objects.filter(geldig_tot__lte=nu, ingetrokken_op__isnull=True).select_related(
                "audit__werkgroep", "user"
            )
        )
        for toegang in verlopen:
            with transaction.atomic():
                _trek_in(toegang, nu=nu)
                log_actie(
                    werkgroep=toegang.audit.werkgroep,
                    actor=None,
                    actie="auditor.verlopen",
                    omschrijving=f"Leestoegang van auditor {toegang.user.email} verlopen en ingetrokken",
                    audit=toegang.audit_id,
                )
    return len(verlopen)


# --- application, record, deviations, certificate ------------------------------------------


def audit_van(cyclus) -> Audit | None:
    return (
        Audit.objects.filter(cyclus=cyclus)
        .select_related("contactpersoon", "cyclus", "werkgroep")
        .order_by(F("datum").desc(nulls_last=True), "-pk")
        .first()
    )


@transaction.atomic
def audit_vraag_aan(*, actor, cyclus, gegevens: dict) -> Audit:
    """Create or update the cycle's audit application (§5.1)."""
    audit = audit_van(cyclus)
    nieuw = audit is None
    if nieuw:
        soort = Audit.Soort.EERSTE if cyclus.soort == "eerste" else Audit.Soort.OPVOLGENDE
        audit = Audit(werkgroep=cyclus.werkgroep, cyclus=cyclus, soort=soort)
    lid = gegevens.get("contactpersoon")
    if lid is not None and lid.werkgroep_id != cyclus.werkgroep_id:
        raise ValidationError("Kies een lid van deze werkgroep als contactpersoon.")
    datum = gegevens.get("datum")
    if datum and gegevens.get("aangevraagd_op") and datum < gegevens["aangevraagd_op"]:
        raise ValidationError("Auditdatum: de audit kan niet voor de aanvraag liggen.")
    for veld in ("contactpersoon", "certificatie_instelling", "ci_straat", "ci_postcode", "ci_plaats", "ci_email",
                 "auditor", "aangevraagd_op", "datum", "geplande_uren"):  # fmt: skip
        if veld in gegevens:
            waarde = gegevens[veld]
            setattr(audit, veld, waarde if waarde is not None else _leeg(veld))
    if not nieuw and Audit.objects.filter(pk=audit.pk).values_list("datum", flat=True).first() != audit.datum:
        audit.herinnering_aanlevering_op = None  # a new date gets its own reminder
    audit.save()
    log_actie(
        werkgroep=cyclus.werkgroep,
        actor=actor,
        actie="audit.aangevraagd" if nieuw else "audit.gewijzigd",
        omschrijving=f"Audit {'aangevraagd' if nieuw else 'gewijzigd'}"
        + (f": {audit.datum:%d-%m-%Y}" if audit.datum else ""),
        audit=audit.pk,
    )
    return audit


def _leeg(veld: str):
    """What an emptied field stores: text fields are blank, the others null."""
    tekst = ("certificatie_instelling", "ci_straat", "ci_postcode", "ci_plaats", "ci_email", "auditor")
    return "" if veld in tekst else None


@transaction.atomic
def audit_verslag_bewaar(*, actor, audit: Audit, gegevens: dict) -> Audit:
    """The record of the audit (§6.3, §6.4): attendance, the report's date, the decision."""
    if audit.datum is None:
        raise ValidationError("Leg eerst de auditdatum vast.")
    rapport = gegevens.get("rapport_ontvangen_op")
    if rapport and rapport < audit.datum:
        raise ValidationError("Het auditrapport kan niet voor de audit zijn ontvangen.")
    besluit_op = gegevens.get("besluit_op")
    if besluit_op and besluit_op < audit.datum:
        raise ValidationError("Het besluit kan niet voor de audit liggen.")
    aanwezigen = list(gegevens.get("aanwezigen") or [])
    if any(lid.werkgroep_id != audit.werkgroep_id for lid in aanwezigen):
        raise ValidationError("Kies leden van deze werkgroep.")
    besluit = gegevens.get("besluit") or ""
    if (besluit, besluit_op if besluit else None) != (audit.besluit, audit.besluit_op) and Certificaat.objects.filter(
        audit=audit, bron=Certificaat.Bron.INSTELLING
    ).exists():
        raise ValidationError(
            "Het besluit is van de certificatie-instelling, die het certificaat in de applicatie uitgaf; "
            "alleen haar auditor wijzigt het (in het auditorportaal)."
        )
    audit.rapport_ontvangen_op = rapport
    audit.besluit = besluit
    audit.besluit_op = besluit_op if audit.besluit else None
    audit.save(update_fields=["rapport_ontvangen_op", "besluit", "besluit_op"])
    audit.aanwezigen.set(aanwezigen)
    log_actie(
        werkgroep=audit.werkgroep,
        actor=actor,
        actie="audit.verslag",
        omschrijving=f"Verslag van de audit van {audit.datum:%d-%m-%Y} vastgelegd ({len(aanwezigen)} aanwezig)",
        audit=audit.pk,
    )
    return audit


@transaction.atomic
def afwijking_bewaar(*, actor, audit: Audit, gegevens: dict, afwijking: Afwijking | None = None) -> Afwijking:
    if audit.datum and gegevens["vastgesteld_op"] < audit.datum:
        raise ValidationError("Een afwijking wordt op of na de auditdatum vastgesteld.")
    nieuw = afwijking is None
    afwijking = afwijking or Afwijking(audit=audit)
    for veld in ("omschrijving", "vastgesteld_op", "aanvulling_op", "beoordeeld_op"):
        setattr(afwijking, veld, gegevens.get(veld))
    afwijking.save()
    log_actie(
        werkgroep=audit.werkgroep,
        actor=actor,
        actie="audit.afwijking",
        omschrijving=f"Afwijking {'vastgelegd' if nieuw else 'bijgewerkt'}: {afwijking.omschrijving[:80]}",
        audit=audit.pk,
    )
    return afwijking


# Issuing, suspending and withdrawing a certificate are the certification body's: see
# ``audits.services_certificaat`` (the auditor in the portal, or the group uploading the body's PDF).


def geldig_certificaat(werkgroep, datum) -> Certificaat | None:
    """The work group's certificate that is valid on ``datum`` (not suspended or withdrawn), if any.
    An ended work group's certificate lapses on the day it ended."""
    if werkgroep_beeindigd_op(werkgroep, datum):
        return None
    kandidaten = Certificaat.objects.filter(
        audit__werkgroep=werkgroep, uitgegeven_op__lte=datum, geldig_tot__gt=datum, geschorst=False
    ).order_by("-uitgegeven_op")
    return next((c for c in kandidaten if c.is_geldig(datum)), None)
