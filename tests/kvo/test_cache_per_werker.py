"""Under pytest-xdist the workers share Redis: each keeps its cache keys under its own prefix and
clears only its own rate-limit counters (``tests/conftest.py``: ``_cache_per_werker``, ``limieten_legen``)."""

import os

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import override_settings

from tests.conftest import limieten_legen


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
