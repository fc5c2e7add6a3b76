"""The work group (the tenant), its cycles, parties, members and its own administration.

Handbook §3.2–3.7. Every row below ``Werkgroep`` reaches its work group by a required foreign
key and is queried through a django-scopes ``ScopedManager``: a query made outside a work
group's scope raises instead of returning someone else's rows.
"""

import os

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from kvo.db import DossierRecord
from kvo.geschiedenis import Geschiedenis
from kvo.invoer import DATUM_VALIDATORS, tussen
from kvo.regelingen import KEUZES as REGELINGEN
from kvo.regelingen import KVO

# How long an ended work group is kept before it may be removed (the archive; AVG): at least six years.
BEWAARTERMIJN_JAREN = 6


class Begeleidingsorganisatie(models.Model):
    """A process-facilitation organisation; its users facilitate all of its work groups."""

    naam = models.CharField(_("naam"), max_length=200)
    gebruikers = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="begeleidingsorganisaties", blank=True)

    class Meta:
        verbose_name = _("begeleidingsorganisatie")
        verbose_name_plural = _("begeleidingsorganisaties")

    def __str__(self) -> str:
        return self.naam


class Werkgroep(models.Model):
    """A KVO partnership (samenwerkingsverband) and its work group: the tenant.

    Its life (``status``): active, paused (read-only for everyone until a facilitator or staff
    resumes it; scheduled mails skip it) or ended (read-only for its retention period, the
    certificate lapses). Removal leaves a ``kvo.VerwijderdeWerkgroep`` record; see
    ``werkgroepen.services.levensloop``.
    """

    class Status(models.TextChoices):
        ACTIEF = "actief", _("actief")
        GEPAUZEERD = "gepauzeerd", _("gepauzeerd")
        BEEINDIGD = "beeindigd", _("beëindigd")

    naam = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam in de URL"), max_length=80, unique=True)
    gestart_op = models.DateField(_("gestart op"), validators=DATUM_VALIDATORS)
    gemeente = models.CharField(_("gemeente"), max_length=120, blank=True)
    # the scheme the group follows (kvo.regelingen): KVO-B 4.0 or PVO Veilig Bedrijventerrein
    handboek = models.CharField(_("regeling"), max_length=40, choices=REGELINGEN, default=KVO)
    begeleiding = models.ForeignKey(
        Begeleidingsorganisatie,
        verbose_name=_("procesbegeleiding"),
        related_name="werkgroepen",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    # §3.3 correspondentieadres: the formal contact details of the partnership.
    adres_naam = models.CharField(_("t.a.v."), max_length=200, blank=True)
    adres_straat = models.CharField(_("straat en huisnummer"), max_length=200, blank=True)
    adres_postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    adres_plaats = models.CharField(_("plaats"), max_length=120, blank=True)
    # §3.1.1 regie of a cluster.
    regie_organisatie = models.CharField(_("regie-organisatie (cluster)"), max_length=200, blank=True)
    intentieverklaring_op = models.DateField(
        _("intentieverklaring getekend op"), null=True, blank=True, validators=DATUM_VALIDATORS
    )
    # PVO: the declaration of intent is optional; the group says it does without one (pvo.intentieverklaring nvt)
    geen_intentieverklaring = models.BooleanField(_("geen intentieverklaring (optioneel)"), default=False)
    convenant_referentie = models.CharField(_("convenant (referentie)"), max_length=200, blank=True)
    mfa_verplicht = models.BooleanField(
        _("tweestapsverificatie verplicht"),
        default=False,
        help_text=_("Leden moeten met een authenticator-app inloggen voordat ze de werkgroep zien."),
    )
    # Opt-in: the titles of this group's measures (never notes, names or people) count in the measures
    # library that other groups of the same facilitating organisation see (aanpak.bibliotheek).
    maatregelen_delen = models.BooleanField(
        _("titels van maatregelen delen"),
        default=False,
        help_text=_("Andere werkgroepen zien alleen titels en aantallen."),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.ACTIEF)
    status_sinds = models.DateField(_("status sinds"), null=True, blank=True)
    status_reden = models.CharField(_("reden"), max_length=300, blank=True)
    extra = models.JSONField(_("extra dossiervelden"), default=dict, blank=True)
    # A snapshot of the readiness check, refreshed by kvo.tasks.werkgroep_toets_bijwerken, so a
    # facilitator's overview of many work groups reads one row per group.
    toets_stand = models.JSONField(default=dict, blank=True)
    toets_berekend_op = models.DateTimeField(null=True, blank=True)

    # the computed snapshot is not a change anyone made: it stays out of the history
    history = Geschiedenis(
        werkgroep="", soort="werkgroep", excluded_fields=["extra", "toets_stand", "toets_berekend_op"]
    )

    class Meta:
        verbose_name = _("werkgroep")
        verbose_name_plural = _("werkgroepen")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam

    @property
    def is_actief(self) -> bool:
        return self.status == self.Status.ACTIEF

    @property
    def bewaren_tot(self):
        """Until when an ended work group is kept (read-only) before it may be removed."""
        if self.status != self.Status.BEEINDIGD or self.status_sinds is None:
            return None
        try:
            return self.status_sinds.replace(year=self.status_sinds.year + BEWAARTERMIJN_JAREN)
        except ValueError:  # 29 February
            return self.status_sinds.replace(year=self.status_sinds.year + BEWAARTERMIJN_JAREN, day=28)

    @property
    def status_uitleg(self) -> str:
        """The Dutch sentence a paused or ended work group shows (banner, 403 page)."""
        if self.status == self.Status.GEPAUZEERD:
            return (
                f"{self.naam} is gepauzeerd{f' sinds {self.status_sinds:%d-%m-%Y}' if self.status_sinds else ''}: "
                "iedereen kan lezen, niemand kan iets wijzigen. De procesbegeleider of een beheerder van "
                "KVO Werkplaats kan de werkgroep hervatten."
            )
        if self.status == self.Status.BEEINDIGD:
            tot = self.bewaren_tot
            return (
                f"{self.naam} is beëindigd{f' op {self.status_sinds:%d-%m-%Y}' if self.status_sinds else ''}: "
                "het certificaat is vervallen en er kan niets meer worden gewijzigd. De gegevens blijven "
                f"leesbaar{f' tot {tot:%d-%m-%Y}' if tot else ''} (bewaartermijn)."
            )
        return ""

    @property
    def heeft_correspondentieadres(self) -> bool:
        return bool(self.adres_straat and self.adres_postcode and self.adres_plaats)

    @property
    def toets_gereedheid(self):
        """The readiness figure of the stored snapshot (``kvo.toets.Gereedheid``), None before the first."""
        from kvo.toets import Gereedheid

        return Gereedheid.uit_stand(self.toets_stand)

    @property
    def gereedheid(self) -> int:
        """The share of applicable rules met in the stored readiness snapshot, 0–100 (100 only when all are)."""
        g = self.toets_gereedheid
        return g.procent if g is not None else 0


class Afspraken(models.Model):
    """The cooperation agreements of §3.4 and the retention period of §3.6."""

    werkgroep = models.OneToOneField(Werkgroep, related_name="afspraken", on_delete=models.CASCADE)
    vastgesteld_op = models.DateField(_("vastgesteld op"), null=True, blank=True, validators=DATUM_VALIDATORS)
    bijeenkomsten_per_jaar = models.PositiveSmallIntegerField(
        _("bijeenkomsten per jaar"), null=True, blank=True, validators=tussen(0, 52)
    )
    wijziging_samenstelling = models.TextField(_("toe- en aftreden van leden"), blank=True, max_length=10000)
    wijziging_gebied = models.TextField(_("wijzigingen in het gebied"), blank=True, max_length=10000)
    besluitvorming = models.TextField(_("wijze van besluitvorming"), blank=True, max_length=10000)
    communicatie = models.TextField(_("wijze van communiceren"), blank=True, max_length=10000)
    financien = models.TextField(_("financiële middelen en geldstromen"), blank=True, max_length=10000)
    bewaartermijn_jaren = models.PositiveSmallIntegerField(
        _("bewaartermijn (jaren)"), null=True, blank=True, validators=tussen(0, 100)
    )
    communicatie_app = models.BooleanField(_("er is een app-groep met de ondernemers"), default=False)
    relatie_ondernemersvereniging = models.TextField(
        _("relatie met de ondernemersvereniging"), blank=True, max_length=10000
    )
    ondernemersfonds = models.TextField(_("ondernemersfonds (BIZ e.d.)"), blank=True, max_length=10000)
    extra = models.JSONField(default=dict, blank=True)

    objects = ScopedManager(werkgroep="werkgroep")
    history = Geschiedenis(werkgroep="werkgroep", soort="afspraken")

    class Meta:
        verbose_name = _("samenwerkingsafspraken")
        verbose_name_plural = _("samenwerkingsafspraken")

    def __str__(self) -> str:
        return f"Samenwerkingsafspraken {self.werkgroep}"


class Cyclus(DossierRecord):
    """One certification period (three years): a first certification or a subsequent one.

    Under PVO (``handboek``) a cycle is one period of the execution plan: the first runs from the
    kick-off through the waardering and the first plan's two years, each recalibration (herijking)
    starts the next. A cycle keeps the scheme it ran under (``kvo.regelingen.regeling_van``)."""

    class Soort(models.TextChoices):
        EERSTE = "eerste", _("eerste certificering")
        OPVOLGENDE = "opvolgende", _("opvolgende certificering")

    werkgroep = models.ForeignKey(Werkgroep, related_name="cycli", on_delete=models.CASCADE)
    nummer = models.PositiveSmallIntegerField(_("nummer"), validators=tussen(1, 99))
    soort = models.CharField(_("soort"), max_length=12, choices=Soort.choices, default=Soort.EERSTE)
    start = models.DateField(_("start"), validators=DATUM_VALIDATORS)
    handboek = models.CharField(_("regeling"), max_length=40, choices=REGELINGEN, default=KVO)

    objects = ScopedManager(werkgroep="werkgroep")
    history = Geschiedenis(werkgroep="werkgroep", soort="cyclus")

    class Meta:
        verbose_name = _("cyclus")
        verbose_name_plural = _("cycli")
        ordering = ["werkgroep", "nummer"]
        constraints = [models.UniqueConstraint(fields=["werkgroep", "nummer"], name="cyclus_uniek_nummer")]

    def __str__(self) -> str:
        return f"Cyclus {self.nummer} ({self.get_soort_display()})"


class Partij(DossierRecord):
    """A party of the partnership (§3.2)."""

    class Soort(models.TextChoices):
        ONDERNEMERSVERENIGING = "ondernemersvereniging", _("ondernemersvereniging")
        BELANGENBEHARTIGER = "belangenbehartiger", _("belangenbehartiger ondernemers (overeenkomst)")
        GEMEENTE = "gemeente", _("gemeente")
        POLITIE = "politie", _("politie")
        BRANDWEER = "brandweer", _("brandweer / veiligheidsregio")
        BEVEILIGING = "beveiliging", _("particuliere beveiliging")
        VASTGOED = "vastgoed", _("vastgoedeigenaar of -beheerder")
        PROCESBEGELEIDING = "procesbegeleiding", _("procesbegeleiding")
        OVERIG = "overig", _("overig")

    werkgroep = models.ForeignKey(Werkgroep, related_name="partijen", on_delete=models.CASCADE)
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=32, choices=Soort.choices)
    opgericht_op = models.DateField(_("opgericht op"), null=True, blank=True, validators=DATUM_VALIDATORS)
    # PVO: the (official) capacity a municipality commits to the partnership (pvo.capaciteit)
    toegezegde_capaciteit = models.CharField(
        _("toegezegde (ambtelijke) capaciteit"),
        max_length=300,
        blank=True,
        help_text=_("Bijvoorbeeld: 8 uur per maand van de coördinator openbare orde en veiligheid."),
    )
    capaciteit_toegezegd_op = models.DateField(
        _("capaciteit toegezegd op"), null=True, blank=True, validators=DATUM_VALIDATORS
    )

    objects = ScopedManager(werkgroep="werkgroep")
    history = Geschiedenis(werkgroep="werkgroep", soort="partij")

    class Meta:
        verbose_name = _("partij")
        verbose_name_plural = _("partijen")
        ordering = ["naam"]
        constraints = [models.UniqueConstraint(fields=["werkgroep", "ref"], name="partij_uniek_ref")]

    def __str__(self) -> str:
        return self.naam


