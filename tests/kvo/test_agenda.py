"""The private calendar feed (``kvo.agenda``): a token link per person, read back with icalendar."""

import datetime as dt
import re

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from aanpak.models import Maatregel
from analyse.models import Schouw
from kvo.agendalinks import agendalink_maak
from kvo.models import Agendalink
from tests.aanpak.factories import MaatregelFactory, PlanFactory
from tests.analyse.factories import EnqueteFactory, SchouwFactory
from werkgroepen.models import Bijeenkomst, Lid

VANDAAG = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _klok():
    with time_machine.travel(VANDAAG, tick=False):
        yield


def _feed(token: str):
    return Client().get(f"/agenda/{token}.ics")  # no session: the token is all it has


def _events(response) -> dict[str, object]:
    agenda = Calendar.from_ical(response.content)
    return {str(e["UID"]): e for e in agenda.walk("VEVENT")}


def _titels(events) -> set[str]:
    return {str(e["SUMMARY"]) for e in events.values()}


@pytest.fixture
def gegevens(actoren):
    wg = actoren.werkgroep
    plan = PlanFactory(cyclus=actoren.cyclus)
    gemeente = Lid.objects.get(user=actoren.lid).partij
    ov = Lid.objects.get(user=actoren.voorzitter).partij
    b = Bijeenkomst.objects.create(werkgroep=wg, ref="b1", datum=dt.date(2026, 4, 9), agenda="1. Opening")
    s = SchouwFactory(cyclus=actoren.cyclus, soort=Schouw.Soort.AVOND, datum=dt.date(2026, 3, 20))
    eigen = MaatregelFactory(plan=plan, titel="Camera's Schipperstraat", verantwoordelijke=gemeente,
                             kwartalen=["2026-Q2", "2026-Q3"])  # fmt: skip
    MaatregelFactory(plan=plan, titel="Nieuwsbrief", verantwoordelijke=ov, kwartalen=["2026-Q2"])
    MaatregelFactory(plan=plan, titel="Al gedaan", verantwoordelijke=gemeente, kwartalen=["2026-Q2"],
                     status=Maatregel.Status.UITGEVOERD)  # fmt: skip
    EnqueteFactory(cyclus=actoren.cyclus, geopend_op=dt.date(2026, 2, 1), gesloten_op=dt.date(2026, 3, 31))
    ander = actoren.anderewerkgroep
    Bijeenkomst.objects.create(werkgroep=ander, ref="x1", datum=dt.date(2026, 4, 10))
    return {"bijeenkomst": b, "schouw": s, "maatregel": eigen}


def test_nieuwe_link_geeft_een_feed_die_icalendar_terugleest(actoren, gegevens, als):
    pagina = als(actoren.lid).post("/agenda/", {"actie": "nieuw"})
    assert pagina.status_code == 200
    assert pagina["Cache-Control"] == "private, no-store"
    url = re.search(r'value="(http[^"]+\.ics)"', pagina.content.decode())[1]
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    assert len(token) >= 43
    assert Agendalink.objects.get(user=actoren.lid).token_hash != token  # only the hash is stored

    antwoord = _feed(token)
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"].startswith("text/calendar")
    assert "private" in antwoord["Cache-Control"]
    events = _events(antwoord)
    b, s, m = gegevens["bijeenkomst"], gegevens["schouw"], gegevens["maatregel"]
    assert events[f"bijeenkomst-{b.pk}@kvo-werkplaats"]["DTSTART"].dt == dt.date(2026, 4, 9)
    assert events[f"bijeenkomst-{b.pk}@kvo-werkplaats"]["DTEND"].dt == dt.date(2026, 4, 10)
    assert str(events[f"bijeenkomst-{b.pk}@kvo-werkplaats"]["SUMMARY"]) == "KVO De Hoek: Werkgroepbijeenkomst"
    assert events[f"schouw-{s.pk}@kvo-werkplaats"]["DTSTART"].dt == dt.date(2026, 3, 20)
    kwartaal = events[f"maatregel-{m.pk}-2026-Q3@kvo-werkplaats"]
    assert (kwartaal["DTSTART"].dt, kwartaal["DTEND"].dt) == (dt.date(2026, 7, 1), dt.date(2026, 10, 1))
    assert f"maatregel-{m.pk}-2026-Q2@kvo-werkplaats" in events
    datums = {str(e["SUMMARY"]).split(": ", 1)[1]: e["DTSTART"].dt for e in events.values()}
    assert datums["Enquête sluit"] == dt.date(2026, 3, 31)
    assert datums["Audit"] == dt.date(2026, 6, 1)
    assert datums["Documentenset aanleveren"] == dt.date(2026, 5, 18)
    assert str(events[f"bijeenkomst-{b.pk}@kvo-werkplaats"]["URL"]).endswith(f"/w/de-hoek/bijeenkomsten/{b.pk}/")

    assert set(_events(_feed(token))) == set(events)  # the same UIDs on the next request


def test_termijnen_na_de_audit_in_de_agenda(actoren):
    from tests.factories import AfwijkingFactory, CertificaatFactory

    AfwijkingFactory(audit=actoren.audit, vastgesteld_op=dt.date(2026, 2, 1))
    CertificaatFactory(audit=actoren.audit, geldig_tot=dt.date(2029, 6, 1))
    titels = _titels(_events(_feed(agendalink_maak(actor=actoren.lid))))
    assert {"KVO De Hoek: Aanvullingen op afwijking", "KVO De Hoek: Certificaat verloopt"} <= titels


