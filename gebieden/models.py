"""The KVO area: one business park, or a cluster of at most four (handbook §3.1, §3.1.1).

A work group's area is the set of its ``Bedrijventerrein`` rows; with more than one park it is
a cluster. Boundaries are GeoJSON geometries (Polygon or MultiPolygon, WGS84 lon/lat).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from kvo.db import DossierRecord
from kvo.geschiedenis import Geschiedenis


class Bedrijventerrein(DossierRecord):
    werkgroep = models.ForeignKey("werkgroepen.Werkgroep", related_name="terreinen", on_delete=models.CASCADE)
    naam = models.CharField(_("naam"), max_length=200)
    gemeente = models.CharField(_("gemeente"), max_length=120)
    grens = models.JSONField(_("grens (GeoJSON)"), null=True, blank=True)
    # PVO (pvo.gebied): the park's postcodes with their house numbers, used to ask the police for
    # figures: [{"postcode": "7418 AB", "huisnummers": "1-35, 40"}, …]
    postcodes = models.JSONField(_("postcodes en huisnummers"), default=list, blank=True)

    objects = ScopedManager(werkgroep="werkgroep")
    history = Geschiedenis(werkgroep="werkgroep", soort="terrein")

    class Meta:
        verbose_name = _("bedrijventerrein")
        verbose_name_plural = _("bedrijventerreinen")
        ordering = ["naam"]
        constraints = [models.UniqueConstraint(fields=["werkgroep", "ref"], name="terrein_uniek_ref")]

    def __str__(self) -> str:
        return self.naam


class Ondernemer(DossierRecord):
    """An entrepreneur in a park's register: the count behind the 600 limit and the survey thresholds."""

    terrein = models.ForeignKey(Bedrijventerrein, related_name="ondernemers", on_delete=models.CASCADE)
    naam = models.CharField(_("naam"), max_length=200)
    adres = models.CharField(_("adres"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    huisnummer = models.CharField(_("huisnummer"), max_length=12, blank=True)
    plaats = models.CharField(_("plaats"), max_length=100, blank=True)  # the letter's address line
    email = models.EmailField(_("e-mailadres"), blank=True, null=True)
    lid_ondernemersvereniging = models.BooleanField(_("lid ondernemersvereniging"), null=True, blank=True)

    objects = ScopedManager(werkgroep="terrein__werkgroep")
    history = Geschiedenis(werkgroep="terrein__werkgroep", soort="ondernemer")

    class Meta:
        verbose_name = _("ondernemer")
        verbose_name_plural = _("ondernemers")
        ordering = ["naam"]
        constraints = [models.UniqueConstraint(fields=["terrein", "ref"], name="ondernemer_uniek_ref")]

    def __str__(self) -> str:
        return self.naam


class AangrenzendeLocatie(models.Model):
    """A location next to the area (sports park, station, school): shown, not part of the area."""

    werkgroep = models.ForeignKey(
        "werkgroepen.Werkgroep", related_name="aangrenzende_locaties", on_delete=models.CASCADE
    )
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=80, blank=True)
    grens = models.JSONField(_("grens (GeoJSON)"), null=True, blank=True)

    objects = ScopedManager(werkgroep="werkgroep")
    history = Geschiedenis(werkgroep="werkgroep", soort="aangrenzende-locatie")

    class Meta:
        verbose_name = _("aangrenzende locatie")
        verbose_name_plural = _("aangrenzende locaties")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam
