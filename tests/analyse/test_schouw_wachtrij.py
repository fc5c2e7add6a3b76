"""Points sent from the phone's queue (taken without signal, sent when it returns): each is stored
once. The phone gives a point its own id (``client_id``, a UUID); a second post with the same id
answers with the point stored the first time and writes nothing — no point, no photo, no log line.
The id is scoped per inspection, and another work group's inspection stays a 404. The queue asks
for JSON (``Accept: application/json``); the form without JavaScript redirects as it always did.
The service worker and the manifest that make the walk installable are served under the
inspections' URL, so the worker's scope covers them."""

import json
import uuid

import pytest
from django.urls import reverse

from analyse.models import Schouwpunt
from tests.analyse.factories import SchouwFactory
from tests.analyse.test_schouw import jpeg, upload, url
from tests.factories import CyclusFactory
from werkgroepen.models import Logregel

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def schouw(actoren):
    return SchouwFactory(cyclus=actoren.cyclus)


def gegevens(actoren, client_id, **extra):
    return {
        "positief": "0",
        "bevinding": "Lamp kapot bij de entree",
        "actie": "Lamp vervangen",
        "wie": actoren.werkgroep.partijen.first().pk,
        "gereed_voor": "2025-04-30",
        "client_id": str(client_id),
        "foto": upload(jpeg()),
        **extra,
    }


def aantal_fotos(settings):
    return sum(1 for p in settings.MEDIA_ROOT.rglob("*.jpg"))


def test_dezelfde_client_id_twee_keer_uit_de_wachtrij_slaat_een_punt_op(actoren, als, schouw, settings):
    client, id_ = als(actoren.lid), uuid.uuid4()
    eerste = client.post(url("punt_nieuw", pk=schouw.pk), gegevens(actoren, id_), **JSON)
    assert eerste.status_code == 201
    assert json.loads(eerste.content) == {
        "nummer": 1,
        "nieuw": True,
        "url": url("schouw", pk=schouw.pk) + "#punt-1",
    }
    logregels, fotos = Logregel.objects.count(), aantal_fotos(settings)

    tweede = client.post(url("punt_nieuw", pk=schouw.pk), gegevens(actoren, id_), **JSON)
    assert tweede.status_code == 200 and json.loads(tweede.content)["nieuw"] is False
    assert json.loads(tweede.content)["nummer"] == 1
    punt = Schouwpunt.objects.get()
    assert punt.client_id == id_ and punt.nummer == 1
    assert Logregel.objects.count() == logregels and aantal_fotos(settings) == fotos  # nothing written

    ander = client.post(url("punt_nieuw", pk=schouw.pk), gegevens(actoren, uuid.uuid4()), **JSON)
    assert ander.status_code == 201 and json.loads(ander.content)["nummer"] == 2


def test_ook_het_formulier_zonder_json_slaat_een_tweede_post_niet_op(actoren, als, schouw):
    client, id_ = als(actoren.lid), uuid.uuid4()
    eerste = client.post(url("punt_nieuw", pk=schouw.pk), gegevens(actoren, id_))
    assert eerste.status_code == 302 and eerste["Location"].endswith("#punt-1")
    tweede = client.post(url("punt_nieuw", pk=schouw.pk), gegevens(actoren, id_), follow=True)
    assert tweede.redirect_chain[0][1] == 302
    assert "Punt 1 was al opgeslagen" in tweede.text
    assert Schouwpunt.objects.count() == 1


def test_zonder_client_id_werkt_het_formulier_als_altijd(actoren, als, schouw):
    client = als(actoren.lid)
    for _ in range(2):
        antwoord = client.post(url("punt_nieuw", pk=schouw.pk), gegevens(actoren, "", nog_een="1"))
        assert antwoord.status_code == 302 and antwoord["Location"] == url("punt_nieuw", pk=schouw.pk)
    assert list(schouw.punten.values_list("nummer", "client_id")) == [(1, None), (2, None)]
    pagina = client.get(url("punt_nieuw", pk=schouw.pk)).text
    assert 'type="hidden" name="client_id"' in pagina and "data-wachtrij-form" in pagina


def test_een_fout_uit_de_wachtrij_komt_als_json_terug_en_slaat_niets_op(actoren, als, schouw):
    client = als(actoren.lid)
    antwoord = client.post(
        url("punt_nieuw", pk=schouw.pk), gegevens(actoren, uuid.uuid4(), actie="", bevinding=""), **JSON
    )
    assert antwoord.status_code == 422
    fouten = json.loads(antwoord.content)["fouten"]
    assert set(fouten) >= {"bevinding", "actie"} and "Schrijf op wat er moet gebeuren." in fouten["actie"]
    assert not Schouwpunt.objects.exists() and "kvo_schouwfoto" not in client.session


