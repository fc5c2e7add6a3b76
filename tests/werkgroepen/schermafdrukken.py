"""Screenshots of the main pages (not part of the suite; run explicitly)."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import sync_playwright

from tests.factories import LidFactory, PartijFactory
from tests.werkgroepen.factories import AfsprakenFactory, BijeenkomstFactory, CommunicatieFactory
from werkgroepen.models import Lid, Partij
from werkgroepen.services import document_upload, document_versie_upload

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


@pytest.mark.django_db(transaction=True)
def test_schermafdrukken(actoren, live_server, client):
    wg = actoren.werkgroep
    politie = PartijFactory(werkgroep=wg, naam="Politie Eenheid Noord", soort=Partij.Soort.POLITIE)
    LidFactory(werkgroep=wg, partij=politie, naam="Petra de Wit", rollen=["woordvoerder", "externe-communicatie"])
    LidFactory(
        werkgroep=wg, partij=politie, naam="Oud Lid", lid_tot=dt.date(2025, 6, 1), lid_sinds=dt.date(2025, 1, 15)
    )
    AfsprakenFactory(werkgroep=wg, communicatie_app=True)
    leden = list(Lid.objects.filter(werkgroep=wg))
    for i in range(2):
        b = BijeenkomstFactory(
            werkgroep=wg, datum=dt.date(2025, 3, 1) + dt.timedelta(days=60 * i), besluiten=["Schouw"]
        )
        b.aanwezigen.set(leden)
    BijeenkomstFactory(werkgroep=wg, datum=dt.date(2025, 9, 1), notulen="")
    CommunicatieFactory(werkgroep=wg, datum=dt.date(2025, 4, 1), onderwerp="Nieuwsbrief voorjaar")
    CommunicatieFactory(werkgroep=wg, datum=dt.date(2025, 10, 1), onderwerp="App-bericht", alle_ondernemers=False)
    d = document_upload(
        actor=actoren.voorzitter,
        werkgroep=wg,
        titel="Samenwerkingsafspraken",
        bestand=ContentFile(b"x", name="afspraken.pdf"),
        soort="afspraken",
    )
    document_versie_upload(
        actor=actoren.voorzitter,
        document=d,
        bestand=ContentFile(b"y", name="afspraken-v2.pdf"),
        toelichting="Bewaartermijn toegevoegd",
    )
    document_upload(
        actor=None,
        werkgroep=wg,
        titel="Oude notulen 2016",
        bestand=ContentFile(b"z", name="n.txt"),
        geupload_op=dt.date(2016, 1, 1),
    )
    client.force_login(actoren.voorzitter, backend="django.contrib.auth.backends.ModelBackend")
    sessie = client.cookies["sessionid"].value
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for breedte in (390, 1280):
            ctx = browser.new_context(viewport={"width": breedte, "height": 900})
            ctx.add_cookies([{"name": "sessionid", "value": sessie, "url": live_server.url}])
            page = ctx.new_page()
            for naam, pad in [
                ("home", ""),
                ("leden", "leden/"),
                ("afspraken", "afspraken/"),
                ("bijeenkomsten", "bijeenkomsten/"),
                ("communicatie", "communicatie/"),
                ("documenten", "documenten/"),
                ("bijeenkomst_nieuw", "bijeenkomsten/nieuw/"),
                ("lid_nieuw", "leden/nieuw/"),
            ]:
                page.goto(f"{live_server.url}/w/de-hoek/{pad}")
                page.screenshot(path=f"/tmp/shots/{naam}-{breedte}.png", full_page=True)
            ctx.close()
        browser.close()
