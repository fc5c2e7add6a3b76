"""The public verification page of a certificate: ``/certificaat/<publiek_id>/``, no login.

Whoever scans the QR code on a certificate sees its number, the work group, the area (its business
parks), the date it is valid until and its status today: geldig, geschorst, ingetrokken or verlopen.
Nothing else: no member, address, e-mail or body data. Only certificates the body issued in the
product have this page; one the group uploaded (``aangeleverd``) is the body's to vouch for, and an
unknown id answers the same 404. The id is 256 random bits (``nieuw_publiek_id``); the page is
rate-limited per client address like the survey and sends ``X-Robots-Tag: noindex`` and no Referer.
"""

from __future__ import annotations

import re

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_ratelimit.core import is_ratelimited
from django_scopes import scopes_disabled

from audits.models import Certificaat
from gebieden.models import Bedrijventerrein

PUBLIEK_ID = re.compile(r"^[A-Za-z0-9_-]{43}$")
STATUSTEKST = {
    "geldig": "Dit certificaat is geldig.",
    "geschorst": "Dit certificaat is geschorst door de certificatie-instelling; het keurmerk geldt nu niet.",
    "ingetrokken": "Dit certificaat is ingetrokken door de certificatie-instelling en is niet meer geldig.",
    "verlopen": "Dit certificaat is verlopen en niet meer geldig.",
    "nog niet geldig": "Dit certificaat is nog niet geldig.",
}


def _antwoord(request, template: str, context: dict, status: int):
    antwoord = render(request, template, context, status=status)
    antwoord["X-Robots-Tag"] = "noindex, nofollow"
    antwoord["Referrer-Policy"] = "no-referrer"  # the URL holds the id
    return antwoord


@never_cache
@require_GET
def verificatie(request, publiek_id: str):
    if is_ratelimited(request, group="certificaat-ip", key="ip", rate="60/m", increment=True):
        return _antwoord(request, "certificaat/verificatie.html", {"te_vaak": True}, 429)
    c = None
    if PUBLIEK_ID.match(publiek_id):
        with scopes_disabled():
            c = (
                Certificaat.objects.filter(publiek_id=publiek_id, bron=Certificaat.Bron.INSTELLING)
                .select_related("audit__werkgroep")
                .first()
            )
    if c is None:
        return _antwoord(request, "certificaat/verificatie.html", {"onbekend": True}, 404)
    with scopes_disabled():
        terreinen = list(
            Bedrijventerrein.objects.filter(werkgroep_id=c.audit.werkgroep_id)
            .order_by("naam")
            .values_list("naam", flat=True)
        )
    status = c.status(timezone.localdate())
    return _antwoord(
        request,
        "certificaat/verificatie.html",
        {"nummer": c.nummer, "werkgroep": c.audit.werkgroep.naam, "terreinen": terreinen, "geldig_tot": c.geldig_tot,
         "status": status, "statustekst": STATUSTEKST[status]},
        200,
    )  # fmt: skip
