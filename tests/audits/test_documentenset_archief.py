"""The document set as an archive file (issue 22, "Format and integrity"): PDF/A-3u with XMP
(title, work group, reference date, set number, Dutch), tagged; "Vertrouwelijk" on every page; no
address from the entrepreneurs' register; and the receipt mailed to the certification body on
delivery, with the same SHA-256 the auditor portal shows."""

from __future__ import annotations

import datetime as dt
import re
import smtplib
import subprocess

import pytest
from django.core import mail
from django.urls import reverse

from audits.documentenset import services
from audits.documentenset.tasks import documentenset_ontvangstbewijs_sturen
from audits.models import Audit, Documentenset
from tests.factories import BedrijventerreinFactory, OndernemerFactory
from tests.pdf_archief import controleer_archief_pdf
from werkgroepen.models import Lid, Logregel

VERTROUWELIJK = "Vertrouwelijk — alleen voor de certificatie-instelling"


def _paginas(pdf: bytes) -> list[str]:
    uit = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True)
    return [p for p in uit.stdout.decode().split("\f") if p.strip()]


def _url(naam: str, werkgroep, **kwargs) -> str:
    return reverse(f"audits:{naam}", kwargs={"werkgroep": werkgroep.slug, **kwargs})


def test_set_is_pdfa_getagd_met_metadata_vertrouwelijk_en_zonder_registeradressen(actoren):
    terrein = BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam="De Hoek-Zuid")
    OndernemerFactory(terrein=terrein, naam="Geheim B.V.", adres="Verborgenlaan 77", huisnummer="77", plaats="Ergens")
    pdf = services.set_pdf(
        werkgroep=actoren.werkgroep, cyclus=actoren.cyclus, audit=actoren.audit, datum=dt.date(2026, 11, 3), set_id=42
    )
    k = controleer_archief_pdf(pdf.inhoud, titel=f"Documentenset KVO De Hoek cyclus {actoren.cyclus.nummer}")
    assert k.info["Author"] == "KVO De Hoek"
    assert k.waarde("kvo:werkgroep") == "KVO De Hoek"
    assert k.waarde("kvo:peildatum") == "2026-11-03"
    assert k.waarde("kvo:documentenset") == "42"
    assert k.waarde("kvo:soort") == "documentenset"
    assert "peildatum 3 november 2026" in k.info["Subject"]

    paginas = _paginas(pdf.inhoud)
    assert len(paginas) == pdf.paginas
    zonder = [n for n, tekst in enumerate(paginas, 1) if VERTROUWELIJK not in " ".join(tekst.split())]
    assert not zonder, f"pagina's zonder de vertrouwelijkheidsregel: {zonder}"
    alles = " ".join(" ".join(paginas).split())
    assert "Geheim B.V." not in alles and "Verborgenlaan" not in alles


def test_los_onderdeel_is_ook_archief_pdf_maar_niet_vertrouwelijk_gemerkt(actoren):
    from audits.documentenset.onderdelen import ONDERDELEN

    deel = next(o for o in ONDERDELEN if o.sleutel == "partijen")
    pdf = services.deel_pdf(werkgroep=actoren.werkgroep, cyclus=actoren.cyclus, audit=actoren.audit, onderdeel=deel)
    controleer_archief_pdf(pdf.inhoud, titel="Partijen en leden")
    assert VERTROUWELIJK not in " ".join(" ".join(_paginas(pdf.inhoud)).split())


# --- the receipt on delivery -------------------------------------------------------------------


def _aangeleverd(actoren, als, capture, *, ci_email="audits@ci.example") -> Documentenset:
    contact = Lid.objects.get(werkgroep=actoren.werkgroep, user=actoren.secretaris)
    Audit.objects.filter(pk=actoren.audit.pk).update(
        ci_email=ci_email, certificatie_instelling="Certificatie BV", contactpersoon=contact
    )
    client = als(actoren.voorzitter)
    with capture(execute=True):
        assert client.post(_url("documentenset_maken", actoren.werkgroep)).status_code == 302
    rij = Documentenset.objects.filter(audit=actoren.audit).latest("pk")
    assert rij.status == Documentenset.Status.KLAAR, rij.fout
    mail.outbox.clear()
    with capture(execute=True):
        assert client.post(_url("documentenset_lever_aan", actoren.werkgroep, pk=rij.pk)).status_code == 302
    rij.refresh_from_db()
    return rij


