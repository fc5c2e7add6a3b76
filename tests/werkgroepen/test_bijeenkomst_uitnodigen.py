"""“Uitnodiging versturen” for a meeting: one mail per active member with an address, each with the
meeting as an .ics attachment whose UID is the calendar feed's."""

import datetime as dt

import pytest
import time_machine
from icalendar import Calendar

from tests.factories import LidFactory
from werkgroepen.models import Bijeenkomst, Lid, Logregel

VANDAAG = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _klok():
    with time_machine.travel(VANDAAG, tick=False):
        yield


def _url(b) -> str:
    return f"/w/{b.werkgroep.slug}/bijeenkomsten/{b.pk}/uitnodigen/"


def test_uitnodiging_met_ics_naar_elk_actief_lid(actoren, als, mailoutbox, django_capture_on_commit_callbacks):
    wg = actoren.werkgroep
    b = Bijeenkomst.objects.create(werkgroep=wg, ref="b1", datum=dt.date(2026, 4, 9), agenda="1. Camera's & licht")
    partij = Lid.objects.get(user=actoren.lid).partij
    LidFactory(werkgroep=wg, partij=partij, email="oud@example.org", lid_tot=dt.date(2025, 12, 31))
    LidFactory(werkgroep=wg, partij=partij, email=None)
    pagina = als(actoren.secretaris).get(f"/w/{wg.slug}/bijeenkomsten/{b.pk}/").content.decode()
    assert "Uitnodiging versturen" in pagina
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = als(actoren.secretaris).post(_url(b))
    assert antwoord.status_code == 302
    ontvangers = sorted(m.to[0] for m in mailoutbox)
    assert ontvangers == sorted(
        ["lid@example.org", "voorzitter@example.org", "secretaris@example.org", "agendalid@example.org"]
    )
    assert all(len(m.to) == 1 for m in mailoutbox)
    mail = mailoutbox[0]
    assert "Camera's & licht" in mail.body  # a text mail: not HTML-escaped
    (naam, inhoud, soort) = mail.attachments[0]
    assert (naam, soort) == ("bijeenkomst.ics", "text/calendar")
    (event,) = Calendar.from_ical(inhoud).walk("VEVENT")
    assert str(event["UID"]) == f"bijeenkomst-{b.pk}@kvo-werkplaats"  # the feed's UID: no double entry
    assert event["DTSTART"].dt == dt.date(2026, 4, 9)
    assert Logregel.objects.filter(werkgroep=wg, actie="bijeenkomst.uitgenodigd").exists()


def test_geen_uitnodiging_voor_een_bijeenkomst_die_al_was(actoren, als, mailoutbox):
    b = Bijeenkomst.objects.create(werkgroep=actoren.werkgroep, ref="b0", datum=dt.date(2026, 2, 1))
    assert (
        "Uitnodiging versturen" not in als(actoren.secretaris).get(f"/w/de-hoek/bijeenkomsten/{b.pk}/").content.decode()
    )
    als(actoren.secretaris).post(_url(b))
    assert mailoutbox == []


@pytest.mark.parametrize(("rol", "status"), [("lid", 403), ("agendalid", 403), ("vreemde", 404)])
def test_alleen_wie_mag_wijzigen_nodigt_uit(actoren, als, mailoutbox, rol, status):
    b = Bijeenkomst.objects.create(werkgroep=actoren.werkgroep, ref="b1", datum=dt.date(2026, 4, 9))
    client = als(actoren.user(rol))
    if status == 403:
        assert "Uitnodiging versturen" not in client.get(f"/w/de-hoek/bijeenkomsten/{b.pk}/").content.decode()
    assert client.post(_url(b)).status_code == status
    assert mailoutbox == []
