"""Error pages in Dutch, in the product's layout: 404 (also what another work group's member sees,
without a word of that group), 403 with the reason, an expired form (CSRF), 400 and 500."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views import defaults

SLUG = "de-hoek"


def test_404_van_een_andere_werkgroep_noemt_die_werkgroep_niet(actoren, als):
    response = als(actoren.vreemde).get(reverse("werkgroepen:home", kwargs={"werkgroep": SLUG}))
    assert response.status_code == 404
    tekst = response.content.decode()
    assert "Pagina niet gevonden" in tekst and 'lang="nl"' in tekst
    assert actoren.werkgroep.naam not in tekst and "Not Found" not in tekst


def test_404_zonder_account(db, client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404 and "Pagina niet gevonden" in response.content.decode()


def test_403_noemt_de_reden(actoren, als):
    response = als(actoren.auditor).get(reverse("analyse:cijfers", kwargs={"werkgroep": SLUG}))
    assert response.status_code == 403
    tekst = response.content.decode()
    assert "Geen toegang" in tekst and "niet de juiste rol in deze werkgroep" in tekst and "Forbidden" not in tekst


def test_verlopen_formulier(actoren):
    client = Client(enforce_csrf_checks=True)
    client.force_login(actoren.secretaris)
    response = client.post(reverse("werkgroepen:communicatie_nieuw", kwargs={"werkgroep": SLUG}), {"onderwerp": "x"})
    assert response.status_code == 403
    tekst = response.content.decode()
    assert "Het formulier is verlopen" in tekst and "Er is niets opgeslagen" in tekst
    assert "CSRF verification" not in tekst


def test_verlopen_formulier_in_de_enquete_wijst_naar_de_persoonlijke_link(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("enquete:insturen"))
    assert response.status_code == 403
    tekst = response.content.decode()
    assert "Het formulier is verlopen" in tekst and "persoonlijke link" in tekst and "Naar het overzicht" not in tekst


@pytest.mark.parametrize(
    ("view", "status", "kop"),
    [
        (defaults.bad_request, 400, "Dit verzoek kon niet worden verwerkt"),
        (defaults.server_error, 500, "Er ging iets mis"),
    ],
)
def test_400_en_500(db, view, status, kop):
    request = RequestFactory().get("/")
    response = view(request, Exception("technisch")) if status == 400 else view(request)
    assert response.status_code == status
    tekst = response.content.decode()
    assert kop in tekst and "technisch" not in tekst and "KVO Werkplaats" in tekst and 'lang="nl"' in tekst


def test_500_ook_als_de_statische_bestanden_ontbreken(db, settings):
    # the 500 page must not need what may have caused the error (here: no staticfiles manifest)
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    settings.STATIC_ROOT = "/bestaat-niet"
    response = defaults.server_error(RequestFactory().get("/"))
    assert response.status_code == 500 and "Er ging iets mis" in response.content.decode()
