"""A field the history does not keep never breaks the history page, the log or the dossier export.

The work group's cached readiness (``toets_stand``, ``toets_berekend_op``) is left out of its history;
the export compared every field of the model against the history rows and gave a 500 for every demo
group (issue 20). Here each of the tracked models gets a field its history lacks (simulated: the
model's field list gains a field that is read from its own primary key column, the history model
stays as it is), a record of it is changed after the demo is loaded, and the record's history page,
the log and both export variants still work.

And on the demo as loaded (issue 20, item 3): the log of each demo group and the history page of
every record of every tracked kind render.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.db import models, transaction
from django.test import override_settings
from django.urls import reverse
from django.utils.text import capfirst
from django_scopes import scopes_disabled

from audits.models import Audit
from demo.management.commands.kvo_demo import WACHTWOORD
from kvo import geschiedenis
from kvo.dossier.services import dossier_exporteer
from tests.factories import CertificaatFactory
from werkgroepen.models import Document, Werkgroep

VOORZITTER = "h.dijkstra@parkmanagement-wolvega.example"
VOORZITTERS = {"wolvega": VOORZITTER, "venekoten": "g.wiersma@wiersma-metaal.example"}  # may manage the members
SOORTEN = sorted(geschiedenis.GEVOLGD)
MD5 = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # as tests/conftest.py's per-test settings


def test_alle_gevolgde_modellen():
    assert len(SOORTEN) == 27  # kvo/geschiedenis.py's registry: a new tracked model is covered below too


@pytest.fixture(scope="module")
def demo_module(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo (without the document set) plus a certificate and a document, which the demo lacks,
    in a transaction rolled back after the module; each test nests a savepoint in it."""
    media = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        scopes_disabled(),
        override_settings(MEDIA_ROOT=media, PASSWORD_HASHERS=MD5),
        transaction.atomic(),
    ):
        call_command("kvo_demo", "--zonder-documentenset", stdout=io.StringIO())
        wolvega = Werkgroep.objects.get(slug="wolvega")
        CertificaatFactory(audit=Audit.objects.filter(werkgroep=wolvega).first())
        Document.objects.create(werkgroep=wolvega, titel="Convenant", ref="d-convenant")
        yield media
        transaction.set_rollback(True)


@pytest.fixture
def wolvega(demo_module, db, settings):
    settings.MEDIA_ROOT = demo_module
    with scopes_disabled():
        return Werkgroep.objects.get(slug="wolvega")


def _record(g: geschiedenis.Gevolgd, werkgroep):
    """A record of this kind in ``werkgroep`` (the demo's Wolvega has one of every kind)."""
    with scopes_disabled():
        if not g.pad:
            return werkgroep
        return g.model._base_manager.filter(**{g.pad: werkgroep}).order_by("pk").first()


def _later_veld(model) -> models.Field:
    """A field the model has and its history does not: read from the model's own primary key column
    (so the model's queries still work), absent from the history model's columns."""
    veld = models.IntegerField(null=True)
    veld.set_attributes_from_name("later_toegevoegd")
    veld.column = model._meta.pk.column
    veld.model = model
    return veld


@pytest.mark.parametrize("soort", SOORTEN)
def test_veld_buiten_de_geschiedenis_breekt_niets(wolvega, client, monkeypatch, soort):
    g = geschiedenis.GEVOLGD[soort]
    obj = _record(g, wolvega)
    assert obj is not None, f"de demo heeft geen {soort} in Wolvega"
    with scopes_disabled():
        obj.save()  # a change after the import: the export compares it with the row before it
    meta = g.model._meta
    monkeypatch.setattr(meta, "concrete_fields", (*meta.concrete_fields, _later_veld(g.model)))
    assert not hasattr(g.historie, "later_toegevoegd")

    regels = geschiedenis.regels(obj)
    assert regels and regels[0].soort == "~"
    export = dossier_exporteer(werkgroep=wolvega)  # the history part is the same in both variants
    assert any(i["record"] == soort and i["wat"] == "gewijzigd" for i in export["x-geschiedenis"])

    assert client.login(email=VOORZITTER, password=WACHTWOORD)
    w = {"werkgroep": wolvega.slug}
    pagina = client.get(reverse("werkgroepen:geschiedenis", kwargs={**w, "soort": soort, "pk": obj.pk}))
    assert pagina.status_code == 200
    assert client.get(reverse("werkgroepen:logboek", kwargs=w)).status_code == 200


