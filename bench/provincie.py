"""Province scale: the pages against a floor, over loopback, against gunicorn and PostgreSQL.

    .venv/bin/python bench/provincie.py --bouw          # build both datasets first (a few minutes)
    .venv/bin/python bench/provincie.py                 # measure (datasets already built)

Two PostgreSQL databases (``--groot``, ``--klein``; default ``kvo_provincie`` and
``kvo_provincie_klein`` on 127.0.0.1 as kvo/kvo) hold the province dataset of
``manage.py kvo_provincie`` at full size (100 work groups) and at a tenth (10); ``--bouw`` (re)builds
both. For each database this script starts gunicorn with ``kvo/gunicorn.conf.py`` on a free loopback
port, with ``KVO_BENCH=1`` so the same server also serves the floor view (``/_bench/vloer/``: a small
template and one query) and answers every request with its server time, CPU time and query count
(``demo/meten.py``). It logs in as the member, the facilitator and the auditor by a session cookie
(the entrepreneur by a fresh personal survey link) and requests every page and the floor in turn
(``--rondes`` rounds after ten warm-up rounds, the floor in every round, so noise hits them alike).
Server time is what the app measured for the request (every middleware and the view); the worker's
CPU time for it and the round trip over loopback are in the table and ``results.json`` too.

It prints one table (figure, target, ratio) and writes ``bench/results.json`` with the machine,
the date and the databases. Targets: every page's median within 3× the floor, every p95 under
100 ms, queries per page equal at both sizes, the readiness check of all 100 work groups under
2 s in total (in this process), the portfolio never running a check per request. The exit code is
1 when a target is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PG = "postgres://kvo:kvo@127.0.0.1:5432/"
VLOER_FACTOR, P95_MS, TOETS_ALLE_S = 3.0, 100.0, 2.0


def argumenten():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groot", default=PG + "kvo_provincie", help="database met 100 werkgroepen")
    parser.add_argument("--klein", default=PG + "kvo_provincie_klein", help="database met 10 werkgroepen")
    parser.add_argument("--bouw", action="store_true", help="eerst beide datasets bouwen (manage.py kvo_provincie)")
    parser.add_argument("--rondes", type=int, default=100, help="verzoeken per pagina (na 10 om op te warmen)")
    parser.add_argument("--media", default=tempfile.gettempdir(), help="map voor de foto's: <map>/<database>_media")
    parser.add_argument("--uit", default=str(ROOT / "bench" / "results.json"))
    parser.add_argument(
        "--tegen",
        help="een andere checkout (bijvoorbeeld git archive van main): beide servers tegelijk, verzoeken om en om",
    )
    return parser.parse_args()


def omgeving(database: str, media: str) -> dict:
    naam = database.rsplit("/", 1)[-1]
    return {
        **os.environ,
        "DATABASE_URL": database,
        "KVO_MEDIA_ROOT": str(Path(media) / f"{naam}_media"),
        "KVO_STATIC_ROOT": str(Path(tempfile.gettempdir()) / "kvo_provincie_static"),
        "DJANGO_SECRET_KEY": "bench",
        "DJANGO_DEBUG": "0",
        "DJANGO_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",  # plain http over loopback
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_LOG_LEVEL": "ERROR",
        "KVO_RATELIMIT": "0",  # the survey page is requested a hundred times from one address
        "KVO_BENCH": "1",
        "REDIS_URL": "",  # Celery eager, cache in memory: the pages, not the broker
    }


def manage(env: dict, *args: str) -> str:
    uit = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if uit.returncode:
        sys.exit(f"manage.py {' '.join(args)} mislukt:\n{uit.stdout}\n{uit.stderr}")
    return uit.stdout


# --- in a child process: sessions, URLs and the readiness check of every work group -------------------

VOORBEREIDEN = r"""
import json, time, datetime as dt
import django; django.setup()
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.auth import SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from django_scopes import scope, scopes_disabled
from demo.genereer_provincie import dossier_slug
from demo.management.commands.kvo_provincie import LID, BEGELEIDER, AUDITOR
from audits.models import AuditorToegang
from analyse.models import Enquete, EnqueteUitnodiging
from analyse.tokens import nieuwe_links
from kvo import versie
from kvo.toets import voer_toets_uit, voer_toetsen_uit
from werkgroepen.models import Werkgroep