class Groepsrol(models.TextChoices):
    """Roles a member holds in the work group (§3.3, §3.7, §5.1)."""

    VOORZITTER = "voorzitter", _("voorzitter")
    SECRETARIS = "secretaris", _("secretaris")
    INTERNE_COMMUNICATIE = "interne-communicatie", _("interne communicatie")
    EXTERNE_COMMUNICATIE = "externe-communicatie", _("externe communicatie (ook calamiteiten)")
    WOORDVOERDER = "woordvoerder", _("woordvoerder")
    CONTACTPERSOON_CI = "contactpersoon-ci", _("contactpersoon certificatie-instelling")
    APP_BEHEERDER = "app-beheerder", _("beheerder app-groep")


class Lid(DossierRecord):
    """A person in the work group, linked to the party (and in a cluster the park) they represent.

    History is kept: a member who leaves gets ``lid_tot``; the row is never deleted. A member
    may have an account (``user``); the roles here are also their access roles.
    """

    werkgroep = models.ForeignKey(Werkgroep, related_name="leden", on_delete=models.CASCADE)
    partij = models.ForeignKey(Partij, related_name="leden", on_delete=models.PROTECT, verbose_name=_("partij"))
    terrein = models.ForeignKey(
        "gebieden.Bedrijventerrein",
        related_name="vertegenwoordigers",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("vertegenwoordigt bedrijventerrein"),
    )
    naam = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mailadres"), blank=True, null=True)
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True, null=True)
    rollen = models.JSONField(_("rollen"), default=list, blank=True)
    agendalid = models.BooleanField(_("agendalid"), default=False)
    lid_sinds = models.DateField(_("lid sinds"), null=True, blank=True, validators=DATUM_VALIDATORS)
    lid_tot = models.DateField(_("lid tot"), null=True, blank=True, validators=DATUM_VALIDATORS)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="lidmaatschappen", on_delete=models.SET_NULL, null=True, blank=True
    )

    objects = ScopedManager(werkgroep="werkgroep")
    history = Geschiedenis(werkgroep="werkgroep", soort="lid")

    class Meta:
        verbose_name = _("lid")
        verbose_name_plural = _("leden")
        ordering = ["naam"]
        constraints = [models.UniqueConstraint(fields=["werkgroep", "ref"], name="lid_uniek_ref")]

    def __str__(self) -> str:
        return self.naam

    def is_actief(self, op) -> bool:
        return (self.lid_sinds is None or self.lid_sinds <= op) and (self.lid_tot is None or self.lid_tot >= op)

    def heeft_toegang(self, op) -> bool:
        """Whether the member may use the work group on ``op``: from ``lid_sinds`` up to, not including,
        ``lid_tot``. Ending a membership today (``lid_beeindig``) takes the access away at once, while
        the records still count the member on their last day (``is_actief``)."""
        return (self.lid_sinds is None or self.lid_sinds <= op) and (self.lid_tot is None or self.lid_tot > op)


