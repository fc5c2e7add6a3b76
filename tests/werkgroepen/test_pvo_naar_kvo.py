"""A PVO group moves to KVO-B (issue 23): a new cycle under KVO-B 4.0 from what the group has (area,
parties, figures, plan, a draft survey), after which the KVO rules answer; the PVO cycle keeps its own."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kvo.regelingen import KVO, PVO
from kvo.toets import voer_toets_uit
from tests.pvo.groep import maak_pvo_groep
from tests.pvo_hulp import maak_pvo
from werkgroepen.services.regeling import werkgroep_zet_om_naar_kvo

START = dt.date(2026, 9, 1)


@pytest.fixture
def groep(db):
    return maak_pvo_groep()


def test_overstap_start_een_kvo_cyclus_vanuit_wat_de_groep_heeft(groep):
    oud = groep.cyclus
    cyclus = werkgroep_zet_om_naar_kvo(actor=None, werkgroep=groep.werkgroep, start=START)
    wg = type(groep.werkgroep).objects.get(pk=groep.werkgroep.pk)
    assert wg.handboek == KVO
    assert (cyclus.nummer, cyclus.soort, cyclus.handboek, cyclus.start) == (2, "eerste", KVO, START)
    # the plan: goals and the actions not done, from the execution plan
    assert cyclus.plan.vernieuwd_van == groep.plan
    assert {d.titel for d in cyclus.plan.doelstellingen.all()} == {d.titel for d in groep.plan.doelstellingen.all()}
    assert {"Afval opruimen", "Surveillance"} <= set(cyclus.plan.maatregelen.values_list("titel", flat=True))
    # the figures travel, the survey is a KVO draft; the PVO survey stays with its cycle
    assert cyclus.cijfers.count() == oud.cijfers.count() == 2
    assert cyclus.enquete.geopend_op is None and cyclus.enquete.blokken
    assert oud.enquete.geopend_op is not None
    # the area and the parties stay the group's
    assert wg.terreinen.count() == 1 and wg.partijen.count() == 4


def test_daarna_antwoorden_de_kvo_eisen_en_houdt_de_pvo_cyclus_de_zijne(groep):
    cyclus = werkgroep_zet_om_naar_kvo(actor=None, werkgroep=groep.werkgroep, start=START)
    wg = type(groep.werkgroep).objects.get(pk=groep.werkgroep.pk)
    nieuw = {r.id for r in voer_toets_uit(wg, cyclus=cyclus, datum=START)}
    assert nieuw and not any(i.startswith("pvo.") for i in nieuw) and "enquete.minimum-blokken" in nieuw
    oud = {r.id for r in voer_toets_uit(wg, cyclus=groep.cyclus, datum=START)}
    assert oud and all(i.startswith("pvo.") for i in oud)
    assert groep.cyclus.handboek == PVO


def test_een_kvo_groep_kan_niet_overstappen(actoren):
    with pytest.raises(ValidationError):
        werkgroep_zet_om_naar_kvo(actor=None, werkgroep=actoren.werkgroep, start=START)
    assert actoren.werkgroep.cycli.count() == 1


def test_pagina_laat_de_voorzitter_overstappen(actoren, als):
    pvo = maak_pvo(actoren)
    client = als(actoren.voorzitter)
    url = reverse("werkgroepen:pvo_naar_kvo", kwargs={"werkgroep": pvo.werkgroep.slug})
    assert client.get(url).status_code == 200
    assert client.post(url, {"start": "2026-09-01"}).status_code == 200  # not confirmed: the form again
    response = client.post(url, {"start": "2026-09-01", "bevestig": "on"})
    assert response.status_code == 302
    # now a KVO group: the audit exists, the PVO pages do not
    slug = {"werkgroep": pvo.werkgroep.slug}
    assert client.get(reverse("audits:audit", kwargs=slug)).status_code == 200
    assert client.get(url).status_code == 404
    assert client.get(reverse("audits:pvo_waardering", kwargs=slug)).status_code == 404


def test_een_lid_mag_niet_overstappen(actoren, als):
    pvo = maak_pvo(actoren)
    url = reverse("werkgroepen:pvo_naar_kvo", kwargs={"werkgroep": pvo.werkgroep.slug})
    assert als(actoren.lid).post(url, {"start": "2026-09-01", "bevestig": "on"}).status_code == 403
    assert pvo.werkgroep.cycli.count() == 1


def test_andere_werkgroep_krijgt_404(actoren, als):
    pvo = maak_pvo(actoren)
    url = reverse("werkgroepen:pvo_naar_kvo", kwargs={"werkgroep": pvo.werkgroep.slug})
    assert als(actoren.vreemde).get(url).status_code == 404
    assert als(actoren.vreemde).post(url, {"start": "2026-09-01", "bevestig": "on"}).status_code == 404


def test_begrensde_queries(actoren, als, django_assert_max_num_queries):
    pvo = maak_pvo(actoren)
    with django_assert_max_num_queries(25):
        assert (
            als(actoren.lid)
            .get(reverse("werkgroepen:pvo_naar_kvo", kwargs={"werkgroep": pvo.werkgroep.slug}))
            .status_code
            == 200
        )
