"""Hostile input to every form of the product, the entrepreneur's survey and the imports (issue 11).

Generated with hypothesis from the forms as the user gets them (``tests/vijandig.py`` reads every
``<form>`` of every page of three populated work groups): huge strings, wrong types, control
characters, HTML and script, impossible dates, negative and enormous numbers, broken CSV, XLSX,
zip and JSON. Expected for every submission:

- a clean answer, never a 500 (the test client re-raises a view's exception);
- a refused submission (4xx, or the form shown again with its errors) stores nothing: the row
  counts of every model and the row named in the URL are unchanged;
- an accepted one shows what was stored escaped: no ``<script>`` from the input in the page.

Every example runs in a savepoint that is rolled back, so each starts from the same work groups.
The examples are derandomised (a flaky test is a bug); ``KVO_VIJANDIG_VOORBEELDEN`` raises their
number and ``KVO_VIJANDIG_ZOEKEN=1`` explores with fresh random examples.
"""

from __future__ import annotations

import contextlib
import os
from contextlib import contextmanager

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve
from django_scopes import scopes_disabled
from hypothesis import HealthCheck, currently_in_test_context, event, given, settings
from hypothesis import strategies as st

from tests import vijandig
from tests.vijandig import Formulier, Veld, formulieren, rauwe_script, vul_in

pytestmark = pytest.mark.django_db

VOORBEELDEN = int(os.environ.get("KVO_VIJANDIG_VOORBEELDEN", "10"))
PROFIEL = settings(
    max_examples=VOORBEELDEN,
    deadline=None,
    derandomize=os.environ.get("KVO_VIJANDIG_ZOEKEN") != "1",
    database=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
)
# Names that views read from request.POST without a form, for the actions without a page of their own.
LOSSE_NAMEN = (
    "aan", "kwartaal", "richting", "naam", "bevestigd", "leeg", "opnieuw", "actie", "ontvangen", "start",
    "toelichting", "gesloten_op", "herinneringen", "email", "nog_een", "vervangen",
)  # fmt: skip
# Markers of a refused submission in a page that answers 200.
FOUTMARKERING = (
    "veld--fout",
    "foutenlijst",
    "vraag--fout",
    "errorlist",
    "melding--error",
    "cijfers-fouten",
    "enq-fout",
    'aria-invalid="true"',
)
UITKOMSTEN: dict[str, int] = {}  # per test: how the submissions were answered (shown with -s)
# /gezondheid/ answers 500 on purpose when a service is down (with Redis configured and no worker
# running, as here); tests/kvo/test_gezondheid.py covers it. It takes no input.
ROUTES = [
    r for r in vijandig.alle_routes() if (not r.startswith("accounts/") or "logout" not in r) and r != "gezondheid/"
]


# --- the world, once per module ------------------------------------------------------------------


@pytest.fixture(scope="module")
def wereld(django_db_setup, django_db_blocker, tmp_path_factory):
    """The three work groups, in a transaction rolled back after the module; each test nests a
    savepoint in it. Media go to a directory of this module (the photos of the demo)."""
    from django.test import override_settings

    media = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        scopes_disabled(),
        override_settings(MEDIA_ROOT=media, RATELIMIT_ENABLE=False),
        transaction.atomic(),
    ):
        w = vijandig.bevolk()
        w.media = media
        w.pagina = _verken(w)
        yield w
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _media(settings, wereld):
    """Replaces tests/conftest.py's per-test media directory by the module's (where the photos are)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = wereld.media
    settings.RATELIMIT_ENABLE = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def _route_van(pad: str) -> str | None:
    try:
        return resolve(pad.split("?")[0]).route
    except Resolver404:
        return None


def _pad(route: str, w, slug: str) -> str:
    return vul_in(
        route, w, slug, token=w.token if route.startswith("e/") else w.uitnodiging_token, formaat="csv", nummer="1"
    )


def _groepen_voor(route: str) -> tuple[str, ...]:
    """Wolvega for every page; the survey builder also in the draft group, the invitations also in the open one."""
    if "analyse/enquete/uitnodigingen" in route:
        return ("wolvega", "open-enquete")
    if "analyse/enquete/" in route:
        return ("wolvega", "concept")
    return ("wolvega",)


def _paden_voor(route: str, w, groepen: tuple[str, ...] | None = None):
    if route.endswith((".pdf", "pdf/", ".csv", ".xlsx", "foto.jpg")) or "export" in route:
        return  # downloads: no form to read, and a PDF takes seconds to render
    for slug in groepen or _groepen_voor(route):
        if route == "e/stap/<id:nummer>/":  # every step of the survey: each has other question types
            for nummer in range(1, 15):
                yield slug, f"/e/stap/{nummer}/"
        elif route == "begeleiding/start/<id:start>/stap/<id:stap>/":  # every step of "Nieuwe werkgroep"
            for nummer in range(1, 6):
                yield slug, vul_in(route, w, slug, stap=str(nummer))
        else:
            yield slug, _pad(route, w, slug)


def _pvo_pagina(route: str, status: dict) -> bool:
    """A page of the work group that the KVO groups lack (404 in each): a PVO page, read in the PVO group."""
    kvo = [s for (r, _slug), s in status.items() if r == route]
    return route.startswith("w/<slug:werkgroep>/") and bool(kvo) and all(s == 404 for s in kvo)


def _verken(w) -> dict:
    """Every page of the groups, once: its status, and the forms on it by the route they post to. A
    page the KVO groups lack (404) is read in the PVO group instead (``groepen``: where each route was read)."""
    client = Client()
    client.force_login(w.user, backend="django.contrib.auth.backends.ModelBackend")
    client.get(f"/e/{w.token}/")  # the survey session
    pagina = {"status": {}, "formulieren": {}, "groepen": {}}

    def lees(route, groepen) -> list:
        pagina["groepen"][route] = groepen
        gelezen = []
        for slug, pad in _paden_voor(route, w, groepen):
            response = client.get(pad)
            pagina["status"][(route, slug)] = response.status_code
            gelezen.append((pad, response))
        return gelezen

    for route in ROUTES:
        gelezen = lees(route, _groepen_voor(route))
        if _pvo_pagina(route, pagina["status"]):
            gelezen = lees(route, (vijandig.PVO_GROEP,))
        for pad, response in gelezen:
            if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
                continue
            for form in formulieren(response.content.decode()):
                if ("csrfmiddlewaretoken" in form.velden and form.methode == "post") or form.methode == "get":
                    doel = form.actie or pad
                    form.actie = doel
                    doelroute = _route_van(doel)
                    if doelroute and "logout" not in doelroute:
                        form.velden.pop("csrfmiddlewaretoken", None)
                        pagina["formulieren"].setdefault(doelroute, []).append(form)
    return pagina


# --- one submission ---------------------------------------------------------------------------------


@contextmanager
def terugdraaien():
    """Run one example in a savepoint and roll it back, whatever happens."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def _vingerafdruk(pad: str) -> tuple:
    """The rows a failed submission to ``pad`` must not have changed: the work group and the object named in it."""
    from django.apps import apps

    match = resolve(pad.split("?")[0])
    rijen = []
    slug = match.kwargs.get("werkgroep")
    if slug:
        from werkgroepen.models import Werkgroep

        rijen.append(list(Werkgroep.objects.filter(slug=slug).values()))
    segmenten = [s for s in pad.split("/") if s]
    modellen = {m.__name__.lower(): m for m in apps.get_models()}
    for i, deel in enumerate(segmenten[1:], start=1):
        if deel.isdigit():
            model = OBJECT_IN_PAD.get(segmenten[i - 1])
            if model:
                rijen.append(list(modellen[model]._base_manager.filter(pk=int(deel)).values()))
    return tuple(map(str, rijen))


