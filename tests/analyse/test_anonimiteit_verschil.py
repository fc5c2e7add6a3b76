"""Anonymity against differencing (pen test, issue 19 #3).

The attack: export the results, let one entrepreneur submit (with an open answer), export again,
and compare. Results, their exports, the dossier and the invitations page must not show that
entrepreneur's answers; they change only once at least 5 new responses of the park have come in
(or, for the area as a whole, once the survey has closed and the held-back rest numbers 5).
"""

import datetime as dt
import io
import json
import re

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from analyse.models import Reactie, Vraag
from analyse.selectors import resultaten as selectors
from analyse.services.reacties import reactie_dien_in
from tests.analyse.factories import EnqueteFactory, EnqueteUitnodigingFactory, VraagFactory
from tests.factories import BedrijventerreinFactory, OndernemerFactory

SLUG = "de-hoek"
GEHEIM = "Vertrouwelijk: ik zie wekelijks drugshandel bij loods 7"
OPEN = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)
DICHT = dt.datetime(2026, 12, 5, 12, 0, tzinfo=dt.UTC)


def url(naam, **kwargs):
    return reverse(f"analyse:{naam}", kwargs={"werkgroep": SLUG, **kwargs})


@pytest.fixture
def klok():
    with time_machine.travel(OPEN, tick=False) as reiziger:
        yield reiziger


@pytest.fixture
def opzet(actoren, klok):
    enquete = EnqueteFactory(
        cyclus=actoren.cyclus, geopend_op=dt.date(2026, 11, 2), gesloten_op=dt.date(2026, 11, 30), herinnering_dagen=[]
    )
    VraagFactory(enquete=enquete, ref="s", type=Vraag.Type.SCHAAL, volgorde=1)
    VraagFactory(enquete=enquete, ref="j", type=Vraag.Type.JA_NEE, volgorde=2)
    VraagFactory(enquete=enquete, ref="o", type=Vraag.Type.OPEN, volgorde=3)
    zuid = BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam="Zuid")
    noord = BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam="Noord")
    uitn = {
        t.naam: [
            EnqueteUitnodigingFactory(
                enquete=enquete, ondernemer=OndernemerFactory(terrein=t, naam=f"{t.naam} bedrijf {i:02d}")
            )
            for i in range(n)
        ]
        for t, n in ((zuid, 14), (noord, 8))
    }
    return enquete, zuid, noord, uitn


def _indienen(u, tekst="gewoon"):
    reactie_dien_in(uitnodiging=u, antwoorden={"s": 2, "j": True, "o": tekst})


def _waarneming(client):
    """Everything a member with the survey's rights can read: results page, both exports, the
    dossier's responses, and the row of each entrepreneur on the invitations page."""
    csv_ = client.get(url("resultaten_export", formaat="csv")).content.decode("utf-8-sig")
    boek = load_workbook(io.BytesIO(client.get(url("resultaten_export", formaat="xlsx")).content))
    xlsx = [[c.value for c in rij] for blad in boek for rij in blad.iter_rows()]
    pagina = client.get(url("resultaten")).text
    pagina = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", pagina)
    dossier = client.get(reverse("audits:export", kwargs={"werkgroep": SLUG}) + "?variant=volledig").content
    (cyclus,) = json.loads(dossier)["cycli"]
    uitnodigingen = client.get(url("uitnodigingen")).text
    rijen = {}
    for rij in re.findall(r"<tr>.*?</tr>", uitnodigingen, re.S):
        if gevonden := re.search(r"<td>((?:Zuid|Noord) bedrijf \d\d)</td>", rij):
            rijen[gevonden.group(1)] = rij
    return {
        "csv": csv_,
        "xlsx": xlsx,
        # the results (the readiness warnings above them count responses live: counts only, allowed)
        "pagina": re.search(r'<form method="get" class="resultaten-filter">.*</main>', pagina, re.S).group(0),
        "dossier": cyclus["enquete"].get("antwoorden", []),
        "rijen": rijen,
    }


def test_een_nieuwe_reactie_verandert_geen_export_tot_er_5_zijn(actoren, als, opzet):
    enquete, _zuid, _noord, uitn = opzet
    for u in uitn["Zuid"][:5]:  # the park's first batch: published
        _indienen(u)
    client = als(actoren.secretaris)
    voor = _waarneming(client)
    assert "1 – " in voor["csv"] and voor["dossier"] and "ja" in voor["rijen"]["Zuid bedrijf 00"]

    doelwit = uitn["Zuid"][5]
    _indienen(doelwit, GEHEIM)
    na = _waarneming(client)
    assert GEHEIM not in na["csv"] and GEHEIM not in str(na["xlsx"]) and GEHEIM not in na["pagina"]
    assert GEHEIM not in json.dumps(na["dossier"], ensure_ascii=False)
    assert na["csv"] == voor["csv"]  # every count and percentage as before
    assert na["xlsx"] == voor["xlsx"]
    assert na["dossier"] == voor["dossier"]
    assert na["rijen"][doelwit.ondernemer.naam] == voor["rijen"][doelwit.ondernemer.naam]  # still "nee"
    assert re.sub(r'<p class="zacht klein" data-testid="achtergehouden">.*?</p>', "", na["pagina"]) == voor["pagina"]

    for u in uitn["Zuid"][6:9]:  # 4 held back: still nothing changes
        _indienen(u)
    assert _waarneming(client)["csv"] == voor["csv"]
    _indienen(uitn["Zuid"][9])  # the 5th: the batch is published at once
    daarna = _waarneming(client)
    assert GEHEIM in daarna["csv"] and GEHEIM in str(daarna["xlsx"]) and GEHEIM in daarna["pagina"]
    assert sum(1 for r in daarna["dossier"] if r["antwoorden"]["o"] == GEHEIM) == 1
    assert selectors.resultaten(enquete).reacties == 10
    for u in uitn["Zuid"][5:10]:
        assert ">ja<" in daarna["rijen"][u.ondernemer.naam]


