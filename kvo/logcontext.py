"""Structured logs: every line carries the request id, the user id and the work group.

``VerzoekContext`` (middleware, right after Django's authentication) gives each request an id
(a sane incoming ``X-Request-ID`` from the proxy, else a new one, sent back in the response) and
remembers the user; the tenancy middleware and ``kvo.tasks.WerkgroepTask`` add the work group.
``Context`` (a logging filter) copies them onto every record; ``Json`` writes one JSON object per
line. Secrets never reach a line: ``kvo.logfilters.GeenGeheimen`` masks link tokens first, and no
code logs a survey answer.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import uuid

verzoek_id: contextvars.ContextVar[str] = contextvars.ContextVar("verzoek_id", default="")
gebruiker_id: contextvars.ContextVar[str] = contextvars.ContextVar("gebruiker_id", default="")
werkgroep: contextvars.ContextVar[str] = contextvars.ContextVar("werkgroep", default="")

GELDIG_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class VerzoekContext:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        binnen = request.headers.get("X-Request-ID", "")
        vid = binnen if GELDIG_ID.match(binnen) else uuid.uuid4().hex
        user = getattr(request, "user", None)
        tokens = [
            verzoek_id.set(vid),
            gebruiker_id.set(str(user.pk) if user is not None and user.is_authenticated else ""),
            werkgroep.set(""),
        ]
        try:
            response = self.get_response(request)
        finally:
            for var, token in zip((verzoek_id, gebruiker_id, werkgroep), tokens, strict=True):
                var.reset(token)
        response["X-Request-ID"] = vid
        return response


class Context(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.verzoek_id = verzoek_id.get()
        record.gebruiker_id = gebruiker_id.get()
        record.werkgroep = werkgroep.get()
        return True


class Json(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        regel = {
            "tijd": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "niveau": record.levelname,
            "logger": record.name,
            "bericht": record.getMessage(),
            "verzoek_id": getattr(record, "verzoek_id", ""),
            "gebruiker_id": getattr(record, "gebruiker_id", ""),
            "werkgroep": getattr(record, "werkgroep", ""),
        }
        if record.exc_info:
            regel["fout"] = self.formatException(record.exc_info)
        return json.dumps(regel, ensure_ascii=False)
