"""PVO's waardering (seed §1.3, §1.8): where a KVO cycle ends in an audit and a certificate, a PVO
group's first year ends in an appreciation signed by the authorised signatory of every
participating organisation, handed to every member and signatory at a (festive) meeting with the
stakeholders, with the continuity of the cooperation and the municipality's committed capacity
confirmed (``pvo.waardering``). After it the group continues on its own, quarter by quarter."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from kvo.invoer import DATUM_VALIDATORS


class Waardering(models.Model):
    werkgroep = models.ForeignKey("werkgroepen.Werkgroep", related_name="waarderingen", on_delete=models.CASCADE)
    # the PVO cycle whose first year it ends
    cyclus = models.OneToOneField("werkgroepen.Cyclus", related_name="waardering", on_delete=models.CASCADE)
    gepland_op = models.DateField(_("gepland op"), null=True, blank=True, validators=DATUM_VALIDATORS)
    gehouden_op = models.DateField(_("gehouden op"), null=True, blank=True, validators=DATUM_VALIDATORS)
    bijeenkomst = models.ForeignKey(
        "werkgroepen.Bijeenkomst",
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("bijeenkomst van de waardering"),
    )
    continuiteit_bevestigd = models.BooleanField(_("continuïteit van de samenwerking bevestigd"), default=False)
    capaciteit_bevestigd = models.BooleanField(_("toegezegde (ambtelijke) capaciteit bevestigd"), default=False)
    # the day every member and signatory received the appreciation (the PDF per person)
    uitgereikt_op = models.DateField(_("uitgereikt op"), null=True, blank=True, validators=DATUM_VALIDATORS)
    persbericht_op = models.DateField(_("persbericht op"), null=True, blank=True, validators=DATUM_VALIDATORS)
    extra = models.JSONField(_("extra dossiervelden"), default=dict, blank=True)

    objects = ScopedManager(werkgroep="werkgroep")

    class Meta:
        verbose_name = _("waardering")
        verbose_name_plural = _("waarderingen")
        ordering = ["werkgroep", "cyclus"]

    def __str__(self) -> str:
        return f"Waardering {self.werkgroep}"


class Ondertekenaar(models.Model):
    """The authorised signatory of one participating organisation (a party) on the waardering."""

    waardering = models.ForeignKey(Waardering, related_name="ondertekenaars", on_delete=models.CASCADE)
    partij = models.ForeignKey(
        "werkgroepen.Partij", related_name="ondertekeningen", on_delete=models.CASCADE, verbose_name=_("organisatie")
    )
    naam = models.CharField(_("naam"), max_length=200)
    functie = models.CharField(_("functie"), max_length=200, blank=True)
    getekend_op = models.DateField(_("getekend op"), null=True, blank=True, validators=DATUM_VALIDATORS)

    objects = ScopedManager(werkgroep="waardering__werkgroep")

    class Meta:
        verbose_name = _("ondertekenaar")
        verbose_name_plural = _("ondertekenaars")
        ordering = ["waardering", "partij__naam", "pk"]
        constraints = [models.UniqueConstraint(fields=["waardering", "partij"], name="ondertekenaar_uniek_partij")]

    def __str__(self) -> str:
        return f"{self.naam} ({self.partij})"
