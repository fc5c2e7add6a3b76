"""One task through a real Celery worker and Redis, against the same database as the test.

Skipped only when no Redis is reachable; CI (.ci/run) always starts one.
"""

from celery.result import EagerResult

from kvo.tasks import werkgroep_toets_bijwerken
from tests.factories import CyclusFactory, WerkgroepFactory
from tests.werker import pytestmark  # noqa: F401  (the worker fixture comes from tests/conftest.py)


def test_taak_loopt_via_echte_worker(worker):
    werkgroep = WerkgroepFactory(naam="KVO Worker", slug="worker")
    CyclusFactory(werkgroep=werkgroep)
    resultaat = werkgroep_toets_bijwerken.apply_async(kwargs={"werkgroep_id": werkgroep.pk}, queue=worker)
    assert not isinstance(resultaat, EagerResult)  # sent to the worker, not run in this process
    stand = resultaat.get(timeout=60)  # raises TimeoutError when the worker never answers
    assert stand["totaal"] == 54
    werkgroep.refresh_from_db()
    assert werkgroep.toets_stand == stand
    assert werkgroep.toets_berekend_op is not None
