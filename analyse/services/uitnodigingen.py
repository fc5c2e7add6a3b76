"""Invitations to the survey (§4.1.1): one per entrepreneur of the register, by e-mail or by letter.

The services validate and write; the mail goes out in Celery tasks (``analyse.tasks``), queued
on commit so a worker never sees a row the request has not committed. Sending a survey freezes
its questions (``geopend_op`` is set) and creates the invitations in one transaction.

Letters: a token is never stored, so every letter PDF makes fresh links for the letters in it;
links printed earlier stay valid (each invitation still answers once).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import pluralize
from django.utils import timezone

from analyse.models import Enquete, EnqueteUitnodiging, Herinnering
from analyse.selectors.enquete import dekking_van, korte_naam
from gebieden.models import Ondernemer
from kvo.na_commit import enqueue_na_commit
from werkgroepen.logboek import log_actie

Verzending = EnqueteUitnodiging.Verzending
Kanaal = EnqueteUitnodiging.Kanaal

MAX_HERINNERINGEN = 5
MAX_LOOPTIJD = 180  # days from sending to closing
NIET_BEVESTIGD_NA = dt.timedelta(minutes=15)  # a row "bezig" this long: the worker stopped halfway


def _datum(waarde: dt.date) -> str:
    return f"{waarde:%d-%m-%Y}"


def herinnering_dagen_uit_tekst(tekst: str | None) -> list[int]:
    """ "7, 14" → [7, 14]; empty → []. Refuses what is not a rising list of whole days."""
    delen = [d for d in re.split(r"[\s,;]+", (tekst or "").strip()) if d]
    dagen = []
    for deel in delen:
        if not deel.isdigit() or len(deel) > 3:
            raise ValidationError(
                f"“{deel[:20]}” is geen aantal dagen. "
                "Schrijf de dagen na het versturen met komma's, bijvoorbeeld 7, 14."
            )
        dagen.append(int(deel))
    return dagen


def _valideer_planning(dagen: list[int], *, geopend: dt.date, gesloten_op: dt.date | None, vandaag: dt.date) -> None:
    fouten = []
    if gesloten_op is None:
        fouten.append("Vul een sluitingsdatum in: op die dag sluit de enquête.")
    elif gesloten_op < vandaag:
        fouten.append(f"De sluitingsdatum {_datum(gesloten_op)} ligt in het verleden; kies vandaag of later.")
    elif (gesloten_op - geopend).days > MAX_LOOPTIJD:
        fouten.append(f"De enquête kan hoogstens {MAX_LOOPTIJD} dagen openstaan; kies een eerdere sluitingsdatum.")
    if len(dagen) > MAX_HERINNERINGEN:
        fouten.append(f"Hoogstens {MAX_HERINNERINGEN} herinneringen; u vulde er {len(dagen)} in.")
    if any(d < 1 for d in dagen):
        fouten.append("Een herinnering gaat op zijn vroegst 1 dag na het versturen.")
    if any(b <= a for a, b in itertools.pairwise(dagen)):
        fouten.append("Zet de herinneringen op volgorde, elke volgende later dan de vorige (bijvoorbeeld 7, 14).")
    if gesloten_op is not None and not fouten:
        te_laat = [d for d in dagen if geopend + dt.timedelta(days=d) > gesloten_op]
        if te_laat:
            fouten.append(
                f"De herinnering na {te_laat[0]} dagen valt op {_datum(geopend + dt.timedelta(days=te_laat[0]))}, "
                f"na de sluitingsdatum {_datum(gesloten_op)}. Kies minder dagen of sluit later."
            )
    if fouten:
        raise ValidationError(fouten)


def ondernemers_van(enquete: Enquete):
    return Ondernemer.objects.filter(terrein__werkgroep_id=enquete.werkgroep_id)


def _nieuwe_uitnodigingen(enquete: Enquete) -> list[EnqueteUitnodiging]:
    al = set(enquete.uitnodigingen.values_list("ondernemer_id", flat=True))
    nieuw = [
        EnqueteUitnodiging(enquete=enquete, ondernemer=o, kanaal=Kanaal.EMAIL if o.email else Kanaal.BRIEF)
        for o in ondernemers_van(enquete).order_by("pk").only("pk", "email")
        if o.pk not in al
    ]
    return EnqueteUitnodiging.objects.bulk_create(nieuw, batch_size=500)


def _verstuur_mails(enquete: Enquete) -> None:
    enqueue_na_commit("analyse.tasks.uitnodigingen_versturen", werkgroep_id=enquete.werkgroep_id, enquete_id=enquete.pk)


def enquete_verstuur(
    *, actor, enquete: Enquete, gesloten_op: dt.date | None, herinnering_dagen: list[int]
) -> list[EnqueteUitnodiging]:
    """Send the survey: freeze it, invite every entrepreneur of the register, queue the e-mails."""
    vandaag = timezone.localdate()
    with transaction.atomic():
        enquete = Enquete.objects.select_for_update().get(pk=enquete.pk)
        if enquete.is_verstuurd:
            raise ValidationError(f"Deze enquête is al verstuurd op {_datum(enquete.geopend_op)}.")
        dekking = dekking_van(enquete)
        fouten = []
        if not enquete.vragen.exists():
            fouten.append("De enquête heeft nog geen vragen. Vink in de enquête onderwerpblokken aan.")
        elif not dekking.minimum_voldaan:
            tekort = [f"{korte_naam(d.thema.sleutel)} ({d.aantal}/{d.thema.minimum})" for d in dekking.tekorten]
            fouten.append(
                "Nog niet elk verplicht thema heeft zijn minimum aantal onderwerpblokken: "
                + ", ".join(tekort)
                + ". Vul die eerst aan in de enquête."
            )
        elif not dekking.open_voldaan:
            fouten.append("De open vragen van onderwerp 16, 23 en 33 horen in de enquête; voeg ze eerst toe.")
        if not ondernemers_van(enquete).exists():
            fouten.append(
                "Er staan nog geen ondernemers in het register. Voeg ze toe bij Gebied; elke ondernemer krijgt "
                "een eigen uitnodiging."
            )
        if fouten:
            raise ValidationError(fouten)
        _valideer_planning(herinnering_dagen, geopend=vandaag, gesloten_op=gesloten_op, vandaag=vandaag)
        enquete.geopend_op = vandaag
        enquete.gesloten_op = gesloten_op
        enquete.herinnering_dagen = herinnering_dagen
        enquete.save(update_fields=["geopend_op", "gesloten_op", "herinnering_dagen"])
        uitnodigingen = _nieuwe_uitnodigingen(enquete)
        per_mail = sum(1 for u in uitnodigingen if u.kanaal == Kanaal.EMAIL)
        log_actie(
            werkgroep=enquete.werkgroep,
            actor=actor,
            actie="enquete.verstuurd",
            omschrijving=(
                f"Enquête verstuurd: {len(uitnodigingen)} uitnodigingen ({per_mail} per e-mail, "
                f"{len(uitnodigingen) - per_mail} per brief); sluit op {_datum(gesloten_op)}"
            ),
            enquete=enquete.pk,
        )
        _verstuur_mails(enquete)
    return uitnodigingen


def uitnodigingen_vul_aan(*, actor, enquete: Enquete) -> int:
    """Invite entrepreneurs added to the register after the survey was sent."""
    if not enquete.is_open(timezone.localdate()):
        raise ValidationError("De enquête is niet (meer) open; er kunnen geen ondernemers meer worden uitgenodigd.")
    with transaction.atomic():
        Enquete.objects.select_for_update().get(pk=enquete.pk)
        nieuw = _nieuwe_uitnodigingen(enquete)
        if nieuw:
            log_actie(
                werkgroep=enquete.werkgroep,
                actor=actor,
                actie="enquete.aangevuld",
                omschrijving=f"{len(nieuw)} nieuwe ondernemer{pluralize(len(nieuw), 's')} uitgenodigd voor de enquête",
                enquete=enquete.pk,
            )
            _verstuur_mails(enquete)
    return len(nieuw)


def verstuurde_rondes(enquete: Enquete) -> int:
    """The highest reminder round that has been started (ledger rows exist), 0 if none."""
    from django.db.models import Max

    return Herinnering.objects.filter(uitnodiging__enquete=enquete).aggregate(m=Max("ronde"))["m"] or 0


def planning_wijzig(*, actor, enquete: Enquete, gesloten_op: dt.date | None, herinnering_dagen: list[int]) -> None:
    """Change the closing date and the reminders still to come of a sent survey."""
    if not enquete.is_verstuurd:
        raise ValidationError("Stel de planning in bij het versturen van de enquête.")
    vandaag = timezone.localdate()
    if enquete.is_gesloten(vandaag):
        raise ValidationError(f"De enquête is gesloten sinds {_datum(enquete.gesloten_op)}; de planning ligt vast.")
    with transaction.atomic():
        enquete = Enquete.objects.select_for_update().get(pk=enquete.pk)
        gestart = verstuurde_rondes(enquete)
        if herinnering_dagen[:gestart] != list(enquete.herinnering_dagen[:gestart]):
            al = ", ".join(str(d) for d in enquete.herinnering_dagen[:gestart])
            verstuurd = "is al verstuurd; die blijft" if gestart == 1 else "zijn al verstuurd; die blijven"
            raise ValidationError(
                f"De herinnering{pluralize(gestart, 'en')} na {al} dagen {verstuurd} staan. "
                "U kunt alleen herinneringen daarna wijzigen of toevoegen."
            )
        _valideer_planning(herinnering_dagen, geopend=enquete.geopend_op, gesloten_op=gesloten_op, vandaag=vandaag)
        enquete.gesloten_op = gesloten_op
        enquete.herinnering_dagen = herinnering_dagen
        enquete.save(update_fields=["gesloten_op", "herinnering_dagen"])
        dagen = ", ".join(str(d) for d in herinnering_dagen) or "geen"
        log_actie(
            werkgroep=enquete.werkgroep,
            actor=actor,
            actie="enquete.planning",
            omschrijving=f"Planning enquête: sluit op {_datum(gesloten_op)}, herinneringen na {dagen} dagen",
            enquete=enquete.pk,
        )


def is_niet_bevestigd(uitnodiging: EnqueteUitnodiging, nu: dt.datetime | None = None) -> bool:
    nu = nu or timezone.now()
    return (
        uitnodiging.verzending == Verzending.BEZIG
        and uitnodiging.verstuurd_op is not None
        and nu - uitnodiging.verstuurd_op > NIET_BEVESTIGD_NA
    )


def uitnodiging_verstuur_opnieuw(*, actor, uitnodiging: EnqueteUitnodiging) -> str:
    """Send a failed or bounced invitation again: by e-mail to the register's address, else by letter."""
    if uitnodiging.beantwoord:
        raise ValidationError("Deze ondernemer heeft de enquête al ingevuld.")
    herstelbaar = uitnodiging.verzending in (Verzending.MISLUKT, Verzending.ONBESTELBAAR) or is_niet_bevestigd(
        uitnodiging
    )
    if not herstelbaar:
        raise ValidationError("Deze uitnodiging is niet mislukt; opnieuw versturen is niet nodig.")
    ondernemer = uitnodiging.ondernemer
    with transaction.atomic():
        if ondernemer.email:
            uitnodiging.kanaal = Kanaal.EMAIL
            uitnodiging.verzending = Verzending.WACHT
            melding = f"De uitnodiging gaat opnieuw per e-mail naar {ondernemer.email}."
        else:
            uitnodiging.kanaal = Kanaal.BRIEF
            uitnodiging.verzending = Verzending.WACHT
            melding = "Geen e-mailadres in het register: de uitnodiging staat klaar in de brieven van het terrein."
        uitnodiging.fout = ""
        uitnodiging.verstuurd_op = None
        uitnodiging.save(update_fields=["kanaal", "verzending", "fout", "verstuurd_op"])
        log_actie(
            werkgroep=uitnodiging.enquete.werkgroep,
            actor=actor,
            actie="enquete.opnieuw",
            omschrijving=f"Uitnodiging aan {ondernemer.naam} opnieuw klaargezet ({uitnodiging.get_kanaal_display()})",
        )
        if uitnodiging.kanaal == Kanaal.EMAIL:
            _verstuur_mails(uitnodiging.enquete)
    return melding


