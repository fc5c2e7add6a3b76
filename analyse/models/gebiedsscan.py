"""PVO's area scan (gebiedsscan, seed §1.8): each stakeholder presents its picture of the park, the
top 3 phenomena it sees (dumped waste, vandalism, vacancy, …), at the presentation of the current
situation (``pvo.gebiedsscan``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

MAX_FENOMENEN = 3


class Gebiedsscan(models.Model):
    werkgroep = models.ForeignKey("werkgroepen.Werkgroep", related_name="gebiedsscans", on_delete=models.CASCADE)
    cyclus = models.ForeignKey("werkgroepen.Cyclus", related_name="gebiedsscans", on_delete=models.CASCADE)
    partij = models.ForeignKey(
        "werkgroepen.Partij", related_name="gebiedsscans", on_delete=models.CASCADE, verbose_name=_("stakeholder")
    )
    # the top 3, most important first: ["Afvaldumpingen", "Leegstand", "Crossen"]
    fenomenen = models.JSONField(_("top 3 van fenomenen"), default=list, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True, max_length=4000)
    bijeenkomst = models.ForeignKey(
        "werkgroepen.Bijeenkomst",
        related_name="gebiedsscans",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("gepresenteerd in de bijeenkomst"),
    )
    extra = models.JSONField(_("extra dossiervelden"), default=dict, blank=True)

    objects = ScopedManager(werkgroep="werkgroep")

    class Meta:
        verbose_name = _("gebiedsscan")
        verbose_name_plural = _("gebiedsscans")
        ordering = ["cyclus", "partij__naam", "pk"]
        constraints = [models.UniqueConstraint(fields=["cyclus", "partij"], name="gebiedsscan_uniek_partij")]

    def __str__(self) -> str:
        return f"Gebiedsscan {self.partij}"
