"""The health endpoint for the load balancer: the database, the cache and the media storage (and,
with Redis, Redis and a live worker); a failing part makes it answer 500 and names the part."""

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

TOKEN = "lb-token-test"


@pytest.fixture(autouse=True)
def token(settings):
    settings.KVO_GEZONDHEID_TOKEN = TOKEN  # the details are for the token's bearer (test_gezondheid_details.py)


def vraag(client):
    """GET the endpoint from a thread of its own: the view is async, and Django runs it through
    async_to_sync, which refuses a thread where an event loop already runs (Playwright's, after
    the browser tests). Under gunicorn every request thread is free of one."""
    with ThreadPoolExecutor(1) as uitvoerder:
        return uitvoerder.submit(client.get, "/gezondheid/?format=json", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").result()


def test_gezond(db, client, settings):
    response = vraag(client)
    onderdelen = json.loads(response.content)
    for deel in ("Database", "Cache", "Storage"):
        assert [v for k, v in onderdelen.items() if k.startswith(deel)] == ["OK"], onderdelen
    if not settings.REDIS_URL:  # embedded: no Redis, no worker to ask
        assert response.status_code == 200 and len(onderdelen) == 3
    assert "max-age=0" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_opslag_kapot_geeft_500_en_noemt_het(db, client, settings, tmp_path):
    alleen_lezen = tmp_path / "ro"
    alleen_lezen.mkdir()
    alleen_lezen.chmod(0o500)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": str(alleen_lezen / "nergens")}},
    }  # fmt: skip
    import os

    if os.geteuid() == 0:  # root may write anywhere: point the storage at a file instead
        bestand = tmp_path / "geen-map"
        bestand.write_text("x")
        settings.STORAGES["default"]["OPTIONS"]["location"] = str(bestand)
    response = vraag(client)
    assert response.status_code == 500
    assert any("Storage" in k for k, v in json.loads(response.content).items() if v != "OK")


@pytest.mark.skipif(not __import__("os").environ.get("REDIS_URL"), reason="alleen met REDIS_URL (CI)")
def test_met_redis_en_een_werker(db, client, worker):
    import time

    for _ in range(40):  # the worker needs a moment to start
        response = vraag(client)
        if response.status_code == 200:
            break
        time.sleep(0.5)
    assert response.status_code == 200, response.content
    onderdelen = json.loads(response.content)
    assert any("Redis" in k for k in onderdelen) and any("Ping" in k or "Celery" in k for k in onderdelen)
