"""Writes for the certificate (§7): the certification body decides and issues, the group never.

- Where the body works in the product, its auditor (holding the audit's time-limited grant, see
  ``audits.toegang``) records the decision (``audit_leg_besluit_vast``) and issues, suspends or
  withdraws the certificate (``certificaat_geef_uit``, ``certificaat_wijzig_status``) in the portal.
- Where the body works outside the product, the group uploads the body's own PDF and records its
  number and dates (``certificaat_lever_aan``); the product shows it as "aangeleverd door de
  werkgroep" and never renders it as if the body had issued it.

Issuing is refused, with the reason in Dutch, without a positive decision, while a deviation is
open (not yet assessed by the body), or while a ``certificaat.*`` rule of the readiness check fails
for the certificate as it would be issued (checked inside the transaction, which rolls back).
"""

from __future__ import annotations

import datetime as dt
import io
import warnings

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from django_scopes import scope, scopes_disabled
from PIL import Image, UnidentifiedImageError

from audits.models import Audit, Certificaat
from audits.toegang import geldige_audit
from kvo.permissions import Actie, Toegangsrol, mag
from werkgroepen.bestanden import controleer_document
from werkgroepen.logboek import log_actie

REGELS = ("certificaat.geldigheid", "certificaat.inhoud", "certificaat.cluster")
LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_PIXELS = 25_000_000  # judged from the header, before a pixel is decoded
LOGO_ZIJDE = 600


def _auditor_mag(actor, audit: Audit, actie: Actie) -> None:
    """Only the auditor with a valid grant on this audit, and only where the permission table says so."""
    if geldige_audit(actor, audit.pk) is None or not mag(frozenset({Toegangsrol.AUDITOR}), actie):
        raise PermissionDenied("Alleen de auditor van de certificatie-instelling doet dit, met geldige toegang.")


def open_afwijkingen(audit: Audit) -> list:
    """Deviations the body has not assessed yet (``beoordeeld_op`` empty)."""
    return list(audit.afwijkingen.filter(beoordeeld_op__isnull=True).order_by("vastgesteld_op", "pk"))


def weigeringen(audit: Audit) -> list[str]:
    """Why a certificate cannot be issued for ``audit`` now (before the rules are asked), in Dutch."""
    redenen = []
    if audit.besluit != Audit.Besluit.POSITIEF:
        redenen.append(
            "Een certificaat volgt op een positief besluit van de certificatie-instelling; leg dat eerst vast."
        )
    open_ = open_afwijkingen(audit)
    if open_:
        namen = "; ".join(
            f"“{Truncator(a.omschrijving).chars(80)}” (vastgesteld {a.vastgesteld_op:%d-%m-%Y})" for a in open_
        )
        redenen.append(
            f"Er {'staat' if len(open_) == 1 else 'staan'} nog {len(open_)} "
            f"{'afwijking' if len(open_) == 1 else 'afwijkingen'} open: {namen}. Een certificaat volgt pas als "
            "de instelling elke afwijking heeft beoordeeld."
        )
    return redenen


def _regels_falen(certificaat: Certificaat, datum: dt.date) -> list[str]:
    from kvo.toets import Status, voer_toets_uit

    audit = certificaat.audit
    resultaten = voer_toets_uit(audit.werkgroep, cyclus=audit.cyclus, datum=datum, ids=REGELS)
    return [f"{r.eis.titel} ({r.id}) — {r.uitkomst.toelichting}" for r in resultaten if r.status == Status.NIET_VOLDAAN]


def _nummer_vrij(ci: str, nummer: str, bestaand: Certificaat | None) -> None:
    with scopes_disabled():  # the number is unique per certification body, across all work groups
        dubbel = Certificaat.objects.filter(certificatie_instelling__iexact=ci, nummer__iexact=nummer)
        if bestaand is not None:
            dubbel = dubbel.exclude(pk=bestaand.pk)
        if dubbel.exists():
            raise ValidationError(f"Certificaatnummer {nummer} is bij deze instelling al uitgegeven.")


