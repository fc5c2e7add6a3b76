"""The builder's pages: who may look and who may compose, tenancy, the htmx partial, no-JS forms,
the frozen survey, and a query count that does not grow with the number of questions."""

import datetime as dt

import pytest
from django.urls import reverse

from analyse.models import Enquete, Vraag
from analyse.services.enquete import BEVROREN, enquete_blok_zet, enquete_maak, vraag_maak
from tests.factories import CyclusFactory

SLUG = "de-hoek"


def url(naam, slug=SLUG, **kwargs):
    return reverse(f"analyse:{naam}", kwargs={"werkgroep": slug, **kwargs})


@pytest.fixture
def enquete(actoren):
    return enquete_maak(actor=None, cyclus=actoren.cyclus)


@pytest.fixture
def vraag(enquete):
    return enquete.vragen.get(ref="b05-1")


def schrijf_urls(vraag):
    """(url, POST data) of every action that changes the survey."""
    return [
        (url("enquete_opzetten"), {}),
        (url("enquete_instellingen"), {"titel": "Gekaapt", "inleiding": ""}),
        (url("enquete_blok", blok=4), {"aan": "1"}),
        (url("enquete_vraag_nieuw"), {"thema": "overlast", "tekst": "Gekaapt?", "type": "open"}),
        (url("enquete_vraag", pk=vraag.pk), {"thema": "overlast", "tekst": "Gekaapt?", "type": "open"}),
        (url("enquete_vraag_verwijder", pk=vraag.pk), {"bevestigd": "1"}),
        (url("enquete_vraag_verplaats", pk=vraag.pk), {"richting": "omlaag"}),
        (url("enquete_thema_nieuw"), {"naam": "Gekaapt"}),
        (url("enquete_thema_verwijder"), {"naam": "Gekaapt", "bevestigd": "1"}),
    ]


def stand(enquete):
    enquete.refresh_from_db()
    return (enquete.titel, list(enquete.blokken), list(enquete.eigen_themas), enquete.vragen.count())


# --- access -------------------------------------------------------------------------------


@pytest.mark.parametrize("rol", ["lid", "agendalid", "voorzitter", "secretaris", "begeleider", "staff"])
def test_iedereen_van_de_werkgroep_mag_kijken(actoren, als, enquete, rol):
    client = als(actoren.user(rol))
    for naam in ("enquete", "enquete_voorbeeld"):
        response = client.get(url(naam))
        assert response.status_code == 200
        assert "Is uw bedrijf de afgelopen 12 maanden slachtoffer geweest" in response.text


def test_auditor_niet(actoren, als, enquete):
    assert als(actoren.auditor).get(url("enquete")).status_code == 403


@pytest.mark.parametrize("rol", ["lid", "agendalid"])
def test_lid_en_agendalid_alleen_lezen(actoren, als, enquete, vraag, rol):
    client = als(actoren.user(rol))
    pagina = client.get(url("enquete")).text
    assert url("enquete_blok", blok=4) not in pagina and "Eigen thema toevoegen" not in pagina
    assert "U kunt de enquête bekijken" in pagina
    voor = stand(enquete)
    for pad, data in schrijf_urls(vraag):
        assert client.post(pad, data).status_code == 403, pad
    assert client.get(url("enquete_vraag", pk=vraag.pk)).status_code == 403
    assert stand(enquete) == voor


@pytest.mark.parametrize("rol", ["voorzitter", "secretaris", "begeleider"])
def test_voorzitter_secretaris_begeleider_mogen_samenstellen(actoren, als, enquete, rol):
    client = als(actoren.user(rol))
    pagina = client.get(url("enquete")).text
    assert url("enquete_blok", blok=4) in pagina and "Eigen thema toevoegen" in pagina
    response = client.post(url("enquete_blok", blok=4), {"aan": "1"})
    assert response.status_code == 302 and response.url == url("enquete") + "#blok-4"
    enquete.refresh_from_db()
    assert 4 in enquete.blokken


def test_vreemde_krijgt_404(actoren, als, enquete, vraag):
    client = als(actoren.vreemde)
    for pad, data in [(url("enquete"), {}), (url("enquete_voorbeeld"), {}), *schrijf_urls(vraag)]:
        assert client.get(pad).status_code == 404, pad
        assert client.post(pad, data).status_code == 404, pad