class Uitnodiging(models.Model):
    """An e-mail invitation for a member to create an account and join the work group."""

    werkgroep = models.ForeignKey(Werkgroep, related_name="uitnodigingen", on_delete=models.CASCADE)
    lid = models.ForeignKey(Lid, related_name="uitnodigingen", on_delete=models.CASCADE)
    email = models.EmailField(_("e-mailadres"))
    token = models.CharField(max_length=64, unique=True)
    verstuurd_door = models.ForeignKey(settings.AUTH_USER_MODEL, related_name="+", on_delete=models.SET_NULL, null=True)
    verstuurd_op = models.DateTimeField(auto_now_add=True)
    geldig_tot = models.DateTimeField()
    geaccepteerd_op = models.DateTimeField(null=True, blank=True)

    objects = ScopedManager(werkgroep="werkgroep")

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")

    def __str__(self) -> str:
        return f"Uitnodiging {self.email}"


class Bijeenkomst(DossierRecord):
    """A meeting of the work group (§3.6, §4.3.1): at least 3 a year, agenda and minutes archived."""

    class Soort(models.TextChoices):
        WERKGROEP = "werkgroep", _("werkgroepbijeenkomst")
        KICK_OFF = "kick-off", _("kick-off")
        AUDIT = "audit", _("audit")
        # PVO: the presentation of the current situation (survey results, the stakeholders' area
        # scans), information meetings (voorlichting) and the waardering
        PRESENTATIE = "presentatie", _("presentatie huidige situatie")
        VOORLICHTING = "voorlichting", _("voorlichtingsbijeenkomst")
        WAARDERING = "waardering", _("waardering")
        OVERIG = "overig", _("overig")

    werkgroep = models.ForeignKey(Werkgroep, related_name="bijeenkomsten", on_delete=models.CASCADE)
    datum = models.DateField(_("datum"), validators=DATUM_VALIDATORS)
    soort = models.CharField(_("soort"), max_length=12, choices=Soort.choices, default=Soort.WERKGROEP)
    aanwezigen = models.ManyToManyField(Lid, related_name="bijeenkomsten", blank=True, verbose_name=_("aanwezigen"))
    agenda = models.TextField(_("agenda"), blank=True, null=True, max_length=50000)
    notulen = models.TextField(_("notulen"), blank=True, null=True, max_length=50000)
    besluiten = models.JSONField(_("besluiten"), default=list, blank=True)
    # who arranged it (PVO: the municipality arranges the kick-off, pvo.kickoff)
    georganiseerd_door = models.ForeignKey(
        Partij,
        related_name="georganiseerde_bijeenkomsten",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("georganiseerd door"),
    )

    objects = ScopedManager(werkgroep="werkgroep")
    history = Geschiedenis(werkgroep="werkgroep", soort="bijeenkomst")

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["-datum"]
        constraints = [models.UniqueConstraint(fields=["werkgroep", "ref"], name="bijeenkomst_uniek_ref")]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.datum:%d-%m-%Y}"


