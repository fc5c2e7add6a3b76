"""Speed and memory benchmarks, with their targets. Not part of the test suite: timings on a
shared machine are not pass/fail material for CI.

    .venv/bin/python bench/run.py              # SQLite in a temporary file
    DATABASE_URL=postgres://... .venv/bin/python bench/run.py
    .venv/bin/python bench/run.py documentenset   # the dossier benchmarks and only bench_*documentenset*.py

Each benchmark prints its best time over a few runs and its peak Python memory (tracemalloc), next
to the target. The exit code is 1 when a target is missed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if not os.environ.get("DATABASE_URL"):
    os.environ.setdefault("KVO_SQLITE_PATH", str(Path(tempfile.mkdtemp()) / "bench.sqlite3"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kvo.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django_scopes import scopes_disabled  # noqa: E402

RESULTATEN: list[tuple[str, float, float, float, float, int]] = []


def meet(naam: str, functie, *, doel_s: float, doel_mb: float, herhaal: int = 3, voorbereiding=None):
    """Run ``functie`` once under tracemalloc for its peak memory, then ``herhaal`` times without it
    (tracemalloc slows allocation-heavy code two- to threefold) and keep the best time. Every run
    computes: nothing kept under the data version (``kvo.versie``) is used."""
    from kvo import versie

    beste, piek, queries = float("inf"), 0.0, 0
    for ronde in range(herhaal + 1):
        if voorbereiding:
            voorbereiding()
        reset_queries()
        geheugen = ronde == 0
        if geheugen:
            tracemalloc.start()
        with versie.opnieuw(), CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            functie()
            duur = time.perf_counter() - start
        if geheugen:
            _, top = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            piek = top / 2**20
        else:
            beste = min(beste, duur)
        queries = len(ctx.captured_queries)
    RESULTATEN.append((naam, beste, doel_s, piek, doel_mb, queries))


def main() -> int:
    call_command("migrate", verbosity=0)
    from kvo.dossier.services import dossier_exporteer, dossier_importeer
    from kvo.toets import voer_toets_uit
    from tests.dossier.conftest import groot_dossier
    from werkgroepen.models import Werkgroep

    dossier = groot_dossier()

    def opruimen():
        with scopes_disabled():
            for wg in Werkgroep.objects.filter(slug=dossier["werkgroep"]["slug"]):
                from kvo.dossier.registry import onderdelen

                for onderdeel in reversed(onderdelen()):
                    if onderdeel.verwijder:
                        onderdeel.verwijder(wg)
                wg.delete()

    meet(
        "dossier importeren (4 terreinen, 600 ondernemers)",
        lambda: dossier_importeer(actor=None, dossier=dossier),
        doel_s=5.0,
        doel_mb=150,
        voorbereiding=opruimen,
    )
    with scopes_disabled():
        werkgroep = Werkgroep.objects.get(slug=dossier["werkgroep"]["slug"])
    meet("dossier exporteren (600 ondernemers)", lambda: dossier_exporteer(werkgroep=werkgroep), doel_s=2.0, doel_mb=50)
    meet("handboektoets (alle 54 eisen)", lambda: voer_toets_uit(werkgroep), doel_s=0.5, doel_mb=20, herhaal=5)

    alleen = sys.argv[1:]  # parts of a bench file's name: run only those files
    for extra in sorted((ROOT / "bench").glob("bench_*.py")):
        if alleen and not any(a in extra.stem for a in alleen):
            continue
        namespace: dict = {}
        exec(compile(extra.read_text(), str(extra), "exec"), namespace)
        namespace["run"](meet=meet, werkgroep=werkgroep)

    gemist = 0
    print(f"{'benchmark':<52} {'tijd':>9} {'doel':>8} {'geheugen':>10} {'doel':>8} {'queries':>8}")
    for naam, duur, doel_s, mb, doel_mb, queries in RESULTATEN:
        ok = duur <= doel_s and mb <= doel_mb
        gemist += not ok
        print(
            f"{naam:<52} {duur:>8.3f}s {doel_s:>7.1f}s {mb:>8.1f}MB {doel_mb:>6.0f}MB {queries:>8}"
            f"  {'ok' if ok else 'TE TRAAG/GROOT'}"
        )
    return 1 if gemist else 0


if __name__ == "__main__":
    sys.exit(main())
