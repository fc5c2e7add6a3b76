"""The data version (kvo.versie): every write to a work group's data replaces its token, so what is
kept under the token (the readiness check, the survey results, the portfolio) is never older than the
data; and what is kept is really used."""

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scope

from kvo import versie
from kvo.toets import Status, voer_toets_uit
from tests.factories import BedrijventerreinFactory, PartijFactory
from werkgroepen.logboek import log_actie
from werkgroepen.models import Partij, Werkgroep

ADRES = ("werkgroep.correspondentieadres",)


def _adres(werkgroep) -> Status:
    werkgroep.refresh_from_db()
    return voer_toets_uit(werkgroep, ids=ADRES)[0].status


def test_een_wijziging_in_de_scope_vervangt_alleen_het_eigen_token(actoren):
    eigen, ander = actoren.werkgroep, actoren.anderewerkgroep
    voor = versie.versies([eigen, ander])
    with scope(werkgroep=eigen):
        PartijFactory(werkgroep=eigen, naam="Brandweer", soort=Partij.Soort.BRANDWEER)
    na = versie.versies([eigen, ander])
    assert na[eigen.pk] != voor[eigen.pk]
    assert na[ander.pk] == voor[ander.pk]


@pytest.mark.parametrize(
    "schrijven",
    [
        pytest.param(lambda wg: Werkgroep.objects.filter(pk=wg.pk).update(adres_plaats="Wolvega"), id="update"),
        pytest.param(lambda wg: wg.cycli.all().delete(), id="delete"),
        pytest.param(
            lambda wg: Partij.objects.bulk_create([Partij(werkgroep=wg, naam="Politie", soort=Partij.Soort.POLITIE)]),
            id="bulk_create",
        ),
        pytest.param(lambda wg: BedrijventerreinFactory(werkgroep=wg), id="save"),
    ],
)
def test_elke_soort_schrijven_telt(actoren, schrijven):
    wg = actoren.werkgroep
    voor = versie.huidige(wg)
    with scope(werkgroep=wg):
        schrijven(wg)
    assert versie.huidige(wg) != voor


def test_buiten_een_scope_vervalt_de_versie_van_iedereen(actoren):
    """A management command, the admin, a factory: the work group is not known, so every group's
    version changes (the token of everything is part of each)."""
    voor = versie.versies([actoren.werkgroep, actoren.anderewerkgroep])
    PartijFactory(werkgroep=actoren.werkgroep)  # the test body runs with the scopes disabled
    na = versie.versies([actoren.werkgroep, actoren.anderewerkgroep])
    assert na[actoren.werkgroep.pk] != voor[actoren.werkgroep.pk]
    assert na[actoren.anderewerkgroep.pk] != voor[actoren.anderewerkgroep.pk]


def test_boekhouding_en_logregels_tellen_niet(actoren):
    wg = actoren.werkgroep
    voor = versie.huidige(wg)
    with scope(werkgroep=wg):
        log_actie(werkgroep=wg, actor=actoren.lid, actie="test.lezen", omschrijving="Bekeken", wijziging=False)
        with versie.boekhouding():
            Werkgroep.objects.filter(pk=wg.pk).update(toets_stand={"voldaan": 1})
    assert versie.huidige(wg) == voor


def test_een_transactie_vervangt_het_token_eenmaal_tot_iemand_het_leest(actoren):
    wg = actoren.werkgroep
    with scope(werkgroep=wg), transaction.atomic():
        with CaptureQueriesContext(connection) as vragen:
            Werkgroep.objects.filter(pk=wg.pk).update(adres_straat="Hoofdweg 1")
            Werkgroep.objects.filter(pk=wg.pk).update(adres_postcode="8471 AA")
        assert sum("kvo_gegevensversie" in q["sql"] for q in vragen.captured_queries) == 1
        halverwege = versie.huidige(wg)  # someone reads: the next write replaces the token again
        Werkgroep.objects.filter(pk=wg.pk).update(adres_plaats="Wolvega")
        assert versie.huidige(wg) != halverwege


def test_een_teruggedraaide_transactie_neemt_haar_token_mee(actoren):
    wg = actoren.werkgroep
    voor = versie.huidige(wg)
    with scope(werkgroep=wg), pytest.raises(RuntimeError), transaction.atomic():
        Werkgroep.objects.filter(pk=wg.pk).update(adres_plaats="Wolvega")
        assert versie.huidige(wg) != voor
        raise RuntimeError
    assert versie.huidige(wg) == voor


