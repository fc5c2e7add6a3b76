"""PDF documents with WeasyPrint, reading only the project's own static and media files.

Templates for PDFs are ordinary Django templates; they refer to files with ``{% static %}`` and
``FieldFile.url`` as pages do. WeasyPrint resolves those against ``BASIS_URL`` and asks
``EigenBestanden`` for them: ``/static/…`` comes from the static files (finders or
``STATIC_ROOT``), ``/media/…`` from the default storage (local disk or S3 alike), ``data:``
URIs are read in place; every other URL (the network, ``file://``) is refused, so a text a user
typed can never make the renderer fetch something.

Every PDF is archival and accessible in one file: PDF/A-3u (fonts embedded, sRGB output intent,
Unicode text, XMP metadata) and tagged for screen readers (the structure tree of PDF/UA-1, the
document's title shown instead of its file name, the language in the catalogue). WeasyPrint takes
one ``pdf_variant``; "pdf/a-3u" with ``pdf_tags`` gives both, and ``_Metadata`` adds to its XMP what
the variant leaves out: the PDF/UA identification (``pdfuaid:part`` 1), ``dc:language``, and the
template's ``<meta name="kvo.…">`` facts (work group, cycle, reference date, set number) in a
``kvo:`` namespace, each schema described in the XMP as PDF/A requires for one it does not know.
The document's language is Dutch unless ``<html lang>`` says otherwise; a template without a
``<title>`` gets a generic one (and a warning in the log).

Memory (issue 22, ``bench/RESULTS.md``): WeasyPrint's user-agent stylesheet has six rules for
pseudo-elements of *every* element (``::marker`` and the footnote and note pseudo-elements), and
WeasyPrint computes a style for each match: six styles per element, 35,000 for the document set,
40 MB, none of them used. ``_Html`` renders with the same stylesheet, the marker rule limited to the
elements that have markers and the footnote and note rules left out (no PDF here has footnotes or
notes; ``tests/kvo/test_pdf_geheugen.py`` holds the templates to that). Between layout and writing
the collector runs once, so what layout discarded is reused by the writing instead of adding to it.
"""

from __future__ import annotations

import functools
import gc
import logging
import mimetypes
import re
from collections.abc import Callable
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree as ET

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.css.counters import CounterStyle
from weasyprint.html import UA as WEASYPRINT_UA
from weasyprint.pdf.metadata import NS, DocumentMetadata
from weasyprint.urls import URLFetcher, URLFetcherResponse

from kvo.geheugen import zonder_gc

logger = logging.getLogger(__name__)

BASIS_URL = "https://kvo-werkplaats.invalid/"
JPEG_KWALITEIT = 80
DPI = 150  # photos are resized to this resolution at their printed size
PDF_VARIANT = "pdf/a-3u"  # archival (ISO 19005-3, Unicode); tagged below as PDF/UA-1 asks (ISO 14289-1)
PDF_OPTIES = {
    "optimize_images": True,
    "jpeg_quality": JPEG_KWALITEIT,
    "dpi": DPI,
    "pdf_variant": PDF_VARIANT,
    "pdf_tags": True,
}
TAAL = "nl"
TITEL_ZONDER = "KVO Werkplaats"


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


# --- XMP: what the PDF/A variant leaves out ----------------------------------------------------

KVO_NS = "https://kvo-werkplaats.invalid/ns/xmp/1.0/"
EXTRA_NS = {
    "kvo": KVO_NS,
    "pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
    "pdfaProperty": "http://www.aiim.org/pdfa/ns/property#",
}
for _ns_prefix, _uri in EXTRA_NS.items():
    ET.register_namespace(_ns_prefix, _uri)

# ``<meta name="kvo.<naam>">`` in a template → ``kvo:<naam>`` in the XMP (only these names)
KVO_EIGENSCHAPPEN = {
    "werkgroep": "Naam van de KVO-werkgroep",
    "cyclus": "Nummer van de certificeringscyclus",
    "peildatum": "Peildatum: de stand van de vastleggingen op deze datum (JJJJ-MM-DD)",
    "documentenset": "Nummer van de documentenset in KVO Werkplaats",
    "soort": "Soort document",
}
_SCHEMAS = (
    ("PDF/UA Universal Accessibility Schema", NS["pdfuaid"], "pdfuaid", (("part", "Integer", "PDF/UA version"),)),
    ("KVO Werkplaats", KVO_NS, "kvo", tuple((n, "Text", u) for n, u in KVO_EIGENSCHAPPEN.items())),
)


def _el(ouder, ns: str, naam: str, tekst: str | None = None, **attrib) -> ET.Element:
    element = ET.SubElement(ouder, f"{{{NS.get(ns) or EXTRA_NS[ns]}}}{naam}", attrib)
    if tekst is not None:
        element.text = tekst
    return element


def _beschrijving(rdf: ET.Element) -> ET.Element:
    return _el(rdf, "rdf", "Description", **{f"{{{NS['rdf']}}}about": ""})


