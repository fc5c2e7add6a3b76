"""The plan's personal data (``kvo.avg``): who wrote a progress note, and the weekly mail's ledger."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import Q

from aanpak.models import Voortgang, Weekmail, WeekmailAfmelding
from kvo.avg import VERWIJDERD_LID, Betrokkene, Gegevenssoort, Opgeruimd, anonimiseer, registreer
from werkgroepen.models import Lid

WEEKMAIL_BEWAREN = dt.timedelta(days=90)


def _van_lid(b: Betrokkene):
    """Progress notes by the person: their account, or (without an account) their name in their groups."""
    if b.soort != "lid":
        return Voortgang.objects.none()
    voorwaarde = Q(auteur_id=b.user_id) if b.user_id else Q(pk__in=[])
    for naam, werkgroep_id in Lid.objects.filter(pk__in=b.ids).values_list("naam", "werkgroep_id"):
        voorwaarde |= Q(auteur_naam__iexact=naam, maatregel__plan__werkgroep_id=werkgroep_id)
    return Voortgang.objects.filter(voorwaarde)


def exporteer_voortgang(b: Betrokkene) -> list[dict]:
    # the note's text is the group's record and may name others: the export says which notes, not their text
    return [
        {"werkgroep": w, "maatregel": t, "datum": d.isoformat()}
        for w, t, d in _van_lid(b)
        .order_by("datum", "pk")
        .values_list("maatregel__plan__werkgroep__naam", "maatregel__titel", "datum")
    ]


def wis_voortgang(b: Betrokkene, actor) -> int:
    per_werkgroep: dict[int, list[int]] = defaultdict(list)
    for pk, werkgroep_id in _van_lid(b).values_list("pk", "maatregel__plan__werkgroep_id"):
        per_werkgroep[werkgroep_id].append(pk)
    return anonimiseer(Voortgang, per_werkgroep, {"auteur_naam": VERWIJDERD_LID, "auteur": None}, actor=actor)


registreer(
    Gegevenssoort(
        sleutel="aanpak.voortgang",
        naam="Voortgang van maatregelen",
        betrokkenen="leden",
        gegevens="wie de voortgang van een maatregel vastlegde (naam, account) en wanneer",
        doel="het plan van aanpak uitvoeren en de voortgang aantonen (KVO-handboek §4.3)",
        grondslag="gerechtvaardigd belang van het samenwerkingsverband (art. 6 lid 1 sub f AVG)",
        bewaartermijn="zolang de werkgroep bestaat en daarna de bewaartermijn van het archief; na een verzoek "
        "om verwijdering staat er 'verwijderd lid'",
        ontvangers="de leden van de werkgroep, de procesbegeleider en de auditor; KVO Werkplaats als verwerker",
        exporteer=exporteer_voortgang,
        wis=wis_voortgang,
        volgorde=40,
    )
)


def weekmail_opruimen(vandaag: dt.date) -> Opgeruimd:
    uit = Opgeruimd()
    weg = Weekmail.objects.filter(week__lt=vandaag - WEEKMAIL_BEWAREN)
    for werkgroep_id in weg.values_list("werkgroep_id", flat=True):
        uit.tel(werkgroep_id)
    weg.delete()
    return uit


def exporteer_weekmail(b: Betrokkene) -> dict | None:
    if b.soort != "lid" or not b.ids:
        return None
    weken = [
        {"week": w.isoformat(), "status": s}
        for w, s in Weekmail.objects.filter(lid__in=b.ids).order_by("week").values_list("week", "status")
    ]
    afgemeld = [d.isoformat() for d in WeekmailAfmelding.objects.filter(lid__in=b.ids).values_list("sinds", flat=True)]
    return {"weekoverzichten": weken, "afgemeld_sinds": afgemeld} if weken or afgemeld else None


def wis_weekmail(b: Betrokkene, actor) -> int:
    if b.soort != "lid" or not b.ids:
        return 0
    aantal = Weekmail.objects.filter(lid__in=b.ids).delete()[0]
    return aantal + WeekmailAfmelding.objects.filter(lid__in=b.ids).delete()[0]


registreer(
    Gegevenssoort(
        sleutel="aanpak.weekmail",
        naam="Weekoverzicht 'Mijn acties'",
        betrokkenen="leden",
        gegevens="per lid en week of het overzicht is verstuurd, en of u zich hebt afgemeld",
        doel="het wekelijkse overzicht van uw acties één keer per week versturen",
        grondslag="gerechtvaardigd belang van het samenwerkingsverband (art. 6 lid 1 sub f AVG)",
        bewaartermijn="90 dagen na de week; een afmelding tot u zich weer aanmeldt of geen lid meer bent",
        ontvangers="KVO Werkplaats als verwerker; de ingestelde maildienst als subverwerker",
        opruimen=weekmail_opruimen,
        exporteer=exporteer_weekmail,
        wis=wis_weekmail,
        volgorde=41,
    )
)
