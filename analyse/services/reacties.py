"""An entrepreneur's response: stored anonymously, exactly once per invitation (§4.1.1).

The one place a response is written (online, or a paper questionnaire the secretary enters).
The response row gets the park and the answers and nothing else; the invitation is marked
answered in the same transaction, and the draft kept between visits is deleted.

Results are published in batches (``reacties_publiceer``), so that comparing two exports never
isolates one response: a new response is held back until at least ``MIN_REACTIES`` responses of
its park are held back, and those are published together, with the "ingevuld" of the park's
answered invitations. After closing, the held-back rest of all parks goes into the area's results
(not the parks') once it numbers at least ``MIN_REACTIES``.

Answers to a follow-up whose condition was not met are dropped (they were not asked). A
submission without a single answer is no response: it only raises the park's count of empty
submissions (``LegeInzending``), which the response rule does not count; the invitation is
answered all the same, so no reminder follows.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F
from django.utils import timezone

from analyse.antwoorden import alleen_gevraagd, controleer
from analyse.models import Enquete, EnqueteConcept, EnqueteUitnodiging, LegeInzending, Reactie, Reactieteller
from analyse.selectors.resultaten import MIN_REACTIES

AL_BEANTWOORD = "Deze enquête is al ingevuld. Dank u wel; een tweede keer invullen kan niet."
GESLOTEN = "Deze enquête is gesloten; er kunnen geen antwoorden meer worden ingestuurd."
NIET_GEOPEND = "Deze enquête is nog niet verstuurd."


def reactie_dien_in(*, uitnodiging: EnqueteUitnodiging, antwoorden: dict, papier: bool = False, actor=None) -> bool:
    """Store one response for ``uitnodiging``; refuses (ValidationError) a second one or a closed survey.

    ``antwoorden`` maps question refs to stored values (see ``analyse.antwoorden``); unknown
    refs and invalid values are refused. No log line carries the answers. Returns False when
    no answer remained (an empty submission, counted apart), else True.
    """
    enquete = Enquete.objects.get(pk=uitnodiging.enquete_id)  # fresh: "sent" and "closed" are decided now
    alle = list(enquete.vragen.all())
    vragen = {v.ref: v for v in alle}
    onbekend = [ref for ref in antwoorden if ref not in vragen]
    ongeldig = [ref for ref, w in antwoorden.items() if ref in vragen and not controleer(vragen[ref], w)]
    if onbekend or ongeldig:
        raise ValidationError("Een of meer antwoorden horen niet bij deze enquête of zijn ongeldig.")
    antwoorden = alleen_gevraagd(alle, antwoorden)
    vandaag = timezone.localdate()
    if not enquete.is_verstuurd:
        raise ValidationError(NIET_GEOPEND)
    if enquete.is_gesloten(vandaag) and not papier:
        raise ValidationError(GESLOTEN)
    with transaction.atomic():
        # One publication at a time per survey: a second submission waits here and then counts the
        # first one's held-back response, so a batch is never split over two transactions.
        enquete = Enquete.objects.select_for_update().get(pk=enquete.pk)
        # Closed: the rest already on show (``selectors.resultaten.gepubliceerde_reacties``) is fixed
        # first, so this response cannot join it one by one. (While open, every submission publishes
        # what makes a batch at its end, so nothing could be published here.)
        if enquete.is_gesloten(vandaag):
            reacties_publiceer(enquete=enquete, op=vandaag)
        # Claim the invitation first: of two simultaneous submissions only one updates the row.
        geclaimd = EnqueteUitnodiging.objects.filter(pk=uitnodiging.pk, beantwoord=False).update(
            beantwoord=True, papier=papier
        )
        if not geclaimd:
            raise ValidationError(AL_BEANTWOORD)
        terrein_id = uitnodiging.ondernemer.terrein_id
        if antwoorden:
            Reactie.objects.create(enquete=enquete, terrein_id=terrein_id, antwoorden=antwoorden)
            reactieteller_verhoog(enquete_id=enquete.pk, terrein_id=terrein_id)
        else:
            teller, _ = LegeInzending.objects.get_or_create(enquete=enquete, terrein_id=terrein_id)
            LegeInzending.objects.filter(pk=teller.pk).update(aantal=F("aantal") + 1)
        EnqueteConcept.objects.filter(uitnodiging=uitnodiging).delete()
        reacties_publiceer(enquete=enquete, op=vandaag)
        if papier and actor is not None:
            from werkgroepen.logboek import log_actie

            log_actie(
                werkgroep=enquete.werkgroep,
                actor=actor,
                actie="enquete.papier",
                omschrijving="Papieren vragenlijst ingevoerd" + ("" if antwoorden else " (leeg, niet meegeteld)"),
            )
    uitnodiging.beantwoord = True
    uitnodiging.papier = papier
    return bool(antwoorden)


def reactieteller_verhoog(*, enquete_id: int, terrein_id: int, aantal: int = 1) -> None:
    """Raise the park's response figure by ``aantal``, in the caller's transaction: one ``F()`` update
    (the row is made on the park's first response), so simultaneous submissions never lose a count."""
    tellers = Reactieteller.objects.filter(enquete_id=enquete_id, terrein_id=terrein_id)
    if not tellers.update(aantal=F("aantal") + aantal):
        with transaction.atomic():  # a second first response at the same moment: it then updates
            Reactieteller.objects.get_or_create(enquete_id=enquete_id, terrein_id=terrein_id)
        tellers.update(aantal=F("aantal") + aantal)


def reacties_publiceer(*, enquete: Enquete, op=None) -> int:
    """Publish the held-back responses that make a batch; returns how many were published.

    Per park: all its held-back responses once there are at least ``MIN_REACTIES``, and with them
    "ingevuld" for the park's answered invitations. Closed (``op`` after the closing date): the
    held-back rest of all parks together, once at least ``MIN_REACTIES``, in the area's results only.
    Call inside the transaction that holds the survey's row lock.
    """
    op = op or timezone.localdate()
    wachtend = Reactie.objects.filter(enquete=enquete, zichtbaar=Reactie.Zichtbaar.NEE)
    terreinen = list(
        wachtend.order_by()
        .values("terrein_id")
        .annotate(n=Count("pk"))
        .filter(n__gte=MIN_REACTIES)
        .values_list("terrein_id", flat=True)
    )
    aantal = 0
    if terreinen:
        aantal += wachtend.filter(terrein_id__in=terreinen).update(zichtbaar=Reactie.Zichtbaar.TERREIN)
        EnqueteUitnodiging.objects.filter(
            enquete=enquete, beantwoord=True, ingevuld_zichtbaar=False, ondernemer__terrein_id__in=terreinen
        ).update(ingevuld_zichtbaar=True)
    if enquete.is_gesloten(op) and wachtend.count() >= MIN_REACTIES:
        aantal += wachtend.update(zichtbaar=Reactie.Zichtbaar.TOTAAL)
    return aantal


def concept_bewaar(*, uitnodiging: EnqueteUitnodiging, antwoorden: dict) -> None:
    """Keep an entrepreneur's answers so far (the survey in steps; anonymous, so no ``actor``).

    One statement (insert, or update the row the invitation has): every step of every entrepreneur
    does this, and no kept result reads it (``kvo.versie``: it changes no version)."""
    EnqueteConcept.objects.bulk_create(
        [EnqueteConcept(uitnodiging=uitnodiging, antwoorden=antwoorden)],
        update_conflicts=True,
        unique_fields=["uitnodiging"],
        update_fields=["antwoorden"],
    )
