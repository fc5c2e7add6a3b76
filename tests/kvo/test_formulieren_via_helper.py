"""Every form a view validates goes through the one helper (``kvo/formulieren.py``; issue 26 "Thin
views"): bind → service in a transaction → message → redirect, or the page again with its errors.
An AST scan of the product's modules for ``.is_valid()`` called anywhere else; a view that needs a
shape the helper lacks (a 409, a JSON answer) extends the helper instead of hand-rolling it."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HELPER = "kvo/formulieren.py"
# (module, the call's receiver as written) -> why it may validate a form itself. Empty today: every
# form view, the filter forms and the import previews included, uses kvo.formulieren.
TOEGESTAAN: dict[tuple[str, str], str] = {}


def product_modules() -> list[Path]:
    """The product's source (views, forms, services, the portal, the demo, the benchmark), not the tests."""
    uit = []
    for pad in ROOT.rglob("*.py"):
        deel = pad.relative_to(ROOT).parts
        if deel[0] in {".venv", "tests", "node_modules"} or "migrations" in deel or deel[0].startswith("."):
            continue
        uit.append(pad)
    return sorted(uit)


def eigen_validaties(bron: str, module: str) -> list[str]:
    """Every ``<receiver>.is_valid()`` call in ``bron`` that the allow-list does not name."""
    gevonden = []
    for knoop in ast.walk(ast.parse(bron)):
        if not (isinstance(knoop, ast.Call) and isinstance(knoop.func, ast.Attribute)):
            continue
        if knoop.func.attr != "is_valid":
            continue
        ontvanger = ast.unparse(knoop.func.value)
        if (module, ontvanger) in TOEGESTAAN:
            continue
        gevonden.append(f"{module}:{knoop.lineno}: {ontvanger}.is_valid()")
    return gevonden


def test_de_scan_vindt_wat_hij_moet_vinden():
    """The scan itself: a form, a formset and a validation inside a condition are all found."""
    bron = """
def view(request):
    form = Form(request.POST)
    if request.method == "POST" and form.is_valid():
        pass
    keuze = filter_form.cleaned_data if filter_form.is_valid() else {}
    geldig = all(f.is_valid() for f in formsets)
    form.full_clean()  # not the call this test is about
"""
    assert [r.split(": ", 1)[1] for r in eigen_validaties(bron, "x/views.py")] == [
        "form.is_valid()",
        "filter_form.is_valid()",
        "f.is_valid()",
    ]


def test_de_scan_ziet_de_views_buiten_een_views_module():
    namen = {str(p.relative_to(ROOT)) for p in product_modules()}
    assert {HELPER, "audits/portaal_certificaat.py", "werkgroepen/views_uitnodiging.py", "kvo/views_sso.py"} <= namen


def test_formulier_wordt_alleen_in_de_helper_gevalideerd():
    gevonden = [
        regel
        for pad in product_modules()
        if (module := str(pad.relative_to(ROOT))) != HELPER
        for regel in eigen_validaties(pad.read_text(encoding="utf-8"), module)
    ]
    assert gevonden == [], "validate through kvo.formulieren (verwerk_formulier, verwerk, voer_uit, gegevens_van)"


def test_de_helper_valideert_wel():
    """The helper is where validation lives: the scan would find its calls (so it is not blind)."""
    assert eigen_validaties((ROOT / HELPER).read_text(encoding="utf-8"), HELPER)


def test_toegestaan_is_nog_nodig():
    """Every exception still exists: a stale entry would hide a new validation in the same module."""
    for module, ontvanger in TOEGESTAAN:
        bron = (ROOT / module).read_text(encoding="utf-8")
        assert any(
            isinstance(k, ast.Call)
            and isinstance(k.func, ast.Attribute)
            and k.func.attr == "is_valid"
            and ast.unparse(k.func.value) == ontvanger
            for k in ast.walk(ast.parse(bron))
        ), (module, ontvanger)
