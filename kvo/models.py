"""Accounts. A person logs in with an e-mail address; there are no usernames."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("Een e-mailadres is verplicht.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    username = None
    email = models.EmailField(_("e-mailadres"), unique=True)
    naam = models.CharField(_("naam"), max_length=150, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self) -> str:
        return self.naam or self.email


class Gegevensversie(models.Model):
    """The data version of one work group (``sleutel`` its id) or of everything outside a work
    group's scope (``sleutel`` "*"): a random token that ``kvo.versie`` replaces with every write to
    a work group's data, so results computed from that data can be kept under it."""

    sleutel = models.CharField(max_length=24, primary_key=True)
    token = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("gegevensversie")
        verbose_name_plural = _("gegevensversies")

    def __str__(self) -> str:
        return f"{self.sleutel}: {self.token}"


class VerwijderdeWerkgroep(models.Model):
    """The trace a removed work group leaves (outside the tenant, so it outlives the group's rows):
    what was removed, when, by whom, why, and the SHA-256 of the full export made just before."""

    naam = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam"), max_length=80)
    verwijderd_op = models.DateTimeField(_("verwijderd op"))
    verwijderd_door = models.ForeignKey(
        "kvo.User", verbose_name=_("verwijderd door"), on_delete=models.SET_NULL, null=True, blank=True
    )
    door_naam = models.CharField(_("door (naam)"), max_length=200)
    reden = models.CharField(_("reden"), max_length=300)
    export_sha256 = models.CharField(_("SHA-256 van de export"), max_length=64)
    export_bestandsnaam = models.CharField(_("bestandsnaam van de export"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("verwijderde werkgroep")
        verbose_name_plural = _("verwijderde werkgroepen")
        ordering = ["-verwijderd_op"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.slug}), verwijderd {self.verwijderd_op:%d-%m-%Y}"


class Agendalink(models.Model):
    """A person's private calendar feed (``kvo.agenda``): only the SHA-256 of the link's token is kept.

    One per person: "Nieuwe link maken" replaces the hash (the old link stops working at once),
    "Link intrekken" deletes the row. The feed answers 404 for every token not stored here.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, related_name="agendalink", on_delete=models.CASCADE)
    token_hash = models.CharField(max_length=64, unique=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"))

    class Meta:
        verbose_name = _("agendalink")
        verbose_name_plural = _("agendalinks")

    def __str__(self) -> str:
        return f"Agendalink {self.token_hash[:8]}…"


class Bewaarronde(models.Model):
    """One run of the nightly retention job (``kvo.services_avg.bewaartermijnen_pas_toe``): when, for
    which day, and per kind of personal data how many rows it removed or anonymised. The work groups'
    own logs say the same per group; this is the summary staff read on the processing register."""

    uitgevoerd_op = models.DateTimeField(_("uitgevoerd op"))
    peildatum = models.DateField(_("peildatum"))
    resultaat = models.JSONField(_("resultaat"), default=dict, blank=True)  # sleutel -> number of rows

    class Meta:
        verbose_name = _("bewaarronde")
        verbose_name_plural = _("bewaarrondes")
        ordering = ["-uitgevoerd_op", "-pk"]

    def __str__(self) -> str:
        return f"Bewaarronde {self.peildatum:%d-%m-%Y}: {sum(self.resultaat.values())} rijen"


class Identiteitsaanbieder(models.Model):
    """An organisation's own sign-in (single sign-on, issue 24): an OIDC or SAML identity provider that
    staff configure for a facilitating organisation or a party (a municipality, the police), with the
    e-mail domains it serves. allauth's ``SocialApp`` (``app``) holds the protocol settings; its
    ``provider_id`` (OIDC) or ``client_id`` (SAML) is ``slug``. See ``kvo.sso``."""

    class Soort(models.TextChoices):
        OIDC = "openid_connect", "OpenID Connect"
        SAML = "saml", "SAML 2.0"

    naam = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam"), max_length=60, unique=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    begeleidingsorganisatie = models.ForeignKey(
        "werkgroepen.Begeleidingsorganisatie",
        verbose_name=_("begeleidingsorganisatie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="identiteitsaanbieders",
    )
    organisatie = models.CharField(_("organisatie (partij)"), max_length=200, blank=True)
    domeinen = models.JSONField(_("e-maildomeinen"), default=list)
    tweestaps_van_aanbieder = models.BooleanField(
        _("tweestapsverificatie van de aanbieder telt"),
        default=False,
        help_text=_("Alleen als de aanbieder bij elke aanmelding meldt dat er een tweede factor is gebruikt."),
    )
    actief = models.BooleanField(_("actief"), default=True)
    app = models.OneToOneField("socialaccount.SocialApp", on_delete=models.CASCADE, related_name="kvo_aanbieder")

    class Meta:
        verbose_name = _("identiteitsaanbieder")
        verbose_name_plural = _("identiteitsaanbieders")

    def __str__(self) -> str:
        return self.naam
