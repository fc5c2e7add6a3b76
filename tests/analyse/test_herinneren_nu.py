"""A reminder round's state as it happened (queued, being sent with a count, sent, stuck with the
reason) and "Nu herinneren": the secretary sends a round today, once, to those who have not answered."""

# ruff: noqa: F811  (the fixtures of test_uitnodigingen, imported by name)
import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django_scopes import scopes_disabled

from analyse.models import Herinnering, HerinneringRonde
from analyse.services.reacties import reactie_dien_in
from analyse.services.uitnodigingen import herinnering_verstuur_nu
from analyse.tasks import herinneringen_plannen, herinneringen_versturen
from tests.analyse.test_uitnodigingen import START, enquete, nu, register, terrein, url, verstuur  # noqa: F401


def toestand(pagina, ronde: int) -> str:
    import re

    m = re.search(rf'data-testid="ronde-{ronde}">(.*?)</td>', pagina, re.S)
    return re.sub(r"<[^>]+>", "", m.group(1)).strip()


def test_ronde_staat_in_de_wachtrij_wordt_verstuurd_en_is_dan_verstuurd(
    actoren, als, enquete, register, nu, django_capture_on_commit_callbacks
):
    verstuur(enquete, django_capture_on_commit_callbacks)
    nu.move_to(START + dt.timedelta(days=7), tick=False)
    with mock_apply_async() as gequeued:
        assert herinneringen_plannen() == 1  # queued, not run: a worker takes it later
    assert gequeued == [1]
    assert toestand(als(actoren.secretaris).get(url("uitnodigingen")).text, 1) == "in de wachtrij"

    herinneringen_versturen(werkgroep_id=actoren.werkgroep.pk, enquete_id=enquete.pk, ronde=1)
    rij = HerinneringRonde.objects.get(enquete=enquete, ronde=1)
    assert (rij.status, rij.verstuurd, rij.mislukt) == ("verstuurd", 4, 0)
    assert toestand(als(actoren.secretaris).get(url("uitnodigingen")).text, 1) == "verstuurd"


def test_een_ronde_die_niemand_oppakt_heet_vastgelopen_met_de_reden(
    actoren, als, enquete, register, nu, django_capture_on_commit_callbacks
):
    verstuur(enquete, django_capture_on_commit_callbacks)
    # the planner never ran (no worker, no beat): a day after the due date the page says so
    nu.move_to(START + dt.timedelta(days=8), tick=False)
    tekst = toestand(als(actoren.secretaris).get(url("uitnodigingen")).text, 1)
    assert tekst.startswith("vastgelopen") and "planner" in tekst
    # queued, and no worker took it for more than an hour
    with mock_apply_async():
        herinneringen_plannen()
    nu.move_to(START + dt.timedelta(days=8, minutes=59), tick=False)
    assert toestand(als(actoren.secretaris).get(url("uitnodigingen")).text, 1) == "in de wachtrij"
    nu.move_to(START + dt.timedelta(days=8, hours=1, minutes=1), tick=False)
    tekst = toestand(als(actoren.secretaris).get(url("uitnodigingen")).text, 1)
    assert tekst.startswith("vastgelopen") and "wachtrij" in tekst


def test_een_fout_tijdens_het_versturen_maakt_de_ronde_vastgelopen(
    actoren, als, enquete, register, nu, django_capture_on_commit_callbacks, monkeypatch
):
    verstuur(enquete, django_capture_on_commit_callbacks)
    nu.move_to(START + dt.timedelta(days=7), tick=False)
    import analyse.services.verzending

    def kapot(*args, **kwargs):
        raise ConnectionError("database weg")

    monkeypatch.setattr(analyse.services.verzending, "_herinneringen_ronde", kapot)
    with pytest.raises(ConnectionError):
        herinneringen_versturen(werkgroep_id=actoren.werkgroep.pk, enquete_id=enquete.pk, ronde=1)
    tekst = toestand(als(actoren.secretaris).get(url("uitnodigingen")).text, 1)
    assert tekst.startswith("vastgelopen") and "ConnectionError" in tekst