def uitnodiging_markeer_onbestelbaar(*, actor, uitnodiging: EnqueteUitnodiging, toelichting: str = "") -> None:
    """Record a bounce the secretary received: the entrepreneur gets a letter instead."""
    if uitnodiging.beantwoord:
        raise ValidationError("Deze ondernemer heeft de enquête al ingevuld.")
    if uitnodiging.kanaal != Kanaal.EMAIL:
        raise ValidationError("Alleen een uitnodiging per e-mail kan onbestelbaar terugkomen.")
    with transaction.atomic():
        uitnodiging.verzending = Verzending.ONBESTELBAAR
        uitnodiging.fout = (toelichting or "Onbestelbaar gemeld door de secretaris")[:500]
        uitnodiging.save(update_fields=["verzending", "fout"])
        log_actie(
            werkgroep=uitnodiging.enquete.werkgroep,
            actor=actor,
            actie="enquete.onbestelbaar",
            omschrijving=f"Uitnodiging aan {uitnodiging.ondernemer.naam} onbestelbaar; zij krijgen een brief",
        )


def uitnodiging_verwerk_bounce(*, uitnodiging: EnqueteUitnodiging, soort: str, melding: str = "") -> bool:
    """Record a bounce or complaint the mail provider reported (``analyse.bounces``): the invitation
    becomes undeliverable, so the letter flow picks it up and reminders skip it. False (nothing
    changed) when it was answered, went by letter, or is already marked or waiting to be sent again."""
    if uitnodiging.beantwoord or uitnodiging.kanaal != Kanaal.EMAIL:
        return False
    if uitnodiging.verzending not in (Verzending.VERSTUURD, Verzending.BEZIG):
        return False
    wat = "klacht (als spam gemeld)" if soort == "klacht" else "bounce"
    reden = f"Onbestelbaar: {wat}, gemeld door de mailprovider"
    if melding:
        reden = f"{reden} ({' '.join(melding.split())})"
    with transaction.atomic():
        bijgewerkt = EnqueteUitnodiging.objects.filter(
            pk=uitnodiging.pk, verzending__in=[Verzending.VERSTUURD, Verzending.BEZIG], beantwoord=False
        ).update(verzending=Verzending.ONBESTELBAAR, fout=reden[:500])
        if bijgewerkt:
            log_actie(
                werkgroep=uitnodiging.enquete.werkgroep,
                actor=None,
                actie="enquete.onbestelbaar",
                omschrijving=f"Uitnodiging aan {uitnodiging.ondernemer.naam} onbestelbaar ({wat}); "
                "zij krijgen een brief",
            )
    return bool(bijgewerkt)


