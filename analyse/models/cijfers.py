"""Incident figures from the police, fire service, municipality and others (§4.1.2)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from kvo.geschiedenis import Geschiedenis
from kvo.invoer import DATUM_VALIDATORS, tussen

MAX_AANTAL = 100_000  # more than any source counts for one area in a period: a typing error


class Cijfer(models.Model):
    """One count: a source's reports or incidents of a category over a period, for (part of) the area."""

    class Bron(models.TextChoices):
        POLITIE = "politie", _("politie")
        BRANDWEER = "brandweer", _("brandweer")
        GEMEENTE = "gemeente", _("gemeente")
        BEVEILIGING = "beveiliging", _("beveiliging")
        OVERIG = "overig", _("overig")

    class Soort(models.TextChoices):
        AANGIFTE = "aangifte", _("aangifte")
        MELDING = "melding", _("melding")
        INCIDENT = "incident", _("incident")
        OVERIG = "overig", _("overig")

    class Deelgebied(models.TextChoices):
        BEDRIJVENTERREIN = "bedrijventerrein", _("bedrijventerrein")
        OVERIG = "overig", _("overig (buiten het terrein)")
        ONBEKEND = "onbekend", _("onbekend")

    werkgroep = models.ForeignKey("werkgroepen.Werkgroep", related_name="cijfers", on_delete=models.CASCADE)
    cyclus = models.ForeignKey("werkgroepen.Cyclus", related_name="cijfers", on_delete=models.CASCADE)
    bron = models.CharField(_("bron"), max_length=12, choices=Bron.choices)
    soort = models.CharField(_("soort"), max_length=10, choices=Soort.choices, default=Soort.MELDING)
    categorie = models.CharField(_("categorie"), max_length=120)
    periode_van = models.DateField(_("periode van"), validators=DATUM_VALIDATORS)
    periode_tot = models.DateField(_("periode tot en met"), validators=DATUM_VALIDATORS)
    aantal = models.PositiveIntegerField(_("aantal"), validators=tussen(0, MAX_AANTAL))
    deelgebied = models.CharField(
        _("deelgebied"), max_length=16, choices=Deelgebied.choices, default=Deelgebied.BEDRIJVENTERREIN
    )
    terrein = models.ForeignKey(
        "gebieden.Bedrijventerrein",
        related_name="cijfers",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("bedrijventerrein"),
    )
    afgehandeld = models.PositiveIntegerField(
        _("waarvan afgehandeld"), null=True, blank=True, validators=tussen(0, MAX_AANTAL)
    )

    objects = ScopedManager(werkgroep="werkgroep")
    history = Geschiedenis(werkgroep="werkgroep", soort="cijfer")

    class Meta:
        verbose_name = _("cijfer")
        verbose_name_plural = _("cijfers")
        ordering = ["bron", "periode_van", "categorie", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(periode_tot__gte=models.F("periode_van")), name="cijfer_periode"),
        ]

    def __str__(self) -> str:
        return f"{self.get_bron_display()}: {self.categorie} {self.periode_van:%d-%m-%Y}–{self.periode_tot:%d-%m-%Y}"
