"""The inspection walk without signal: the service worker and the web app manifest.

Both are served under ``/w/<werkgroep>/analyse/schouwen/``: a service worker controls only the pages
at or below the path it is served from, so this one covers the inspections (the list, an inspection,
the point form) and nothing else of the work group. The worker keeps those pages and their files on
the phone (``static/js/schouw-sw.js``); points taken without signal wait in the phone's IndexedDB
until they are sent (``static/js/schouwwacht.js``).
"""

from __future__ import annotations

from functools import cache

from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.templatetags.static import static

from analyse.views.schouw import _url
from kvo.mixins import vereist
from kvo.permissions import Actie

THEMA = "#154273"  # the blue of the favicon


@cache
def _script() -> bytes:
    with open(finders.find("js/schouw-sw.js"), "rb") as f:
        return f.read()


@vereist(Actie.BEKIJKEN)
def serviceworker(request, werkgroep):
    antwoord = HttpResponse(_script(), content_type="text/javascript; charset=utf-8")
    antwoord["Cache-Control"] = "no-cache"  # the browser asks for a new version on every visit
    return antwoord


@vereist(Actie.BEKIJKEN)
def manifest(request, werkgroep):
    begin = _url(request)
    antwoord = JsonResponse(
        {
            "name": f"Schouw · {request.werkgroep.naam}",
            "short_name": "Schouw",
            "description": "De schouw van de werkgroep: punten met foto's, ook zonder verbinding.",
            "lang": "nl",
            "start_url": begin,
            "scope": begin,
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": THEMA,
            "icons": [
                {"src": static("img/schouw-192.png"), "sizes": "192x192", "type": "image/png"},
                {"src": static("img/schouw-512.png"), "sizes": "512x512", "type": "image/png"},
                {"src": static("img/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
            ],
        },
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )
    antwoord["Cache-Control"] = "no-cache"
    return antwoord