def sessie(email):
    user = get_user_model().objects.get(email=email)
    s = SessionStore()
    s[SESSION_KEY] = str(user.pk)
    s[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    s[HASH_SESSION_KEY] = user.get_session_auth_hash()
    s.create()
    return s.session_key

with scopes_disabled():
    grootste = Werkgroep.objects.get(slug=dossier_slug(0))
    open_groep = Werkgroep.objects.get(slug=dossier_slug(1))
    toegang = AuditorToegang.objects.filter(user__email=AUDITOR, ingetrokken_op__isnull=True).latest("pk")
    enquete = Enquete.objects.filter(cyclus__werkgroep=open_groep).order_by("-cyclus__nummer").first()
    uitnodiging = EnqueteUitnodiging.objects.filter(enquete=enquete, beantwoord=False).order_by("pk").first()
    token = nieuwe_links([uitnodiging])[0]
    werkgroepen = list(Werkgroep.objects.filter(slug__regex=r"^p[0-9]{3}-").order_by("slug"))
tijden, cpu, queries, los, los_queries = [], [], 0, [], 0
for ronde in range(3):  # the first round warms up (registries, imports)
    # computed afresh: the check itself, not the results kept under the data version
    # all work groups in one run, as the nightly refresh does (kvo.tasks.toetsen_bijwerken)
    reset_queries()  # the query log keeps at most 9,000
    start, start_cpu = time.perf_counter(), time.process_time()
    with versie.opnieuw(), CaptureQueriesContext(connection) as ctx:
        voer_toetsen_uit(werkgroepen)
    if ronde:
        tijden.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    queries = len(ctx.captured_queries)
    # for the reader: one work group after another, as a page asks for its own
    reset_queries()
    start = time.perf_counter()
    with versie.opnieuw(), CaptureQueriesContext(connection) as ctx:
        for wg in werkgroepen:
            with scope(werkgroep=wg):
                voer_toets_uit(wg)
    if ronde:
        los.append(time.perf_counter() - start)
    los_queries = len(ctx.captured_queries)
print(json.dumps({
    "werkgroepen": len(werkgroepen),
    "grootste": grootste.slug,
    "audit": toegang.audit_id,
    "token": token,
    "sessies": {"lid": sessie(LID), "begeleider": sessie(BEGELEIDER), "auditor": sessie(AUDITOR)},
    "toets_alle_s": min(tijden),
    "toets_alle_cpu_s": min(cpu),
    "toets_alle_queries": queries,
    "toets_los_s": min(los),
    "toets_los_queries": los_queries,
}))
"""


def voorbereiden(env: dict) -> dict:
    uit = subprocess.run(
        [sys.executable, "-c", VOORBEREIDEN], cwd=ROOT, env={**env, "DJANGO_SETTINGS_MODULE": "kvo.settings"},
        capture_output=True, text=True,
    )  # fmt: skip
    if uit.returncode:
        sys.exit(f"voorbereiden mislukt:\n{uit.stderr}")
    return json.loads(uit.stdout.strip().splitlines()[-1])


# --- over loopback ------------------------------------------------------------------------------------

SERVER_TIMING = re.compile(r'app;dur=([0-9.]+), cpu;dur=([0-9.]+), db;desc="(\d+) queries"')


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NietDoorsturen(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NietDoorsturen)


def vraag(basis: str, pad: str, cookie: str) -> tuple[int, float, float, float, int, dict]:
    """(status, server ms, server CPU ms, round trip ms, queries, headers)"""
    verzoek = urllib.request.Request(basis + pad, headers={"Cookie": cookie} if cookie else {})
    start = time.perf_counter()
    try:
        antwoord = OPENER.open(verzoek, timeout=30)
    except urllib.error.HTTPError as fout:
        antwoord = fout
    antwoord.read()
    rond = (time.perf_counter() - start) * 1000
    m = SERVER_TIMING.search(antwoord.headers.get("Server-Timing", ""))
    if not m:
        raise RuntimeError(f"{pad}: geen Server-Timing (staat KVO_BENCH aan?)")
    return antwoord.status, float(m[1]), float(m[2]), rond, int(m[3]), dict(antwoord.headers)


def paginas(info: dict) -> list[tuple[str, str, str]]:
    """(name, path, role) — the floor first."""
    w = f"/w/{info['grootste']}"
    return [
        ("vloer (1 query, klein sjabloon)", "/_bench/vloer/", "lid"),
        ("werkgroep-home", f"{w}/", "lid"),
        ("enquêteresultaten", f"{w}/analyse/enquete/resultaten/", "lid"),
        ("maatregelenmatrix", f"{w}/aanpak/matrix/", "lid"),
        ("gereedheid (handboektoets)", f"{w}/audit/toets/", "lid"),
        ("portfolio procesbegeleider", "/begeleiding/", "begeleider"),
        ("beeld over de gebieden (kaart en tabel)", "/begeleiding/beeld/", "begeleider"),
        ("bibliotheek van maatregelen", f"{w}/aanpak/bibliotheek/", "lid"),
        ("enquête ondernemer (stap 1)", "/e/stap/1/", "ondernemer"),
        ("auditorportaal (audit)", f"/auditor/{info['audit']}/", "auditor"),
    ]


def start_server(wortel: Path, env: dict) -> tuple[subprocess.Popen, str]:
    poort = vrije_poort()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "kvo/gunicorn.conf.py", "-b", f"127.0.0.1:{poort}",
         "--log-level", "warning", "--access-logfile", "/dev/null", "kvo.wsgi:application"],
        cwd=wortel, env=env, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    basis = f"http://127.0.0.1:{poort}"
    for _ in range(200):
        try:
            urllib.request.urlopen(basis + "/gezondheid/", timeout=1)
            break
        except urllib.error.HTTPError:
            break
        except OSError:
            time.sleep(0.1)
    return server, basis


def meet_server(env: dict, info: dict, rondes: int, wortels: list[Path]) -> list[dict[str, dict]]:
    """Per checkout in ``wortels`` (each its own gunicorn, all at once) the measurements per page.
    With two checkouts every request goes to both in turn (the order alternating per round), so the
    machine's noise hits both alike: an A/B comparison of two versions of the code."""
    servers = [start_server(wortel, env) for wortel in wortels]
    try:
        cookies = {rol: f"sessionid={sleutel}" for rol, sleutel in info["sessies"].items()}
        # the entrepreneur: the personal link exchanged for a session, as a browser does (the session
        # lives in the database, so it is valid on every server)
        status, *_, kop = vraag(servers[0][1], f"/e/{info['token']}/", "")
        sessie = re.search(r"sessionid=([^;]+)", kop.get("Set-Cookie", ""))
        if status != 302 or not sessie:
            raise RuntimeError(f"de enquêtelink gaf {status} zonder sessie")
        cookies["ondernemer"] = f"sessionid={sessie[1]}"
        lijst = paginas(info)
        metingen = [
            {naam: {"server": [], "cpu": [], "rond": [], "queries": [], "status": set()} for naam, _, _ in lijst}
            for _ in servers
        ]
        for ronde in range(rondes + 10):
            for naam, pad, rol in lijst:
                volgorde = list(range(len(servers)))
                if ronde % 2:
                    volgorde.reverse()
                for i in volgorde:
                    status, server_ms, cpu_ms, rond_ms, queries, _ = vraag(servers[i][1], pad, cookies[rol])
                    if ronde >= 10:  # warm-up: every worker process has loaded templates and registries
                        m = metingen[i][naam]
                        m["server"].append(server_ms)
                        m["cpu"].append(cpu_ms)
                        m["rond"].append(rond_ms)
                        m["queries"].append(queries)
                        m["status"].add(status)
    finally:
        for server, _ in servers:
            server.terminate()
            server.wait(timeout=20)
    return metingen


def p95(waarden: list[float]) -> float:
    return statistics.quantiles(waarden, n=100)[94]


def main() -> int:
    args = argumenten()
    groot, klein = omgeving(args.groot, args.media), omgeving(args.klein, args.media)
    manage(groot, "collectstatic", "--noinput", "--verbosity", "0")  # the manifest storage of DEBUG off
    for env, extra in ((groot, []), (klein, ["--klein"])):
        manage(env, "migrate", "--verbosity", "0")
        if args.bouw:
            print(manage(env, "kvo_provincie", *extra).strip().splitlines()[-1])

    info_groot, info_klein = voorbereiden(groot), voorbereiden(klein)
    start = time.perf_counter()
    wortels = [ROOT, Path(args.tegen).resolve()] if args.tegen else [ROOT]
    m_groot, *m_tegen = meet_server(groot, info_groot, args.rondes, wortels)
    m_klein = meet_server(klein, info_klein, max(10, args.rondes // 5), [ROOT])[0]
    duur = time.perf_counter() - start

    namen = list(m_groot)
    vloer_mediaan = statistics.median(m_groot[namen[0]]["server"])
    vloer_cpu = statistics.median(m_groot[namen[0]]["cpu"])
    rijen, gemist = [], 0
    for naam in namen:
        g, k = m_groot[naam], m_klein[naam]
        mediaan, p = statistics.median(g["server"]), p95(g["server"])
        verhouding = mediaan / vloer_mediaan
        # the usual count; a worker's first request of a page may add a few (caches it fills once)
        q_groot, q_klein = statistics.mode(g["queries"]), statistics.mode(k["queries"])
        ok = (naam == namen[0] or verhouding <= VLOER_FACTOR) and p <= P95_MS and q_groot == q_klein
        ok = ok and g["status"] == {200}
        gemist += not ok
        rijen.append(
            {
                "pagina": naam,
                "mediaan_ms": round(mediaan, 2),
                "p95_ms": round(p, 2),
                "verhouding_vloer": round(verhouding, 2),
                "cpu_mediaan_ms": round(statistics.median(g["cpu"]), 2),
                "cpu_verhouding_vloer": round(statistics.median(g["cpu"]) / vloer_cpu, 2),
                "rondreis_mediaan_ms": round(statistics.median(g["rond"]), 2),
                "queries_100": q_groot,
                "queries_10": q_klein,
                "queries_100_gezien": sorted(set(g["queries"])),
                "queries_10_gezien": sorted(set(k["queries"])),
                "status": sorted(g["status"]),
                "ok": ok,
            }
        )
    toets_ok = info_groot["toets_alle_s"] <= TOETS_ALLE_S
    gemist += not toets_ok

    print(f"\nProvincie: {info_groot['werkgroepen']} werkgroepen (klein: {info_klein['werkgroepen']}), "
          f"{args.rondes} verzoeken per pagina, gunicorn {platform.node()}, {duur:.0f} s")  # fmt: skip
    kop = (
        f"{'pagina':<32} {'mediaan':>9} {'p95':>9} {'× vloer':>8} {'doel':>12} {'queries 100/10':>16}"
        f" {'CPU':>8} {'× vloer':>8}"
    )
    print(kop)
    print("-" * len(kop))
    for r in rijen:
        doel = "vloer" if r["pagina"] == namen[0] else f"≤{VLOER_FACTOR:.0f}×, <{P95_MS:.0f}ms"
        q = f"{r['queries_100']} / {r['queries_10']}"
        print(f"{r['pagina']:<32} {r['mediaan_ms']:>7.1f}ms {r['p95_ms']:>7.1f}ms {r['verhouding_vloer']:>7.2f}× "
              f"{doel:>12} {q:>16} {r['cpu_mediaan_ms']:>6.1f}ms {r['cpu_verhouding_vloer']:>7.2f}×"
              f"  {'ok' if r['ok'] else 'GEMIST'}")  # fmt: skip
    naam = f"handboektoets, alle {info_groot['werkgroepen']} werkgroepen"
    seconden = info_groot["toets_alle_s"]
    doel = f"<{TOETS_ALLE_S:.0f} s"
    print(
        f"{naam:<32} {seconden * 1000:>7.0f}ms {'':>9} {seconden / TOETS_ALLE_S:>7.2f}× {doel:>12} "
        f"{info_groot['toets_alle_queries']:>16}  {'ok' if toets_ok else 'GEMIST'}"
        f"  (Python-CPU {info_groot['toets_alle_cpu_s'] * 1000:.0f} ms)"
    )
    naam = "  ter vergelijking: één voor één"
    print(f"{naam:<32} {info_groot['toets_los_s'] * 1000:>7.0f}ms {'':>9} {'':>8} {'':>12} "
          f"{info_groot['toets_los_queries']:>16}")  # fmt: skip

    vergelijking = vergelijk(m_tegen[0], m_groot, args.tegen) if m_tegen else None

    resultaat = {
        "datum": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": {
            "host": platform.node(),
            "cpu": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "load": os.getloadavg(),
        },
        "database": {
            "groot": args.groot.rsplit("@", 1)[-1],
            "klein": args.klein.rsplit("@", 1)[-1],
            "postgresql": _pg_versie(groot),
        },
        "server": "gunicorn -c kvo/gunicorn.conf.py (3 sync workers), DEBUG off, Celery eager, cache in memory",
        "rondes": args.rondes,
        "werkgroepen": {"groot": info_groot["werkgroepen"], "klein": info_klein["werkgroepen"]},
        "doelen": {"mediaan_maal_vloer": VLOER_FACTOR, "p95_ms": P95_MS, "toets_alle_s": TOETS_ALLE_S},
        "paginas": rijen,
        "toets_alle": {
            "seconden": round(info_groot["toets_alle_s"], 3),
            "cpu_seconden_python": round(info_groot["toets_alle_cpu_s"], 3),
            "queries": info_groot["toets_alle_queries"],
            "ok": toets_ok,
            "een_voor_een_seconden": round(info_groot["toets_los_s"], 3),
            "een_voor_een_queries": info_groot["toets_los_queries"],
        },
    }
    if vergelijking:
        resultaat["vergelijking"] = vergelijking
    Path(args.uit).write_text(json.dumps(resultaat, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    doelen = "alle doelen gehaald" if not gemist else f"{gemist} doel{'' if gemist == 1 else 'en'} gemist"
    print(f"\n{args.uit} geschreven; {doelen}")
    return 1 if gemist else 0


def vergelijk(voor: dict[str, dict], na: dict[str, dict], tegen: str) -> list[dict]:
    """The same pages on the other checkout (voor) and this one (na), measured in turn in one run."""
    print(f"\nA/B in één run: voor = {tegen}, na = deze checkout (mediaan server-tijd, CPU, queries)")
    kop = f"{'pagina':<32} {'voor':>9} {'na':>9} {'× vloer':>15} {'CPU voor':>9} {'CPU na':>9} {'queries':>9}"
    print(kop)
    print("-" * len(kop))
    vloer = [statistics.median(m[next(iter(m))]["server"]) for m in (voor, na)]
    uit = []
    for naam in voor:
        v, n = voor[naam], na[naam]
        rij = {
            "pagina": naam,
            "voor_ms": round(statistics.median(v["server"]), 2),
            "na_ms": round(statistics.median(n["server"]), 2),
            "voor_vloer": round(statistics.median(v["server"]) / vloer[0], 2),
            "na_vloer": round(statistics.median(n["server"]) / vloer[1], 2),
            "voor_cpu_ms": round(statistics.median(v["cpu"]), 2),
            "na_cpu_ms": round(statistics.median(n["cpu"]), 2),
            "voor_queries": statistics.mode(v["queries"]),
            "na_queries": statistics.mode(n["queries"]),
        }
        uit.append(rij)
        print(
            f"{naam:<32} {rij['voor_ms']:>7.1f}ms {rij['na_ms']:>7.1f}ms "
            f"{rij['voor_vloer']:>6.1f}→{rij['na_vloer']:<5.1f}× {rij['voor_cpu_ms']:>7.1f}ms "
            f"{rij['na_cpu_ms']:>7.1f}ms {rij['voor_queries']:>4}→{rij['na_queries']:<4}"
        )
    return uit


def _pg_versie(env: dict) -> str:
    code = (
        "import django; django.setup(); from django.db import connection; "
        "print(connection.cursor().connection.info.server_version)"
    )
    uit = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**env, "DJANGO_SETTINGS_MODULE": "kvo.settings"},
                         capture_output=True, text=True)  # fmt: skip
    return uit.stdout.strip()


if __name__ == "__main__":
    sys.exit(main())
