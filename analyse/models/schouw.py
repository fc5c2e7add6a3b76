"""Day and evening inspections of the area and their points (§4.1.3)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from kvo.db import DossierRecord
from kvo.geschiedenis import Geschiedenis
from kvo.invoer import DATUM_VALIDATORS, tussen


class Schouw(DossierRecord):
    class Soort(models.TextChoices):
        DAG = "dag", _("dagschouw")
        AVOND = "avond", _("avondschouw")

    class Groep(models.TextChoices):
        VOLTALLIG = "voltallig", _("met de voltallige werkgroep")
        KLEINE_GROEP = "kleine-groep", _("in een kleinere groep")
        INDIVIDUEEL = "individueel", _("individueel")

    werkgroep = models.ForeignKey("werkgroepen.Werkgroep", related_name="schouwen", on_delete=models.CASCADE)
    cyclus = models.ForeignKey("werkgroepen.Cyclus", related_name="schouwen", on_delete=models.CASCADE)
    soort = models.CharField(_("soort"), max_length=6, choices=Soort.choices)
    datum = models.DateField(_("datum"), validators=DATUM_VALIDATORS)
    groep = models.CharField(_("uitgevoerd"), max_length=14, choices=Groep.choices, default=Groep.VOLTALLIG)
    aanwezigen = models.ManyToManyField(
        "werkgroepen.Lid", related_name="schouwen", blank=True, verbose_name=_("aanwezigen")
    )

    objects = ScopedManager(werkgroep="werkgroep")
    history = Geschiedenis(werkgroep="werkgroep", soort="schouw")

    class Meta:
        verbose_name = _("schouw")
        verbose_name_plural = _("schouwen")
        ordering = ["-datum", "-pk"]
        constraints = [models.UniqueConstraint(fields=["werkgroep", "ref"], name="schouw_uniek_ref")]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.datum:%d-%m-%Y}"


def foto_pad(instance: "Schouwpunt", filename: str) -> str:
    """Photos are stored under an unguessable name; they are served only through the work group."""
    import secrets

    return f"analyse/{instance.schouw.werkgroep_id}/schouw/{instance.schouw_id}/{secrets.token_hex(16)}.jpg"


class Schouwpunt(DossierRecord):
    """A location seen on the walk: to improve (what, who, when) or positive (why, what it took)."""

    schouw = models.ForeignKey(Schouw, related_name="punten", on_delete=models.CASCADE)
    nummer = models.PositiveIntegerField(_("volgnummer"), validators=tussen(1, 100_000))
    foto = models.ImageField(_("foto"), upload_to=foto_pad, max_length=300, blank=True, null=True)
    terrein = models.ForeignKey(
        "gebieden.Bedrijventerrein",
        related_name="schouwpunten",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("bedrijventerrein"),
    )
    locatie = models.CharField(_("locatie"), max_length=300, blank=True)
    lat = models.FloatField(_("breedtegraad"), null=True, blank=True, validators=tussen(-90, 90))
    lon = models.FloatField(_("lengtegraad"), null=True, blank=True, validators=tussen(-180, 180))
    positief = models.BooleanField(_("positief punt"))
    bevinding = models.TextField(_("bevinding"), blank=True, max_length=5000)
    actie = models.TextField(_("wat moet er gebeuren"), blank=True, null=True, max_length=5000)
    wie = models.ForeignKey(
        "werkgroepen.Partij",
        related_name="schouwpunten",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("wie voert het uit"),
    )
    gereed_voor = models.DateField(_("gereed voor"), null=True, blank=True, validators=DATUM_VALIDATORS)
    waarom_tevreden = models.TextField(_("waarom is de werkgroep tevreden"), blank=True, null=True, max_length=5000)
    wat_nodig_was = models.TextField(_("wat was ervoor nodig"), blank=True, null=True, max_length=5000)
    terugkerend = models.BooleanField(
        _("terugkerend of andere aanpak nodig"),
        default=False,
        help_text=_("Komt terug of vraagt een andere aanpak dan eerder: hoort in de maatregelenmatrix (§4.2.4)."),
    )
    # The id the phone gave the point when it was taken (a UUID, also without signal): a point sent
    # twice from the phone's queue is stored once. Empty for points entered without JavaScript.
    client_id = models.UUIDField(_("id van de telefoon"), null=True, blank=True, editable=False)

    objects = ScopedManager(werkgroep="schouw__werkgroep")
    history = Geschiedenis(werkgroep="schouw__werkgroep", soort="schouwpunt", excluded_fields=["extra", "client_id"])

    class Meta:
        verbose_name = _("schouwpunt")
        verbose_name_plural = _("schouwpunten")
        ordering = ["schouw", "nummer"]
        constraints = [
            models.UniqueConstraint(fields=["schouw", "nummer"], name="schouwpunt_uniek_nummer"),
            models.UniqueConstraint(fields=["schouw", "ref"], name="schouwpunt_uniek_ref"),
            models.UniqueConstraint(fields=["schouw", "client_id"], name="schouwpunt_uniek_client_id"),
        ]

    def __str__(self) -> str:
        return f"{self.nummer}. {self.locatie or self.bevinding[:60]}"
