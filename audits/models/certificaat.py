"""The KVO certificate (§7): issued by the certification body after a positive decision."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from kvo.geschiedenis import Geschiedenis
from kvo.invoer import DATUM_VALIDATORS


class Certificaat(models.Model):
    """Valid three years from its issue date (to the same calendar date); the KVO mark may be shown
    only while a valid certificate is neither suspended nor withdrawn. A cluster gets one
    certificate with a generic name or all park names (never one per park)."""

    audit = models.OneToOneField("audits.Audit", related_name="certificaat", on_delete=models.CASCADE)
    certificatie_instelling = models.CharField(_("certificatie-instelling"), max_length=200)
    nummer = models.CharField(_("certificaatnummer"), max_length=60)
    uitgegeven_op = models.DateField(_("uitgegeven op"), validators=DATUM_VALIDATORS)
    geldig_tot = models.DateField(_("geldig tot"))
    naamstelling = models.CharField(_("naamstelling"), max_length=500)
    ondertekenaar = models.CharField(_("ondertekend door"), max_length=200)
    functie_ondertekenaar = models.CharField(_("functie"), max_length=200)
    geschorst = models.BooleanField(_("geschorst"), default=False)
    ingetrokken_op = models.DateField(_("ingetrokken op"), null=True, blank=True, validators=DATUM_VALIDATORS)
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

    def is_geldig(self, datum) -> bool:
        """Valid on ``datum``: issued, not expired, not suspended, not withdrawn, and its work group
        not ended (the certificate lapses with the group)."""
        from audits.services import werkgroep_beeindigd_op

        return (
            self.uitgegeven_op <= datum < self.geldig_tot
            and not self.geschorst
            and (self.ingetrokken_op is None or datum < self.ingetrokken_op)
            and not werkgroep_beeindigd_op(self.audit.werkgroep, datum)
        )
