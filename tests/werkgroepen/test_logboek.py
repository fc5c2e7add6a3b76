"""The work group's log: services record who did what; the page shows it to members only."""

import datetime as dt

import pytest
from django.urls import reverse

from gebieden.services import terrein_maak
from tests.factories import PartijFactory
from werkgroepen.models import Logregel
from werkgroepen.services import lid_beeindig, lid_maak

URL = "/w/de-hoek/logboek/"


def test_services_schrijven_het_logboek(actoren):
    wg = actoren.werkgroep
    partij = PartijFactory(werkgroep=wg, naam="Politie Noord")
    lid = lid_maak(
        actor=actoren.voorzitter, werkgroep=wg, naam="Rudi Postma", partij=partij, lid_sinds=dt.date(2025, 2, 1)
    )
    lid_beeindig(actor=actoren.voorzitter, lid=lid, lid_tot=dt.date(2026, 3, 1))
    regels = list(Logregel.objects.filter(werkgroep=wg).order_by("pk"))
    assert [r.actie for r in regels] == ["lid.toegevoegd", "lid.beeindigd"]
    assert regels[0].actor == actoren.voorzitter
    assert regels[0].omschrijving == "Lid Rudi Postma toegevoegd namens Politie Noord"
    assert regels[1].omschrijving == "Lidmaatschap van Rudi Postma beëindigd per 01-03-2026"
    assert regels[0].gegevens == {"lid": lid.pk}


def test_geweigerde_wijziging_schrijft_niets(actoren):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        terrein_maak(actor=actoren.lid, werkgroep=actoren.werkgroep, naam="", gemeente="Voorbeeldstad")
    assert not Logregel.objects.filter(werkgroep=actoren.werkgroep).exists()


def test_pagina_toont_regels(actoren, als):
    terrein_maak(actor=actoren.lid, werkgroep=actoren.werkgroep, naam="De Hoek Noord", gemeente="Voorbeeldstad")
    response = als(actoren.agendalid).get(URL)
    assert response.status_code == 200
    assert "Bedrijventerrein toegevoegd: De Hoek Noord" in response.text
    assert actoren.lid.email in response.text or actoren.lid.naam in response.text


def test_lege_pagina_zegt_wat_er_komt(actoren, als):
    assert "Nog niets vastgelegd" in als(actoren.lid).get(URL).text


@pytest.mark.parametrize("rol,status", [("vreemde", 404), ("auditor", 403), ("lid", 200), ("begeleider", 200)])
def test_toegang(actoren, als, rol, status):
    assert als(actoren.user(rol)).get(URL).status_code == status


@pytest.mark.parametrize("aantal", [2, 40])
def test_begrensd_aantal_queries(actoren, als, django_assert_max_num_queries, aantal):
    Logregel.objects.bulk_create(
        Logregel(werkgroep=actoren.werkgroep, actor=actoren.lid, actie="x", omschrijving=f"Regel {n}")
        for n in range(aantal)
    )
    client = als(actoren.lid)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("werkgroepen:logboek", kwargs={"werkgroep": "de-hoek"}))
    assert response.text.count("Regel ") == aantal
