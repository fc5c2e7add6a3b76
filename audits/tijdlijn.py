"""The audit on the work group's timeline (§5, §6)."""

from django.urls import reverse

from kvo.tijdlijn import Mijlpaal, bijdrage


@bijdrage(volgorde=80)
def audit(werkgroep, cyclus, vandaag):
    audit = werkgroep.audits.filter(cyclus=cyclus, datum__isnull=False).order_by("datum").first()
    url = reverse("audits:toets", kwargs={"werkgroep": werkgroep.slug})
    return [Mijlpaal("Audit", audit.datum if audit else None, audit.certificatie_instelling if audit else "", url)]
