"""``cycli[].enquete`` and ``cycli[].analyse`` in the dossier: round trip unchanged (with responses
and reminders), the readiness check the same after a second import, problems with their paths."""

import copy
import datetime as dt
import random

import pytest

from analyse.models import Conclusie, EnqueteUitnodiging, Herinnering, Reactie
from analyse.standaardvragen import standaardenquete
from demo import genereer_analyse
from kvo.dossier import DossierFout
from kvo.dossier.services import dossier_exporteer, dossier_importeer
from kvo.toets import voer_toets_uit
from tests.dossier.conftest import MINI
from werkgroepen.models import Werkgroep


@pytest.fixture
def dossier():
    d = copy.deepcopy(MINI)
    terrein = d["terreinen"][0]
    terrein["ondernemers"] += [
        {"ref": f"o{i}", "naam": f"Bedrijf {i} B.V.", **({"email": f"o{i}@example.org"} if i % 3 else {})}
        for i in range(2, 13)
    ]
    d["bijeenkomsten"] = [{"ref": "b1", "datum": "2025-04-07"}]
    vragen = standaardenquete()
    enquete = genereer_analyse.enquete(
        random.Random(3),
        d["terreinen"],
        vragen,
        titel="Veiligheidsenquête De Hoek",
        inleiding="Hoe veilig is De Hoek?",
        geopend=dt.date(2025, 2, 3),
        sluit=dt.date(2025, 2, 28),
        herinnering_dagen=[7, 14],
        herinneringen_verstuurd=2,
        respons={"hoek": 6},
        geneigdheid={"hoek": 0.5},
    )
    themas = sorted({v["thema"] for v in vragen})
    d["cycli"][0].update(
        enquete=enquete, analyse=genereer_analyse.conclusie_wolvega(themas), **{"x-analyse-bijeenkomst": "b1"}
    )
    return d


def test_round_trip(db, dossier):
    werkgroep = dossier_importeer(actor=None, dossier=copy.deepcopy(dossier))
    assert Reactie.objects.filter(enquete__werkgroep=werkgroep).count() == 6
    assert EnqueteUitnodiging.objects.filter(enquete__werkgroep=werkgroep, beantwoord=True).count() == 6
    assert EnqueteUitnodiging.objects.filter(enquete__werkgroep=werkgroep, kanaal="brief").count() == 4
    assert Herinnering.objects.filter(uitnodiging__enquete__werkgroep=werkgroep).exists()
    conclusie = Conclusie.objects.get(werkgroep=werkgroep)
    assert conclusie.vastgesteld_in.ref == "b1" and conclusie.prioriteiten.count() == len(
        {v["thema"] for v in standaardenquete()}
    )
    assert "x-analyse-bijeenkomst" not in werkgroep.cycli.get().extra
    assert dossier_exporteer(werkgroep=werkgroep) == dossier


def test_toets_gelijk_na_opnieuw_importeren(db, dossier):
    eerste = dossier_importeer(actor=None, dossier=copy.deepcopy(dossier))
    uit = dossier_exporteer(werkgroep=eerste)
    uit["werkgroep"]["slug"] = "tweede"
    uit["werkgroep"]["naam"] = "KVO Tweede"
    tweede = dossier_importeer(actor=None, dossier=uit)
    datum = dt.date(2025, 5, 1)
    a = {r.id: r.status for r in voer_toets_uit(eerste, datum=datum)}
    b = {r.id: r.status for r in voer_toets_uit(tweede, datum=datum)}
    assert a == b
    assert a["enquete.respons"] == "voldaan" and a["enquete.anoniem"] == "voldaan"


@pytest.mark.parametrize(
    ("wijzig", "melding"),
    [
        (lambda e: e["antwoorden"][0]["antwoorden"].update(onbekend=1), 'onbekende vraag "onbekend"'),
        (lambda e: e["uitnodigingen"][0].update(ondernemer="zz"), 'onbekende ondernemer "zz"'),
        (lambda e: e["antwoorden"][0].update(terrein="elders"), 'onbekend bedrijventerrein "elders"'),
        (lambda e: e["antwoorden"].append(copy.deepcopy(e["antwoorden"][0])), "7 reacties op hoek"),
        (lambda e: e["uitnodigingen"].append(copy.deepcopy(e["uitnodigingen"][0])), "komt al voor"),
        (
            lambda e: e["antwoorden"][0]["antwoorden"].update({e["vragen"][0]["ref"]: 9}),
            "past niet bij een vraag van het type ja-nee",
        ),
    ],
)
def test_problemen_met_pad_en_niets_geschreven(db, dossier, wijzig, melding):
    wijzig(dossier["cycli"][0]["enquete"])
    with pytest.raises(DossierFout) as fout:
        dossier_importeer(actor=None, dossier=dossier)
    assert any(melding in p and p.startswith("cycli[0].enquete") for p in fout.value.problemen), fout.value.problemen
    assert not Werkgroep.objects.exists()


def test_onbekende_bijeenkomst(db, dossier):
    dossier["cycli"][0]["x-analyse-bijeenkomst"] = "b9"
    with pytest.raises(DossierFout) as fout:
        dossier_importeer(actor=None, dossier=dossier)
    assert 'cycli[0].x-analyse-bijeenkomst: onbekende bijeenkomst "b9"' in fout.value.problemen
