"""The response figure per park is a counter raised with each submission (``analyse.Reactieteller``),
not a count over the responses: it equals the count after submissions one after another, at the same
moment (PostgreSQL: threads, each its own connection), empty submissions and the dossier import, and
the readiness rule and the response page read it. Responses are never withdrawn one by one; a survey's
or a park's removal takes its counters with it (a cascade, as for the responses)."""

from __future__ import annotations

import datetime as dt
import importlib
import threading

import pytest
import time_machine
from django.apps import apps
from django.db import connection, connections
from django.db.models import Count
from django_scopes import scopes_disabled

from analyse.models import Reactie, Reactieteller, Vraag
from analyse.selectors.resultaten import reacties_per_terrein, respons_per_terrein
from analyse.services.reacties import reactie_dien_in, reactieteller_verhoog
from tests.analyse.factories import EnqueteFactory, EnqueteUitnodigingFactory, VraagFactory
from tests.factories import BedrijventerreinFactory, OndernemerFactory

OPEN = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)


def _geteld() -> dict[tuple[int, int], int]:
    return {
        (r["enquete_id"], r["terrein_id"]): r["n"]
        for r in Reactie.objects.order_by().values("enquete_id", "terrein_id").annotate(n=Count("pk"))
    }


def _tellers() -> dict[tuple[int, int], int]:
    return {(t.enquete_id, t.terrein_id): t.aantal for t in Reactieteller.objects.filter(aantal__gt=0)}


def _opzet(werkgroep, cyclus, aantallen: dict[str, int]):
    enquete = EnqueteFactory(
        cyclus=cyclus, geopend_op=dt.date(2026, 11, 2), gesloten_op=dt.date(2026, 11, 30), herinnering_dagen=[]
    )
    VraagFactory(enquete=enquete, ref="s", type=Vraag.Type.SCHAAL, volgorde=1)
    uitnodigingen = {}
    for naam, n in aantallen.items():
        terrein = BedrijventerreinFactory(werkgroep=werkgroep, naam=naam)
        uitnodigingen[naam] = [
            EnqueteUitnodigingFactory(enquete=enquete, ondernemer=OndernemerFactory(terrein=terrein)) for _ in range(n)
        ]
    return enquete, uitnodigingen


@time_machine.travel(OPEN, tick=False)
def test_de_teller_volgt_elke_inzending(actoren):
    enquete, uitn = _opzet(actoren.werkgroep, actoren.cyclus, {"Zuid": 7, "Noord": 4})
    for u in uitn["Zuid"][:6]:
        reactie_dien_in(uitnodiging=u, antwoorden={"s": 3})
    reactie_dien_in(uitnodiging=uitn["Zuid"][6], antwoorden={})  # empty: no response, not counted
    for u in uitn["Noord"][:3]:
        reactie_dien_in(uitnodiging=u, antwoorden={"s": 1})
    assert _tellers() == _geteld()
    assert sorted(_tellers().values()) == [3, 6]
    figuren = {r.terrein: r.reacties for r in respons_per_terrein(enquete)}
    assert figuren == {"Zuid": 6, "Noord": 3}


def test_verhogen_verliest_geen_telling_naast_een_oud_gelezen_rij(actoren):
    """Concurrent-ish without threads: a counter read before another submission raised it, then
    raised again, ends at both counts (an F() update, never a write-back of what was read)."""
    enquete, _ = _opzet(actoren.werkgroep, actoren.cyclus, {"Zuid": 1})
    terrein = enquete.werkgroep.terreinen.get()
    reactieteller_verhoog(enquete_id=enquete.pk, terrein_id=terrein.pk)  # the row is made
    oud = Reactieteller.objects.get(enquete=enquete, terrein=terrein)
    reactieteller_verhoog(enquete_id=enquete.pk, terrein_id=terrein.pk)
    reactieteller_verhoog(enquete_id=enquete.pk, terrein_id=terrein.pk, aantal=3)
    assert oud.aantal == 1
    oud.refresh_from_db()
    assert oud.aantal == 5
    assert reacties_per_terrein([enquete.cyclus_id]) == {enquete.cyclus_id: {terrein.pk: 5}}


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="threads with their own connection: PostgreSQL")
def test_gelijktijdige_inzendingen_tellen_allemaal(actoren):
    with time_machine.travel(OPEN, tick=False):
        _, uitn = _opzet(actoren.werkgroep, actoren.cyclus, {"Zuid": 12, "Noord": 12})
        alle = uitn["Zuid"] + uitn["Noord"]
        start = threading.Barrier(8)
        fouten = []

        def indienen(deel):
            try:
                start.wait()
                with scopes_disabled():
                    for u in deel:
                        reactie_dien_in(uitnodiging=u, antwoorden={"s": 2})
            except Exception as fout:  # reported below
                fouten.append(fout)
            finally:
                connections.close_all()

        draden = [threading.Thread(target=indienen, args=(alle[i::8],)) for i in range(8)]
        for d in draden:
            d.start()
        for d in draden:
            d.join()
    assert fouten == []
    assert _tellers() == _geteld()
    assert sorted(_tellers().values()) == [12, 12]


def test_de_migratie_vult_de_tellers_uit_de_opgeslagen_reacties(actoren):
    enquete, _ = _opzet(actoren.werkgroep, actoren.cyclus, {"Zuid": 1, "Noord": 1})
    zuid, noord = enquete.werkgroep.terreinen.order_by("naam").reverse()
    for terrein, n in ((zuid, 4), (noord, 2)):
        Reactie.objects.bulk_create(Reactie(enquete=enquete, terrein=terrein, antwoorden={"s": 1}) for _ in range(n))
    Reactieteller.objects.all().delete()
    migratie = importlib.import_module("analyse.migrations.0010_snel_reactieteller")
    migratie.tellers_vullen(apps, None)
    assert _tellers() == _geteld() == {(enquete.pk, zuid.pk): 4, (enquete.pk, noord.pk): 2}


def test_de_dossierimport_zet_de_tellers(db):
    from tests.kvo.test_queries_schaal import importeer

    importeer(1, 0.1)  # a province work group with responses in several cycles
    assert _geteld() and _tellers() == _geteld()
