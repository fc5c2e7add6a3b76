"""The test database copied from the migrated template (``tests/sjabloon.py``) is a migrated one."""

import sys
from pathlib import Path

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests import sjabloon


def test_de_testdatabase_heeft_elke_migratie(db):
    """Copied from the template or migrated now: no migration is left to apply, and every table of
    every model is there."""
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
    tabellen = set(connection.introspection.table_names())
    from django.apps import apps

    ontbreekt = [m._meta.db_table for m in apps.get_models() if m._meta.managed and m._meta.db_table not in tabellen]
    assert ontbreekt == []


def test_een_gewijzigde_migratie_geeft_een_nieuwe_sleutel(tmp_path, monkeypatch):
    """The template's key follows the source of every migration: one changed byte, another key (so
    a template is never used for other migrations)."""
    voor = sjabloon.sleutel()
    assert sjabloon.sleutel() == voor
    module = sys.modules["werkgroepen.migrations.0001_initial"]
    kopie = tmp_path / "0001_initial.py"
    kopie.write_bytes(Path(module.__file__).read_bytes() + b"\n# anders\n")
    monkeypatch.setattr(module, "__file__", str(kopie))
    assert sjabloon.sleutel() != voor
