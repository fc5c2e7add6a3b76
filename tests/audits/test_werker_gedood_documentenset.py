"""A real worker killed (SIGKILL) halfway through rendering a document set, and a new one started.

The first worker runs with ``tests.werker_traag_documentenset`` (the render slowed down), so it is
killed at a known point: while the row reports the parts' progress, or while the PDF is half
written to disk. Afterwards the row is not ``klaar``, references no file, and the page and the
download show nothing of the killed render. Then:

- Redis redelivers the unacknowledged task to the next worker (the visibility timeout set low for
  that worker), which renders the same row: one set, ``klaar``, its SHA-256 that of its file;
- or, once the render shows as "vastgelopen", a member makes a new set: the old row is closed as
  ``mislukt`` and its redelivered task renders nothing.

A half-written file of a killed render stays on disk under its fresh name: harmless, not cleaned
up. No row references it, the download serves only the row's file, and /media/ is not served.
"""

import hashlib
import json
import signal
import time

import pytest
import redis
from celery.result import AsyncResult
from django.conf import settings
from django.urls import reverse

from audits.documentenset.services import ONDERBROKEN, VASTGELOPEN_NA
from audits.models import Documentenset
from kvo.celery import app
from tests.werker import REDIS_URL, pytestmark, start_werker, stop_werker  # noqa: F401
from werkgroepen.models import Logregel

TRAAG = {"DJANGO_SETTINGS_MODULE": "tests.werker_traag_documentenset"}
ZICHTBAAR_NA = 2  # seconds: the visibility timeout of the worker that takes the task up again


@pytest.fixture
def queue(werker_queue):
    """The render goes to the test's own queue, not to "pdf" (CELERY_TASK_ROUTES)."""
    vorige = app.conf.task_routes
    app.conf.update(task_routes={"audits.documentenset.tasks.documentenset_renderen": {"queue": werker_queue}})
    try:
        yield werker_queue
    finally:
        app.conf.update(task_routes=vorige)


@pytest.fixture
def env():
    return {"KVO_MEDIA_ROOT": str(settings.MEDIA_ROOT)}


def wacht_tot(voorwaarde, seconden=120, stap=0.02):
    eind = time.monotonic() + seconden
    while time.monotonic() < eind:
        if voorwaarde():
            return
        time.sleep(stap)
    raise AssertionError("niet op tijd")


def rij_van(pk) -> Documentenset:
    return Documentenset.objects.get(pk=pk)


def pdfs(werkgroep) -> list:
    """Every file under the work group's document-set folder, referenced or not."""
    return sorted((settings.MEDIA_ROOT / "audits" / str(werkgroep.pk) / "documentenset").glob("*"))


def onbevestigd(queue) -> list[str]:
    """The ids of the tasks of ``queue`` that a worker took and never acknowledged."""
    ids = []
    for waarde in redis.Redis.from_url(REDIS_URL).hgetall("unacked").values():
        bericht, _exchange, routing_key = json.loads(waarde)
        if routing_key == queue:
            ids.append(bericht["headers"]["id"])
    return ids


def url(naam, werkgroep, **kwargs) -> str:
    return reverse(f"audits:{naam}", kwargs={"werkgroep": werkgroep.slug, **kwargs})


def doden(werker) -> None:
    werker.send_signal(signal.SIGKILL)  # no clean shutdown, no acknowledgement (solo pool: one process)
    werker.wait(timeout=10)


def niets_getoond(client, werkgroep, rij) -> None:
    """Neither the page nor the download shows anything of a render that did not finish."""
    assert rij.status != Documentenset.Status.KLAAR
    assert not rij.bestand and not rij.sha256 and rij.paginas is None
    pagina = client.get(url("documentenset", werkgroep))
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert f'data-testid="set-{rij.pk}"' in html
    assert url("documentenset_pdf", werkgroep, pk=rij.pk) not in html
    assert client.get(url("documentenset_pdf", werkgroep, pk=rij.pk)).status_code == 404
    for bestand in pdfs(werkgroep):  # whatever the killed render wrote: no URL hands it out
        pad = bestand.relative_to(settings.MEDIA_ROOT).as_posix()
        assert client.get(f"{settings.MEDIA_URL}{pad}").status_code == 404


def klaar_met_eigen_bestand(client, werkgroep, rij) -> bytes:
    assert rij.status == Documentenset.Status.KLAAR, rij.fout
    with rij.bestand.open("rb") as f:
        inhoud = f.read()
    assert inhoud.startswith(b"%PDF-") and inhoud.rstrip().endswith(b"%%EOF")
    assert hashlib.sha256(inhoud).hexdigest() == rij.sha256 and rij.paginas >= 1
    antwoord = client.get(url("documentenset_pdf", werkgroep, pk=rij.pk))
    assert antwoord.status_code == 200 and b"".join(antwoord.streaming_content) == inhoud
    return inhoud


