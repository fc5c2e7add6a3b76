"""Stored HTML in a map label (pen test, issue 19, finding 1): a member names a location after an
element with htmx attributes; when the chair opens a park's edit page, the label must show the
name as text. The old map handed the name to Leaflet's ``bindTooltip`` as HTML, and htmx, which
processes the page after the map is drawn, sent the request in it with the chair's session: the
member became chair."""

import json

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from gebieden.models import AangrenzendeLocatie
from tests.factories import BedrijventerreinFactory
from tests.gebieden.factories import vierkant
from tests.wacht import wacht_tot
from werkgroepen.models import Lid

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sessie(page, live_server, user) -> None:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    sessie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": sessie, "url": live_server.url}])


def _aanval(lid: Lid) -> str:
    """The pen tester's payload: on load, post the member's own record back with the chair role."""
    waarden = {
        "naam": lid.naam,
        "partij": str(lid.partij_id),
        "email": lid.email,
        "lid_sinds": lid.lid_sinds.isoformat() if lid.lid_sinds else "",
        "rollen": "voorzitter",
    }
    pad = reverse("werkgroepen:lid_wijzig", kwargs={"werkgroep": lid.werkgroep.slug, "pk": lid.pk})
    return f'<i hx-post="{pad}" hx-trigger="load" hx-vals=\'{json.dumps(waarden)}\'>x</i>'


def test_een_naam_op_de_kaart_is_tekst_en_geen_html(pagina, live_server, actoren):
    wg = actoren.werkgroep
    lid = Lid.objects.get(werkgroep=wg, user=actoren.lid)
    assert lid.rollen == []
    naam = _aanval(lid)
    assert len(naam) <= 200

    # The member saves the location through the form, as the pen tester did.
    client = Client()
    client.force_login(actoren.lid, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(
        reverse("gebieden:locatie_nieuw", kwargs={"werkgroep": wg.slug}),
        {"naam": naam, "soort": "sportpark", "grens": json.dumps(vierkant(5.125, 52.0))},
    )
    assert response.status_code == 302
    assert AangrenzendeLocatie.objects.get(werkgroep=wg).naam == naam
    terrein = BedrijventerreinFactory(werkgroep=wg, naam="De Hoek", grens=vierkant(5.10, 52.0))

    # The chair opens the park's edit page, whose map shows the location for orientation.
    verzoeken = []
    pagina.on("request", lambda r: verzoeken.append((r.method, r.url)))
    _sessie(pagina, live_server, actoren.voorzitter)
    pagina.goto(f"{live_server.url}/w/{wg.slug}/gebied/terrein/{terrein.pk}/wijzigen/")
    wacht_tot(pagina, "document.querySelectorAll('.kaart-label').length === 1")
    pagina.wait_for_load_state("networkidle")
    pagina.wait_for_timeout(300)  # htmx's "load" trigger would have fired by now

    lid.refresh_from_db()
    assert lid.rollen == []  # the member did not become chair
    assert [v for v in verzoeken if "/leden/" in v[1] or v[0] != "GET"] == []  # no request was made
    label = pagina.locator(".kaart-label")
    assert label.text_content() == naam  # the literal text, tags and all
    assert pagina.locator(".kaart-label *").count() == 0  # no element made from the name
