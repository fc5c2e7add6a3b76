"""Invitations: invite a member by e-mail, and accept the invitation (§3.2)."""

from __future__ import annotations

import datetime as dt
import re
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from kvo.emailadres import adres_bevestigd
from werkgroepen.logboek import log_actie
from werkgroepen.models import Lid, Uitnodiging

UITNODIGING_GELDIG = dt.timedelta(days=14)
TOKENVORM = re.compile(r"[A-Za-z0-9_-]{1,64}")  # secrets.token_urlsafe, as lid_nodig_uit makes them


@transaction.atomic
def lid_nodig_uit(*, actor, lid: Lid, email: str | None = None) -> Uitnodiging:
    """Invite ``lid`` by e-mail to create an account (or log in) and join the work group."""
    email = (email or lid.email or "").strip().lower()
    if not email:
        raise ValidationError("Vul eerst een e-mailadres in bij dit lid; daar gaat de uitnodiging naartoe.")
    if lid.user_id:
        raise ValidationError(f"{lid.naam} heeft al een account in deze werkgroep.")
    uitnodiging = Uitnodiging.objects.create(
        werkgroep=lid.werkgroep,
        lid=lid,
        email=email,
        token=secrets.token_urlsafe(32),
        verstuurd_door=actor,
        geldig_tot=timezone.now() + UITNODIGING_GELDIG,
    )
    link = settings.SITE_URL.rstrip("/") + reverse("uitnodiging:accepteer", args=[uitnodiging.token])
    context = {"lid": lid, "werkgroep": lid.werkgroep, "link": link, "actor": actor, "uitnodiging": uitnodiging}
    transaction.on_commit(
        lambda: send_mail(
            subject=f"Uitnodiging voor KVO-werkgroep {lid.werkgroep.naam}",
            message=render_to_string("werkgroepen/mail/uitnodiging.txt", context),
            from_email=None,
            recipient_list=[email],
        )
    )
    log_actie(
        werkgroep=lid.werkgroep, actor=actor, actie="lid.uitgenodigd", omschrijving=f"{lid.naam} uitgenodigd ({email})"
    )
    return uitnodiging


def uitnodiging_zoek(*, token: str) -> Uitnodiging | None:
    if not TOKENVORM.fullmatch(token or ""):  # not one we made (a NUL would even break the query on PostgreSQL)
        return None
    with scopes_disabled():
        return Uitnodiging.objects.select_related("werkgroep", "lid", "verstuurd_door").filter(token=token).first()


def uitnodiging_geldig(*, token: str) -> bool:
    uitnodiging = uitnodiging_zoek(token=token)
    return bool(uitnodiging and uitnodiging.geaccepteerd_op is None and uitnodiging.geldig_tot > timezone.now())


@transaction.atomic
def uitnodiging_accepteer(*, uitnodiging: Uitnodiging, user) -> Lid:
    """Link the invited member to ``user``: from now on the user reaches the work group."""
    if uitnodiging.geaccepteerd_op is not None:
        raise ValidationError("Deze uitnodiging is al gebruikt.")
    if uitnodiging.geldig_tot <= timezone.now():
        raise ValidationError(f"Deze uitnodiging is verlopen. {uitnodiging_vraag_wie(uitnodiging)}")
    if user.email.lower() != uitnodiging.email.lower():
        raise ValidationError(
            f"Deze uitnodiging is voor {uitnodiging.email}; u bent ingelogd als {user.email}. "
            "Log uit en log in (of maak een account) met het uitgenodigde adres."
        )
    with scope(werkgroep=uitnodiging.werkgroep):
        lid = Lid.objects.select_for_update().get(pk=uitnodiging.lid_id)
        lid.user = user
        lid.save(update_fields=["user"])
        uitnodiging.geaccepteerd_op = timezone.now()
        uitnodiging.save(update_fields=["geaccepteerd_op"])
    adres_bevestigd(user)  # the link reached this address
    log_actie(
        werkgroep=uitnodiging.werkgroep,
        actor=user,
        actie="lid.uitnodiging_geaccepteerd",
        omschrijving=f"{lid.naam} accepteerde de uitnodiging en heeft nu een account",
    )
    return lid


@transaction.atomic
def uitnodiging_registreer(*, uitnodiging: Uitnodiging, wachtwoord: str):
    """Create the account for the invited address and accept the invitation with it, in one step: the
    account exists only once the invitation is accepted, and only for the address it was sent to."""
    email = uitnodiging.email.strip().lower()
    if get_user_model().objects.filter(email__iexact=email).exists():
        raise ValidationError(f"Er is al een account voor {email}. Log in om de uitnodiging te accepteren.")
    user = get_user_model().objects.create_user(email=email, password=wachtwoord)
    uitnodiging_accepteer(uitnodiging=uitnodiging, user=user)
    return user


def uitnodiging_contactpersonen(uitnodiging: Uitnodiging) -> list[str]:
    """Whom to ask for a new invitation: who sent this one, and the work group's secretaries (names)."""
    namen = [str(uitnodiging.verstuurd_door)] if uitnodiging.verstuurd_door_id else []
    vandaag = timezone.localdate()
    with scope(werkgroep=uitnodiging.werkgroep):
        for lid in uitnodiging.werkgroep.leden.order_by("naam"):
            if "secretaris" in (lid.rollen or []) and lid.is_actief(vandaag) and lid.naam not in namen:
                namen.append(lid.naam)
    return namen


def uitnodiging_vraag_wie(uitnodiging: Uitnodiging) -> str:
    """The Dutch sentence that says whom to ask for a new invitation."""
    namen = uitnodiging_contactpersonen(uitnodiging)
    if not namen:
        return "Vraag de voorzitter of secretaris van de werkgroep om een nieuwe uitnodiging."
    wie = namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " of " + namen[-1]
    return f"Vraag {wie} (werkgroep {uitnodiging.werkgroep.naam}) om een nieuwe uitnodiging."