def logo_verwerken(bestand) -> ContentFile:
    """The body's logo through the upload checks (content, not name; size), then re-encoded as a PNG
    without metadata, at most ``LOGO_ZIJDE`` px: only pixels reach the storage and the PDF."""
    if bestand.size > LOGO_MAX_BYTES:
        raise ValidationError(f"Het logo is te groot; hoogstens {LOGO_MAX_BYTES // 1024 // 1024} MB.")
    soort = controleer_document(bestand)
    if soort not in ("png", "jpeg"):
        raise ValidationError("Het logo moet een PNG- of JPEG-afbeelding zijn (de inhoud telt, niet de naam).")
    ruw = bestand.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(ruw)) as kop:
                breedte, hoogte = kop.size  # from the header
                if breedte * hoogte > LOGO_MAX_PIXELS:
                    raise ValidationError("Het logo heeft te veel beeldpunten; kies een kleinere afbeelding.")
            beeld = Image.open(io.BytesIO(ruw))
            beeld.load()
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ValidationError("Het logo heeft te veel beeldpunten; kies een kleinere afbeelding.") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError("Dit bestand is geen afbeelding die we kunnen lezen (PNG of JPEG).") from None
    beeld.thumbnail((LOGO_ZIJDE, LOGO_ZIJDE))
    if beeld.mode not in ("RGB", "RGBA", "L", "LA"):
        beeld = beeld.convert("RGBA")
    uit = io.BytesIO()
    beeld.save(uit, "PNG", optimize=True)
    return ContentFile(uit.getvalue(), name="logo.png")


@transaction.atomic
def audit_leg_besluit_vast(*, actor, audit: Audit, besluit: str, besluit_op: dt.date) -> Audit:
    """The body's decision on the audit (§6.4), recorded by its auditor in the portal."""
    _auditor_mag(actor, audit, Actie.AUDITBESLUIT)
    if besluit not in Audit.Besluit.values:
        raise ValidationError("Kies een besluit.")
    if audit.datum and besluit_op < audit.datum:
        raise ValidationError("Het besluit kan niet voor de audit liggen.")
    if besluit_op > timezone.localdate():
        raise ValidationError("Het besluit kan niet in de toekomst liggen.")
    with scope(werkgroep=audit.werkgroep):
        if Certificaat.objects.filter(audit=audit).exists() and besluit != Audit.Besluit.POSITIEF:
            raise ValidationError("Er is al een certificaat uitgegeven; schors of trek het in in plaats daarvan.")
        audit.besluit, audit.besluit_op = besluit, besluit_op
        audit.save(update_fields=["besluit", "besluit_op"])
        log_actie(
            werkgroep=audit.werkgroep,
            actor=actor,
            actie="audit.besluit",
            omschrijving=f"Auditor {actor.email} legde het besluit vast: {audit.get_besluit_display()} "
            f"({besluit_op:%d-%m-%Y})",
            audit=audit.pk,
        )
    return audit


@transaction.atomic
def certificaat_geef_uit(*, actor, audit: Audit, gegevens: dict, logo=None) -> Certificaat:
    """The body's auditor issues the certificate (§7), valid three years, or corrects the one issued.

    Refused (``ValidationError`` with the reasons) without a positive decision, with an open
    deviation, or when a ``certificaat.*`` rule fails for the certificate as it would be issued."""
    from kvo.toets import plus_jaren

    _auditor_mag(actor, audit, Actie.CERTIFICAAT_UITGEVEN)
    with scope(werkgroep=audit.werkgroep):
        redenen = weigeringen(audit)
        if redenen:
            raise ValidationError(["Uitgeven geweigerd.", *redenen])
        uitgegeven_op = gegevens["uitgegeven_op"]
        if audit.besluit_op and uitgegeven_op < audit.besluit_op:
            raise ValidationError("Uitgegeven op: het certificaat kan niet voor het besluit zijn uitgegeven.")
        if uitgegeven_op > timezone.localdate():
            raise ValidationError("Uitgegeven op: de datum kan niet in de toekomst liggen.")
        bestaand = Certificaat.objects.filter(audit=audit).first()
        if bestaand is not None and (bestaand.ingetrokken_op or bestaand.aangeleverd):
            raise ValidationError(
                "Dit certificaat is ingetrokken en kan niet opnieuw worden uitgegeven."
                if bestaand.ingetrokken_op
                else "De werkgroep heeft voor deze audit al een certificaat van de instelling aangeleverd."
            )
        ci = (audit.certificatie_instelling or "").strip()
        if not ci:
            raise ValidationError("De aanvraag noemt geen certificatie-instelling; de werkgroep vult die in.")
        nummer = gegevens["nummer"].strip()
        _nummer_vrij(ci, nummer, bestaand)
        if logo is None and not (bestaand and bestaand.logo):
            raise ValidationError("Voeg het logo van de certificatie-instelling toe.")
        logo_bestand = logo_verwerken(logo) if logo is not None else None
        c = bestaand or Certificaat(audit=audit, bron=Certificaat.Bron.INSTELLING)
        c.certificatie_instelling = ci
        c.nummer = nummer
        c.uitgegeven_op = uitgegeven_op
        c.geldig_tot = plus_jaren(uitgegeven_op, 3)
        c.naamstelling = gegevens["naamstelling"].strip()
        c.ondertekenaar = gegevens["ondertekenaar"].strip()
        c.functie_ondertekenaar = gegevens["functie_ondertekenaar"].strip()
        c.vastgelegd_door = actor
        c.save()
        falen = _regels_falen(c, timezone.localdate())
        if falen:  # the transaction rolls back: nothing is issued
            raise ValidationError(["Uitgeven geweigerd: het certificaat voldoet niet aan het handboek.", *falen])
        if logo_bestand is not None:
            c.logo.save(logo_bestand.name, logo_bestand, save=True)
        log_actie(
            werkgroep=audit.werkgroep,
            actor=actor,
            actie="certificaat.uitgegeven",
            omschrijving=f"{ci} gaf KVO-certificaat {nummer} uit, geldig tot {c.geldig_tot:%d-%m-%Y} "
            f"(auditor {actor.email})",
            audit=audit.pk,
        )
    return c


