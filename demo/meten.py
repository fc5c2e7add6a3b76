"""Benchmark-only instruments, active only with ``KVO_BENCH=1`` (``settings.KVO_BENCH``, off by default).

- ``Meten``: the outermost middleware; answers every request with a ``Server-Timing`` header that
  carries the server time, the worker's CPU time, the number of database queries, how many kept
  results it computed and the garbage collector's time of the whole request (all middleware and the
  view), so ``bench/provincie.py`` and ``bench/gemengd.py`` read them from the gunicorn under test.
  CPU time hardly moves with other processes on the machine; wall time does.
- ``vloer``: the floor of the page benchmark, served by the same gunicorn at ``/_bench/vloer/``: a
  small template and one query, behind the same middleware as every page.

Neither is reachable in production: ``kvo/urls.py`` includes the URL (``demo/urls.py``) and
``kvo/settings.py`` adds the middleware only when the flag is set (``tests/kvo/test_queries_schaal.py``
checks the URL is a 404 by default, ``tests/demo/test_meten.py`` both with the flag).
"""

from __future__ import annotations

import gc
import time

from django.db import connection
from django.shortcuts import render

from kvo import versie
from werkgroepen.models import Werkgroep

_gc = {"ms": 0.0, "start": 0.0}


def _gc_klok(fase: str, info: dict) -> None:
    """The collector's own time, summed (``gc.callbacks``): a full pass over a large heap can cost a
    request tens of milliseconds that no profile of the view shows."""
    if fase == "start":
        _gc["start"] = time.perf_counter()
    else:
        _gc["ms"] += (time.perf_counter() - _gc["start"]) * 1000


class Meten:
    def __init__(self, get_response):
        self.get_response = get_response
        if _gc_klok not in gc.callbacks:
            gc.callbacks.append(_gc_klok)

    def __call__(self, request):
        queries = 0

        def tel(execute, sql, params, many, context):
            nonlocal queries
            queries += 1
            return execute(sql, params, many, context)

        start, start_cpu, start_gc = time.perf_counter(), time.process_time(), _gc["ms"]
        with connection.execute_wrapper(tel), versie.tel_berekend() as berekend:
            response = self.get_response(request)  # template responses are rendered inside
        duur = (time.perf_counter() - start) * 1000
        cpu = (time.process_time() - start_cpu) * 1000  # a sync worker: this request's CPU alone
        opruimen = _gc["ms"] - start_gc
        # the last part: how many kept results (pages, readiness rules, …) this request computed
        response["Server-Timing"] = (
            f'app;dur={duur:.2f}, cpu;dur={cpu:.2f}, db;desc="{queries} queries", kvo;desc="{len(berekend)} berekend", '
            f"gc;dur={opruimen:.2f}"
        )
        return response


def vloer(request):
    """A small template with one query: what any page costs at least on this server."""
    return render(request, "demo/vloer.html", {"namen": list(Werkgroep.objects.order_by("naam")[:5])})
