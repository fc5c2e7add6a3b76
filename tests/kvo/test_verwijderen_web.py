"""Removing an ended work group from ``/beheer/werkgroepen/`` (the web form of ``manage.py kvo_verwijder``):
staff only, the full export first (downloaded from the page), then the reason and the confirmation; the
record keeps the SHA-256 of the downloaded file."""

import datetime as dt
import hashlib

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from audits.models import AuditorToegang
from kvo.models import VerwijderdeWerkgroep
from werkgroepen.models import Lid, Werkgroep

pytestmark = pytest.mark.django_db


def zet_status(werkgroep, status, sinds=None):
    werkgroep.status = status
    werkgroep.status_sinds = sinds or timezone.localdate()
    werkgroep.save(update_fields=["status", "status_sinds"])


def pagina(wg):
    return reverse("beheer:werkgroep_verwijderen", kwargs={"pk": wg.pk})


def download(wg):
    return reverse("beheer:werkgroep_verwijder_export", kwargs={"pk": wg.pk})


@pytest.fixture
def beeindigd(actoren):
    """De Hoek, ended long ago (retention period over) and without auditor access."""
    zet_status(actoren.werkgroep, "beeindigd", sinds=dt.date(2018, 1, 1))
    AuditorToegang.objects.update(geldig_tot=timezone.now() - dt.timedelta(days=1))
    return actoren.werkgroep


def test_staff_verwijdert_na_de_export_met_spoor_van_het_gedownloade_bestand(actoren, als, beeindigd):
    client = als(actoren.staff)
    lijst = client.get(reverse("beheer:werkgroepen_status")).content.decode()
    assert pagina(beeindigd) in lijst  # "Verwijderen" beside the ended group
    assert client.get(pagina(beeindigd)).status_code == 200
    # confirming before the export is refused
    r = client.post(pagina(beeindigd), {"actie": "verwijderen", "reden": "x", "bevestigd": "on"})
    assert r.status_code == 400 and "download eerst de volledige export" in r.content.decode()
    assert client.post(pagina(beeindigd), {"actie": "export"}).status_code == 302
    r = client.get(pagina(beeindigd))
    assert "Stap 2" in r.content.decode() and 'name="reden"' not in r.content.decode()  # not downloaded yet
    antwoord = client.get(download(beeindigd))
    assert antwoord.status_code == 200 and antwoord["Content-Type"] == "application/zip"
    assert "attachment" in antwoord["Content-Disposition"]
    bestand = b"".join(antwoord.streaming_content)
    assert bestand.startswith(b"PK")
    assert 'name="reden"' in client.get(pagina(beeindigd)).content.decode()
    # without the confirmation nothing happens
    r = client.post(pagina(beeindigd), {"actie": "verwijderen", "reden": "Bewaartermijn verstreken"})
    assert r.status_code == 400 and Werkgroep.objects.filter(pk=beeindigd.pk).exists()
    r = client.post(pagina(beeindigd), {"actie": "verwijderen", "reden": "Bewaartermijn verstreken", "bevestigd": "on"})
    assert r.status_code == 302 and r["Location"] == reverse("beheer:werkgroepen_status")
    spoor = VerwijderdeWerkgroep.objects.get()
    assert spoor.export_sha256 == hashlib.sha256(bestand).hexdigest()
    assert (spoor.slug, spoor.reden, spoor.verwijderd_door) == ("de-hoek", "Bewaartermijn verstreken", actoren.staff)
    assert spoor.export_bestandsnaam.startswith("de-hoek-volledige-export-")
    assert not Werkgroep.objects.filter(pk=beeindigd.pk).exists()
    assert not Lid.objects.filter(werkgroep_id=beeindigd.pk).exists()
    assert not default_storage.listdir("verwijderexport")[1]  # the kept export is gone with the group
    assert spoor.export_sha256 in client.get(reverse("beheer:werkgroepen_status")).content.decode()


@pytest.mark.parametrize("rol", ["begeleider", "voorzitter"])
def test_begeleider_en_leden_mogen_niet(actoren, als, beeindigd, rol):
    client = als(actoren.user(rol))
    assert client.get(pagina(beeindigd)).status_code == 403
    assert client.post(pagina(beeindigd), {"actie": "export"}).status_code == 403
    assert client.get(download(beeindigd)).status_code == 403
    r = client.post(pagina(beeindigd), {"actie": "verwijderen", "reden": "x", "op_verzoek": "on", "bevestigd": "on"})
    assert r.status_code == 403
    assert Werkgroep.objects.filter(pk=beeindigd.pk).exists() and not VerwijderdeWerkgroep.objects.exists()


def test_actieve_werkgroep_wordt_geweigerd_met_de_reden(actoren, als):
    client = als(actoren.staff)
    r = client.get(pagina(actoren.werkgroep))
    assert "Beëindig de werkgroep eerst" in r.content.decode() and 'name="actie"' not in r.content.decode()
    for actie in ("export", "verwijderen"):
        r = client.post(
            pagina(actoren.werkgroep), {"actie": actie, "reden": "x", "op_verzoek": "on", "bevestigd": "on"}
        )
        assert r.status_code == 409 and "Beëindig de werkgroep eerst" in r.content.decode()
    assert Werkgroep.objects.filter(pk=actoren.werkgroep.pk).exists() and not VerwijderdeWerkgroep.objects.exists()
    assert pagina(actoren.werkgroep) not in client.get(reverse("beheer:werkgroepen_status")).content.decode()


def test_binnen_de_bewaartermijn_alleen_op_verzoek(actoren, als):
    zet_status(actoren.werkgroep, "beeindigd")
    AuditorToegang.objects.update(geldig_tot=timezone.now() - dt.timedelta(days=1))
    client = als(actoren.staff)
    client.post(pagina(actoren.werkgroep), {"actie": "export"})
    client.get(download(actoren.werkgroep))
    r = client.post(pagina(actoren.werkgroep), {"actie": "verwijderen", "reden": "verzoek", "bevestigd": "on"})
    assert r.status_code == 400 and "bewaartermijn loopt tot" in r.content.decode()
    assert not VerwijderdeWerkgroep.objects.exists()
    r = client.post(
        pagina(actoren.werkgroep),
        {
            "actie": "verwijderen",
            "reden": "Verzoek van de voorzitter, 1 december",
            "op_verzoek": "on",
            "bevestigd": "on",
        },
    )
    assert r.status_code == 302 and VerwijderdeWerkgroep.objects.get().slug == "de-hoek"
