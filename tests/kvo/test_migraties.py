"""The migrations describe the models: a model change without its migration fails here, not in production."""

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_geen_ontbrekende_migraties():
    uit = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=uit, stderr=uit)
    except SystemExit as fout:  # --check exits 1 when a migration is missing
        pytest.fail(f"Ontbrekende migratie (makemigrations):\n{uit.getvalue()}" if fout.code else "")
    assert "No changes detected" in uit.getvalue()
