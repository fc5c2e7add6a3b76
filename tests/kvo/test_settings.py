"""The embedded default and the production switches, read from the environment."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

TOON = (
    "import json, django; from django.conf import settings as s; django.setup(); "
    "from kvo.celery import app; "
    "print(json.dumps({'db': s.DATABASES['default']['ENGINE'], 'eager': s.CELERY_TASK_ALWAYS_EAGER, "
    "'broker': app.conf.broker_url, 'cache': s.CACHES['default']['BACKEND'], "
    "'media': s.STORAGES['default']['BACKEND'], 'mail': s.MAILERS['default']['BACKEND'], 'debug': s.DEBUG}))"
)
WEG = ("DATABASE_URL", "REDIS_URL", "S3_BUCKET", "DJANGO_DEBUG", "DJANGO_SECRET_KEY", "DJANGO_EMAIL_BACKEND")


def lees(**env) -> dict:
    schoon = {k: v for k, v in os.environ.items() if k not in WEG}
    resultaat = subprocess.run(
        [sys.executable, "-c", TOON],
        env={**schoon, "DJANGO_SETTINGS_MODULE": "kvo.settings", **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert resultaat.returncode == 0, resultaat.stderr
    return json.loads(resultaat.stdout.strip().splitlines()[-1])


def test_zonder_configuratie_ingebed():
    stand = lees()
    assert stand["db"] == "django.db.backends.sqlite3"
    assert stand["eager"] is True
    assert stand["broker"].startswith("memory://")
    assert stand["cache"].endswith("LocMemCache")
    assert stand["media"] == "django.core.files.storage.FileSystemStorage"
    assert stand["mail"] == "django.core.mail.backends.console.EmailBackend"


def test_productievorm_uit_omgeving():
    stand = lees(
        DATABASE_URL="postgres://kvo:kvo@db.example:5432/kvo",
        REDIS_URL="redis://redis.example:6379/0",
        S3_BUCKET="kvo-media",
        DJANGO_SECRET_KEY="geheim",
    )
    assert stand["db"] == "django.db.backends.postgresql"
    assert stand["eager"] is False
    assert stand["broker"] == "redis://redis.example:6379/0"
    assert stand["cache"].endswith("RedisCache")
    assert stand["media"] == "storages.backends.s3.S3Storage"
    assert stand["debug"] is False


def test_smtp_uit_omgeving():
    assert lees(EMAIL_URL_HOST="smtp.example")["mail"] == "django.core.mail.backends.smtp.EmailBackend"


def test_productie_zonder_geheime_sleutel_weigert():
    with pytest.raises(AssertionError, match="DJANGO_SECRET_KEY"):
        lees(DATABASE_URL="postgres://kvo:kvo@db.example:5432/kvo")
