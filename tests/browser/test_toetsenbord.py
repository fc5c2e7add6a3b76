"""The main tasks with the keyboard alone (issue 24; the walks the accessibility statement names in
``kvo.toegankelijkheid.TOETSENBORD``): only ``keyboard.press`` and ``keyboard.type``, never a click.

On every page of a walk: the first Tab reaches the skip link, which jumps to ``main``; the page has
its landmarks (banner, main, contentinfo, and navigation where there is a menu); and every element
the Tab key reaches shows a visible focus (an outline or a ring in its computed style). A form
with an error ties the message to its field (``aria-invalid`` and ``aria-describedby``).
"""

import datetime as dt
import os
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.conf import settings
from django.test import Client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
MAX_TABS = 120

# the focused element, and whether its focus is visible: an outline of at least 2 px in its computed style
FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  const naam = el.getAttribute('aria-label') || el.innerText || el.value || el.name || '';
  return {tag: el.tagName, id: el.id, naam: naam.trim().slice(0, 80),
          zichtbaar: outline};
}"""


def schermafdruk(page, naam):
    """A screenshot for a visual check, when ``KVO_SCHERMAFDRUKKEN`` names a directory."""
    if doel := os.environ.get("KVO_SCHERMAFDRUKKEN"):
        Path(doel).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(doel) / f"{naam}.png"), full_page=True)


def context_als(browser, live_server, user=None, breedte=1280):
    context = browser.new_context(viewport={"width": breedte, "height": 900})
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(live_server.url) else r.abort())
    if user is not None:
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        sessie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": sessie, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def controleer_pagina(page, *, navigatie=True):
    """Skip link first, jumping to main; the landmarks. Leaves the focus on main."""
    page.keyboard.press("Tab")
    focus = page.evaluate(FOCUS)
    assert focus and focus["naam"] == "Naar de inhoud", f"eerste Tab op {page.url}: {focus}"
    assert focus["zichtbaar"], f"skiplink zonder zichtbare focus op {page.url}"
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.tagName") == "MAIN", page.url
    assert page.evaluate("document.activeElement.id") == "inhoud"
    for rol in ("banner", "main", "contentinfo") + (("navigation",) if navigatie else ()):
        assert page.get_by_role(rol).count() >= 1, f"geen {rol} op {page.url}"
    assert page.locator("header").count() and page.locator("main").count() == 1 and page.locator("footer").count()


def tab_naar(page, locator, *, terug=False):
    """Tab (or Shift+Tab) until ``locator`` has the focus; every stop on the way shows its focus."""
    gezien = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Shift+Tab" if terug else "Tab")
        focus = page.evaluate(FOCUS)
        gezien.append(focus and (focus["tag"], focus["id"], focus["naam"][:30]))
        if focus is not None:
            assert focus["zichtbaar"], f"geen zichtbare focus op {focus} ({page.url})"
        if locator.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"{locator} niet bereikt met Tab op {page.url}; onderweg: {gezien[:40]}")


def enter_en_laden(page):
    """Enter on a submit button or link, and wait for the next page."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def controleer_fout_bij_veld(veld):
    """The field is marked invalid and described by an element that holds the error message."""
    assert veld.get_attribute("aria-invalid") == "true"
    ids = (veld.get_attribute("aria-describedby") or "").split()
    assert ids, "foutmelding niet aan het veld gekoppeld"
    teksten = [veld.page.evaluate("id => document.getElementById(id)?.innerText || ''", i) for i in ids]
    assert any(t.strip() for t in teksten), f"aria-describedby {ids} wijst naar geen tekst"
    return " ".join(teksten)


# --- the walks ----------------------------------------------------------------------------------


def test_toetsenbord_inloggen(browser, live_server, actoren):
    """E-mail, password, a wrong two-step code (the error tied to the field), the right one."""
    secret = generate_totp_secret()
    TOTP.activate(actoren.lid, secret)
    page = context_als(browser, live_server)
    page.goto(f"{live_server.url}/accounts/login/")
    controleer_pagina(page, navigatie=False)
    tab_naar(page, page.get_by_label("E-mail"))
    page.keyboard.type("lid@example.org")
    tab_naar(page, page.get_by_label("Wachtwoord"))
    page.keyboard.type("geheim-wachtwoord-123")
    page.keyboard.press("Enter")
    page.wait_for_url("**/2fa/authenticate/")
    controleer_pagina(page, navigatie=False)
    code = page.locator("input[name=code]")
    tab_naar(page, code)
    page.keyboard.type("000000")
    enter_en_laden(page)
    code = page.locator("input[name=code]")
    assert "code" in controleer_fout_bij_veld(code).lower()
    schermafdruk(page, "tweestaps-fout")
    controleer_pagina(page, navigatie=False)
    tab_naar(page, code)
    page.keyboard.type(format_hotp_value(hotp_value(secret, next(iter(yield_hotp_counters_from_time())))))
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/w/de-hoek/")
    controleer_pagina(page)
    schermafdruk(page, "werkgroep-na-inloggen")


