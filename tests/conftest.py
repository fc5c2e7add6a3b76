"""Fixtures for the actors of a work group, and for the browser.

Test bodies run with django-scopes disabled, so setting up data does not need a scope; every
request still goes through the middleware, which activates the work group's scope as in
production. ``tests/kvo/test_tenancy.py`` checks that a query outside a scope fails.
"""

import datetime as dt
import os
from dataclasses import dataclass

import pytest
from django.test import override_settings
from django.utils import timezone
from django_scopes import scopes_disabled
from guardian.shortcuts import assign_perm

from audits.models import AuditorToegang
from tests import momentopname, sjabloon
from tests.factories import (
    AuditFactory,
    BegeleidingsorganisatieFactory,
    CyclusFactory,
    LidFactory,
    PartijFactory,
    UserFactory,
    WerkgroepFactory,
)
from tests.werker import werker_env, werker_opties, werker_queue, worker  # noqa: F401  (fixtures: a real Celery worker)
from werkgroepen.models import Partij

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _scopes_uit(request):
    if request.node.get_closest_marker("scopes_aan"):
        yield
        return
    with scopes_disabled():
        yield


def pytest_configure(config):
    config.addinivalue_line("markers", "scopes_aan: run the test body with django-scopes enforced")


SNELLE_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.PASSWORD_HASHERS = SNELLE_HASHERS
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@dataclass
class Actoren:
    werkgroep: object
    cyclus: object
    lid: object
    voorzitter: object
    secretaris: object
    agendalid: object
    begeleider: object
    auditor: object
    staff: object
    vreemde: object
    anderewerkgroep: object
    audit: object

    def user(self, rol: str):
        return getattr(self, rol)


def maak_lid_user(werkgroep, partij, email, **kwargs):
    user = UserFactory(email=email)
    LidFactory(werkgroep=werkgroep, partij=partij, user=user, email=email, **kwargs)
    return user


def bouw_actoren() -> Actoren:
    """The actors, built through the factories (``actoren`` lays down a snapshot of this build)."""
    begeleiding = BegeleidingsorganisatieFactory(naam="Veilig Ondernemen Advies")
    werkgroep = WerkgroepFactory(naam="KVO De Hoek", slug="de-hoek", begeleiding=begeleiding)
    cyclus = CyclusFactory(werkgroep=werkgroep)
    gemeente = PartijFactory(werkgroep=werkgroep, naam="Gemeente Voorbeeldstad", soort=Partij.Soort.GEMEENTE)
    ov = PartijFactory(werkgroep=werkgroep, naam="OV De Hoek", soort=Partij.Soort.ONDERNEMERSVERENIGING)
    lid = maak_lid_user(werkgroep, gemeente, "lid@example.org")
    voorzitter = maak_lid_user(werkgroep, ov, "voorzitter@example.org", rollen=["voorzitter"])
    secretaris = maak_lid_user(werkgroep, ov, "secretaris@example.org", rollen=["secretaris"])
    agendalid = maak_lid_user(werkgroep, gemeente, "agendalid@example.org", agendalid=True)
    begeleider = UserFactory(email="begeleider@example.org")
    begeleiding.gebruikers.add(begeleider)
    audit = AuditFactory(werkgroep=werkgroep, cyclus=cyclus)
    auditor = UserFactory(email="auditor@example.org")
    assign_perm("audits.view_audit", auditor, audit)
    AuditorToegang.objects.create(audit=audit, user=auditor, geldig_tot=timezone.now() + dt.timedelta(days=30))
    staff = UserFactory(email="staff@example.org", is_staff=True)
    ander = WerkgroepFactory(naam="KVO Andere Kant", slug="andere-kant")
    andere_partij = PartijFactory(werkgroep=ander, naam="Gemeente Elders")
    vreemde = maak_lid_user(ander, andere_partij, "vreemde@example.org", rollen=["voorzitter"])
    return Actoren(
        werkgroep=werkgroep,
        cyclus=cyclus,
        lid=lid,
        voorzitter=voorzitter,
        secretaris=secretaris,
        agendalid=agendalid,
        begeleider=begeleider,
        auditor=auditor,
        staff=staff,
        vreemde=vreemde,
        anderewerkgroep=ander,
        audit=audit,
    )


@dataclass
class Testdatabase:
    naam: str
    uit_sjabloon: bool


@pytest.fixture(scope="session")
def _testdatabase(request, django_db_modify_db_settings, django_db_blocker) -> Testdatabase:
    """The test database, a copy of the migrated template where there is one (``tests/sjabloon.py``)."""
    naam = sjabloon.testnaam()
    opties = request.config.getvalue
    if opties("reuse_db") or opties("create_db") or opties("nomigrations") or not sjabloon.aan():
        return Testdatabase(naam, uit_sjabloon=False)
    with django_db_blocker.unblock():
        return Testdatabase(naam, uit_sjabloon=sjabloon.herstel(naam))


