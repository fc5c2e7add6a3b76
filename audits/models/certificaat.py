"""The KVO certificate (§7): decided and issued by the certification body, never by the work group.

A certificate comes from one of two sources (``bron``):

- ``instelling``: the body's auditor issued it through the auditor portal; the product renders it
  (one A4 page with the body's name and logo, and a QR code to its public verification page);
- ``werkgroep``: the body works outside the product and the group uploaded the body's own PDF and
  recorded its number and dates; the product shows it as "aangeleverd door de werkgroep" and hands
  out the uploaded PDF, never a rendering of its own.
"""

import os
import re
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from kvo.geschiedenis import Geschiedenis
from kvo.invoer import DATUM_VALIDATORS


def nieuw_publiek_id() -> str:
    """The verification page's id: 256 random bits, URL-safe (43 characters)."""
    return secrets.token_urlsafe(32)


def certificaat_pad(instance: "Certificaat", filename: str) -> str:
    """An unguessable storage name for the uploaded PDF or the body's logo."""
    extensie = re.sub(r"[^a-z0-9.]", "", os.path.splitext(filename)[1].lower())[:10]
    return f"audits/{instance.audit.werkgroep_id}/certificaten/{secrets.token_hex(16)}{extensie}"


def werkgroep_beeindigd_op(werkgroep, datum) -> bool:
    """Whether the work group had ended on ``datum`` (its certificate lapsed then)."""
    return werkgroep.status == werkgroep.Status.BEEINDIGD and (
        werkgroep.status_sinds is None or werkgroep.status_sinds <= datum
    )


class Certificaat(models.Model):
    """Valid three years from its issue date (to the same calendar date); the KVO mark may be shown
    only while a valid certificate is neither suspended nor withdrawn. A cluster gets one
    certificate with a generic name or all park names (never one per park)."""

    class Bron(models.TextChoices):
        INSTELLING = "instelling", _("uitgegeven door de certificatie-instelling")
        WERKGROEP = "werkgroep", _("aangeleverd door de werkgroep")

    audit = models.OneToOneField("audits.Audit", related_name="certificaat", on_delete=models.CASCADE)
    bron = models.CharField(_("bron"), max_length=12, choices=Bron.choices, default=Bron.INSTELLING)
    publiek_id = models.CharField(max_length=43, unique=True, default=nieuw_publiek_id, editable=False)
    certificatie_instelling = models.CharField(_("certificatie-instelling"), max_length=200)
    nummer = models.CharField(_("certificaatnummer"), max_length=60)
    uitgegeven_op = models.DateField(_("uitgegeven op"), validators=DATUM_VALIDATORS)
    geldig_tot = models.DateField(_("geldig tot"))
    naamstelling = models.CharField(_("naamstelling"), max_length=500)
    ondertekenaar = models.CharField(_("ondertekend door"), max_length=200)
    functie_ondertekenaar = models.CharField(_("functie"), max_length=200)
    geschorst = models.BooleanField(_("geschorst"), default=False)
    ingetrokken_op = models.DateField(_("ingetrokken op"), null=True, blank=True, validators=DATUM_VALIDATORS)
    logo = models.FileField(_("logo van de instelling"), upload_to=certificaat_pad, max_length=300, blank=True)
    bestand = models.FileField(_("certificaat (PDF)"), upload_to=certificaat_pad, max_length=300, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="+", on_delete=models.SET_NULL, null=True, blank=True
    )
    herinnering_12_op = models.DateField(null=True, blank=True)  # reminder 12 months before expiry, sent
    herinnering_6_op = models.DateField(null=True, blank=True)  # reminder 6 months before expiry, sent

    objects = ScopedManager(werkgroep="audit__werkgroep")
    history = Geschiedenis(werkgroep="audit__werkgroep", soort="certificaat")

    class Meta:
        verbose_name = _("certificaat")
        verbose_name_plural = _("certificaten")
        constraints = [
            models.UniqueConstraint(fields=["certificatie_instelling", "nummer"], name="certificaat_nummer_per_ci")
        ]

    def __str__(self) -> str:
        return f"KVO-certificaat {self.nummer}"

    @property
    def aangeleverd(self) -> bool:
        """Uploaded by the work group (the body's own PDF), not issued through the product."""
        return self.bron == self.Bron.WERKGROEP

    def is_geldig(self, datum) -> bool:
        """Valid on ``datum``: issued, not expired, not suspended, not withdrawn, and its work group
        not ended (the certificate lapses with the group)."""
        return (
            self.uitgegeven_op <= datum < self.geldig_tot
            and not self.geschorst
            and (self.ingetrokken_op is None or datum < self.ingetrokken_op)
            and not werkgroep_beeindigd_op(self.audit.werkgroep, datum)
        )

    def status(self, datum) -> str:
        """``ingetrokken``, ``geschorst``, ``verlopen``, ``nog niet geldig`` or ``geldig`` on ``datum``."""
        if self.ingetrokken_op is not None and self.ingetrokken_op <= datum:
            return "ingetrokken"
        if self.geschorst:
            return "geschorst"
        if datum >= self.geldig_tot:
            return "verlopen"
        if datum < self.uitgegeven_op:
            return "nog niet geldig"
        return "geldig"
