"""A migrated test database kept as a template, so a test run migrates only when a migration changed.

Migrating a new test database takes some 30 seconds of CPU (Django renders the model state again for
nearly every operation of the 85 migrations). The first run keeps the freshly migrated database as a
*template*: on SQLite a copy of the file under ``~/.cache/kvo-werkplaats/``, on PostgreSQL a database
``kvo_sjabloon_<key>`` beside the test database. A later run starts from a copy of it (``CREATE
DATABASE … TEMPLATE``, or a file copy) and lets ``migrate`` find nothing to do; it still runs, with
its post_migrate handlers (content types, permissions), as on a new database.

The key is a hash of everything that shapes the migrated database: the source of every migration
of every installed app (third-party ones included), Django's version and the database engine. A
changed, added or removed migration gives a new key, so a template is never older than the
migrations; of the templates of other keys (other branches) the newest few are kept. ``--create-db`` migrates
from scratch (and keeps a new template); ``KVO_TEST_SJABLOON=0`` switches the whole thing off.
Anything that goes wrong here (a race between two runs, a copy that fails) falls back to migrating.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import django
from django.db import connections

VOORVOEGSEL = "kvo_sjabloon_"
BEWAREN = 4  # templates kept (of other branches' migrations, say), the newest first


def aan() -> bool:
    return os.environ.get("KVO_TEST_SJABLOON", "1") != "0"


def sleutel(alias: str = "default") -> str:
    """The hash of the migrations of every installed app, Django's version and the engine."""
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    h = hashlib.sha256(f"{django.__version__}|{connections[alias].vendor}".encode())
    for naam in sorted(f"{m.__module__}" for m in loader.disk_migrations.values()):
        h.update(naam.encode())
        h.update(Path(sys.modules[naam].__file__).read_bytes())
    return h.hexdigest()[:16]


def _cachemap() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kvo-werkplaats"


# --- SQLite: a file -------------------------------------------------------------------------------


def _sqlite_sjabloon(key: str) -> Path:
    return _cachemap() / f"test-db-{key}.sqlite3"


def _sqlite_herstel(naam: str, key: str) -> bool:
    bron = _sqlite_sjabloon(key)
    if not bron.exists():
        return False
    shutil.copyfile(bron, naam)
    return True


def _sqlite_bewaar(alias: str, key: str) -> None:
    doel = _sqlite_sjabloon(key)
    doel.parent.mkdir(parents=True, exist_ok=True)
    fd, tijdelijk = tempfile.mkstemp(dir=doel.parent, suffix=".tmp")
    os.close(fd)
    os.remove(tijdelijk)
    with connections[alias].cursor() as cursor:  # a consistent copy while the connection is open
        cursor.execute("VACUUM INTO %s", [tijdelijk])
    os.replace(tijdelijk, doel)  # atomic: a run that copies at the same time sees the old or the new
    oude = sorted(doel.parent.glob("test-db-*.sqlite3"), key=lambda p: p.stat().st_mtime, reverse=True)
    for ander in oude[BEWAREN:]:  # other branches' templates: the newest few stay
        with contextlib.suppress(OSError):
            ander.unlink()


# --- PostgreSQL: a database of the same server ---------------------------------------------------


def _pg_uitvoeren(alias: str, *sql: str) -> None:
    """Statements outside any transaction, from the server's maintenance database."""
    verbinding = connections[alias]
    with verbinding._nodb_cursor() as cursor:
        for opdracht in sql:
            cursor.execute(opdracht)


def _pg_herstel(alias: str, naam: str, key: str) -> bool:
    qn = connections[alias].ops.quote_name
    try:
        _pg_uitvoeren(
            alias, f"DROP DATABASE IF EXISTS {qn(naam)}", f"CREATE DATABASE {qn(naam)} TEMPLATE {qn(VOORVOEGSEL + key)}"
        )
    except Exception:  # no template yet, or it is being made or used right now
        return False
    return True


def _pg_bewaar(alias: str, naam: str, key: str) -> None:
    verbinding = connections[alias]
    qn = verbinding.ops.quote_name
    verbinding.close()  # a template may have no connections
    with contextlib.suppress(Exception):  # another run keeps the same template at the same time
        _pg_uitvoeren(
            alias,
            f"CREATE DATABASE {qn(VOORVOEGSEL + key)} TEMPLATE {qn(naam)}",
            f"COMMENT ON DATABASE {qn(VOORVOEGSEL + key)} IS '{int(time.time())}'",
        )
    with verbinding._nodb_cursor() as cursor:
        cursor.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s "
            "ORDER BY shobj_description(oid, 'pg_database') DESC NULLS LAST",
            [VOORVOEGSEL + "%"],
        )
        oude = [r[0] for r in cursor.fetchall()][BEWAREN:]
    for oud in oude:  # other branches' templates: the newest few stay
        with contextlib.suppress(Exception):
            _pg_uitvoeren(alias, f"DROP DATABASE IF EXISTS {qn(oud)}")


# --- what tests/conftest.py calls ------------------------------------------------------------------


def testnaam(alias: str = "default") -> str:
    """The test database's name, before the set-up (which then puts it in the settings' NAME)."""
    return connections[alias].creation._get_test_db_name()


def herstel(naam: str, alias: str = "default") -> bool:
    """Before the test database ``naam`` is set up: make it a copy of the template, if there is one.
    True when it is (the set-up then keeps it: ``keepdb``)."""
    verbinding = connections[alias]
    key = sleutel(alias)
    if verbinding.vendor == "sqlite":
        return naam != ":memory:" and not naam.startswith("file:") and _sqlite_herstel(naam, key)
    if verbinding.vendor == "postgresql":
        return _pg_herstel(alias, naam, key)
    return False


def bewaar(naam: str, alias: str = "default") -> None:
    """After the test database ``naam`` was migrated from scratch, before any test: keep it as the
    template (not when no test asked for a database: the settings then still name the real one)."""
    verbinding = connections[alias]
    if verbinding.settings_dict["NAME"] != naam:
        return
    key = sleutel(alias)
    try:
        if verbinding.vendor == "sqlite":
            _sqlite_bewaar(alias, key)
        elif verbinding.vendor == "postgresql":
            _pg_bewaar(alias, naam, key)
    except Exception as fout:  # the run goes on without a template
        print(f"\nsjabloon van de testdatabase niet bewaard: {fout}", file=sys.stderr)


def opruimen(naam: str, alias: str = "default") -> None:
    """After the run: remove the test database ``naam`` made from the template (``keepdb`` leaves it)."""
    verbinding = connections[alias]
    verbinding.close()
    if verbinding.vendor == "sqlite":
        with contextlib.suppress(OSError):
            os.remove(naam)
    elif verbinding.vendor == "postgresql":
        with contextlib.suppress(Exception):
            _pg_uitvoeren(alias, f"DROP DATABASE IF EXISTS {verbinding.ops.quote_name(naam)}")