OBJECT_IN_PAD = {
    "leden": "lid",
    "partijen": "partij",
    "bijeenkomsten": "bijeenkomst",
    "communicatie": "communicatie",
    "documenten": "document",
    "terrein": "bedrijventerrein",
    "locatie": "aangrenzendelocatie",
    "ondernemers": "ondernemer",
    "vragen": "vraag",
    "uitnodigingen": "enqueteuitnodiging",
    "cijfers": "cijfer",
    "schouwen": "schouw",
    "punten": "schouwpunt",
    "doelen": "doelstelling",
    "maatregelen": "maatregel",
    "evaluaties": "evaluatie",
    "afwijkingen": "afwijking",
    "start": "werkgroepstart",
    "activiteitenkalender": "activiteit",
    "bijeenkomst": "bijeenkomst",
}


def _geweigerd(response) -> bool:
    """Refused: a 4xx, the form again with its errors, or a redirect with an error message."""
    from django.contrib import messages

    if response.status_code >= 400:
        return True
    if response.status_code in (301, 302, 303) and getattr(response, "wsgi_request", None) is not None:
        opslag = getattr(response.wsgi_request, "_messages", None)
        if opslag is not None and any(m.level >= messages.ERROR for m in getattr(opslag, "_queued_messages", [])):
            return True
    if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
        return False
    html = response.content.decode(errors="replace")
    return any(m in html for m in FOUTMARKERING)


def _gegevens(data, form: Formulier) -> dict:
    """Either every field hostile, or the form filled in as a user would with one or two hostile
    fields (so the hostile value gets past the other fields' checks to the service and the database)."""
    gegevens: dict = {}
    namen = sorted(form.velden)
    overal = data.draw(st.booleans(), label="alle velden vijandig")
    vijandige = set(namen) if overal or not namen else data.draw(st.sets(st.sampled_from(namen), max_size=2))
    for naam in namen:
        veld = form.velden[naam]
        if naam not in vijandige:
            waarde = vijandig.redelijk(veld)
        elif data.draw(st.integers(0, 5), label=f"{naam} weglaten") == 0:
            continue  # a field left out altogether (a forged or truncated request)
        else:
            waarde = data.draw(vijandig.waarde(veld), label=naam)
        if veld.soort == "file":
            naam, inhoud = waarde
            gegevens[veld.naam] = SimpleUploadedFile(naam or "x", inhoud)
        elif veld.soort == "checkbox" and not veld.meervoudig:
            if waarde:
                gegevens[veld.naam] = waarde
        else:
            gegevens[veld.naam] = waarde
    if form.knoppen and data.draw(st.booleans(), label="knop"):
        naam, waarde = data.draw(st.sampled_from(form.knoppen), label="welke knop")
        gegevens[naam] = waarde
    extra = data.draw(
        st.dictionaries(st.sampled_from(LOSSE_NAMEN) | st.text(max_size=10), vijandig.tekst(), max_size=2)
    )
    for naam, waarde in extra.items():
        gegevens.setdefault(naam, waarde)
    return gegevens


def _stuur(client, form: Formulier, gegevens: dict):
    if form.methode == "get":
        platte = {k: v for k, v in gegevens.items() if not isinstance(v, SimpleUploadedFile)}
        return client.get(form.actie.split("?")[0], platte)
    return client.post(form.actie, gegevens)