class Communicatie(models.Model):
    """An update to all entrepreneurs of the area (§3.7): at least 2 a year. ``soort`` says what it
    was about where a rule asks (PVO: the survey's results, the meldwijzer; pvo.communicatie)."""

    class Soort(models.TextChoices):
        ALGEMEEN = "", _("update")
        ENQUETE = "enquete", _("aankondiging enquête")
        ENQUETE_RESULTATEN = "enquete-resultaten", _("resultaten van de enquête")
        MELDWIJZER = "meldwijzer", _("meldingsbereidheid (meldwijzer)")
        VOORLICHTING = "voorlichting", _("voorlichting over het uitvoeringsplan")
        PERS = "pers", _("persbericht")

    werkgroep = models.ForeignKey(Werkgroep, related_name="communicaties", on_delete=models.CASCADE)
    datum = models.DateField(_("datum"), validators=DATUM_VALIDATORS)
    onderwerp = models.CharField(_("onderwerp"), max_length=300)
    kanaal = models.CharField(_("kanaal"), max_length=120, blank=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices, blank=True, default=Soort.ALGEMEEN)
    alle_ondernemers = models.BooleanField(
        _("bereikt alle ondernemers"),
        default=True,
        help_text=_("Ook ondernemers die geen lid zijn van de ondernemersvereniging."),
    )
    extra = models.JSONField(default=dict, blank=True)

    objects = ScopedManager(werkgroep="werkgroep")
    history = Geschiedenis(werkgroep="werkgroep", soort="communicatie")

    class Meta:
        verbose_name = _("communicatie")
        verbose_name_plural = _("communicatie")
        ordering = ["-datum"]

    def __str__(self) -> str:
        return self.onderwerp


