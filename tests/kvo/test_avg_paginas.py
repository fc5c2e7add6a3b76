"""The AVG pages: the processing register and subject requests for staff only, the public privacy
statement for everyone; every page generated from the registry and with a bounded number of queries."""

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils.html import escape

from kvo import avg
from kvo.avg import VERWIJDERD_LID, VERWIJDERDE_ONDERNEMER
from tests.factories import BedrijventerreinFactory, LidFactory, OndernemerFactory
from werkgroepen.models import Lid, Logregel

pytestmark = pytest.mark.django_db

REGISTER = reverse("beheer:privacy_register")
VERZOEKEN = reverse("beheer:privacy_verzoeken")
EXPORT = reverse("beheer:privacy_export")
WISSEN = reverse("beheer:privacy_wissen")
LID = {"soort": "lid", "email": "lid@example.org"}


@pytest.mark.parametrize("rol", ["lid", "voorzitter", "secretaris", "begeleider", "auditor", "vreemde"])
def test_alleen_beheer(actoren, als, rol):
    client = als(actoren.user(rol))
    assert client.get(REGISTER).status_code == 403
    assert client.get(VERZOEKEN, {"soort": "lid", "email": "lid@example.org"}).status_code == 403
    assert client.post(EXPORT, {"soort": "lid", "email": "lid@example.org"}).status_code == 403
    assert client.get(WISSEN, {"soort": "lid", "email": "lid@example.org"}).status_code == 403
    assert (
        client.post(WISSEN, {"soort": "lid", "email": "lid@example.org", "reden": "x", "bevestigd": "on"}).status_code
        == 403
    )
    assert Logregel.objects.filter(actie__startswith="avg.").count() == 0


def test_zonder_login_naar_het_inloggen(client):
    for antwoord in (client.get(REGISTER), client.get(VERZOEKEN), client.post(EXPORT, {"soort": "lid"})):
        assert antwoord.status_code == 302 and "/accounts/login/" in antwoord["Location"]


def test_register_uit_de_registratie(actoren, als, django_assert_max_num_queries):
    client = als(actoren.staff)
    with django_assert_max_num_queries(8):
        antwoord = client.get(REGISTER)
    assert antwoord.status_code == 200
    for soort in avg.soorten():  # every kind, with its period
        assert escape(soort.naam) in antwoord.text
        assert escape(soort.bewaartermijn) in antwoord.text
    assert 'data-testid="verwerkingsregister"' in antwoord.text


