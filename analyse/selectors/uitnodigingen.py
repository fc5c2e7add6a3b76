"""Reads for the invitations page: the sending progress, the list, what went wrong (§4.1.1).

Everything is counted in the database: the page costs the same number of queries for 6
invitations as for 6,000.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from analyse.models import Enquete, EnqueteUitnodiging, Herinnering, HerinneringRonde
from analyse.services.uitnodigingen import NIET_BEVESTIGD_NA, ondernemers_van
from gebieden.models import Ondernemer

Verzending = EnqueteUitnodiging.Verzending
Kanaal = EnqueteUitnodiging.Kanaal


@dataclass(frozen=True)
class Verzendstand:
    totaal: int
    per_mail: int
    per_brief: int
    wacht: int  # e-mails still to go out (waiting or being sent)
    verstuurd: int  # e-mails and letters sent
    mislukt: int
    onbestelbaar: int
    brief_klaar: int  # letters still to print
    beantwoord: int
    papier: int
    zonder_uitnodiging: int  # entrepreneurs of the register without an invitation

    @property
    def bezig(self) -> bool:
        return self.wacht > 0

    @property
    def mail_verwerkt(self) -> int:
        return self.per_mail - self.wacht

    @property
    def mail_procent(self) -> int:
        return 100 * self.mail_verwerkt // self.per_mail if self.per_mail else 100


def verzendstand(enquete: Enquete) -> Verzendstand:
    e, b = Q(kanaal=Kanaal.EMAIL), Q(kanaal=Kanaal.BRIEF)
    t = enquete.uitnodigingen.aggregate(
        totaal=Count("pk"),
        per_mail=Count("pk", filter=e),
        per_brief=Count("pk", filter=b),
        wacht=Count("pk", filter=e & Q(verzending__in=[Verzending.WACHT, Verzending.BEZIG])),
        verstuurd=Count("pk", filter=Q(verzending=Verzending.VERSTUURD)),
        mislukt=Count("pk", filter=Q(verzending=Verzending.MISLUKT)),
        onbestelbaar=Count("pk", filter=Q(verzending=Verzending.ONBESTELBAAR)),
        brief_klaar=Count(
            "pk",
            filter=Q(beantwoord=False)
            & (
                (b & ~Q(verzending=Verzending.VERSTUURD))
                | Q(verzending__in=[Verzending.MISLUKT, Verzending.ONBESTELBAAR])
            ),
        ),
        beantwoord=Count("pk", filter=Q(beantwoord=True)),
        papier=Count("pk", filter=Q(papier=True)),
    )
    zonder = ondernemers_van(enquete).exclude(enquete_uitnodigingen__enquete=enquete).count()
    return Verzendstand(zonder_uitnodiging=zonder, **t)


@dataclass(frozen=True)
class TerreinBrieven:
    pk: int
    naam: str
    uitnodigingen: int
    brieven: int  # letters still to print


def per_terrein(enquete: Enquete) -> list[TerreinBrieven]:
    rijen = (
        enquete.uitnodigingen.values("ondernemer__terrein_id", "ondernemer__terrein__naam")
        .annotate(
            n=Count("pk"),
            brieven=Count(
                "pk",
                filter=Q(beantwoord=False)
                & (
                    (Q(kanaal=Kanaal.BRIEF) & ~Q(verzending=Verzending.VERSTUURD))
                    | Q(verzending__in=[Verzending.MISLUKT, Verzending.ONBESTELBAAR])
                ),
            ),
        )
        .order_by("ondernemer__terrein__naam")
    )
    return [
        TerreinBrieven(r["ondernemer__terrein_id"], r["ondernemer__terrein__naam"], r["n"], r["brieven"]) for r in rijen
    ]


def uitnodigingen_van(enquete: Enquete, op: dt.date | None = None) -> list[EnqueteUitnodiging]:
    """Every invitation with its entrepreneur, park and the number of reminders sent.

    ``ingevuld`` is what the page may show: while the survey is open only answers already counted
    in the published results (set per park in the batch that publishes them), so the column never
    turns to "ja" for one entrepreneur while the results stay live; after closing, every answer.
    """
    gesloten = enquete.is_gesloten(op or timezone.localdate())
    lijst = list(
        enquete.uitnodigingen.select_related("ondernemer__terrein")
        .annotate(
            aantal_herinneringen=Count("herinneringen", filter=Q(herinneringen__status=Herinnering.Status.VERSTUURD))
        )
        .order_by("ondernemer__terrein__naam", "ondernemer__naam", "pk")
    )
    for u in lijst:
        u.ingevuld = u.beantwoord and (u.ingevuld_zichtbaar or gesloten)
    return lijst


@dataclass(frozen=True)
class Probleem:
    uitnodiging: EnqueteUitnodiging
    wat: str  # "uitnodiging" or "herinnering N"
    reden: str
    herstelbaar: bool  # can be sent again (invitations only; a reminder round is not repeated)


def problemen(
    enquete: Enquete, uitnodigingen: list[EnqueteUitnodiging], nu: dt.datetime | None = None
) -> list[Probleem]:
    """Failed, bounced and unconfirmed sends, for the secretary to act on."""
    nu = nu or timezone.now()
    lijst = []
    for u in uitnodigingen:
        if getattr(u, "ingevuld", u.beantwoord):
            continue
        if u.verzending == Verzending.MISLUKT:
            lijst.append(Probleem(u, "uitnodiging", u.fout or "Verzenden mislukt", True))
        elif u.verzending == Verzending.ONBESTELBAAR:
            lijst.append(Probleem(u, "uitnodiging", u.fout or "Onbestelbaar", True))
        elif u.verzending == Verzending.BEZIG and u.verstuurd_op and nu - u.verstuurd_op > NIET_BEVESTIGD_NA:
            lijst.append(
                Probleem(
                    u,
                    "uitnodiging",
                    "Niet bevestigd: het versturen is onderbroken. Misschien is de mail niet aangekomen.",
                    True,
                )
            )
    per_pk = {u.pk: u for u in uitnodigingen}
    grens = nu - NIET_BEVESTIGD_NA
    mis = (
        Herinnering.objects.filter(uitnodiging__enquete=enquete)
        .filter(Q(status=Herinnering.Status.MISLUKT) | Q(status=Herinnering.Status.GECLAIMD, geclaimd_op__lt=grens))
        .order_by("ronde", "pk")
        .values_list("uitnodiging_id", "ronde", "status", "fout")
    )
    for uitnodiging_id, ronde, status, fout in mis:
        if uitnodiging_id in per_pk and not getattr(per_pk[uitnodiging_id], "ingevuld", False):
            reden = (fout or "Verzenden mislukt") if status == Herinnering.Status.MISLUKT else "Niet bevestigd"
            lijst.append(Probleem(per_pk[uitnodiging_id], f"herinnering {ronde}", reden, False))
    return lijst


def uitnodigingen_in(enquete: Enquete, werkgroep):
    """The survey's invitations, only within ``werkgroep`` (a view looks one up by id in these)."""
    return EnqueteUitnodiging.objects.filter(enquete=enquete, enquete__werkgroep=werkgroep).select_related(
        "ondernemer__terrein", "enquete__werkgroep"
    )