def _controleer(client, form: Formulier, gegevens: dict, w):
    """Submit once and check the three promises."""
    tellingen = vijandig.model_tellingen()
    afdruk = _vingerafdruk(form.actie)
    try:
        response = _stuur(client, form, gegevens)
    except Exception as fout:  # the view raised: in production a 500
        raise AssertionError(f"500 op {form.methode.upper()} {form.actie}: {fout!r}") from fout
    assert response.status_code < 500, f"{response.status_code} op {form.actie}"
    uitkomst = f"{response.status_code} {'geweigerd' if _geweigerd(response) else 'aanvaard'}"
    if currently_in_test_context():
        event(uitkomst)
    UITKOMSTEN[uitkomst] = UITKOMSTEN.get(uitkomst, 0) + 1
    if _geweigerd(response):
        assert vijandig.model_tellingen() == tellingen, f"half opgeslagen na een geweigerde invoer op {form.actie}"
        assert _vingerafdruk(form.actie) == afdruk, f"gewijzigd na een geweigerde invoer op {form.actie}"
        return response
    pagina = response
    met_script = any(isinstance(v, str) and "kvo-xss" in v for v in gegevens.values())
    if met_script and response.status_code in (301, 302, 303) and response["Location"].startswith("/"):
        pagina = client.get(response["Location"])
        assert pagina.status_code < 500
    for r in (response, pagina):
        if r.get("Content-Type", "").startswith("text/html"):
            html = r.content.decode(errors="replace")
            assert not (stuk := rauwe_script(html)), f"script uit de invoer onge-escaped na {form.actie}: {stuk!r}"
    return response


# --- the tests ----------------------------------------------------------------------------------------


def test_elke_formulierpagina_is_gevonden(wereld):
    """The crawl found the forms this test is about: a page that lost its form would go unnoticed."""
    routes = set(wereld.pagina["formulieren"])
    for verwacht in (
        "w/<slug:werkgroep>/bijeenkomsten/nieuw/",
        "w/<slug:werkgroep>/leden/<id:pk>/",
        "w/<slug:werkgroep>/afspraken/wijzigen/",
        "w/<slug:werkgroep>/gebied/terrein/<id:terrein>/ondernemers/importeren/",
        "w/<slug:werkgroep>/analyse/cijfers/importeren/",
        "w/<slug:werkgroep>/analyse/enquete/vragen/nieuw/",
        "w/<slug:werkgroep>/analyse/enquete/instellingen/",
        "w/<slug:werkgroep>/analyse/enquete/uitnodigingen/planning/",
        "w/<slug:werkgroep>/analyse/conclusie/",
        "w/<slug:werkgroep>/analyse/schouwen/<id:pk>/punten/nieuw/",
        "w/<slug:werkgroep>/aanpak/maatregelen/<id:pk>/wijzigen/",
        "w/<slug:werkgroep>/aanpak/maatregelen/<id:pk>/kwartaal/",
        "w/<slug:werkgroep>/aanpak/evaluaties/nieuw/",
        "w/<slug:werkgroep>/audit/",
        "w/<slug:werkgroep>/audit/toets/",
        "e/stap/<id:nummer>/",
        "begeleiding/start/<id:start>/stap/<id:stap>/",
        "beheer/import/",
        "beheer/organisaties/<id:pk>/",
        # PVO's pages, read in the PVO group
        "w/<slug:werkgroep>/aanpak/herijking/",
        "w/<slug:werkgroep>/aanpak/activiteitenkalender/",
        "w/<slug:werkgroep>/aanpak/activiteitenkalender/<id:pk>/",
        "w/<slug:werkgroep>/aanpak/per-partij/rolverdeling/",
        "w/<slug:werkgroep>/analyse/gebiedsscan/",
        "w/<slug:werkgroep>/analyse/enquete/brief/",
        "w/<slug:werkgroep>/audit/waardering/",
        "w/<slug:werkgroep>/gebied/terrein/<id:terrein>/postcodes/",
        "w/<slug:werkgroep>/regeling/kvo/",
        "w/<slug:werkgroep>/samenwerking/",
        "w/<slug:werkgroep>/samenwerking/bijeenkomst/<id:pk>/organisator/",
    ):
        assert verwacht in routes, verwacht
    assert not [k for k, s in wereld.pagina["status"].items() if s >= 500]


def _formulieren_van(wereld, route) -> list[Formulier]:
    return wereld.pagina["formulieren"].get(route, [])


def _blinde_formulieren(wereld, route) -> list[Formulier]:
    """An action without a form on any page (a POST-only view): post to it with loose names."""
    paden = {_pad(route, wereld, slug) for (r, slug), s in wereld.pagina["status"].items() if r == route and s == 405}
    velden = {n: Veld(n, "text") for n in LOSSE_NAMEN}
    return [Formulier(pad, "post", True, dict(velden)) for pad in sorted(paden)]


def _zonder_formulier(wereld) -> set[str]:
    return {r for r in ROUTES if not (_formulieren_van(wereld, r) or _blinde_formulieren(wereld, r))}


