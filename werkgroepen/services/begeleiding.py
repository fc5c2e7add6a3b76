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
    """Add the account with ``email`` as a facilitator of ``organisatie``. Without an account one is
    made (no password, the address recorded as verified) and a welcome mail with a link to choose a
    password goes out after commit: sign-up is closed, so this is how a new facilitator gets in."""
    email = (email or "").strip().lower()
    if not email:
        raise ValidationError({"email": "Vul het e-mailadres van de procesbegeleider in."})
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    if user is not None and not user.is_active:
        raise ValidationError({"email": "Het account met dit e-mailadres is uitgeschakeld; zet het eerst weer aan."})
    if user is not None and organisatie.gebruikers.filter(pk=user.pk).exists():
        raise ValidationError({"email": f"{user} is al procesbegeleider bij {organisatie}."})
    nieuw = user is None
    if nieuw:
        from kvo.emailadres import adres_bevestigd

        user = User.objects.create_user(email=email, password=None)  # unusable until the link is used
        adres_bevestigd(user)
        transaction.on_commit(lambda: _welkom(user, organisatie, actor))
    organisatie.gebruikers.add(user)
    log.info("begeleider %s toegevoegd aan %s door %s (nieuw account: %s)", user.pk, organisatie.pk, actor, nieuw)
    user.kvo_nieuw_account = nieuw
    return user


def _welkom(user, organisatie: Begeleidingsorganisatie, actor) -> None:
    """The new facilitator's mail: who added them, and a link to choose a password (allauth's reset
    link: one use, expires as allauth's password reset does)."""
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str
    from django.conf import settings
    from django.core.mail import send_mail
    from django.urls import reverse

    pad = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
    )
    link = settings.SITE_URL.rstrip("/") + pad
    door = getattr(actor, "email", "") or "de beheerder"
    tekst = (
        f"Goedendag,\n\n{door} heeft u toegevoegd als procesbegeleider van {organisatie.naam} in KVO Werkplaats.\n\n"
        f"Kies via deze link uw wachtwoord; daarna logt u in met {user.email}:\n{link}\n\n"
        "De link werkt één keer. Verlopen? Kies dan 'Wachtwoord vergeten' op de inlogpagina.\n\nKVO Werkplaats\n"
    )
    send_mail(f"Welkom bij KVO Werkplaats ({organisatie.naam})", tekst, None, [user.email])


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


@transaction.atomic
def werkgroep_zet_begeleiding_na_import(*, actor, werkgroep: Werkgroep) -> Werkgroep:
    """A work group a facilitator imported without a facilitating organisation gets the importer's
    (their first); one that has one keeps it, and an importer without one changes nothing."""
    organisatie = actor.begeleidingsorganisaties.order_by("pk").first()
    if organisatie is not None and werkgroep.begeleiding_id is None:
        werkgroep.begeleiding = organisatie
        werkgroep.save(update_fields=["begeleiding"])
    return werkgroep
