"""The yearly evaluation of the plan and the cooperation (§4.4), and the third-year one (§4.4.2)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from kvo.geschiedenis import Geschiedenis
from kvo.invoer import DATUM_VALIDATORS

# The four questions on the measures and the four on the cooperation (§4.4.1), and the two of the third
# year (§4.4.2): the handbook's own words, in its order (the auditor checks them against the handbook).
VRAGEN_MAATREGELEN = (
    ("maatregelen_uitgevoerd", _("Zijn de vooraf bepaalde maatregelen uitgevoerd?")),
    ("omstandigheden", _("Welke omstandigheden hebben bijgedragen aan het resultaat?")),
    ("reden_maatregelen", _("Wat is de reden van wel/niet behalen van maatregel?")),
    ("wijzigingen_plan", _("Zijn er wijzigingen in het plan van aanpak noodzakelijk?")),
)
VRAGEN_SAMENWERKING = (
    ("samenwerking", _("Hoe verloopt de samenwerking?")),
    ("taken_uitgevoerd", _("Hebben de verschillende partijen de taken uitgevoerd zoals afgesproken?")),
    ("acties_uitgevoerd", _("Zijn de maatregelen en acties uitgevoerd zoals afgesproken?")),
    ("reden_wijzigingen", _("Wat is de reden als er grote wijzigingen nodig zijn geweest in afgesproken maatregelen?")),
)
VRAGEN_DERDE_JAAR = (
    ("doelen_behaald", _("Welke doelstellingen zijn behaald / niet gehaald?")),
    ("reden_doelen", _("Wat is de belangrijkste reden van het behalen of (net) niet halen van de doelen?")),
)


class Evaluatie(models.Model):
    class Soort(models.TextChoices):
        JAARLIJKS = "jaarlijks", _("jaarlijkse evaluatie")
        DERDE_JAAR = "derde-jaar", _("evaluatie derde jaar")

    werkgroep = models.ForeignKey("werkgroepen.Werkgroep", related_name="evaluaties", on_delete=models.CASCADE)
    cyclus = models.ForeignKey("werkgroepen.Cyclus", related_name="evaluaties", on_delete=models.CASCADE)
    jaar = models.PositiveSmallIntegerField(
        _("jaar van de cyclus"), validators=[MinValueValidator(1), MaxValueValidator(3)]
    )
    datum = models.DateField(_("datum"), validators=DATUM_VALIDATORS)
    soort = models.CharField(_("soort"), max_length=10, choices=Soort.choices, default=Soort.JAARLIJKS)
    maatregelen_uitgevoerd = models.TextField(blank=True, null=True, max_length=10000)
    omstandigheden = models.TextField(blank=True, null=True, max_length=10000)
    reden_maatregelen = models.TextField(blank=True, null=True, max_length=10000)
    wijzigingen_plan = models.TextField(blank=True, null=True, max_length=10000)
    samenwerking = models.TextField(blank=True, null=True, max_length=10000)
    taken_uitgevoerd = models.TextField(blank=True, null=True, max_length=10000)
    acties_uitgevoerd = models.TextField(blank=True, null=True, max_length=10000)
    reden_wijzigingen = models.TextField(blank=True, null=True, max_length=10000)
    doelen_behaald = models.TextField(blank=True, null=True, max_length=10000)
    reden_doelen = models.TextField(blank=True, null=True, max_length=10000)
    verbeterpunten = models.JSONField(_("verbeterpunten"), default=list, blank=True)

    objects = ScopedManager(werkgroep="werkgroep")
    history = Geschiedenis(werkgroep="werkgroep", soort="evaluatie")

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        ordering = ["cyclus", "jaar"]
        constraints = [
            models.UniqueConstraint(fields=["cyclus", "jaar"], name="evaluatie_een_per_jaar"),
            models.CheckConstraint(condition=models.Q(jaar__gte=1, jaar__lte=3), name="evaluatie_jaar_1_3"),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} jaar {self.jaar} ({self.datum:%d-%m-%Y})"

    def onbeantwoord(self) -> list[str]:
        """The questions of §4.4.1 (and §4.4.2 for the third year) left empty."""
        vragen = [*VRAGEN_MAATREGELEN, *VRAGEN_SAMENWERKING]
        if self.soort == self.Soort.DERDE_JAAR:
            vragen += list(VRAGEN_DERDE_JAAR)
        return [str(tekst) for veld, tekst in vragen if not (getattr(self, veld) or "").strip()]