def brief_uitnodigingen(enquete: Enquete, terrein, *, opnieuw: bool = False) -> list[EnqueteUitnodiging]:
    """Who gets a letter in ``terrein``: no e-mail address and no letter yet, or an e-mail that failed
    or bounced; with ``opnieuw`` also those whose letter was made before (a lost print)."""
    from django.db.models import Q

    brief = Q(kanaal=Kanaal.BRIEF) if opnieuw else Q(kanaal=Kanaal.BRIEF) & ~Q(verzending=Verzending.VERSTUURD)
    return list(
        enquete.uitnodigingen.filter(ondernemer__terrein=terrein, beantwoord=False)
        .filter(brief | Q(verzending__in=[Verzending.MISLUKT, Verzending.ONBESTELBAAR]))
        .select_related("ondernemer")
        .order_by("ondernemer__naam", "pk")
    )


def brieven_maak(
    *, actor, enquete: Enquete, terrein, opnieuw: bool = False
) -> list[tuple[EnqueteUitnodiging, str, str]]:
    """Fresh links for the letters of ``terrein`` (token for the QR code, short code to type); marks
    those invitations sent (by letter) today. Returns (invitation, token, code) per letter."""
    from analyse.tokens import nieuwe_brieflinks

    if not enquete.is_open(timezone.localdate()):
        raise ValidationError("De enquête is niet open; brieven maken kan alleen terwijl hij openstaat.")
    uitnodigingen = brief_uitnodigingen(enquete, terrein, opnieuw=opnieuw)
    if not uitnodigingen:
        raise ValidationError(
            f"Op {terrein.naam} is er niemand die nog een brief nodig heeft. Kwijt? Kies “Alle brieven opnieuw”."
        )
    with transaction.atomic():
        paren = nieuwe_brieflinks(uitnodigingen)
        nu = timezone.now()
        EnqueteUitnodiging.objects.filter(pk__in=[u.pk for u in uitnodigingen]).update(
            kanaal=Kanaal.BRIEF, verzending=Verzending.VERSTUURD, verstuurd_op=nu, fout=""
        )
        log_actie(
            werkgroep=enquete.werkgroep,
            actor=actor,
            actie="enquete.brieven",
            omschrijving=f"{len(uitnodigingen)} brieven gemaakt voor {terrein.naam}",
            enquete=enquete.pk,
        )
    return [(u, token, code) for u, (token, code) in zip(uitnodigingen, paren, strict=True)]


