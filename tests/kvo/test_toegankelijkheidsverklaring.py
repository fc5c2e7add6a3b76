"""The accessibility statement (issue 24): public, in the digitoegankelijk.nl format, and true.

What it claims comes from ``kvo.toegankelijkheid``; these tests hold that source to the tests that
back it: the axe-core version bundled with the browser tests, a keyboard walk for every task it
names, the status that follows from the known exceptions. The browser test
(``tests/browser/test_wcag_rollen.py``) loops over ``ROLLEN`` itself.
"""

import importlib
import re
from pathlib import Path

import pytest
from django.urls import reverse

from kvo import toegankelijkheid as t
from tests.analyse.test_publiek import enquete, nu, token, uitnodiging  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db

VERKLARING = "/toegankelijkheid/"
PRIVACY = re.compile(r'href="/privacy/"')


def test_verklaring_is_openbaar_en_volledig(client):
    assert reverse("toegankelijkheidsverklaring") == VERKLARING
    response = client.get(VERKLARING)
    assert response.status_code == 200
    html = response.content.decode()
    for kop in (
        "Nalevingsstatus",
        "Wat is getoetst en hoe",
        "Bekende uitzonderingen",
        "Datum",
        "Contact",
        "Klachtenprocedure",
    ):
        assert f">{kop}</h2>" in html, kop
    assert f"KVO Werkplaats {t.STATUS}</strong>" in html
    assert f"axe-core {t.AXE_VERSIE}" in html and "WCAG 2.1 niveau A en AA" in html
    for rol in t.ROLLEN:
        assert rol.naam in html, rol.naam
    for _sleutel, taak in t.TOETSENBORD:
        assert taak in html, taak
    for u in t.UITZONDERINGEN:
        assert u.wat in html
    assert f"mailto:{t.CONTACT_EMAIL}" in html
    assert t.DATUM.isoformat() in html


def test_status_volgt_uit_de_uitzonderingen():
    """ "Voldoet volledig" only without a known exception; with one, "voldoet gedeeltelijk"."""
    assert t.STATUS in (t.VOLDOET_VOLLEDIG, t.VOLDOET_GEDEELTELIJK)
    assert (t.STATUS == t.VOLDOET_VOLLEDIG) == (not t.UITZONDERINGEN)


def test_axe_versie_is_die_van_de_tests():
    axe = pytest.importorskip("axe_playwright_python")
    script = (Path(axe.__file__).parent / "axe.min.js").read_text(encoding="utf-8")[:200]
    assert re.search(r"axe v(\S+)", script).group(1) == t.AXE_VERSIE


def test_elke_toetsenbordtaak_heeft_een_test():
    walks = importlib.import_module("tests.browser.test_toetsenbord")
    for sleutel, _taak in t.TOETSENBORD:
        assert callable(getattr(walks, f"test_toetsenbord_{sleutel}", None)), sleutel


def test_elke_rol_van_de_verklaring_is_een_rol_van_de_axe_test():
    from tests import toegankelijk

    sleutels = [r.sleutel for r in t.ROLLEN]
    assert len(set(sleutels)) == len(sleutels)
    assert set(sleutels) - {"anoniem", "ondernemer"} == set(toegankelijk.GEBRUIKERSROLLEN)


def _links(html: str) -> bool:
    return f'href="{VERKLARING}"' in html and bool(PRIVACY.search(html) or 'href="' + _privacy() + '"' in html)


def _privacy() -> str:
    try:
        return reverse("privacyverklaring")
    except Exception:
        return "/privacy/"


def test_voet_met_verklaringen_op_inlog_enquete_en_werkgroep(client, actoren, als):
    assert _links(client.get("/accounts/login/").content.decode())
    assert _links(client.get(VERKLARING).content.decode())
    assert _links(client.get("/e/").content.decode())  # the survey without a valid link: its own layout
    assert _links(als(actoren.lid).get("/w/de-hoek/").content.decode())


def test_voet_op_de_enquetepagina_met_geldige_link(client, token):  # noqa: F811
    """The survey's own pages (another layout than the product's) link both statements too."""
    assert client.get(f"/e/{token}/").status_code == 302
    assert _links(client.get("/e/").content.decode())
    assert _links(client.get("/e/stap/1/").content.decode())
