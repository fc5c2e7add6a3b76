"""``cycli[].audit`` in the dossier: round trip unchanged (application, record, deviations,
certificate with a withdrawal), problems with their paths, the certificate number unique per body."""

import copy

import pytest

from audits.models import Audit, Certificaat
from kvo.dossier import DossierFout
from kvo.dossier.services import dossier_exporteer, dossier_importeer
from tests.dossier.conftest import MINI


@pytest.fixture
def dossier():
    d = copy.deepcopy(MINI)
    d["leden"].append({"ref": "l2", "naam": "B. Bakker", "partij": d["partijen"][0]["ref"]})
    d["cycli"][0]["audit"] = {
        "contactpersoon": "l2",
        "certificatie_instelling": {
            "naam": "Kiwa",
            "straat": "Wilmersdorf 50",
            "postcode": "7327 AC",
            "plaats": "Apeldoorn",
        },
        "auditor": "B. Lammers",
        "aangevraagd_op": "2026-06-15",
        "datum": "2026-11-10",
        "geplande_uren": 8.5,
        "documentenset_aangeleverd_op": "2026-10-20",
        "aanwezigen": ["l1", "l2"],
        "rapport_ontvangen_op": "2026-11-20",
        "afwijkingen": [
            {"omschrijving": "Notulen zonder voortgang", "vastgesteld_op": "2026-11-10", "aanvulling_op": "2026-12-20"}
        ],
        "besluit": "positief",
        "besluit_op": "2027-01-05",
        "certificaat": {
            "nummer": "KVO-2027-001",
            "uitgegeven_op": "2027-01-10",
            "geldig_tot": "2030-01-10",
            "naamstelling": "KVO De Hoek",
            "ondertekenaar": "J. Jansen",
            "functie_ondertekenaar": "directeur",
            "geschorst": True,
        },
        "x-certificaat-ingetrokken_op": "2027-03-01",
        "x-notitie": "bewaard",
    }
    return d


def test_round_trip(db, dossier):
    werkgroep = dossier_importeer(actor=None, dossier=copy.deepcopy(dossier))
    audit = Audit.objects.get(werkgroep=werkgroep)
    assert audit.contactpersoon.ref == "l2" and audit.aanwezigen.count() == 2 and audit.afwijkingen.count() == 1
    c = Certificaat.objects.get(audit=audit)
    assert c.geschorst and c.ingetrokken_op.isoformat() == "2027-03-01" and c.certificatie_instelling == "Kiwa"
    assert dossier_exporteer(werkgroep=werkgroep) == dossier


@pytest.mark.parametrize(
    ("wijzig", "melding"),
    [
        (lambda a: a.update(contactpersoon="weg"), 'cycli[0].audit.contactpersoon: onbekend lid "weg"'),
        (lambda a: a["aanwezigen"].append("weg"), 'cycli[0].audit.aanwezigen[2]: onbekend lid "weg"'),
        (lambda a: a["aanwezigen"].append("l1"), 'cycli[0].audit.aanwezigen[2]: lid "l1" staat er al in'),
        (lambda a: a["certificatie_instelling"].pop("naam"), "cycli[0].audit.certificatie_instelling.naam"),
    ],
)
def test_problemen_met_pad_en_niets_geschreven(db, dossier, wijzig, melding):
    wijzig(dossier["cycli"][0]["audit"])
    with pytest.raises(DossierFout) as fout:
        dossier_importeer(actor=None, dossier=dossier)
    assert any(p.startswith(melding) for p in fout.value.problemen), fout.value.problemen
    assert not Audit.objects.exists()


def test_certificaatnummer_uniek_per_instelling(db, dossier):
    dossier_importeer(actor=None, dossier=copy.deepcopy(dossier))
    ander = copy.deepcopy(dossier)
    ander["werkgroep"]["slug"] = "andere"
    with pytest.raises(DossierFout) as fout:
        dossier_importeer(actor=None, dossier=ander)
    assert any("KVO-2027-001" in p and "al uitgegeven" in p for p in fout.value.problemen)
    # replacing the same work group keeps its own number
    dossier_importeer(actor=None, dossier=copy.deepcopy(dossier), vervang=True)
    assert Certificaat.objects.count() == 1
