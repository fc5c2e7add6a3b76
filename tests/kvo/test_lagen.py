"""Layering: an app never depends on one that comes later in the cycle, and ``kvo/`` knows only the
tenant (``werkgroepen``, where the work group lives).

The order: kvo < gebieden < werkgroepen < analyse < aanpak < audits < demo. The area comes first (§3.1:
parks, the register), then the work group's partnership (§3.2–3.7) that may name the park a member
represents, then the analysis, the plan and the audit; last the demo (``demo/``: its generators,
dossiers and ``kvo_demo``, and the benchmark's data), which builds every app's data and which no
production app may use. One exception each way, both for the tenant:
``kvo`` may use all of ``werkgroepen``, and ``gebieden`` may use the tenant itself — a foreign key to
``werkgroepen.Werkgroep`` (every tenant-owned row has one) and the tenant's log
(``werkgroepen.logboek``) — and nothing else of ``werkgroepen``.

A dependency is any of: ``import`` and ``from ... import`` read from the source, also inside
functions (a lazy import is a dependency that hides until it runs); a model field that names
another app's model as a string (``ForeignKey("app.Model")``); and ``apps.get_model("app", ...)``.
What an earlier app needs from a later one goes through a registry (checks, dossier parts, timeline,
access sources) or a signal.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VOLGORDE = {"kvo": 0, "gebieden": 1, "werkgroepen": 2, "analyse": 3, "aanpak": 4, "audits": 5, "demo": 6}
VELDEN = {"ForeignKey", "OneToOneField", "ManyToManyField", "ForeignObject"}
# What of werkgroepen an earlier app may use: the tenant and its log (kvo: everything, see below).
HUURDER = {"werkgroepen.Werkgroep", "werkgroepen.models.Werkgroep", "werkgroepen.logboek"}
# No exceptions beyond the tenant: the demo, which builds every app's data, is its own app after
# all the others (demo/, never imported by a production app); the auditor's access reaches
# kvo/tenancy.py through kvo/toegang.py.
UITZONDERINGEN: set[str] = set()


def _naam(knoop) -> str:
    if isinstance(knoop, ast.Attribute):
        return knoop.attr
    return knoop.id if isinstance(knoop, ast.Name) else ""


def afhankelijkheden(bron: str) -> set[str]:
    """Everything the module's source depends on, as dotted names: imported modules (``a.b``),
    imported names (``a.b.Naam``), models named by string (``app.Model``) and by ``get_model``."""
    namen = set()
    for knoop in ast.walk(ast.parse(bron)):
        if isinstance(knoop, ast.Import):
            namen.update(a.name for a in knoop.names)
        elif isinstance(knoop, ast.ImportFrom) and knoop.module and knoop.level == 0:
            namen.update(f"{knoop.module}.{a.name}" for a in knoop.names)
        elif isinstance(knoop, ast.Call) and _naam(knoop.func) in VELDEN:
            doel = knoop.args[0] if knoop.args else next((k.value for k in knoop.keywords if k.arg == "to"), None)
            if isinstance(doel, ast.Constant) and isinstance(doel.value, str) and "." in doel.value:
                namen.add(doel.value)
        elif isinstance(knoop, ast.Call) and _naam(knoop.func) == "get_model":
            waarden = [a.value for a in knoop.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if len(waarden) == 2:
                namen.add(".".join(waarden))
            elif len(waarden) == 1 and "." in waarden[0]:
                namen.add(waarden[0])
    return namen


def bestanden():
    for app in VOLGORDE:
        for pad in sorted((ROOT / app).rglob("*.py")):
            relatief = pad.relative_to(ROOT).as_posix()
            if "/migrations/" in relatief or any(relatief.startswith(u) for u in UITZONDERINGEN):
                continue
            yield app, relatief


def verboden(app: str, namen: set[str]) -> set[str]:
    """The dependencies of a module of ``app`` that the layering does not allow."""
    laag = VOLGORDE[app]
    uit = set()
    for naam in namen:
        doel = naam.split(".")[0]
        if VOLGORDE.get(doel, -1) <= laag:
            continue
        if doel == "werkgroepen" and (app == "kvo" or any(naam == h or naam.startswith(h + ".") for h in HUURDER)):
            continue  # the tenant
        uit.add(naam)
    return uit


@pytest.mark.parametrize(("app", "relatief"), list(bestanden()))
def test_geen_afhankelijkheid_van_een_latere_app(app, relatief):
    later = verboden(app, afhankelijkheden((ROOT / relatief).read_text()))
    assert not later, f"{relatief} hangt af van {sorted(later)}, een latere stap van de cyclus"


def test_de_lezer_ziet_luie_imports_en_modelnamen_als_tekst():
    bron = """
from django.apps import apps
from django.db import models

class Schouwpunt(models.Model):
    terrein = models.ForeignKey("gebieden.Bedrijventerrein", on_delete=models.CASCADE)
    plan = models.OneToOneField(to="aanpak.Plan", on_delete=models.CASCADE)

def later():
    from audits.models import Audit
    import analyse.tasks
    return apps.get_model("werkgroepen", "Lid")
"""
    namen = afhankelijkheden(bron)
    assert {
        "gebieden.Bedrijventerrein",
        "aanpak.Plan",
        "audits.models.Audit",
        "analyse.tasks",
        "werkgroepen.Lid",
    } <= namen
    assert verboden("gebieden", namen) == {"aanpak.Plan", "audits.models.Audit", "analyse.tasks", "werkgroepen.Lid"}
    assert verboden("gebieden", {"werkgroepen.Werkgroep", "werkgroepen.logboek.log_actie"}) == set()
    assert verboden("gebieden", {"werkgroepen.WerkgroepStart"}) == {"werkgroepen.WerkgroepStart"}
    assert verboden("kvo", {"werkgroepen.models.Cyclus", "gebieden.models"}) == {"gebieden.models"}


def test_de_demo_en_de_benchmark_staan_buiten_de_productie_apps():
    """The demo is its own app, last (issue 26): its commands come from ``demo/``, and no production app
    holds a generator, the demo's dossiers or the benchmark's instruments."""
    from django.core.management import get_commands

    assert max(VOLGORDE, key=VOLGORDE.get) == "demo"
    commandos = get_commands()
    assert commandos["kvo_demo"] == "demo" and commandos["kvo_provincie"] == "demo"
    productie = [app for app in VOLGORDE if app != "demo"]
    gebleven = sorted(
        pad.relative_to(ROOT).as_posix()
        for app in productie
        for pad in (ROOT / app).rglob("*")
        if pad.name in {"demo", "meten.py", "verschuif.py"} or pad.name.startswith("genereer")
    )
    assert not gebleven, f"demo- of benchmarkcode in een productie-app: {gebleven}"