def test_vreemde_met_eigen_slug_en_onze_vraag_krijgt_404(actoren, als, enquete, vraag):
    """The stranger chairs his own group with its own survey; our question id through his slug must not resolve."""
    eigen_cyclus = CyclusFactory(werkgroep=actoren.anderewerkgroep)
    enquete_maak(actor=None, cyclus=eigen_cyclus)
    client = als(actoren.vreemde)
    slug = actoren.anderewerkgroep.slug
    assert client.get(url("enquete_vraag", slug=slug, pk=vraag.pk)).status_code == 404
    data = {"thema": "overlast", "tekst": "Gekaapt?", "type": "open"}
    assert client.post(url("enquete_vraag", slug=slug, pk=vraag.pk), data).status_code == 404
    assert client.post(url("enquete_vraag_verwijder", slug=slug, pk=vraag.pk), {"bevestigd": "1"}).status_code == 404
    assert (
        client.post(url("enquete_vraag_verplaats", slug=slug, pk=vraag.pk), {"richting": "omlaag"}).status_code == 404
    )
    vraag.refresh_from_db()
    assert vraag.tekst.startswith("Is uw bedrijf")


def test_vraag_van_een_vorige_cyclus_is_hier_niet_te_wijzigen(actoren, als, enquete, vraag):
    CyclusFactory(werkgroep=actoren.werkgroep, nummer=2, start=dt.date(2028, 1, 15))
    client = als(actoren.secretaris)
    assert client.get(url("enquete_vraag", pk=vraag.pk)).status_code == 404


# --- empty states -------------------------------------------------------------------------


def test_geen_enquete_uitleg_en_knop(actoren, als):
    pagina = als(actoren.secretaris).get(url("enquete")).text
    assert "Nog geen enquête voor cyclus 1" in pagina and "Enquête opzetten met de standaardvragen" in pagina
    pagina = als(actoren.lid).get(url("enquete")).text
    assert "Nog geen enquête" in pagina and "Enquête opzetten met de standaardvragen" not in pagina
    assert als(actoren.secretaris).get(url("enquete_voorbeeld")).status_code == 404


def test_geen_cyclus_verwijst_naar_het_starten(actoren, als):
    actoren.cyclus.delete()
    pagina = als(actoren.secretaris).get(url("enquete")).text
    assert "Nog geen cyclus gestart" in pagina
    assert reverse("werkgroepen:home", kwargs={"werkgroep": SLUG}) in pagina
    assert als(actoren.secretaris).post(url("enquete_opzetten")).status_code == 404


def test_opzetten_met_standaardvragen(actoren, als):
    response = als(actoren.secretaris).post(url("enquete_opzetten"))
    assert response.status_code == 302
    enquete = Enquete.objects.get(cyclus=actoren.cyclus)
    assert len(enquete.blokken) == 23 and enquete.vragen.count() > 23
    pagina = als(actoren.secretaris).get(url("enquete")).text
    assert "De enquête is opgezet met 23 blokken" in pagina and "Concept" in pagina


def test_leeg_opzetten(actoren, als):
    als(actoren.secretaris).post(url("enquete_opzetten"), {"leeg": "1"})
    enquete = Enquete.objects.get(cyclus=actoren.cyclus)
    assert enquete.blokken == [] and not enquete.vragen.exists()
    pagina = als(actoren.secretaris).get(url("enquete")).text
    assert 'data-testid="totaal">0<' in pagina


def test_tweede_keer_opzetten_geweigerd(actoren, als, enquete):
    response = als(actoren.secretaris).post(url("enquete_opzetten"), follow=True)
    assert "Cyclus 1 heeft al een enquête" in response.text
    assert Enquete.objects.count() == 1


# --- the builder and htmx -----------------------------------------------------------------


def test_bouwer_toont_stand_en_toets(actoren, als, enquete):
    pagina = als(actoren.secretaris).get(url("enquete")).text
    assert 'data-testid="totaal">20<' in pagina
    assert "20 van minimaal 20 blokken; Sociale veiligheid 2/2" in pagina  # the readiness check's explanation
    assert "2 van minimaal 2 blokken" in pagina and "verplicht" in pagina
    assert pagina.count('class="bouwer-blok ') == 44


