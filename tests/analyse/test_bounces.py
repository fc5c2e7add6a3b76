"""Bounces and complaints from the mail provider's signed webhook (django-anymail, Mailgun): the
invitation becomes "onbestelbaar (bounce)", its park's letters pick it up, and reminders skip it."""

import datetime as dt
import hashlib
import hmac
import json

import pytest
from django.core import mail

from analyse.bounces import KOP, SLEUTEL
from analyse.models import EnqueteUitnodiging, Herinnering
from analyse.services.enquete import enquete_maak
from analyse.services.uitnodigingen import brief_uitnodigingen, enquete_verstuur
from analyse.tasks import herinneringen_plannen
from tests.factories import BedrijventerreinFactory, OndernemerFactory
from werkgroepen.models import Logregel

START = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
SLEUTEL_WEBHOOK = "key-webhook-test-0123456789"
WEBHOOK = "/mail/mailgun/tracking/"


@pytest.fixture
def nu(time_machine):
    time_machine.move_to(START, tick=False)
    return time_machine


@pytest.fixture(autouse=True)
def _mailgun(settings):
    settings.ANYMAIL = {"MAILGUN_WEBHOOK_SIGNING_KEY": SLEUTEL_WEBHOOK}


@pytest.fixture
def verstuurd(actoren, nu, django_capture_on_commit_callbacks):
    terrein = BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam="Zuid", ref="zuid")
    for i in range(3):
        OndernemerFactory(terrein=terrein, naam=f"Mail {i} B.V.", email=f"o{i}@bedrijf.nl")
    enquete = enquete_maak(actor=None, cyclus=actoren.cyclus)
    with django_capture_on_commit_callbacks(execute=True):
        enquete_verstuur(actor=None, enquete=enquete, gesloten_op=dt.date(2026, 11, 30), herinnering_dagen=[7, 14])
    enquete.refresh_from_db()
    return enquete


