"""The AVG services: the nightly retention job, a data subject's export, and erasure.

Each reads the registry ``kvo.avg`` (filled by the apps' ``persoonsgegevens.py``), so the core never
imports a later app. What they did is written to every affected work group's log (``Logregel``,
without the person's name) and, for the retention job, to a ``Bewaarronde`` row.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from kvo import avg
from kvo.models import Bewaarronde
from werkgroepen.logboek import log_actie
from werkgroepen.models import Werkgroep

log = logging.getLogger("kvo.avg")

SOORT_TEKST = {"lid": "een lid of gebruiker", "ondernemer": "een ondernemer uit het register"}


def _alleen_beheer(actor) -> None:
    if not (getattr(actor, "is_authenticated", False) and actor.is_staff):
        raise PermissionDenied("Alleen beheerders van KVO Werkplaats behandelen verzoeken over persoonsgegevens.")


def _log_per_werkgroep(werkgroep_ids, *, actor, actie: str, omschrijving: str, **gegevens) -> None:
    for werkgroep in Werkgroep.objects.filter(pk__in=[pk for pk in werkgroep_ids if pk is not None]):
        with scope(werkgroep=werkgroep):
            log_actie(werkgroep=werkgroep, actor=actor, actie=actie, omschrijving=omschrijving, **gegevens)


def bewaartermijnen_pas_toe(*, vandaag: dt.date | None = None) -> Bewaarronde:
    """Remove or anonymise, per kind of personal data, what has passed its retention period on
    ``vandaag``; log it per work group and keep a summary. Safe to run twice: a second run finds
    nothing left to do. Each kind runs in its own transaction, so one failing kind does not undo
    another (the failure is raised after the others ran, and the task retries)."""
    vandaag = vandaag or timezone.localdate()
    resultaat: dict[str, int] = {}
    per_werkgroep: dict[int, list[str]] = {}
    fouten: list[Exception] = []
    with scopes_disabled():
        for soort in avg.soorten():
            if soort.opruimen is None:
                continue
            try:
                with transaction.atomic():
                    gedaan = soort.opruimen(vandaag)
            except Exception as fout:  # recorded and raised below, never swallowed
                log.exception("Bewaartermijn van %s niet toegepast", soort.sleutel)
                fouten.append(fout)
                continue
            resultaat[soort.sleutel] = gedaan.totaal
            for werkgroep_id, aantal in gedaan.per_werkgroep.items():
                if werkgroep_id is not None:
                    per_werkgroep.setdefault(werkgroep_id, []).append(f"{soort.naam}: {aantal} {soort.handeling}")
        with transaction.atomic():
            for werkgroep in Werkgroep.objects.filter(pk__in=per_werkgroep):
                regels = per_werkgroep[werkgroep.pk]
                with scope(werkgroep=werkgroep):
                    log_actie(
                        werkgroep=werkgroep,
                        actor=None,
                        actie="avg.bewaartermijn",
                        omschrijving=f"Bewaartermijn verstreken ({vandaag:%d-%m-%Y}): " + "; ".join(regels),
                        peildatum=vandaag.isoformat(),
                    )
            ronde = Bewaarronde.objects.create(uitgevoerd_op=timezone.now(), peildatum=vandaag, resultaat=resultaat)
    log.info(
        "Bewaartermijnen toegepast op %s: %s rijen in %s werkgroepen (%s)",
        vandaag.isoformat(),
        sum(resultaat.values()),
        len(per_werkgroep),
        ", ".join(f"{k}={v}" for k, v in resultaat.items() if v) or "niets te doen",
    )
    if fouten:
        raise fouten[0]
    return ronde


def betrokkene_exporteer(*, actor, betrokkene: avg.Betrokkene) -> dict:
    """Everything the product holds on one person, by kind of data: JSON-safe, only this person's
    rows (never another member's name or another entrepreneur's answers). Logged per work group."""
    _alleen_beheer(actor)
    nu = timezone.now()
    gegevens = {}
    with scopes_disabled():
        for soort in avg.soorten():
            if soort.exporteer is None:
                continue
            inhoud = soort.exporteer(betrokkene)
            if inhoud:
                gegevens[soort.sleutel] = {"soort": soort.naam, "gegevens": inhoud}
        _log_per_werkgroep(
            betrokkene.werkgroep_ids,
            actor=actor,
            actie="avg.inzage",
            omschrijving=f"Inzageverzoek: gegevens van {SOORT_TEKST[betrokkene.soort]} geëxporteerd door beheer",
            wijziging=False,
        )
    log.info("Inzage: gegevens van %s (%s) geëxporteerd door %s", betrokkene.soort, betrokkene.ids, actor.pk)
    return {
        "formaat": "kvo-inzage/1",
        "gemaakt_op": nu.isoformat(),
        "betrokkene": {"soort": betrokkene.soort, "email": betrokkene.email or None},
        "toelichting": (
            "Alles wat KVO Werkplaats over u bewaart, per soort gegevens. Antwoorden op de "
            "veiligheidsenquête worden anoniem bewaard, zonder koppeling aan u, en staan hier daarom niet in."
        ),
        "gegevens": gegevens,
    }


def betrokkene_bezwaren(*, betrokkene: avg.Betrokkene, vandaag: dt.date | None = None) -> list[str]:
    """Why the person's data cannot be erased now (a role they still hold, a retention duty)."""
    vandaag = vandaag or timezone.localdate()
    with scopes_disabled():
        return [r for s in avg.soorten() if s.bezwaren is not None for r in s.bezwaren(betrokkene, vandaag)]


def betrokkene_wis(*, actor, betrokkene: avg.Betrokkene, reden: str) -> dict[str, int]:
    """Erase or anonymise one person's data wherever no retention duty stands against it, keeping the
    group's records whole: the member's rows stay as "verwijderd lid" (attendance, progress notes,
    roles in past audits), an entrepreneur's register row as "verwijderde ondernemer" (the counts
    stay), and anonymous survey responses are never touched. Refused with the reasons while one stands."""
    _alleen_beheer(actor)
    reden = " ".join((reden or "").split())[:200]
    for naam in (*betrokkene.namen, betrokkene.email):  # the log line about the request names no one
        reden = avg.vervang_naam(reden, naam, "betrokkene")
    if not reden:
        raise ValidationError("Vul de reden in (bijvoorbeeld: verzoek van betrokkene van 3 december).")
    if bezwaren := betrokkene_bezwaren(betrokkene=betrokkene):
        raise ValidationError(bezwaren)
    gedaan: dict[str, int] = {}
    with scopes_disabled(), transaction.atomic():
        for soort in avg.soorten():
            if soort.wis is not None:
                gedaan[soort.sleutel] = soort.wis(betrokkene, actor)
        _log_per_werkgroep(
            betrokkene.werkgroep_ids,
            actor=actor,
            actie="avg.gewist",
            omschrijving=f"Persoonsgegevens van {SOORT_TEKST[betrokkene.soort]} gewist of geanonimiseerd: {reden}",
            rijen=sum(gedaan.values()),
        )
    log.info("Gewist: gegevens van %s (%s) door %s: %s", betrokkene.soort, betrokkene.ids, actor.pk, gedaan)
    return gedaan
