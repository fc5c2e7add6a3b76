"""The plan of approach: SMART goals per theme and the measures matrix (§4.2, §4.3)."""

import math

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from kvo.db import DossierRecord
from kvo.geschiedenis import Geschiedenis
from kvo.invoer import DATUM_VALIDATORS, tussen


class Plan(models.Model):
    """One plan per cycle; adopted by the work group at a meeting (``pva.vastgesteld``)."""

    werkgroep = models.ForeignKey("werkgroepen.Werkgroep", related_name="plannen", on_delete=models.CASCADE)
    cyclus = models.OneToOneField("werkgroepen.Cyclus", related_name="plan", on_delete=models.CASCADE)
    vastgesteld_op = models.DateField(_("vastgesteld op"), null=True, blank=True, validators=DATUM_VALIDATORS)
    vastgesteld_in = models.ForeignKey(
        "werkgroepen.Bijeenkomst",
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("vastgesteld in de bijeenkomst"),
    )
    vernieuwd_van = models.ForeignKey(
        "self", related_name="+", on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("vernieuwing van")
    )
    # PVO's execution plan (uitvoeringsplan): the roles divided among the participants
    # (pvo.uitvoeringsplan) and the activity calendar's adoption (pvo.activiteitenkalender)
    rolverdeling = models.TextField(_("verdeling van de rollen"), blank=True, max_length=10000)
    kalender_vastgesteld_op = models.DateField(
        _("activiteitenkalender vastgesteld op"), null=True, blank=True, validators=DATUM_VALIDATORS
    )
    extra = models.JSONField(_("extra dossiervelden"), default=dict, blank=True)

    objects = ScopedManager(werkgroep="werkgroep")
    history = Geschiedenis(werkgroep="werkgroep", soort="plan")

    class Meta:
        verbose_name = _("plan van aanpak")
        verbose_name_plural = _("plannen van aanpak")

    def __str__(self) -> str:
        return f"Plan van aanpak cyclus {self.cyclus.nummer}"


def _is_getal(waarde) -> bool:
    return isinstance(waarde, int | float) and not isinstance(waarde, bool) and math.isfinite(waarde)


class Doelstelling(DossierRecord):
    """A SMART goal for one theme (§4.2.1). ``meetbaar`` names a norm; where the norm is a number,
    ``nulmeting`` is the baseline and ``streefwaarde`` the target; ``blok`` is the survey topic
    block whose figure is the norm (the baseline is filled from the survey's results)."""

    class Norm(models.TextChoices):
        PERCENTAGE = "percentage", _("een percentage")
        AANTAL = "aantal", _("een aantal")
        EENMALIG = "eenmalig", _("een eenmalige actie")
        ZICHTBAAR = "zichtbaar", _("een zichtbaar effect")

    plan = models.ForeignKey(Plan, related_name="doelstellingen", on_delete=models.CASCADE)
    thema = models.CharField(_("thema"), max_length=120)
    titel = models.CharField(_("doelstelling"), max_length=300)
    specifiek = models.TextField(_("specifiek"), blank=True, null=True, max_length=4000)
    meetbaar = models.TextField(_("meetbaar"), blank=True, null=True, max_length=4000)
    norm = models.CharField(_("soort norm"), max_length=10, choices=Norm.choices, blank=True)
    blok = models.PositiveSmallIntegerField(
        _("onderwerpblok van de enquête"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(44)],
    )
    nulmeting = models.FloatField(
        _("nulmeting"), null=True, blank=True, validators=[MinValueValidator(-1e9), MaxValueValidator(1e9)]
    )
    streefwaarde = models.FloatField(
        _("streefwaarde"), null=True, blank=True, validators=[MinValueValidator(-1e9), MaxValueValidator(1e9)]
    )
    acceptabel = models.TextField(_("acceptabel"), blank=True, null=True, max_length=4000)
    realistisch = models.TextField(_("realistisch"), blank=True, null=True, max_length=4000)
    tijdgebonden = models.DateField(_("tijdgebonden (gereed op)"), null=True, blank=True, validators=DATUM_VALIDATORS)
    behaald = models.BooleanField(_("behaald"), null=True, blank=True)
    volgorde = models.PositiveIntegerField(default=0, validators=tussen(0, 1_000_000))

    objects = ScopedManager(werkgroep="plan__werkgroep")
    history = Geschiedenis(werkgroep="plan__werkgroep", soort="doelstelling")

    class Meta:
        verbose_name = _("doelstelling")
        verbose_name_plural = _("doelstellingen")
        ordering = ["plan", "volgorde", "pk"]
        constraints = [models.UniqueConstraint(fields=["plan", "ref"], name="doelstelling_uniek_ref")]

    def __str__(self) -> str:
        return self.titel

    @property
    def soort_norm(self) -> str:
        """The kind of norm "meetbaar" names: ``norm`` where recorded; without it, a goal whose baseline
        and target are both numbers measures a number — a percentage where "meetbaar" says so (a
        dossier written to the schema by another tool need not know ``norm``). "" when neither."""
        if self.norm:
            return self.norm
        if _is_getal(self.nulmeting) and _is_getal(self.streefwaarde):
            meetbaar = (self.meetbaar or "").lower()
            return self.Norm.PERCENTAGE if "%" in meetbaar or "procent" in meetbaar else self.Norm.AANTAL
        return ""

    @property
    def ontbrekend(self) -> list[str]:
        """The SMART letters this goal misses (``pva.smart``)."""
        mist = []
        if not (self.specifiek or "").strip():
            mist.append("specifiek")
        if not (self.meetbaar or "").strip():
            mist.append("meetbaar")
        elif not self.soort_norm:
            mist.append("meetbaar (de soort norm)")
        for letter, waarde in (
            ("acceptabel", self.acceptabel),
            ("realistisch", self.realistisch),
        ):
            if not (waarde or "").strip():
                mist.append(letter)
        if self.tijdgebonden is None:
            mist.append("tijdgebonden")
        return mist