def _ondertekend(event_data: dict, *, sleutel: str = SLEUTEL_WEBHOOK) -> dict:
    timestamp, token = "1793610000", "a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0"
    handtekening = hmac.new(sleutel.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()
    return {"signature": {"timestamp": timestamp, "token": token, "signature": handtekening}, "event-data": event_data}


def _mislukt(uitnodiging_id, ontvanger, *, severity="permanent", event="failed") -> dict:
    """Mailgun's "failed" event as its webhook posts it (permanent: a hard bounce)."""
    return {
        "event": event,
        "id": "G9Bn5sl1TC6WXkLxH6aAIw",
        "timestamp": 1793610000.908181,
        "log-level": "error",
        "severity": severity,
        "reason": "bounce",
        "recipient": ontvanger,
        "recipient-domain": ontvanger.split("@")[1],
        "tags": [],
        "user-variables": {SLEUTEL: str(uitnodiging_id), "kvo_ronde": "0"},
        "envelope": {"sender": "bounce@mg.kvo-werkplaats.nl", "transport": "smtp", "targets": ontvanger},
        "message": {
            "headers": {
                "to": ontvanger,
                "message-id": "20261102090000.1.ABCDEF@mg.kvo-werkplaats.nl",
                "from": "KVO Werkplaats <noreply@kvo-werkplaats.nl>",
                "subject": "Uitnodiging: Veiligheidsenquête (KVO De Hoek)",
            },
            "attachments": [],
            "size": 2048,
        },
        "delivery-status": {
            "code": 550,
            "message": "5.1.1 The email account that you tried to reach does not exist.",
            "description": "",
            "attempt-no": 1,
            "session-seconds": 0.3,
        },
        "flags": {"is-routed": False, "is-authenticated": True, "is-system-test": False, "is-test-mode": False},
    }


def _klacht(uitnodiging_id, ontvanger) -> dict:
    return {
        "event": "complained",
        "id": "ncV2XwymRUKbPek_MIM-Gw",
        "timestamp": 1793610100.0,
        "log-level": "warn",
        "recipient": ontvanger,
        "tags": [],
        "user-variables": {SLEUTEL: str(uitnodiging_id), "kvo_ronde": "1"},
        "message": {"headers": {"to": ontvanger, "message-id": "20261109.2.XYZ@mg.kvo-werkplaats.nl"}},
        "flags": {"is-test-mode": False},
    }


def _post(client, payload):
    return client.post(WEBHOOK, data=json.dumps(payload), content_type="application/json")


def test_elke_enquetemail_draagt_zijn_uitnodiging(verstuurd):
    for bericht in mail.outbox:
        u = verstuurd.uitnodigingen.get(ondernemer__email=bericht.to[0])
        assert bericht.metadata[SLEUTEL] == str(u.pk)  # anymail sends this as Mailgun custom data
        assert bericht.extra_headers[KOP] == str(u.pk)
        assert bericht.message()[KOP] == str(u.pk)  # and the console/file/SMTP backends keep working


def test_bounce_via_webhook_maakt_de_uitnodiging_onbestelbaar(actoren, als, client, verstuurd):
    u = verstuurd.uitnodigingen.get(ondernemer__email="o1@bedrijf.nl")
    antwoord = _post(client, _ondertekend(_mislukt(u.pk, "o1@bedrijf.nl")))
    assert antwoord.status_code == 200
    u.refresh_from_db()
    assert u.verzending == EnqueteUitnodiging.Verzending.ONBESTELBAAR
    assert u.fout.startswith("Onbestelbaar: bounce, gemeld door de mailprovider (5.1.1")
    assert Logregel.objects.filter(actie="enquete.onbestelbaar").count() == 1
    pagina = als(actoren.secretaris).get("/w/de-hoek/analyse/enquete/uitnodigingen/").text
    assert "onbestelbaar (bounce)" in pagina
    assert "gemeld door de mailprovider" in pagina
    assert [x.pk for x in brief_uitnodigingen(verstuurd, u.ondernemer.terrein)] == [u.pk]  # a letter instead

    assert _post(client, _ondertekend(_mislukt(u.pk, "o1@bedrijf.nl"))).status_code == 200  # sent twice: no-op
    assert Logregel.objects.filter(actie="enquete.onbestelbaar").count() == 1


def test_verkeerde_handtekening_wordt_geweigerd(client, verstuurd):
    u = verstuurd.uitnodigingen.get(ondernemer__email="o1@bedrijf.nl")
    antwoord = _post(client, _ondertekend(_mislukt(u.pk, "o1@bedrijf.nl"), sleutel="een-andere-sleutel"))
    assert antwoord.status_code == 400
    vervalst = _ondertekend(_mislukt(u.pk, "o1@bedrijf.nl"))
    vervalst["signature"]["timestamp"] = "1793610001"  # a valid signature of other values
    assert _post(client, vervalst).status_code == 400
    u.refresh_from_db()
    assert u.verzending == EnqueteUitnodiging.Verzending.VERSTUURD


def test_zonder_sleutel_bestaat_de_webhook_niet(client, settings, verstuurd):
    settings.ANYMAIL = {}
    u = verstuurd.uitnodigingen.get(ondernemer__email="o1@bedrijf.nl")
    assert _post(client, _ondertekend(_mislukt(u.pk, "o1@bedrijf.nl"))).status_code == 404


def test_tijdelijke_fout_en_ander_adres_veranderen_niets(client, verstuurd):
    u = verstuurd.uitnodigingen.get(ondernemer__email="o1@bedrijf.nl")
    assert _post(client, _ondertekend(_mislukt(u.pk, "o1@bedrijf.nl", severity="temporary"))).status_code == 200
    # A bounce of an address the register no longer has (corrected since): not this invitation's.
    assert _post(client, _ondertekend(_mislukt(u.pk, "oud@bedrijf.nl"))).status_code == 200
    u.refresh_from_db()
    assert u.verzending == EnqueteUitnodiging.Verzending.VERSTUURD


def test_klacht_over_een_herinnering_en_herinneringen_slaan_het_adres_over(actoren, client, nu, verstuurd):
    ander = verstuurd.uitnodigingen.get(ondernemer__email="o0@bedrijf.nl")
    zelfde_adres = OndernemerFactory(terrein=ander.ondernemer.terrein, naam="Zuster B.V.", email="o2@bedrijf.nl")
    extra = EnqueteUitnodiging.objects.create(
        enquete=verstuurd, ondernemer=zelfde_adres, kanaal="email", verzending="verstuurd"
    )
    nu.move_to(START + dt.timedelta(days=7), tick=False)
    mail.outbox.clear()
    herinneringen_plannen()
    assert sorted(m.to[0] for m in mail.outbox) == ["o0@bedrijf.nl", "o1@bedrijf.nl", "o2@bedrijf.nl", "o2@bedrijf.nl"]

    u = verstuurd.uitnodigingen.get(ondernemer__email="o2@bedrijf.nl", pk__lt=extra.pk)
    assert _post(client, _ondertekend(_klacht(u.pk, "o2@bedrijf.nl"))).status_code == 200
    u.refresh_from_db()
    assert u.verzending == EnqueteUitnodiging.Verzending.ONBESTELBAAR
    assert "klacht" in u.fout
    bounce = _mislukt(ander.pk, "o0@bedrijf.nl")
    assert _post(client, _ondertekend(bounce)).status_code == 200

    nu.move_to(START + dt.timedelta(days=14), tick=False)
    mail.outbox.clear()
    herinneringen_plannen()
    # Round 2 only to o1: o0 bounced, o2 complained, and the other entrepreneur at o2's address is skipped too.
    assert [m.to[0] for m in mail.outbox] == ["o1@bedrijf.nl"]
    assert not Herinnering.objects.filter(ronde=2, uitnodiging__in=[u, ander, extra]).exists()


def test_anymail_neemt_het_kenmerk_mee(settings, verstuurd, actoren, django_capture_on_commit_callbacks):
    """With anymail as the mailer (here its test backend), the invitation's id goes out as metadata."""
    from analyse.services.uitnodigingen import uitnodiging_verstuur_opnieuw

    settings.MAILERS = {"default": {"BACKEND": "anymail.backends.test.EmailBackend"}}
    u = verstuurd.uitnodigingen.get(ondernemer__email="o1@bedrijf.nl")
    EnqueteUitnodiging.objects.filter(pk=u.pk).update(verzending="mislukt")
    u.refresh_from_db()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        uitnodiging_verstuur_opnieuw(actor=None, uitnodiging=u)
    (bericht,) = mail.outbox
    assert bericht.anymail_test_params["metadata"] == {SLEUTEL: str(u.pk), "kvo_ronde": "0"}
