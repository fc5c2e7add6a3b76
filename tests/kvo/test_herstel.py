"""Backup and restore (README, "Back-up en herstel"): a work group exported as a .zip dossier and
imported into an empty installation (empty database, empty media) answers the readiness check
exactly as before, and exports the same dossier again."""

import copy
import datetime as dt

import pytest
from django.core.management import call_command
from django_scopes import scopes_disabled

from kvo.dossier.services import dossier_exporteer, dossier_importeer
from kvo.toets import voer_toets_uit
from tests.dossier.conftest import demo_fotos, laad_demo
from werkgroepen.models import Werkgroep

PEILDATUM = dt.date(2026, 11, 25)  # the demo's dates are fixed around this day


def _toets(werkgroep) -> list[tuple]:
    with scopes_disabled():
        return [(r.id, r.status.value, r.uitkomst.toelichting) for r in voer_toets_uit(werkgroep, datum=PEILDATUM)]


@pytest.mark.django_db(transaction=True)
def test_werkgroep_terug_uit_zijn_export_in_een_lege_installatie(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media-oud"
    bron = laad_demo("wolvega")
    with scopes_disabled():
        werkgroep = dossier_importeer(actor=None, dossier=copy.deepcopy(bron), bestanden=demo_fotos(bron))
    voor = _toets(werkgroep)
    export_voor = dossier_exporteer(werkgroep=werkgroep)
    assert any(status == "voldaan" for _id, status, _t in voor)
    zip_pad = tmp_path / "wolvega.zip"
    call_command("kvo_export", werkgroep.slug, "--out", str(zip_pad))
    assert zip_pad.stat().st_size > 10_000  # with the photos

    # an empty installation: nothing in the database, a new, empty media storage
    call_command("flush", interactive=False, verbosity=0)
    assert not Werkgroep.objects.exists()
    settings.MEDIA_ROOT = tmp_path / "media-nieuw"

    call_command("kvo_import", str(zip_pad))
    hersteld = Werkgroep.objects.get(slug=bron["werkgroep"]["slug"])
    assert _toets(hersteld) == voor
    assert dossier_exporteer(werkgroep=hersteld) == export_voor
    with scopes_disabled():
        fotos = [p.foto for s in hersteld.schouwen.all() for p in s.punten.exclude(foto="")]
    assert fotos and all(f.storage.exists(f.name) for f in fotos)
