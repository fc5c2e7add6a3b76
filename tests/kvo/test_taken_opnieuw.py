"""Tasks retry what is transient and nothing else.

Every task that declares ``max_retries`` retries for real: a transient error (the mail server, the
network, the database connection) runs it again with backoff, where its ledger makes a second run
safe; any other error fails at once. Run with ``task.apply()`` (eagerly, retries included), with the
service the task calls replaced by one that fails once. One test with the real weekly mail and a
mail server that does not answer the first time: the retry sends every mail, once.
"""

import datetime as dt
import smtplib

import pytest
from django.core import mail
from django.db import InterfaceError, OperationalError

import aanpak.tasks
import analyse.tasks
import audits.tasks
import kvo.toets
from aanpak.models import Weekmail
from aanpak.services.plan import plan_maak
from kvo import tasks as kvo_tasks
from tests.aanpak.factories import MaatregelFactory
from werkgroepen.models import Lid


def _taken(actoren):
    """(task, module, name of the service it calls, kwargs, transient errors) of every task with retries."""
    wg = {"werkgroep_id": actoren.werkgroep.pk}
    mailfout = smtplib.SMTPServerDisconnected("weg")
    return {
        "weekoverzicht": (aanpak.tasks.weekoverzicht_versturen, aanpak.tasks, "weekmail_verstuur", wg, mailfout),
        "uitnodigingen": (
            analyse.tasks.uitnodigingen_versturen,
            analyse.tasks,
            "uitnodigingen_verstuur",
            {**wg, "enquete_id": 1},
            ConnectionError("geen verbinding"),
        ),
        "herinneringen": (
            analyse.tasks.herinneringen_versturen,
            analyse.tasks,
            "herinneringen_verstuur",
            {**wg, "enquete_id": 1, "ronde": 1},
            OperationalError("server closed the connection unexpectedly"),
        ),
        "audit_herinneringen": (
            audits.tasks.audit_herinneringen,
            audits.tasks,
            "audit_herinneringen_verstuur",
            {},
            TimeoutError("timed out"),
        ),
        "auditor_verlopen": (
            audits.tasks.auditor_toegang_trek_verlopen_in,
            audits.tasks,
            "auditor_trek_verlopen_toegangen_in",
            {},
            InterfaceError("connection already closed"),
        ),
        "toets": (kvo_tasks.werkgroep_toets_bijwerken, kvo.toets, "voer_toets_uit", wg, OperationalError("weg")),
        "toetsen": (
            kvo_tasks.toetsen_bijwerken,
            kvo.toets,
            "voer_toetsen_uit",
            {"werkgroep_ids": [actoren.werkgroep.pk]},
            OperationalError("weg"),
        ),
    }


NAMEN = [
    "weekoverzicht",
    "uitnodigingen",
    "herinneringen",
    "audit_herinneringen",
    "auditor_verlopen",
    "toets",
    "toetsen",
]


def _eenmaal_kapot(echt, fout):
    aanroepen = []

    def dienst(*args, **kwargs):
        aanroepen.append(kwargs)
        if len(aanroepen) == 1:
            raise fout
        return echt(*args, **kwargs)

    return dienst, aanroepen


@pytest.mark.parametrize("naam", NAMEN)
def test_een_tijdelijke_fout_wordt_opnieuw_geprobeerd(actoren, monkeypatch, naam):
    taak, module, dienst_naam, kwargs, fout = _taken(actoren)[naam]
    echt = getattr(module, dienst_naam)
    if naam in ("uitnodigingen", "herinneringen"):  # no survey in this test: the second call just answers
        echt = lambda **k: {"verstuurd": 0, "mislukt": 0}  # noqa: E731
    dienst, aanroepen = _eenmaal_kapot(echt, fout)
    monkeypatch.setattr(module, dienst_naam, dienst)
    uitslag = taak.apply(kwargs=kwargs, throw=False)  # throw: eager retries run only when not re-raised
    assert uitslag.successful(), uitslag.traceback
    assert len(aanroepen) == 2  # once failed, once again


