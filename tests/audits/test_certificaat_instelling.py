"""The certificate belongs to the certification body (issue 22): its auditor decides, issues, suspends
and withdraws in the portal; the group never issues one, only uploads a body's own PDF; issuing is
refused with an open deviation or a failing ``certificaat.*`` rule; the PDF is one page; tenancy and
bounded queries on the new pages."""

import datetime as dt
import re
import shutil
import subprocess

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audits import services_certificaat as certificaten
from audits.certificaat_pdf import certificaat_pdf
from audits.models import Audit, AuditorToegang, Certificaat
from kvo import versie
from tests.audits.certificaat_hulp import SLUG, groep, ingelogd, klaar_voor_certificaat, png, portaal, uitgifte
from tests.factories import AfwijkingFactory, AuditFactory, BedrijventerreinFactory, CyclusFactory, UserFactory
from tests.pdf_archief import controleer_archief_pdf
from werkgroepen.models import Logregel


def _logo():
    return SimpleUploadedFile("logo.png", png(), content_type="image/png")


def _uitgeven(client, audit, **extra):
    return client.post(portaal("certificaat_geef_uit", audit), {**uitgifte(**extra), "logo": _logo()})


def _home(client):
    return client.get(reverse("werkgroepen:home", kwargs={"werkgroep": SLUG})).text


@pytest.mark.parametrize("rol", ["voorzitter", "secretaris", "begeleider", "staff", "lid"])
def test_de_werkgroep_geeft_geen_certificaat_uit(actoren, time_machine, rol):
    audit = klaar_voor_certificaat(actoren, time_machine)
    client = ingelogd(actoren.user(rol))
    response = client.post(groep("certificaat"), {**uitgifte(), "certificatie_instelling": "Kiwa"})
    assert response.status_code == 403
    # nor through the portal, which answers 404 without the auditor's grant
    assert _uitgeven(client, audit).status_code == 404
    assert client.post(portaal("certificaat_besluit", audit), {"besluit": "positief"}).status_code == 404
    # nor by calling the service: it checks the grant itself
    with pytest.raises(PermissionDenied):
        certificaten.certificaat_geef_uit(actor=actoren.user(rol), audit=audit, gegevens=uitgifte())
    assert not Certificaat.objects.exists()
    # the old status route of the group is gone
    assert client.post(f"/w/{SLUG}/audit/certificaat/status/", {"actie": "intrekken"}).status_code == 404


def test_auditor_besluit_uitgeven_schorsen_opheffen_intrekken(actoren, time_machine):
    audit = klaar_voor_certificaat(actoren, time_machine, besluit="")
    auditor = ingelogd(actoren.auditor)
    assert auditor.get(portaal("certificaat", audit)).status_code == 200
    r = auditor.post(portaal("certificaat_besluit", audit), {"besluit": "positief", "besluit_op": "2026-12-10"})
    assert r.status_code == 302
    audit.refresh_from_db()
    assert audit.besluit == Audit.Besluit.POSITIEF and audit.besluit_op == dt.date(2026, 12, 10)

    assert _uitgeven(auditor, audit).status_code == 302
    c = Certificaat.objects.get()
    assert c.bron == Certificaat.Bron.INSTELLING and c.vastgelegd_door == actoren.auditor
    assert c.certificatie_instelling == "Certificering Noord B.V." and c.geldig_tot == dt.date(2029, 12, 15)
    assert c.logo.name.endswith(".png") and c.logo.read().startswith(b"\x89PNG")
    assert Logregel.objects.filter(actie="certificaat.uitgegeven", actor=actoren.auditor).exists()

    secretaris = ingelogd(actoren.secretaris)  # the group sees and downloads it
    pagina = secretaris.get(groep("certificaat")).text
    assert "KVO-BT-2026-001" in pagina and "aangeleverd door de werkgroep" not in pagina
    assert "Certificaat vastleggen" not in pagina and "Uitgeven" not in pagina
    pdf = secretaris.get(groep("certificaat_pdf"))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert 'data-testid="keurmerk"' in _home(secretaris)

    assert auditor.post(portaal("certificaat_wijzig_status", audit), {"actie": "schorsen"}).status_code == 302
    assert 'data-testid="keurmerk"' not in _home(secretaris)
    assert "geschorst" in auditor.get(portaal("certificaat", audit)).text
    auditor.post(portaal("certificaat_wijzig_status", audit), {"actie": "opheffen"})
    assert 'data-testid="keurmerk"' in _home(secretaris)
    auditor.post(portaal("certificaat_wijzig_status", audit), {"actie": "intrekken"})
    c.refresh_from_db()
    assert c.ingetrokken_op == dt.date(2026, 12, 20)
    assert 'data-testid="keurmerk"' not in _home(secretaris)
    r = auditor.post(portaal("certificaat_wijzig_status", audit), {"actie": "opheffen"}, follow=True)
    assert "kan niet worden teruggedraaid" in r.text
    # a withdrawn certificate cannot be issued again
    r = _uitgeven(auditor, audit)
    assert r.status_code == 422 and "ingetrokken" in r.text