# The routes with neither a form on any page nor a POST-only action (downloads, read-only pages): no
# input but their address, which test_vijandige_waarden_in_het_adres covers. Kept here, not skipped at
# run time, so only routes that run are collected; test_de_routes_zonder_formulier_kloppen holds the
# list to the crawl (a page that gains a form fails it until its route leaves this list).
ZONDER_FORMULIER: set[str] = {
    "",
    "accounts/2fa/",
    "accounts/2fa/authenticate/",
    "accounts/2fa/reauthenticate/",
    "accounts/2fa/recovery-codes/",
    "accounts/2fa/recovery-codes/download/",
    "accounts/2fa/recovery-codes/generate/",
    "accounts/2fa/totp/activate/",
    "accounts/2fa/totp/deactivate/",
    "accounts/^confirm-email/(?P<key>[-:\\w]+)/$",
    "accounts/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
    "accounts/confirm-email/",
    "accounts/inactive/",
    "accounts/login/",
    "accounts/login/code/confirm/",
    "accounts/password/reset/done/",
    "accounts/password/reset/key/done/",
    "accounts/password/set/",
    "accounts/reauthenticate/code/",
    "accounts/reauthenticate/code/confirm/",
    "accounts/signup/",
    "agenda/<str:token>.ics",
    "auditor/",
    "auditor/<id:audit_id>/",
    "auditor/<id:audit_id>/certificaat.pdf",
    "auditor/<id:audit_id>/certificaat/",
    "auditor/<id:audit_id>/documenten/<id:versie_id>/",
    "auditor/<id:audit_id>/documentenset/<id:set_id>.pdf",
    "beheer/werkgroepen/",
    "beheer/werkgroepen/<id:pk>/verwijderen/",
    "beheer/werkgroepen/<id:pk>/verwijderen/export.zip",
    "certificaat/<str:publiek_id>/",
    "e/",
    "e/<str:token>/",
    "e/klaar/",
    "e/versturen/",
    "mail/mailgun/tracking/",
    "uitnodiging/<str:token>/",
    "w/<slug:werkgroep>/",
    "w/<slug:werkgroep>/aanpak/",
    "w/<slug:werkgroep>/aanpak/doelen/",
    "w/<slug:werkgroep>/aanpak/evaluaties/",
    "w/<slug:werkgroep>/aanpak/evaluaties/<id:pk>/",
    "w/<slug:werkgroep>/aanpak/maatregelen/<id:pk>/",
    "w/<slug:werkgroep>/aanpak/matrix/pdf/",
    "w/<slug:werkgroep>/aanpak/mijn-acties/",
    "w/<slug:werkgroep>/aanpak/schouwpunten/",
    "w/<slug:werkgroep>/afspraken/",
    "w/<slug:werkgroep>/analyse/",
    "w/<slug:werkgroep>/analyse/cijfers/cbs/bevestigen/",
    "w/<slug:werkgroep>/analyse/cijfers/importeren/bevestigen/",
    "w/<slug:werkgroep>/analyse/cijfers/mor/bevestigen/",
    "w/<slug:werkgroep>/analyse/cijfers/mor/voorbeeld.csv",
    "w/<slug:werkgroep>/analyse/cijfers/voorbeeld.csv",
    "w/<slug:werkgroep>/analyse/cijfers/voorbeeld.xlsx",
    "w/<slug:werkgroep>/analyse/enquete/",
    "w/<slug:werkgroep>/analyse/enquete/respons/",
    "w/<slug:werkgroep>/analyse/enquete/resultaten/export.<str:formaat>",
    "w/<slug:werkgroep>/analyse/enquete/resultaten/resultaten.pdf",
    "w/<slug:werkgroep>/analyse/enquete/uitnodigingen/",
    "w/<slug:werkgroep>/analyse/enquete/uitnodigingen/status/",
    "w/<slug:werkgroep>/analyse/enquete/voorbeeld/",
    "w/<slug:werkgroep>/analyse/schouwen/",
    "w/<slug:werkgroep>/analyse/schouwen/<id:pk>/",
    "w/<slug:werkgroep>/analyse/schouwen/manifest.webmanifest",
    "w/<slug:werkgroep>/analyse/schouwen/punten/<id:pk>/foto.jpg",
    "w/<slug:werkgroep>/analyse/schouwen/rapport.pdf",
    "w/<slug:werkgroep>/analyse/schouwen/rapport/",
    "w/<slug:werkgroep>/analyse/schouwen/sw.js",
    "w/<slug:werkgroep>/audit/certificaat/",
    "w/<slug:werkgroep>/audit/certificaat/pdf/",
    "w/<slug:werkgroep>/audit/documentenset/",
    "w/<slug:werkgroep>/audit/documentenset/<id:pk>/documentenset.pdf",
    "w/<slug:werkgroep>/audit/documentenset/deel/<slug:sleutel>.pdf",
    "w/<slug:werkgroep>/audit/documentenset/status/",
    "w/<slug:werkgroep>/audit/export/",
    "w/<slug:werkgroep>/bijeenkomsten/",
    "w/<slug:werkgroep>/bijeenkomsten/<id:pk>/",
    "w/<slug:werkgroep>/communicatie/",
    "w/<slug:werkgroep>/documenten/",
    "w/<slug:werkgroep>/documenten/<id:pk>/v<id:versie>/",
    "w/<slug:werkgroep>/gebied/",
    "w/<slug:werkgroep>/gebied/terrein/<id:terrein>/ondernemers/",
    "w/<slug:werkgroep>/gebied/terrein/<id:terrein>/ondernemers/importeren/bevestigen/",
    "w/<slug:werkgroep>/gebied/terrein/<id:terrein>/ondernemers/voorbeeld.csv",
    "w/<slug:werkgroep>/geschiedenis/<slug:soort>/<id:pk>/",
    "w/<slug:werkgroep>/leden/",
    "w/<slug:werkgroep>/logboek/",
    "w/<slug:werkgroep>/rollen/",
    "w/<slug:werkgroep>/wissel/",
    # allauth's social-account routes: the organisation's identity provider answers them, never a form
    # of ours (tests/kvo/test_sso.py sends them the wrong audiences, expired tokens and garbage)
    "accounts/3rdparty/",
    "accounts/3rdparty/login/cancelled/",
    "accounts/3rdparty/login/error/",
    "accounts/3rdparty/signup/",
    "accounts/^saml/(?P<organization_slug>[^/]+)/acs/",
    "accounts/^saml/(?P<organization_slug>[^/]+)/acs/finish/",
    "accounts/^saml/(?P<organization_slug>[^/]+)/login/",
    "accounts/^saml/(?P<organization_slug>[^/]+)/metadata/",
    "accounts/^saml/(?P<organization_slug>[^/]+)/sls/",
    "accounts/oidc/^(?P<provider_id>[^/]+)/login/",
    "accounts/oidc/^(?P<provider_id>[^/]+)/login/callback/",
    "accounts/saml/<str:organization_slug>/acs/finish/",
    "accounts/social/connections/",
    "accounts/social/login/cancelled/",
    "accounts/social/login/error/",
    "accounts/social/signup/",
    # pages the crawl's world reaches without an id or with nothing to submit (privacy requests and
    # the picture's exports and municipality page are tested in test_avg_paginas.py, test_beeld.py and
    # test_beeld_gemeente.py; a work group's move and removal in tests/kvo/test_verwijderen_web.py, see
    # tests/vijandig.py)
    "begeleiding/beeld/export.<str:formaat>",
    "begeleiding/beeld/gemeente/",
    "begeleiding/beeld/terrein/<id:pk>/",
    "begeleiding/maatregelen/",
    "beheer/inloggen/<id:pk>/",
    "beheer/privacy/",
    "beheer/privacy/verzoeken/export/",
    "beheer/privacy/verzoeken/wissen/",
    "beheer/werkgroepen/<id:pk>/verplaatsen/",
    "privacy/",
    "toegankelijkheid/",
    # PVO's pages without a form (read in the PVO group: a KVO group has no such page)
    "w/<slug:werkgroep>/aanpak/per-partij/",
    "w/<slug:werkgroep>/audit/waardering/waardering.pdf",
}


