"""One task through a real Celery worker and Redis, against the same database as the test.

Skipped only when no Redis is reachable; CI (.ci/run) always starts one.
"""

import time

from kvo.tasks import werkgroep_toets_bijwerken
from tests.factories import CyclusFactory, WerkgroepFactory
from tests.werker import pytestmark  # noqa: F401  (the worker fixture comes from tests/conftest.py)


def test_taak_loopt_via_echte_worker(worker):
    werkgroep = WerkgroepFactory(naam="KVO Worker", slug="worker")
    CyclusFactory(werkgroep=werkgroep)
    start = time.monotonic()
    resultaat = werkgroep_toets_bijwerken.apply_async(kwargs={"werkgroep_id": werkgroep.pk}, queue=worker)
    stand = resultaat.get(timeout=60)
    assert stand["totaal"] == 54
    werkgroep.refresh_from_db()
    assert werkgroep.toets_stand == stand
    assert werkgroep.toets_berekend_op is not None
    assert time.monotonic() - start < 60
