"""The map's controls speak Dutch: Leaflet's zoom buttons ("Inzoomen", "Uitzoomen") and every text
of leaflet-draw (``L.drawLocal``), also those of tools the map does not offer."""

import re

import pytest

from tests.browser.conftest import inloggen
from tests.wacht import wacht_tot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# leaflet-draw's English texts are full of these words; none of them is Dutch.
ENGELS = re.compile(
    r"\b(click|draw|drawing|cancel|finish|delete|save|changes|edit|layers?|clear|all|drag|release|shape|"
    r"mouse|error|point|line|marker|circle|radius|remove|undo|feature|handles)\b",
    re.IGNORECASE,
)

TEKSTEN = """() => {
  const uit = {};
  (function loop(o, pad) {
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === "string") uit[pad + k] = v;
      else if (v && typeof v === "object") loop(v, pad + k + ".");
    }
  })(L.drawLocal, "");
  return uit;
}"""


def test_zoomknoppen_en_tekengereedschap_in_het_nederlands(pagina, live_server, actoren):
    inloggen(pagina, live_server, "lid@example.org")
    pagina.goto(f"{live_server.url}/w/de-hoek/gebied/terrein/nieuw/")
    wacht_tot(pagina, "!!document.querySelector('.leaflet-control-zoom-in')")

    inzoomen = pagina.locator(".leaflet-control-zoom-in")
    uitzoomen = pagina.locator(".leaflet-control-zoom-out")
    assert inzoomen.get_attribute("title") == "Inzoomen"
    assert inzoomen.get_attribute("aria-label") == "Inzoomen"
    assert uitzoomen.get_attribute("title") == "Uitzoomen"
    assert uitzoomen.get_attribute("aria-label") == "Uitzoomen"
    assert pagina.get_by_role("button", name="Inzoomen").count() == 1
    assert pagina.locator(".leaflet-draw-draw-polygon").get_attribute("title") == "Vlak tekenen"
    assert pagina.locator(".leaflet-draw-draw-rectangle").get_attribute("title") == "Rechthoek tekenen"

    teksten = pagina.evaluate(TEKSTEN)
    assert len(teksten) >= 38  # every text of leaflet-draw 1.0.4's L.drawLocal (38)
    engels = {pad: tekst for pad, tekst in teksten.items() if ENGELS.search(re.sub(r"<[^>]+>", "", tekst))}
    assert engels == {}
    assert teksten["draw.toolbar.buttons.circle"] == "Cirkel tekenen"
    assert teksten["draw.handlers.polyline.tooltip.start"] == "Klik om de lijn te beginnen."

    # the texts a person sees while drawing
    pagina.locator(".leaflet-draw-draw-polygon").click()
    assert pagina.locator(".leaflet-draw-tooltip").first.text_content() == "Klik om het eerste hoekpunt te zetten."
    assert pagina.get_by_role("link", name="Annuleren").first.get_attribute("title") == "Tekenen annuleren"
