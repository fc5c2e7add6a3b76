"""The survey among all entrepreneurs of the area (§4.1.1).

Anonymity by design: a ``Reactie`` holds its park and its answers, nothing else: no link to the
invitation or the entrepreneur, no timestamp, a random UUID as its key. The invitation only
says *that* it was answered, set in the same transaction that stores the response. Tokens are
never stored, only their SHA-256 hash (``EnqueteLink``); every mail or letter carries a fresh
link, all valid until the survey closes or the invitation is answered.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from kvo.db import DossierRecord
from kvo.geschiedenis import Geschiedenis
from kvo.invoer import DATUM_VALIDATORS, tussen


class Enquete(models.Model):
    """The survey of one cycle. Frozen once sent (``geopend_op`` is set)."""

    werkgroep = models.ForeignKey("werkgroepen.Werkgroep", related_name="enquetes", on_delete=models.CASCADE)
    cyclus = models.OneToOneField("werkgroepen.Cyclus", related_name="enquete", on_delete=models.CASCADE)
    titel = models.CharField(_("titel"), max_length=200, blank=True)
    inleiding = models.TextField(_("inleiding voor de ondernemer"), blank=True, max_length=3000)
    blokken = models.JSONField(_("onderwerpblokken"), default=list, blank=True)  # handbook topics 1–44
    eigen_themas = models.JSONField(_("eigen thema's"), default=list, blank=True)  # names, without "eigen:"
    geopend_op = models.DateField(_("verstuurd op"), null=True, blank=True)
    gesloten_op = models.DateField(_("sluitingsdatum"), null=True, blank=True, validators=DATUM_VALIDATORS)
    # Reminder schedule: days after the invitation was sent, one round each ([7, 14]: at most 2).
    herinnering_dagen = models.JSONField(_("herinneringen na (dagen)"), default=list, blank=True)
    # PVO (pvo.enquete): the invitation letter is sent by the municipality, signed by the mayor, with
    # the survey's link; its results are presented to the participants.
    brief_namens = models.ForeignKey(
        "werkgroepen.Partij",
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("uitnodigingsbrief namens"),
    )
    brief_ondertekenaar = models.CharField(
        _("uitnodigingsbrief ondertekend door"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: de burgemeester."),
    )
    resultaten_gepresenteerd_op = models.DateField(
        _("resultaten gepresenteerd op"), null=True, blank=True, validators=DATUM_VALIDATORS
    )
    resultaten_gepresenteerd_in = models.ForeignKey(
        "werkgroepen.Bijeenkomst",
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("resultaten gepresenteerd in de bijeenkomst"),
    )
    extra = models.JSONField(_("extra dossiervelden"), default=dict, blank=True)

    objects = ScopedManager(werkgroep="werkgroep")
    history = Geschiedenis(werkgroep="werkgroep", soort="enquete")

    class Meta:
        verbose_name = _("enquête")
        verbose_name_plural = _("enquêtes")

    def __str__(self) -> str:
        return self.titel or f"Enquête cyclus {self.cyclus.nummer}"

    @property
    def is_verstuurd(self) -> bool:
        return self.geopend_op is not None

    def is_gesloten(self, op) -> bool:
        return self.gesloten_op is not None and op > self.gesloten_op

    def is_open(self, op) -> bool:
        return self.is_verstuurd and not self.is_gesloten(op)


class Vraag(DossierRecord):
    """A question: from a handbook block, or added by the group within a (own) theme."""

    class Type(models.TextChoices):
        SCHAAL = "schaal", _("schaal (1–5)")
        KEUZE = "keuze", _("keuze (één antwoord)")
        MEERKEUZE = "meerkeuze", _("meerkeuze (meer antwoorden)")
        JA_NEE = "ja-nee", _("ja / nee")
        GETAL = "getal", _("getal")
        OPEN = "open", _("open vraag")

    enquete = models.ForeignKey(Enquete, related_name="vragen", on_delete=models.CASCADE)
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0, validators=tussen(0, 1_000_000))
    blok = models.PositiveSmallIntegerField(_("onderwerpblok"), null=True, blank=True, validators=tussen(1, 44))
    thema = models.CharField(_("thema"), max_length=120)
    tekst = models.TextField(_("vraag"), max_length=1000)
    type = models.CharField(_("soort vraag"), max_length=12, choices=Type.choices)
    opties = models.JSONField(_("antwoordopties"), default=list, blank=True)
    verplicht = models.BooleanField(_("verplicht"), default=False)
    # A follow-up ("Zo ja, …"): asked only of those who gave ``toon_als_antwoord`` to ``toon_als_vraag``
    # (an earlier question: ja/nee "ja" or "nee", a choice's option, a scale's "1"–"5"); see
    # ``analyse.antwoorden.gevraagd``. Without a base question the question is asked of everyone.
    toon_als_vraag = models.ForeignKey(
        "self",
        verbose_name=_("alleen tonen na vraag"),
        related_name="vervolgvragen",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    toon_als_antwoord = models.CharField(_("bij het antwoord"), max_length=200, blank=True)

    objects = ScopedManager(werkgroep="enquete__werkgroep")
    history = Geschiedenis(werkgroep="enquete__werkgroep", soort="vraag")

    class Meta:
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        ordering = ["enquete", "volgorde", "pk"]
        constraints = [models.UniqueConstraint(fields=["enquete", "ref"], name="vraag_uniek_ref")]

    def __str__(self) -> str:
        return self.tekst[:80]

    @property
    def is_vervolg(self) -> bool:
        return self.toon_als_vraag_id is not None


class EnqueteUitnodiging(models.Model):
    """One invitation per entrepreneur of the register: by e-mail, or by letter (no e-mail address)."""

    class Kanaal(models.TextChoices):
        EMAIL = "email", _("e-mail")
        BRIEF = "brief", _("brief")

    class Verzending(models.TextChoices):
        WACHT = "wacht", _("nog niet verstuurd")
        BEZIG = "bezig", _("wordt verstuurd")  # claimed by the sending task, before the mail goes out
        VERSTUURD = "verstuurd", _("verstuurd")
        MISLUKT = "mislukt", _("verzenden mislukt")
        ONBESTELBAAR = "onbestelbaar", _("onbestelbaar (bounce)")

    enquete = models.ForeignKey(Enquete, related_name="uitnodigingen", on_delete=models.CASCADE)
    ondernemer = models.ForeignKey(
        "gebieden.Ondernemer", related_name="enquete_uitnodigingen", on_delete=models.CASCADE
    )
    kanaal = models.CharField(_("kanaal"), max_length=8, choices=Kanaal.choices)
    verzending = models.CharField(_("verzending"), max_length=14, choices=Verzending.choices, default=Verzending.WACHT)
    verstuurd_op = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    fout = models.CharField(_("foutmelding"), max_length=500, blank=True)
    beantwoord = models.BooleanField(_("beantwoord"), default=False)
    # "Ingevuld" as the invitations page shows it: set per park in the same batch that publishes the
    # park's responses (``analyse.services.reacties.reacties_publiceer``), never one by one.
    ingevuld_zichtbaar = models.BooleanField(_("ingevuld (getoond)"), default=False)
    papier = models.BooleanField(_("op papier ingevuld"), default=False)
    extra = models.JSONField(_("extra dossiervelden"), default=dict, blank=True)

    objects = ScopedManager(werkgroep="enquete__werkgroep")

    class Meta:
        verbose_name = _("enquête-uitnodiging")
        verbose_name_plural = _("enquête-uitnodigingen")
        constraints = [
            models.UniqueConstraint(fields=["enquete", "ondernemer"], name="enquete_uitnodiging_uniek"),
        ]

    def __str__(self) -> str:
        return f"Uitnodiging {self.ondernemer}"


class EnqueteLink(models.Model):
    """A personal link: only the SHA-256 of its token is stored (the token itself is never kept)."""

    uitnodiging = models.ForeignKey(EnqueteUitnodiging, related_name="links", on_delete=models.CASCADE)
    token_hash = models.CharField(max_length=64, unique=True)
    # The short code on a letter (``analyse.tokens.CODE_ALFABET``), typed at /e/<code>: only its SHA-256.
    code_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(werkgroep="uitnodiging__enquete__werkgroep")

    class Meta:
        verbose_name = _("enquêtelink")
        verbose_name_plural = _("enquêtelinks")

    def __str__(self) -> str:
        return f"Link {self.token_hash[:8]}…"


class Herinnering(models.Model):
    """The reminder ledger: one row per invitation and round, claimed before the mail is sent.

    The unique constraint makes a second send of the same round impossible, whether a task is
    retried, crashes halfway or runs on two workers at once.
    """

    class Status(models.TextChoices):
        GECLAIMD = "geclaimd", _("wordt verstuurd")
        VERSTUURD = "verstuurd", _("verstuurd")
        MISLUKT = "mislukt", _("mislukt")

    uitnodiging = models.ForeignKey(EnqueteUitnodiging, related_name="herinneringen", on_delete=models.CASCADE)
    ronde = models.PositiveSmallIntegerField(_("ronde"), validators=tussen(1, 20))
    # Which run of the sending task claimed this row (rows are claimed in bulk; conflicts are skipped).
    claim = models.UUIDField(null=True, blank=True, editable=False, db_index=True)
    geclaimd_op = models.DateTimeField(auto_now_add=True)
    verstuurd_op = models.DateField(_("verstuurd op"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.GECLAIMD)
    fout = models.CharField(_("foutmelding"), max_length=500, blank=True)

    objects = ScopedManager(werkgroep="uitnodiging__enquete__werkgroep")

    class Meta:
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")
        constraints = [models.UniqueConstraint(fields=["uitnodiging", "ronde"], name="herinnering_een_per_ronde")]

    def __str__(self) -> str:
        return f"Herinnering {self.ronde} aan {self.uitnodiging}"


class EnqueteConcept(models.Model):
    """Answers kept between visits; deleted in the transaction that stores the response."""

    uitnodiging = models.OneToOneField(EnqueteUitnodiging, related_name="concept", on_delete=models.CASCADE)
    antwoorden = models.JSONField(default=dict, blank=True)

    objects = ScopedManager(werkgroep="uitnodiging__enquete__werkgroep")

    def __str__(self) -> str:
        return f"Concept van {self.uitnodiging}"


class Reactie(models.Model):
    """An anonymous response: its park and its answers by question ref. Nothing else, on purpose.

    ``zichtbaar`` is the batch it was published in, not a time: held back ("") until at least
    ``MIN_REACTIES`` responses of its park are held back together ("terrein": in the park's and the
    area's results), or, once the survey has closed, until the held-back rest of all parks together
    numbers at least that many ("totaal": in the area's results only).
    """

    class Zichtbaar(models.TextChoices):
        NEE = "", _("nog niet gepubliceerd")
        TERREIN = "terrein", _("in de resultaten van het terrein en het geheel")
        TOTAAL = "totaal", _("alleen in de resultaten van het geheel")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    enquete = models.ForeignKey(Enquete, related_name="reacties", on_delete=models.CASCADE)
    terrein = models.ForeignKey("gebieden.Bedrijventerrein", related_name="enquete_reacties", on_delete=models.CASCADE)
    antwoorden = models.JSONField(default=dict)
    zichtbaar = models.CharField(max_length=8, choices=Zichtbaar.choices, default=Zichtbaar.NEE, blank=True)

    objects = ScopedManager(werkgroep="enquete__werkgroep")

    class Meta:
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"Reactie {self.id}"


class HerinneringRonde(models.Model):
    """What happened to one reminder round of a survey, as the secretary sees it: queued by the
    beat job (or "Nu herinneren"), being sent with a running count, sent, or stuck with the reason.

    Bookkeeping of the sending task, not a record the work group keeps: no history. The ledger
    (``Herinnering``) stays the proof of who got a reminder; this row only tells the state.
    """

    class Status(models.TextChoices):
        WACHTRIJ = "wachtrij", _("in de wachtrij")
        BEZIG = "bezig", _("wordt verstuurd")
        VERSTUURD = "verstuurd", _("verstuurd")
        VASTGELOPEN = "vastgelopen", _("vastgelopen")

    enquete = models.ForeignKey(Enquete, related_name="herinneringrondes", on_delete=models.CASCADE)
    ronde = models.PositiveSmallIntegerField(_("ronde"), validators=tussen(1, 20))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.WACHTRIJ)
    in_wachtrij_op = models.DateTimeField(_("in de wachtrij gezet op"))
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), auto_now=True)
    verstuurd = models.PositiveIntegerField(_("verstuurd"), default=0, validators=tussen(0, 10_000_000))
    mislukt = models.PositiveIntegerField(_("mislukt"), default=0, validators=tussen(0, 10_000_000))
    reden = models.CharField(_("reden"), max_length=500, blank=True)

    objects = ScopedManager(werkgroep="enquete__werkgroep")

    class Meta:
        verbose_name = _("herinneringsronde")
        verbose_name_plural = _("herinneringsrondes")
        constraints = [models.UniqueConstraint(fields=["enquete", "ronde"], name="herinneringronde_een_per_ronde")]

    def __str__(self) -> str:
        return f"Ronde {self.ronde} van {self.enquete_id}: {self.status}"


class LegeInzending(models.Model):
    """Submissions without a single answer, counted per survey and park: not a response.

    They do not count towards ``enquete.respons`` and are not in the results; the results say how
    many there were. Like a ``Reactie`` the count has no link to an invitation and no timestamp:
    only how many, per park.
    """

    enquete = models.ForeignKey(Enquete, related_name="lege_inzendingen", on_delete=models.CASCADE)
    terrein = models.ForeignKey("gebieden.Bedrijventerrein", related_name="lege_inzendingen", on_delete=models.CASCADE)
    aantal = models.PositiveIntegerField(default=0, validators=tussen(0, 1_000_000))

    objects = ScopedManager(werkgroep="enquete__werkgroep")

    class Meta:
        verbose_name = _("lege inzending")
        verbose_name_plural = _("lege inzendingen")
        constraints = [models.UniqueConstraint(fields=["enquete", "terrein"], name="lege_inzending_uniek")]

    def __str__(self) -> str:
        return f"{self.aantal} lege inzendingen"


class Reactieteller(models.Model):
    """The response figure of one park in one survey: how many responses it has (empty submissions
    not counted), raised in the transaction that stores a response (``reactie_dien_in``, the dossier
    import) with an ``F()`` update, so the figure is never a count over the responses and two
    submissions at once both count. Like a ``Reactie`` it has no link to an invitation and no time."""

    enquete = models.ForeignKey(Enquete, related_name="reactietellers", on_delete=models.CASCADE)
    terrein = models.ForeignKey(
        "gebieden.Bedrijventerrein", related_name="enquete_reactietellers", on_delete=models.CASCADE
    )
    aantal = models.PositiveIntegerField(default=0, validators=tussen(0, 1_000_000))

    objects = ScopedManager(werkgroep="enquete__werkgroep")

    class Meta:
        verbose_name = _("reactieteller")
        verbose_name_plural = _("reactietellers")
        constraints = [models.UniqueConstraint(fields=["enquete", "terrein"], name="reactieteller_uniek")]

    def __str__(self) -> str:
        return f"{self.aantal} reacties"
