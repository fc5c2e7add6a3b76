"""Tenancy fails closed: strangers get 404 on every work-group URL, and scoped queries outside a
scope raise instead of leaking."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import ScopeError, scope

from audits.models import AuditorToegang
from gebieden.models import Bedrijventerrein, Ondernemer
from tests.factories import BedrijventerreinFactory, LidFactory, OndernemerFactory
from tests.vijandig import alle_routes
from werkgroepen.models import Lid


def werkgroep_routes():
    """Every URL pattern under /w/<werkgroep>/, as its route text."""
    return [r for r in alle_routes() if r.startswith("w/<slug:werkgroep>/")]


def vul_in(route: str, slug: str) -> str:
    import re

    pad = route.replace("<slug:werkgroep>", slug)
    pad = re.sub(r"<int:[a-z_]+>", "1", pad)
    pad = re.sub(r"<(?:str|slug|uuid|path):[a-z_]+>", "x", pad)
    pad = re.sub(r"<[a-z_]+>", "x", pad)
    return "/" + pad.lstrip("^").rstrip("$")


def test_er_zijn_werkgroeproutes():
    assert "w/<slug:werkgroep>/" in werkgroep_routes()


@pytest.mark.parametrize("route", werkgroep_routes())
def test_vreemde_krijgt_404_op_elke_werkgroep_url(actoren, als, route):
    client = als(actoren.vreemde)
    for methode in (client.get, client.post):
        assert methode(vul_in(route, actoren.werkgroep.slug)).status_code == 404


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
