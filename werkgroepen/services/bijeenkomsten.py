"""Meetings (§3.6, §4.3.1) and communications to all entrepreneurs (§3.7)."""

from __future__ import annotations

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from werkgroepen.logboek import log_actie
from werkgroepen.models import Bijeenkomst, Communicatie, Lid, Werkgroep

log = logging.getLogger("kvo.werkgroepen")


def besluiten_uit_tekst(tekst: str | list | None) -> list[str]:
    """One decision per line; empty lines dropped."""
    regels = tekst if isinstance(tekst, list) else (tekst or "").splitlines()
    return [r.strip() for r in regels if r and r.strip()]


def _aanwezigen(werkgroep: Werkgroep, aanwezigen) -> list[Lid]:
    aanwezigen = list(aanwezigen or [])
    if any(lid.werkgroep_id != werkgroep.pk for lid in aanwezigen):
        raise ValidationError("Een aanwezige hoort niet bij deze werkgroep.")
    return aanwezigen


def _vul(bijeenkomst: Bijeenkomst, *, datum, soort, agenda, notulen, besluiten) -> None:
    if soort not in Bijeenkomst.Soort.values:
        raise ValidationError("Kies de soort bijeenkomst.")
    bijeenkomst.datum = datum
    bijeenkomst.soort = soort
    bijeenkomst.agenda = (agenda or "").strip() or None
    bijeenkomst.notulen = (notulen or "").strip() or None
    bijeenkomst.besluiten = besluiten_uit_tekst(besluiten)


@transaction.atomic
def bijeenkomst_maak(
    *,
    actor,
    werkgroep: Werkgroep,
    datum: dt.date,
    soort: str = Bijeenkomst.Soort.WERKGROEP,
    agenda: str | None = None,
    notulen: str | None = None,
    aanwezigen=(),
    besluiten: str | list | None = None,
) -> Bijeenkomst:
    leden = _aanwezigen(werkgroep, aanwezigen)
    bijeenkomst = Bijeenkomst(werkgroep=werkgroep)
    _vul(bijeenkomst, datum=datum, soort=soort, agenda=agenda, notulen=notulen, besluiten=besluiten)
    bijeenkomst.save()
    bijeenkomst.aanwezigen.set(leden)
    log_actie(
        werkgroep=werkgroep,
        actor=actor,
        actie="bijeenkomst.vastgelegd",
        omschrijving=f"Bijeenkomst van {bijeenkomst.datum:%d-%m-%Y} vastgelegd",
        bijeenkomst=bijeenkomst.pk,
    )
    return bijeenkomst


@transaction.atomic
def bijeenkomst_wijzig(
    *,
    actor,
    bijeenkomst: Bijeenkomst,
    datum: dt.date,
    soort: str,
    agenda: str | None = None,
    notulen: str | None = None,
    aanwezigen=(),
    besluiten: str | list | None = None,
) -> Bijeenkomst:
    leden = _aanwezigen(bijeenkomst.werkgroep, aanwezigen)
    _vul(bijeenkomst, datum=datum, soort=soort, agenda=agenda, notulen=notulen, besluiten=besluiten)
    bijeenkomst.save()
    bijeenkomst.aanwezigen.set(leden)
    log_actie(
        werkgroep=bijeenkomst.werkgroep,
        actor=actor,
        actie="bijeenkomst.gewijzigd",
        omschrijving=f"Bijeenkomst van {bijeenkomst.datum:%d-%m-%Y} gewijzigd",
        bijeenkomst=bijeenkomst.pk,
    )
    return bijeenkomst


