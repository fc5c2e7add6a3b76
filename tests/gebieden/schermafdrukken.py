"""Screenshots of the area pages at phone and desktop width, for a visual check by a person.

Skipped unless KVO_SCHERMAFDRUKKEN names a directory: ``KVO_SCHERMAFDRUKKEN=/tmp/schermen pytest
tests/gebieden/schermafdrukken.py`` (not collected by the normal suite).
"""

import os
from pathlib import Path

import pytest

from gebieden.models import Ondernemer
from tests.factories import BedrijventerreinFactory, LidFactory
from tests.gebieden.conftest import csv_bytes, geldige_rijen
from tests.gebieden.factories import AangrenzendeLocatieFactory
from tests.gebieden.test_kaart_browser import inloggen_met_cookie

MAP = os.environ.get("KVO_SCHERMAFDRUKKEN")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not MAP, reason="zet KVO_SCHERMAFDRUKKEN om schermafdrukken te maken"),
]

NOORD = {
    "type": "Polygon",
    "coordinates": [
        [[6.050, 52.985], [6.062, 52.987], [6.066, 52.980], [6.058, 52.975], [6.049, 52.978], [6.050, 52.985]]
    ],
}
ZUID = {
    "type": "MultiPolygon",
    "coordinates": [
        [[[6.066, 52.975], [6.078, 52.976], [6.080, 52.969], [6.068, 52.967], [6.066, 52.975]]],
        [[[6.082, 52.972], [6.088, 52.972], [6.088, 52.968], [6.082, 52.968], [6.082, 52.972]]],
    ],
}
SPORT = {
    "type": "Polygon",
    "coordinates": [[[6.064, 52.990], [6.072, 52.990], [6.072, 52.984], [6.064, 52.984], [6.064, 52.990]]],
}


def test_schermafdrukken(page, live_server, actoren):
    uit = Path(MAP)
    uit.mkdir(parents=True, exist_ok=True)
    wg = actoren.werkgroep
    noord = BedrijventerreinFactory(werkgroep=wg, naam="Schipsloot", gemeente="Weststellingwerf", grens=NOORD)
    zuid = BedrijventerreinFactory(werkgroep=wg, naam="De Plantage", gemeente="Weststellingwerf", grens=ZUID)
    AangrenzendeLocatieFactory(werkgroep=wg, naam="Sportpark Noord", soort="sportpark", grens=SPORT)
    LidFactory(werkgroep=wg, terrein=noord)
    Ondernemer.objects.bulk_create(
        Ondernemer(terrein=noord, naam=r[0], adres=r[1], postcode="8471 AB", huisnummer=r[3], email=r[4], ref=f"s{i}")
        for i, r in enumerate(geldige_rijen(40))
    )
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(live_server.url) else r.abort())
    inloggen_met_cookie(page, live_server, actoren.lid)
    paginas = {
        "overzicht": "/w/de-hoek/gebied/",
        "terrein": f"/w/de-hoek/gebied/terrein/{zuid.pk}/wijzigen/",
        "nieuw": "/w/de-hoek/gebied/terrein/nieuw/",
        "ondernemers": f"/w/de-hoek/gebied/terrein/{noord.pk}/ondernemers/",
        "cluster": "/w/de-hoek/gebied/cluster/",
        "locatie": "/w/de-hoek/gebied/locatie/nieuw/",
        "import": f"/w/de-hoek/gebied/terrein/{zuid.pk}/ondernemers/importeren/",
        "leeg-register": f"/w/de-hoek/gebied/terrein/{zuid.pk}/ondernemers/",
    }
    fout = uit / "fout.csv"
    rijen = geldige_rijen(5, start=100)
    rijen[1][2] = "0123 AB"
    rijen[3][0] = ""
    fout.write_bytes(csv_bytes(rijen))
    for breedte, hoogte in ((390, 844), (1280, 900)):
        page.set_viewport_size({"width": breedte, "height": hoogte})
        for naam, pad in paginas.items():
            page.goto(live_server.url + pad)
            page.wait_for_timeout(300)
            page.screenshot(path=str(uit / f"{naam}-{breedte}.png"), full_page=True)
        page.goto(live_server.url + paginas["import"])
        page.set_input_files("input[type=file]", str(fout))
        page.get_by_role("button", name="Controleren").click()
        page.screenshot(path=str(uit / f"importfout-{breedte}.png"), full_page=True)
    inloggen_met_cookie(page, live_server, actoren.vreemde)
    page.goto(live_server.url + "/w/andere-kant/gebied/")
    page.screenshot(path=str(uit / "leeg-1280.png"), full_page=True)
