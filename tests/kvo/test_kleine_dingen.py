"""Small things a user met on the demo (issue "Live data tells the truth"): Dutch where Django or a
plural left English or a wrong word, Dutch dates in names, and a favicon on every layout."""

import datetime as dt

from django.db.models.fields import BLANK_CHOICE_LABEL
from django.urls import reverse
from django.utils import translation

from tests.factories import AuditFactory


def test_lege_keuze_van_een_keuzelijst_is_nederlands():
    with translation.override("nl"):
        assert str(BLANK_CHOICE_LABEL) == "– Maak een keuze –"


def test_home_telt_leden_niet_liden(actoren, als):
    tekst = als(actoren.voorzitter).get(reverse("werkgroepen:home", kwargs={"werkgroep": "de-hoek"})).text
    assert "liden" not in tekst
    assert "4 actieve leden" in tekst


def test_een_audit_heet_naar_zijn_datum_in_nederlandse_volgorde(actoren):
    audit = AuditFactory(werkgroep=actoren.werkgroep, cyclus=actoren.cyclus, datum=dt.date(2026, 11, 12))
    assert str(audit).endswith("12-11-2026")


def test_favicon_op_de_pagina_en_in_de_enquete(actoren, als, client):
    tekst = als(actoren.voorzitter).get(reverse("werkgroepen:home", kwargs={"werkgroep": "de-hoek"})).text
    assert 'rel="icon"' in tekst and "favicon" in tekst
    from django.template.loader import render_to_string

    assert 'rel="icon"' in render_to_string("enquete/basis.html", {})


def test_geschiedenis_toont_decimalen_in_het_nederlands():
    from decimal import Decimal

    from audits.models import Audit
    from kvo.geschiedenis import _toon

    veld = Audit._meta.get_field("geplande_uren")
    assert _toon(veld, Decimal("11.0"), {}) == "11"
    assert _toon(veld, Decimal("10.5"), {}) == "10,5"
