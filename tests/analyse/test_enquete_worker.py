"""The survey with a real Celery worker and Redis (CI runs these on PostgreSQL): 600 invitations
sent, reminders sent while the same round is queued three times over two worker threads, 200
answered in between. Nobody gets a mail twice; nobody who answered gets a reminder."""

import datetime as dt
import email
import time
from pathlib import Path

import pytest
from django.utils import timezone

from analyse.models import Enquete, Herinnering
from analyse.services.enquete import enquete_maak
from analyse.services.reacties import reactie_dien_in
from analyse.services.uitnodigingen import enquete_verstuur
from analyse.tasks import herinneringen_plannen, herinneringen_versturen
from tests.factories import BedrijventerreinFactory, CyclusFactory, OndernemerFactory, WerkgroepFactory
from tests.werker import pytestmark  # noqa: F401

AANTAL = 600


@pytest.fixture
def postvak(tmp_path):
    pad = tmp_path / "mail"
    pad.mkdir()
    return pad


@pytest.fixture
def werker_env(postvak):
    return {
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "DJANGO_EMAIL_FILE_PATH": str(postvak),
    }


@pytest.fixture
def werker_opties():
    return ["--concurrency=2", "--pool=threads"]  # two tasks of the same round really run at once


def verzonden(postvak: Path) -> list[tuple[str, str]]:
    """(recipient, subject) of every mail the worker wrote."""
    berichten = []
    for bestand in sorted(postvak.iterdir()):
        for deel in bestand.read_bytes().split(b"-" * 79 + b"\n"):
            if deel.strip():
                m = email.message_from_bytes(deel.strip() + b"\n")
                berichten.append((m["To"], m["Subject"]))
    return berichten


def wacht_tot(voorwaarde, seconden=180):
    eind = time.monotonic() + seconden
    while time.monotonic() < eind:
        if voorwaarde():
            return
        time.sleep(0.25)
    raise AssertionError("de worker werd niet op tijd klaar")


def test_600_uitnodigingen_herinneringen_precies_een_keer(worker, postvak):
    werkgroep = WerkgroepFactory(naam="KVO Worker", slug="worker")
    cyclus = CyclusFactory(werkgroep=werkgroep)
    terrein = BedrijventerreinFactory(werkgroep=werkgroep, naam="Groot")
    for i in range(AANTAL):
        OndernemerFactory(terrein=terrein, naam=f"Bedrijf {i}", email=f"o{i}@bedrijf.nl")
    enquete = enquete_maak(actor=None, cyclus=cyclus)
    vandaag = timezone.localdate()
    enquete_verstuur(actor=None, enquete=enquete, gesloten_op=vandaag + dt.timedelta(days=30), herinnering_dagen=[7])

    wacht_tot(lambda: enquete.uitnodigingen.filter(verzending="verstuurd").count() == AANTAL)
    uitnodigingen = verzonden(postvak)
    assert len(uitnodigingen) == AANTAL
    assert len({to for to, _ in uitnodigingen}) == AANTAL

    beantwoord = list(enquete.uitnodigingen.order_by("pk")[:200])
    for u in beantwoord:
        reactie_dien_in(uitnodiging=u, antwoorden={})
    # The survey went out eight days ago: round 1 (after 7 days) is due.
    Enquete.objects.filter(pk=enquete.pk).update(geopend_op=vandaag - dt.timedelta(days=8))

    assert herinneringen_plannen() == 1  # queued by the beat job...
    for _ in range(2):  # ...and the same round again, as a retry and a second beat would
        herinneringen_versturen.apply_async(kwargs={"werkgroep_id": werkgroep.pk, "enquete_id": enquete.pk, "ronde": 1})
    wacht_tot(lambda: Herinnering.objects.filter(ronde=1, status="verstuurd").count() == AANTAL - 200)
    time.sleep(1)  # any duplicate would be written by now
    herinneringen = [to for to, onderwerp in verzonden(postvak) if onderwerp.startswith("Herinnering")]
    assert len(herinneringen) == AANTAL - 200
    assert len(set(herinneringen)) == AANTAL - 200
    assert not set(herinneringen) & {u.ondernemer.email for u in beantwoord}
    assert not Herinnering.objects.filter(status="geclaimd").exists()
