"""The personal data the work group keeps (``kvo.avg``): members, their invitations, the archive, the
log and the drafts of a new work group; with their retention and what a member's request does."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max, Q

from kvo.avg import (
    VERWIJDERD_LID,
    Betrokkene,
    Gegevenssoort,
    Opgeruimd,
    anonimiseer,
    jaren_later,
    registreer,
    vervang_naam,
)
from werkgroepen.models import Bijeenkomst, Document, Lid, Logregel, Uitnodiging, Werkgroep, WerkgroepStart
from werkgroepen.services.administratie import MINIMUM_BEWAARTERMIJN

CONTACT_NA_LIDMAATSCHAP = dt.timedelta(days=365)  # a former member's e-mail and phone
UITNODIGING_NA_VERLOPEN = dt.timedelta(days=30)  # an invitation's address and link
START_ONAANGEROERD = dt.timedelta(days=90)  # a draft of a new work group nobody finished
DATUM = "%Y-%m-%d"


def begin_van(dag: dt.date) -> dt.datetime:
    """The first moment of ``dag`` in the site's time zone."""
    from django.utils import timezone

    return timezone.make_aware(dt.datetime.combine(dag, dt.time.min))


def _termijnen() -> dict[int, int]:
    """The archive's retention in years per work group: its agreements' period, never less than six."""
    return {
        pk: max(MINIMUM_BEWAARTERMIJN, jaren or 0)
        for pk, jaren in Werkgroep.objects.values_list("pk", "afspraken__bewaartermijn_jaren")
    }


# --- members ------------------------------------------------------------------------------------


def _leden_van(b: Betrokkene):
    """The person's member rows (none for an entrepreneur: their ids are register rows)."""
    return Lid.objects.filter(pk__in=b.ids if b.soort == "lid" else []).select_related("werkgroep", "partij", "terrein")


def zoek_leden(*, email: str, naam: str = "", werkgroep_id=None, pk=None) -> list[Betrokkene]:
    if not email or "@" not in email:
        return []
    user = get_user_model().objects.filter(email__iexact=email).first()
    voorwaarde = Q(email__iexact=email) | (Q(user=user) if user else Q(pk__in=[]))
    leden = list(Lid.objects.filter(voorwaarde).select_related("werkgroep").order_by("werkgroep__naam", "pk"))
    if user is None and not leden:
        return []
    namen = sorted({lid.naam for lid in leden} | ({user.naam} if user and user.naam else set()))
    groepen = sorted({lid.werkgroep.naam for lid in leden})
    return [
        Betrokkene(
            soort="lid",
            omschrijving=f"{', '.join(namen) or email} ({email})"
            + (f", lid van {', '.join(groepen)}" if groepen else ", geen lid van een werkgroep"),
            email=email,
            user_id=user.pk if user else None,
            ids=tuple(lid.pk for lid in leden),
            werkgroep_ids=tuple(sorted({lid.werkgroep_id for lid in leden})),
            namen=tuple(namen),
        )
    ]


def exporteer_leden(b: Betrokkene) -> list[dict]:
    uit = []
    for lid in _leden_van(b):
        historie = lid.history.order_by("history_date").values(
            "history_date", "history_type", "naam", "email", "telefoon", "rollen", "lid_sinds", "lid_tot"
        )
        notulen = Bijeenkomst.objects.filter(werkgroep=lid.werkgroep_id, notulen__icontains=lid.naam).order_by("datum")
        uit.append(
            {
                "werkgroep": lid.werkgroep.naam,
                "naam": lid.naam,
                "email": lid.email,
                "telefoon": lid.telefoon,
                "partij": lid.partij.naam,
                "vertegenwoordigt_terrein": lid.terrein.naam if lid.terrein else None,
                "rollen": lid.rollen,
                "agendalid": lid.agendalid,
                "lid_sinds": lid.lid_sinds.isoformat() if lid.lid_sinds else None,
                "lid_tot": lid.lid_tot.isoformat() if lid.lid_tot else None,
                "aanwezig_bij_bijeenkomsten": [
                    {"datum": d.isoformat(), "soort": s}
                    for d, s in lid.bijeenkomsten.order_by("datum").values_list("datum", "soort")
                ],
                # the minutes are the group's archive: the text stays, the export says where the name occurs
                "genoemd_in_notulen_van": [d.datum.isoformat() for d in notulen],
                "uitnodigingen": [
                    {
                        "email": u.email,
                        "verstuurd_op": u.verstuurd_op.isoformat(),
                        "geldig_tot": u.geldig_tot.isoformat(),
                        "geaccepteerd_op": u.geaccepteerd_op.isoformat() if u.geaccepteerd_op else None,
                    }
                    for u in lid.uitnodigingen.order_by("verstuurd_op")
                ],
                "wijzigingen": [
                    {**{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in h.items()}} for h in historie
                ],
            }
        )
    return uit