def test_ingetrokken_of_vervangen_link_is_404(actoren, gegevens, als):
    oud = agendalink_maak(actor=actoren.lid)
    assert _feed(oud).status_code == 200
    nieuw = agendalink_maak(actor=actoren.lid)  # "Nieuwe link maken" revokes the old one
    assert _feed(oud).status_code == 404
    assert _feed(nieuw).status_code == 200
    als(actoren.lid).post("/agenda/", {"actie": "intrekken"})
    assert _feed(nieuw).status_code == 404
    assert _feed("x" * 43).status_code == 404
    assert not Agendalink.objects.filter(user=actoren.lid).exists()


def test_link_van_gedeactiveerd_account_is_404(actoren):
    token = agendalink_maak(actor=actoren.lid)
    actoren.lid.is_active = False
    actoren.lid.save()
    assert _feed(token).status_code == 404


def test_lid_ziet_alleen_eigen_groepen_en_eigen_partij(actoren, gegevens):
    titels = _titels(_events(_feed(agendalink_maak(actor=actoren.lid))))
    assert "KVO De Hoek: Maatregel (Q2 2026): Camera's Schipperstraat" in titels
    assert not any("Nieuwsbrief" in t for t in titels)  # another party's measure
    assert not any("Al gedaan" in t for t in titels)  # done: no longer in the calendar
    assert not any(t.startswith("KVO Andere Kant") for t in titels)

    van_ov = _titels(_events(_feed(agendalink_maak(actor=actoren.voorzitter))))
    assert "KVO De Hoek: Maatregel (Q2 2026): Nieuwsbrief" in van_ov
    assert not any("Camera's" in t for t in van_ov)

    vreemde = _titels(_events(_feed(agendalink_maak(actor=actoren.vreemde))))
    assert vreemde == {"KVO Andere Kant: Werkgroepbijeenkomst"}


def test_oud_lid_ziet_de_groep_niet_meer(actoren, gegevens):
    Lid.objects.filter(user=actoren.lid).update(lid_tot=dt.date(2026, 1, 1))
    assert _events(_feed(agendalink_maak(actor=actoren.lid))) == {}


def test_begeleider_ziet_al_zijn_groepen_en_alleen_die(actoren, gegevens):
    from tests.factories import WerkgroepFactory

    tweede = WerkgroepFactory(naam="KVO Tweede", slug="tweede", begeleiding=actoren.werkgroep.begeleiding)
    Bijeenkomst.objects.create(werkgroep=tweede, ref="t1", datum=dt.date(2026, 5, 5))
    titels = _titels(_events(_feed(agendalink_maak(actor=actoren.begeleider))))
    assert {"KVO De Hoek: Werkgroepbijeenkomst", "KVO Tweede: Werkgroepbijeenkomst", "KVO De Hoek: Audit"} <= titels
    assert not any(t.startswith("KVO Andere Kant") for t in titels)
    assert not any("Maatregel" in t for t in titels)  # no party of their own in these groups

    staff = _titels(_events(_feed(agendalink_maak(actor=actoren.staff))))
    assert staff == set()  # staff reach every group, but a calendar only holds one's own


def test_pagina_toont_link_een_keer(actoren, als):
    client = als(actoren.lid)
    assert "Nog geen agendalink" in client.get("/agenda/").content.decode()
    gemaakt = client.post("/agenda/", {"actie": "nieuw"}).content.decode()
    assert 'data-testid="nieuwe-agendalink"' in gemaakt
    daarna = client.get("/agenda/").content.decode()
    assert ".ics" not in daarna and "Nieuwe link maken" in daarna
    assert Client().get("/agenda/").status_code == 302  # the page itself needs a login


def _aantal_queries(token) -> int:
    with CaptureQueriesContext(connection) as vastgelegd:
        assert _feed(token).status_code == 200
    return len(vastgelegd)


def test_queries_groeien_niet_met_het_aantal_afspraken(actoren, gegevens, django_assert_max_num_queries):
    token = agendalink_maak(actor=actoren.lid)
    weinig = _aantal_queries(token)
    wg, plan = actoren.werkgroep, gegevens["maatregel"].plan
    partij = gegevens["maatregel"].verantwoordelijke
    for n in range(30):
        Bijeenkomst.objects.create(werkgroep=wg, ref=f"extra{n}", datum=dt.date(2026, 1, 1) + dt.timedelta(days=7 * n))
        SchouwFactory(cyclus=actoren.cyclus, datum=dt.date(2026, 1, 2) + dt.timedelta(days=7 * n))
        MaatregelFactory(plan=plan, verantwoordelijke=partij, kwartalen=["2026-Q1", "2026-Q4"])
    with django_assert_max_num_queries(weinig):
        assert len(_events(_feed(token))) > 90
    assert weinig <= 15


def test_token_komt_niet_in_de_log():
    from kvo.logfilters import verberg

    token = "o44FHzzcfieHak1avq_sfHvZhi1J2__cJeDeyot6L3w"
    assert token not in verberg(f'"GET /agenda/{token}.ics HTTP/1.1" 404')
