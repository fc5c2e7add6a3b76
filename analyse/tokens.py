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


def uitnodiging_van_token(token: str):
    """The invitation a token belongs to, or None (never says whether a token ever existed)."""
    from analyse.models import EnqueteLink

    if not token or len(token) > 100:
        return None
    link = EnqueteLink.objects.select_related("uitnodiging__enquete__werkgroep").filter(token_hash=hash_van(token))
    link = link.first()
    return link.uitnodiging if link else None