def bezwaren_leden(b: Betrokkene, vandaag: dt.date) -> list[str]:
    return [
        f"{lid.naam} is nog lid van {lid.werkgroep.naam}: beëindig eerst het lidmaatschap (Leden → Beëindigen)."
        for lid in _leden_van(b)
        if lid.werkgroep.status != Werkgroep.Status.BEEINDIGD and (lid.lid_tot is None or lid.lid_tot >= vandaag)
    ]


def wis_leden(b: Betrokkene, actor) -> int:
    """The member's rows stay as "verwijderd lid" (attendance, roles in past audits keep their count);
    contact data, the account link and the invitations go; the log's sentences lose the name."""
    if b.soort != "lid":
        return 0
    leden = list(_leden_van(b))
    per_werkgroep: dict[int, list[int]] = defaultdict(list)
    for lid in leden:
        per_werkgroep[lid.werkgroep_id].append(lid.pk)
        for regel in Logregel.objects.filter(werkgroep=lid.werkgroep_id, omschrijving__icontains=lid.naam):
            regel.omschrijving = vervang_naam(regel.omschrijving, lid.naam, VERWIJDERD_LID)
            regel.save(update_fields=["omschrijving"])
    Uitnodiging.objects.filter(Q(lid__in=b.ids) | Q(email__iexact=b.email or "-")).delete()
    return len(leden) and anonimiseer(
        Lid, per_werkgroep, {"naam": VERWIJDERD_LID, "email": None, "telefoon": None, "user": None}, actor=actor
    )


def contact_oud_leden_opruimen(vandaag: dt.date) -> Opgeruimd:
    """A former member's e-mail and phone go a year after the membership ended (or the group did)."""
    grens = vandaag - CONTACT_NA_LIDMAATSCHAP
    voorbij = Q(lid_tot__lt=grens) | Q(werkgroep__status=Werkgroep.Status.BEEINDIGD, werkgroep__status_sinds__lt=grens)
    per_werkgroep: dict[int, list[int]] = defaultdict(list)
    for pk, werkgroep_id in (
        Lid.objects.filter(voorbij)
        .filter(Q(email__isnull=False) | Q(telefoon__isnull=False))
        .values_list("pk", "werkgroep_id")
    ):
        per_werkgroep[werkgroep_id].append(pk)
    anonimiseer(Lid, per_werkgroep, {"email": None, "telefoon": None})
    return Opgeruimd({w: len(p) for w, p in per_werkgroep.items()})


