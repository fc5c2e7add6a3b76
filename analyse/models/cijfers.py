"""Incident figures from the police, fire service, municipality and others (§4.1.2)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from kvo.geschiedenis import Geschiedenis
from kvo.invoer import DATUM_VALIDATORS, tussen

MAX_AANTAL = 100_000  # more than any source counts for one area in a period: a typing error


class Herkomst(models.TextChoices):
    EIGEN = "", _("ingevoerd of eigen bestand")
    CBS = "cbs", _("open data (CBS)")
    MOR = "mor", _("meldingen openbare ruimte (gemeente)")


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
    # Where a figure came from when it was not typed or imported from the group's own file: CBS open
    # data (registered crime per neighbourhood) or the municipality's export of its MOR reports.
    herkomst = models.CharField(_("herkomst"), max_length=8, choices=Herkomst.choices, blank=True, default="")
    gebiedscode = models.CharField(_("buurtcode"), max_length=12, blank=True, default="")
    gebiedsnaam = models.CharField(_("buurt"), max_length=120, blank=True, default="")
    # CBS withholds small counts (null in its table): kept as such, ``aantal`` 0 is then no count.
    afgeschermd = models.BooleanField(_("afgeschermd (klein aantal)"), default=False)
    # A kind of crime (CBS ``SoortMisdrijf`` other than the total) imported next to the total of the
    # same neighbourhood and period: shown, but not added up again in totals and the trend per source.
    deel_van_totaal = models.BooleanField(_("telt al mee in het totaal"), default=False)

    objects = ScopedManager(werkgroep="werkgroep")
    history = Geschiedenis(werkgroep="werkgroep", soort="cijfer")

    class Meta:
        verbose_name = _("cijfer")
        verbose_name_plural = _("cijfers")
        ordering = ["bron", "periode_van", "categorie", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(periode_tot__gte=models.F("periode_van")), name="cijfer_periode"),
        ]

    Herkomst = Herkomst

    def __str__(self) -> str:
        return f"{self.get_bron_display()}: {self.categorie} {self.periode_van:%d-%m-%Y}–{self.periode_tot:%d-%m-%Y}"


class Buurt(models.Model):
    """A CBS neighbourhood (or district) the work group chose: its figures count for the area.

    Proposed from the CBS *wijk- en buurtkaart* (the outlines that intersect a park's), confirmed by
    a person. ``grens`` is the outline in WGS84 lon/lat, simplified, for the map.
    """

    werkgroep = models.ForeignKey("werkgroepen.Werkgroep", related_name="buurten", on_delete=models.CASCADE)
    code = models.CharField(_("code"), max_length=12)
    naam = models.CharField(_("naam"), max_length=120)
    terrein = models.ForeignKey(
        "gebieden.Bedrijventerrein", related_name="buurten", on_delete=models.SET_NULL, null=True, blank=True
    )
    grens = models.JSONField(_("grens (GeoJSON)"), null=True, blank=True)

    objects = ScopedManager(werkgroep="werkgroep")

    class Meta:
        verbose_name = _("buurt")
        verbose_name_plural = _("buurten")
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["werkgroep", "code"], name="buurt_uniek_code")]

    def __str__(self) -> str:
        return f"{self.naam} ({self.code})"
