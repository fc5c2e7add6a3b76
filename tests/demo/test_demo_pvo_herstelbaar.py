"""Every PVO rule can be fixed where it links to (issue 23): on the demo's PVO group, the URL of each
``pvo.*`` result answers 200 for the chair and holds a form, or a link to a page of the group that
holds one. A rule whose data no page lets the user record fails here."""

import re

from django.contrib.auth import get_user_model
from django.test import Client

from demo.genereer_pvo import SLUG
from kvo.toets import voer_toets_uit
from werkgroepen.models import Werkgroep

VOORZITTER = "b.wolters@wolters-metaal.example"
FORM = re.compile(r'<form\b[^>]*method="post"(?![^>]*action="[^"]*/logout/)[^>]*>', re.I)


# the data a rule needs that only a dedicated form records: it must be on the linked page or one link away
VELDEN = {
    "pvo.enquete": 'name="ondertekenaar"',  # the mayor's letter
    "pvo.gebied": 'name="postcodes"',  # the park's postcodes and house numbers
    "pvo.kickoff": 'value="organisator"',  # who arranged the kick-off
    "pvo.uitvoeringsplan": 'name="rolverdeling"',  # the plan's role division
    "pvo.activiteitenkalender": 'name="communicatie"',  # an activity linked to what took place
    "pvo.waardering": 'name="partij"',  # a signatory per organisation
}


def _heeft_form(html: str, veld: str | None = None) -> bool:
    """A POST form other than the header's log-out button (holding ``veld`` when given)."""
    if veld is not None:
        return veld in html
    return any("logout" not in f and "uitloggen" not in f for f in FORM.findall(html))


def test_elke_pvo_eis_linkt_naar_een_pagina_waar_de_voorzitter_hem_herstelt(demo):
    wg = Werkgroep.objects.get(slug=SLUG)
    client = Client()
    client.force_login(get_user_model().objects.get(email=VOORZITTER))
    resultaten = voer_toets_uit(wg)
    assert len(resultaten) == 16 and all(r.id.startswith("pvo.") for r in resultaten)
    gezien: dict[str, str] = {}
    zonder = []
    for r in resultaten:
        url = r.uitkomst.url
        assert url and url.startswith(f"/w/{SLUG}/"), (r.id, url)
        if url not in gezien:
            response = client.get(url)
            assert response.status_code == 200, (r.id, url, response.status_code)
            gezien[url] = response.text
        html = gezien[url]
        veld = VELDEN.get(r.id)
        if _heeft_form(html, veld):
            continue
        links = [h for h in re.findall(r'href="([^"#?]+)"', html) if h.startswith(f"/w/{SLUG}/") and h != url]
        # a link to a form page of the group ("nieuw", "wijzigen", ...), followed until one has a form
        kandidaten = [h for h in links if re.search(r"/(nieuw|wijzigen|rolverdeling|postcodes|organisator|\d+)/", h)]
        for h in dict.fromkeys(kandidaten + links):
            if h not in gezien:
                antwoord = client.get(h)
                gezien[h] = antwoord.text if antwoord.status_code == 200 else ""
            if _heeft_form(gezien[h], veld):
                break
        else:
            zonder.append((r.id, url))
    assert not zonder, f"Eisen zonder formulier op of vanaf hun pagina: {zonder}"