def test_de_routes_zonder_formulier_kloppen(wereld):
    zonder = _zonder_formulier(wereld)
    assert zonder == ZONDER_FORMULIER, (
        f"nieuw zonder formulier: {sorted(zonder - ZONDER_FORMULIER)}; "
        f"heeft nu een formulier: {sorted(ZONDER_FORMULIER - zonder)}"
    )


@pytest.mark.parametrize("route", [r for r in ROUTES if r not in ZONDER_FORMULIER])
def test_vijandige_invoer(wereld, route, client):
    formulieren_ = _formulieren_van(wereld, route) or _blinde_formulieren(wereld, route)
    assert formulieren_, "geen formulier en geen POST-actie: zet de route in ZONDER_FORMULIER"

    @PROFIEL
    @given(data=st.data())
    def probeer(data):
        form = data.draw(st.sampled_from(formulieren_), label="formulier")
        gegevens = _gegevens(data, form)
        with terugdraaien():
            client.force_login(wereld.user, backend="django.contrib.auth.backends.ModelBackend")
            if form.actie.startswith("/e/"):
                client.get(f"/e/{wereld.token}/")
            _controleer(client, form, gegevens, wereld)

    UITKOMSTEN.clear()
    probeer()
    print(route, dict(sorted(UITKOMSTEN.items())))


# --- the imports, file by file -------------------------------------------------------------------------

IMPORTS = {
    "ondernemers": "w/<slug:werkgroep>/gebied/terrein/<id:terrein>/ondernemers/importeren/",
    "cijfers": "w/<slug:werkgroep>/analyse/cijfers/importeren/",
    "dossier": "beheer/import/",
}
# A refusal says what is wrong with the file, in Dutch.
UITLEG = ("bestand", "Bestand", "dossier", "regel", "rij", "kolom", "JSON", "zip", "tabel", "Excel", "CSV")


def _importformulier(wereld, soort) -> Formulier:
    (form,) = wereld.pagina["formulieren"][IMPORTS[soort]][:1]
    return form


@pytest.mark.parametrize("soort", IMPORTS)
def test_kapotte_en_kwaadaardige_bestanden(wereld, client, soort):
    """Every broken or malicious file, to every import: a clean answer, a Dutch reason, nothing stored."""
    form = _importformulier(wereld, soort)
    for naam, inhoud in vijandig.vaste_bestanden():
        with terugdraaien():
            client.force_login(wereld.user, backend="django.contrib.auth.backends.ModelBackend")
            response = _controleer(client, form, {"bestand": SimpleUploadedFile(naam or "x", inhoud)}, wereld)
            if _geweigerd(response):
                html = response.content.decode()
                assert any(w in html for w in UITLEG), (naam, html[:300])


