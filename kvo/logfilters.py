"""Log filters: no log line carries a link secret.

Personal links (the survey's ``/e/<token>/``, a member's invitation) put a long random token in
the path; Django logs the path of every 4xx response (``django.request``) and ``runserver`` logs
every request line (``django.server``). ``GeenGeheimen`` replaces any path segment that looks like
such a token (32 or more URL-safe characters) with ``…`` before the line is written, and so any
segment right after ``/e/`` (a letter's short code, ``analyse.tokens.CODE_LENGTE`` characters).
"""

from __future__ import annotations

import logging
import re

TOKEN = re.compile(r"/[A-Za-z0-9_-]{32,}")
CODE = re.compile(r"/e/(?!(?:stap|versturen|insturen|klaar)/)[^/\s?\"]+")


def verberg(tekst: str) -> str:
    return CODE.sub("/e/…", TOKEN.sub("/…", tekst))


class GeenGeheimen(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            bericht = record.getMessage()
        except Exception:  # a broken record is logged as it is
            return True
        veilig = verberg(bericht)
        if veilig != bericht:
            record.msg, record.args = veilig, ()
        return True
