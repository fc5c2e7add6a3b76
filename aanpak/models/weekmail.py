"""The weekly "Mijn acties" mail: a ledger row per member and week, and the members who opted out."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class Weekmail(models.Model):
    """Claimed (``bezig``) before the mail goes out, so a retried task or a second worker never
    sends a member the same week's mail twice (unique per member and week)."""

    class Status(models.TextChoices):
        BEZIG = "bezig", _("wordt verstuurd")
        VERSTUURD = "verstuurd", _("verstuurd")
        MISLUKT = "mislukt", _("mislukt")

    werkgroep = models.ForeignKey("werkgroepen.Werkgroep", related_name="+", on_delete=models.CASCADE)
    lid = models.ForeignKey("werkgroepen.Lid", related_name="weekmails", on_delete=models.CASCADE)
    week = models.DateField(_("maandag van de week"))
    claim = models.UUIDField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.BEZIG)
    reden = models.CharField(max_length=300, blank=True)

    objects = ScopedManager(werkgroep="werkgroep")

    class Meta:
        verbose_name = _("weekoverzicht")
        verbose_name_plural = _("weekoverzichten")
        constraints = [models.UniqueConstraint(fields=["lid", "week"], name="weekmail_een_per_lid_per_week")]

    def __str__(self) -> str:
        return f"Weekoverzicht {self.week:%d-%m-%Y} ({self.get_status_display()})"


class WeekmailAfmelding(models.Model):
    """A member who does not want the weekly mail."""

    werkgroep = models.ForeignKey("werkgroepen.Werkgroep", related_name="+", on_delete=models.CASCADE)
    lid = models.OneToOneField("werkgroepen.Lid", related_name="weekmail_afmelding", on_delete=models.CASCADE)
    sinds = models.DateField(auto_now_add=True)

    objects = ScopedManager(werkgroep="werkgroep")

    def __str__(self) -> str:
        return f"Afgemeld voor het weekoverzicht sinds {self.sinds:%d-%m-%Y}"
