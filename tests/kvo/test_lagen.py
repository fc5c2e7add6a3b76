"""Layering: an app never imports one that comes later in the cycle
(gebieden, werkgroepen < analyse < aanpak < audits), and ``kvo/`` knows only the tenant
(``werkgroepen``, where the work group lives).

Read from the source (every ``import`` and ``from ... import``, also inside functions), so a
lazy import cannot slip past. What an earlier app needs from a later one goes through a registry
(checks, dossier parts, timeline) or a signal.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VOLGORDE = {"kvo": 0, "gebieden": 1, "werkgroepen": 1, "analyse": 2, "aanpak": 3, "audits": 4}
# No exceptions: the demo, which builds every app's data, lives in audits/ (the last step, which may
# read every other app); the auditor's access reaches kvo/tenancy.py through kvo/toegang.py.
UITZONDERINGEN: set[str] = set()


def imports(pad: Path) -> set[str]:
    boom = ast.parse(pad.read_text(), filename=str(pad))
    namen = set()
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Import):
            namen.update(a.name.split(".")[0] for a in knoop.names)
        elif isinstance(knoop, ast.ImportFrom) and knoop.module and knoop.level == 0:
            namen.add(knoop.module.split(".")[0])
    return namen


def bestanden():
    for app in VOLGORDE:
        for pad in sorted((ROOT / app).rglob("*.py")):
            relatief = pad.relative_to(ROOT).as_posix()
            if "/migrations/" in relatief or any(relatief.startswith(u) for u in UITZONDERINGEN):
                continue
            yield app, relatief


@pytest.mark.parametrize(("app", "relatief"), list(bestanden()))
def test_geen_import_van_een_latere_app(app, relatief):
    laag = VOLGORDE[app]
    later = {n for n in imports(ROOT / relatief) if VOLGORDE.get(n, -1) > laag}
    if app == "kvo":  # the core knows the tenant (the work group) and nothing else
        later = {n for n in imports(ROOT / relatief) if n in VOLGORDE and n not in ("kvo", "werkgroepen")}
    assert not later, f"{relatief} importeert {sorted(later)}, een latere stap van de cyclus"
