"""The requirement catalogue: eisen.md, kvo.eisen.EISEN and the registered checks agree."""

import re

import pytest
from django.conf import settings

from kvo.eisen import EISEN, GROEPEN
from kvo.toets import geregistreerde_checks

EISEN_MD = settings.BASE_DIR.parent / "shared/handboek/eisen.md"


def ids_in_eisen_md() -> set[str]:
    if not EISEN_MD.exists():
        pytest.skip(f"{EISEN_MD} ontbreekt: shared/ staat niet naast de repository")
    tekst = EISEN_MD.read_text(encoding="utf-8")
    return set(re.findall(r"^\|\s*`([a-z0-9.-]+)`\s*\|", tekst, flags=re.MULTILINE))


def test_elke_id_van_eisen_md_staat_in_eisen():
    ids = ids_in_eisen_md()
    assert len(ids) >= 50
    assert sorted(ids - set(EISEN)) == [], "in eisen.md maar niet in kvo.eisen.EISEN"


def test_elke_eis_staat_in_eisen_md():
    assert sorted(set(EISEN) - ids_in_eisen_md()) == [], "in kvo.eisen.EISEN maar niet in eisen.md"


def test_elke_geregistreerde_check_is_een_eis():
    assert sorted(set(geregistreerde_checks()) - set(EISEN)) == []


def test_elke_eis_hoort_bij_een_groep():
    assert {e.groep for e in EISEN.values()} <= set(GROEPEN)
