"""Load benchmark: 600 entrepreneurs fill in the survey over loopback, 50 at a time, against gunicorn
and PostgreSQL. Target: 0 errors and 600 stored responses; the p50/p95 of a request and of a whole
submission are reported (figures, not pass/fail: this is a shared machine).

    DATABASE_URL=postgres://kvo:kvo@127.0.0.1:5432/kvo_bench .venv/bin/python bench/enquete_last.py

Every entrepreneur does what a browser does: opens the personal link (exchanged for a session),
fetches and posts every step of the questionnaire, and sends it. Rate limiting is switched off
(``KVO_RATELIMIT=0``): all 600 come from one loopback address, which the per-IP limit would stop.
"""

from __future__ import annotations

import http.cookiejar
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("KVO_STATIC_ROOT", str(Path(__import__("tempfile").mkdtemp()) / "static"))
if not os.environ.get("DATABASE_URL"):
    sys.exit("Zet DATABASE_URL naar een PostgreSQL-database (die wordt leeggemaakt).")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kvo.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench")

import django  # noqa: E402

django.setup()

AANTAL, TEGELIJK = 600, 50


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def opzetten() -> tuple[list[str], list[list[tuple[str, str]]]]:
    """A work group with 600 entrepreneurs and a sent survey; the tokens and per step the answers."""
    import datetime as dt

    from django.core.management import call_command
    from django_scopes import scopes_disabled

    from analyse.services.enquete import enquete_maak
    from analyse.tokens import nieuwe_links
    from analyse.vragenlijst import stappen
    from gebieden.models import Bedrijventerrein, Ondernemer
    from werkgroepen.models import Cyclus, Werkgroep

    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # as in production (DEBUG off)
    with scopes_disabled():
        wg = Werkgroep.objects.create(naam="KVO Last", slug="last", gestart_op=dt.date(2026, 1, 1))
        cyclus = Cyclus.objects.create(werkgroep=wg, nummer=1, soort="eerste", start=dt.date(2026, 1, 1))
        terrein = Bedrijventerrein.objects.create(werkgroep=wg, naam="Groot", gemeente="Grootstad")
        Ondernemer.objects.bulk_create(
            Ondernemer(terrein=terrein, ref=f"o{i}", naam=f"Bedrijf {i}", email=f"o{i}@example.org")
            for i in range(AANTAL)
        )
        enquete = enquete_maak(actor=None, cyclus=cyclus)
        vandaag = dt.date.today()
        enquete.geopend_op, enquete.gesloten_op = vandaag, vandaag + dt.timedelta(days=30)
        enquete.save()
        uitnodigingen = [
            enquete.uitnodigingen.create(ondernemer=o, kanaal="email", verzending="verstuurd")
            for o in terrein.ondernemers.all()
        ]
        tokens = nieuwe_links(uitnodigingen)
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
    return tokens, antwoorden


def invullen(basis: str, token: str, antwoorden) -> tuple[list[float], float, str]:
    """One entrepreneur: (request times, whole submission time, error or '')."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    tijden = []

    def vraag(pad, data=None):
        start = time.perf_counter()
        verzoek = urllib.request.Request(basis + pad, data=urllib.parse.urlencode(data).encode() if data else None)
        if data:
            verzoek.add_header("Referer", basis + pad)
            verzoek.add_header("Origin", basis)
        with opener.open(verzoek, timeout=30) as antwoord:
            antwoord.read()
            tijden.append(time.perf_counter() - start)
            return antwoord

    begin = time.perf_counter()
    try:
        vraag(f"/e/{token}/")
        vraag("/e/stap/1/")
        csrf = next(c.value for c in jar if c.name == "csrftoken")
        for nummer, velden in enumerate(antwoorden, start=1):
            vraag(f"/e/stap/{nummer}/", [("csrfmiddlewaretoken", csrf), ("richting", "volgende"), *velden])
        laatste = vraag("/e/insturen/", [("csrfmiddlewaretoken", csrf)])
        if not laatste.url.endswith("/e/klaar/"):
            return tijden, time.perf_counter() - begin, f"eindigde op {laatste.url}"
    except Exception as fout:  # every failure is counted and reported
        return tijden, time.perf_counter() - begin, f"{type(fout).__name__}: {fout}"[:200]
    return tijden, time.perf_counter() - begin, ""


def p(waarden, q) -> float:
    if not waarden:
        return float("nan")
    return statistics.quantiles(waarden, n=100)[q - 1] if len(waarden) > 1 else waarden[0]


def main() -> int:
    tokens, antwoorden = opzetten()
    poort = vrije_poort()
    env = {
        **os.environ,
        "KVO_RATELIMIT": "0",
        "DJANGO_DEBUG": "0",
        "DJANGO_SSL_REDIRECT": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    }
    env["DJANGO_SECURE_COOKIES"] = "0"  # plain http over loopback; production serves https
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "kvo.wsgi:application", "-b", f"127.0.0.1:{poort}", "-w", "4",
         "--threads", "8", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    basis = f"http://127.0.0.1:{poort}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(basis + "/e/", timeout=1)
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.1)
        start = time.perf_counter()
        with ThreadPoolExecutor(TEGELIJK) as pool:
            uitkomsten = list(pool.map(lambda t: invullen(basis, t, antwoorden), tokens))
        duur = time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=10)
    from django_scopes import scopes_disabled

    from analyse.models import Reactie

    with scopes_disabled():
        opgeslagen = Reactie.objects.count()
    verzoeken = [t for tijden, _, _ in uitkomsten for t in tijden]
    inzendingen = [d for _, d, _ in uitkomsten]
    fouten = [f for _, _, f in uitkomsten if f]
    print(f"{AANTAL} ondernemers, {TEGELIJK} tegelijk, {len(verzoeken)} verzoeken in {duur:.1f} s")
    print(f"verzoek:   p50 {p(verzoeken, 50) * 1000:.0f} ms, p95 {p(verzoeken, 95) * 1000:.0f} ms")
    print(f"inzending: p50 {p(inzendingen, 50):.2f} s, p95 {p(inzendingen, 95):.2f} s")
    print(f"fouten: {len(fouten)} (doel 0); opgeslagen reacties: {opgeslagen} (doel {AANTAL})")
    for f in fouten[:5]:
        print("  ", f)
    return 0 if not fouten and opgeslagen == AANTAL else 1


if __name__ == "__main__":
    sys.exit(main())