def herinnering_verstuur_nu(*, actor, enquete: Enquete) -> int:
    """ "Nu herinneren": send a reminder round today instead of waiting for the planned one.

    A round due today or earlier that has not gone out yet is queued now. Otherwise a round is
    added for today (the days since sending) before the planned ones still to come; those have no
    ledger rows yet, so renumbering them is safe. Returns the round number that was queued.
    """
    from analyse.models import HerinneringRonde
    from analyse.services.verzending import ronde_in_wachtrij

    if not enquete.is_verstuurd:
        raise ValidationError("Verstuur eerst de enquête; daarna kunt u herinneren.")
    vandaag = timezone.localdate()
    if not enquete.is_open(vandaag):
        raise ValidationError(f"De enquête is gesloten sinds {_datum(enquete.gesloten_op)}; herinneren kan niet meer.")
    dagen_nu = (vandaag - enquete.geopend_op).days
    if dagen_nu < 1:
        raise ValidationError("De uitnodigingen zijn vandaag verstuurd; herinneren kan vanaf morgen.")
    with transaction.atomic():
        enquete = Enquete.objects.select_for_update().get(pk=enquete.pk)
        dagen = list(enquete.herinnering_dagen or [])
        gestart = verstuurde_rondes(enquete)
        verstuurd = set(
            HerinneringRonde.objects.filter(enquete=enquete, status=HerinneringRonde.Status.VERSTUURD).values_list(
                "ronde", flat=True
            )
        ) | set(range(1, gestart + 1))
        verschuldigd = [nummer for nummer, d in enumerate(dagen, start=1) if d <= dagen_nu]
        if dagen_nu in dagen and dagen.index(dagen_nu) + 1 in verstuurd:
            raise ValidationError("Vandaag is al een herinnering verstuurd. Probeer het morgen opnieuw.")
        if verschuldigd and verschuldigd[-1] not in verstuurd:
            ronde = verschuldigd[-1]  # due and not out yet: send it now
        else:
            if len(dagen) >= MAX_HERINNERINGEN:
                raise ValidationError(
                    f"Er zijn al {MAX_HERINNERINGEN} herinneringen gepland, het maximum. "
                    "Haal een geplande herinnering weg onder 'Sluitingsdatum en herinneringen wijzigen'."
                )
            dagen = sorted([*dagen, dagen_nu])
            ronde = dagen.index(dagen_nu) + 1
            enquete.herinnering_dagen = dagen
            enquete.save(update_fields=["herinnering_dagen"])
        ronde_in_wachtrij(enquete, ronde)
        log_actie(
            werkgroep=enquete.werkgroep,
            actor=actor,
            actie="enquete.herinneren",
            omschrijving=f"Herinnering {ronde} van de enquête nu in de wachtrij gezet",
            enquete=enquete.pk,
        )
        enqueue_na_commit(
            "analyse.tasks.herinneringen_versturen",
            werkgroep_id=enquete.werkgroep_id,
            enquete_id=enquete.pk,
            ronde=ronde,
        )
    return ronde
