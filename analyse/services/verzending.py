"""Sending the survey: invitations and reminders by e-mail (§4.1.1); the work of the tasks in
``analyse.tasks``.

Exactly once, also when a task is retried, a worker dies halfway, or two workers run at once:

- An invitation is claimed (``wacht`` → ``bezig``, a conditional update that only one worker
  wins) before its mail goes out, and marked ``verstuurd`` or ``mislukt`` after. A row left
  ``bezig`` by a dead worker is never sent again by a task; the secretary sees it as "niet
  bevestigd" and decides.
- A reminder is a row in the ledger (``Herinnering``), unique per invitation and round. A task
  claims a batch by inserting rows with its own claim id (conflicts skipped), sends only the
  rows that carry its id, then marks them. Whatever another run inserted first is not ours.
- The beat job ``herinneringen_plannen`` runs hourly and queues one task per survey and due
  round; there are no per-person ETA tasks (they outlive the broker's visibility timeout and
  run twice).

No log line carries a token or an address's link; a mail's link is made when it is sent (only
its hash is stored).
"""

from __future__ import annotations

import logging
import uuid

from django.core.mail import EmailMessage, mailers
from django.db.models import Count, Q
from django.utils import timezone
from django_scopes import scopes_disabled

logger = logging.getLogger(__name__)

BATCH = 1000


SLEUTEL = "kvo_uitnodiging"  # anymail metadata: Mailgun's custom data, which its webhook sends back
KOP = "X-KVO-Uitnodiging"


def kenmerk(bericht, uitnodiging_id: int, *, ronde: int = 0) -> None:
    """Mark an outgoing survey mail with its invitation, for the bounce webhook (``analyse.bounces``)
    to find it back."""
    bericht.metadata = {SLEUTEL: str(uitnodiging_id), "kvo_ronde": str(ronde)}
    bericht.extra_headers[KOP] = str(uitnodiging_id)


class _Berichten:
    """Builds the mails of one run. The text is rendered once with placeholders for the two
    personal parts (the entrepreneur's name and link), which are filled in per mail: at 60,000
    reminders a template render per mail would cost more than everything else together."""

    NAAM, LINK = "\x00naam\x00", "\x00link\x00"

    def __init__(self, enquete, *, ronde: int = 0):
        from types import SimpleNamespace

        from django.template.loader import render_to_string

        from analyse.selectors.enquete import contact_van
        from analyse.tokens import link_url
        from kvo.avg import privacy_url

        naam = enquete.titel or "veiligheidsenquête"
        self.ronde = ronde
        soort = "herinnering" if ronde else "uitnodiging"
        self.onderwerp = f"{soort.capitalize()}: {naam} ({enquete.werkgroep.naam})"
        self.link = link_url("__TOKEN__")
        self.tekst = render_to_string(
            f"analyse/mail/{soort}.txt",
            {
                "enquete": enquete,
                "werkgroep": enquete.werkgroep,
                "ondernemer": SimpleNamespace(naam=self.NAAM),
                "link": self.LINK,
                "ronde": ronde,
                "contact": contact_van(enquete.werkgroep),
                "privacy_url": privacy_url(),
            },
        )

    def __call__(self, uitnodiging, token: str) -> EmailMessage:

        tekst = self.tekst.replace(self.NAAM, uitnodiging.ondernemer.naam).replace(
            self.LINK, self.link.replace("__TOKEN__", token)
        )
        bericht = EmailMessage(subject=self.onderwerp, body=tekst, to=[uitnodiging.ondernemer.email])
        kenmerk(bericht, uitnodiging.pk, ronde=self.ronde)  # a bounce finds its invitation back by this
        return bericht


def verstuur_een(verbinding, bericht: EmailMessage) -> str:
    """Send one message; '' when sent, else a short Dutch reason (never the message itself)."""
    try:
        verbinding.send_messages([bericht])
    except Exception as fout:  # every failure of one address is recorded, the rest go on
        return f"Verzenden mislukt: {type(fout).__name__}"[:500]
    return ""


