"""Structured logs: each line of a request carries its request id, the user id and the work group;
a sane incoming X-Request-ID is kept and returned; secrets in paths are masked."""

import io
import json
import logging

import pytest

from kvo.logcontext import Context, Json
from kvo.logfilters import GeenGeheimen


@pytest.fixture
def regels():
    uit = io.StringIO()
    handler = logging.StreamHandler(uit)
    handler.addFilter(GeenGeheimen())
    handler.addFilter(Context())
    handler.setFormatter(Json())
    for naam in ("kvo.logboek", "django.request"):
        logging.getLogger(naam).addHandler(handler)
    logging.getLogger("kvo.logboek").setLevel(logging.INFO)
    yield lambda: [json.loads(r) for r in uit.getvalue().splitlines()]
    for naam in ("kvo.logboek", "django.request"):
        logging.getLogger(naam).removeHandler(handler)


def test_regel_draagt_verzoek_gebruiker_en_werkgroep(actoren, als, regels):
    client = als(actoren.lid)
    response = client.post("/w/de-hoek/aanpak/maken/", headers={"X-Request-ID": "lb-1234"})
    assert response.status_code == 302 and response["X-Request-ID"] == "lb-1234"
    regel = next(r for r in regels() if r["logger"] == "kvo.logboek")
    assert regel["verzoek_id"] == "lb-1234"
    assert regel["gebruiker_id"] == str(actoren.lid.pk)
    assert regel["werkgroep"] == "de-hoek"
    assert "Plan van aanpak" in regel["bericht"]


def test_onzin_verzoek_id_wordt_vervangen(actoren, als):
    response = als(actoren.lid).get("/w/de-hoek/", headers={"X-Request-ID": "<script>" * 20})
    assert len(response["X-Request-ID"]) == 32 and response["X-Request-ID"].isalnum()


def test_geheim_in_het_pad_wordt_gemaskeerd(db, client, regels):
    token = "A" * 43
    client.get(f"/uitnodiging/{token}/bestaat-niet/")
    regels_ = regels()
    assert regels_ and all(token not in json.dumps(r) for r in regels_)