registreer(
    Gegevenssoort(
        sleutel="werkgroepen.leden",
        naam="Leden van de werkgroep",
        betrokkenen="leden",
        gegevens="naam, e-mailadres, telefoonnummer, partij en bedrijventerrein dat u vertegenwoordigt, rollen, "
        "lid sinds en lid tot, aanwezigheid bij bijeenkomsten, schouwen en de audit",
        doel="de samenwerking in de werkgroep en het aantonen daarvan bij de audit (KVO-handboek §3.3, §3.6)",
        grondslag="gerechtvaardigd belang van het samenwerkingsverband (art. 6 lid 1 sub f AVG); "
        "voor gemeente, politie en brandweer hun publieke taak (sub e)",
        bewaartermijn="naam en rol zolang de werkgroep bestaat en daarna de bewaartermijn van het archief "
        "(minimaal zes jaar); e-mailadres en telefoonnummer tot één jaar na het einde van het lidmaatschap "
        "(of van de werkgroep)",
        ontvangers="de leden van de werkgroep, de procesbegeleider, de auditor van de certificatie-instelling "
        "(in de aangeleverde documentenset); KVO Werkplaats als verwerker",
        handeling="geanonimiseerd",
        opruimen=contact_oud_leden_opruimen,
        zoek=zoek_leden,
        exporteer=exporteer_leden,
        wis=wis_leden,
        bezwaren=bezwaren_leden,
        volgorde=10,
    )
)


# --- invitations to join ------------------------------------------------------------------------


def uitnodigingen_opruimen(vandaag: dt.date) -> Opgeruimd:
    grens = begin_van(vandaag - UITNODIGING_NA_VERLOPEN)
    weg = Uitnodiging.objects.filter(geldig_tot__lt=grens)
    uit = Opgeruimd()
    for werkgroep_id in weg.values_list("werkgroep_id", flat=True):
        uit.tel(werkgroep_id)
    weg.delete()
    return uit


registreer(
    Gegevenssoort(
        sleutel="werkgroepen.uitnodigingen",
        naam="Uitnodigingen om lid te worden",
        betrokkenen="leden",
        gegevens="e-mailadres, wie uitnodigde, wanneer, geldig tot en geaccepteerd op",
        doel="een account aanmaken en aan de werkgroep koppelen",
        grondslag="gerechtvaardigd belang van het samenwerkingsverband (art. 6 lid 1 sub f AVG)",
        bewaartermijn="tot 30 dagen nadat de link verlopen is (ook een geaccepteerde uitnodiging)",
        ontvangers="de voorzitter en secretaris van de werkgroep; KVO Werkplaats als verwerker",
        opruimen=uitnodigingen_opruimen,
        volgorde=11,
    )
)


# --- the archive --------------------------------------------------------------------------------


def archief_opruimen(vandaag: dt.date) -> Opgeruimd:
    """A document goes with all its versions once ``bewaren_tot`` has passed and it is at least the
    group's retention period (six years or more) since its newest upload — never earlier."""
    termijnen = _termijnen()
    uit = Opgeruimd()
    kandidaten = Document.objects.filter(bewaren_tot__lt=vandaag).annotate(laatste=Max("versies__geupload_op"))
    for document in kandidaten.prefetch_related("versies"):
        laatste = document.laatste or document.bewaren_tot
        if jaren_later(laatste, termijnen.get(document.werkgroep_id, MINIMUM_BEWAARTERMIJN)) >= vandaag:
            continue
        bestanden = [(v.bestand.storage, v.bestand.name) for v in document.versies.all() if v.bestand]
        uit.tel(document.werkgroep_id)
        document.delete()
        for opslag, naam in bestanden:  # the files once the rows are really gone
            transaction.on_commit(lambda opslag=opslag, naam=naam: opslag.delete(naam))
    return uit


registreer(
    Gegevenssoort(
        sleutel="werkgroepen.archief",
        naam="Archief van de werkgroep",
        betrokkenen="leden",
        gegevens="documenten (verslagen, afspraken, brieven) met de namen die erin staan, en wie ze uploadde",
        doel="het archief dat het KVO-handboek vraagt (§3.6) en dat de auditor toetst",
        grondslag="gerechtvaardigd belang van het samenwerkingsverband (art. 6 lid 1 sub f AVG)",
        bewaartermijn="de bewaartermijn van de werkgroep (minimaal zes jaar, in de samenwerkingsafspraken) na "
        "de laatste versie, en niet vóór de datum 'bewaren tot' van het document",
        ontvangers="de leden van de werkgroep, de procesbegeleider, de auditor; KVO Werkplaats als verwerker",
        opruimen=archief_opruimen,
        volgorde=20,
    )
)


# --- the log ------------------------------------------------------------------------------------


