"""/gezondheid/ names its parts (and a failing part's error) only to staff and to the bearer of
KVO_GEZONDHEID_TOKEN; anyone else sees a bare "ok" (200) or "fout" (500)."""

import json
import os
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.factories import UserFactory

TOKEN = "lb-geheim-0123456789"
ONDERDELEN = ("Database", "Cache", "Storage")


def vraag(client, **extra):
    """From a thread of its own (see tests/kvo/test_gezondheid.py: the view is async)."""
    with ThreadPoolExecutor(1) as uitvoerder:
        return uitvoerder.submit(client.get, "/gezondheid/?format=json", **extra).result()


@pytest.fixture(autouse=True)
def token(settings):
    settings.KVO_GEZONDHEID_TOKEN = TOKEN


def _opslag_kapot(settings, tmp_path):
    bestand = tmp_path / "geen-map"  # a file where the storage expects a directory: never writable
    bestand.write_text("x")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": str(bestand if os.geteuid() == 0 else tmp_path / "ro" / "nergens")}},
    }  # fmt: skip
    if os.geteuid() != 0:
        (tmp_path / "ro").mkdir()
        (tmp_path / "ro").chmod(0o500)


def _noemt_niets(response):
    tekst = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    for deel in (*ONDERDELEN, "health_check", "Redis", "Celery"):
        assert deel not in tekst


def test_anoniem_ziet_alleen_ok(db, client, settings):
    response = vraag(client)
    if not settings.REDIS_URL:
        assert response.status_code == 200
    assert response.content.decode().strip() in ("ok", "fout")
    _noemt_niets(response)
    assert "no-store" in response["Cache-Control"]
    assert "Authorization" in response["Vary"] and "Cookie" in response["Vary"]


def test_anoniem_ziet_500_zonder_details(db, client, settings, tmp_path):
    _opslag_kapot(settings, tmp_path)
    response = vraag(client)
    assert response.status_code == 500 and response.content.decode().strip() == "fout"
    _noemt_niets(response)


# A logged-in user's session is read by the view's own thread and connection: those tests commit
# their rows (transactional_db), so that connection sees them.
def test_verkeerd_token_of_gewone_gebruiker_ziet_geen_details(transactional_db, client, settings):
    _noemt_niets(vraag(client, HTTP_AUTHORIZATION="Bearer niet-het-token"))
    _noemt_niets(vraag(client, HTTP_AUTHORIZATION=TOKEN))  # without "Bearer"
    client.force_login(UserFactory(email="gewoon@example.org"))
    _noemt_niets(vraag(client))


def test_zonder_ingesteld_token_geeft_leeg_token_geen_details(db, client, settings):
    settings.KVO_GEZONDHEID_TOKEN = ""
    _noemt_niets(vraag(client, HTTP_AUTHORIZATION="Bearer "))


def test_token_ziet_details(db, client, settings, tmp_path):
    response = vraag(client, HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    onderdelen = json.loads(response.content)
    for deel in ONDERDELEN:
        assert [v for k, v in onderdelen.items() if k.startswith(deel)] == ["OK"], onderdelen
    _opslag_kapot(settings, tmp_path)
    response = vraag(client, HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 500
    assert any("Storage" in k for k, v in json.loads(response.content).items() if v != "OK")


def test_staff_ziet_details(transactional_db, client, settings, tmp_path):
    client.force_login(UserFactory(email="staff@example.org", is_staff=True))
    onderdelen = json.loads(vraag(client).content)
    assert {k.split("(")[0] for k in onderdelen} >= set(ONDERDELEN), onderdelen
    _opslag_kapot(settings, tmp_path)
    response = vraag(client)
    assert response.status_code == 500
    assert any("Storage" in k for k, v in json.loads(response.content).items() if v != "OK")
