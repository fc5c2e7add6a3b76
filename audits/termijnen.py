"""The audit's deadlines on the facilitator's portfolio (§5.2.1, §6.3, §7.2).

The document set is due 14 days before the audit while none has been delivered; the audit
date itself while it lies ahead; a deviation's supplements 2 months after it was found while
none has arrived; the certificate's expiry date of the group's newest valid certificate.
"""

import datetime as dt

from django.db.models import Max
from django.urls import reverse

from audits.models import Afwijking, Audit, Certificaat, Waardering
from audits.regels import AANLEVERING_DAGEN, AANVULLING_MAANDEN, plus_maanden
from kvo.regelingen import regeling_van
from kvo.termijnen import Termijn, bijdrage


@bijdrage
def audits(werkgroepen, vandaag):
    # a scheme without an audit (PVO, issue 23) has none of these deadlines
    slugs = {w.pk: w.slug for w in werkgroepen if regeling_van(w).heeft_audit}

    def url(pk: int, naam: str = "audits:audit") -> str:
        return reverse(naam, kwargs={"werkgroep": slugs[pk]})

    termijnen = []
    komend = Audit.objects.filter(werkgroep_id__in=slugs, datum__gte=vandaag).values_list(
        "werkgroep_id", "datum", "documentenset_aangeleverd_op"
    )
    for pk, datum, aangeleverd in komend:
        if aangeleverd is None:
            termijnen.append(
                Termijn("Documentenset aanleveren", datum - dt.timedelta(days=AANLEVERING_DAGEN), pk, url(pk))
            )
        termijnen.append(Termijn("Audit", datum, pk, url(pk)))
    afwijkingen = Afwijking.objects.filter(audit__werkgroep_id__in=slugs, aanvulling_op__isnull=True).values_list(
        "audit__werkgroep_id", "vastgesteld_op"
    )
    for pk, vastgesteld in afwijkingen:
        termijnen.append(
            Termijn("Aanvullingen op afwijking", plus_maanden(vastgesteld, AANVULLING_MAANDEN), pk, url(pk))
        )
    certificaten = (
        Certificaat.objects.filter(audit__werkgroep_id__in=slugs, ingetrokken_op__isnull=True, geschorst=False)
        .values("audit__werkgroep_id")
        .annotate(tot=Max("geldig_tot"))
        .values_list("audit__werkgroep_id", "tot")
    )
    for pk, tot in certificaten:
        termijnen.append(Termijn("Certificaat verloopt", tot, pk, url(pk, "audits:certificaat")))
    return termijnen


@bijdrage
def waarderingen(werkgroepen, vandaag):
    """PVO (issue 23): a planned waardering that has not been held yet is the group's deadline."""
    slugs = {w.pk: w.slug for w in werkgroepen if regeling_van(w).heeft_waardering}
    if not slugs:  # no query for a portfolio of KVO groups only
        return []
    rijen = Waardering.objects.filter(
        werkgroep_id__in=slugs, gehouden_op__isnull=True, gepland_op__isnull=False
    ).values_list("werkgroep_id", "gepland_op")
    return [
        Termijn("Waardering", gepland_op, pk, reverse("audits:pvo_waardering", kwargs={"werkgroep": slugs[pk]}))
        for pk, gepland_op in rijen
    ]
