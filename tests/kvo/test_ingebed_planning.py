"""The embedded default runs the schedule (README, "Running"): with KVO_WACHTRIJ and no Redis, a
folder is the broker, a real worker takes the tasks, and ``kvo_planning --inhalen`` (what bin/demo
runs after starting worker and beat) starts every beat job once. A reminder round that is due goes
out through the same tasks as in production, once, also when the schedule is caught up twice."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_scopes import scopes_disabled

from analyse.models import Enquete, Herinnering
from analyse.services.enquete import enquete_maak
from analyse.services.uitnodigingen import enquete_verstuur
from kvo.celery import app
from tests.analyse.test_enquete_worker import verzonden, wacht_tot
from tests.factories import BedrijventerreinFactory, CyclusFactory, OndernemerFactory, WerkgroepFactory
from tests.werker import _nieuwe_verbindingen, start_werker, stop_werker

pytestmark = pytest.mark.worker


@pytest.fixture
def wachtrij(tmp_path):
    """Point the app at a folder broker, as settings do for KVO_WACHTRIJ without REDIS_URL."""
    map_ = tmp_path / "wachtrij"
    for deel in ("berichten", "besturing"):
        (map_ / deel).mkdir(parents=True)
    sleutels = ("broker_url", "result_backend", "task_always_eager", "broker_transport_options")
    vorige = {k: app.conf[k] for k in sleutels}
    app.conf.update(
        broker_url="filesystem://",
        result_backend=None,
        task_always_eager=False,
        broker_transport_options={
            "data_folder_in": str(map_ / "berichten"),
            "data_folder_out": str(map_ / "berichten"),
            "control_folder": str(map_ / "besturing"),
            "store_processed": False,
        },
    )
    _nieuwe_verbindingen()
    try:
        yield map_
    finally:
        app.conf.update(**vorige)
        _nieuwe_verbindingen()


@pytest.fixture
def postvak(tmp_path):
    pad = tmp_path / "mail"
    pad.mkdir()
    return pad


@pytest.fixture
def ingebedde_worker(transactional_db, wachtrij, postvak):
    map_ = wachtrij
    env = {
        "REDIS_URL": "",  # CI sets Redis for the other worker tests; this one runs without it
        "KVO_WACHTRIJ": str(map_),
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "DJANGO_EMAIL_FILE_PATH": str(postvak),
    }
    # the folder is the test's own, so the worker serves the default queues as in bin/demo: a task
    # queued by a task (the reminder round queued by the beat job) lands there too
    proces = start_werker("celery,pdf", env, ["--concurrency=1", "--pool=solo"])
    try:
        yield
    finally:
        stop_werker(proces)


def test_planning_inhalen_verstuurt_een_verschuldigde_herinnering_via_de_map(ingebedde_worker, postvak):
    werkgroep = WerkgroepFactory(naam="KVO Ingebed", slug="ingebed")
    cyclus = CyclusFactory(werkgroep=werkgroep)
    terrein = BedrijventerreinFactory(werkgroep=werkgroep, naam="Klein")
    for i in range(3):
        OndernemerFactory(terrein=terrein, naam=f"Bedrijf {i}", email=f"o{i}@bedrijf.nl")
    enquete = enquete_maak(actor=None, cyclus=cyclus)
    vandaag = timezone.localdate()
    enquete_verstuur(actor=None, enquete=enquete, gesloten_op=vandaag + dt.timedelta(days=30), herinnering_dagen=[7])
    # the invitations go through the folder broker and the worker, not eagerly in this process
    wacht_tot(lambda: enquete.uitnodigingen.filter(verzending="verstuurd").count() == 3, seconden=60)
    assert len(verzonden(postvak)) == 3

    with scopes_disabled():
        Enquete.objects.filter(pk=enquete.pk).update(geopend_op=vandaag - dt.timedelta(days=8))  # round 1 is due
    call_command("kvo_planning", "--inhalen")
    call_command("kvo_planning", "--inhalen")  # caught up twice: still one reminder each

    def herinneringen():
        with scopes_disabled():
            return Herinnering.objects.filter(uitnodiging__enquete=enquete, status="verstuurd").count()

    wacht_tot(lambda: herinneringen() == 3, seconden=90)
    # every job of both catch-ups has run when the queue is empty; then count the mails
    berichten = postvak.parent / "wachtrij" / "berichten"
    wacht_tot(lambda: not any(berichten.iterdir()), seconden=90)
    onderwerpen = [s for _, s in verzonden(postvak)]
    assert sum("Herinnering" in s for s in onderwerpen) == 3


def test_zonder_wachtrij_draait_inhalen_de_taken_direct(db, capsys):
    """A bare runserver (no folder, no Redis) still runs a job when asked, in the process itself."""
    assert app.conf.task_always_eager
    call_command("kvo_planning", "--inhalen")
    uit = capsys.readouterr().out
    assert "6 geplande taken direct uitgevoerd" in uit
    assert "bewaartermijnen" in uit  # the AVG retention job runs in the embedded default too
    assert "enquete-herinneringen" in uit
