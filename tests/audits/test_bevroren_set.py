"""A frozen set is frozen: the auditor's snapshot is the archive at the moment of delivery (not the
delivery date), and the document set rendered for a reference date holds nothing dated after it."""

from __future__ import annotations

import datetime as dt
import hashlib
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audits.documentenset import services
from audits.models import Documentenset
from werkgroepen.services.documenten import document_upload, document_versie_upload

AMS = ZoneInfo("Europe/Amsterdam")
PDF = b"%PDF-1.4 documentenset"


def _bestand(naam: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, f"%PDF-1.4 {naam}".encode(), content_type="application/pdf")


def _klare_set(audit) -> Documentenset:
    rij = Documentenset(
        audit=audit, status=Documentenset.Status.KLAAR, voortgang=100, sha256=hashlib.sha256(PDF).hexdigest()
    )
    rij.bestand.save("set.pdf", ContentFile(PDF), save=False)
    rij.save()
    return rij


# --- the auditor's snapshot (penetration test, finding 9) -----------------------------------------


def test_document_een_minuut_na_aanlevering_staat_niet_in_het_portaal(actoren, als, time_machine):
    time_machine.move_to(dt.datetime(2026, 5, 1, 9, 0, tzinfo=AMS), tick=False)
    wg, voorzitter = actoren.werkgroep, actoren.voorzitter
    convenant = document_upload(actor=voorzitter, werkgroep=wg, titel="Convenant", bestand=_bestand("c1.pdf"))
    eerste = convenant.versies.get()
    rij = _klare_set(actoren.audit)

    time_machine.move_to(dt.datetime(2026, 5, 1, 10, 0, tzinfo=AMS), tick=False)
    rij = services.documentenset_aanleveren(actor=voorzitter, documentenset=rij)
    assert rij.aangeleverd_op == dt.date(2026, 5, 1)
    assert rij.aangeleverd_om == dt.datetime(2026, 5, 1, 10, 0, tzinfo=AMS)
    assert list(rij.documentversies.all()) == [eerste]

    time_machine.move_to(dt.datetime(2026, 5, 1, 10, 1, tzinfo=AMS), tick=False)  # the same day, a minute later
    later = document_upload(actor=voorzitter, werkgroep=wg, titel="Notulen na aanlevering", bestand=_bestand("n.pdf"))
    tweede = document_versie_upload(actor=voorzitter, document=convenant, bestand=_bestand("c2.pdf"))
    assert tweede.geupload_op == rij.aangeleverd_op  # a date-only comparison would show both

    client = als(actoren.auditor)
    audit = actoren.audit.pk
    html = client.get(reverse("portaal:audit", kwargs={"audit_id": audit})).text
    assert "Convenant" in html and "versie 1" in html
    assert "Notulen na aanlevering" not in html and "versie 2" not in html
    assert "Notulen na aanlevering" not in client.get(reverse("portaal:overzicht")).text

    def download(versie):
        return client.get(reverse("portaal:document", kwargs={"audit_id": audit, "versie_id": versie.pk}))

    assert download(eerste).status_code == 200
    assert download(tweede).status_code == 404
    assert download(later.versies.get()).status_code == 404