def bijeenkomst_nodig_uit(*, actor, bijeenkomst: Bijeenkomst, vandaag: dt.date | None = None) -> int:
    """Mail every active member with an address an invitation to ``bijeenkomst``, with the meeting
    as an .ics attachment (the same UID as in their calendar feed, so the event is not doubled).
    One message per member (no member sees another's address); sent after the commit. Returns
    how many members are invited."""
    from django.conf import settings
    from django.core.mail import EmailMessage, mailers
    from django.template.loader import render_to_string

    from kvo.agenda import ics
    from werkgroepen.agenda import afspraak_van

    vandaag = vandaag or timezone.localdate()
    if bijeenkomst.datum < vandaag:
        raise ValidationError("Deze bijeenkomst is al geweest; uitnodigen kan alleen voor een komende bijeenkomst.")
    werkgroep = bijeenkomst.werkgroep
    leden = [
        lid
        for lid in werkgroep.leden.exclude(email__isnull=True).exclude(email="").order_by("naam", "pk")
        if lid.is_actief(vandaag)
    ]
    if not leden:
        raise ValidationError("Geen enkel lid heeft een e-mailadres; vul dat eerst in bij de leden.")
    bijlage = ics([werkgroep], [afspraak_van(bijeenkomst)], naam=werkgroep.naam)
    onderwerp = f"Uitnodiging: {bijeenkomst.get_soort_display()} {bijeenkomst.datum:%d-%m-%Y} ({werkgroep.naam})"
    link = settings.SITE_URL.rstrip("/") + reverse(
        "werkgroepen:bijeenkomst", kwargs={"werkgroep": werkgroep.slug, "pk": bijeenkomst.pk}
    )
    berichten = []
    for lid in leden:
        tekst = render_to_string(
            "werkgroepen/mail/bijeenkomst.txt",
            {"lid": lid, "werkgroep": werkgroep, "bijeenkomst": bijeenkomst, "link": link, "actor": actor},
        )
        bericht = EmailMessage(subject=onderwerp, body=tekst, to=[lid.email])
        bericht.attach("bijeenkomst.ics", bijlage, "text/calendar")
        berichten.append(bericht)

    def versturen():
        with mailers.default as verbinding:
            verbinding.send_messages(berichten)

    with transaction.atomic():
        log_actie(
            werkgroep=werkgroep,
            actor=actor,
            actie="bijeenkomst.uitgenodigd",
            omschrijving=f"Uitnodiging voor de bijeenkomst van {bijeenkomst.datum:%d-%m-%Y} "
            f"verstuurd aan {len(leden)} leden",
            wijziging=False,
            bijeenkomst=bijeenkomst.pk,
        )
        transaction.on_commit(versturen)
    return len(leden)


def _onderwerp(onderwerp: str) -> str:
    onderwerp = " ".join((onderwerp or "").split())
    if not onderwerp:
        raise ValidationError("Vul het onderwerp in.")
    return onderwerp


@transaction.atomic
def _soort_communicatie(soort: str) -> str:
    if soort not in Communicatie.Soort.values:
        raise ValidationError("Kies de soort communicatie.")
    return soort


def communicatie_maak(
    *,
    actor,
    werkgroep: Werkgroep,
    datum: dt.date,
    onderwerp: str,
    kanaal: str = "",
    alle_ondernemers: bool = True,
    soort: str = Communicatie.Soort.ALGEMEEN,
) -> Communicatie:
    communicatie = Communicatie.objects.create(
        werkgroep=werkgroep,
        datum=datum,
        onderwerp=_onderwerp(onderwerp),
        kanaal=(kanaal or "").strip(),
        alle_ondernemers=alle_ondernemers,
        soort=_soort_communicatie(soort),
    )
    log_actie(
        werkgroep=werkgroep,
        actor=actor,
        actie="communicatie.vastgelegd",
        omschrijving=f"Communicatie vastgelegd: {communicatie.onderwerp}",
        communicatie=communicatie.pk,
    )
    return communicatie


@transaction.atomic
def communicatie_wijzig(
    *,
    actor,
    communicatie: Communicatie,
    datum: dt.date,
    onderwerp: str,
    kanaal: str = "",
    alle_ondernemers: bool,
    soort: str | None = None,
) -> Communicatie:
    """Change a communication; ``soort`` None keeps its kind."""
    if soort is not None:
        communicatie.soort = _soort_communicatie(soort)
    communicatie.datum = datum
    communicatie.onderwerp = _onderwerp(onderwerp)
    communicatie.kanaal = (kanaal or "").strip()
    communicatie.alle_ondernemers = alle_ondernemers
    communicatie.save()
    log_actie(
        werkgroep=communicatie.werkgroep,
        actor=actor,
        actie="communicatie.gewijzigd",
        omschrijving=f"Communicatie gewijzigd: {communicatie.onderwerp}",
        communicatie=communicatie.pk,
    )
    return communicatie
