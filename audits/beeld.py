"""The scheme and certificate status for the facilitator's picture (``kvo.beeld``).

KVO or PVO by the work group's handbook (``Werkgroep.handboek``: "PVO Veilig Bedrijventerrein" is
PVO), and per cycle what its audit brought: a certificate (valid today, expired, suspended,
withdrawn) or none yet. A cycle without a certificate of its own carries the one of the cycle
before (a renewing group is certified until its new audit). A paused or ended work group says so
instead.
"""

from __future__ import annotations

from django.utils import timezone

from audits.models import Certificaat
from kvo.beeld import Waarde, indicator
from werkgroepen.models import Werkgroep


def regeling(handboek: str) -> str:
    return "PVO" if "PVO" in (handboek or "").upper() else "KVO"


@indicator(
    "audits.status",
    naam="Regeling en status",
    uitleg="KVO of PVO (het handboek van de werkgroep) en per cyclus het certificaat: geldig, verlopen, "
    "geschorst of ingetrokken, of nog geen.",
    soort="categorie",
    per_werkgroep=True,
    volgorde=50,
)
def status(terreinen, cycli):
    vandaag = timezone.localdate()
    groepen = {
        wg.pk: wg
        for wg in Werkgroep.objects.filter(pk__in={t.werkgroep_id for t in terreinen}).only(
            "pk", "handboek", "status", "status_sinds"
        )
    }
    certificaten: dict[tuple[int, int], Certificaat] = {}
    for c in (
        Certificaat.objects.filter(audit__werkgroep_id__in=list(groepen))
        .select_related("audit__cyclus")
        .order_by("uitgegeven_op")
    ):
        certificaten[(c.audit.werkgroep_id, c.audit.cyclus.nummer)] = c  # the newest of a cycle wins
    per_werkgroep: dict[int, list[tuple[int, Waarde]]] = {}
    vorige: dict[int, Certificaat] = {}  # per work group the certificate of its latest cycle so far
    for c in sorted(cycli, key=lambda c: (c.werkgroep_id, c.nummer)):
        wg = groepen.get(c.werkgroep_id)
        if wg is None:
            continue
        soort = regeling(wg.handboek)
        cert = certificaten.get((c.werkgroep_id, c.nummer)) or vorige.get(c.werkgroep_id)
        if cert is not None:
            vorige[c.werkgroep_id] = cert
        if wg.status != Werkgroep.Status.ACTIEF:
            toestand = wg.get_status_display()
        elif cert is None:
            toestand = "geen certificaat"
        else:
            toestand = {"geldig": "gecertificeerd"}.get(cert.status(vandaag), f"certificaat {cert.status(vandaag)}")
        label = f"{soort}: {toestand}"
        per_werkgroep.setdefault(c.werkgroep_id, []).append((c.nummer, Waarde(label, labels=(label,))))
    return {(t.pk, nummer): w for t in terreinen for nummer, w in per_werkgroep.get(t.werkgroep_id, [])}
