"""An entrepreneur's response: stored anonymously, exactly once per invitation (§4.1.1).

The one place a response is written (online, or a paper questionnaire the secretary enters).
The response row gets the park and the answers and nothing else; the invitation is marked
answered in the same transaction, and the draft kept between visits is deleted.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from analyse.antwoorden import controleer
from analyse.models import Enquete, EnqueteConcept, EnqueteUitnodiging, Reactie

AL_BEANTWOORD = "Deze enquête is al ingevuld. Dank u wel; een tweede keer invullen kan niet."
GESLOTEN = "Deze enquête is gesloten; er kunnen geen antwoorden meer worden ingestuurd."
NIET_GEOPEND = "Deze enquête is nog niet verstuurd."


def reactie_indienen(*, uitnodiging: EnqueteUitnodiging, antwoorden: dict, papier: bool = False, actor=None) -> None:
    """Store one response for ``uitnodiging``; refuses (ValidationError) a second one or a closed survey.

    ``antwoorden`` maps question refs to stored values (see ``analyse.antwoorden``); unknown
    refs and invalid values are refused. No log line carries the answers.
    """
    enquete = Enquete.objects.get(pk=uitnodiging.enquete_id)  # fresh: "sent" and "closed" are decided now
    vragen = {v.ref: v for v in enquete.vragen.all()}
    onbekend = [ref for ref in antwoorden if ref not in vragen]
    ongeldig = [ref for ref, w in antwoorden.items() if ref in vragen and not controleer(vragen[ref], w)]
    if onbekend or ongeldig:
        raise ValidationError("Een of meer antwoorden horen niet bij deze enquête of zijn ongeldig.")
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
        Reactie.objects.create(
            enquete=enquete,
            terrein_id=uitnodiging.ondernemer.terrein_id,
            antwoorden={ref: w for ref, w in antwoorden.items() if w is not None},
        )
        EnqueteConcept.objects.filter(uitnodiging=uitnodiging).delete()
        if papier and actor is not None:
            from werkgroepen.logboek import log_actie

            log_actie(
                werkgroep=enquete.werkgroep,
                actor=actor,
                actie="enquete.papier",
                omschrijving="Papieren vragenlijst ingevoerd",
            )
    uitnodiging.beantwoord = True
    uitnodiging.papier = papier