class Document(DossierRecord):
    """A document in the work group's archive (§3.6), with its versions."""

    werkgroep = models.ForeignKey(Werkgroep, related_name="documenten", on_delete=models.CASCADE)
    titel = models.CharField(_("titel"), max_length=300)
    soort = models.CharField(_("soort"), max_length=60, blank=True, null=True)
    bewaren_tot = models.DateField(_("bewaren tot"), null=True, blank=True, validators=DATUM_VALIDATORS)

    objects = ScopedManager(werkgroep="werkgroep")
    history = Geschiedenis(werkgroep="werkgroep", soort="document")

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["titel"]
        constraints = [models.UniqueConstraint(fields=["werkgroep", "ref"], name="document_uniek_ref")]

    def __str__(self) -> str:
        return self.titel


def document_pad(instance: "DocumentVersie", filename: str) -> str:
    """An unguessable storage name (the original name is kept in ``bestandsnaam`` for the download)."""
    import re
    import secrets

    extensie = re.sub(r"[^a-z0-9.]", "", os.path.splitext(filename)[1].lower())[:10]
    return (
        f"werkgroepen/{instance.document.werkgroep_id}/documenten/{instance.document_id}/v{instance.versie}/"
        f"{secrets.token_hex(16)}{extensie}"
    )