def test_de_toets_komt_uit_de_cache_tot_de_gegevens_veranderen(actoren):
    wg = actoren.werkgroep
    assert _adres(wg) == Status.OPEN
    with CaptureQueriesContext(connection) as vragen:
        assert voer_toets_uit(wg, ids=ADRES)[0].status == Status.OPEN
        alles = voer_toets_uit(wg)
        assert voer_toets_uit(wg) == alles
    # the second full run and the subset read only the version (one query each); the first full run computed
    assert len(vragen.captured_queries) > 3
    with CaptureQueriesContext(connection) as vragen:
        voer_toets_uit(wg)
    assert len(vragen.captured_queries) == 1

    with scope(werkgroep=wg):
        Werkgroep.objects.filter(pk=wg.pk).update(adres_straat="Hoofdweg 1", adres_postcode="8471 AA")
    assert _adres(wg) == Status.NIET_VOLDAAN
    with scope(werkgroep=wg):
        Werkgroep.objects.filter(pk=wg.pk).update(adres_plaats="Wolvega")
    assert _adres(wg) == Status.VOLDAAN


def test_de_toets_houdt_datum_en_cyclus_uit_elkaar(actoren):
    import datetime as dt

    wg = actoren.werkgroep
    eerst = voer_toets_uit(wg, datum=dt.date(2026, 1, 1))
    later = voer_toets_uit(wg, datum=dt.date(2040, 1, 1))
    assert [r.uitkomst for r in eerst] != [r.uitkomst for r in later]


def test_een_cache_die_faalt_laat_de_pagina_staan(actoren, monkeypatch, caplog):
    def kapot(*args, **kwargs):
        raise ConnectionError("redis weg")

    # every way in: Redis's backend has its own get_many/set_many (locmem's go through get and set)
    for methode in ("get", "set", "get_many", "set_many"):
        monkeypatch.setattr(cache, methode, kapot)
    assert len(voer_toets_uit(actoren.werkgroep)) == 54
    assert "cache niet bereikbaar" in caplog.text


def test_de_homepagina_volgt_een_wijziging_via_het_formulier(actoren, als):
    """End to end: the page keeps its check, a change through the page shows at once."""
    wg = actoren.werkgroep
    client = als(actoren.voorzitter)
    home = reverse("werkgroepen:home", kwargs={"werkgroep": wg.slug})
    assert "Correspondentieadres: Hoofdweg 1" not in client.get(home).content.decode()
    adres = {"adres_straat": "Hoofdweg 1", "adres_postcode": "8471 AA", "adres_plaats": "Wolvega"}
    Werkgroep.objects.filter(pk=wg.pk).update(**adres)
    client.get(home)
    toets = reverse("audits:toets", kwargs={"werkgroep": wg.slug})
    assert "Correspondentieadres: Hoofdweg 1, 8471 AA Wolvega" in client.get(toets).content.decode()


@pytest.mark.django_db(transaction=True)
def test_buiten_een_transactie_komt_het_token_na_de_gegevens():
    """In autocommit each statement commits on its own: the token is replaced after the data's
    statement, so a reader in between keeps its result under the old token, never under the new."""
    wg = Werkgroep.objects.create(naam="KVO Test", slug="test", gestart_op="2026-01-01")
    volgorde = []

    def opnemen(execute, sql, params, many, context):  # inside ours: sees the statements as they run
        volgorde.append("versie" if "kvo_gegevensversie" in sql else "gegevens")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(opnemen), scope(werkgroep=wg):
        Werkgroep.objects.filter(pk=wg.pk).update(adres_plaats="Wolvega")
    assert volgorde == ["gegevens", "versie"]
    assert versie.huidige(wg).split(".")[0] != "0"


def test_opnieuw_rekent_alles_opnieuw_uit(actoren):
    """What the query-count tests and the benchmark measure inside ``opnieuw()`` is the computation."""
    wg = actoren.werkgroep
    voer_toets_uit(wg)
    with CaptureQueriesContext(connection) as bewaard:
        voer_toets_uit(wg)
    with versie.opnieuw(), CaptureQueriesContext(connection) as opnieuw:
        voer_toets_uit(wg)
    assert len(bewaard) == 1 and len(opnieuw) > 10


def test_een_verwijderde_werkgroep_neemt_haar_versie_mee(actoren):
    from kvo.models import Gegevensversie
    from tests.factories import WerkgroepFactory

    ander = WerkgroepFactory(slug="weg")
    with scope(werkgroep=ander):
        Werkgroep.objects.filter(pk=ander.pk).update(gemeente="Ergens")
    assert Gegevensversie.objects.filter(sleutel=str(ander.pk)).exists()
    ander.delete()
    assert not Gegevensversie.objects.filter(sleutel=str(ander.pk)).exists()