@pytest.fixture(scope="session")
def django_db_keepdb(request, _testdatabase) -> bool:
    """pytest-django's ``--reuse-db``, and also a test database copied from the template: migrate then
    has nothing to do."""
    return bool(request.config.getvalue("reuse_db")) or _testdatabase.uit_sjabloon


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, request, _testdatabase, django_db_blocker):
    """pytest-django's set-up; a database it migrated from scratch is kept as the template, and one
    copied from the template is removed at the end (``keepdb`` leaves it)."""
    opties = request.config.getvalue
    if not _testdatabase.uit_sjabloon and sjabloon.aan() and not (opties("reuse_db") or opties("nomigrations")):
        with django_db_blocker.unblock():
            sjabloon.bewaar(_testdatabase.naam)
    yield
    if _testdatabase.uit_sjabloon:
        with django_db_blocker.unblock():
            sjabloon.opruimen(_testdatabase.naam)


@pytest.fixture(scope="session")
def _actoren_opname(django_db_setup, django_db_blocker):
    """The snapshot of ``bouw_actoren()`` (``tests/momentopname.py``), taken once, before any test's
    own rows exist, in a transaction that is rolled back."""
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=SNELLE_HASHERS):
        momentopname.opname(bouw_actoren)


@pytest.fixture
def actoren(db, _actoren_opname) -> Actoren:
    """The actors of ``bouw_actoren()``: in an ordinary test laid down from the snapshot (the same rows,
    dates of the test's clock, a fresh copy of the objects), in a transactional one built anew."""
    return momentopname.geef(bouw_actoren)


@pytest.fixture
def als(client):
    """``als(user)`` logs the test client in as ``user`` and returns it."""

    def inloggen(user):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return inloggen


# --- Browser: Playwright driving Debian's Chromium ---------------------------------------
CHROMIUM = os.environ.get("KVO_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(autouse=True)
def _celery_eager():
    """Tasks run in the test process, even where REDIS_URL points at a real broker; the
    real-worker test (tests/kvo/test_worker.py) switches this off for itself."""
    from kvo.celery import app

    vorig = app.conf.task_always_eager
    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager = vorig


@pytest.fixture(scope="session", autouse=True)
def _cache_per_werker():
    """Under pytest-xdist (``bin/test -n 2``) the workers share Redis: each keeps its cache keys under
    a prefix of its own (``gw0``, ``gw1``), so one worker's rate-limit counters and their clearing
    (``_limieten_leeg``) never meet another's. Each worker has its own test database already
    (pytest-django names it after the worker)."""
    werker = os.environ.get("PYTEST_XDIST_WORKER")
    if not werker:
        yield
        return
    from django.conf import settings

    caches = {**settings.CACHES, "default": {**settings.CACHES["default"], "KEY_PREFIX": werker}}
    with override_settings(CACHES=caches):
        yield


@pytest.fixture(autouse=True)
def _limieten_leeg():
    """Rate-limit counters (allauth's login and reset limits, the survey page's django-ratelimit)
    do not carry over from one test to the next."""
    yield
    limieten_legen()


def _redis_van(cache):
    """The Redis client behind Django's Redis cache backend, or None for any other backend."""
    client = getattr(getattr(cache, "_cache", None), "get_client", None)
    return client(None, write=True) if client is not None else None


def _wis(redis, patroon: str) -> None:
    sleutels = list(redis.scan_iter(match=patroon, count=500))
    if sleutels:
        redis.delete(*sleutels)


def cache_legen():
    """Empty this test process's cache, never more. ``cache.clear()`` on Redis empties the whole
    database: the Celery broker's queues and, under pytest-xdist, the other workers' keys (their
    rate-limit counters with them). Here only keys under this process's prefix go."""
    from django.core.cache import caches

    cache = caches["default"]
    redis = _redis_van(cache)
    if redis is None:
        cache.clear()
        return
    _wis(redis, f"{cache.key_prefix}:*")


def limieten_legen():
    """Delete the rate-limit counters. With Redis the cache shares its database with the Celery
    broker (and, under pytest-xdist, with the other workers), so only the counters' keys are
    deleted, and under a worker's KEY_PREFIX only that worker's, never the whole database."""
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    cache = caches["default"]  # the backend itself (``django.core.cache.cache`` is a proxy)
    if isinstance(cache, LocMemCache):
        cache.clear()
        return
    redis = _redis_van(cache)
    if redis is None:
        return
    for patroon in (f"{cache.key_prefix}:*rl:*",) if cache.key_prefix else ("*allauth:rl:*", "*:rl:*"):
        _wis(redis, patroon)