def test_gedode_werker_set_wordt_afgemaakt_door_de_volgende(transactional_db, queue, env, actoren, als):
    from audits.documentenset.services import documentenset_maak

    werkgroep, client = actoren.werkgroep, als(actoren.lid)
    eerste = start_werker(queue, {**env, **TRAAG}, ["--concurrency=1", "--pool=solo"])
    try:
        pk = documentenset_maak(actor=actoren.lid, audit=actoren.audit).pk  # queued on commit
        # halfway through the parts: the row reports progress, WeasyPrint has not started
        wacht_tot(lambda: 10 <= rij_van(pk).voortgang < 40)
        doden(eerste)
    finally:
        stop_werker(eerste)
    gedood = rij_van(pk)
    assert gedood.status == Documentenset.Status.BEZIG and 10 <= gedood.voortgang < 40, gedood.stap
    niets_getoond(client, werkgroep, gedood)
    assert pdfs(werkgroep) == []  # killed before the file: nothing written
    [taak] = onbevestigd(queue)  # the task is still Redis's, unacknowledged

    time.sleep(ZICHTBAAR_NA + 0.5)
    tweede = start_werker(queue, {**env, "KVO_CELERY_VISIBILITY_TIMEOUT": str(ZICHTBAAR_NA)}, ["--pool=solo"])
    try:
        uitkomst = AsyncResult(taak, app=app).get(timeout=180)  # the same task, finished this time
    finally:
        stop_werker(tweede)
    rij = rij_van(pk)
    assert uitkomst == {"status": "klaar", "paginas": rij.paginas, "sha256": rij.sha256}
    assert onbevestigd(queue) == []
    inhoud = klaar_met_eigen_bestand(client, werkgroep, rij)
    assert Documentenset.objects.filter(audit=actoren.audit).count() == 1  # the same row, no second set
    assert Logregel.objects.filter(werkgroep=werkgroep, actie="documentenset.maken").count() == 1
    assert [p.name for p in pdfs(werkgroep)] == [rij.bestand.name.rsplit("/", 1)[-1]]
    assert pdfs(werkgroep)[0].read_bytes() == inhoud


def test_gedode_werker_halfgeschreven_pdf_vastgelopen_nieuwe_set(transactional_db, queue, env, actoren, als):
    werkgroep, client = actoren.werkgroep, als(actoren.lid)
    eerste = start_werker(queue, {**env, **TRAAG}, ["--concurrency=1", "--pool=solo"])
    try:
        assert client.post(url("documentenset_maken", werkgroep)).status_code == 302
        pk = Documentenset.objects.get(audit=actoren.audit).pk
        # saving: the first pieces of the PDF are on disk under the fresh name, the rest is not
        wacht_tot(lambda: any(p.stat().st_size > 0 for p in pdfs(werkgroep)), seconden=180)
        doden(eerste)
    finally:
        stop_werker(eerste)
    gedood = rij_van(pk)
    assert gedood.status == Documentenset.Status.BEZIG and gedood.stap == "Opslaan"
    [half] = pdfs(werkgroep)
    assert half.read_bytes().startswith(b"%PDF-") and not half.read_bytes().rstrip().endswith(b"%%EOF")
    niets_getoond(client, werkgroep, gedood)
    [oude_taak] = onbevestigd(queue)

    # while the render might still be going, no second one can be started ...
    client.post(url("documentenset_maken", werkgroep))
    assert Documentenset.objects.filter(audit=actoren.audit).count() == 1
    # ... once it counts as lost the page says so, and stops polling
    Documentenset.objects.filter(pk=pk).update(gemaakt_op=gedood.gemaakt_op - VASTGELOPEN_NA)
    html = client.get(url("documentenset", werkgroep)).content.decode()
    assert "vastgelopen" in html and 'hx-trigger="every' not in html  # no polling
    niets_getoond(client, werkgroep, rij_van(pk))

    assert client.post(url("documentenset_maken", werkgroep)).status_code == 302  # a member starts again
    oud = rij_van(pk)
    assert oud.status == Documentenset.Status.MISLUKT and oud.fout == ONDERBROKEN and not oud.bestand
    nieuw = Documentenset.objects.filter(audit=actoren.audit).exclude(pk=pk).get()

    time.sleep(ZICHTBAAR_NA + 0.5)
    tweede = start_werker(queue, {**env, "KVO_CELERY_VISIBILITY_TIMEOUT": str(ZICHTBAAR_NA)}, ["--pool=solo"])
    try:
        # Redis redelivers the killed task as well: it finds its row closed and renders nothing
        assert AsyncResult(oude_taak, app=app).get(timeout=180) == {"status": "mislukt", "paginas": None, "sha256": ""}
        wacht_tot(lambda: rij_van(nieuw.pk).status != Documentenset.Status.BEZIG, seconden=180, stap=0.2)
        wacht_tot(lambda: onbevestigd(queue) == [], seconden=30, stap=0.2)
    finally:
        stop_werker(tweede)
    nieuw = rij_van(nieuw.pk)
    klaar_met_eigen_bestand(client, werkgroep, nieuw)
    assert list(Documentenset.objects.filter(audit=actoren.audit, status="klaar").values_list("pk", flat=True)) == [
        nieuw.pk
    ]
    assert rij_van(pk).status == Documentenset.Status.MISLUKT and not rij_van(pk).bestand
    html = client.get(url("documentenset", werkgroep)).content.decode()
    assert ONDERBROKEN in html
    # the half-written file is still there, harmless: no row references it and nothing serves it
    assert half in pdfs(werkgroep) and len(pdfs(werkgroep)) == 2
    assert not Documentenset.objects.filter(bestand__endswith=half.name).exists()
    niets_getoond(client, werkgroep, rij_van(pk))
