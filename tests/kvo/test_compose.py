"""docker-compose.yml is valid Compose (Docker does not run on these machines, but Debian's
docker-compose validates the file) and has the production shape."""

import os
import shutil
import subprocess

import pytest
from django.conf import settings

pytestmark = pytest.mark.skipif(
    not shutil.which("docker-compose"), reason="docker-compose (Debian-pakket) niet geïnstalleerd"
)


def compose(*args, **env):
    return subprocess.run(
        ["docker-compose", "-f", str(settings.BASE_DIR / "docker-compose.yml"), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
    )


def test_compose_is_geldig_en_compleet():
    resultaat = compose("config", "--services", DJANGO_SECRET_KEY="x")
    assert resultaat.returncode == 0, resultaat.stderr
    assert set(resultaat.stdout.split()) == {"web", "worker", "beat", "postgres", "redis"}


def test_compose_configuratie():
    tekst = compose("config", DJANGO_SECRET_KEY="x").stdout
    assert "gunicorn kvo.wsgi:application" in tekst
    assert "celery -A kvo worker -Q celery,pdf" in tekst and "--max-tasks-per-child=1" in tekst
    assert "celery -A kvo beat" in tekst
    assert "DATABASE_URL: postgres://kvo:kvo@postgres:5432/kvo" in tekst
    assert "REDIS_URL: redis://redis:6379/0" in tekst
    assert tekst.count("media:/app/media") == 2  # web and worker share the media volume


def test_compose_eist_geheime_sleutel():
    resultaat = compose("config", "-q", DJANGO_SECRET_KEY="")
    assert resultaat.returncode != 0
    assert "DJANGO_SECRET_KEY" in resultaat.stderr