class _Metadata(DocumentMetadata):
    """WeasyPrint's metadata with the PDF/UA identification, the language and our facts in the XMP."""

    @classmethod
    def van(cls, metadata: DocumentMetadata) -> _Metadata:
        nieuw = cls.__new__(cls)
        nieuw.__dict__.update(metadata.__dict__)
        return nieuw

    def kvo(self) -> dict[str, str]:
        feiten = {naam.removeprefix("kvo."): waarde for naam, waarde in self.custom.items() if naam.startswith("kvo.")}
        return {naam: feiten[naam] for naam in KVO_EIGENSCHAPPEN if feiten.get(naam)}

    def generate_rdf_metadata(self, variant, version, conformance):
        rdf = ET.fromstring(super().generate_rdf_metadata(variant, version, conformance))
        if variant == "a":
            _el(_beschrijving(rdf), "pdfuaid", "part", "1")
            schemas = _el(_el(_beschrijving(rdf), "pdfaExtension", "schemas"), "rdf", "Bag")
            for omschrijving, uri, prefix, eigenschappen in _SCHEMAS:
                schema = _el(schemas, "rdf", "li", **{f"{{{NS['rdf']}}}parseType": "Resource"})
                _el(schema, "pdfaSchema", "schema", omschrijving)
                _el(schema, "pdfaSchema", "namespaceURI", uri)
                _el(schema, "pdfaSchema", "prefix", prefix)
                lijst = _el(_el(schema, "pdfaSchema", "property"), "rdf", "Seq")
                for naam, soort, uitleg in eigenschappen:
                    eigenschap = _el(lijst, "rdf", "li", **{f"{{{NS['rdf']}}}parseType": "Resource"})
                    _el(eigenschap, "pdfaProperty", "name", naam)
                    _el(eigenschap, "pdfaProperty", "valueType", soort)
                    _el(eigenschap, "pdfaProperty", "category", "external")
                    _el(eigenschap, "pdfaProperty", "description", uitleg)
        if self.lang:
            _el(_el(_el(_beschrijving(rdf), "dc", "language"), "rdf", "Bag"), "rdf", "li", self.lang)
        if feiten := self.kvo():
            beschrijving = _beschrijving(rdf)
            for naam, waarde in feiten.items():
                _el(beschrijving, "kvo", naam, waarde)
        return ET.tostring(rdf, encoding="utf-8")


def _aanvullen(document) -> None:
    """Language, title and our XMP on a rendered document (before it is written)."""
    metadata = _Metadata.van(document.metadata)
    metadata.lang = metadata.lang or TAAL
    if not (metadata.title or "").strip():
        logger.warning("PDF zonder <title>: titel %r gebruikt", TITEL_ZONDER)
        metadata.title = TITEL_ZONDER
    document.metadata = metadata


# --- the user-agent stylesheet, without a style per element for pseudo-elements no PDF has ---------

MARKER = "\n::marker {"
MARKER_VOOR = "\nli::marker, summary::marker {"  # the elements with display: list-item in the UA sheet
NOTEN = re.compile(r"^::(?:footnote|note)-[a-z]+ \{[^}\n]*\}\n", re.M)  # ::footnote-call … ::note-callback


def ua_tekst(ua: str) -> str | None:
    """WeasyPrint's user-agent stylesheet ``ua`` without its rules for a pseudo-element of every
    element; None when it is not the stylesheet these edits were written for (then it is used as is)."""
    if ua.count(MARKER) != 1:
        return None
    tekst, noten = NOTEN.subn("", ua.replace(MARKER, MARKER_VOOR))
    if noten != 5 or re.search(r"^::", tekst, re.M):
        return None
    return tekst


@functools.cache
def _ua() -> CSS | None:
    tekst = ua_tekst(WEASYPRINT_UA)
    if tekst is None:
        logger.warning("WeasyPrints user-agent-stylesheet is anders dan verwacht: ongewijzigd gebruikt")
        return None
    return CSS(string=tekst, counter_style=CounterStyle())  # its counter styles come with the UA's own


class _Html(HTML):
    """WeasyPrint's HTML with the lighter user-agent stylesheet (forms keep WeasyPrint's own)."""

    def _ua_stylesheets(self, forms=False):
        eigen = None if forms else _ua()
        return [eigen] if eigen is not None else super()._ua_stylesheets(forms)


def pdf_maken(
    html: str, *, na_opmaak: Callable[[], None] | None = None, ankers: dict[str, int] | None = None
) -> tuple[bytes, int]:
    """Render ``html`` to PDF bytes with the safe fetcher and sensible image settings; returns the
    bytes and the page count. ``na_opmaak`` is called between layout and writing (progress).
    ``ankers``, when given, is filled with the page number (from 1) of every ``id`` in the HTML."""
    # a render builds some 360,000 objects in reference cycles: collect once, at the end
    with zonder_gc():
        document = _Html(string=html, base_url=BASIS_URL, url_fetcher=EigenBestanden()).render(**PDF_OPTIES)
        gc.collect()  # what layout discarded (earlier passes over the pages): the writing reuses it
        if ankers is not None:
            for nummer, pagina in enumerate(document.pages, start=1):
                for naam in pagina.anchors:
                    ankers.setdefault(naam, nummer)
        _aanvullen(document)
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
