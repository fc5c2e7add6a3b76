"""The demo and the benchmarks' data, out of the production apps (issue 26).

- The demo: four work groups as ``kvo-dossier/1`` files (``*.json``), written by the deterministic
  generators (``genereer.py`` with ``genereer_analyse.py``, ``genereer_aanpak.py``,
  ``genereer_pvo.py``, and ``genereer_historie.py`` for the group with three cycles of history),
  their photos (``fotos.py``), moved to today by ``verschuif.py`` and loaded by ``manage.py kvo_demo``.
- The scale benchmark: the province generator (``genereer_provincie.py``, built on the demo
  generator's helpers), loaded by ``manage.py kvo_provincie``, and the instruments the benchmark
  reads from the server under test (``meten.py``: the ``Server-Timing`` middleware and the floor page),
  active only with ``KVO_BENCH=1``. The scripts that drive the benchmarks live in ``bench/``.

The app comes last in the layering (``tests/kvo/test_lagen.py``): it builds every app's data and may
use all of them; no other app imports it.
"""
