"""The conclusion of the safety analysis: prioritised themes and the written conclusion (§4.1.4)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from kvo.geschiedenis import Geschiedenis
from kvo.invoer import DATUM_VALIDATORS, tussen


class Conclusie(models.Model):
    werkgroep = models.ForeignKey("werkgroepen.Werkgroep", related_name="conclusies", on_delete=models.CASCADE)
    cyclus = models.OneToOneField("werkgroepen.Cyclus", related_name="conclusie", on_delete=models.CASCADE)
    samenvatting = models.TextField(_("samenvatting"), blank=True, null=True, max_length=20000)
    conclusie = models.TextField(_("conclusie"), blank=True, null=True, max_length=20000)
    vastgesteld_op = models.DateField(_("vastgesteld op"), null=True, blank=True, validators=DATUM_VALIDATORS)
    vastgesteld_in = models.ForeignKey(
        "werkgroepen.Bijeenkomst",
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("vastgesteld in de bijeenkomst"),
    )
    extra = models.JSONField(_("extra dossiervelden"), default=dict, blank=True)

    objects = ScopedManager(werkgroep="werkgroep")
    history = Geschiedenis(werkgroep="werkgroep", soort="conclusie")

    class Meta:
        verbose_name = _("conclusie veiligheidsanalyse")
        verbose_name_plural = _("conclusies veiligheidsanalyse")

    def __str__(self) -> str:
        return f"Conclusie veiligheidsanalyse cyclus {self.cyclus.nummer}"


class Prioriteit(models.Model):
    """A theme's priority: likelihood × impact (1–10 each) and the cycle year it is taken up."""

    conclusie = models.ForeignKey(Conclusie, related_name="prioriteiten", on_delete=models.CASCADE)
    thema = models.CharField(_("thema"), max_length=120)
    risicokans = models.PositiveSmallIntegerField(
        _("kans"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    ernst = models.PositiveSmallIntegerField(
        _("impact"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    toelichting = models.TextField(_("toelichting"), blank=True, max_length=2000)
    jaar = models.PositiveSmallIntegerField(
        _("aanpakken in jaar"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(3)]
    )
    volgorde = models.PositiveIntegerField(default=0, validators=tussen(0, 1_000_000))

    objects = ScopedManager(werkgroep="conclusie__werkgroep")
    history = Geschiedenis(werkgroep="conclusie__werkgroep", soort="prioriteit")

    class Meta:
        verbose_name = _("prioriteit")
        verbose_name_plural = _("prioriteiten")
        ordering = ["conclusie", "volgorde", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["conclusie", "thema"], name="prioriteit_uniek_thema"),
            models.CheckConstraint(
                condition=models.Q(risicokans__isnull=True) | models.Q(risicokans__gte=1, risicokans__lte=10),
                name="prioriteit_kans_1_10",
            ),
            models.CheckConstraint(
                condition=models.Q(ernst__isnull=True) | models.Q(ernst__gte=1, ernst__lte=10),
                name="prioriteit_ernst_1_10",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.thema}: {self.score or '–'}"

    @property
    def score(self) -> int | None:
        if self.risicokans is None or self.ernst is None:
            return None
        return self.risicokans * self.ernst
