"""Views do not write to the database themselves: every write goes through a service
(README, conventions; issue 26 "Thin views"). An AST scan of every view module for the ORM's
writing calls; what is not the ORM (a dict, the file storage, an image) is told apart below."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCHRIJVEND = frozenset(
    {"save", "create", "update", "delete", "bulk_create", "bulk_update", "get_or_create", "update_or_create"}
)
# (module, the call's receiver as written) -> why it is not a write to the database
TOEGESTAAN = {
    ("kvo/views_levensloop.py", "default_storage"): "the file storage (the removal's export file), not the ORM",
    ("analyse/views/schouw.py", "beeld"): "a Pillow image written to a buffer (the photo's preview)",
}


def view_modules() -> list[Path]:
    uit = []
    for pad in ROOT.rglob("*.py"):
        deel = pad.relative_to(ROOT).parts
        if deel[0] in {".venv", "tests", "node_modules"} or "migrations" in deel or deel[0].startswith("."):
            continue
        if pad.name.startswith("views") or "views" in deel[:-1]:
            uit.append(pad)
    return sorted(uit)


def _dicts(boom: ast.AST) -> set[str]:
    """Names bound to a dict in the module (their ``.update`` is a dict's)."""
    namen = {"kwargs"}
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Assign | ast.AnnAssign):
            waarde = knoop.value
            is_dict = isinstance(waarde, ast.Dict | ast.DictComp) or (
                isinstance(waarde, ast.Call)
                and (
                    (isinstance(waarde.func, ast.Name) and waarde.func.id == "dict")
                    or (isinstance(waarde.func, ast.Attribute) and waarde.func.attr == "get_context_data")
                )
            )
            doelen = knoop.targets if isinstance(knoop, ast.Assign) else [knoop.target]
            if is_dict:
                namen.update(d.id for d in doelen if isinstance(d, ast.Name))
    return namen


def schrijvende_aanroepen(bron: str, module: str) -> list[str]:
    boom = ast.parse(bron)
    dicts = _dicts(boom)
    gevonden = []
    for knoop in ast.walk(boom):
        if not (isinstance(knoop, ast.Call) and isinstance(knoop.func, ast.Attribute)):
            continue
        if knoop.func.attr not in SCHRIJVEND:
            continue
        ontvanger = ast.unparse(knoop.func.value)
        if knoop.func.attr == "update" and ontvanger in dicts:
            continue
        if (module, ontvanger) in TOEGESTAAN:
            continue
        gevonden.append(f"{module}:{knoop.lineno}: {ontvanger}.{knoop.func.attr}(...)")
    return gevonden


def test_de_scan_vindt_wat_hij_moet_vinden():
    """The scan itself: it finds each writing call, and passes a dict's update."""
    bron = """
def view(request):
    extra = {}
    extra.update(a=1)
    Model.objects.create(a=1)
    Model.objects.filter(a=1).update(b=2)
    Model.objects.filter(a=1).delete()
    obj.save(update_fields=["a"])
    Model.objects.bulk_create([])
    Model.objects.get_or_create(a=1)
"""
    gevonden = schrijvende_aanroepen(bron, "x/views.py")
    assert [regel.split(": ", 1)[1] for regel in gevonden] == [
        "Model.objects.create(...)",
        "Model.objects.filter(a=1).update(...)",
        "Model.objects.filter(a=1).delete(...)",
        "obj.save(...)",
        "Model.objects.bulk_create(...)",
        "Model.objects.get_or_create(...)",
    ]


def test_er_zijn_view_modules():
    namen = {str(p.relative_to(ROOT)) for p in view_modules()}
    assert {"analyse/views/conclusie.py", "kvo/views_beheer.py", "aanpak/views/acties.py"} <= namen


@pytest.mark.parametrize("pad", view_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_view_schrijft_alleen_via_een_service(pad):
    module = str(pad.relative_to(ROOT))
    assert schrijvende_aanroepen(pad.read_text(encoding="utf-8"), module) == []


def test_toegestaan_is_nog_nodig():
    """Every exception still exists: a stale entry would hide a new write in the same module."""
    for module, ontvanger in TOEGESTAAN:
        bron = (ROOT / module).read_text(encoding="utf-8")
        assert any(
            isinstance(k, ast.Call) and isinstance(k.func, ast.Attribute) and ast.unparse(k.func.value) == ontvanger
            for k in ast.walk(ast.parse(bron))
        ), (module, ontvanger)
