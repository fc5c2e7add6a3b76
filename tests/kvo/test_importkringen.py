"""No import circles between the project's modules.

The graph is read from the source with ``ast``: every ``import`` and ``from ... import``, also the
ones inside functions (a lazy import is still a dependency: it only hides the circle until the
function runs). ``from pakket import module`` counts as an import of that module. A circle means
two modules that cannot be understood, tested or moved apart; the usual fix is a third module that
both use (e.g. the work a task does in a service module the task imports, and the service that
queues the task in another).
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("kvo", "gebieden", "werkgroepen", "analyse", "aanpak", "audits", "demo")


def modulenaam(pad: Path) -> str:
    delen = list(pad.relative_to(ROOT).with_suffix("").parts)
    if delen[-1] == "__init__":
        delen.pop()
    return ".".join(delen)


def modules() -> dict[str, Path]:
    uit = {}
    for app in APPS:
        for pad in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in pad.parts:
                uit[modulenaam(pad)] = pad
    return uit


def _oplossen(naam: str, bekend: dict[str, Path]) -> str | None:
    """The project module ``naam`` refers to (itself, or its nearest known parent), None when outside."""
    while naam and naam not in bekend:
        naam = naam.rpartition(".")[0]
    return naam or None


def graaf() -> dict[str, set[str]]:
    bekend = modules()
    randen: dict[str, set[str]] = {m: set() for m in bekend}
    for module, pad in bekend.items():
        pakket = module if pad.name == "__init__.py" else module.rpartition(".")[0]
        for knoop in ast.walk(ast.parse(pad.read_text(), filename=str(pad))):
            doelen = []
            if isinstance(knoop, ast.Import):
                doelen = [a.name for a in knoop.names]
            elif isinstance(knoop, ast.ImportFrom):
                basis = knoop.module or ""
                if knoop.level:
                    delen = pakket.split(".")
                    delen = delen[: len(delen) - (knoop.level - 1)]
                    basis = ".".join([*delen, basis] if basis else delen)
                # `from pakket import module` imports the module; `from module import naam` the module
                doelen = [f"{basis}.{a.name}" if f"{basis}.{a.name}" in bekend else basis for a in knoop.names]
            for doel in doelen:
                gevonden = _oplossen(doel, bekend)
                if gevonden and gevonden != module:
                    randen[module].add(gevonden)
    # a package's __init__ is imported with every module inside it: not an edge of its own making
    for module in randen:
        randen[module] = {d for d in randen[module] if not module.startswith(d + ".")}
    return randen


def kringen(randen: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index, laag, stapel, op_stapel, uit = {}, {}, [], set(), []
    teller = [0]

    def bezoek(v):
        index[v] = laag[v] = teller[0]
        teller[0] += 1
        stapel.append(v)
        op_stapel.add(v)
        for w in sorted(randen.get(v, ())):
            if w not in index:
                bezoek(w)
                laag[v] = min(laag[v], laag[w])
            elif w in op_stapel:
                laag[v] = min(laag[v], index[w])
        if laag[v] == index[v]:
            deel = []
            while True:
                w = stapel.pop()
                op_stapel.discard(w)
                deel.append(w)
                if w == v:
                    break
            if len(deel) > 1:
                uit.append(sorted(deel))

    for v in sorted(randen):
        if v not in index:
            bezoek(v)
    return sorted(uit)


def test_de_graaf_ziet_luie_imports():
    randen = graaf()
    # kvo/tasks.py imports werkgroepen.models only inside WerkgroepTask.__call__
    assert "werkgroepen.models" in randen["kvo.tasks"]


def test_kringen_worden_gevonden():
    assert kringen({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_geen_importkringen():
    gevonden = kringen(graaf())
    assert not gevonden, "importkringen:\n" + "\n".join(" ↔ ".join(k) for k in gevonden)
