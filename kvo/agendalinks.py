"""Private agenda links: a 256-bit random token in the URL, of which only the SHA-256 is stored.

The same scheme as the survey's personal links (``analyse.tokens``): the token is shown once, on
the page where it was made; asked again, the page can only offer a new one, which revokes the old.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kvo.models import Agendalink

TOKEN_BYTES = 32


def hash_van(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def agendalink_maak(*, actor) -> str:
    """A fresh link for ``actor``; the previous one (if any) stops working. Returns the token."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    with transaction.atomic():
        Agendalink.objects.update_or_create(
            user=actor, defaults={"token_hash": hash_van(token), "aangemaakt_op": timezone.now()}
        )
    return token


def agendalink_intrek(*, actor) -> bool:
    """Revoke ``actor``'s link; False when there was none."""
    verwijderd, _ = Agendalink.objects.filter(user=actor).delete()
    return bool(verwijderd)


def user_van_token(token: str):
    """The active user a token belongs to, or None (never says whether a token ever existed)."""
    if not token or len(token) > 100:
        return None
    link = Agendalink.objects.select_related("user").filter(token_hash=hash_van(token)).first()
    return link.user if link and link.user.is_active else None


def feed_url(token: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("agenda:feed", args=[token])
