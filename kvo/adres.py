"""Addresses that can name nothing: a NUL character in an account path is a 404 before any view runs.

PostgreSQL cannot hold a NUL in a text value, so a lookup by a path part that carries one fails with a
database error (a 500) instead of finding nothing. Our own routes bound their parts (``<slug:>``,
``<id:>``; the survey's link is hashed before it is looked up, and answers with its own friendly
page), but allauth's routes under ``/accounts/`` (single sign-on: ``saml/[^/]+/…``) take any part and
look it up. ``tests/kvo/test_vijandige_invoer.py`` sends NUL to every route.
"""

from __future__ import annotations

from django.http import Http404


class GeenNulInHetAdres:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path and request.path.startswith("/accounts/"):
            raise Http404("Deze pagina bestaat niet.")
        return self.get_response(request)
