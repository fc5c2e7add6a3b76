"""Profile the mixed load's requests in one process: where the CPU of each request goes.

    .venv/bin/python bench/profiel.py --bouw postgres://postgres@127.0.0.1:PORT/kvo_profiel   # build once
    .venv/bin/python bench/profiel.py postgres://postgres@127.0.0.1:PORT/kvo_profiel [--top 30]

The database is built as ``bench/gemengd.py`` builds it (its ``VOORBEREIDEN``: the largest province
group, its survey open, five members with a session, a personal link per open entrepreneur); the links
and sessions are written beside it (``<database name>.json`` in the temporary directory). Then, with
Django's test client against that database (the settings of the benchmark's gunicorn: DEBUG off,
cache in memory), it runs entrepreneurs through the survey and a member through a change and the
pages, and prints per kind of request: the median CPU time, the queries, and a cProfile of all
requests of that kind (``--top`` lines, by cumulative time; ``KVO_PROFIEL_FILTER=<regex>`` keeps the
lines whose file matches), and the garbage collector's passes per generation. For finding the cost,
not for timing.
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import io
import json
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database")
    parser.add_argument("--bouw", action="store_true")
    parser.add_argument("--schaal", type=float, default=1.0)
    parser.add_argument("--ondernemers", type=int, default=20)
    parser.add_argument("--rondes", type=int, default=6)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--alleen", default="", help="alleen deze soorten (komma's)")
    parser.add_argument("--sorteer", default="cumulative")
    args = parser.parse_args()

    import gemengd

    opzet = argparse.Namespace(schaal=args.schaal, leden=5)
    env = gemengd.omgeving(args.database, opzet)
    info_pad = Path(tempfile.gettempdir()) / f"{args.database.rsplit('/', 1)[-1]}.json"
    if args.bouw:
        info = gemengd.voorbereiden(ROOT, env)
        info_pad.write_text(json.dumps(info))
        print(f"gebouwd: {info['ondernemers_open']} open uitnodigingen, {len(info['sessies'])} sessies")
        return 0
    info = json.loads(info_pad.read_text())
    os.environ.update(env)
    import django

    django.setup()
    import gc

    from django.db import connection
    from django.test import Client

    gc_tijd = [0.0, 0.0]  # total, start of the running collection
    gc_passen: dict[int, list[float]] = collections.defaultdict(list)  # generation -> ms per pass

    def gc_meten(fase, info_):
        if fase == "start":
            gc_tijd[1] = time.perf_counter()
        else:
            duur = time.perf_counter() - gc_tijd[1]
            gc_tijd[0] += duur
            gc_passen[info_["generation"]].append(duur * 1000)

    gc.callbacks.append(gc_meten)
    if os.environ.get("KVO_PROFIEL_GC_FREEZE"):
        gc.freeze()
    print(f"gc: {len(gc.get_objects())} objects tracked after start-up, {gc.get_freeze_count()} frozen")
    metingen: dict[str, list] = collections.defaultdict(list)
    profielen: dict[str, cProfile.Profile] = {}
    alleen = set(filter(None, args.alleen.split(",")))

    def vraag(client, soort, methode, pad, data=None, volg=False):
        queries = []

        def tel(execute, sql, params, many, context):
            t = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                queries.append(((time.perf_counter() - t) * 1000, sql))

        profiel = profielen.setdefault(soort, cProfile.Profile()) if (not alleen or soort in alleen) else None
        start_cpu, start, start_gc = time.process_time(), time.perf_counter(), gc_tijd[0]
        with connection.execute_wrapper(tel):
            if profiel:
                profiel.enable()
            antwoord = getattr(client, methode)(pad, data or {}, follow=False)
            if profiel:
                profiel.disable()
        cpu, wand = (time.process_time() - start_cpu) * 1000, (time.perf_counter() - start) * 1000
        gc_ms = (gc_tijd[0] - start_gc) * 1000
        metingen[soort].append((cpu, wand, len(queries), antwoord.get("Server-Timing", ""), queries, gc_ms))
        if antwoord.status_code >= 400:
            raise SystemExit(f"{soort} {pad}: {antwoord.status_code}")
        return antwoord

    host = {"HTTP_HOST": "127.0.0.1"}
    tokens = list(info["tokens"])
    # entrepreneurs: the whole survey, each request by kind
    for _ in range(args.ondernemers):
        c = Client(enforce_csrf_checks=False, **host)
        vraag(c, "e-start", "get", f"/e/{tokens.pop()}/")
        vraag(c, "e-welkom", "get", "/e/")
        vraag(c, "e-stap-get", "get", "/e/stap/1/")
        for nummer, velden in enumerate(info["antwoorden"], start=1):
            data = {"richting": "volgende"}
            for naam, waarde in velden:
                data[naam] = waarde
            a = vraag(c, "e-stap-post", "post", f"/e/stap/{nummer}/", data)
            volgende = a["Location"]
            vraag(c, "e-versturen" if "versturen" in volgende else "e-stap-get", "get", volgende)
        a = vraag(c, "e-insturen", "post", "/e/insturen/", {})
        vraag(c, "e-klaar", "get", a["Location"])

    # a member: a change, then the pages (the first request after the change computes)
    lid = Client(**host)
    lid.cookies["sessionid"] = info["sessies"][0]
    w = f"/w/{info['slug']}/"
    paginas = {"home": "", "toets": "audit/toets/", "matrix": "aanpak/matrix/",
               "resultaten": "analyse/enquete/resultaten/", "leden": "leden/", "documenten": "documenten/"}  # fmt: skip
    for pad in paginas.values():
        vraag(lid, "warm", "get", w + pad)
    import random

    rng = random.Random(1)
    for ronde in range(args.rondes):
        m = rng.choice(info["maatregelen"])
        soort = ("kwartaal", "voortgang", "bijeenkomst")[ronde % 3]
        if soort == "kwartaal":
            vraag(lid, "l-kwartaal", "post", f"{w}aanpak/maatregelen/{m}/kwartaal/",
                  {"kwartaal": rng.choice(info["kwartalen"]), "aan": str(ronde % 2)})  # fmt: skip
        elif soort == "voortgang":
            vraag(lid, "l-voortgang", "post", f"{w}aanpak/maatregelen/{m}/voortgang/",
                  {"datum": time.strftime("%Y-%m-%d"), "tekst": f"Ronde {ronde}.", "status": ""})  # fmt: skip
        else:
            vraag(lid, "l-bijeenkomst", "post", f"{w}bijeenkomsten/nieuw/",
                  {"datum": time.strftime("%Y-%m-%d"), "soort": "werkgroep", "agenda": f"Ronde {ronde}",
                   "notulen": "", "besluiten": ""})  # fmt: skip
        # and an entrepreneur's submission, so the survey's results compute too
        if tokens:
            c = Client(**host)
            vraag(c, "x", "get", f"/e/{tokens.pop()}/")
            for nummer, velden in enumerate(info["antwoorden"], start=1):
                vraag(c, "x", "post", f"/e/stap/{nummer}/", {"richting": "volgende", **dict(velden)})
            vraag(c, "x", "post", "/e/insturen/", {})
        for naam, pad in paginas.items():
            vraag(lid, f"p-{naam}", "get", w + pad)
        for pad in paginas.values():
            vraag(lid, "p-bewaard", "get", w + pad)

    from django.core.cache import cache

    print(f"gc: {len(gc.get_objects())} objects tracked at the end, thresholds {gc.get_threshold()}")
    for generatie, passen in sorted(gc_passen.items()):
        print(f"gc generation {generatie}: {len(passen)} passes, {sum(passen):.0f} ms in all, "
              f"median {statistics.median(passen):.2f} ms, max {max(passen):.1f} ms")  # fmt: skip
    print(f"cache: {len(getattr(cache, '_cache', {}))} entries, max {getattr(cache, '_max_entries', '?')}")
    kop = f"{'soort':<16}{'n':>5}{'cpu med':>10}{'cpu p95':>10}{'wand med':>10}"
    print(f"{kop}{'queries':>9}{'gc gem':>8}  server-timing")
    for soort, rijen in metingen.items():
        cpu = [r[0] for r in rijen]
        p95 = statistics.quantiles(cpu, n=20)[18] if len(cpu) > 1 else cpu[0]
        print(f"{soort:<16}{len(rijen):>5}{statistics.median(cpu):>10.1f}{p95:>10.1f}"
              f"{statistics.median(r[1] for r in rijen):>10.1f}{statistics.median(r[2] for r in rijen):>9.0f}"
              f"{statistics.mean(r[5] for r in rijen):>8.1f}  "
              f"{rijen[-1][3][:90]}")  # fmt: skip
    for soort, profiel in profielen.items():
        if soort in ("warm", "x"):
            continue
        uit = io.StringIO()
        filter_ = os.environ.get("KVO_PROFIEL_FILTER", "")  # a regex on the file: only those lines
        pstats.Stats(profiel, stream=uit).sort_stats(args.sorteer).print_stats(filter_, args.top)
        print(f"\n===== {soort} ({len(metingen[soort])} verzoeken) =====")
        print("\n".join(r for r in uit.getvalue().splitlines() if r.strip())[:12000])
        voorbeeld = metingen[soort][-1][4]
        print(f"-- queries of the last {soort}:")
        for ms, q in voorbeeld:
            print(f"   {ms:6.2f} ms", q[:200])
    return 0


if __name__ == "__main__":
    sys.exit(main())
