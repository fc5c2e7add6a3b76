"""Bounded ids where input enters (issue 26, "Bounded ids without a global patch"): every field that
lets a user choose rows by id is ``kvo.invoer.IdKeuze`` / ``IdsKeuze``, which refuse an id the
database cannot hold before it reaches a query. A plain ``ModelChoiceField`` would pass such an id to
PostgreSQL (the hostile-input crawl finds it only on the pages it reaches)."""

from __future__ import annotations

import ast

from tests.kvo.test_formulieren_via_helper import ROOT, product_modules

KEUZEVELDEN = {"ModelChoiceField", "ModelMultipleChoiceField"}
EIGEN = "kvo/invoer.py"  # where IdKeuze and IdsKeuze subclass them


def onbegrensde_keuzes(bron: str, module: str) -> list[str]:
    gevonden = []
    for knoop in ast.walk(ast.parse(bron)):
        if isinstance(knoop, ast.Call):
            naam = knoop.func.attr if isinstance(knoop.func, ast.Attribute) else getattr(knoop.func, "id", "")
            if naam in KEUZEVELDEN:
                gevonden.append(f"{module}:{knoop.lineno}: {naam}(...)")
    return gevonden


def test_de_controle_vindt_een_gewoon_keuzeveld():
    bron = "from django import forms\nclass F(forms.Form):\n    p = forms.ModelChoiceField(queryset=None)\n"
    assert onbegrensde_keuzes(bron, "x.py") == ["x.py:3: ModelChoiceField(...)"]
    assert onbegrensde_keuzes("p = IdKeuze(queryset=None)\n", "x.py") == []


def test_elk_keuzeveld_is_begrensd():
    gevonden = []
    for pad in product_modules():
        module = pad.relative_to(ROOT).as_posix()
        if module != EIGEN:
            gevonden += onbegrensde_keuzes(pad.read_text(encoding="utf-8"), module)
    assert gevonden == [], "gebruik kvo.invoer.IdKeuze / IdsKeuze: " + "; ".join(gevonden)