def test_een_terrein_verandert_alleen_per_5_eigen_reacties(actoren, opzet):
    """A batch of another park never moves this park's view, and the area's view only moves with
    a whole batch of one park: no combination of views isolates one response."""
    enquete, _zuid, noord, uitn = opzet
    for u in uitn["Zuid"][:5]:
        _indienen(u)
    _indienen(uitn["Noord"][0], GEHEIM)
    assert selectors.resultaten(enquete, noord).reacties == 0
    assert selectors.resultaten(enquete).reacties == 5
    for u in uitn["Zuid"][5:10]:
        _indienen(u)
    assert selectors.resultaten(enquete).reacties == 10  # Zuid's batch, without Noord's one
    assert GEHEIM not in str(selectors.resultaten(enquete).themas)
    for u in uitn["Noord"][1:5]:
        _indienen(u)
    assert selectors.resultaten(enquete, noord).reacties == 5
    assert selectors.resultaten(enquete).reacties == 15


def test_na_sluiten_telt_de_rest_mee_als_die_samen_5_is(actoren, als, opzet, klok):
    enquete, zuid, noord, uitn = opzet
    for u in uitn["Zuid"][:5]:
        _indienen(u)
    for u in uitn["Zuid"][5:8]:
        _indienen(u)
    _indienen(uitn["Noord"][0], GEHEIM)
    client = als(actoren.secretaris)
    assert GEHEIM not in _waarneming(client)["csv"]
    klok.move_to(DICHT)  # closed: the held-back rest (3 + 1) is under 5 and stays out
    dicht = _waarneming(als(actoren.secretaris))  # a fresh login: the old session has expired
    assert GEHEIM not in dicht["csv"] and selectors.resultaten(enquete).reacties == 5
    assert ">ja<" in dicht["rijen"][uitn["Noord"][0].ondernemer.naam]  # after closing "ingevuld" is shown
    reactie_dien_in(uitnodiging=uitn["Noord"][1], antwoorden={"o": "papier"}, papier=True)  # the 5th of the rest
    res = selectors.resultaten(enquete)
    assert res.reacties == 10 and GEHEIM in str(res.themas)
    assert selectors.resultaten(enquete, noord).reacties == 0  # the rest is in the area's view only
    assert selectors.resultaten(enquete, zuid).reacties == 5
    # Fixed at the next response: one more paper questionnaire does not join the area's view alone.
    reactie_dien_in(uitnodiging=uitn["Noord"][2], antwoorden={"o": "nog een"}, papier=True)
    assert selectors.resultaten(enquete).reacties == 10
    assert Reactie.objects.filter(zichtbaar=Reactie.Zichtbaar.TOTAAL).count() == 5


def test_bestaande_reacties_blijven_zichtbaar_na_de_migratie(actoren, opzet):
    """The migration marks responses stored before batches as published (they were on show)."""
    from importlib import import_module

    from django.apps import apps

    enquete, _zuid, _noord, uitn = opzet
    for u in uitn["Zuid"][:3]:
        _indienen(u)
    assert not Reactie.objects.exclude(zichtbaar="").exists()
    import_module("analyse.migrations.0005_enq_publicatie_in_partijen").alles_was_zichtbaar(apps, None)
    assert Reactie.objects.filter(zichtbaar="terrein").count() == 3
    assert enquete.uitnodigingen.filter(ingevuld_zichtbaar=True).count() == 3


def test_de_pagina_telt_de_rest_mee_zodra_de_enquete_sluit(actoren, als, opzet, klok):
    """Closing needs no write: the kept results (6 hours) hold whether the survey was closed."""
    uitn = opzet[3]
    for u in [*uitn["Zuid"][:8], *uitn["Noord"][:2]]:  # Zuid's batch of 5; 3 + 2 held back
        _indienen(u)
    klok.move_to(dt.datetime(2026, 11, 30, 22, 0, tzinfo=dt.UTC))  # 23:00 on the closing day: still open
    client = als(actoren.lid)
    assert "5 reacties" in client.get(url("resultaten")).text
    klok.move_to(dt.datetime(2026, 11, 30, 23, 30, tzinfo=dt.UTC))  # 00:30 the next day: closed
    assert "10 reacties" in client.get(url("resultaten")).text
