"""Facilitating organisations (procesbegeleiding) and their facilitators, managed by staff (issue 21)."""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django_scopes import scope

from werkgroepen.logboek import log_actie
from werkgroepen.models import Begeleidingsorganisatie, Werkgroep

log = logging.getLogger("kvo.werkgroepen")


def _naam(naam: str) -> str:
    naam = " ".join((naam or "").split())
    if not naam:
        raise ValidationError({"naam": "Vul de naam van de organisatie in."})
    return naam[:200]


@transaction.atomic
def begeleidingsorganisatie_maak(*, actor, naam: str) -> Begeleidingsorganisatie:
    naam = _naam(naam)
    if Begeleidingsorganisatie.objects.filter(naam__iexact=naam).exists():
        raise ValidationError({"naam": "Er is al een begeleidingsorganisatie met deze naam."})
    organisatie = Begeleidingsorganisatie.objects.create(naam=naam)
    log.info("begeleidingsorganisatie %s (%s) gemaakt door %s", organisatie.pk, naam, actor)
    return organisatie


@transaction.atomic
def begeleider_voeg_toe(*, actor, organisatie: Begeleidingsorganisatie, email: str):
    """Add the existing account with ``email`` as a facilitator of ``organisatie``."""
    email = (email or "").strip().lower()
    user = get_user_model().objects.filter(email__iexact=email, is_active=True).first() if email else None
    if user is None:
        raise ValidationError(
            {
                "email": "Er is geen actief account met dit e-mailadres. Vraag de procesbegeleider eerst een "
                "account aan te maken (Registreren op de inlogpagina) en voeg hem of haar daarna toe."
            }
        )
    if organisatie.gebruikers.filter(pk=user.pk).exists():
        raise ValidationError({"email": f"{user} is al procesbegeleider bij {organisatie}."})
    organisatie.gebruikers.add(user)
    log.info("begeleider %s toegevoegd aan %s door %s", user.pk, organisatie.pk, actor)
    return user


@transaction.atomic
def begeleider_verwijder(*, actor, organisatie: Begeleidingsorganisatie, user) -> None:
    organisatie.gebruikers.remove(user)
    log.info("begeleider %s verwijderd uit %s door %s", user.pk, organisatie.pk, actor)


@transaction.atomic
def werkgroep_verplaats(*, actor, werkgroep: Werkgroep, naar: Begeleidingsorganisatie) -> Werkgroep:
    """Move a work group to another facilitating organisation: its facilitators now reach the group."""
    werkgroep = Werkgroep.objects.select_for_update().get(pk=werkgroep.pk)
    if werkgroep.begeleiding_id == naar.pk:
        raise ValidationError({"naar": f"{werkgroep.naam} valt al onder {naar.naam}."})
    van = werkgroep.begeleiding
    werkgroep.begeleiding = naar
    werkgroep.save(update_fields=["begeleiding"])
    with scope(werkgroep=werkgroep):
        log_actie(
            werkgroep=werkgroep,
            actor=actor,
            actie="werkgroep.verplaatst",
            omschrijving=f"Procesbegeleiding gewijzigd: {van.naam if van else 'geen'} → {naar.naam}",
            van=van.pk if van else None,
            naar=naar.pk,
        )
    return werkgroep