def test_nu_herinneren_voegt_een_ronde_voor_vandaag_toe_en_stuurt_die_een_keer(
    actoren, als, enquete, register, nu, django_capture_on_commit_callbacks
):
    verstuur(enquete, django_capture_on_commit_callbacks, dagen=(7, 14))
    beantwoord = enquete.uitnodigingen.get(ondernemer__email="o0@bedrijf.nl")
    reactie_dien_in(uitnodiging=beantwoord, antwoorden={})
    mail.outbox.clear()
    nu.move_to(START + dt.timedelta(days=3), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        response = als(actoren.secretaris).post(url("herinneren"))
    assert response.status_code == 302
    enquete.refresh_from_db()
    assert enquete.herinnering_dagen == [3, 7, 14]  # today's round comes before the planned ones
    assert sorted(m.to[0] for m in mail.outbox) == ["o1@bedrijf.nl", "o2@bedrijf.nl", "o3@bedrijf.nl"]
    assert Herinnering.objects.filter(ronde=1, status="verstuurd").count() == 3

    # a second click the same day sends nothing and says why
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        pagina = als(actoren.secretaris).post(url("herinneren"), follow=True)
    assert "Vandaag is al een herinnering verstuurd" in pagina.text
    assert not mail.outbox
    assert enquete.herinnering_dagen == [3, 7, 14]


def test_nu_herinneren_verstuurt_een_verschuldigde_ronde_die_nog_niet_uit_is(
    actoren, enquete, register, nu, django_capture_on_commit_callbacks
):
    verstuur(enquete, django_capture_on_commit_callbacks, dagen=(7, 14))
    mail.outbox.clear()
    nu.move_to(START + dt.timedelta(days=9), tick=False)  # round 1 was due on day 7; nobody ran it
    with django_capture_on_commit_callbacks(execute=True):
        assert herinnering_verstuur_nu(actor=actoren.secretaris, enquete=enquete) == 1
    enquete.refresh_from_db()
    assert enquete.herinnering_dagen == [7, 14]
    assert len(mail.outbox) == 4


def test_nu_herinneren_weigert_op_de_dag_van_versturen_en_na_sluiten(
    actoren, enquete, register, nu, django_capture_on_commit_callbacks
):
    verstuur(enquete, django_capture_on_commit_callbacks)
    with pytest.raises(ValidationError, match="vanaf morgen"):
        herinnering_verstuur_nu(actor=actoren.secretaris, enquete=enquete)
    nu.move_to(START + dt.timedelta(days=30), tick=False)
    with pytest.raises(ValidationError, match="gesloten"):
        herinnering_verstuur_nu(actor=actoren.secretaris, enquete=enquete)


def test_nu_herinneren_alleen_voor_wie_de_enquete_beheert_en_niet_voor_een_andere_werkgroep(
    actoren, als, enquete, register, nu, django_capture_on_commit_callbacks
):
    verstuur(enquete, django_capture_on_commit_callbacks)
    nu.move_to(START + dt.timedelta(days=3), tick=False)
    assert als(actoren.lid).post(url("herinneren")).status_code == 403
    assert als(actoren.vreemde).post(url("herinneren")).status_code == 404
    with scopes_disabled():
        assert not HerinneringRonde.objects.exists()


class mock_apply_async:
    """Capture the rounds the beat job queues instead of running them eagerly."""

    def __enter__(self):
        from unittest import mock

        self.rondes = []
        self._patch = mock.patch.object(
            herinneringen_versturen, "apply_async", side_effect=lambda kwargs: self.rondes.append(kwargs["ronde"])
        )
        self._patch.start()
        return self.rondes

    def __exit__(self, *exc):
        self._patch.stop()
