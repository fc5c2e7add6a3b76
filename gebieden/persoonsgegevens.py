"""The entrepreneurs' register as personal data (``kvo.avg``): kept while the group works, anonymised
once it has ended; an entrepreneur's request finds, exports and anonymises their row."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import Q

from gebieden.models import Ondernemer
from kvo.avg import VERWIJDERDE_ONDERNEMER, Betrokkene, Gegevenssoort, Opgeruimd, anonimiseer, registreer
from werkgroepen.logboek import log_naam_vervangen
from werkgroepen.models import Werkgroep

ANONIEM = {
    "naam": VERWIJDERDE_ONDERNEMER,
    "adres": "",
    "postcode": "",
    "huisnummer": "",
    "plaats": "",
    "email": None,
}
NOG_TE_ANONIMISEREN = (
    ~Q(naam=VERWIJDERDE_ONDERNEMER)
    | ~Q(adres="")
    | ~Q(postcode="")
    | ~Q(huisnummer="")
    | ~Q(plaats="")
    | Q(email__isnull=False)
)


def zoek_ondernemers(*, email: str = "", naam: str = "", werkgroep_id=None, pk=None) -> list[Betrokkene]:
    if not werkgroep_id:
        return []
    rijen = Ondernemer.objects.filter(terrein__werkgroep_id=werkgroep_id).exclude(naam=VERWIJDERDE_ONDERNEMER)
    if pk:
        rijen = rijen.filter(pk=pk)
    elif email or len(naam) >= 2:
        rijen = rijen.filter((Q(email__iexact=email) if email else Q()) & (Q(naam__icontains=naam) if naam else Q()))
    else:
        return []
    return [
        Betrokkene(
            soort="ondernemer",
            omschrijving=f"{o.naam} ({o.terrein.naam}{f', {o.email}' if o.email else ''})",
            email=(o.email or "").lower(),
            ids=(o.pk,),
            werkgroep_ids=(werkgroep_id,),
            namen=(o.naam,),
        )
        for o in rijen.select_related("terrein").order_by("naam", "pk")[:50]
    ]


def _ondernemers(b: Betrokkene):
    return Ondernemer.objects.filter(pk__in=b.ids if b.soort == "ondernemer" else [])


def exporteer_ondernemer(b: Betrokkene) -> list[dict]:
    uit = []
    for o in _ondernemers(b).select_related("terrein__werkgroep"):
        uit.append(
            {
                "werkgroep": o.terrein.werkgroep.naam,
                "bedrijventerrein": o.terrein.naam,
                "naam": o.naam,
                "adres": o.adres,
                "postcode": o.postcode,
                "huisnummer": o.huisnummer,
                "plaats": o.plaats,
                "email": o.email,
                "lid_ondernemersvereniging": o.lid_ondernemersvereniging,
                "wijzigingen": [
                    {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in h.items()}
                    for h in o.history.order_by("history_date").values(
                        "history_date", "history_type", "naam", "adres", "postcode", "huisnummer", "plaats", "email"
                    )
                ],
            }
        )
    return uit


def wis_ondernemer(b: Betrokkene, actor) -> int:
    per_werkgroep: dict[int, list[int]] = defaultdict(list)
    for o in _ondernemers(b).select_related("terrein"):
        per_werkgroep[o.terrein.werkgroep_id].append(o.pk)
        log_naam_vervangen(werkgroep_id=o.terrein.werkgroep_id, naam=o.naam, door=VERWIJDERDE_ONDERNEMER)
    return anonimiseer(Ondernemer, per_werkgroep, ANONIEM, actor=actor)


def register_opruimen(vandaag: dt.date) -> Opgeruimd:
    """A group that has ended (on or before yesterday) no longer needs its register: names and
    addresses are anonymised, the rows stay so every count the group's records hold stays the same."""
    per_werkgroep: dict[int, list[int]] = defaultdict(list)
    rijen = Ondernemer.objects.filter(
        terrein__werkgroep__status=Werkgroep.Status.BEEINDIGD, terrein__werkgroep__status_sinds__lt=vandaag
    ).filter(NOG_TE_ANONIMISEREN)
    for pk, werkgroep_id in rijen.values_list("pk", "terrein__werkgroep_id"):
        per_werkgroep[werkgroep_id].append(pk)
    anonimiseer(Ondernemer, per_werkgroep, ANONIEM)
    return Opgeruimd({w: len(p) for w, p in per_werkgroep.items()})


registreer(
    Gegevenssoort(
        sleutel="gebieden.ondernemers",
        naam="Ondernemersregister",
        betrokkenen="ondernemers",
        gegevens="naam van het bedrijf of de ondernemer, adres, postcode, plaats, e-mailadres, of u lid bent van "
        "de ondernemersvereniging",
        doel="alle ondernemers van het gebied bereiken: de veiligheidsenquête en de nieuwsbrieven van de "
        "werkgroep (KVO-handboek §3.7, §4.1.1), en tellen hoeveel ondernemers er zijn",
        grondslag="gerechtvaardigd belang van het samenwerkingsverband (art. 6 lid 1 sub f AVG)",
        bewaartermijn="zolang de werkgroep bestaat; de dag na het beëindigen van de werkgroep worden naam en "
        "adres geanonimiseerd (de aantallen blijven)",
        ontvangers="de secretaris en leden van de werkgroep; KVO Werkplaats als verwerker; de ingestelde "
        "maildienst als subverwerker bij uitnodigingen per e-mail",
        handeling="geanonimiseerd",
        opruimen=register_opruimen,
        zoek=zoek_ondernemers,
        exporteer=exporteer_ondernemer,
        wis=wis_ondernemer,
        volgorde=30,
    )
)