class Maatregel(DossierRecord):
    """A measure of the matrix (§4.2.4): who does it in which quarters, and whether it happened.

    ``versie`` goes up with every save; a form carries the version it was read at, so a second
    member saving the same measure gets a conflict instead of overwriting the first.
    ``jaar`` is the year of the cycle of a fixed yearly measure (§4.2.5): those cannot be removed,
    only rescheduled within their year.
    """

    class Soort(models.TextChoices):
        REGULIER = "regulier", _("maatregel")
        SCHOUWPUNT = "schouwpunt", _("uit de schouw")
        COMMUNICATIE = "communicatie", _("communicatie naar ondernemers")
        VAST_DAGSCHOUW = "vast-dagschouw", _("vast: dagschouw")
        VAST_AVONDSCHOUW = "vast-avondschouw", _("vast: avondschouw")
        VAST_EVALUATIE = "vast-evaluatie", _("vast: tussentijdse evaluatie")
        VAST_COMMUNICATIE = "vast-communicatie", _("vast: communicatie naar ondernemers")
        VAST_CIJFERS = "vast-cijfers", _("vast: aanlevering incidentcijfers")

    class Status(models.TextChoices):
        GEPLAND = "gepland", _("gepland")
        LOPEND = "lopend", _("loopt")
        UITGEVOERD = "uitgevoerd", _("uitgevoerd")
        VERVALLEN = "vervallen", _("vervallen")

    class Deskundigheid(models.TextChoices):
        INTERN = "intern", _("in de werkgroep")
        EXTERN = "extern", _("extern")

    plan = models.ForeignKey(Plan, related_name="maatregelen", on_delete=models.CASCADE)
    doelstelling = models.ForeignKey(
        Doelstelling,
        related_name="maatregelen",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("doelstelling"),
    )
    titel = models.CharField(_("maatregel"), max_length=300)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices, default=Soort.REGULIER)
    schouwpunt = models.ForeignKey(
        "analyse.Schouwpunt",
        related_name="maatregelen",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("schouwpunt"),
    )
    verantwoordelijke = models.ForeignKey(
        "werkgroepen.Partij",
        related_name="maatregelen",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("verantwoordelijke partij"),
    )
    kwartalen = models.JSONField(_("kwartalen"), default=list, blank=True)
    # PVO: an integral action (all partners together) rather than one partner's own
    integraal = models.BooleanField(_("integrale actie"), default=False)
    jaar = models.PositiveSmallIntegerField(
        _("jaar van de cyclus"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(3)]
    )
    benodigde_tijd = models.CharField(_("benodigde tijd"), max_length=200, blank=True, null=True)
    deskundigheid = models.CharField(
        _("deskundigheid"), max_length=6, choices=Deskundigheid.choices, blank=True, null=True
    )
    voortgangsmeting = models.TextField(_("hoe wordt de voortgang vastgesteld"), blank=True, null=True, max_length=4000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.GEPLAND)
    uitgevoerd_op = models.DateField(_("uitgevoerd op"), null=True, blank=True, validators=DATUM_VALIDATORS)
    wijziging_reden = models.TextField(_("reden van wijziging of vervallen"), blank=True, null=True, max_length=4000)
    bron_evaluatie = models.ForeignKey(
        "aanpak.Evaluatie",
        related_name="maatregelen",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("verbeterpunt uit de evaluatie"),
    )
    versie = models.PositiveIntegerField(default=1, validators=tussen(1, 10**9))
    volgorde = models.PositiveIntegerField(default=0, validators=tussen(0, 1_000_000))

    objects = ScopedManager(werkgroep="plan__werkgroep")
    history = Geschiedenis(werkgroep="plan__werkgroep", soort="maatregel")

    class Meta:
        verbose_name = _("maatregel")
        verbose_name_plural = _("maatregelen")
        ordering = ["plan", "volgorde", "pk"]
        constraints = [models.UniqueConstraint(fields=["plan", "ref"], name="maatregel_uniek_ref")]

    def __str__(self) -> str:
        return self.titel

    @property
    def is_vast(self) -> bool:
        return self.soort.startswith("vast-")

    @property
    def is_afgerond(self) -> bool:
        return self.status in (self.Status.UITGEVOERD, self.Status.VERVALLEN)

    @property
    def ontbrekend(self) -> list[str]:
        """The fields ``pva.maatregel-velden`` asks that this measure misses."""
        mist = []
        if self.verantwoordelijke_id is None:
            mist.append("verantwoordelijke")
        if not self.kwartalen:
            mist.append("kwartalen")
        if not (self.benodigde_tijd or "").strip():
            mist.append("benodigde tijd")
        if not self.deskundigheid:
            mist.append("deskundigheid")
        if not (self.voortgangsmeting or "").strip():
            mist.append("voortgangsmeting")
        return mist


