"""Personal survey links: 256-bit random tokens of which only the SHA-256 is stored.

A letter also carries a short code to type (``/e/<code>/``): 10 characters of an alphabet without
look-alikes (no 0/O, 1/I/L), about 49 bits, stored only as its SHA-256 on the same link row and
exchanged for the session exactly like the token. Typed codes are read case-insensitively, with
spaces and dashes ignored. The rate limits of the link exchange (per IP and per code) keep
guessing out of reach.
"""

from __future__ import annotations

import hashlib
import secrets

from django.db import transaction

TOKEN_BYTES = 32  # 256 bits; the handbook's "afgeschermde webklik" must be unguessable
CODE_ALFABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTE = 10


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


def nieuwe_code() -> str:
    return "".join(secrets.choice(CODE_ALFABET) for _ in range(CODE_LENGTE))


def als_code(tekst: str) -> str | None:
    """The short code ``tekst`` is (upper-cased, spaces and dashes removed), or None when it is none."""
    code = "".join(tekst.split()).replace("-", "").upper() if tekst else ""
    if len(code) != CODE_LENGTE or any(c not in CODE_ALFABET for c in code):
        return None
    return code


def nieuwe_brieflinks(uitnodigingen) -> list[tuple[str, str]]:
    """Per invitation a fresh link with a short code (for a letter): (token, code), in one statement."""
    from analyse.models import EnqueteLink

    paren = [(secrets.token_urlsafe(TOKEN_BYTES), nieuwe_code()) for _ in uitnodigingen]
    EnqueteLink.objects.bulk_create(
        [
            EnqueteLink(uitnodiging=u, token_hash=hash_van(t), code_hash=hash_van(c))
            for u, (t, c) in zip(uitnodigingen, paren, strict=True)
        ],
        batch_size=1000,
    )
    return paren


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
    links = EnqueteLink.objects.select_related("uitnodiging__enquete__werkgroep")
    code = als_code(token)
    link = links.filter(code_hash=hash_van(code)) if code else links.filter(token_hash=hash_van(token))
    link = link.first()
    return link.uitnodiging if link else None
