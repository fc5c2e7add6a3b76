"""PDF documents with WeasyPrint, reading only the project's own static and media files.

Templates for PDFs are ordinary Django templates; they refer to files with ``{% static %}`` and
``FieldFile.url`` as pages do. WeasyPrint resolves those against ``BASIS_URL`` and asks
``EigenBestanden`` for them: ``/static/…`` comes from the static files (finders or
``STATIC_ROOT``), ``/media/…`` from the default storage (local disk or S3 alike), ``data:``
URIs are read in place; every other URL (the network, ``file://``) is refused, so a text a user
typed can never make the renderer fetch something.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from kvo.geheugen import zonder_gc

BASIS_URL = "https://kvo-werkplaats.invalid/"
JPEG_KWALITEIT = 80
DPI = 150  # photos are resized to this resolution at their printed size
PDF_OPTIES = {"optimize_images": True, "jpeg_quality": JPEG_KWALITEIT, "dpi": DPI}


class Geweigerd(ValueError):
    """A URL outside the project's own files."""


class EigenBestanden(URLFetcher):
    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        delen = urlsplit(url)
        basis = urlsplit(BASIS_URL)
        if (delen.scheme, delen.netloc) != (basis.scheme, basis.netloc):
            raise Geweigerd(f"Geweigerd in PDF: {url[:80]}")
        pad = unquote(delen.path)
        if ".." in pad.split("/"):
            raise Geweigerd(f"Geweigerd in PDF: {url[:80]}")
        static_url, media_url = _prefix(settings.STATIC_URL), _prefix(settings.MEDIA_URL)
        if pad.startswith(static_url):
            relatief = pad[len(static_url) :]
            gevonden = finders.find(relatief) or _in_static_root(relatief)
            if not gevonden:
                raise Geweigerd(f"Niet gevonden: {relatief}")
            with open(gevonden, "rb") as f:
                return URLFetcherResponse(url, f.read(), {"Content-Type": _soort(relatief)})
        if pad.startswith(media_url):
            naam = pad[len(media_url) :]
            with default_storage.open(naam, "rb") as f:
                return URLFetcherResponse(url, f.read(), {"Content-Type": _soort(naam)})
        raise Geweigerd(f"Geweigerd in PDF: {url[:80]}")


def _prefix(url: str) -> str:
    return "/" + url.strip("/") + "/"


def _in_static_root(relatief: str) -> str | None:
    import os

    root = getattr(settings, "STATIC_ROOT", None)
    if not root:
        return None
    kandidaat = os.path.join(root, relatief)
    return kandidaat if os.path.isfile(kandidaat) else None


def _soort(naam: str) -> str:
    return mimetypes.guess_type(naam)[0] or "application/octet-stream"


def pdf_maken(
    html: str, *, na_opmaak: Callable[[], None] | None = None, ankers: dict[str, int] | None = None
) -> tuple[bytes, int]:
    """Render ``html`` to PDF bytes with the safe fetcher and sensible image settings; returns the
    bytes and the page count. ``na_opmaak`` is called between layout and writing (progress).
    ``ankers``, when given, is filled with the page number (from 1) of every ``id`` in the HTML."""
    # a render builds some 360,000 objects in reference cycles: collect once, at the end
    with zonder_gc():
        document = HTML(string=html, base_url=BASIS_URL, url_fetcher=EigenBestanden()).render(**PDF_OPTIES)
        if ankers is not None:
            for nummer, pagina in enumerate(document.pages, start=1):
                for naam in pagina.anchors:
                    ankers.setdefault(naam, nummer)
        if na_opmaak is not None:
            na_opmaak()
        inhoud, paginas = document.write_pdf(**PDF_OPTIES), len(document.pages)
        del document
    return inhoud, paginas


def html_naar_pdf(html: str) -> bytes:
    """Render ``html`` to PDF bytes with the safe fetcher and sensible image settings."""
    return pdf_maken(html)[0]


def template_naar_pdf(template: str, context: dict, request=None) -> bytes:
    """Render a Django template to PDF (the template extends ``pdf/basis.html`` for the page layout)."""
    return html_naar_pdf(render_to_string(template, context, request=request))