def test_aanleveren_mailt_ontvangstbewijs_met_sha256_en_gegevens(actoren, als, django_capture_on_commit_callbacks):
    rij = _aangeleverd(actoren, als, django_capture_on_commit_callbacks)
    assert rij.aangeleverd_op and rij.sha256
    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.to == ["audits@ci.example"] and bericht.cc == ["secretaris@example.org"]  # the contact person
    assert f"nr. {rij.pk}" in bericht.subject and "KVO De Hoek" in bericht.subject
    tekst = bericht.body
    assert rij.sha256 in tekst
    assert re.search(rf"Aantal pagina's:\s+{rij.paginas}\b", tekst)
    assert re.search(rf"Documentenset:\s+nr\. {rij.pk}\b", tekst)
    peil = rij.peildatum
    assert f"{peil.day} " in tekst and str(peil.year) in tekst
    from django.utils import timezone

    om = timezone.localtime(rij.aangeleverd_om)
    assert f"om {om:%H:%M}" in tekst
    assert "/auditor/" in tekst
    assert rij.ontvangstbewijs_om and rij.ontvangstbewijs_aan == "audits@ci.example"
    assert Logregel.objects.filter(werkgroep=actoren.werkgroep, actie="documentenset.ontvangstbewijs").exists()
    pagina = als(actoren.voorzitter).get(_url("documentenset", actoren.werkgroep))
    assert "gemaild aan audits@ci.example" in pagina.text

    # the auditor portal shows the same hash for the same set
    portaal = als(actoren.auditor).get(reverse("portaal:audit", kwargs={"audit_id": actoren.audit.pk}))
    assert portaal.status_code == 200 and rij.sha256 in portaal.text

    # once: the task run again (a redelivered message) sends nothing
    documentenset_ontvangstbewijs_sturen.apply(
        kwargs={"werkgroep_id": actoren.werkgroep.pk, "documentenset_id": rij.pk}
    )
    assert len(mail.outbox) == 1


def test_zonder_adres_van_de_instelling_geen_mail_wel_een_waarschuwing(
    actoren, als, django_capture_on_commit_callbacks, caplog
):
    rij = _aangeleverd(actoren, als, django_capture_on_commit_callbacks, ci_email="")
    assert rij.aangeleverd_op and not mail.outbox
    assert rij.ontvangstbewijs_om is None
    assert "zonder e-mailadres van de certificatie-instelling" in caplog.text
    pagina = als(actoren.voorzitter).get(_url("documentenset", actoren.werkgroep))
    assert "geen ontvangstbewijs gemaild" in pagina.text


def test_mislukte_verzending_geeft_de_claim_vrij(actoren, als, django_capture_on_commit_callbacks, monkeypatch):
    Audit.objects.filter(pk=actoren.audit.pk).update(ci_email="audits@ci.example")
    rij = _aangeleverd(actoren, als, django_capture_on_commit_callbacks)
    Documentenset.objects.filter(pk=rij.pk).update(ontvangstbewijs_om=None, ontvangstbewijs_aan="")
    mail.outbox.clear()

    def stuk(self, berichten):
        raise smtplib.SMTPServerDisconnected("weg")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", stuk)
    with pytest.raises(smtplib.SMTPServerDisconnected):
        services.documentenset_verstuur_ontvangstbewijs(documentenset=rij)
    rij.refresh_from_db()
    assert rij.ontvangstbewijs_om is None  # free for the retry
    monkeypatch.undo()
    assert services.documentenset_verstuur_ontvangstbewijs(documentenset=rij) is True
    assert len(mail.outbox) == 1


def test_aanvraagformulier_legt_het_adres_van_de_instelling_vast(actoren, als):
    client = als(actoren.secretaris)
    antwoord = client.post(
        _url("audit", actoren.werkgroep),
        {"certificatie_instelling": "Certificatie BV", "ci_email": "audits@ci.example", "geplande_uren": "8"},
    )
    assert antwoord.status_code == 302, antwoord.text[:2000]
    assert Audit.objects.get(pk=actoren.audit.pk).ci_email == "audits@ci.example"


def test_adres_van_de_instelling_gaat_mee_in_het_dossier_maar_niet_naar_de_instelling(db):
    import copy

    from kvo.dossier import DossierFout
    from kvo.dossier.services import dossier_exporteer, dossier_importeer
    from tests.dossier.conftest import MINI

    dossier = copy.deepcopy(MINI)
    dossier["cycli"][0]["audit"] = {"certificatie_instelling": {"naam": "Kiwa", "x-email": "audits@kiwa.example"}}
    werkgroep = dossier_importeer(actor=None, dossier=copy.deepcopy(dossier))
    assert Audit.objects.get(werkgroep=werkgroep).ci_email == "audits@kiwa.example"
    assert dossier_exporteer(werkgroep=werkgroep) == dossier
    assert "audits@kiwa.example" not in str(dossier_exporteer(werkgroep=werkgroep, voor_ci=True))

    dossier["cycli"][0]["audit"]["certificatie_instelling"]["x-email"] = "geen adres"
    with pytest.raises(DossierFout) as fout:
        dossier_importeer(actor=None, dossier=dossier, vervang=True)
    assert any("certificatie_instelling.x-email: geen e-mailadres" in p for p in fout.value.problemen)
