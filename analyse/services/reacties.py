"""An entrepreneur's response: stored anonymously, exactly once per invitation (§4.1.1).

The one place a response is written (online, or a paper questionnaire the secretary enters).
The response row gets the park and the answers and nothing else; the invitation is marked
answered in the same transaction, and the draft kept between visits is deleted.

Answers to a follow-up whose condition was not met are dropped (they were not asked). A
submission without a single answer is no response: it only raises the park's count of empty
submissions (``LegeInzending``), which the response rule does not count; the invitation is
answered all the same, so no reminder follows.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from analyse.antwoorden import alleen_gevraagd, controleer
from analyse.models import Enquete, EnqueteConcept, EnqueteUitnodiging, LegeInzending, Reactie

AL_BEANTWOORD = "Deze enquête is al ingevuld. Dank u wel; een tweede keer invullen kan niet."
GESLOTEN = "Deze enquête is gesloten; er kunnen geen antwoorden meer worden ingestuurd."
NIET_GEOPEND = "Deze enquête is nog niet verstuurd."


def reactie_indienen(*, uitnodiging: EnqueteUitnodiging, antwoorden: dict, papier: bool = False, actor=None) -> bool:
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
        # Claim the invitation first: of two simultaneous submissions only one updates the row.
        geclaimd = EnqueteUitnodiging.objects.filter(pk=uitnodiging.pk, beantwoord=False).update(
            beantwoord=True, papier=papier
        )
        if not geclaimd:
            raise ValidationError(AL_BEANTWOORD)
        terrein_id = uitnodiging.ondernemer.terrein_id
        if antwoorden:
            Reactie.objects.create(enquete=enquete, terrein_id=terrein_id, antwoorden=antwoorden)
        else:
            teller, _ = LegeInzending.objects.get_or_create(enquete=enquete, terrein_id=terrein_id)
            LegeInzending.objects.filter(pk=teller.pk).update(aantal=F("aantal") + 1)
        EnqueteConcept.objects.filter(uitnodiging=uitnodiging).delete()
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
