"""Invitations: invite a member by e-mail, and accept the invitation (§3.2)."""

from __future__ import annotations

import datetime as dt
import re
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from kvo.adapters import adres_bevestigd
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
        return Uitnodiging.objects.select_related("werkgroep", "lid").filter(token=token).first()


def uitnodiging_geldig(*, token: str) -> bool:
    uitnodiging = uitnodiging_zoek(token=token)
    return bool(uitnodiging and uitnodiging.geaccepteerd_op is None and uitnodiging.geldig_tot > timezone.now())


@transaction.atomic
def uitnodiging_accepteer(*, uitnodiging: Uitnodiging, user) -> Lid:
    """Link the invited member to ``user``: from now on the user reaches the work group."""
    if uitnodiging.geaccepteerd_op is not None:
        raise ValidationError("Deze uitnodiging is al gebruikt.")
    if uitnodiging.geldig_tot <= timezone.now():
        raise ValidationError("Deze uitnodiging is verlopen. Vraag de voorzitter of secretaris om een nieuwe.")
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