def test_htmx_blok_aanvinken_geeft_alleen_het_thema_en_de_stand(actoren, als, enquete):
    response = als(actoren.secretaris).post(url("enquete_blok", blok=4), {"aan": "1"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.text
    assert "<html" not in html and "<nav" not in html
    assert html.lstrip().startswith('<details class="bouwer-thema kaart" id="thema-sociale-veiligheid" open>')
    assert 'id="thema-overlast"' not in html  # only the theme that changed
    assert 'id="bouwer-stand" aria-labelledby="stand-kop" hx-swap-oob="true"' in html
    assert 'id="bouwer-balk" hx-swap-oob="true"' in html
    assert "Blok 4 staat in de enquête, met 2 vragen." in html
    assert "3 van minimaal 2 blokken" in html
    assert "Hebben u of uw medewerkers de afgelopen 12 maanden" in html


def test_htmx_uitvinken_werkt_de_stand_bij(actoren, als, enquete):
    response = als(actoren.secretaris).post(url("enquete_blok", blok=23), {}, headers={"HX-Request": "true"})
    assert "Blok 23 is uit de enquête gehaald; 1 vraag verwijderd." in response.text
    assert "2 van de 3 verplichte open vragen" in response.text  # the check in the side panel, live
    assert 'id="thema-onderhoud-en-beheer"' in response.text


def test_zonder_js_redirect_met_melding(actoren, als, enquete):
    client = als(actoren.secretaris)
    response = client.post(url("enquete_blok", blok=12), {}, follow=True)
    assert response.redirect_chain == [(url("enquete") + "#blok-12", 302)]
    assert "Blok 12 is uit de enquête gehaald; 1 vraag verwijderd." in response.text


def test_aangepast_blok_vraagt_bevestiging_bij_uitvinken(actoren, als, enquete, vraag):
    client = als(actoren.secretaris)
    assert 'data-bevestig="Blok 5' not in client.get(url("enquete")).text
    vraag.tekst = "Anders geformuleerd?"
    vraag.save()
    assert 'data-bevestig="Blok 5 uit de enquête halen?' in client.get(url("enquete")).text


def test_vraag_toevoegen_met_fouten_en_goed(actoren, als, enquete):
    client = als(actoren.secretaris)
    pagina = client.get(url("enquete_vraag_nieuw") + "?blok=24").text
    assert '<option value="24" selected>' in pagina
    data = {"thema": "overlast", "blok": "24", "tekst": "Hoe vaak?", "type": "keuze", "opties": "Vaak"}
    response = client.post(url("enquete_vraag_nieuw"), data)
    assert response.status_code == 200
    assert "Een keuzevraag heeft minstens twee verschillende antwoordopties nodig" in response.text
    data["opties"] = "Vaak\nSoms\nNooit"
    response = client.post(url("enquete_vraag_nieuw"), data)
    nieuw = enquete.vragen.get(tekst="Hoe vaak?")
    assert response.url == url("enquete") + f"#vraag-{nieuw.pk}"
    assert (nieuw.ref, nieuw.blok, nieuw.opties) == ("b24-3", 24, ["Vaak", "Soms", "Nooit"])


def test_vraag_wijzigen(actoren, als, enquete, vraag):
    client = als(actoren.secretaris)
    assert "Is uw bedrijf de afgelopen 12 maanden" in client.get(url("enquete_vraag", pk=vraag.pk)).text
    data = {"thema": "sociale-veiligheid", "blok": "5", "tekst": "Ingebroken?", "type": "ja-nee", "opties": ""}
    assert client.post(url("enquete_vraag", pk=vraag.pk), data).status_code == 302
    vraag.refresh_from_db()
    assert (vraag.tekst, vraag.ref) == ("Ingebroken?", "b05-1")


def test_vraag_verwijderen_zonder_js_vraagt_bevestiging(actoren, als, enquete, vraag):
    client = als(actoren.secretaris)
    response = client.post(url("enquete_vraag_verwijder", pk=vraag.pk))
    assert response.status_code == 200 and "Ja, verwijderen" in response.text
    assert Vraag.objects.filter(pk=vraag.pk).exists()
    response = client.post(url("enquete_vraag_verwijder", pk=vraag.pk), {"bevestigd": "1"})
    assert response.status_code == 302 and not Vraag.objects.filter(pk=vraag.pk).exists()


def test_htmx_vraag_omlaag(actoren, als, enquete, vraag):
    response = als(actoren.secretaris).post(
        url("enquete_vraag_verplaats", pk=vraag.pk), {"richting": "omlaag"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200 and "Vraag omlaag verplaatst." in response.text
    assert list(enquete.vragen.filter(blok=5).order_by("volgorde").values_list("ref", flat=True)) == [
        "b05-2",
        "b05-1",
    ]


def test_eigen_thema_toevoegen_en_verwijderen(actoren, als, enquete):
    client = als(actoren.secretaris)
    response = client.post(url("enquete_thema_nieuw"), {"naam": "Overlast"})
    assert "is al een thema van het handboek" in response.text
    response = client.post(url("enquete_thema_nieuw"), {"naam": "Haven"})
    assert response.url == url("enquete") + "#thema-eigen-1"
    assert 'id="thema-eigen-1"' in client.get(url("enquete")).text
    assert "Ja, verwijderen" in client.post(url("enquete_thema_verwijder"), {"naam": "Haven"}).text
    client.post(url("enquete_thema_verwijder"), {"naam": "Haven", "bevestigd": "1"})
    enquete.refresh_from_db()
    assert enquete.eigen_themas == []


def test_titel_en_inleiding(actoren, als, enquete):
    client = als(actoren.secretaris)
    response = client.post(url("enquete_instellingen"), {"titel": "", "inleiding": ""})
    assert response.status_code == 200 and "Niet opgeslagen" in response.text
    client.post(url("enquete_instellingen"), {"titel": "Veilig De Hoek", "inleiding": "Welkom"})
    assert "Veilig De Hoek" in client.get(url("enquete_voorbeeld")).text


# --- frozen -------------------------------------------------------------------------------


def test_verstuurde_enquete_alleen_lezen(actoren, als, enquete, vraag):
    Enquete.objects.filter(pk=enquete.pk).update(geopend_op=dt.date(2025, 3, 1), gesloten_op=dt.date(2025, 3, 29))
    client = als(actoren.secretaris)
    pagina = client.get(url("enquete")).text
    assert "Verstuurd" in pagina and "op 1 maart 2025" in pagina and "sluit op 29 maart 2025" in pagina
    assert url("enquete_blok", blok=4) not in pagina and "Wijzigen" not in pagina
    voor = stand(enquete)
    response = client.post(url("enquete_blok", blok=4), {"aan": "1"}, follow=True)
    assert BEVROREN in response.text
    response = client.post(url("enquete_blok", blok=4), {"aan": "1"}, headers={"HX-Request": "true"})
    assert response["HX-Refresh"] == "true" and BEVROREN in response.text
    assert BEVROREN in client.get(url("enquete_vraag", pk=vraag.pk), follow=True).text
    assert stand(enquete) == voor


# --- queries ------------------------------------------------------------------------------


def _enquete_met(cyclus, aantal: int):
    enquete = enquete_maak(actor=None, cyclus=cyclus, met_minimum=False)
    enquete_blok_zet(actor=None, enquete=enquete, blok=5, aan=True)
    for i in range(aantal - 2):
        vraag_maak(actor=None, enquete=enquete, thema="overlast", tekst=f"Vraag {i}?", type="ja-nee")
    assert enquete.vragen.count() == aantal
    return enquete


def test_queries_groeien_niet_met_het_aantal_vragen(actoren, als, django_assert_max_num_queries):
    client = als(actoren.secretaris)
    _enquete_met(actoren.cyclus, 5)
    with django_assert_max_num_queries(30) as weinig:
        assert client.get(url("enquete")).status_code == 200
    # The same page with 40 questions: the survey of a second (now current) cycle.
    cyclus2 = CyclusFactory(werkgroep=actoren.werkgroep, nummer=2, start=dt.date(2028, 1, 15))
    _enquete_met(cyclus2, 40)
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        assert client.get(url("enquete")).status_code == 200
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        assert client.get(url("enquete_voorbeeld")).status_code == 200


def test_htmx_antwoord_begrensd(actoren, als, enquete, django_assert_max_num_queries):
    client = als(actoren.secretaris)
    with django_assert_max_num_queries(45):
        antwoord = client.post(url("enquete_blok", blok=4), {"aan": "1"}, headers={"HX-Request": "true"})
    assert antwoord.status_code == 200  # a refusal (403) would be cheap too: the count says nothing then