def test_werkgroep_met_toets_stand_exporteert(wolvega, client):
    """The real case: the demo group's readiness is recorded (a field its history leaves out) and the
    group is changed afterwards; the export lists the change, without the left-out field."""
    with scopes_disabled():
        wolvega.toets_stand = {"totaal": 54}
        wolvega.naam = "KVO Wolvega"
        wolvega.save()
    export = dossier_exporteer(werkgroep=wolvega)
    laatste = [i for i in export["x-geschiedenis"] if i["record"] == "werkgroep"][-1]
    assert laatste["velden"] == ["naam"]
    assert [r.veranderingen[0].veld for r in geschiedenis.regels(wolvega)[:1]] == ["naam"]
    assert client.login(email=VOORZITTER, password=WACHTWOORD)
    pagina = client.get(
        reverse("werkgroepen:geschiedenis", kwargs={"werkgroep": "wolvega", "soort": "werkgroep", "pk": wolvega.pk})
    )
    assert pagina.status_code == 200 and "KVO Wolvega" in pagina.text
    for variant in ("volledig", "ci"):  # the browser's two downloads
        download = client.get(reverse("audits:export", kwargs={"werkgroep": "wolvega"}), {"variant": variant})
        assert download.status_code == 200
        with zipfile.ZipFile(io.BytesIO(download.content)) as zf:
            assert json.loads(zf.read("dossier.json"))["x-geschiedenis"][-1]["velden"] == ["naam"]


@pytest.mark.parametrize("slug", sorted(VOORZITTERS))
def test_logboek_van_de_demo(wolvega, client, slug):
    assert client.login(email=VOORZITTERS[slug], password=WACHTWOORD)
    pagina = client.get(reverse("werkgroepen:logboek", kwargs={"werkgroep": slug}))
    assert pagina.status_code == 200
    assert 'id="wijzigingen"' in pagina.text
    with scopes_disabled():
        werkgroep = Werkgroep.objects.get(slug=slug)
        soorten = [g for g in geschiedenis.GEVOLGD.values() if g.historie.objects.filter(werkgroep=werkgroep).exists()]
    assert len(soorten) > 10
    for g in soorten:  # every kind of record with history in this group is in the summary
        assert f"<td>{capfirst(geschiedenis.soort_label(g.soort))}</td>" in pagina.text, g.soort


@pytest.mark.parametrize("soort", SOORTEN)
def test_geschiedenis_van_elk_demorecord(wolvega, client, soort):
    """Every record of this kind in either demo group: its history page renders with its creation."""
    g = geschiedenis.GEVOLGD[soort]
    gezien = 0
    for slug, email in sorted(VOORZITTERS.items()):
        with scopes_disabled():
            werkgroep = Werkgroep.objects.get(slug=slug)
            pks = (
                [werkgroep.pk]
                if not g.pad
                else list(
                    g.model._base_manager.filter(**{g.pad: werkgroep}).order_by("pk").values_list("pk", flat=True)
                )
            )
        assert client.login(email=email, password=WACHTWOORD)
        for pk in pks:
            pagina = client.get(
                reverse("werkgroepen:geschiedenis", kwargs={"werkgroep": slug, "soort": soort, "pk": pk})
            )
            assert pagina.status_code == 200, (slug, soort, pk)
            assert "Aangemaakt" in pagina.text, (slug, soort, pk)
        gezien += len(pks)
    assert gezien, f"de demo heeft geen {soort}"