@pytest.mark.parametrize("soort", ["ondernemers", "cijfers"])
def test_te_grote_tabel_krijgt_een_duidelijke_melding(wereld, client, soort):
    from kvo.invoer import MAX_TABEL

    form = _importformulier(wereld, soort)
    client.force_login(wereld.user, backend="django.contrib.auth.backends.ModelBackend")
    with terugdraaien():
        te_groot = SimpleUploadedFile("groot.csv", b"naam\n" + b"a\n" * (MAX_TABEL // 2))
        response = client.post(form.actie, {"bestand": te_groot})
        assert "Het bestand is te groot (5.0 MB); hoogstens 5 MB" in response.content.decode()


def test_te_groot_dossier_krijgt_een_duidelijke_melding(wereld, client, monkeypatch):
    import kvo.views_beheer

    monkeypatch.setattr(kvo.views_beheer, "MAX_BESTAND", 1000)
    client.force_login(wereld.user, backend="django.contrib.auth.backends.ModelBackend")
    with terugdraaien():
        response = client.post("/beheer/import/", {"bestand": SimpleUploadedFile("d.json", b"{" + b" " * 2000 + b"}")})
        assert "Het bestand is te groot" in response.content.decode()


def test_zipbom_wordt_geweigerd(wereld, client, monkeypatch):
    """An XLSX or dossier that unpacks to far more than it weighs is refused before it is unpacked."""
    import kvo.dossier.services
    import kvo.invoer

    monkeypatch.setattr(kvo.invoer, "MAX_UITGEPAKT", 1024 * 1024)
    monkeypatch.setattr(kvo.dossier.services, "MAX_UITGEPAKT", 1024 * 1024)
    nullen = b"\x00" * (2 * 1024 * 1024)
    xlsx = vijandig._zip({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>", "xl/worksheets/s.xml": nullen})
    dossier = vijandig._zip({"dossier.json": b"{}", "media/bom.bin": nullen})
    assert len(xlsx) < 20_000 and len(dossier) < 20_000
    client.force_login(wereld.user, backend="django.contrib.auth.backends.ModelBackend")
    for soort, inhoud, melding in (
        ("ondernemers", xlsx, "uitgepakt te groot"),
        ("cijfers", xlsx, "uitgepakt te groot"),
        ("dossier", dossier, "uitgepakt te groot"),
    ):
        with terugdraaien():
            response = client.post(_importformulier(wereld, soort).actie, {"bestand": SimpleUploadedFile("b", inhoud)})
            assert melding in response.content.decode(), soort


def test_soort_komt_uit_de_inhoud_niet_uit_de_naam(wereld, client):
    """An Excel workbook called .csv is read as Excel; a PDF called .csv is refused by its content."""
    form = _importformulier(wereld, "ondernemers")
    werkmap = vijandig._xlsx([["naam", "postcode"], ["Bakkerij Vijandig", "1234 AB"]])
    client.force_login(wereld.user, backend="django.contrib.auth.backends.ModelBackend")
    with terugdraaien():
        response = client.post(form.actie, {"bestand": SimpleUploadedFile("register.csv", werkmap)})
        assert "Bakkerij Vijandig" in response.content.decode()
        response = client.post(form.actie, {"bestand": SimpleUploadedFile("register.csv", b"%PDF-1.4\n")})
        assert "Dit bestand is geen tabel (de inhoud telt, niet de naam)" in response.content.decode()


# --- stored script is shown escaped, on every page ----------------------------------------------------------


def test_opgeslagen_script_wordt_nergens_uitgevoerd(wereld, client):
    """Fill every form with script in each text field (the rest as a user would), then read every page.

    Nothing here is rolled back until the test ends, so each page shows what all forms stored."""
    client.force_login(wereld.user, backend="django.contrib.auth.backends.ModelBackend")
    client.get(f"/e/{wereld.token}/")
    opgeslagen = 0
    for route, lijst in sorted(wereld.pagina["formulieren"].items()):
        for i, form in enumerate(lijst):
            tekstvelden = [v for v in form.velden.values() if v.soort in ("text", "textarea", "search")]
            if form.methode != "post" or not tekstvelden or "verwijderen" in route or "logout" in route:
                continue
            gegevens = {}
            for veld in form.velden.values():
                waarde = vijandig.redelijk(veld)
                if veld.soort == "file":
                    waarde = SimpleUploadedFile(*waarde)
                gegevens[veld.naam] = waarde
            for j, veld in enumerate(tekstvelden):
                gegevens[veld.naam] = vijandig.XSS[(i + j) % len(vijandig.XSS)]
            response = client.post(form.actie, gegevens)
            assert response.status_code < 500
            opgeslagen += response.status_code in (302, 303)
            if response.get("Content-Type", "").startswith("text/html"):
                assert not (stuk := rauwe_script(response.content.decode())), (form.actie, stuk)
    assert opgeslagen >= 15  # the sweep below reads pages that show what was stored
    for route in ROUTES:
        for _slug, pad in _paden_voor(route, wereld, wereld.pagina["groepen"][route]):
            response = client.get(pad)
            assert response.status_code < 500, pad
            if response.get("Content-Type", "").startswith("text/html"):
                assert not (stuk := rauwe_script(response.content.decode())), (pad, stuk)


# --- hostile values in the address ----------------------------------------------------------------------

SEGMENTEN = ("%00", "99999999999999999999", "-1", "0", "%3Cscript%3E", "a" * 300, "%C0%AF", "..", "%E2%80%AE", "1e9")


@pytest.mark.parametrize("route", [r for r in ROUTES if "<" in r.replace("<slug:werkgroep>", "")])
def test_vijandige_waarden_in_het_adres(wereld, client, route):
    """Every parameter of every address (an id, a token, a format) with hostile text: never a 500."""
    import re

    client.force_login(wereld.user, backend="django.contrib.auth.backends.ModelBackend")
    slug = wereld.pagina["groepen"][route][0]  # a PVO page in the PVO group, where its view runs
    for segment in SEGMENTEN:
        pad = "/" + re.sub(r"<(?:\w+:)?(?!werkgroep>)\w+>", segment, route).replace("<slug:werkgroep>", slug)
        pad = re.sub(r"\^|\$|\(\?P|\)", "", pad)
        for methode in (client.get, client.post):
            with terugdraaien():
                try:
                    response = methode(pad)
                except Exception as fout:
                    raise AssertionError(f"500 op {pad}: {fout!r}") from fout
                assert response.status_code < 500, pad


# --- every model field has bounds --------------------------------------------------------------------


def _grenzen_ontbreken() -> list[str]:
    """Fields of the product's models without an explicit bound (Django's own range check of the
    column does not count: it is not stated to the user and differs between databases)."""
    from django.apps import apps
    from django.core.validators import MaxLengthValidator, MaxValueValidator
    from django.db import models

    ontbreekt = []
    for model in apps.get_models():
        if model._meta.app_label not in vijandig.APPS:
            continue
        for veld in model._meta.concrete_fields:
            naam = f"{model._meta.label}.{veld.name}"
            # Ids are given by the database, never typed; a history row mirrors the id of its original.
            if veld.primary_key or veld.is_relation or veld.name == "id":
                continue
            if isinstance(veld, (models.IntegerField, models.DecimalField, models.FloatField)):
                if not any(isinstance(v, MaxValueValidator) for v in veld._validators):
                    ontbreekt.append(f"{naam}: geen MaxValueValidator")
            elif isinstance(veld, models.TextField):
                if not veld.max_length and not any(isinstance(v, MaxLengthValidator) for v in veld._validators):
                    ontbreekt.append(f"{naam}: TextField zonder max_length of validator")
            elif isinstance(veld, models.CharField) and not veld.max_length:
                ontbreekt.append(f"{naam}: CharField zonder max_length")
    return ontbreekt


def test_elk_modelveld_heeft_een_grens():
    assert _grenzen_ontbreken() == []


def test_de_grenzen_staan_in_het_formulier(wereld):
    """What the pages state: every text input and textarea a maxlength, every number input a min and
    a max, every date picker the product's range (``kvo.invoer``)."""
    from kvo.invoer import LAATSTE, VROEGSTE

    zonder = []
    for route, lijst in wereld.pagina["formulieren"].items():
        if route.startswith(("accounts/", "e/")):  # allauth's forms; the survey's answers are checked on reading
            continue
        for form in lijst:
            if form.methode != "post":
                continue
            for veld in form.velden.values():
                plek = f"{route} {veld.naam}"
                if veld.soort in ("text", "textarea", "email") and not veld.attrs.get("maxlength"):
                    zonder.append(f"{plek}: geen maxlength")
                elif veld.soort == "number" and not (veld.attrs.get("min") and veld.attrs.get("max")):
                    zonder.append(f"{plek}: geen min en max")
                elif veld.soort == "date" and (
                    veld.attrs.get("min") != VROEGSTE.isoformat() or veld.attrs.get("max") != LAATSTE.isoformat()
                ):
                    zonder.append(f"{plek}: datum zonder bereik")
    assert not zonder, "\n".join(sorted(set(zonder)))


# --- what the generator found, kept as plain examples -------------------------------------------------------

GEVONDEN = [
    # (route, values on top of what a user fills in). The first three were a 500 before they were fixed:
    ("w/<slug:werkgroep>/aanpak/matrix/", {"partij": vijandig.ENORM}),  # a foreign key lookup overflowed
    ("w/<slug:werkgroep>/gebied/terrein/nieuw/", {"naam": "T", "gemeente": "G", "grens": "[" * 5000 + "]" * 5000}),
    (
        "w/<slug:werkgroep>/gebied/terrein/nieuw/",
        {"naam": "T", "gemeente": "G", "grens": vijandig.SPECIAAL[-1]},  # a 400-digit longitude
    ),
    # Dates at the ends of the calendar, which rules that add years or subtract days must survive:
    # now refused with the product's range (kvo.invoer), before the checks that compute with them.
    ("w/<slug:werkgroep>/bijeenkomsten/nieuw/", {"datum": "9999-12-31"}),
    ("w/<slug:werkgroep>/bijeenkomsten/nieuw/", {"datum": "0001-01-01", "aanwezigen": [vijandig.ENORM]}),
    ("w/<slug:werkgroep>/analyse/cijfers/nieuw/", {"periode_van": "0001-01-01", "periode_tot": "9999-12-31"}),
    ("w/<slug:werkgroep>/aanpak/evaluaties/nieuw/", {"datum": "9999-12-31"}),
    ("w/<slug:werkgroep>/audit/", {"datum": "9999-12-31", "aangevraagd_op": "0001-01-01"}),
    ("w/<slug:werkgroep>/audit/toets/", {"datum": "9999-12-31"}),
    ("w/<slug:werkgroep>/audit/toets/", {"datum": "0001-01-01", "cyclus": vijandig.ENORM}),
]


@pytest.mark.parametrize(("route", "waarden"), GEVONDEN)
def test_gevonden_gevallen(wereld, client, route, waarden):
    client.force_login(wereld.user, backend="django.contrib.auth.backends.ModelBackend")
    for form in _formulieren_van(wereld, route):
        gegevens = {n: vijandig.redelijk(v) for n, v in form.velden.items() if v.soort != "file"}
        with terugdraaien():
            _controleer(client, form, {**gegevens, **waarden}, wereld)


@pytest.mark.parametrize(
    "route", ["w/<slug:werkgroep>/documenten/nieuw/", "w/<slug:werkgroep>/documenten/<id:pk>/nieuwe-versie/"]
)
@pytest.mark.parametrize("naam", ["a" * 300 + ".txt", "<script>alert('kvo-xss')</script>.txt", "nul\x00.txt", ".txt"])
def test_vreemde_bestandsnaam_van_een_document(wereld, client, route, naam):
    client.force_login(wereld.user, backend="django.contrib.auth.backends.ModelBackend")
    (form,) = _formulieren_van(wereld, route)
    gegevens = {n: vijandig.redelijk(v) for n, v in form.velden.items() if v.soort != "file"}
    with terugdraaien():
        response = _controleer(client, form, {**gegevens, "bestand": SimpleUploadedFile(naam, b"notulen\n")}, wereld)
        assert response.status_code in (302, 422, 200)
        documenten = client.get(vul_in("w/<slug:werkgroep>/documenten/", wereld))
        assert not rauwe_script(documenten.content.decode())


def test_nul_teken_in_een_open_antwoord(wereld, client):
    """PostgreSQL refuses U+0000 in text and JSON: the entrepreneur gets a message, not a 500."""
    forms_ = [
        f
        for f in _formulieren_van(wereld, "e/stap/<id:nummer>/")
        if any(v.soort == "textarea" for v in f.velden.values())
    ]
    assert forms_, "geen stap met een open vraag"
    form = forms_[0]
    open_vraag = next(v.naam for v in form.velden.values() if v.soort == "textarea")
    with terugdraaien():
        client.get(f"/e/{wereld.token}/")
        gegevens = {n: vijandig.redelijk(v) for n, v in form.velden.items()}
        response = _controleer(client, form, {**gegevens, open_vraag: "hek\x00open", "richting": "volgende"}, wereld)
        assert response.status_code == 422
        assert "bevat een onleesbaar teken" in response.content.decode()


# --- a dossier with hostile values ----------------------------------------------------------------------


def _bladeren(waarde, pad=()):
    """Every place in a dossier: (path, value), containers included."""
    yield pad, waarde
    if isinstance(waarde, dict):
        for k, v in waarde.items():
            yield from _bladeren(v, (*pad, k))
    elif isinstance(waarde, list):
        for i, v in enumerate(waarde):
            yield from _bladeren(v, (*pad, i))


def _vervang(dossier, pad, nieuw):
    doel = dossier
    for stap in pad[:-1]:
        doel = doel[stap]
    doel[pad[-1]] = nieuw


_DOSSIER: list = []  # the Wolvega dossier, its photos and every place in it, read once
JSON_WAARDEN = st.one_of(
    vijandig.tekst(),
    st.sampled_from([10**20, -(10**20), 2**31, 2**63, -1, 0, 1e308, -1e308, 0.5, True, None, [], {}, [1], {"a": 1}]),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(vijandig.UITERSTE_DATUMS + vijandig.DATUMS),
)


@PROFIEL
@given(data=st.data())
def test_dossier_met_vijandige_waarden(wereld, data):
    """The Wolvega dossier with one to three values replaced by hostile ones: imported, or refused
    with its problems (``DossierFout``), never another error; a refusal stores nothing."""
    import copy
    import json

    from demo.fotos import demo_bestanden
    from kvo.dossier import DossierFout
    from kvo.dossier.services import dossier_importeer, dossier_lees

    if not _DOSSIER:
        basis = json.loads((vijandig.DEMO / "wolvega.json").read_text(encoding="utf-8"))
        basis["werkgroep"]["slug"] = "wolvega-kopie"
        _DOSSIER.extend([basis, demo_bestanden(basis), [p for p, _ in _bladeren(basis) if p]])
    basis, bestanden, paden = _DOSSIER
    dossier = copy.deepcopy(basis)
    for _ in range(data.draw(st.integers(1, 3), label="aantal")):
        pad = data.draw(st.sampled_from(paden), label="plek")
        with contextlib.suppress(KeyError, IndexError, TypeError):  # an earlier replacement removed this place
            _vervang(dossier, pad, data.draw(JSON_WAARDEN, label="waarde"))
    with terugdraaien(), scopes_disabled():
        tellingen = vijandig.model_tellingen()
        try:
            inhoud = json.dumps(dossier, ensure_ascii=False).encode("utf-8", "surrogatepass")
            ingelezen = dossier_lees(inhoud, naam="dossier.json")
            dossier_importeer(actor=wereld.user, dossier=ingelezen.dossier, bestanden=bestanden)
        except DossierFout as fout:
            assert fout.problemen
            assert vijandig.model_tellingen() == tellingen


def test_enorm_id_in_elke_keuzelijst(wereld, client):
    """Every list of rows to choose from (a ModelChoiceField or ModelMultipleChoiceField), given an id
    the database cannot hold: refused with a message (on PostgreSQL too), nothing stored."""
    client.force_login(wereld.user, backend="django.contrib.auth.backends.ModelBackend")
    client.get(f"/e/{wereld.token}/")
    geprobeerd = 0
    for route, lijst in sorted(wereld.pagina["formulieren"].items()):
        for form in lijst:
            if form.methode != "post":
                continue
            for veld in form.velden.values():
                ids = [k for k in veld.keuzes if k.isdigit()]
                if (
                    veld.soort not in ("select", "checkbox", "radio")
                    or not ids
                    or len(ids) != len([k for k in veld.keuzes if k])
                    or len(veld.keuzes) == 1  # a single checkbox: a switch, not a choice of rows
                ):
                    continue
                enorm = (vijandig.ENORM, "-" + vijandig.ENORM, "9223372036854775808")[geprobeerd % 3]
                gegevens = {n: vijandig.redelijk(v) for n, v in form.velden.items() if v.soort != "file"}
                gegevens[veld.naam] = [enorm] if veld.meervoudig else enorm
                with terugdraaien():
                    response = _controleer(client, form, gegevens, wereld)
                    assert _geweigerd(response), f"{route} {veld.naam}={enorm} aanvaard"
                geprobeerd += 1
    assert geprobeerd >= 20


@pytest.mark.parametrize(
    ("route", "veld"),
    [
        ("w/<slug:werkgroep>/bijeenkomsten/nieuw/", "datum"),  # a ModelForm: the model field's bounds
        ("w/<slug:werkgroep>/analyse/schouwen/nieuw/", "datum"),  # a plain form: kvo.invoer.DatumVeld
        ("w/<slug:werkgroep>/audit/afwijkingen/nieuw/", "vastgesteld_op"),
    ],
)
@pytest.mark.parametrize("datum", ["1899-12-31", "2101-01-01", "9999-12-31"])
def test_datum_buiten_het_bereik_krijgt_het_bereik_als_melding(wereld, client, route, veld, datum):
    client.force_login(wereld.user, backend="django.contrib.auth.backends.ModelBackend")
    (form,) = _formulieren_van(wereld, route)
    gegevens = {n: vijandig.redelijk(v) for n, v in form.velden.items() if v.soort != "file"}
    with terugdraaien():
        response = _controleer(client, form, {**gegevens, veld: datum}, wereld)
        assert _geweigerd(response)
        assert "Vul een datum tussen 01-01-1900 en 31-12-2100 in." in response.content.decode()