@transaction.atomic
def certificaat_wijzig_status(*, actor, certificaat: Certificaat, actie: str, datum=None) -> Certificaat:
    """The body's auditor suspends, lifts a suspension, or withdraws (for good) a certificate it issued."""
    audit = certificaat.audit
    _auditor_mag(actor, audit, Actie.CERTIFICAAT_UITGEVEN)
    if certificaat.aangeleverd:
        raise ValidationError(
            "Dit certificaat is door de werkgroep aangeleverd; de instelling beheert het buiten de applicatie."
        )
    if certificaat.ingetrokken_op:
        raise ValidationError("Dit certificaat is ingetrokken; dat kan niet worden teruggedraaid.")
    if actie == "schorsen":
        certificaat.geschorst, tekst = True, "geschorst"
    elif actie == "opheffen":
        certificaat.geschorst, tekst = False, "schorsing opgeheven"
    elif actie == "intrekken":
        certificaat.ingetrokken_op, tekst = datum or timezone.localdate(), "ingetrokken"
    else:
        raise ValidationError("Onbekende actie.")
    with scope(werkgroep=audit.werkgroep):
        certificaat.save(update_fields=["geschorst", "ingetrokken_op"])
        log_actie(
            werkgroep=audit.werkgroep,
            actor=actor,
            actie=f"certificaat.{actie}",
            omschrijving=f"KVO-certificaat {certificaat.nummer} {tekst} (auditor {actor.email})",
            audit=audit.pk,
        )
    return certificaat


@transaction.atomic
def certificaat_lever_aan(*, actor, audit: Audit, gegevens: dict, bestand) -> Certificaat:
    """The group records the certificate a body outside the product issued: the body's own PDF (through
    the archive's content checks), its number and dates. Shown as "aangeleverd door de werkgroep"."""
    if Certificaat.objects.filter(audit=audit, bron=Certificaat.Bron.INSTELLING).exists():
        raise ValidationError("De certificatie-instelling heeft het certificaat in de applicatie uitgegeven.")
    if audit.besluit != Audit.Besluit.POSITIEF:
        raise ValidationError("Een certificaat volgt op een positief besluit; leg dat eerst vast in het verslag.")
    if bestand is None:
        raise ValidationError("Voeg het certificaat van de instelling toe (PDF).")
    if controleer_document(bestand) != "pdf":
        raise ValidationError("Het certificaat moet het PDF-bestand van de certificatie-instelling zijn.")
    uitgegeven_op, geldig_tot = gegevens["uitgegeven_op"], gegevens["geldig_tot"]
    if geldig_tot <= uitgegeven_op:
        raise ValidationError("Geldig tot: die datum ligt na de datum van uitgifte.")
    if audit.besluit_op and uitgegeven_op < audit.besluit_op:
        raise ValidationError("Uitgegeven op: het certificaat kan niet voor het besluit zijn uitgegeven.")
    ci = gegevens["certificatie_instelling"].strip()
    nummer = gegevens["nummer"].strip()
    bestaand = Certificaat.objects.filter(audit=audit).first()
    _nummer_vrij(ci, nummer, bestaand)
    c = bestaand or Certificaat(audit=audit)
    c.bron = Certificaat.Bron.WERKGROEP
    c.certificatie_instelling = ci
    c.nummer = nummer
    c.uitgegeven_op = uitgegeven_op
    c.geldig_tot = geldig_tot
    c.naamstelling = gegevens["naamstelling"].strip()
    c.ondertekenaar = gegevens.get("ondertekenaar", "").strip()
    c.functie_ondertekenaar = gegevens.get("functie_ondertekenaar", "").strip()
    c.vastgelegd_door = actor
    c.bestand.save(bestand.name, bestand, save=False)
    c.save()
    log_actie(
        werkgroep=audit.werkgroep,
        actor=actor,
        actie="certificaat.aangeleverd",
        omschrijving=f"Certificaat {nummer} van {ci} aangeleverd door de werkgroep (PDF van de instelling)",
        audit=audit.pk,
    )
    return c