def test_auditor_van_een_andere_audit_mag_niet(actoren, time_machine):
    audit = klaar_voor_certificaat(actoren, time_machine)
    ander = UserFactory(email="auditor2@example.org")
    client = ingelogd(ander)
    assert client.get(portaal("certificaat", audit)).status_code == 404
    assert _uitgeven(client, audit).status_code == 404
    # an expired grant: 404 as well
    AuditorToegang.objects.filter(user=actoren.auditor).update(geldig_tot=dt.datetime(2026, 12, 19, tzinfo=dt.UTC))
    assert _uitgeven(ingelogd(actoren.auditor), audit).status_code == 404
    assert not Certificaat.objects.exists()


def test_uitgeven_geweigerd_met_open_afwijking(actoren, time_machine):
    audit = klaar_voor_certificaat(actoren, time_machine)
    afwijking = AfwijkingFactory(audit=audit, omschrijving="Notulen van juni ontbreken", vastgesteld_op=audit.datum)
    client = ingelogd(actoren.auditor)
    r = _uitgeven(client, audit)
    assert r.status_code == 422
    assert "Uitgeven geweigerd" in r.text and "nog 1 afwijking open" in r.text and "Notulen van juni" in r.text
    assert not Certificaat.objects.exists()
    assert "Uitgeven kan nu niet" in client.get(portaal("certificaat", audit)).text
    afwijking.aanvulling_op, afwijking.beoordeeld_op = dt.date(2026, 11, 20), dt.date(2026, 12, 1)
    afwijking.save()
    assert _uitgeven(client, audit).status_code == 302
    assert Certificaat.objects.count() == 1


def test_uitgeven_geweigerd_bij_falende_regel_en_niets_bewaard(actoren, time_machine):
    audit = klaar_voor_certificaat(actoren, time_machine)
    actoren.werkgroep.convenant_referentie = ""
    actoren.werkgroep.save()
    client = ingelogd(actoren.auditor)
    r = _uitgeven(client, audit)
    assert r.status_code == 422
    assert "Uitgeven geweigerd" in r.text and "verwijzing naar het convenant" in r.text
    assert not Certificaat.objects.exists()  # rolled back
    assert not Logregel.objects.filter(actie="certificaat.uitgegeven").exists()
    # a cluster named after one of its parks fails certificaat.cluster
    actoren.werkgroep.convenant_referentie = "Convenant 2025"
    actoren.werkgroep.save()
    BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam="Het Veld")
    r = _uitgeven(client, audit, naamstelling="De Hoek")
    assert r.status_code == 422 and "cluster" in r.text.lower()
    assert not Certificaat.objects.exists()
    assert _uitgeven(client, audit, naamstelling="KVO De Hoek (De Hoek, Het Veld)").status_code == 302


def test_uitgeven_geweigerd_zonder_positief_besluit(actoren, time_machine):
    audit = klaar_voor_certificaat(actoren, time_machine, besluit="aanvullingen")
    r = _uitgeven(ingelogd(actoren.auditor), audit)
    assert r.status_code == 422 and "positief besluit" in r.text
    assert not Certificaat.objects.exists()