def test_privacyverklaring_openbaar(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        antwoord = client.get(reverse("privacyverklaring"))
    assert antwoord.status_code == 200
    assert antwoord.wsgi_request.path == "/privacy/"
    for soort in avg.soorten():
        assert (escape(soort.naam) in antwoord.text) == soort.openbaar, soort.sleutel
    assert "Ondernemersregister" in antwoord.text and "anoniem" in antwoord.text


def test_lid_zoeken_exporteren_en_wissen_via_de_paginas(actoren, als, django_assert_max_num_queries):
    client = als(actoren.staff)
    with django_assert_max_num_queries(12):
        gevonden = client.get(VERZOEKEN, {"soort": "lid", "email": "LID@example.org"})
    assert gevonden.status_code == 200 and "KVO De Hoek" in gevonden.text
    with django_assert_max_num_queries(60):
        export = client.post(EXPORT, {"soort": "lid", "email": "lid@example.org"})
    assert export.status_code == 200 and export["Content-Type"].startswith("application/json")
    assert "attachment" in export["Content-Disposition"] and "no-store" in export["Cache-Control"]
    inhoud = json.loads(export.content)
    assert inhoud["betrokkene"]["email"] == "lid@example.org"
    assert inhoud["gegevens"]["kvo.accounts"]["gegevens"]["email"] == "lid@example.org"
    assert "voorzitter@example.org" not in export.text  # never another person's data
    # still a member: not erased, with the reason
    pagina = client.get(WISSEN, {"soort": "lid", "email": "lid@example.org"})
    assert pagina.status_code == 200 and "nog lid van KVO De Hoek" in pagina.text
    geweigerd = client.post(WISSEN, {"soort": "lid", "email": "lid@example.org", "reden": "verzoek", "bevestigd": "on"})
    assert geweigerd.status_code == 400 and Lid.objects.filter(email="lid@example.org").exists()
    lid = Lid.objects.get(email="lid@example.org")
    lid.lid_tot = dt.date(2025, 1, 1)
    lid.save()
    zonder = client.post(WISSEN, {"soort": "lid", "email": "lid@example.org", "reden": "verzoek"})
    assert zonder.status_code == 400  # not confirmed
    with django_assert_max_num_queries(120):
        gewist = client.post(
            WISSEN, {"soort": "lid", "email": "lid@example.org", "reden": "verzoek", "bevestigd": "on"}
        )
    assert gewist.status_code == 302
    lid.refresh_from_db()
    assert (lid.naam, lid.email, lid.user_id) == (VERWIJDERD_LID, None, None)
    assert not type(actoren.lid).objects.filter(email="lid@example.org").exists()
    assert Logregel.objects.filter(werkgroep=actoren.werkgroep, actie="avg.gewist").exists()


def test_ondernemer_alleen_binnen_de_gekozen_werkgroep(actoren, als, django_assert_max_num_queries):
    eigen = OndernemerFactory(terrein=BedrijventerreinFactory(werkgroep=actoren.werkgroep), naam="Bakkerij Smit")
    OndernemerFactory(terrein=BedrijventerreinFactory(werkgroep=actoren.anderewerkgroep), naam="Bakkerij Smit Elders")
    if not Lid.objects.filter(pk=eigen.pk).exists():  # a member with the entrepreneur's id (PostgreSQL's
        LidFactory(pk=eigen.pk, werkgroep=actoren.werkgroep)  # sequences differ per table; SQLite's overlap)
    leden = dict(Lid.objects.values_list("pk", "naam"))  # an entrepreneur's id is never read as a member's
    client = als(actoren.staff)
    with django_assert_max_num_queries(12):
        r = client.get(VERZOEKEN, {"soort": "ondernemer", "werkgroep": actoren.werkgroep.pk, "naam": "smit"})
    assert r.status_code == 200 and "Bakkerij Smit" in r.text and "Elders" not in r.text
    # an entrepreneur of another group cannot be named through this group
    assert (
        client.post(
            EXPORT, {"soort": "ondernemer", "werkgroep": actoren.anderewerkgroep.pk, "ondernemer": eigen.pk}
        ).status_code
        == 404
    )
    gewist = client.post(
        WISSEN,
        {
            "soort": "ondernemer",
            "werkgroep": actoren.werkgroep.pk,
            "ondernemer": eigen.pk,
            "reden": "verzoek",
            "bevestigd": "on",
        },
    )
    assert gewist.status_code == 302
    eigen.refresh_from_db()
    assert eigen.naam == VERWIJDERDE_ONDERNEMER
    assert eigen.pk in leden and dict(Lid.objects.values_list("pk", "naam")) == leden


def test_zoekformulier_fouten(actoren, als):
    client = als(actoren.staff)
    r = client.get(VERZOEKEN, {"soort": "ondernemer", "naam": "x"})
    assert r.status_code == 200 and "Kies de werkgroep" in r.text and "ten minste twee letters" in r.text
    assert client.get(WISSEN, {"soort": "lid", "email": "niemand@example.org"}).status_code == 404


def test_beheer_vindt_het_register_vanaf_de_werkgroepenlijst(actoren, als):
    pagina = als(actoren.staff).get(reverse("beheer:werkgroepen_status"))
    assert REGISTER in pagina.text and VERZOEKEN in pagina.text


def test_diensten_alleen_voor_beheer(actoren):
    from django.core.exceptions import PermissionDenied

    from kvo.services_avg import betrokkene_exporteer, betrokkene_wis

    (b,) = avg.zoek_betrokkenen(soort_betrokkene="lid", email="lid@example.org")
    for actor in (actoren.begeleider, actoren.voorzitter, None):
        with pytest.raises(PermissionDenied):
            betrokkene_exporteer(actor=actor, betrokkene=b)
        with pytest.raises(PermissionDenied):
            betrokkene_wis(actor=actor, betrokkene=b, reden="x")
