"""The audit: application (§5.1), record (§6.3–6.4), deviations and their supplements, and the
time-limited access an auditor gets to one audit's document set."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from kvo.geschiedenis import Geschiedenis
from kvo.invoer import DATUM_VALIDATORS


class Audit(models.Model):
    class Soort(models.TextChoices):
        EERSTE = "eerste", _("eerste audit")
        OPVOLGENDE = "opvolgende", _("opvolgende audit")

    werkgroep = models.ForeignKey("werkgroepen.Werkgroep", related_name="audits", on_delete=models.CASCADE)
    cyclus = models.ForeignKey("werkgroepen.Cyclus", related_name="audits", on_delete=models.CASCADE)
    soort = models.CharField(_("soort"), max_length=12, choices=Soort.choices, default=Soort.EERSTE)

    class Besluit(models.TextChoices):
        POSITIEF = "positief", _("positief: certificaat")
        AANVULLINGEN = "aanvullingen", _("aanvullingen nodig")
        NEGATIEF = "negatief", _("negatief")

    datum = models.DateField(_("auditdatum"), null=True, blank=True, validators=DATUM_VALIDATORS)
    certificatie_instelling = models.CharField(_("certificatie-instelling"), max_length=200, blank=True)
    ci_straat = models.CharField(_("straat en huisnummer"), max_length=200, blank=True)
    ci_postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    ci_plaats = models.CharField(_("plaats"), max_length=120, blank=True)
    # where the receipt of the delivered document set goes (issue 22): the body's contact for this audit
    ci_email = models.EmailField(_("e-mailadres certificatie-instelling"), blank=True)
    contactpersoon = models.ForeignKey(
        "werkgroepen.Lid",
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("contactpersoon voor de certificatie-instelling"),
    )
    auditor = models.CharField(_("auditor"), max_length=200, blank=True)
    aangevraagd_op = models.DateField(_("aangevraagd op"), null=True, blank=True, validators=DATUM_VALIDATORS)
    geplande_uren = models.DecimalField(
        _("geplande audittijd (uren)"), max_digits=4, decimal_places=1, null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(99)],
    )  # fmt: skip
    documentenset_aangeleverd_op = models.DateField(_("documentenset aangeleverd op"), null=True, blank=True)
    aanwezigen = models.ManyToManyField(
        "werkgroepen.Lid", related_name="audits", blank=True, verbose_name=_("aanwezig bij de audit")
    )
    rapport_ontvangen_op = models.DateField(
        _("auditrapport ontvangen op"), null=True, blank=True, validators=DATUM_VALIDATORS
    )
    besluit = models.CharField(_("besluit"), max_length=12, choices=Besluit.choices, blank=True)
    besluit_op = models.DateField(_("besluit op"), null=True, blank=True, validators=DATUM_VALIDATORS)
    extra = models.JSONField(_("extra dossiervelden"), default=dict, blank=True)
    herinnering_aanlevering_op = models.DateField(null=True, blank=True)  # reminder a week before the deadline, sent

    objects = ScopedManager(werkgroep="werkgroep")
    history = Geschiedenis(werkgroep="werkgroep", soort="audit")

    class Meta:
        verbose_name = _("audit")
        verbose_name_plural = _("audits")
        ordering = ["-datum"]

    def __str__(self) -> str:
        datum = f"{self.datum:%d-%m-%Y}" if self.datum else ""  # Dutch order, as every date the product shows
        return f"{self.get_soort_display()} {datum}".strip()

    @property
    def aanlevertermijn(self):
        """The last day to deliver the document set: 14 days before the audit (§5.2.1)."""
        import datetime as dt

        return self.datum - dt.timedelta(days=14) if self.datum else None


class Afwijking(models.Model):
    """A deviation found at the audit: supplemented within 2 months, assessed within 1 month after (§6.3)."""

    audit = models.ForeignKey(Audit, related_name="afwijkingen", on_delete=models.CASCADE)
    omschrijving = models.TextField(_("omschrijving"), max_length=4000)
    vastgesteld_op = models.DateField(_("vastgesteld op"), validators=DATUM_VALIDATORS)
    aanvulling_op = models.DateField(_("aanvulling aangeleverd op"), null=True, blank=True, validators=DATUM_VALIDATORS)
    beoordeeld_op = models.DateField(_("beoordeeld door de CI op"), null=True, blank=True, validators=DATUM_VALIDATORS)

    objects = ScopedManager(werkgroep="audit__werkgroep")
    history = Geschiedenis(werkgroep="audit__werkgroep", soort="afwijking")

    class Meta:
        verbose_name = _("afwijking")
        verbose_name_plural = _("afwijkingen")
        ordering = ["audit", "vastgesteld_op", "pk"]

    def __str__(self) -> str:
        return self.omschrijving[:80]


class AuditorToegang(models.Model):
    """The time limit and history of an auditor's guardian grant ``audits.view_audit`` on one audit.

    The grant itself lives in django-guardian; this row says until when it holds, who gave it,
    and when it was withdrawn. Access needs both the grant and a row that has not expired.
    """

    audit = models.ForeignKey(Audit, related_name="toegang", on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, related_name="auditor_toegang", on_delete=models.CASCADE)
    geldig_tot = models.DateTimeField(_("geldig tot"))
    verleend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="+", on_delete=models.SET_NULL, null=True, blank=True
    )
    verleend_op = models.DateTimeField(auto_now_add=True)
    ingetrokken_op = models.DateTimeField(null=True, blank=True)

    objects = ScopedManager(werkgroep="audit__werkgroep")
    history = Geschiedenis(werkgroep="audit__werkgroep", soort="auditortoegang")

    class Meta:
        verbose_name = _("auditortoegang")
        verbose_name_plural = _("auditortoegang")

    def __str__(self) -> str:
        return f"{self.user} → {self.audit} tot {self.geldig_tot:%d-%m-%Y}"
