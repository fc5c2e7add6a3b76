"""A frozen set is frozen: the auditor's snapshot is the archive at the moment of delivery (not the
delivery date), and the document set rendered for a reference date holds nothing dated after it."""

from __future__ import annotations

import datetime as dt
import hashlib
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

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
    rij = services.documentenset_lever_aan(actor=voorzitter, documentenset=rij)
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
    assert "1 mei 2026 om 10:00" in html  # the moment of delivery, not only its date
    assert "Notulen na aanlevering" not in html and "versie 2" not in html
    assert "Notulen na aanlevering" not in client.get(reverse("portaal:overzicht")).text

    def download(versie):
        return client.get(reverse("portaal:document", kwargs={"audit_id": audit, "versie_id": versie.pk}))

    assert download(eerste).status_code == 200
    assert download(tweede).status_code == 404
    assert download(later.versies.get()).status_code == 404


# --- the set rendered for a reference date holds nothing dated after it (issue 20) ----------------


def _html(actoren, peildatum, **kwargs) -> str:
    from audits.documentenset.onderdelen import Gegevens

    g = Gegevens(actoren.werkgroep, actoren.cyclus, actoren.audit, peildatum, **kwargs)
    return services.set_html(g)


def test_set_voor_een_peildatum_bevat_niets_van_daarna(actoren):
    from aanpak.models import Maatregel
    from tests.aanpak.factories import EvaluatieFactory, MaatregelFactory, PlanFactory, VoortgangFactory
    from tests.analyse.factories import CijferFactory, SchouwFactory, SchouwpuntFactory
    from tests.werkgroepen.factories import BijeenkomstFactory

    wg, cyclus = actoren.werkgroep, actoren.cyclus
    peil = cyclus.start + dt.timedelta(days=200)
    voor, na = peil - dt.timedelta(days=30), peil + dt.timedelta(days=1)
    eerder = BijeenkomstFactory(werkgroep=wg, datum=voor, notulen="Notulen van de eerdere bijeenkomst.")
    BijeenkomstFactory(werkgroep=wg, datum=na, notulen="Notulen van de latere bijeenkomst.")
    maatregel = MaatregelFactory(
        plan=PlanFactory(cyclus=cyclus),
        titel="Camera's bij de poort",
        status=Maatregel.Status.UITGEVOERD,
        uitgevoerd_op=na,
    )
    VoortgangFactory(maatregel=maatregel, datum=voor, tekst="Offertes opgevraagd (eerder).", bijeenkomst=eerder)
    VoortgangFactory(maatregel=maatregel, datum=na, tekst="Camera's geplaatst (later).", bijeenkomst=eerder)
    VoortgangFactory(maatregel=maatregel, datum=na, tekst="Losse notitie van later.")
    EvaluatieFactory(cyclus=cyclus, datum=na, verbeterpunten=["Verbeterpunt van een latere evaluatie."])
    SchouwpuntFactory(schouw=SchouwFactory(cyclus=cyclus, datum=na), bevinding="Bevinding van een latere schouw.")
    CijferFactory(cyclus=cyclus, categorie="Categorie van later", periode_van=voor, periode_tot=na)
    CijferFactory(cyclus=cyclus, categorie="Categorie van eerder", periode_van=voor, periode_tot=voor)

    later = (
        "Notulen van de latere bijeenkomst.",
        "Camera's geplaatst (later).",
        "Losse notitie van later.",
        "Verbeterpunt van een latere evaluatie.",
        "Bevinding van een latere schouw.",
        "Categorie van later",
    )
    html = _html(actoren, peil).replace("&#x27;", "'")
    assert "Notulen van de eerdere bijeenkomst." in html and "Offertes opgevraagd (eerder)." in html
    assert "Categorie van eerder" in html
    for tekst in later:
        assert tekst not in html, tekst
    # the measure carried out after the reference date is shown as planned in this set
    assert "Camera's bij de poort" in html
    assert '<tr class="gepland">' in html and '<tr class="uitgevoerd"' not in html

    vandaag = _html(actoren, na).replace("&#x27;", "'")  # rendered a day later, everything is in it
    for tekst in later:
        assert tekst in vandaag, tekst
    assert '<tr class="uitgevoerd">' in vandaag