def uitnodigingen_verstuur(*, werkgroep, enquete_id: int) -> dict:
    """Send every invitation e-mail that is still waiting, claiming each one before it goes out.

    The mail connection is opened before a batch is claimed: a mail server that does not answer
    leaves the batch waiting (``wacht``) for the next run instead of claimed and never sent."""
    from analyse.models import Enquete, EnqueteUitnodiging
    from analyse.tokens import nieuwe_links

    Verzending = EnqueteUitnodiging.Verzending
    enquete = Enquete.objects.select_related("werkgroep").get(pk=enquete_id, werkgroep=werkgroep)
    bericht = _Berichten(enquete)
    verstuurd = mislukt = 0
    while True:
        wachtend = list(
            enquete.uitnodigingen.filter(kanaal=EnqueteUitnodiging.Kanaal.EMAIL, verzending=Verzending.WACHT)
            .order_by("pk")
            .values_list("pk", flat=True)[:BATCH]
        )
        if not wachtend:
            break
        fouten: dict[int, str] = {}
        with mailers.default as verbinding:  # opened before the claim (see above)
            nu = timezone.now()
            mijn = [
                pk
                for pk in wachtend
                if EnqueteUitnodiging.objects.filter(pk=pk, verzending=Verzending.WACHT).update(
                    verzending=Verzending.BEZIG, verstuurd_op=nu
                )
            ]
            uitnodigingen = list(EnqueteUitnodiging.objects.filter(pk__in=mijn).select_related("ondernemer"))
            tokens = nieuwe_links(uitnodigingen)
            for uitnodiging, token in zip(uitnodigingen, tokens, strict=True):
                if not uitnodiging.ondernemer.email:
                    fouten[uitnodiging.pk] = "Geen e-mailadres meer in het register"
                    continue
                if reden := verstuur_een(verbinding, bericht(uitnodiging, token)):
                    fouten[uitnodiging.pk] = reden
        goed = [u.pk for u in uitnodigingen if u.pk not in fouten]
        # by primary key, read in the work group's scope above: the plain manager avoids the scope's join,
        # which SQLite runs as a subquery over the whole table for every batch
        EnqueteUitnodiging._base_manager.filter(pk__in=goed).update(verzending=Verzending.VERSTUURD)
        for pk, reden in fouten.items():
            EnqueteUitnodiging._base_manager.filter(pk=pk).update(verzending=Verzending.MISLUKT, fout=reden)
        verstuurd += len(goed)
        mislukt += len(fouten)
    if verstuurd or mislukt:
        logger.info("enquete %s: %s uitnodigingen verstuurd, %s mislukt", enquete_id, verstuurd, mislukt)
    return {"verstuurd": verstuurd, "mislukt": mislukt}


def verschuldigde_ronde(enquete, vandaag) -> int:
    """The latest reminder round whose day has come (1-based), 0 when none is due."""
    if not enquete.geopend_op or not enquete.is_open(vandaag):
        return 0
    ronde = 0
    for nummer, dagen in enumerate(enquete.herinnering_dagen or [], start=1):
        if (vandaag - enquete.geopend_op).days >= dagen:
            ronde = nummer
    return ronde


def herinneringsrondes_verschuldigd() -> list[tuple[int, int, int]]:
    """(work group, survey, round) of every open survey of an active group whose reminder round is
    due today, each recorded as queued (``ronde_in_wachtrij``) for the beat job to queue its task."""
    from analyse.models import Enquete

    vandaag = timezone.localdate()
    uit = []
    with scopes_disabled():
        open_ = Enquete.objects.filter(geopend_op__isnull=False, werkgroep__status="actief").filter(
            Q(gesloten_op__isnull=True) | Q(gesloten_op__gte=vandaag)
        )
        for enquete in open_.only("pk", "werkgroep_id", "geopend_op", "gesloten_op", "herinnering_dagen"):
            if ronde := verschuldigde_ronde(enquete, vandaag):
                ronde_in_wachtrij(enquete, ronde)
                uit.append((enquete.werkgroep_id, enquete.pk, ronde))
    return uit


def ronde_in_wachtrij(enquete, ronde: int) -> None:
    """Record that ``ronde`` was queued now, unless it was sent already (a later run of the hourly job
    only picks up invitations added since; the round stays "verstuurd")."""
    from analyse.models import HerinneringRonde

    Status = HerinneringRonde.Status
    nu = timezone.now()
    rij, nieuw = HerinneringRonde._base_manager.get_or_create(
        enquete_id=enquete.pk, ronde=ronde, defaults={"in_wachtrij_op": nu}
    )
    if not nieuw and rij.status != Status.VERSTUURD:
        HerinneringRonde._base_manager.filter(pk=rij.pk).update(
            status=Status.WACHTRIJ, in_wachtrij_op=nu, bijgewerkt_op=nu, reden=""
        )


def _ronde_stand(enquete_id: int, ronde: int, **velden) -> None:
    from analyse.models import HerinneringRonde

    nu = timezone.now()
    bijgewerkt = HerinneringRonde._base_manager.filter(enquete_id=enquete_id, ronde=ronde).update(
        bijgewerkt_op=nu, **velden
    )
    if not bijgewerkt:  # queued before rounds were recorded, or by hand: record it now
        HerinneringRonde._base_manager.get_or_create(
            enquete_id=enquete_id, ronde=ronde, defaults={"in_wachtrij_op": nu, **velden}
        )


