"""Mixed load: entrepreneurs fill in the survey while members browse and edit, in the largest province group.

    .venv/bin/python bench/gemengd.py                      # this checkout against HEAD~1, in one run
    .venv/bin/python bench/gemengd.py --tegen 378770b      # against another commit (the code before issue 27)
    .venv/bin/python bench/gemengd.py --tegen ""           # this checkout alone
    .venv/bin/python bench/gemengd.py --klein              # a smoke run: small group, 10 + 2 users, 15 s phases

PostgreSQL: ``--database`` (a server's base URL, e.g. ``postgres://kvo:kvo@127.0.0.1:5432/``); without it
a private cluster is started in a temporary directory on a free port with Debian's binaries
(``/usr/lib/postgresql/<version>/bin``, as the ``postgres`` user when run as root), fsync off, and
stopped at the end. Each version gets its own database, built by its own code: the largest work group
of ``manage.py kvo_provincie`` (``demo/genereer_provincie.py``, group 0) through the dossier
import, its latest survey opened for a month, five of its members with an account and a session, and a
personal link for every entrepreneur who has not answered.

The other version (``--tegen``, a commit) is unpacked with ``git archive`` into a temporary directory
and served by its own gunicorn (``kvo/gunicorn.conf.py``: 3 sync workers, DEBUG off, cache in memory,
Celery eager, ``KVO_BENCH=1`` for the floor view and ``Server-Timing``). Both servers run for the whole
run; the load goes to one at a time in alternating phases (``--fasen`` each), so the machine's noise
hits both alike.

In a phase, on one server at once:
- ``--ondernemers`` (50) entrepreneurs, without pause, as a browser does: the personal link (exchanged
  for a session), every step fetched and posted, the submission; then the next link.
- ``--leden`` (5) members, each in turn: a change (a quarter of a measure in the matrix, a progress note
  on a measure, a new meeting), then the pages (home, readiness, matrix, survey results, members,
  archive), with a short pause between requests.
- the floor (``/_bench/vloer/``, a small template and one query) every 0.2 s, as a member.

Reported per version: the floor; the members' pages right after their own change, after others' changes
(requests that computed the page: more queries than a kept page makes) and kept; the
entrepreneurs' requests. Each as median, p95 and ratio to the floor of the same phases. Members' times
are server times (``Server-Timing``: the request inside the worker, without the queue); the
entrepreneurs' are round trips over loopback (queue included: what a phone waits). Targets: members'
pages computed after a change median ≤ 5× the floor and p95 < 30 ms; entrepreneurs p95 < 500 ms and 0
errors. Writes ``bench/gemengd.json``; the exit code is 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import platform
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER_TIMING = re.compile(
    r'app;dur=([0-9.]+), cpu;dur=([0-9.]+), db;desc="(\d+) queries"'
    r'(?:, kvo;desc="(\d+) berekend")?(?:, gc;dur=([0-9.]+))?'
)
DOEL_VLOER, DOEL_P95_LID_MS, DOEL_P95_ONDERNEMER_MS = 5.0, 30.0, 500.0
BEWAARD_QUERIES = 8  # a kept page: session, user, work group, member, data version (+ the members page's expiry)


def argumenten():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tegen", default="HEAD~1", help="de commit om tegen te meten ('' = alleen deze checkout)")
    parser.add_argument("--database", default="", help="basis-URL van een PostgreSQL-server; anders een eigen cluster")
    parser.add_argument("--ondernemers", type=int, default=50)
    parser.add_argument("--leden", type=int, default=5)
    parser.add_argument("--duur", type=float, default=60.0, help="seconden per fase")
    parser.add_argument("--fasen", type=int, default=2, help="fasen per versie (om en om)")
    parser.add_argument("--schaal", type=float, default=1.0, help="grootte van de werkgroep (1.0: 600 ondernemers)")
    parser.add_argument("--klein", action="store_true", help="rookproef: schaal 0.2, 10 ondernemers, 2 leden, 15 s")
    parser.add_argument("--uit", default=str(ROOT / "bench" / "gemengd.json"))
    args = parser.parse_args()
    if args.klein:
        args.schaal, args.ondernemers, args.leden, args.duur, args.fasen = 0.2, 10, 2, 15.0, 1
    return args


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- PostgreSQL ---------------------------------------------------------------------------------------


class Cluster:
    """A private PostgreSQL cluster in a temporary directory (Debian's binaries), or a given server."""

    def __init__(self, basis: str):
        self.map = None
        self.basis = basis
        if basis:
            return
        versies = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
        if not versies:
            sys.exit("Geen PostgreSQL gevonden: apt-get install -y postgresql (of geef --database).")
        self.bin = versies[-1].parent
        self.map = Path(tempfile.mkdtemp(prefix="kvo-gemengd-pg-"))
        self.poort = vrije_poort()
        self.als = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.als:
            shutil.chown(self.map, "postgres")
        data = self.map / "data"
        self._run(str(self.bin / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        opties = (
            f"-p {self.poort} -k {self.map} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=300 -c shared_buffers=256MB"
        )
        self._run(str(self.bin / "pg_ctl"), "-D", str(data), "-o", opties, "-l", str(self.map / "log"), "-w", "start")
        self.basis = f"postgres://postgres@127.0.0.1:{self.poort}/"

    def _run(self, *opdracht: str) -> None:
        uit = subprocess.run([*self.als, *opdracht], capture_output=True, text=True)
        if uit.returncode:
            sys.exit(f"{' '.join(opdracht)} mislukt:\n{uit.stdout}\n{uit.stderr}")

    def database(self, naam: str) -> str:
        """An empty database ``naam`` (dropped first)."""
        import psycopg

        with psycopg.connect(self.basis + "postgres", autocommit=True) as verbinding:
            verbinding.execute(f'DROP DATABASE IF EXISTS "{naam}"')
            verbinding.execute(f'CREATE DATABASE "{naam}"')
        return self.basis + naam

    def stop(self) -> None:
        if self.map is not None:
            subprocess.run([*self.als, str(self.bin / "pg_ctl"), "-D", str(self.map / "data"), "-m", "fast", "stop"],
                           capture_output=True)  # fmt: skip
            shutil.rmtree(self.map, ignore_errors=True)


# --- each version: its database, built by its own code -------------------------------------------------

VOORBEREIDEN = r"""
import datetime as dt, io, json, os, sys
import django; django.setup()
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from django.utils import timezone
from django_scopes import scope, scopes_disabled
from PIL import Image
from aanpak.kwartalen import van_cyclus
from aanpak.models import Maatregel
from analyse.models import Enquete
from analyse.tokens import nieuwe_links
from analyse.vragenlijst import stappen
try:
    from demo import genereer_provincie as provincie
except ImportError:  # a version from before the demo app (issue 26) kept it in audits/demo/
    from audits.demo import genereer_provincie as provincie
from kvo.dossier.services import dossier_importeer

call_command("migrate", verbosity=0)
call_command("collectstatic", interactive=False, verbosity=0)
uit = io.BytesIO(); Image.new("RGB", (8, 6), (90, 120, 150)).save(uit, "JPEG"); foto = uit.getvalue()
vandaag = timezone.localdate()
dossier = provincie.dossier(0, vandaag, schaal=float(os.environ["KVO_GEMENGD_SCHAAL"]))
fotos = {f"media/{p['foto']}": foto for c in dossier["cycli"] for s in c.get("schouwen", []) for p in s["punten"]}
wg = dossier_importeer(actor=None, dossier=dossier, bestanden=fotos, vervang=True)
with scope(werkgroep=wg):
    enquete = Enquete.objects.filter(cyclus__werkgroep=wg).order_by("-cyclus__nummer").first()
    Enquete.objects.filter(pk=enquete.pk).update(
        geopend_op=vandaag - dt.timedelta(days=7), gesloten_op=vandaag + dt.timedelta(days=30)
    )
    enquete.refresh_from_db()
    open_ = list(enquete.uitnodigingen.filter(beantwoord=False).order_by("pk"))
    tokens = nieuwe_links(open_)
    antwoorden = []
    for stap in stappen(enquete):
        velden = []
        for iv in stap.vragen:
            if iv.keuzes:
                velden.append((iv.naam, iv.keuzes[0].waarde))
            elif iv.type == "getal":
                velden.append((iv.naam, "12"))
            else:
                velden.append((iv.naam, "Meer verlichting bij de ingang."))
        antwoorden.append(velden)
    cyclus = enquete.cyclus
    maatregelen = list(Maatregel.objects.filter(plan__cyclus=cyclus).order_by("pk").values_list("pk", flat=True))
    kwartalen = [k.code for k in van_cyclus(cyclus.start)]
    aantal = int(os.environ["KVO_GEMENGD_LEDEN"])
    leden = list(wg.leden.filter(agendalid=False, lid_tot__isnull=True).order_by("pk")[:aantal])
User = get_user_model()
sessies = []
with scopes_disabled():
    for i, lid in enumerate(leden):
        user, _ = User.objects.get_or_create(email=f"gemengd{i}@bench.example")
        user.set_password("x"); user.save()
        type(lid).objects.filter(pk=lid.pk).update(user=user)
        s = SessionStore()
        s[SESSION_KEY] = str(user.pk)
        s[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        s[HASH_SESSION_KEY] = user.get_session_auth_hash()
        s.create()
        sessies.append(s.session_key)
print(json.dumps({"slug": wg.slug, "tokens": tokens, "antwoorden": antwoorden, "sessies": sessies,
                  "maatregelen": maatregelen, "kwartalen": kwartalen, "ondernemers_open": len(open_)}))
"""


def omgeving(database: str, args) -> dict:
    naam = database.rsplit("/", 1)[-1]
    return {
        **os.environ,
        "DATABASE_URL": database,
        "DJANGO_SETTINGS_MODULE": "kvo.settings",
        "KVO_MEDIA_ROOT": str(Path(tempfile.gettempdir()) / f"{naam}_media"),
        "KVO_STATIC_ROOT": str(Path(tempfile.gettempdir()) / f"{naam}_static"),
        "DJANGO_SECRET_KEY": "bench",
        "DJANGO_DEBUG": "0",
        "DJANGO_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_LOG_LEVEL": "ERROR",
        "KVO_RATELIMIT": "0",  # every entrepreneur comes from 127.0.0.1
        "KVO_BENCH": "1",
        "REDIS_URL": "",
        "KVO_GEMENGD_SCHAAL": str(args.schaal),
        "KVO_GEMENGD_LEDEN": str(args.leden),
    }


def voorbereiden(wortel: Path, env: dict) -> dict:
    uit = subprocess.run([sys.executable, "-c", VOORBEREIDEN], cwd=wortel, env=env, capture_output=True, text=True)
    if uit.returncode:
        sys.exit(f"voorbereiden in {wortel} mislukt:\n{uit.stderr[-4000:]}")
    return json.loads(uit.stdout.strip().splitlines()[-1])


def start_server(wortel: Path, env: dict) -> tuple[subprocess.Popen, str]:
    poort = vrije_poort()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "kvo/gunicorn.conf.py", "-b", f"127.0.0.1:{poort}",
         "--log-level", "warning", "--access-logfile", "/dev/null", "kvo.wsgi:application"],
        cwd=wortel, env=env, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    basis = f"http://127.0.0.1:{poort}"
    for _ in range(300):
        try:
            urllib.request.urlopen(basis + "/gezondheid/", timeout=1)
            break
        except urllib.error.HTTPError:
            break
        except OSError:
            time.sleep(0.1)
    return server, basis


# --- the load -------------------------------------------------------------------------------------------


class Browser:
    """One user's cookies over loopback; every request's round trip, server time and queries."""

    def __init__(self, basis: str, sessie: str = ""):
        self.basis = basis
        self.jar = http.cookiejar.CookieJar()
        if sessie:
            self.jar.set_cookie(http.cookiejar.Cookie(
                0, "sessionid", sessie, None, False, "127.0.0.1", False, False, "/", True, False, None, True,
                None, None, {},
            ))  # fmt: skip
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.cpu: float | None = None  # the worker's CPU time of the last response (Server-Timing)
        self.gc: float | None = None  # of that: the garbage collector's time (when the server says)

    def csrf(self) -> str:
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def vraag(self, pad: str, data=None) -> tuple[int, float, float | None, int | None, str]:
        """(status, round trip ms, server ms, queries, final URL)"""
        verzoek = urllib.request.Request(
            self.basis + pad, data=urllib.parse.urlencode(data).encode() if data is not None else None
        )
        if data is not None:
            verzoek.add_header("Origin", self.basis)
            verzoek.add_header("Referer", self.basis + pad)
        start = time.perf_counter()
        try:
            antwoord = self.opener.open(verzoek, timeout=60)
        except urllib.error.HTTPError as fout:
            antwoord = fout
        antwoord.read()
        rond = (time.perf_counter() - start) * 1000
        m = SERVER_TIMING.search(antwoord.headers.get("Server-Timing", "") or "")
        # after a redirect the header is the last response's (the page the browser lands on). Queries: a
        # negative number when the server says it computed kept results (demo.meten), so the request
        # counts as computed whatever its queries (a readiness page that recomputes three rules)
        queries = int(m[3]) if m else None
        self.cpu = float(m[2]) if m else None
        self.gc = float(m[5]) if m and m[5] is not None else None
        if m and m[4] is not None:
            queries = -1 if int(m[4]) else 0
        return antwoord.status, rond, float(m[1]) if m else None, queries, antwoord.url


def ondernemer(basis, info, tokens, stop, metingen, cpu, fouten, klaar):
    while not stop.is_set():
        try:
            token = tokens.pop()
        except IndexError:
            return
        b = Browser(basis)
        try:
            stappen = [("GET", f"/e/{token}/", None), ("GET", "/e/stap/1/", None)]
            for nummer, velden in enumerate(info["antwoorden"], start=1):
                stappen.append(("POST", f"/e/stap/{nummer}/", [("richting", "volgende"), *velden]))
            stappen.append(("POST", "/e/insturen/", []))
            for _, pad, data in stappen:
                if data is not None:
                    data = [("csrfmiddlewaretoken", b.csrf()), *data]
                status, rond, *_, url = b.vraag(pad, data)
                metingen.append(rond)
                if b.cpu is not None:  # after a redirect: the page the browser lands on
                    cpu.append(b.cpu)
                if status >= 400:
                    raise RuntimeError(f"{pad}: {status}")
                if stop.is_set():
                    return
            if not url.endswith("/e/klaar/"):
                raise RuntimeError(f"insturen eindigde op {url}")
            klaar.append(1)
        except Exception as fout:  # counted and reported
            fouten.append(f"{type(fout).__name__}: {fout}"[:200])


PAGINAS = ("", "audit/toets/", "aanpak/matrix/", "analyse/enquete/resultaten/", "leden/", "documenten/")
# the pages that read what each change writes (their declarations, kvo.versie.leest): after it, computed
EIGEN = {
    "kwartaal": {"home", "audit/toets/", "aanpak/matrix/"},
    "voortgang": {"home", "audit/toets/", "aanpak/matrix/"},
    "bijeenkomst": {"home", "audit/toets/", "aanpak/matrix/", "leden/"},
}


def lid(basis, info, sessie, nummer, stop, metingen, fouten):
    rng = random.Random(nummer)
    b = Browser(basis, sessie)
    w = f"/w/{info['slug']}/"
    # warm-up, not measured: the CSRF cookie, and every page kept in each worker's cache (the cache is
    # per process without Redis: three workers, each computes a page once)
    for _ in range(4):
        for pagina in PAGINAS:
            b.vraag(w + pagina)
    ronde = 0
    while not stop.is_set():
        soort = ("kwartaal", "voortgang", "bijeenkomst")[(ronde + nummer) % 3]
        m = rng.choice(info["maatregelen"]) if info["maatregelen"] else None
        vandaag = time.strftime("%Y-%m-%d")
        if soort == "kwartaal" and m:
            data = {"kwartaal": rng.choice(info["kwartalen"]), "aan": str(ronde % 2)}
            pad = f"{w}aanpak/maatregelen/{m}/kwartaal/"
        elif soort == "voortgang" and m:
            data = {"datum": vandaag, "tekst": f"Besproken met de politie (lid {nummer}, ronde {ronde}).", "status": ""}
            pad = f"{w}aanpak/maatregelen/{m}/voortgang/"
        else:
            data = {"datum": vandaag, "soort": "werkgroep", "agenda": f"Ronde {ronde}", "notulen": "", "besluiten": ""}
            pad = f"{w}bijeenkomsten/nieuw/"
        status, *_ = b.vraag(pad, {"csrfmiddlewaretoken": b.csrf(), **data})
        if status >= 400:
            fouten.append(f"lid {nummer} {soort}: {status}")
        for pagina in PAGINAS:
            if stop.is_set():
                return
            time.sleep(rng.uniform(0.1, 0.3))
            status, rond, server, queries, _ = b.vraag(w + pagina)
            if status != 200:
                fouten.append(f"lid {nummer} {pagina or 'home'}: {status}")
                continue
            eigen = (pagina or "home") in EIGEN[soort]  # the page reads what this member just changed
            metingen.append((pagina or "home", eigen, server, queries, rond, b.cpu, b.gc))
        ronde += 1


def vloer(basis, sessie, stop, metingen):
    b = Browser(basis, sessie)
    while not stop.is_set():
        status, _, server, _, _ = b.vraag("/_bench/vloer/")
        if status == 200 and server is not None:
            metingen.append(server)
        time.sleep(0.2)


def fase(basis: str, info: dict, tokens: list, args) -> dict:
    stop = threading.Event()
    ondernemers, ondernemers_cpu, leden, vloeren, fouten, klaar = [], [], [], [], [], []
    draden = [threading.Thread(target=vloer, args=(basis, info["sessies"][0], stop, vloeren))]
    draden += [
        threading.Thread(target=lid, args=(basis, info, s, i, stop, leden, fouten))
        for i, s in enumerate(info["sessies"])
    ]
    draden += [
        threading.Thread(
            target=ondernemer, args=(basis, info, tokens, stop, ondernemers, ondernemers_cpu, fouten, klaar)
        )
        for _ in range(args.ondernemers)
    ]
    start = time.perf_counter()
    for d in draden:
        d.start()
    time.sleep(args.duur)
    stop.set()
    for d in draden:
        d.join(timeout=120)
    return {"ondernemers": ondernemers, "ondernemers_cpu": ondernemers_cpu, "leden": leden, "vloer": vloeren,
            "fouten": fouten, "inzendingen": len(klaar), "duur": time.perf_counter() - start}  # fmt: skip


# --- figures ------------------------------------------------------------------------------------------------


def p95(waarden: list[float]) -> float:
    if len(waarden) < 2:
        return waarden[0] if waarden else float("nan")
    return statistics.quantiles(waarden, n=100)[94]


def cijfers(waarden: list[float], vloer_: float) -> dict:
    if not waarden:
        return {"n": 0}
    mediaan = statistics.median(waarden)
    return {"n": len(waarden), "mediaan_ms": round(mediaan, 2), "p95_ms": round(p95(waarden), 2),
            "maal_vloer": round(mediaan / vloer_, 2)}  # fmt: skip


def _berekend(queries: int | None, bewaard: int) -> bool:
    """Whether a request computed its page: the server said so (-1), or it made more queries than a kept
    page does (a version without the signal)."""
    return queries is not None and (queries < 0 or queries > bewaard)


def _zonder_vloer(c: dict) -> dict:
    return {k: v for k, v in c.items() if k != "maal_vloer"}


def samenvatten(fasen: list[dict]) -> dict:
    vloer_ = [v for f in fasen for v in f["vloer"]]
    ondernemers = [v for f in fasen for v in f["ondernemers"]]
    leden = [m for f in fasen for m in f["leden"]]
    vloer_mediaan = statistics.median(vloer_) if vloer_ else float("nan")
    # a kept page costs at most BEWAARD_QUERIES (session, user, work group, member, version, …); a
    # request with more computed it (after a change)
    minimum = {pagina: BEWAARD_QUERIES for pagina, *_ in leden}
    na_eigen, na_anderen, bewaard = [], [], []
    cpu_berekend, cpu_bewaard, gc_berekend = [], [], []

    def _telt(eigen: bool, queries, pagina: str) -> bool:
        return eigen or _berekend(queries, minimum.get(pagina, 0))

    for pagina, eigen, server, queries, _, cpu, opruimen in leden:
        if server is None:
            continue
        berekend = _berekend(queries, minimum.get(pagina, 0))
        (na_eigen if eigen else na_anderen if berekend else bewaard).append(server)
        if cpu is not None:
            (cpu_berekend if eigen or berekend else cpu_bewaard).append(cpu)
        if opruimen is not None and (eigen or berekend):
            gc_berekend.append(opruimen)
    return {
        "vloer": {"n": len(vloer_), "mediaan_ms": round(vloer_mediaan, 2), "p95_ms": round(p95(vloer_), 2)},
        "leden_na_eigen_wijziging": cijfers(na_eigen, vloer_mediaan),
        "leden_na_wijziging_van_anderen": cijfers(na_anderen, vloer_mediaan),
        "leden_berekend_na_wijziging": cijfers(na_eigen + na_anderen, vloer_mediaan),
        "leden_bewaard": cijfers(bewaard, vloer_mediaan),
        "leden_per_pagina_berekend": {
            p: cijfers(
                [
                    s
                    for q, _, s, n, *_ in leden
                    if q == p and s is not None and n is not None and (n < 0 or n > minimum.get(p, 0))
                ],
                vloer_mediaan,
            )
            for p in sorted(minimum)
        },
        "cpu_leden_per_pagina_berekend": {
            p: _zonder_vloer(cijfers([c for q, e, _s, n, _, c, _gc in leden if q == p and c and _telt(e, n, p)], 1))
            for p in sorted(minimum)
        },
        "ondernemers_rondreis": cijfers(ondernemers, vloer_mediaan),
        # the worker's CPU time (Server-Timing; of the page landed on after a redirect): what the
        # machine's load hardly changes, so the figure to compare between versions on a shared machine
        "cpu_ondernemers": _zonder_vloer(cijfers([v for f in fasen for v in f.get("ondernemers_cpu", [])], 1)),
        "cpu_leden_berekend": _zonder_vloer(cijfers(cpu_berekend, 1)),
        "cpu_leden_bewaard": _zonder_vloer(cijfers(cpu_bewaard, 1)),
        # of the computed pages' CPU: the garbage collector's (demo.meten; absent from older versions)
        "gc_leden_berekend": _zonder_vloer(cijfers(gc_berekend, 1)) if gc_berekend else {},
        "fouten": sum(len(f["fouten"]) for f in fasen),
        "fout_voorbeelden": [x for f in fasen for x in f["fouten"]][:5],
        "inzendingen": sum(f["inzendingen"] for f in fasen),
        "inzendingen_per_seconde": round(sum(f["inzendingen"] for f in fasen) / sum(f["duur"] for f in fasen), 2),
    }


def main() -> int:
    args = argumenten()
    cluster = Cluster(args.database)
    tijdelijk = Path(tempfile.mkdtemp(prefix="kvo-gemengd-"))
    servers = []
    try:
        versies = [("na", ROOT)]
        if args.tegen:
            voor = tijdelijk / "voor"
            voor.mkdir()
            archief = subprocess.run(["git", "archive", args.tegen], cwd=ROOT, capture_output=True, check=True).stdout
            subprocess.run(["tar", "-x", "-C", str(voor)], input=archief, check=True)
            commit = subprocess.run(["git", "rev-parse", "--short", args.tegen], cwd=ROOT, capture_output=True,
                                    text=True, check=True).stdout.strip()  # fmt: skip
            versies.insert(0, (f"voor ({commit})", voor))
        gegevens = {}
        for naam, wortel in versies:
            env = omgeving(cluster.database(f"kvo_gemengd_{len(gegevens)}"), args)
            print(f"{naam}: database en werkgroep opbouwen …", flush=True)
            info = voorbereiden(wortel, env)
            server, basis = start_server(wortel, env)
            servers.append(server)
            gegevens[naam] = {"info": info, "basis": basis, "tokens": list(reversed(info["tokens"])), "fasen": []}
        for ronde in range(args.fasen):
            volgorde = list(gegevens) if ronde % 2 == 0 else list(reversed(gegevens))
            for naam in volgorde:
                g = gegevens[naam]
                print(f"fase {ronde + 1}: {naam}, {args.duur:.0f} s …", flush=True)
                g["fasen"].append(fase(g["basis"], g["info"], g["tokens"], args))
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)
        cluster.stop()
        shutil.rmtree(tijdelijk, ignore_errors=True)

    uitkomst, gemist = {}, 0
    for naam, g in gegevens.items():
        uitkomst[naam] = samenvatten(g["fasen"])
    print(f"\nGemengde last: {args.ondernemers} ondernemers + {args.leden} leden, {args.fasen} × {args.duur:.0f} s "
          f"per versie, {platform.node()}, load {os.getloadavg()[0]:.1f}")  # fmt: skip
    kop = f"{'':<34}" + "".join(f"{naam:>34}" for naam in uitkomst)
    print(kop)
    print("-" * len(kop))
    regels = [
        ("vloer (server)", "vloer"),
        ("leden na eigen wijziging (server)", "leden_na_eigen_wijziging"),
        ("leden na wijziging anderen", "leden_na_wijziging_van_anderen"),
        ("leden berekend, samen", "leden_berekend_na_wijziging"),
        ("leden bewaard (server)", "leden_bewaard"),
        ("ondernemers (rondreis)", "ondernemers_rondreis"),
        ("cpu ondernemers (worker)", "cpu_ondernemers"),
        ("cpu leden berekend (worker)", "cpu_leden_berekend"),
        ("cpu leden bewaard (worker)", "cpu_leden_bewaard"),
        ("gc leden berekend (worker)", "gc_leden_berekend"),
    ]
    for label, sleutel in regels:
        cellen = []
        for s in uitkomst.values():
            c = s[sleutel]
            if not c.get("n"):
                cellen.append(f"{'—':>34}")
                continue
            maal = f" {c['maal_vloer']:.1f}×" if "maal_vloer" in c else ""
            cellen.append(f"{c['mediaan_ms']:>9.1f} / p95 {c['p95_ms']:>7.1f} ms{maal:>7} (n={c['n']})".rjust(34))
        print(f"{label:<34}" + "".join(cellen))
    print(f"{'fouten':<34}" + "".join(f"{s['fouten']:>34}" for s in uitkomst.values()))
    print(f"{'inzendingen (per s)':<34}" + "".join(
        f"{s['inzendingen']:>26} ({s['inzendingen_per_seconde']:.1f}/s)" for s in uitkomst.values()))  # fmt: skip
    na = uitkomst["na"]
    b = na["leden_berekend_na_wijziging"]
    o = na["ondernemers_rondreis"]
    ok_leden = bool(b.get("n")) and b["maal_vloer"] <= DOEL_VLOER and b["p95_ms"] < DOEL_P95_LID_MS
    ok_ondernemers = bool(o.get("n")) and o["p95_ms"] < DOEL_P95_ONDERNEMER_MS and na["fouten"] == 0
    gemist = (not ok_leden) + (not ok_ondernemers)
    print(f"\ndoel leden (berekend ≤ {DOEL_VLOER:.0f}× vloer, p95 < {DOEL_P95_LID_MS:.0f} ms): "
          f"{'gehaald' if ok_leden else 'GEMIST'}; doel ondernemers (p95 < {DOEL_P95_ONDERNEMER_MS:.0f} ms, "
          f"0 fouten): {'gehaald' if ok_ondernemers else 'GEMIST'}")  # fmt: skip
    for naam, s in uitkomst.items():
        for f in s["fout_voorbeelden"]:
            print(f"  {naam}: {f}")
    Path(args.uit).write_text(json.dumps({
        "datum": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {"host": platform.node(), "cpu": os.cpu_count(), "load": os.getloadavg()},
        "opzet": {"ondernemers": args.ondernemers, "leden": args.leden, "duur_s": args.duur, "fasen": args.fasen,
                  "schaal": args.schaal, "tegen": args.tegen},
        "versies": uitkomst,
    }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")  # fmt: skip
    return 1 if gemist else 0


if __name__ == "__main__":
    sys.exit(main())
