"""The cooperation agreements (§3.4), correspondence address (§3.3), letter of intent (§3.5),
retention period (§3.6), security settings, and starting a cycle."""

from __future__ import annotations

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.db import transaction

from kvo.regelingen import REGELINGEN
from werkgroepen.logboek import log_actie
from werkgroepen.models import Afspraken, Cyclus, Werkgroep
from werkgroepen.signals import cyclus_gestart

log = logging.getLogger("kvo.werkgroepen")

MINIMUM_BIJEENKOMSTEN = 3
MINIMUM_BEWAARTERMIJN = 6

AFSPRAAK_VELDEN = (
    "vastgesteld_op",
    "bijeenkomsten_per_jaar",
    "wijziging_samenstelling",
    "wijziging_gebied",
    "besluitvorming",
    "communicatie",
    "financien",
    "bewaartermijn_jaren",
    "communicatie_app",
    "relatie_ondernemersvereniging",
    "ondernemersfonds",
)
WERKGROEP_VELDEN = (
    "adres_naam",
    "adres_straat",
    "adres_postcode",
    "adres_plaats",
    "intentieverklaring_op",
    "convenant_referentie",
)


@transaction.atomic
def afspraken_bewaar(*, actor, werkgroep: Werkgroep, **gegevens) -> Afspraken:
    """Save the agreements (created on first save) and the work group's address and references."""
    onbekend = set(gegevens) - set(AFSPRAAK_VELDEN) - set(WERKGROEP_VELDEN)
    if onbekend:
        raise TypeError(f"Onbekende velden: {', '.join(sorted(onbekend))}")
    per_jaar = gegevens.get("bijeenkomsten_per_jaar")
    if per_jaar is not None and per_jaar < MINIMUM_BIJEENKOMSTEN:
        raise ValidationError(f"Spreek minimaal {MINIMUM_BIJEENKOMSTEN} bijeenkomsten per jaar af (§3.4).")
    termijn = gegevens.get("bewaartermijn_jaren")
    if termijn is not None and termijn < MINIMUM_BEWAARTERMIJN:
        raise ValidationError(f"De bewaartermijn is minimaal {MINIMUM_BEWAARTERMIJN} jaar (§3.6).")
    afspraken, _ = Afspraken.objects.select_for_update().get_or_create(werkgroep=werkgroep)
    for veld in AFSPRAAK_VELDEN:
        if veld in gegevens:
            waarde = gegevens[veld]
            setattr(afspraken, veld, waarde.strip() if isinstance(waarde, str) else waarde)
    afspraken.save()
    gewijzigd = [v for v in WERKGROEP_VELDEN if v in gegevens]
    for veld in gewijzigd:
        waarde = gegevens[veld]
        setattr(werkgroep, veld, waarde.strip() if isinstance(waarde, str) else waarde)
    if gewijzigd:
        werkgroep.save(update_fields=gewijzigd)
    log_actie(
        werkgroep=werkgroep,
        actor=actor,
        actie="afspraken.bewaard",
        omschrijving="Samenwerkingsafspraken en gegevens van het samenwerkingsverband bewaard",
    )
    return afspraken


@transaction.atomic
def werkgroep_beveiliging_wijzig(*, actor, werkgroep: Werkgroep, mfa_verplicht: bool) -> Werkgroep:
    werkgroep.mfa_verplicht = mfa_verplicht
    werkgroep.save(update_fields=["mfa_verplicht"])
    log_actie(
        werkgroep=werkgroep,
        actor=actor,
        actie="beveiliging.mfa",
        omschrijving="Tweestapsverificatie " + ("verplicht gesteld" if mfa_verplicht else "niet meer verplicht"),
    )
    return werkgroep


@transaction.atomic
def werkgroep_maatregelen_deel(*, actor, werkgroep: Werkgroep, delen: bool) -> Werkgroep:
    """Opt in to (or out of) sharing the titles of the group's measures in the measures library."""
    werkgroep.maatregelen_delen = delen
    werkgroep.save(update_fields=["maatregelen_delen"])
    log_actie(
        werkgroep=werkgroep,
        actor=actor,
        actie="bibliotheek.delen",
        omschrijving="Titels van maatregelen "
        + ("gedeeld" if delen else "niet meer gedeeld")
        + " met andere werkgroepen",
    )
    return werkgroep


@transaction.atomic
def cyclus_start(
    *,
    actor,
    werkgroep: Werkgroep,
    start: dt.date,
    soort: str = Cyclus.Soort.EERSTE,
    vorig_certificaat: dict | None = None,
    handboek: str | None = None,
) -> Cyclus:
    """Start the work group's next certification cycle (number 1, a first certification, when none exists).

    A work group that comes into the product at a renewal starts its cycle 1 as an ``opvolgende``
    certification with ``vorig_certificaat`` (``nummer``, ``uitgegeven_op``: the certificate issued
    before the product knew the group), kept under the cycle's ``x-vorig-certificaat`` dossier key.
    """
    type(werkgroep).objects.select_for_update().filter(pk=werkgroep.pk).first()
    laatste = werkgroep.cycli.order_by("-nummer").first()
    if laatste and start <= laatste.start:
        raise ValidationError(f"De nieuwe cyclus moet na de start van cyclus {laatste.nummer} beginnen.")
    nummer = laatste.nummer + 1 if laatste else 1
    extra = {}
    if laatste is None:
        if vorig_certificaat and soort == Cyclus.Soort.OPVOLGENDE:
            extra["x-vorig-certificaat"] = {k: str(vorig_certificaat[k]) for k in ("nummer", "uitgegeven_op")}
        else:
            soort = Cyclus.Soort.EERSTE
    # the cycle runs under the group's scheme (kvo.regelingen) unless told otherwise, and keeps it
    handboek = handboek or werkgroep.handboek
    if handboek not in REGELINGEN:
        raise ValidationError("Onbekende regeling.")
    cyclus = Cyclus.objects.create(
        werkgroep=werkgroep, nummer=nummer, soort=soort, start=start, extra=extra, handboek=handboek
    )
    log_actie(werkgroep=werkgroep, actor=actor, actie="cyclus.gestart", omschrijving=f"Cyclus {nummer} gestart")
    cyclus_gestart.send(sender=Cyclus, cyclus=cyclus, vorige=laatste, actor=actor)
    return cyclus
