"""The survey's personal data (``kvo.avg``): who was invited and how, the personal links, the answers
kept between visits and the reminder ledger. Responses themselves are anonymous by construction."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from analyse.models import Enquete, EnqueteConcept, EnqueteLink, EnqueteUitnodiging, Herinnering
from kvo.avg import Betrokkene, Gegevenssoort, Opgeruimd, registreer

NA_SLUITEN_ZONDER_CONCLUSIE = dt.timedelta(days=365)


def definitief_op(enquete: Enquete, conclusie_op: dt.date | None) -> dt.date | None:
    """The last day the survey's result can still change: the later of its close and the day the
    group established the analysis' conclusion; without a conclusion a year after the close (paper
    forms can be entered after the close until the group concludes). None while it has not closed."""
    if enquete.gesloten_op is None or enquete.geopend_op is None:
        return None
    if conclusie_op is not None:
        return max(enquete.gesloten_op, conclusie_op)
    return enquete.gesloten_op + NA_SLUITEN_ZONDER_CONCLUSIE


def _definitieve_enquetes(vandaag: dt.date):
    for enquete in Enquete.objects.filter(gesloten_op__lt=vandaag, geopend_op__isnull=False).select_related(
        "cyclus__conclusie"
    ):
        conclusie = getattr(enquete.cyclus, "conclusie", None)
        dag = definitief_op(enquete, conclusie.vastgesteld_op if conclusie else None)
        if dag is not None and dag < vandaag:
            yield enquete


def uitnodigingen_opruimen(vandaag: dt.date) -> Opgeruimd:
    """Once the result is final the links (token hashes, letter codes), the answers kept between visits
    and the sending errors (which may hold an address) go. The invitation rows stay as the survey's
    evidence (§4.1.1: everyone reached, reminders sent); they point to the register, which is
    anonymised when the group ends."""
    uit = Opgeruimd()
    for enquete in _definitieve_enquetes(vandaag):
        van = Q(uitnodiging__enquete=enquete)
        aantal = EnqueteLink.objects.filter(van).delete()[0] + EnqueteConcept.objects.filter(van).delete()[0]
        aantal += EnqueteUitnodiging.objects.filter(enquete=enquete).exclude(fout="").update(fout="")
        aantal += Herinnering.objects.filter(van).exclude(fout="").update(fout="")
        uit.tel(enquete.werkgroep_id, aantal)
    return uit


def _uitnodigingen(b: Betrokkene):
    return EnqueteUitnodiging.objects.filter(ondernemer__in=b.ids if b.soort == "ondernemer" else [])


def exporteer_uitnodigingen(b: Betrokkene) -> list[dict]:
    uit = []
    for u in _uitnodigingen(b).select_related("enquete__cyclus").prefetch_related("herinneringen", "links"):
        concept = EnqueteConcept.objects.filter(uitnodiging=u).values_list("antwoorden", flat=True).first()
        uit.append(
            {
                "enquete": str(u.enquete),
                "kanaal": u.get_kanaal_display(),
                "verzending": u.get_verzending_display(),
                "verstuurd_op": u.verstuurd_op.isoformat() if u.verstuurd_op else None,
                "foutmelding": u.fout or None,
                "beantwoord": u.beantwoord,
                "op_papier": u.papier,
                "herinneringen": [
                    {
                        "ronde": h.ronde,
                        "verstuurd_op": h.verstuurd_op.isoformat() if h.verstuurd_op else None,
                        "status": h.get_status_display(),
                    }
                    for h in sorted(u.herinneringen.all(), key=lambda h: h.ronde)
                ],
                "persoonlijke_links_gemaakt_op": [
                    link.aangemaakt_op.isoformat() for link in sorted(u.links.all(), key=lambda x: x.aangemaakt_op)
                ],
                # answers not yet sent are the person's own; sent answers are anonymous and not linked to them
                "nog_niet_verstuurde_antwoorden": concept,
            }
        )
    return uit


def wis_uitnodigingen(b: Betrokkene, actor) -> int:
    van = Q(uitnodiging__in=_uitnodigingen(b))
    aantal = EnqueteLink.objects.filter(van).delete()[0] + EnqueteConcept.objects.filter(van).delete()[0]
    aantal += _uitnodigingen(b).exclude(fout="").update(fout="")
    return aantal + Herinnering.objects.filter(van).exclude(fout="").update(fout="")


registreer(
    Gegevenssoort(
        sleutel="analyse.enquete_uitnodigingen",
        naam="Uitnodigingen voor de veiligheidsenquête",
        betrokkenen="ondernemers",
        gegevens="dat u bent uitgenodigd, per e-mail of per brief, wanneer, de herinneringen, of u hebt "
        "gereageerd (niet wát), de persoonlijke link (alleen als onomkeerbare hash) en antwoorden die u nog "
        "niet had verstuurd",
        doel="de enquête onder alle ondernemers houden, herinneren wie nog niet reageerde, en aantonen dat "
        "iedereen is bereikt (KVO-handboek §4.1.1)",
        grondslag="gerechtvaardigd belang van het samenwerkingsverband (art. 6 lid 1 sub f AVG)",
        bewaartermijn="links, nog niet verstuurde antwoorden en foutmeldingen tot de uitslag definitief is (de "
        "werkgroep stelt de conclusie van de analyse vast, of uiterlijk een jaar na het sluiten); wie is "
        "uitgenodigd en gereageerd heeft blijft als bewijs bij de enquête, tot het register wordt geanonimiseerd",
        ontvangers="de secretaris van de werkgroep; de auditor ziet alleen aantallen; KVO Werkplaats als "
        "verwerker; de ingestelde maildienst als subverwerker",
        opruimen=uitnodigingen_opruimen,
        exporteer=exporteer_uitnodigingen,
        wis=wis_uitnodigingen,
        volgorde=31,
    )
)

registreer(
    Gegevenssoort(
        sleutel="analyse.reacties",
        naam="Antwoorden op de veiligheidsenquête",
        betrokkenen="ondernemers",
        gegevens="geen persoonsgegevens: alleen het bedrijventerrein en de antwoorden, zonder naam, link, "
        "uitnodiging of tijdstip; uitslagen tonen pas groepen van ten minste vijf reacties",
        doel="de veiligheidsanalyse van het gebied (KVO-handboek §4.1)",
        grondslag="niet van toepassing (anoniem)",
        bewaartermijn="zolang de werkgroep bestaat en daarna de bewaartermijn van het archief",
        ontvangers="de werkgroep en de auditor, alleen als uitslag",
        volgorde=32,
    )
)

registreer(
    Gegevenssoort(
        sleutel="analyse.schouwfotos",
        naam="Foto's van de schouw",
        betrokkenen="ondernemers",
        gegevens="foto's van plekken op het terrein, met hun locatie; er kunnen mensen, gebouwen of kentekens "
        "op staan (de foto's worden zonder andere metadata opgeslagen)",
        doel="de schouw en het schouwrapport (KVO-handboek §4.1.3)",
        grondslag="gerechtvaardigd belang van het samenwerkingsverband (art. 6 lid 1 sub f AVG)",
        bewaartermijn="zolang de werkgroep bestaat en daarna de bewaartermijn van het archief",
        ontvangers="de leden van de werkgroep en de auditor (schouwrapport); KVO Werkplaats als verwerker",
        volgorde=33,
    )
)


def exporteer_schouwen(b: Betrokkene) -> list[dict]:
    if b.soort != "lid" or not b.ids:
        return []
    from analyse.models import Schouw

    return [
        {"werkgroep": w, "datum": d.isoformat(), "soort": s}
        for w, d, s in Schouw.objects.filter(aanwezigen__in=b.ids)
        .distinct()
        .order_by("datum")
        .values_list("werkgroep__naam", "datum", "soort")
    ]


registreer(
    Gegevenssoort(
        sleutel="analyse.schouw_aanwezigheid",
        naam="Aanwezigheid bij de schouw",
        betrokkenen="leden",
        gegevens="welke leden met een dag- of avondschouw meeliepen",
        doel="aantonen hoe de schouw is uitgevoerd (KVO-handboek §4.1.3)",
        grondslag="gerechtvaardigd belang van het samenwerkingsverband (art. 6 lid 1 sub f AVG)",
        bewaartermijn="zolang de werkgroep bestaat en daarna de bewaartermijn van het archief; na een verzoek "
        "om verwijdering staat er 'verwijderd lid'",
        ontvangers="de leden van de werkgroep en de auditor (schouwrapport); KVO Werkplaats als verwerker",
        exporteer=exporteer_schouwen,
        volgorde=34,
    )
)