def test_toetsenbord_enquete(browser, live_server, actoren):
    """An entrepreneur on a phone: begin, an empty required answer (the error tied to it), answer, send."""
    from analyse.services.enquete import enquete_maak, vraag_maak
    from analyse.services.uitnodigingen import enquete_verstuur
    from analyse.tokens import nieuwe_link
    from tests.factories import BedrijventerreinFactory, OndernemerFactory

    enquete = enquete_maak(actor=None, cyclus=actoren.cyclus)
    vraag_maak(actor=None, enquete=enquete, thema="overlast", blok=None, tekst="Hoe oud is uw bedrijf?",
               type="getal", opties=[], verplicht=True)  # fmt: skip
    OndernemerFactory(terrein=BedrijventerreinFactory(werkgroep=actoren.werkgroep), email="a@bedrijf.nl")
    vandaag = dt.date.today()
    enquete_verstuur(actor=None, enquete=enquete, gesloten_op=vandaag + dt.timedelta(days=30), herinnering_dagen=[])
    token = nieuwe_link(enquete.uitnodigingen.first())

    page = context_als(browser, live_server, breedte=390)
    page.goto(f"{live_server.url}/e/{token}/")
    controleer_pagina(page, navigatie=False)
    tab_naar(page, page.get_by_role("link", name="Beginnen"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/e/stap/1/")
    volgende = page.get_by_role("button", name="Volgende").or_(page.get_by_role("button", name="Naar versturen"))
    vraag = page.get_by_text("Hoe oud is uw bedrijf?")
    while "/e/stap/" in page.url:
        controleer_pagina(page, navigatie=False)
        if vraag.count():
            tab_naar(page, volgende)
            enter_en_laden(page)  # nothing filled in: the required question says so
            veld = page.locator('main [aria-invalid="true"]')
            assert veld.count() == 1
            controleer_fout_bij_veld(veld)
            controleer_pagina(page, navigatie=False)
            tab_naar(page, veld)
            schermafdruk(page, "enquete-fout-390")
            page.keyboard.type("12")
        tab_naar(page, volgende)
        enter_en_laden(page)
    page.wait_for_url("**/e/versturen/")
    controleer_pagina(page, navigatie=False)
    tab_naar(page, page.get_by_role("button", name="Antwoorden versturen"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/e/klaar/")
    controleer_pagina(page, navigatie=False)
    assert enquete.reacties.count() == 1


def test_toetsenbord_schouwpunt(browser, live_server, actoren, tmp_path):
    """From the inspection's page to a saved point: the photo, the kind of point with the arrow keys."""
    from PIL import Image

    from analyse.models import Schouwpunt
    from tests.analyse.factories import SchouwFactory

    foto = tmp_path / "IMG_2041.jpg"
    Image.new("RGB", (800, 600), (40, 50, 90)).save(foto, "JPEG")

    schouw = SchouwFactory(cyclus=actoren.cyclus, soort="avond")
    schouw.aanwezigen.add(*actoren.werkgroep.leden.all())
    page = context_als(browser, live_server, actoren.lid)
    page.goto(f"{live_server.url}/w/de-hoek/analyse/schouwen/{schouw.pk}/")
    controleer_pagina(page)
    tab_naar(page, page.get_by_role("link", name="Eerste punt toevoegen"))
    enter_en_laden(page)
    assert "/punten/nieuw/" in page.url
    controleer_pagina(page)
    tab_naar(page, page.locator("input[name=foto]"))
    # the file input opens the camera or the files on Enter or Space, as a button does; headless
    # Chromium now and then drops the first key's activation, so the walk tries both keys
    from playwright.sync_api import TimeoutError as Verlopen

    for toets in ("Enter", "Space", "Enter"):
        try:
            with page.expect_file_chooser(timeout=4000) as kiezer:
                page.keyboard.press(toets)
            break
        except Verlopen:
            assert page.evaluate("document.activeElement.name") == "foto"  # the focus stayed on it
    else:
        raise AssertionError("De bestandskeuze opent niet met Enter of Spatie op het foto-veld.")
    kiezer.value.set_files(str(foto))
    tab_naar(page, page.locator("input[name=positief]").first)  # a radio group: the arrow keys choose
    positief = page.get_by_label("Positief punt: dit gaat goed")
    for _ in range(4):
        if positief.is_checked():
            break
        page.keyboard.press("ArrowDown")
    assert positief.is_checked()
    for label, tekst in (
        ("Locatie", "Industrieweg 3, entree"),
        ("Wat zag u?", "Goede verlichting bij de entree"),
        ("Waarom is de werkgroep tevreden?", "Alles verlicht en heel"),
        ("Wat was ervoor nodig?", "Nieuwe lampen door de gemeente"),
    ):
        tab_naar(page, page.get_by_label(label))
        page.keyboard.type(tekst)
    tab_naar(page, page.get_by_role("button", name="Opslaan", exact=True))
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/schouwen/{schouw.pk}/#punt-1")
    punt = Schouwpunt.objects.get()
    assert punt.positief and punt.locatie == "Industrieweg 3, entree"


def test_toetsenbord_matrix(browser, live_server, actoren):
    """A quarter planned with Enter in the matrix; the focus stays on its button after the swap."""
    from aanpak.models import Maatregel
    from aanpak.services.plan import plan_maak
    from tests.aanpak.factories import DoelstellingFactory, MaatregelFactory

    plan = plan_maak(actor=None, cyclus=actoren.cyclus)
    doel = DoelstellingFactory(plan=plan, titel="Minder inbraken", thema="sociale-veiligheid")
    m = MaatregelFactory(plan=plan, doelstelling=doel, titel="Camera's bij de ingang", kwartalen=[],
                         verantwoordelijke=actoren.werkgroep.partijen.first())  # fmt: skip
    page = context_als(browser, live_server, actoren.voorzitter)
    page.goto(f"{live_server.url}/w/de-hoek/aanpak/matrix/")
    controleer_pagina(page)
    knop = page.locator(f"#m-{m.pk} button.matrix__knop").nth(1)
    kwartaal = knop.get_attribute("value")
    tab_naar(page, knop)
    page.keyboard.press("Enter")
    page.locator(f'#m-{m.pk} button[value="{kwartaal}"][aria-pressed="true"]').wait_for()
    assert page.evaluate("document.activeElement.getAttribute('aria-pressed')") == "true"
    assert page.evaluate("document.activeElement.value") == kwartaal  # the focus was not lost in the swap
    assert page.evaluate(FOCUS)["zichtbaar"]
    schermafdruk(page, "matrix-toetsenbord")
    assert kwartaal in Maatregel.objects.get(pk=m.pk).kwartalen
    assert page.locator(f'#m-{m.pk} [data-kwartaal="{kwartaal}"] .matrix__merk').inner_text() == "●"


def test_toetsenbord_portaal(browser, live_server, actoren):
    """The auditor from the portal's list to the audit, to the delivered document set."""
    from tests.audits.test_portaal import archiefstuk, geleverde_set

    documentenset = geleverde_set(actoren.audit)
    archiefstuk(actoren.werkgroep, "Convenant")
    page = context_als(browser, live_server, actoren.auditor)
    page.goto(f"{live_server.url}/auditor/")
    controleer_pagina(page)
    tab_naar(page, page.locator(f'main a[href="/auditor/{actoren.audit.pk}/"]').first)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/auditor/{actoren.audit.pk}/")
    controleer_pagina(page)
    pdf = page.locator(f'a[href="/auditor/{actoren.audit.pk}/documentenset/{documentenset.pk}.pdf"]').first
    tab_naar(page, pdf)
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".pdf")
    tab_naar(page, page.get_by_role("link", name="Convenant"))


def test_formulierfout_hoort_bij_het_veld(browser, live_server, actoren):
    """A product form with an error (a member without a name): each error tied to its field."""
    page = context_als(browser, live_server, actoren.secretaris)
    page.goto(f"{live_server.url}/w/de-hoek/leden/nieuw/")
    controleer_pagina(page)
    tab_naar(page, page.get_by_role("button", name="Opslaan").first)
    enter_en_laden(page)
    ongeldig = page.locator('main [aria-invalid="true"]')
    assert ongeldig.count() >= 1
    for i in range(ongeldig.count()):
        controleer_fout_bij_veld(ongeldig.nth(i))


def test_skiplink_en_landmarks_op_de_verklaring(browser, live_server):
    page = context_als(browser, live_server)
    page.goto(f"{live_server.url}/toegankelijkheid/")
    controleer_pagina(page, navigatie=True)  # the footer's statements are a navigation of their own
    schermafdruk(page, "toegankelijkheidsverklaring")
    tab_naar(page, page.get_by_role("link", name="Privacy"))
