"""The product's own scripts (static/js) put no text into the page as HTML (pen test, issue 19,
finding 1): no innerHTML and the like at all, and Leaflet's content methods, which take a string as
HTML, only get what ``alsTekst`` makes (a text node). The map's container is closed to htmx, so an
attribute in a name could not act even if it got into the page as an element."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import BedrijventerreinFactory

SCRIPTS = sorted((Path(settings.BASE_DIR) / "static" / "js").glob("*.js"))

HTML_SINKS = re.compile(
    r"\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|\beval\s*\(|new\s+Function\b"
    r"|\.html\s*\(|DOMParser|createContextualFragment|srcdoc"
)
LEAFLET_INHOUD = re.compile(r"\.(bindTooltip|bindPopup|setContent|setTooltipContent|setPopupContent)\s*\(\s*([^,)]*)")


def test_er_zijn_scripts():
    assert {p.name for p in SCRIPTS} >= {"kaart.js", "tabel.js"}


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_geen_html_uit_tekst(script):
    code = script.read_text(encoding="utf-8")
    assert HTML_SINKS.findall(code) == [], f"{script.name}: text put in as HTML; use textContent or a text node"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_leaflet_krijgt_alleen_tekstknopen(script):
    code = script.read_text(encoding="utf-8")
    for methode, argument in LEAFLET_INHOUD.findall(code):
        assert argument.startswith("alsTekst("), f"{script.name}: {methode}({argument}…) takes a string as HTML"


def test_de_kaart_geeft_namen_als_tekstknoop():
    code = (Path(settings.BASE_DIR) / "static" / "js" / "kaart.js").read_text(encoding="utf-8")
    assert "bindTooltip(alsTekst(v.naam)" in code
    assert "document.createTextNode(" in code


def test_de_kaart_is_dicht_voor_htmx(actoren, als):
    terrein = BedrijventerreinFactory(werkgroep=actoren.werkgroep)
    url = reverse("gebieden:terrein_wijzigen", kwargs={"werkgroep": actoren.werkgroep.slug, "terrein": terrein.pk})
    html = als(actoren.voorzitter).get(url).content.decode()
    kaart = re.search(r"<div [^>]*\bdata-kaart\b[^>]*>", html).group(0)
    assert re.search(r"\shx-disable[\s=>]", kaart), kaart
