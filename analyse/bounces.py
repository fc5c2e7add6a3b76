"""Bounces and complaints of survey mails, from the mail provider's signed tracking webhook.

Every invitation and reminder carries the invitation's id as anymail ``metadata``
(``kvo_uitnodiging``, Mailgun's custom data, which its webhook sends back) and as an
``X-KVO-Uitnodiging`` header. A bounce or a spam complaint for that id, to the address the
entrepreneur still has in the register, marks the invitation undeliverable (``onbestelbaar``):
the invitations page shows it, the letter flow of its park picks it up and reminders skip it.
Matching is by that id only, never by reading the returned message.
"""

from __future__ import annotations

import logging

from anymail.signals import EventType, RejectReason, tracking
from django.dispatch import receiver
from django_scopes import scopes_disabled

from analyse.services.verzending import KOP, SLEUTEL, kenmerk  # noqa: F401  (the mark is made where mails are sent)

logger = logging.getLogger(__name__)


def _soort(event) -> str | None:
    if event.event_type == EventType.BOUNCED:
        return "bounce"
    if event.event_type == EventType.COMPLAINED:
        return "klacht"
    if event.event_type == EventType.REJECTED and event.reject_reason == RejectReason.BOUNCED:
        return "bounce"  # the provider refused to send: the address bounced before
    return None


@receiver(tracking, dispatch_uid="analyse.bounces.verwerk")
def verwerk(sender, event, esp_name, **kwargs) -> None:
    from analyse.models import EnqueteUitnodiging
    from analyse.services.uitnodigingen import uitnodiging_verwerk_bounce

    soort = _soort(event)
    waarde = str((event.metadata or {}).get(SLEUTEL, ""))
    if soort is None or not waarde.isdigit():
        return
    with scopes_disabled():
        uitnodiging = (
            EnqueteUitnodiging.objects.select_related("ondernemer", "enquete__werkgroep").filter(pk=int(waarde)).first()
        )
    if uitnodiging is None:
        return
    adres = (uitnodiging.ondernemer.email or "").strip().lower()
    if not adres or adres != (event.recipient or "").strip().lower():
        logger.info("bounce voor uitnodiging %s past niet bij het huidige adres; genegeerd", uitnodiging.pk)
        return
    from django_scopes import scope

    with scope(werkgroep=uitnodiging.enquete.werkgroep):
        uitnodiging_verwerk_bounce(
            uitnodiging=uitnodiging, soort=soort, melding=event.description or event.mta_response or ""
        )
