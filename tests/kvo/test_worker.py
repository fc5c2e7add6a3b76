"""One task through a real Celery worker and Redis, against the same database as the test.

Skipped only when no Redis is reachable; CI (.ci/run) always starts one.
"""

import os
import subprocess
import sys
import time
import uuid

import pytest
from django.conf import settings
from django.db import connection

from kvo.celery import app
from kvo.tasks import werkgroep_toets_bijwerken
from tests.factories import CyclusFactory, WerkgroepFactory

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"


def redis_bereikbaar() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except Exception:
        return False


pytestmark = [
    pytest.mark.worker,
    pytest.mark.skipif(not redis_bereikbaar(), reason=f"geen Redis bereikbaar op {REDIS_URL}"),
]


@pytest.fixture
def worker(transactional_db):
    queue = f"kvo-test-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "REDIS_URL": REDIS_URL, "DJANGO_SETTINGS_MODULE": "kvo.settings"}
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        env["KVO_SQLITE_PATH"] = db["NAME"]  # the test database file
    else:
        env["DATABASE_URL"] = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    proces = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "kvo",
            "worker",
            "-Q",
            queue,
            "--concurrency=1",
            "--pool=solo",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel=WARNING",
        ],
        cwd=settings.BASE_DIR,
        env=env,
    )
    vorige = {k: app.conf[k] for k in ("broker_url", "result_backend", "task_always_eager")}
    app.conf.update(broker_url=REDIS_URL, result_backend=REDIS_URL, task_always_eager=False)
    _nieuwe_verbindingen()
    try:
        yield queue
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proces.kill()
        app.conf.update(**vorige)
        _nieuwe_verbindingen()


def _nieuwe_verbindingen():
    """Drop the app's cached broker and result connections so the changed URLs take effect."""
    app._pool = None  # not closed: kombu keeps pools per URL and would hand back the closed one
    app.amqp._producer_pool = None
    app.__dict__.pop("backend", None)
    app._local.__dict__.pop("backend", None)


def test_taak_loopt_via_echte_worker(worker):
    werkgroep = WerkgroepFactory(naam="KVO Worker", slug="worker")
    CyclusFactory(werkgroep=werkgroep)
    start = time.monotonic()
    resultaat = werkgroep_toets_bijwerken.apply_async(kwargs={"werkgroep_id": werkgroep.pk}, queue=worker)
    stand = resultaat.get(timeout=60)
    assert stand["totaal"] == 54
    werkgroep.refresh_from_db()
    assert werkgroep.toets_stand == stand
    assert werkgroep.toets_berekend_op is not None
    assert time.monotonic() - start < 60