def test_logo_door_de_uploadcontrole(actoren, time_machine):
    audit = klaar_voor_certificaat(actoren, time_machine)
    client = ingelogd(actoren.auditor)
    nep = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)></svg>", content_type="image/png")
    r = client.post(portaal("certificaat_geef_uit", audit), {**uitgifte(), "logo": nep})
    assert r.status_code == 422 and "geen toegestaan document" in r.text
    pdf = SimpleUploadedFile("logo.png", b"%PDF-1.4 geen logo", content_type="image/png")
    r = client.post(portaal("certificaat_geef_uit", audit), {**uitgifte(), "logo": pdf})
    assert r.status_code == 422 and "PNG- of JPEG" in r.text
    r = client.post(portaal("certificaat_geef_uit", audit), uitgifte())
    assert r.status_code == 422 and "logo" in r.text
    assert not Certificaat.objects.exists()


def test_certificaat_pdf_is_een_pagina(actoren, time_machine):
    audit = klaar_voor_certificaat(actoren, time_machine)
    for naam in ("Het Veld met een lange naam", "Industrieterrein Noordoost", "Zuidelijke Havenzone"):
        BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam=naam)
    lang = (
        "KVO Bedrijventerreinen De Hoek, Het Veld met een lange naam, Industrieterrein Noordoost en "
        "Zuidelijke Havenzone"
    )
    assert _uitgeven(ingelogd(actoren.auditor), audit, naamstelling=lang).status_code == 302
    c = Certificaat.objects.select_related("audit__werkgroep").get()
    inhoud, paginas = certificaat_pdf(c)
    assert paginas == 1 and inhoud.startswith(b"%PDF")
    controleer_archief_pdf(inhoud, titel="certificaat")  # tagged, titled, Dutch, PDF/A (as every PDF)
    if shutil.which("pdfinfo"):  # poppler reads the written file the same
        uit = subprocess.run(["pdfinfo", "-"], input=inhoud, capture_output=True, check=True).stdout.decode()
        assert re.search(r"^Pages:\s+1$", uit, re.M) and "(A4)" in uit
    c.ingetrokken_op = dt.date(2026, 12, 20)  # the withdrawn one with its warning too
    c.save()
    assert certificaat_pdf(c)[1] == 1
    assert ingelogd(actoren.auditor).get(portaal("certificaat_pdf", audit)).status_code == 200


def test_werkgroep_levert_certificaat_van_een_instelling_buiten_de_applicatie_aan(actoren, time_machine):
    audit = klaar_voor_certificaat(actoren, time_machine)
    client = ingelogd(actoren.secretaris)
    assert "Certificaat van de instelling aanleveren" in client.get(groep("certificaat")).text
    gegevens = {"certificatie_instelling": "Kiwa Nederland", "nummer": "K-778", "uitgegeven_op": "2026-12-12",
                "geldig_tot": "2029-12-12", "naamstelling": "KVO De Hoek"}  # fmt: skip
    html = SimpleUploadedFile("certificaat.pdf", b"<html><script>alert(1)</script></html>")
    r = client.post(groep("certificaat_lever_aan"), {**gegevens, "bestand": html})
    assert r.status_code == 422 and "geen toegestaan document" in r.text
    png_bestand = SimpleUploadedFile("certificaat.pdf", png())
    r = client.post(groep("certificaat_lever_aan"), {**gegevens, "bestand": png_bestand})
    assert r.status_code == 422 and "PDF" in r.text
    assert not Certificaat.objects.exists()
    inhoud = b"%PDF-1.4 het certificaat van Kiwa"
    r = client.post(groep("certificaat_lever_aan"), {**gegevens, "bestand": SimpleUploadedFile("k.pdf", inhoud)})
    assert r.status_code == 302
    c = Certificaat.objects.get()
    assert c.bron == Certificaat.Bron.WERKGROEP and c.aangeleverd and c.bestand.name.endswith(".pdf")
    pagina = client.get(groep("certificaat")).text
    assert "aangeleverd door de werkgroep" in pagina and "verificatiepagina" not in pagina
    download = client.get(groep("certificaat_pdf"))
    assert b"".join(download.streaming_content) == inhoud  # the body's own file, never a rendering
    assert download["Content-Type"] == "application/pdf"
    # the body's auditor does not manage an uploaded certificate, and cannot overwrite it
    auditor = ingelogd(actoren.auditor)
    r = auditor.post(portaal("certificaat_wijzig_status", audit), {"actie": "intrekken"}, follow=True)
    assert "aangeleverd" in r.text
    assert _uitgeven(auditor, audit).status_code == 422
    assert Certificaat.objects.get().ingetrokken_op is None
    # a member without the chair's or secretary's role does not upload
    r = ingelogd(actoren.lid).post(
        groep("certificaat_lever_aan"), {**gegevens, "bestand": SimpleUploadedFile("k.pdf", inhoud)}
    )
    assert r.status_code == 403


