"""A certificate in a dossier import (issue 22): without a file it is one the certification body
issued (``Bron.INSTELLING``, with its own verification page); with ``x-bestand`` (a PDF under
``media/`` of a .zip dossier) it is the body's PDF the group uploaded (``Bron.WERKGROEP``), checked as
an upload is, and it travels back out unchanged."""

import copy
import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from audits.models import Certificaat
from kvo.dossier import DossierFout
from kvo.dossier.services import dossier_als_zip, dossier_exporteer, dossier_importeer, dossier_lees
from tests.audits.test_audit_dossier import dossier  # noqa: F401 — the fixture

PDF = b"%PDF-1.4 het certificaat van Kiwa"


def test_zonder_bestand_uitgegeven_door_de_instelling(db, dossier, time_machine):  # noqa: F811
    time_machine.move_to(dt.datetime(2027, 2, 1, 12, 0))
    werkgroep = dossier_importeer(actor=None, dossier=copy.deepcopy(dossier))
    c = Certificaat.objects.get(audit__werkgroep=werkgroep)
    assert c.bron == Certificaat.Bron.INSTELLING and not c.bestand and len(c.publiek_id) == 43
    r = Client().get(reverse("certificaat_verificatie", args=[c.publiek_id]))
    assert r.status_code == 200 and "<strong>Geschorst</strong>" in r.text  # withdrawn only from 1 March 2027
    assert "x-bestand" not in dossier_exporteer(werkgroep=werkgroep)["cycli"][0]["audit"]["certificaat"]


def test_met_bestand_aangeleverd_door_de_werkgroep_en_terug(db, dossier):  # noqa: F811
    dossier["cycli"][0]["audit"]["certificaat"]["x-bestand"] = "certificaten/KVO-2027-001.pdf"
    werkgroep = dossier_importeer(
        actor=None, dossier=copy.deepcopy(dossier), bestanden={"media/certificaten/KVO-2027-001.pdf": PDF}
    )
    c = Certificaat.objects.get(audit__werkgroep=werkgroep)
    assert c.bron == Certificaat.Bron.WERKGROEP and c.aangeleverd and c.bestand.read() == PDF
    assert Client().get(reverse("certificaat_verificatie", args=[c.publiek_id])).status_code == 404
    assert dossier_exporteer(werkgroep=werkgroep) == dossier
    terug = dossier_lees(dossier_als_zip(werkgroep=werkgroep), naam="groep.zip")
    assert terug.bestanden["media/certificaten/KVO-2027-001.pdf"] == PDF


@pytest.mark.parametrize(
    "bestanden,melding",
    [({}, "ontbreekt"), ({"media/c.pdf": b"<html><script>x</script>"}, "geen toegestaan document")],
)
def test_bestand_door_de_uploadcontrole(db, dossier, bestanden, melding):  # noqa: F811
    dossier["cycli"][0]["audit"]["certificaat"]["x-bestand"] = "c.pdf"
    with pytest.raises(DossierFout) as fout:
        dossier_importeer(actor=None, dossier=copy.deepcopy(dossier), bestanden=bestanden)
    assert any("x-bestand" in p and melding in p for p in fout.value.problemen), fout.value.problemen
    assert not Certificaat.objects.exists()
