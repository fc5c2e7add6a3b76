"""Tenancy fails closed: strangers get 404 on every work-group URL, and scoped queries outside a
scope raise instead of leaking."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import ScopeError, scope

from audits.models import AuditorToegang
from gebieden.models import Bedrijventerrein, Ondernemer
from tests import vijandig
from tests.factories import BedrijventerreinFactory, LidFactory, OndernemerFactory
from tests.vijandig import alle_routes
from werkgroepen.models import Lid


def werkgroep_routes():
    """Every URL pattern under /w/<werkgroep>/, as its route text."""
    return [r for r in alle_routes() if r.startswith("w/<slug:werkgroep>/")]


def vul_in(route: str, slug: str) -> str:
    """The route for a work group that does not exist: any id will do, the middleware answers first."""
    import re

    pad = route.replace("<slug:werkgroep>", slug)
    pad = re.sub(r"<id:[a-z_]+>", "1", pad)
    pad = re.sub(r"<(?:str|slug|uuid|path):[a-z_]+>", "x", pad)
    pad = re.sub(r"<[a-z_]+>", "x", pad)
    return "/" + pad.lstrip("^").rstrip("$")


def test_er_zijn_werkgroeproutes():
    assert "w/<slug:werkgroep>/" in werkgroep_routes()


# --- two populated work groups: a 404 must come from tenancy, not from a missing row --------------

# URL numbers that are not rows (a block, a list index, a version): any value of the right kind
GEEN_RIJ = {"blok", "index", "versie"}
KWARG = re.compile(r"(?:([a-z-]+)/)?(v)?<(?:(\w+):)?(\w+)>")
ANDERE = "wolvega-twee"


def _echte_ids(route: str, ids: dict) -> bool:
    """Whether ``vijandig.vul_in`` fills every row id of ``route`` with a real row of the group."""
    for segment, v, conv, naam in KWARG.findall(route):
        if conv != "id" or v or naam in GEEN_RIJ:
            continue
        if naam not in ("terrein", "ondernemer", "locatie") and segment not in ids:
            return False
    return True


@pytest.fixture(scope="module")
def twee_groepen(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo group twice (``wolvega`` and ``wolvega-twee``, every kind of row in each), a chair of
    the first who is not staff, and a stranger who is a member of neither. Rolled back after the module."""
    import json

    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.test import override_settings
    from django_scopes import scopes_disabled

    from demo.fotos import demo_bestanden
    from kvo.dossier.services import dossier_importeer

    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        with scopes_disabled():  # only while building: the module's other tests need the scopes on
            groepen = {}
            for slug in ("wolvega", ANDERE):
                dossier = json.loads((vijandig.DEMO / "wolvega.json").read_text(encoding="utf-8"))
                dossier["werkgroep"]["slug"] = slug
                groepen[slug] = dossier_importeer(actor=None, dossier=dossier, bestanden=demo_bestanden(dossier))
            User = get_user_model()
            voorzitter = User.objects.create_user(email="vz-tenancy@example.org", password="geheim-wachtwoord-123")
            lid = groepen["wolvega"].leden.get(email=vijandig.VOORZITTER)
            lid.user = voorzitter
            lid.save(update_fields=["user"])
            vreemde = User.objects.create_user(email="vreemd-tenancy@example.org", password="geheim-wachtwoord-123")
            wereld = vijandig.Wereld(voorzitter, groepen, {s: vijandig._ids(wg) for s, wg in groepen.items()})
            wereld.vreemde, wereld.media = vreemde, media
        yield wereld
        transaction.set_rollback(True)


def _client(user):
    from django.test import Client

    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def _media_van_de_groepen(settings, twee_groepen):
    settings.MEDIA_ROOT = twee_groepen.media
    settings.RATELIMIT_ENABLE = False


@pytest.mark.django_db
def test_vreemde_krijgt_404_op_elke_werkgroep_url(twee_groepen, _media_van_de_groepen):
    """Every route of the group, filled with the group's own real ids: the rows exist, so a 404 can
    only be the middleware refusing the stranger."""
    client = _client(twee_groepen.vreemde)
    fout = []
    for route in werkgroep_routes():
        pad = vijandig.vul_in(route, twee_groepen, "wolvega")
        for methode in (client.get, client.post):
            if (status := methode(pad).status_code) != 404:
                fout.append(f"{methode.__name__.upper()} {pad}: {status}")
    assert not fout, "\n".join(fout)


