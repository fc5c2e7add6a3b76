"""The demo's PVO group (issue 23): a park in Oost-Nederland in its first year, under a second
facilitating organisation, so the portfolio shows both schemes; its PVO dates (under ``x-`` keys)
move with the demo like every other date."""

import datetime as dt
import io
import json
import re

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from demo.genereer_pvo import SLUG
from demo.verschuif import verschuif
from kvo.regelingen import PVO
from werkgroepen.models import Werkgroep


def test_derde_werkgroep_is_pvo_onder_een_tweede_begeleidingsorganisatie(demo):
    pvo = Werkgroep.objects.get(slug=SLUG)
    assert pvo.handboek == PVO
    assert pvo.begeleiding.naam == "PVO Oost-Nederland"
    assert set(Werkgroep.objects.exclude(slug=SLUG).values_list("begeleiding__naam", flat=True)) == {
        "Keuker Veiligheidszorg Ondernemingen"
    }


def _portfolio(email: str) -> str:
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    response = client.get(reverse("begeleiding:portfolio"))
    assert response.status_code == 200
    return response.text


def test_portfolio_toont_beide_regelingen(demo):
    html = _portfolio("beheer@kvo-werkplaats.example")
    assert sorted(re.findall(r"regeling--(kvo|pvo)\"", html)) == ["kvo", "kvo", "kvo", "pvo"]  # Heerenveen: issue 28
    # each facilitator sees only the groups of their own organisation
    assert "Twentekanaal" in _portfolio("p.brookhuis@pvo-oost.example")
    assert "Wolvega" not in _portfolio("p.brookhuis@pvo-oost.example")
    assert "Twentekanaal" not in _portfolio("procesbegeleider@keuker.example")


def test_pvo_groep_antwoordt_alleen_pvo_eisen(demo):
    uit = io.StringIO()
    call_command("kvo_toets", SLUG, stdout=uit)
    statussen = {e["id"]: e["status"] for e in json.loads(uit.getvalue())["eisen"]}
    assert len(statussen) == 16 and all(i.startswith("pvo.") for i in statussen)


def test_x_datums_schuiven_mee_op_naam():
    dossier = {
        "schema": "kvo-dossier/1",
        "werkgroep": {"naam": "X", "slug": "x", "gestart_op": "2026-02-10"},
        "partijen": [{"ref": "g", "naam": "G", "soort": "gemeente", "x-capaciteit-toegezegd-op": "2026-02-10",
                      "x-toegezegde-capaciteit": "2026-02-10 is geen datum-sleutel"}],
        "cycli": [{"nummer": 1, "soort": "eerste", "start": "2026-02-10",
                   "x-waardering": {"gepland_op": "2027-01-26", "ondertekenaars": [{"naam": "A", "getekend_op": None}]},
                   "plan": {"x-pvo": {"activiteiten": [{"titel": "Alertavond", "gepland_op": "2026-12-08"}]}}}],
    }  # fmt: skip
    uit = verschuif(dossier, 14)
    assert uit["partijen"][0]["x-capaciteit-toegezegd-op"] == "2026-02-24"
    assert uit["partijen"][0]["x-toegezegde-capaciteit"] == "2026-02-10 is geen datum-sleutel"
    assert uit["cycli"][0]["x-waardering"]["gepland_op"] == "2027-02-09"
    assert uit["cycli"][0]["x-waardering"]["ondertekenaars"][0]["getekend_op"] is None
    assert (
        uit["cycli"][0]["plan"]["x-pvo"]["activiteiten"][0]["gepland_op"]
        == (dt.date(2026, 12, 8) + dt.timedelta(days=14)).isoformat()
    )


def test_pvo_regels_en_paginas_lezen_alleen_wat_ze_verklaren(demo):
    """Issue 27 on the second scheme: every pvo.* rule and the PVO group's pages read only the parts
    of the group's data they declare (``kvo.versie``), at three dates, and every PVO check ran."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from kvo import toets, versie

    pvo = Werkgroep.objects.get(slug=SLUG)
    client = Client()
    client.force_login(get_user_model().objects.get(email="b.wolters@wolters-metaal.example"))
    with versie.controle() as gezien, versie.opnieuw():
        for naam in ("werkgroepen:home", "audits:toets", "aanpak:pvo_uitvoeringsplan", "aanpak:pvo_kalender"):
            assert client.get(reverse(naam, kwargs={"werkgroep": SLUG})).status_code == 200, naam
        for dagen in (0, 400, 800):
            datum = timezone.localdate() + dt.timedelta(days=dagen)
            toets.voer_toets_uit(pvo, datum=datum)
            toets.voer_toetsen_uit([pvo], datum=datum)
    assert sorted(set(gezien.fouten)) == [], "\n".join(map(str, sorted(set(gezien.fouten))))
    assert {f"toets:{i}" for i in toets.geregistreerde_checks(PVO)} <= gezien.berekend
    assert len(toets.geregistreerde_checks(PVO)) == 16