def herinneringen_verstuur(*, werkgroep, enquete_id: int, ronde: int) -> dict:
    """Send reminder ``ronde`` to everyone invited by e-mail who has not answered, once each."""
    from analyse.models import Enquete, HerinneringRonde

    Status = HerinneringRonde.Status
    enquete = Enquete.objects.select_related("werkgroep").get(pk=enquete_id, werkgroep=werkgroep)
    vandaag = timezone.localdate()
    if not werkgroep.is_actief or not enquete.is_open(vandaag) or verschuldigde_ronde(enquete, vandaag) < ronde:
        HerinneringRonde._base_manager.filter(enquete_id=enquete_id, ronde=ronde).exclude(
            status=Status.VERSTUURD
        ).update(
            status=Status.VASTGELOPEN,
            reden="De werkgroep is gepauzeerd of beëindigd."
            if not werkgroep.is_actief
            else "De enquête is gesloten of deze ronde is niet meer gepland.",
        )
        return {"verstuurd": 0, "mislukt": 0}
    _ronde_stand(enquete_id, ronde, status=Status.BEZIG, reden="")
    try:
        uit = _herinneringen_ronde(enquete, ronde, vandaag)
    except Exception as fout:
        _ronde_stand(
            enquete_id, ronde, status=Status.VASTGELOPEN, reden=f"Verzenden afgebroken: {type(fout).__name__}"[:500]
        )
        raise
    _ronde_stand(enquete_id, ronde, status=Status.VERSTUURD, **_ronde_telling(enquete_id, ronde))
    return uit


def _ronde_telling(enquete_id: int, ronde: int) -> dict:
    from analyse.models import Herinnering

    return Herinnering._base_manager.filter(uitnodiging__enquete_id=enquete_id, ronde=ronde).aggregate(
        verstuurd=Count("pk", filter=Q(status=Herinnering.Status.VERSTUURD)),
        mislukt=Count("pk", filter=Q(status=Herinnering.Status.MISLUKT)),
    )


def _herinneringen_ronde(enquete, ronde: int, vandaag) -> dict:
    from analyse.models import EnqueteUitnodiging, Herinnering
    from analyse.tokens import nieuwe_links

    claim = uuid.uuid4()
    bericht = _Berichten(enquete, ronde=ronde)
    verstuurd = mislukt = 0
    laatste = 0  # keyset: each batch continues after the previous one instead of rescanning from the start
    # Addresses that bounced or complained for this survey (invitations marked "onbestelbaar", also of
    # another entrepreneur with the same address); NULLs left out, which would empty a NOT IN.
    onbestelbaar = enquete.uitnodigingen.filter(
        verzending=EnqueteUitnodiging.Verzending.ONBESTELBAAR, ondernemer__email__isnull=False
    ).values("ondernemer__email")
    while True:
        kandidaten = list(
            enquete.uitnodigingen.filter(
                pk__gt=laatste,
                beantwoord=False,
                kanaal=EnqueteUitnodiging.Kanaal.EMAIL,
                verzending=EnqueteUitnodiging.Verzending.VERSTUURD,
            )
            .exclude(herinneringen__ronde=ronde)
            .exclude(ondernemer__email__in=onbestelbaar)  # an address that bounced gets no reminder
            .order_by("pk")
            .values_list("pk", flat=True)[:BATCH]
        )
        if not kandidaten:
            break
        laatste = kandidaten[-1]
        fouten: dict[int, str] = {}
        with mailers.default as verbinding:  # opened before the claim: a dead mail server claims nothing
            Herinnering.objects.bulk_create(
                [Herinnering(uitnodiging_id=pk, ronde=ronde, claim=claim) for pk in kandidaten], ignore_conflicts=True
            )
            rijen = list(
                Herinnering.objects.filter(
                    uitnodiging_id__in=kandidaten, ronde=ronde, claim=claim, status=Herinnering.Status.GECLAIMD
                ).select_related("uitnodiging__ondernemer")
            )
            # Answered between the candidate query and the claim: no mail, and no row that says one went out.
            beantwoord = [r.pk for r in rijen if r.uitnodiging.beantwoord]
            if beantwoord:
                Herinnering._base_manager.filter(pk__in=beantwoord).delete()
            rijen_te_sturen = [r for r in rijen if not r.uitnodiging.beantwoord]
            tokens = nieuwe_links([r.uitnodiging for r in rijen_te_sturen])
            for rij, token in zip(rijen_te_sturen, tokens, strict=True):
                if not rij.uitnodiging.ondernemer.email:
                    fouten[rij.pk] = "Geen e-mailadres meer in het register"
                elif reden := verstuur_een(verbinding, bericht(rij.uitnodiging, token)):
                    fouten[rij.pk] = reden
        goed = [r.pk for r in rijen_te_sturen if r.pk not in fouten]
        # by primary key (rows claimed in this scope): the plain manager avoids the scope's join (see above)
        Herinnering._base_manager.filter(pk__in=goed).update(status=Herinnering.Status.VERSTUURD, verstuurd_op=vandaag)
        for pk, reden in fouten.items():
            Herinnering._base_manager.filter(pk=pk).update(status=Herinnering.Status.MISLUKT, fout=reden)
        verstuurd += len(goed)
        mislukt += len(fouten)
        _ronde_stand(enquete.pk, ronde, **_ronde_telling(enquete.pk, ronde))  # the running count the page shows
    if verstuurd or mislukt:
        logger.info(
            "enquete %s ronde %s: %s herinneringen verstuurd, %s mislukt", enquete.pk, ronde, verstuurd, mislukt
        )
    return {"verstuurd": verstuurd, "mislukt": mislukt}
