"""A real Celery worker against Redis and the test's database, for the tests that need one.

``worker`` starts ``celery worker`` in a subprocess on a queue of its own, routes every task the
test sends (also those queued on commit by services) to that queue, and stops it afterwards.
``werker_env`` (override it in a test module) adds environment variables, e.g. a file mail
backend so the test can read what the worker sent.
"""

import os
import subprocess
import sys
import uuid

import pytest
from django.conf import settings
from django.db import connection

from kvo.celery import app

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"


def redis_bereikbaar() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except Exception:
        return False


# Modules that use the worker take these marks: ``from tests.werker import pytestmark``.
pytestmark = [
    pytest.mark.worker,
    pytest.mark.skipif(not redis_bereikbaar(), reason=f"geen Redis bereikbaar op {REDIS_URL}"),
]


@pytest.fixture
def werker_env():
    return {}


@pytest.fixture
def werker_opties():
    return ["--concurrency=1", "--pool=solo"]


def start_werker(queue: str, werker_env: dict, werker_opties: list) -> subprocess.Popen:
    """Start ``celery worker`` on ``queue`` against Redis and the test database."""
    env = {**os.environ, "REDIS_URL": REDIS_URL, "DJANGO_SETTINGS_MODULE": "kvo.settings", **werker_env}
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        env["KVO_SQLITE_PATH"] = db["NAME"]  # the test database file
    else:
        env["DATABASE_URL"] = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "kvo",
            "worker",
            "-Q",
            queue,
            *werker_opties,
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel=WARNING",
        ],
        cwd=settings.BASE_DIR,
        env=env,
    )


def stop_werker(proces: subprocess.Popen) -> None:
    proces.terminate()
    try:
        proces.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proces.kill()


@pytest.fixture
def werker_queue():
    """A queue of the test's own; the app sends every task there while the fixture holds."""
    queue = f"kvo-test-{uuid.uuid4().hex[:8]}"
    sleutels = ("broker_url", "result_backend", "task_always_eager", "task_default_queue")
    vorige = {k: app.conf[k] for k in sleutels}
    app.conf.update(broker_url=REDIS_URL, result_backend=REDIS_URL, task_always_eager=False, task_default_queue=queue)
    _nieuwe_verbindingen()
    try:
        yield queue
    finally:
        app.conf.update(**vorige)
        _nieuwe_verbindingen()


@pytest.fixture
def worker(transactional_db, werker_queue, werker_env, werker_opties):
    proces = start_werker(werker_queue, werker_env, werker_opties)
    try:
        yield werker_queue
    finally:
        stop_werker(proces)


def _nieuwe_verbindingen():
    """Drop the app's cached broker and result connections so the changed URLs take effect."""
    app._pool = None  # not closed: kombu keeps pools per URL and would hand back the closed one
    app.amqp._producer_pool = None
    app.__dict__.pop("backend", None)
    app._local.__dict__.pop("backend", None)