def test_client_id_geldt_per_schouw(actoren, als, schouw):
    client, id_ = als(actoren.lid), uuid.uuid4()
    tweede_schouw = SchouwFactory(cyclus=actoren.cyclus, soort="avond")
    assert client.post(url("punt_nieuw", pk=schouw.pk), gegevens(actoren, id_), **JSON).status_code == 201
    assert client.post(url("punt_nieuw", pk=tweede_schouw.pk), gegevens(actoren, id_), **JSON).status_code == 201
    assert schouw.punten.count() == 1 and tweede_schouw.punten.count() == 1


def test_schouw_van_een_andere_werkgroep_is_404_ook_met_een_bekende_client_id(actoren, als, schouw):
    id_ = uuid.uuid4()
    assert als(actoren.lid).post(url("punt_nieuw", pk=schouw.pk), gegevens(actoren, id_), **JSON).status_code == 201
    vreemde = als(actoren.vreemde)
    # the other group's member, through their own group's URL and through ours: 404, nothing stored
    eigen_url = reverse("analyse:punt_nieuw", kwargs={"werkgroep": "andere-kant", "pk": schouw.pk})
    assert vreemde.post(eigen_url, gegevens(actoren, id_), **JSON).status_code == 404
    assert vreemde.post(url("punt_nieuw", pk=schouw.pk), gegevens(actoren, id_), **JSON).status_code == 404
    assert vreemde.post(url("punt_nieuw", pk=schouw.pk), gegevens(actoren, uuid.uuid4()), **JSON).status_code == 404
    assert Schouwpunt.objects.count() == 1
    # and their own group's inspection does not see our point under the same id
    andere_schouw = SchouwFactory(cyclus=CyclusFactory(werkgroep=actoren.anderewerkgroep))
    assert (
        als(actoren.lid)
        .post(
            reverse("analyse:punt_nieuw", kwargs={"werkgroep": "andere-kant", "pk": andere_schouw.pk}),
            gegevens(actoren, id_),
            **JSON,
        )
        .status_code
        == 404
    )


def test_service_geeft_het_bestaande_punt_terug(actoren, schouw):
    from analyse.services.schouw import punt_bewaar

    id_ = uuid.uuid4()
    velden = {"positief": True, "bevinding": "Mooi", "waarom_tevreden": "Heel", "wat_nodig_was": "Onderhoud"}
    eerste = punt_bewaar(actor=actoren.lid, schouw=schouw, gegevens=velden, foto=upload(jpeg()), client_id=id_)
    tweede = punt_bewaar(actor=actoren.lid, schouw=schouw, gegevens=velden, foto=upload(jpeg()), client_id=id_)
    assert tweede.pk == eerste.pk and Schouwpunt.objects.count() == 1


def test_service_worker_en_manifest_dekken_de_schouwen(actoren, als, schouw):
    client = als(actoren.lid)
    sw = client.get(url("schouw_sw"))
    assert sw.status_code == 200 and sw["Content-Type"].startswith("text/javascript")
    assert sw["Cache-Control"] == "no-cache"
    assert b'addEventListener("fetch"' in sw.getvalue()
    manifest = client.get(url("schouw_manifest"))
    assert manifest["Content-Type"] == "application/manifest+json"
    inhoud = json.loads(manifest.content)
    assert inhoud["scope"] == url("schouwen") == inhoud["start_url"]
    assert url("schouw_sw").startswith(inhoud["scope"])  # served from within its scope
    assert {i["sizes"] for i in inhoud["icons"]} >= {"192x192", "512x512"}
    pagina = client.get(url("schouw", pk=schouw.pk)).text
    assert 'rel="manifest"' in pagina and f'data-sw="{url("schouw_sw")}"' in pagina
    assert als(actoren.vreemde).get(url("schouw_sw")).status_code == 404


def test_twee_gelijktijdige_posts_van_een_punt_geven_het_eerste_terug(actoren, schouw, monkeypatch):
    """Where the row lock does not hold (SQLite), both posts pass the checks and the second insert
    meets the unique (schouw, client_id): it answers with the first point instead of an error."""
    from analyse.services import schouw as services

    id_ = uuid.uuid4()
    velden = {"positief": True, "bevinding": "Mooi", "waarom_tevreden": "Heel", "wat_nodig_was": "Onderhoud"}
    eerste = services.punt_bewaar(actor=actoren.lid, schouw=schouw, gegevens=velden, foto=upload(jpeg()), client_id=id_)
    echt, blind = services.punt_met_client_id, [None, None]  # the two checks before the insert see nothing
    monkeypatch.setattr(services, "punt_met_client_id", lambda s, c: blind.pop() if blind else echt(s, c))
    tweede = services.punt_bewaar(actor=actoren.lid, schouw=schouw, gegevens=velden, foto=upload(jpeg()), client_id=id_)
    assert tweede.pk == eerste.pk and Schouwpunt.objects.count() == 1 and not blind