@pytest.mark.parametrize("naam", NAMEN)
def test_een_andere_fout_niet(actoren, monkeypatch, naam):
    taak, module, dienst_naam, kwargs, _ = _taken(actoren)[naam]
    aanroepen = []

    def kapot(*args, **kw):
        aanroepen.append(kw)
        raise ValueError("een fout in de code, niet van het net")

    monkeypatch.setattr(module, dienst_naam, kapot)
    with pytest.raises(ValueError):
        taak.apply(kwargs=kwargs, throw=False).get()
    assert len(aanroepen) == 1


@pytest.mark.parametrize("naam", NAMEN)
def test_elke_taak_zegt_in_zijn_docstring_of_hij_opnieuw_probeert(actoren, naam):
    taak = _taken(actoren)[naam][0]
    assert taak.autoretry_for, f"{taak.name} declares max_retries but retries nothing"
    assert taak.max_retries and taak.retry_backoff
    module_doc = __import__(taak.__module__, fromlist=["x"]).__doc__
    assert "Retries:" in module_doc or "retried" in (taak.__doc__ or "").lower()


class _EersteKeerDicht:
    """A mail server that refuses the first connection of the test, then delivers to the outbox."""

    geopend = 0

    def __init__(self, *args, **kwargs):
        from django.core.mail.backends.locmem import EmailBackend

        self._echt = EmailBackend(*args, **kwargs)

    def __enter__(self):
        type(self).geopend += 1
        if type(self).geopend == 1:
            raise smtplib.SMTPConnectError(421, "Service not available")
        return self._echt

    def __exit__(self, *exc):
        return False


def test_weekmail_na_een_dichte_mailserver_alsnog_een_keer(actoren, monkeypatch):
    """The claim is taken only once the mail server answers: the retry finds the week unclaimed and
    sends it (before, a refused connection left every member's row claimed and the mail never went)."""
    import aanpak.services.weekmail as weekmail

    plan = plan_maak(actor=None, cyclus=actoren.cyclus)
    plan.maatregelen.all().delete()
    gemeente = Lid.objects.get(user=actoren.lid).partij
    MaatregelFactory(plan=plan, titel="Verlichting", verantwoordelijke=gemeente, kwartalen=["2025-Q3"])

    class Mailers:
        @property
        def default(self):
            return _EersteKeerDicht()

    _EersteKeerDicht.geopend = 0
    monkeypatch.setattr(weekmail, "mailers", Mailers())
    vandaag = dt.date(2025, 8, 13)
    uitslag = aanpak.tasks.weekoverzicht_versturen.apply(
        kwargs={"werkgroep_id": actoren.werkgroep.pk, "vandaag": str(vandaag)}, throw=False
    )
    assert uitslag.get() == {"verstuurd": 1, "mislukt": 0}
    assert _EersteKeerDicht.geopend == 2
    assert [m.to for m in mail.outbox] == [["lid@example.org"]]
    assert list(Weekmail.objects.values_list("status", flat=True)) == ["verstuurd"]


def test_werkgroeptaak_houdt_het_verzoek_van_de_worker(actoren):
    """``WerkgroepTask`` runs the body under the worker's request: its id, its delivery info and the
    ``werkgroep_id`` a retry is sent with (it used to push a bare request holding the work group object)."""
    from kvo.celery import app
    from kvo.tasks import WerkgroepTask

    gezien = {}

    @app.task(base=WerkgroepTask, bind=True, name="tests.kvo.verzoek_zien")
    def zien(self, *, werkgroep):
        gezien.update(id=self.request.id, kwargs=dict(self.request.kwargs), werkgroep=werkgroep.pk)

    zien.apply(kwargs={"werkgroep_id": actoren.werkgroep.pk}, task_id="taak-1")
    assert gezien == {
        "id": "taak-1",
        "kwargs": {"werkgroep_id": actoren.werkgroep.pk},
        "werkgroep": actoren.werkgroep.pk,
    }
    zien(werkgroep_id=actoren.werkgroep.pk)  # called directly (no worker): still runs