def logboek_opruimen(vandaag: dt.date) -> Opgeruimd:
    """A log line goes once it is older than the group's archive period (six years or more)."""
    uit = Opgeruimd()
    for werkgroep_id, jaren in _termijnen().items():
        grens = jaren_later(vandaag, -jaren)
        weg = Logregel.objects.filter(werkgroep_id=werkgroep_id, tijdstip__lt=begin_van(grens))
        uit.tel(werkgroep_id, weg.delete()[0])
    return uit


registreer(
    Gegevenssoort(
        sleutel="werkgroepen.logboek",
        naam="Logboek van de werkgroep",
        betrokkenen="leden",
        gegevens="wie wat deed en wanneer (account, handeling, omschrijving), ook de bezoeken van de auditor",
        doel="verantwoording: wie heeft wat vastgesteld, en wanneer (vraag van de certificatie-instelling)",
        grondslag="gerechtvaardigd belang van het samenwerkingsverband (art. 6 lid 1 sub f AVG)",
        bewaartermijn="zo lang als het archief: de bewaartermijn van de werkgroep (minimaal zes jaar)",
        ontvangers="de leden van de werkgroep en de procesbegeleider; KVO Werkplaats als verwerker",
        opruimen=logboek_opruimen,
        exporteer=lambda b: (
            [
                {"werkgroep": naam, "tijdstip": t.isoformat(), "handeling": actie}
                for naam, t, actie in Logregel.objects.filter(actor_id=b.user_id)
                .order_by("tijdstip")
                .values_list("werkgroep__naam", "tijdstip", "actie")
            ]
            if b.user_id
            else []
        ),
        volgorde=21,
    )
)


# --- drafts of a new work group -----------------------------------------------------------------


def starts_opruimen(vandaag: dt.date) -> Opgeruimd:
    grens = begin_van(vandaag - START_ONAANGEROERD)
    aantal = WerkgroepStart.objects.filter(gewijzigd_op__lt=grens).delete()[0]
    return Opgeruimd({None: aantal} if aantal else {})


registreer(
    Gegevenssoort(
        sleutel="werkgroepen.starts",
        naam="Concepten van een nieuwe werkgroep",
        betrokkenen="leden",
        gegevens="naam en e-mailadres van de beoogde voorzitter en secretaris",
        doel="een nieuwe werkgroep in stappen aanmaken en de eerste uitnodigingen versturen",
        grondslag="gerechtvaardigd belang van het samenwerkingsverband (art. 6 lid 1 sub f AVG)",
        bewaartermijn="tot de werkgroep is aangemaakt, of 90 dagen nadat niemand meer aan het concept werkte",
        ontvangers="de procesbegeleiders van de organisatie en beheer; KVO Werkplaats als verwerker",
        opruimen=starts_opruimen,
        openbaar=False,
        volgorde=22,
    )
)


def _uploads(b: Betrokkene) -> list[dict]:
    from werkgroepen.models import DocumentVersie

    if not b.user_id:
        return []
    return [
        {"werkgroep": w, "document": t, "versie": v, "geupload_op": d.isoformat()}
        for w, t, v, d in DocumentVersie.objects.filter(geupload_door_id=b.user_id)
        .order_by("geupload_op")
        .values_list("document__werkgroep__naam", "document__titel", "versie", "geupload_op")
    ]


registreer(
    Gegevenssoort(
        sleutel="werkgroepen.uploads",
        naam="Wie een document uploadde",
        betrokkenen="leden",
        gegevens="het account dat een versie van een archiefdocument uploadde",
        doel="verantwoording van het archief (§3.6)",
        grondslag="gerechtvaardigd belang van het samenwerkingsverband (art. 6 lid 1 sub f AVG)",
        bewaartermijn="met het document (zie Archief); bij het wissen van een account blijft het document "
        "en vervalt de koppeling met het account",
        ontvangers="de leden van de werkgroep; KVO Werkplaats als verwerker",
        exporteer=_uploads,
        openbaar=False,
        volgorde=23,
    )
)