def test_aanleveren_niet_over_een_uitgegeven_certificaat(actoren, time_machine):
    audit = klaar_voor_certificaat(actoren, time_machine)
    assert _uitgeven(ingelogd(actoren.auditor), audit).status_code == 302
    client = ingelogd(actoren.secretaris)
    assert "Certificaat van de instelling aanleveren" not in client.get(groep("certificaat")).text
    gegevens = {"certificatie_instelling": "Kiwa", "nummer": "K-1", "uitgegeven_op": "2026-12-12",
                "geldig_tot": "2029-12-12", "naamstelling": "KVO De Hoek",
                "bestand": SimpleUploadedFile("k.pdf", b"%PDF-1.4 x")}  # fmt: skip
    r = client.post(groep("certificaat_lever_aan"), gegevens)
    assert r.status_code == 422 and "in de applicatie uitgegeven" in r.text
    assert Certificaat.objects.get().bron == Certificaat.Bron.INSTELLING


def test_certificaat_van_een_andere_werkgroep_is_404(actoren, time_machine):
    audit = klaar_voor_certificaat(actoren, time_machine)
    assert _uitgeven(ingelogd(actoren.auditor), audit).status_code == 302
    vreemde = ingelogd(actoren.vreemde)  # the chair of another work group
    for pad in ("certificaat", "certificaat_pdf"):
        assert vreemde.get(groep(pad)).status_code == 404
    assert vreemde.post(groep("certificaat_lever_aan"), {}).status_code == 404
    for naam in ("certificaat", "certificaat_pdf"):
        assert vreemde.get(portaal(naam, audit)).status_code == 404
    # the auditor of this audit does not reach another group's audit through its id
    andere = AuditFactory(werkgroep=actoren.anderewerkgroep, cyclus=CyclusFactory(werkgroep=actoren.anderewerkgroep))
    auditor = ingelogd(actoren.auditor)
    assert auditor.get(portaal("certificaat", andere)).status_code == 404
    assert auditor.post(portaal("certificaat_wijzig_status", andere), {"actie": "intrekken"}).status_code == 404
    assert Certificaat.objects.get().ingetrokken_op is None


def test_begrensde_queries_op_de_nieuwe_paginas(actoren, time_machine, django_assert_max_num_queries):
    audit = klaar_voor_certificaat(actoren, time_machine)
    auditor = ingelogd(actoren.auditor)
    assert _uitgeven(auditor, audit).status_code == 302
    for i in range(5):  # more parks and deviations do not cost more queries
        BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam=f"Terrein {i}")
        AfwijkingFactory(audit=audit, vastgesteld_op=audit.datum, beoordeeld_op=dt.date(2026, 12, 1),
                         aanvulling_op=dt.date(2026, 11, 20))  # fmt: skip
    c = Certificaat.objects.get()
    secretaris = ingelogd(actoren.secretaris)
    with versie.opnieuw():
        with django_assert_max_num_queries(45):
            assert auditor.get(portaal("certificaat", audit)).status_code == 200
        with django_assert_max_num_queries(40):
            assert secretaris.get(groep("certificaat")).status_code == 200
        with django_assert_max_num_queries(4):
            assert secretaris.get(reverse("certificaat_verificatie", args=[c.publiek_id])).status_code == 200


def test_werkgroep_wijzigt_het_besluit_van_de_instelling_niet(actoren, time_machine):
    audit = klaar_voor_certificaat(actoren, time_machine)
    assert _uitgeven(ingelogd(actoren.auditor), audit).status_code == 302
    client = ingelogd(actoren.secretaris)
    r = client.post(groep("audit_verslag"), {"besluit": "negatief", "besluit_op": "2026-12-18"})
    assert r.status_code == 422 and "alleen haar auditor" in r.text
    audit.refresh_from_db()
    assert audit.besluit == Audit.Besluit.POSITIEF
    # the rest of the record stays the group's
    r = client.post(groep("audit_verslag"), {"besluit": "positief", "besluit_op": "2026-12-10",
                                             "rapport_ontvangen_op": "2026-11-20"})  # fmt: skip
    assert r.status_code == 302
