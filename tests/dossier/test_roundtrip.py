"""Import followed by export gives the same dossier (canonical form, see kvo.dossier)."""

import copy
import json

import pytest
from jsonschema import Draft202012Validator

from kvo.dossier.schema import schema
from kvo.dossier.services import dossier_exporteer, dossier_importeer
from tests.dossier.conftest import demo_fotos, laad_demo


def valideer(dossier):
    fouten = list(
        Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER).iter_errors(dossier)
    )
    assert not fouten, [f.message for f in fouten]


@pytest.mark.parametrize("naam", ["wolvega", "venekoten"])
def test_demo_dossier_round_trip(db, naam):
    dossier = laad_demo(naam)
    valideer(dossier)
    werkgroep = dossier_importeer(actor=None, dossier=copy.deepcopy(dossier), bestanden=demo_fotos(dossier))
    export = dossier_exporteer(werkgroep=werkgroep)
    valideer(export)
    assert export == dossier


def test_groot_dossier_begrensd_en_round_trip(db, groot, django_assert_max_num_queries):
    # The time it takes is a benchmark, not a test: bench/run.py measures this import against its target.
    valideer(groot)
    with django_assert_max_num_queries(40):
        werkgroep = dossier_importeer(actor=None, dossier=copy.deepcopy(groot))
    assert sum(t.ondernemers.count() for t in werkgroep.terreinen.all()) == 600
    with django_assert_max_num_queries(26):  # a query per cycle and part (plan, evaluations and audit too)
        export = dossier_exporteer(werkgroep=werkgroep)
    valideer(export)
    assert export == groot


def test_niet_canoniek_wordt_canoniek(db, mini):
    mini["leden"][0].update(terrein=None, lid_tot=None, agendalid=False)
    mini["terreinen"][0]["ondernemers"][0].update(email=None, adres="")
    mini["werkgroep"]["regie_organisatie"] = None
    mini["werkgroep"]["correspondentieadres"] = None
    mini["bijeenkomsten"] = []
    mini["cycli"][0]["enquete"] = None  # empty: nothing is lost
    werkgroep = dossier_importeer(actor=None, dossier=copy.deepcopy(mini))
    export = dossier_exporteer(werkgroep=werkgroep)
    assert export["leden"][0] == {
        "ref": "l1",
        "naam": "A. de Vries",
        "email": "a.devries@example.org",
        "telefoon": "06 1111 2222",
        "partij": "gem",
        "rollen": ["voorzitter"],
    }
    assert export["terreinen"][0]["ondernemers"][0] == {"ref": "o1", "naam": "Bakkerij Jansen"}
    assert "regie_organisatie" not in export["werkgroep"]
    assert "bijeenkomsten" not in export
    assert export["cycli"] == [{"nummer": 1, "soort": "eerste", "start": "2025-01-15"}]
    # and the canonical export round-trips exactly
    opnieuw = dossier_importeer(actor=None, dossier=copy.deepcopy(export), vervang=True)
    assert dossier_exporteer(werkgroep=opnieuw) == export


def test_leeg_cyclus_en_lege_afspraken(db, mini):
    mini["werkgroep"]["afspraken"] = {}
    werkgroep = dossier_importeer(actor=None, dossier=copy.deepcopy(mini))
    assert dossier_exporteer(werkgroep=werkgroep) == mini


def test_voor_ci_zonder_email_en_telefoon_van_leden(db, groot):
    werkgroep = dossier_importeer(actor=None, dossier=groot)
    export = dossier_exporteer(werkgroep=werkgroep, voor_ci=True)
    valideer(export)
    assert all("email" not in lid and "telefoon" not in lid for lid in export["leden"])
    assert export["leden"][0]["naam"] == "Lid 0"
    ondernemers = [o for t in export["terreinen"] for o in t["ondernemers"]]
    assert ondernemers and all("email" not in o for o in ondernemers)  # nor an entrepreneur's address
    assert "@" not in json.dumps(export)


def test_schema_kopie_gelijk_aan_gedeeld_schema(settings):
    import json

    gedeeld = settings.BASE_DIR.parent / "shared" / "dossier" / "schema.json"
    if not gedeeld.exists():
        pytest.skip(f"{gedeeld} ontbreekt (shared/ staat niet naast de repository)")
    assert schema() == json.loads(gedeeld.read_text(encoding="utf-8"))
