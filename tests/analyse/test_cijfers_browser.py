"""The figures page in Chromium: filter and sort the table, import through the preview, WCAG, screenshots.

With ``KVO_SCHERMAFDRUKKEN=<map>`` the tests also save screenshots (1280 and 390 wide) there, for a look.
"""

import datetime as dt
import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client

from analyse.models import Cijfer
from tests.analyse.factories import CijferFactory
from tests.factories import BedrijventerreinFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
MAP = os.environ.get("KVO_SCHERMAFDRUKKEN")


def schermafdruk(page, naam: str) -> None:
    if MAP:
        Path(MAP).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(MAP) / f"{naam}.png"), full_page=True)


def inloggen_met_cookie(page, live_server, user):
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    sessie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": sessie, "url": live_server.url}])


@pytest.fixture
def lokale_pagina(page, live_server):
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(live_server.url) else r.abort())
    page.set_default_timeout(10_000)
    return page


def ernstige_schendingen(page) -> list[str]:
    resultaat = Axe().run(page, options=WCAG_AA)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in resultaat.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def vul_demo(cyclus):
    terrein = BedrijventerreinFactory(werkgroep=cyclus.werkgroep, naam="De Hoek")
    politie = {"Inbraak bedrijfspand": (9, 12), "Diefstal van/uit bedrijfsterrein": (14, 11), "Vernieling": (6, 8)}
    for categorie, aantallen in politie.items():
        for jaar, n in zip((2023, 2024), aantallen, strict=True):
            for deelgebied, factor in (("bedrijventerrein", 1), ("overig", 2)):
                CijferFactory(
                    cyclus=cyclus,
                    bron="politie",
                    categorie=categorie,
                    periode_van=dt.date(jaar, 1, 1),
                    periode_tot=dt.date(jaar, 12, 31),
                    aantal=n * factor,
                    deelgebied=deelgebied,
                    terrein=terrein if deelgebied == "bedrijventerrein" else None,
                )
    for categorie, n in (("Buitenbrand", 4), ("Loze melding (brandmeldinstallatie)", 11)):
        CijferFactory(cyclus=cyclus, bron="brandweer", soort="incident", categorie=categorie, aantal=n)
    CijferFactory(
        cyclus=cyclus,
        bron="gemeente",
        soort="melding",
        categorie="Zwerfvuil / illegale stort",
        periode_van=dt.date(2023, 7, 1),
        periode_tot=dt.date(2024, 6, 30),
        aantal=26,
    )


def test_pagina_filteren_sorteren_en_schermafdrukken(lokale_pagina, live_server, actoren):
    page = lokale_pagina
    vul_demo(actoren.cyclus)
    inloggen_met_cookie(page, live_server, actoren.lid)
    for breedte in (1280, 390):
        page.set_viewport_size({"width": breedte, "height": 900})
        page.goto(f"{live_server.url}/w/de-hoek/analyse/cijfers/")
        page.get_by_text("De getallen van de grafiek").click()
        schermafdruk(page, f"cijfers-{breedte}")
        assert ernstige_schendingen(page) == []

    tabel = page.locator("#cijfers-politie")
    assert tabel.locator("tbody tr:visible").count() == 12
    page.get_by_label("Zoek in politie").fill("vernieling")
    assert tabel.locator("tbody tr:visible").count() == 4
    page.get_by_label("Zoek in politie").fill("")
    tabel.get_by_role("button", name="Aantal").click()  # ascending
    tabel.get_by_role("button", name="Aantal").click()  # descending
    assert tabel.locator("tbody tr td:nth-child(3)").first.inner_text() == "28"

    page.get_by_label("Toon").select_option("politie")
    page.get_by_role("button", name="Toon grafiek").click()
    assert "grafiek=politie" in page.url
    assert page.locator("[data-testid=grafiek] svg title").first.text_content().endswith("politie per categorie")


def test_alleen_lezen_op_de_telefoon(lokale_pagina, live_server, actoren):
    page = lokale_pagina
    vul_demo(actoren.cyclus)
    inloggen_met_cookie(page, live_server, actoren.agendalid)
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"{live_server.url}/w/de-hoek/analyse/cijfers/")
    assert page.get_by_role("link", name="Cijfer toevoegen").count() == 0
    assert page.get_by_role("link", name="Wijzigen").count() == 0
    assert ernstige_schendingen(page) == []


def test_importeren_met_voorbeeld_en_fouten(lokale_pagina, live_server, actoren, tmp_path):
    page = lokale_pagina
    inloggen_met_cookie(page, live_server, actoren.lid)
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"{live_server.url}/w/de-hoek/analyse/cijfers/")
    schermafdruk(page, "cijfers-leeg-390")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("link", name="Cijfers importeren").click()
    assert ernstige_schendingen(page) == []

    fout = tmp_path / "fout.csv"
    fout.write_text(
        "bron;categorie;periode_van;periode_tot;aantal\n"
        "politie;Inbraak;01-01-2024;31-12-2024;4\n"
        "politie;Diefstal;01-01-2024;31-02-2024;3\n",
        encoding="utf-8",
    )
    page.get_by_label("Bestand (CSV of Excel)").set_input_files(str(fout))
    page.get_by_role("button", name="Controleren").click()
    assert "regel 3, kolom periode_tot: geen geldige datum '31-02-2024'" in page.locator("#importfouten").inner_text()
    schermafdruk(page, "cijfers-import-fouten-1280")

    goed = tmp_path / "goed.csv"
    with page.expect_download() as download:
        page.get_by_role("link", name="Voorbeeldbestand (CSV)").click()
    download.value.save_as(goed)
    page.get_by_label("Bestand (CSV of Excel)").set_input_files(str(goed))
    page.get_by_role("button", name="Controleren").click()
    assert page.get_by_test_id("aantal-rijen").inner_text() == "4 cijfers"
    for breedte in (1280, 390):
        page.set_viewport_size({"width": breedte, "height": 900})
        schermafdruk(page, f"cijfers-import-voorbeeld-{breedte}")
        assert ernstige_schendingen(page) == []
    assert not Cijfer.objects.exists()
    page.get_by_role("button", name="4 cijfers importeren").click()
    assert page.url.endswith("/analyse/cijfers/")
    assert "4 cijfers geïmporteerd uit goed.csv" in page.locator(".meldingen").inner_text()
    assert Cijfer.objects.count() == 4


def test_formulier_op_de_telefoon(lokale_pagina, live_server, actoren):
    page = lokale_pagina
    BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam="De Hoek")
    inloggen_met_cookie(page, live_server, actoren.lid)
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"{live_server.url}/w/de-hoek/analyse/cijfers/nieuw/")
    page.get_by_label("Bron").select_option("gemeente")
    assert page.get_by_label("Categorie").get_attribute("list") == "categorieen-gemeente"
    page.locator("#id_aantal").fill("12")
    page.get_by_label("Waarvan afgehandeld").fill("14")
    page.get_by_label("Periode van").fill("2024-01-01")
    page.get_by_label("Periode tot en met").fill("2024-12-31")
    page.get_by_label("Categorie").fill("Verlichting defect")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    assert "14 afgehandeld is meer dan het aantal (12)." in page.locator(".foutenlijst").inner_text()
    schermafdruk(page, "cijfers-form-fout-390")
    assert ernstige_schendingen(page) == []
    page.get_by_label("Waarvan afgehandeld").fill("10")
    page.get_by_role("button", name="Opslaan", exact=True).click()
    assert page.url.endswith("/analyse/cijfers/")
    assert Cijfer.objects.get().afgehandeld == 10
