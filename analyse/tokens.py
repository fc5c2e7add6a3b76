"""Personal survey links: 256-bit random tokens of which only the SHA-256 is stored."""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction

TOKEN_BYTES = 32  # 256 bits; the handbook's "afgeschermde webklik" must be unguessable


def hash_van(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def nieuwe_link(uitnodiging) -> str:
    """Make a fresh link for ``uitnodiging`` and return its token (shown once: in a mail or a letter)."""
    from analyse.models import EnqueteLink

    token = secrets.token_urlsafe(TOKEN_BYTES)
    with transaction.atomic():
        EnqueteLink.objects.create(uitnodiging=uitnodiging, token_hash=hash_van(token))
    return token


def nieuwe_links(uitnodigingen) -> list[str]:
    """One fresh link per invitation, written in one statement; the tokens in the same order."""
    from analyse.models import EnqueteLink

    tokens = [secrets.token_urlsafe(TOKEN_BYTES) for _ in uitnodigingen]
    EnqueteLink.objects.bulk_create(
        [EnqueteLink(uitnodiging=u, token_hash=hash_van(t)) for u, t in zip(uitnodigingen, tokens, strict=True)],
        batch_size=1000,
    )
    return tokens


def link_url(token: str) -> str:
    """The absolute address the entrepreneur opens (in a mail, a letter, a QR code)."""
    from django.conf import settings
    from django.urls import reverse

    return settings.SITE_URL.rstrip("/") + reverse("enquete:start", args=[token])


def uitnodiging_van_token(token: str):
    """The invitation a token belongs to, or None (never says whether a token ever existed)."""
    from analyse.models import EnqueteLink

    if not token or len(token) > 100:
        return None
    link = EnqueteLink.objects.select_related("uitnodiging__enquete__werkgroep").filter(token_hash=hash_van(token))
    link = link.first()
    return link.uitnodiging if link else None