def ontvangers_per_terrein(werkgroep) -> list[dict]:
    """Before sending: per business park, how many entrepreneurs there are, with and without e-mail."""
    rijen = (
        Ondernemer.objects.filter(terrein__werkgroep=werkgroep)
        .values("terrein__naam")
        .annotate(n=Count("pk"), met_email=Count("pk", filter=Q(email__isnull=False) & ~Q(email="")))
        .order_by("terrein__naam")
    )
    return [{**r, "zonder": r["n"] - r["met_email"]} for r in rijen]


VASTGELOPEN_NA = dt.timedelta(hours=1)  # a queued or running round without a sign of life this long is stuck


def herinnering_rondes(enquete: Enquete) -> list[dict]:
    """Per reminder round: its day, its date, how many went out (from the ledger), and its state as
    it happened: planned, waiting for the hourly planner, queued, being sent, sent, or stuck with
    the reason (from ``HerinneringRonde``, which the sending task keeps up to date)."""
    telling = {
        r["ronde"]: r
        for r in Herinnering.objects.filter(uitnodiging__enquete=enquete)
        .values("ronde")
        .annotate(
            verstuurd=Count("pk", filter=Q(status=Herinnering.Status.VERSTUURD)),
            mislukt=Count("pk", filter=Q(status=Herinnering.Status.MISLUKT)),
        )
    }
    stand = {r.ronde: r for r in HerinneringRonde.objects.filter(enquete=enquete)}
    nu = timezone.now()
    vandaag = timezone.localdate()
    Status = HerinneringRonde.Status
    lijst = []
    for nummer, dagen in enumerate(enquete.herinnering_dagen or [], start=1):
        datum = enquete.geopend_op + dt.timedelta(days=dagen)
        t = telling.get(nummer, {})
        rij = stand.get(nummer)
        reden = ""
        if rij is None:
            if nummer in telling:
                toestand = "verstuurd"
            elif datum > vandaag:
                toestand = "gepland"
            elif datum == vandaag:
                toestand, reden = "wacht", "De planner zet een verschuldigde ronde binnen het uur in de wachtrij."
            else:
                toestand = "vastgelopen"
                reden = "De planner heeft deze ronde niet opgepakt: draait de achtergrondverwerking?"
        elif rij.status == Status.VERSTUURD:
            toestand = "verstuurd"
        elif rij.status == Status.VASTGELOPEN:
            toestand, reden = "vastgelopen", rij.reden
        elif rij.status == Status.WACHTRIJ and nu - rij.in_wachtrij_op > VASTGELOPEN_NA:
            toestand = "vastgelopen"
            reden = (
                f"Staat sinds {timezone.localtime(rij.in_wachtrij_op):%d-%m-%Y %H:%M} in de wachtrij: "
                "de achtergrondverwerking neemt geen taken aan."
            )
        elif rij.status == Status.BEZIG and nu - rij.bijgewerkt_op > VASTGELOPEN_NA:
            toestand = "vastgelopen"
            laatst = timezone.localtime(rij.bijgewerkt_op)
            reden = f"Het versturen stopte na {t.get('verstuurd', 0)} herinneringen (laatst bezig om {laatst:%H:%M})."
        else:
            toestand = "bezig" if rij.status == Status.BEZIG else "wachtrij"
        lijst.append(
            {
                "nummer": nummer,
                "dagen": dagen,
                "datum": datum,
                "verstuurd": t.get("verstuurd", 0),
                "mislukt": t.get("mislukt", 0),
                "toestand": toestand,
                "reden": reden,
            }
        )
    return lijst
