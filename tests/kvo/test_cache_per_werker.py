"""Under pytest-xdist the workers share Redis: each keeps its cache keys under its own prefix and
clears only its own keys (``tests/conftest.py``: ``_cache_per_werker``, ``limieten_legen``,
``cache_legen``). A test never calls ``cache.clear()``: on Redis that empties the whole database, the
other workers' rate-limit counters and the Celery broker's queues with it."""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import override_settings

from tests.conftest import cache_legen, limieten_legen


def test_elke_werker_zijn_eigen_voorvoegsel():
    assert caches["default"].key_prefix == os.environ.get("PYTEST_XDIST_WORKER", "")


@pytest.mark.skipif(not settings.REDIS_URL, reason="alleen met Redis (REDIS_URL): daar delen de werkers de cache")
def test_een_werker_wist_alleen_zijn_eigen_tellers():
    standaard = settings.CACHES["default"]
    with override_settings(CACHES={"default": {**standaard, "KEY_PREFIX": "gw-ander"}}):
        caches["default"].set("rl:ander", 1)
        caches["default"].set("gewoon", 1)
    with override_settings(CACHES={"default": {**standaard, "KEY_PREFIX": "gw-ik"}}):
        caches["default"].set("rl:ik", 1)
        caches["default"].set("allauth:rl:login:ik", 1)
        limieten_legen()
        assert caches["default"].get("rl:ik") is None
        assert caches["default"].get("allauth:rl:login:ik") is None
    with override_settings(CACHES={"default": {**standaard, "KEY_PREFIX": "gw-ander"}}):
        assert caches["default"].get("rl:ander") == 1  # the other worker's counter stays
        assert caches["default"].get("gewoon") == 1
        caches["default"].delete_many(["rl:ander", "gewoon"])


@pytest.mark.skipif(not settings.REDIS_URL, reason="alleen met Redis (REDIS_URL): daar delen de werkers de cache")
def test_cache_legen_laat_de_andere_werker_staan():
    standaard = settings.CACHES["default"]
    with override_settings(CACHES={"default": {**standaard, "KEY_PREFIX": "gw-ander"}}):
        caches["default"].set("allauth:rl:login:ander", 1)
    with override_settings(CACHES={"default": {**standaard, "KEY_PREFIX": "gw-ik"}}):
        caches["default"].set("iets", 1)
        cache_legen()
        assert caches["default"].get("iets") is None
    with override_settings(CACHES={"default": {**standaard, "KEY_PREFIX": "gw-ander"}}):
        assert caches["default"].get("allauth:rl:login:ander") == 1
        caches["default"].delete("allauth:rl:login:ander")


def test_geen_test_leegt_de_hele_cache():
    """Two tests once called ``cache.clear()``: under xdist on Redis that emptied another worker's
    login counters in the middle of its test (a 200 where the 31st login attempt must be a 429)."""
    tests = Path(__file__).resolve().parents[1]
    daders = [
        str(pad.relative_to(tests))
        for pad in tests.rglob("*.py")
        if pad.name != "conftest.py"
        and re.search(r"^\s*cache\.clear\(\)", pad.read_text(encoding="utf-8"), re.MULTILINE)
    ]
    assert daders == [], "gebruik tests.conftest.cache_legen()"