class DocumentVersie(models.Model):
    """One version of a document; every version but the newest is superseded (vervallen)."""

    document = models.ForeignKey(Document, related_name="versies", on_delete=models.CASCADE)
    versie = models.PositiveIntegerField(_("versie"), validators=tussen(1, 10_000))
    bestand = models.FileField(_("bestand"), upload_to=document_pad, max_length=300)
    bestandsnaam = models.CharField(_("oorspronkelijke bestandsnaam"), max_length=255, blank=True)
    geupload_op = models.DateField(_("geüpload op"))
    geupload_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="+", on_delete=models.SET_NULL, null=True, blank=True
    )
    toelichting = models.TextField(_("toelichting"), blank=True, null=True, max_length=2000)

    objects = ScopedManager(werkgroep="document__werkgroep")

    class Meta:
        verbose_name = _("documentversie")
        verbose_name_plural = _("documentversies")
        ordering = ["document", "-versie"]
        constraints = [models.UniqueConstraint(fields=["document", "versie"], name="documentversie_uniek")]

    def __str__(self) -> str:
        return f"{self.document} v{self.versie}"

    def save(self, *args, **kwargs):
        if not self.bestandsnaam and self.bestand and not self.bestand._committed:
            self.bestandsnaam = os.path.basename(self.bestand.name)[:255]  # the uploaded name, before storage
        super().save(*args, **kwargs)

    @property
    def downloadnaam(self) -> str:
        return self.bestandsnaam or os.path.basename(self.bestand.name)


