"""The audit's personal data (``kvo.avg``): who attended, the contact for the certification body, and
the auditor's time-limited access."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from audits.models import Audit, AuditorToegang
from kvo.avg import Betrokkene, Gegevenssoort, registreer


def exporteer_audit(b: Betrokkene) -> dict | None:
    if b.soort != "lid":
        return None
    aanwezig = [
        {"werkgroep": w, "audit": d.isoformat() if d else None}
        for w, d in Audit.objects.filter(aanwezigen__in=b.ids).distinct().values_list("werkgroep__naam", "datum")
    ]
    contact = [
        {"werkgroep": w, "audit": d.isoformat() if d else None}
        for w, d in Audit.objects.filter(contactpersoon__in=b.ids).values_list("werkgroep__naam", "datum")
    ]
    toegang = [
        {
            "werkgroep": t.audit.werkgroep.naam,
            "verleend_op": t.verleend_op.isoformat(),
            "geldig_tot": t.geldig_tot.isoformat(),
            "ingetrokken_op": t.ingetrokken_op.isoformat() if t.ingetrokken_op else None,
        }
        for t in AuditorToegang.objects.filter(user_id=b.user_id or 0).select_related("audit__werkgroep")
    ]
    uit = {"aanwezig_bij_audit": aanwezig, "contactpersoon_voor_de_ci": contact, "toegang_als_auditor": toegang}
    return uit if any(uit.values()) else None


def bezwaren_auditor(b: Betrokkene, vandaag: dt.date) -> list[str]:
    if not b.user_id:
        return []
    nu = timezone.now()
    if AuditorToegang.objects.filter(user_id=b.user_id, ingetrokken_op__isnull=True, geldig_tot__gt=nu).exists():
        return ["Dit account heeft nu toegang als auditor tot een audit: wacht tot die afloopt of trek hem in."]
    return []


registreer(
    Gegevenssoort(
        sleutel="audits.audit",
        naam="Audit en auditortoegang",
        betrokkenen="leden",
        gegevens="wie bij de audit aanwezig was, de contactpersoon voor de certificatie-instelling, welke "
        "auditor wanneer toegang had tot de documentenset",
        doel="de audit voorbereiden en aantonen wie de aangeleverde stukken heeft ingezien (KVO-handboek §5–6)",
        grondslag="gerechtvaardigd belang van het samenwerkingsverband (art. 6 lid 1 sub f AVG)",
        bewaartermijn="zolang de werkgroep bestaat en daarna de bewaartermijn van het archief; de toegang van "
        "de auditor eindigt vanzelf op de afgesproken datum",
        ontvangers="de werkgroep, de procesbegeleider en de certificatie-instelling; KVO Werkplaats als verwerker",
        exporteer=exporteer_audit,
        bezwaren=bezwaren_auditor,
        volgorde=50,
    )
)

registreer(
    Gegevenssoort(
        sleutel="audits.certificatie_instelling",
        naam="Contactgegevens van de certificatie-instelling",
        betrokkenen="auditors",
        gegevens="naam van de auditor en het e-mailadres van de certificatie-instelling voor de ontvangstbevestiging",
        doel="de documentenset aanleveren en de ontvangst bevestigen (KVO-handboek §5.2)",
        grondslag="gerechtvaardigd belang van het samenwerkingsverband (art. 6 lid 1 sub f AVG)",
        bewaartermijn="zolang de werkgroep bestaat en daarna de bewaartermijn van het archief",
        ontvangers="de werkgroep en de procesbegeleider; KVO Werkplaats als verwerker",
        openbaar=False,
        volgorde=51,
    )
)
