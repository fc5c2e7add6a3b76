"""Audits and the time-limited access an auditor gets to one audit's document set (§5, §6)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class Audit(models.Model):
    class Soort(models.TextChoices):
        EERSTE = "eerste", _("eerste audit")
        OPVOLGENDE = "opvolgende", _("opvolgende audit")

    werkgroep = models.ForeignKey("werkgroepen.Werkgroep", related_name="audits", on_delete=models.CASCADE)
    cyclus = models.ForeignKey("werkgroepen.Cyclus", related_name="audits", on_delete=models.CASCADE)
    soort = models.CharField(_("soort"), max_length=12, choices=Soort.choices, default=Soort.EERSTE)
    datum = models.DateField(_("auditdatum"), null=True, blank=True)
    certificatie_instelling = models.CharField(_("certificatie-instelling"), max_length=200, blank=True)

    objects = ScopedManager(werkgroep="werkgroep")

    class Meta:
        verbose_name = _("audit")
        verbose_name_plural = _("audits")
        ordering = ["-datum"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.datum or ''}".strip()


class AuditorToegang(models.Model):
    """The time limit and history of an auditor's guardian grant ``audits.view_audit`` on one audit.

    The grant itself lives in django-guardian; this row says until when it holds, who gave it,
    and when it was withdrawn. Access needs both the grant and a row that has not expired.
    """

    audit = models.ForeignKey(Audit, related_name="toegang", on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, related_name="auditor_toegang", on_delete=models.CASCADE)
    geldig_tot = models.DateTimeField(_("geldig tot"))
    verleend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="+", on_delete=models.SET_NULL, null=True, blank=True
    )
    verleend_op = models.DateTimeField(auto_now_add=True)
    ingetrokken_op = models.DateTimeField(null=True, blank=True)

    objects = ScopedManager(werkgroep="audit__werkgroep")

    class Meta:
        verbose_name = _("auditortoegang")
        verbose_name_plural = _("auditortoegang")

    def __str__(self) -> str:
        return f"{self.user} → {self.audit} tot {self.geldig_tot:%d-%m-%Y}"