def test_voorblad_noemt_nummer_peildatum_en_aanlevering(actoren):
    peil = dt.date(2026, 4, 30)
    html = _html(actoren, peil, set_id=4711, aangeleverd_op=dt.date(2026, 5, 1))
    voorblad = html.split('id="deel-inhoud"')[0]
    assert "nr. 4711" in voorblad
    assert "Peildatum" in voorblad and "30 april 2026" in voorblad
    assert "Aangeleverd op" in voorblad and "1 mei 2026" in voorblad
    los = _html(actoren, peil).split('id="deel-inhoud"')[0]  # not yet delivered when made
    assert "nog niet aangeleverd" in los


def test_gerenderde_set_draagt_zijn_nummer_en_peildatum(actoren, als, django_capture_on_commit_callbacks, monkeypatch):
    """The worker renders the row as of the date it was asked for, with the row's id on the cover."""
    gezien = []
    monkeypatch.setattr(services, "pdf_maken", lambda html, **k: (gezien.append(html), (PDF, 1))[1])
    client = als(actoren.lid)
    url = reverse("audits:documentenset_maken", kwargs={"werkgroep": actoren.werkgroep.slug})
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    rij = Documentenset.objects.get(audit=actoren.audit)
    assert rij.status == Documentenset.Status.KLAAR and rij.peildatum == timezone.localdate()
    voorblad = gezien[0].split('id="deel-inhoud"')[0]
    assert f"nr. {rij.pk}" in voorblad and "nog niet aangeleverd" in voorblad


# --- on the demo's history ---------------------------------------------------------------------------


def test_demo_set_op_een_peildatum_midden_in_de_cyclus(demo, monkeypatch):
    import html as html_lib

    from django.template.defaultfilters import date as datum_filter

    from aanpak.models import Evaluatie, Voortgang
    from audits.documentenset.onderdelen import Gegevens
    from audits.models import Audit
    from demo.management.commands.kvo_demo import Command
    from werkgroepen.models import Bijeenkomst, Werkgroep

    wolvega = Werkgroep.objects.get(slug="wolvega")
    audit = Audit.objects.filter(werkgroep=wolvega).select_related("cyclus").first()
    cyclus = audit.cyclus
    bijeenkomsten = list(Bijeenkomst.objects.filter(werkgroep=wolvega).exclude(notulen="").order_by("datum"))
    assert len(bijeenkomsten) >= 4
    peil = bijeenkomsten[len(bijeenkomsten) // 2].datum - dt.timedelta(days=1)

    tekst = html_lib.unescape(services.set_html(Gegevens(wolvega, cyclus, audit, peil)))
    eerder = [b.notulen for b in bijeenkomsten if b.datum <= peil]
    later = [b.notulen for b in bijeenkomsten if b.datum > peil and b.notulen not in eerder]
    assert later and any(n.splitlines()[0] in tekst for n in eerder)
    for notulen in later:
        assert notulen.splitlines()[0] not in tekst, notulen[:60]
    voortgang = Voortgang.objects.filter(maatregel__plan__cyclus=cyclus)
    vroeg = {v.tekst for v in voortgang.filter(datum__lte=peil)}
    for v in voortgang.filter(datum__gt=peil):
        if v.tekst not in vroeg:
            assert v.tekst.splitlines()[0] not in tekst, v.tekst[:60]
    vroege_punten = {p for e in Evaluatie.objects.filter(cyclus=cyclus, datum__lte=peil) for p in e.verbeterpunten}
    for e in Evaluatie.objects.filter(cyclus=cyclus, datum__gt=peil):
        assert f"Gehouden op {datum_filter(e.datum, 'j F Y')}" not in tekst
        for punt in set(e.verbeterpunten) - vroege_punten:
            assert punt not in tekst, punt

    # the demo's delivered set is rendered as of its delivery date, and its cover says so
    gezien = []
    monkeypatch.setattr(services, "pdf_maken", lambda html, **k: (gezien.append(html), (PDF, 1))[1])
    Command(stdout=open("/dev/null", "w"))._aangeleverde_set(wolvega)  # noqa: SIM115
    geleverd = Documentenset.objects.get(audit=audit)
    op = audit.documentenset_aangeleverd_op
    assert geleverd.peildatum == op and geleverd.aangeleverd_op == op
    voorblad = html_lib.unescape(gezien[0].split('id="deel-inhoud"')[0])
    assert f"nr. {geleverd.pk}" in voorblad
    assert voorblad.count(datum_filter(op, "j F Y")) >= 2  # the reference date and the delivery date
    assert "nog niet aangeleverd" not in voorblad
    volledig = html_lib.unescape(gezien[0])
    for b in Bijeenkomst.objects.filter(werkgroep=wolvega, datum__gt=op).exclude(notulen=""):
        assert b.notulen.splitlines()[0] not in volledig