class Logregel(models.Model):
    """Who did what in the work group: written by the services, shown on the activity page.

    The record a certification body may ask for ("wie heeft dit vastgesteld, en wanneer?"),
    kept with the work group rather than in a server log.
    """

    kvo_boekhouding = True  # a line written here is not a change of the data (kvo.versie)

    werkgroep = models.ForeignKey(Werkgroep, related_name="logregels", on_delete=models.CASCADE)
    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="+", on_delete=models.SET_NULL, null=True, blank=True
    )
    actie = models.CharField(_("actie"), max_length=60)
    omschrijving = models.CharField(_("omschrijving"), max_length=500)
    gegevens = models.JSONField(_("gegevens"), default=dict, blank=True)

    objects = ScopedManager(werkgroep="werkgroep")

    class Meta:
        verbose_name = _("logregel")
        verbose_name_plural = _("logboek")
        ordering = ["-tijdstip", "-pk"]

    def __str__(self) -> str:
        return f"{self.tijdstip:%d-%m-%Y %H:%M} {self.omschrijving}"


class ToetsHistorie(models.Model):
    """The readiness check's figures of one day: the daily job writes (or updates) today's row, so the
    readiness page can show how the share met moved over the last months."""

    kvo_boekhouding = True  # computed from the data, not a change of it (kvo.versie)

    werkgroep = models.ForeignKey(Werkgroep, related_name="toetshistorie", on_delete=models.CASCADE)
    datum = models.DateField(_("datum"))
    voldaan = models.PositiveSmallIntegerField(_("voldaan"), default=0, validators=tussen(0, 1000))
    niet_voldaan = models.PositiveSmallIntegerField(_("niet voldaan"), default=0, validators=tussen(0, 1000))
    open = models.PositiveSmallIntegerField(_("open"), default=0, validators=tussen(0, 1000))
    nvt = models.PositiveSmallIntegerField(_("niet van toepassing"), default=0, validators=tussen(0, 1000))

    objects = ScopedManager(werkgroep="werkgroep")

    class Meta:
        verbose_name = _("toetshistorie")
        verbose_name_plural = _("toetshistorie")
        ordering = ["werkgroep", "datum"]
        constraints = [models.UniqueConstraint(fields=["werkgroep", "datum"], name="toetshistorie_uniek_datum")]

    def __str__(self) -> str:
        return f"Handboektoets {self.werkgroep_id} {self.datum:%d-%m-%Y}: {self.voldaan} van {self.meegeteld}"

    @property
    def gereedheid(self):
        """The day's readiness figure (``kvo.toets.Gereedheid``), computed as everywhere else."""
        from kvo.toets import Gereedheid

        return Gereedheid(voldaan=self.voldaan, niet_voldaan=self.niet_voldaan, open=self.open, nvt=self.nvt)

    @property
    def meegeteld(self) -> int:
        """Every requirement except those that do not apply."""
        return self.gereedheid.te_toetsen

    @property
    def procent(self) -> int:
        return self.gereedheid.procent


class WerkgroepStart(models.Model):
    """A work group being started by a facilitator or staff (the "Nieuwe werkgroep" steps), kept
    between visits so it can be left and resumed. Not a tenant row: there is no work group yet. It
    belongs to a facilitating organisation and the user who began it; finishing it creates the work
    group (``werkgroepen.services.starten.werkgroepstart_rond_af``) and deletes this draft."""

    begeleiding = models.ForeignKey(
        Begeleidingsorganisatie, related_name="starts", on_delete=models.CASCADE, verbose_name=_("procesbegeleiding")
    )
    gemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, related_name="werkgroepstarts", on_delete=models.CASCADE)
    gemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)
    naam = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam in de URL"), max_length=80)
    stap = models.PositiveSmallIntegerField(_("verste stap"), default=1, validators=tussen(1, 5))
    gegevens = models.JSONField(_("gegevens per stap"), default=dict, blank=True)

    class Meta:
        verbose_name = _("start van een werkgroep")
        verbose_name_plural = _("starts van werkgroepen")
        ordering = ["-gewijzigd_op"]

    def __str__(self) -> str:
        return f"Start {self.naam}"
