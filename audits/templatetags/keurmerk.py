"""``{% keurmerk werkgroep %}``: the KVO mark, shown only while a valid, unsuspended certificate exists (§7.2, B1.2).

A template tag, so pages of earlier apps (the work group's home) can show the mark without
importing ``audits``.
"""

from django import template
from django.utils import timezone

from kvo import versie

register = template.Library()
LEEST = versie.leest("keurmerk", "certificaat", "audit")  # the parts of the data it reads (kvo.versie)


@register.inclusion_tag("audits/_keurmerk.html")
def keurmerk(werkgroep):
    from audits.services import geldig_certificaat

    if not werkgroep:
        return {"certificaat": None}
    vandaag = timezone.localdate()  # on every page of the group: kept under its data version (kvo.versie)
    return {
        "certificaat": versie.bewaard(werkgroep, "keurmerk", (vandaag,), lambda: geldig_certificaat(werkgroep, vandaag))
    }
