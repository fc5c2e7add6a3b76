"""A member's choice whether to receive the weekly "Mijn acties" mail (``WeekmailAfmelding``)."""

from __future__ import annotations

from django.db import transaction

from aanpak.models import WeekmailAfmelding


@transaction.atomic
def weekmail_kies(*, actor, lid, ontvangen: bool) -> None:
    """``ontvangen``: the member gets the mail again (their opt-out is removed); else they opt out
    (once: a second opt-out changes nothing). ``actor`` is the member's own account."""
    if ontvangen:
        WeekmailAfmelding.objects.filter(lid=lid).delete()
    else:
        WeekmailAfmelding.objects.get_or_create(lid=lid, defaults={"werkgroep_id": lid.werkgroep_id})