@pytest.mark.django_db
def test_ids_van_een_andere_werkgroep_geven_404(twee_groepen, _media_van_de_groepen):
    """The chair of ``wolvega`` asks ``/w/wolvega/…`` with the ids of the other group's rows: 404.
    The same route with the group's own ids answers (not 404), so the 404 is the tenant's fetch
    refusing a row of another group, not a row that does not exist."""
    client = _client(twee_groepen.user)
    eigen_ids, andere_ids = twee_groepen.ids["wolvega"], twee_groepen.ids[ANDERE]
    gecontroleerd, fout = [], []
    for route in werkgroep_routes():
        if "<id:" not in route or not _echte_ids(route, eigen_ids):
            continue
        eigen = vijandig.vul_in(route, twee_groepen, "wolvega")
        twee_groepen.ids["wolvega"] = andere_ids  # the other group's ids under this group's slug
        try:
            vreemd = vijandig.vul_in(route, twee_groepen, "wolvega")
        finally:
            twee_groepen.ids["wolvega"] = eigen_ids
        eigen_status = client.get(eigen).status_code
        if eigen == vreemd or eigen_status == 404:
            continue  # a route whose own page needs another state (e.g. a delivered set): not this test's
        gecontroleerd.append(route)
        # a POST-only action answers GET with 405 before it reads a row: there only the POST tells
        for methode in (client.get, client.post) if eigen_status != 405 else (client.post,):
            if (status := methode(vreemd).status_code) != 404:
                fout.append(f"{methode.__name__.upper()} {vreemd}: {status}")
    assert not fout, "\n".join(fout)
    assert len(gecontroleerd) >= 40, gecontroleerd  # the routes with ids of rows, not a handful


@pytest.mark.parametrize("route", werkgroep_routes())
def test_onbekende_werkgroep_geeft_dezelfde_404(actoren, als, route):
    assert als(actoren.staff).get(vul_in(route, "bestaat-niet")).status_code == 404


def test_anoniem_wordt_naar_inloggen_gestuurd(actoren, client):
    response = client.get(reverse("werkgroepen:home", kwargs={"werkgroep": "de-hoek"}))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("rol", ["lid", "agendalid", "voorzitter", "begeleider", "staff"])
def test_eigen_rollen_zien_de_werkgroep(actoren, als, rol):
    response = als(actoren.user(rol)).get(reverse("werkgroepen:home", kwargs={"werkgroep": "de-hoek"}))
    assert response.status_code == 200
    assert "KVO De Hoek" in response.text


def test_auditor_ziet_de_werkgroeppaginas_niet(actoren, als):
    response = als(actoren.auditor).get(reverse("werkgroepen:home", kwargs={"werkgroep": "de-hoek"}))
    assert response.status_code == 403


def test_oud_lid_verliest_toegang(actoren, als):
    lid = Lid.objects.get(user=actoren.lid)
    lid.lid_tot = timezone.localdate() - dt.timedelta(days=1)
    lid.save()
    assert als(actoren.lid).get("/w/de-hoek/").status_code == 404


def test_verlopen_auditortoegang_geeft_404(actoren, als):
    AuditorToegang.objects.filter(user=actoren.auditor).update(geldig_tot=timezone.now() - dt.timedelta(seconds=1))
    assert als(actoren.auditor).get("/w/de-hoek/").status_code == 404


@pytest.mark.scopes_aan
@pytest.mark.django_db
def test_query_buiten_scope_faalt():
    with pytest.raises(ScopeError):
        list(Lid.objects.all())
    with pytest.raises(ScopeError):
        list(Ondernemer.objects.all())


@pytest.mark.scopes_aan
def test_scope_laat_alleen_eigen_rijen_zien(actoren):
    with scope(werkgroep=actoren.anderewerkgroep):
        OndernemerFactory(terrein=BedrijventerreinFactory(werkgroep=actoren.anderewerkgroep))
        LidFactory(werkgroep=actoren.anderewerkgroep)
    with scope(werkgroep=actoren.werkgroep):
        OndernemerFactory(terrein=BedrijventerreinFactory(werkgroep=actoren.werkgroep))
        assert {t.werkgroep_id for t in Bedrijventerrein.objects.all()} == {actoren.werkgroep.pk}
        assert {o.terrein.werkgroep_id for o in Ondernemer.objects.all()} == {actoren.werkgroep.pk}
        assert all(lid.werkgroep_id == actoren.werkgroep.pk for lid in Lid.objects.all())