class Voortgang(models.Model):
    """A progress note on a measure (§4.3.1), optionally recorded in a meeting's minutes."""

    maatregel = models.ForeignKey(Maatregel, related_name="voortgang", on_delete=models.CASCADE)
    datum = models.DateField(_("datum"), validators=DATUM_VALIDATORS)
    tekst = models.TextField(_("voortgang"), max_length=4000)
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="+", on_delete=models.SET_NULL, null=True, blank=True
    )
    auteur_naam = models.CharField(_("door"), max_length=200, blank=True)
    bijeenkomst = models.ForeignKey(
        "werkgroepen.Bijeenkomst",
        related_name="maatregel_voortgang",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("besproken in de bijeenkomst"),
    )

    objects = ScopedManager(werkgroep="maatregel__plan__werkgroep")
    history = Geschiedenis(werkgroep="maatregel__plan__werkgroep", soort="voortgang")

    class Meta:
        verbose_name = _("voortgang")
        verbose_name_plural = _("voortgang")
        ordering = ["maatregel", "datum", "pk"]

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y}: {self.tekst[:60]}"


class Activiteit(models.Model):
    """An entry of PVO's activity calendar (activiteitenkalender, seed §1.7–1.8): an information
    meeting for the public parties or for the entrepreneurs, or a communication the partners plan
    together, on a planned date; adopted with the plan (``Plan.kalender_vastgesteld_op``).
    ``bijeenkomst`` / ``communicatie`` link what was planned to what took place."""

    class Soort(models.TextChoices):
        VOORLICHTING_PUBLIEK = "voorlichting-publiek", _("voorlichting voor publieke partijen")
        VOORLICHTING_ONDERNEMERS = "voorlichting-ondernemers", _("voorlichting voor ondernemers")
        COMMUNICATIE = "communicatie", _("communicatie")
        OVERIG = "overig", _("overig")

    plan = models.ForeignKey(Plan, related_name="activiteiten", on_delete=models.CASCADE)
    soort = models.CharField(_("soort"), max_length=24, choices=Soort.choices)
    titel = models.CharField(_("activiteit"), max_length=300)
    gepland_op = models.DateField(_("gepland op"), validators=DATUM_VALIDATORS)
    partij = models.ForeignKey(
        "werkgroepen.Partij",
        related_name="activiteiten",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("verantwoordelijke partij"),
    )
    bijeenkomst = models.ForeignKey(
        "werkgroepen.Bijeenkomst",
        related_name="activiteiten",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("gehouden als bijeenkomst"),
    )
    communicatie = models.ForeignKey(
        "werkgroepen.Communicatie",
        related_name="activiteiten",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("verstuurd als communicatie"),
    )
    extra = models.JSONField(_("extra dossiervelden"), default=dict, blank=True)

    objects = ScopedManager(werkgroep="plan__werkgroep")

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteitenkalender")
        ordering = ["plan", "gepland_op", "pk"]

    def __str__(self) -> str:
        return f"{self.titel} ({self.gepland_op:%d-%m-%Y})"

    @property
    def is_voorlichting(self) -> bool:
        return self.soort in (self.Soort.VOORLICHTING_PUBLIEK, self.Soort.VOORLICHTING_ONDERNEMERS)
