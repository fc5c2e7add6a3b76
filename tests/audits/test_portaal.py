"""The auditor portal (/auditor/): only inside the grant's window, only the audit it covers, logged,
read-only, without members' contact details; and replacing a work group never drops a grant silently."""

import copy
import datetime as dt
import hashlib

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from guardian.shortcuts import assign_perm

from audits.models import Audit, AuditorToegang, Documentenset
from audits.services import auditor_trek_toegang_in
from kvo import versie
from kvo.dossier.fouten import DossierFout
from kvo.dossier.services import dossier_importeer
from tests.dossier.conftest import MINI
from tests.factories import AuditFactory, CyclusFactory, LidFactory
from werkgroepen.models import Document, DocumentVersie, Lid, Logregel, Werkgroep

PDF = b"%PDF-1.4 documentenset"


def geleverde_set(audit, *, op=dt.date(2026, 5, 1), inhoud=PDF) -> Documentenset:
    documentenset = Documentenset(
        audit=audit,
        status=Documentenset.Status.KLAAR,
        voortgang=100,
        sha256=hashlib.sha256(inhoud).hexdigest(),
        aangeleverd_op=op,
    )
    documentenset.bestand.save("set.pdf", ContentFile(inhoud), save=False)
    documentenset.save()
    return documentenset


def archiefstuk(werkgroep, titel: str, *, versie=1, op=dt.date(2026, 3, 1), document=None) -> DocumentVersie:
    document = document or Document.objects.create(werkgroep=werkgroep, titel=titel, ref=titel.lower())
    nieuw = DocumentVersie(document=document, versie=versie, geupload_op=op)
    nieuw.bestand.save(f"{titel.lower()}-v{versie}.pdf", ContentFile(f"{titel} v{versie}".encode()), save=False)
    nieuw.save()
    return nieuw


@pytest.fixture
def dossier(actoren):
    """A delivered set, a superseded and a current convenant version, and a document uploaded later."""
    documentenset = geleverde_set(actoren.audit)
    oud = archiefstuk(actoren.werkgroep, "Convenant", op=dt.date(2026, 1, 10))
    huidig = archiefstuk(actoren.werkgroep, "Convenant", versie=2, op=dt.date(2026, 4, 1), document=oud.document)
    later = archiefstuk(actoren.werkgroep, "Notulen juni", op=dt.date(2026, 6, 15))
    return {"set": documentenset, "oud": oud, "huidig": huidig, "later": later}


def urls(actoren, dossier) -> list[str]:
    audit = actoren.audit.pk
    return [
        reverse("portaal:overzicht"),
        reverse("portaal:audit", kwargs={"audit_id": audit}),
        reverse("portaal:documentenset", kwargs={"audit_id": audit, "set_id": dossier["set"].pk}),
        reverse("portaal:document", kwargs={"audit_id": audit, "versie_id": dossier["huidig"].pk}),
    ]


def test_auditor_ziet_de_audit_binnen_de_termijn(actoren, als, dossier):
    client = als(actoren.auditor)
    for url in urls(actoren, dossier):
        assert client.get(url).status_code == 200, url
    html = client.get(reverse("portaal:audit", kwargs={"audit_id": actoren.audit.pk})).text
    assert "KVO De Hoek" in html
    assert dossier["set"].sha256 in html
    assert "1 mei 2026" in html  # the delivery date, and the check as of that date
    assert "Handboektoets per 1 mei 2026" in html
    assert "Convenant" in html and "versie 2" in html
    assert "Notulen juni" not in html  # uploaded after the delivery: not part of the snapshot


def test_zonder_aangeleverde_set_alleen_de_audit(actoren, als):
    html = als(actoren.auditor).get(reverse("portaal:overzicht")).text
    assert "nog geen documentenset aangeleverd" in html
    assert "Handboektoets per" not in html


@pytest.mark.scopes_aan
def test_portaal_werkt_met_afgedwongen_scopes(actoren, als, dossier):
    """As in production: every query of the portal runs inside a scope or explicitly outside one."""
    client = als(actoren.auditor)
    assert client.get(reverse("home")).url == "/auditor/"
    for url in urls(actoren, dossier):
        assert client.get(url).status_code == 200, url


def test_downloads_leveren_de_bestanden(actoren, als, dossier):
    client = als(actoren.auditor)
    pdf = client.get(urls(actoren, dossier)[2])
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content) == PDF
    doc = client.get(urls(actoren, dossier)[3])
    assert b"".join(doc.streaming_content) == b"Convenant v2"


@pytest.mark.parametrize("soort", ["oud", "later"])
def test_alleen_de_versie_van_de_aanlevering(actoren, als, dossier, soort):
    url = reverse("portaal:document", kwargs={"audit_id": actoren.audit.pk, "versie_id": dossier[soort].pk})
    assert als(actoren.auditor).get(url).status_code == 404


def test_niet_aangeleverde_set_geeft_404(actoren, als, dossier):
    concept = Documentenset.objects.create(audit=actoren.audit, status=Documentenset.Status.KLAAR)
    url = reverse("portaal:documentenset", kwargs={"audit_id": actoren.audit.pk, "set_id": concept.pk})
    assert als(actoren.auditor).get(url).status_code == 404


def test_na_geldig_tot_404(actoren, als, dossier):
    AuditorToegang.objects.filter(user=actoren.auditor).update(geldig_tot=timezone.now() - dt.timedelta(seconds=1))
    client = als(actoren.auditor)
    for url in urls(actoren, dossier):
        assert client.get(url).status_code == 404, url


def test_na_intrekken_404(actoren, als, dossier):
    toegang = AuditorToegang.objects.get(user=actoren.auditor)
    auditor_trek_toegang_in(actor=actoren.voorzitter, toegang=toegang)
    client = als(actoren.auditor)
    for url in urls(actoren, dossier):
        assert client.get(url).status_code == 404, url


def test_zonder_guardian_recht_404(actoren, als, dossier):
    from guardian.shortcuts import remove_perm

    remove_perm("audits.view_audit", actoren.auditor, actoren.audit)
    assert als(actoren.auditor).get(urls(actoren, dossier)[1]).status_code == 404


def test_andere_audit_van_dezelfde_werkgroep_404(actoren, als, dossier):
    tweede_cyclus = CyclusFactory(werkgroep=actoren.werkgroep, nummer=2, start=dt.date(2027, 1, 1))
    andere = AuditFactory(werkgroep=actoren.werkgroep, cyclus=tweede_cyclus)
    andere_set = geleverde_set(andere)
    client = als(actoren.auditor)
    assert client.get(reverse("portaal:audit", kwargs={"audit_id": andere.pk})).status_code == 404
    ander_pdf = reverse("portaal:documentenset", kwargs={"audit_id": andere.pk, "set_id": andere_set.pk})
    assert client.get(ander_pdf).status_code == 404
    # nor through the audit the grant does cover
    via_eigen = reverse("portaal:documentenset", kwargs={"audit_id": actoren.audit.pk, "set_id": andere_set.pk})
    assert client.get(via_eigen).status_code == 404
    assert f'href="/auditor/{andere.pk}/' not in client.get(reverse("portaal:overzicht")).text


def test_audit_van_een_andere_werkgroep_404(actoren, als, dossier):
    ander = AuditFactory(werkgroep=actoren.anderewerkgroep, cyclus=CyclusFactory(werkgroep=actoren.anderewerkgroep))
    ander_set = geleverde_set(ander)
    ander_stuk = archiefstuk(actoren.anderewerkgroep, "Geheim")
    client = als(actoren.auditor)
    assert client.get(reverse("portaal:audit", kwargs={"audit_id": ander.pk})).status_code == 404
    pdf = reverse("portaal:documentenset", kwargs={"audit_id": ander.pk, "set_id": ander_set.pk})
    assert client.get(pdf).status_code == 404
    stuk = reverse("portaal:document", kwargs={"audit_id": actoren.audit.pk, "versie_id": ander_stuk.pk})
    assert client.get(stuk).status_code == 404


@pytest.mark.parametrize("rol", ["lid", "voorzitter", "vreemde", "staff"])
def test_anderen_zonder_toekenning_krijgen_404(actoren, als, dossier, rol):
    client = als(actoren.user(rol))
    for url in urls(actoren, dossier):
        assert client.get(url).status_code == 404, url


def test_anoniem_moet_inloggen(actoren, client, dossier):
    response = client.get(reverse("portaal:overzicht"))
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(
    "pad", ["/w/de-hoek/", "/w/de-hoek/documenten/", "/w/de-hoek/audit/toets/", "/w/de-hoek/leden/"]
)
def test_auditor_blijft_buiten_de_werkgroeppaginas(actoren, als, pad):
    assert als(actoren.auditor).get(pad).status_code in (403, 404)


def test_elke_weergave_en_download_wordt_gelogd(actoren, als, dossier):
    client = als(actoren.auditor)
    for url in urls(actoren, dossier):
        client.get(url)
    regels = list(Logregel.objects.filter(werkgroep=actoren.werkgroep, actor=actoren.auditor).order_by("pk"))
    assert [r.actie for r in regels] == ["auditor.bekeken", "auditor.bekeken", "auditor.download", "auditor.download"]
    assert all(r.gegevens["audit"] == actoren.audit.pk for r in regels)
    assert "Convenant (versie 2)" in regels[-1].omschrijving


def test_geen_contactgegevens_van_leden(actoren, als, dossier):
    Lid.objects.filter(werkgroep=actoren.werkgroep).update(telefoon="06 1234 5678")
    contact = LidFactory(werkgroep=actoren.werkgroep, email="contact@example.org", telefoon="010 765 4321")
    actoren.audit.contactpersoon = contact
    actoren.audit.save()
    client = als(actoren.auditor)
    for url in urls(actoren, dossier)[:2]:
        html = client.get(url).text
        for lid in Lid.objects.filter(werkgroep=actoren.werkgroep):
            assert lid.email not in html
            assert lid.telefoon not in html
        assert "/w/de-hoek/" not in html  # nothing else of the work group is linked


def test_inloggen_als_auditor_leidt_naar_het_portaal(actoren, client):
    actoren.auditor.set_password("auditor-wachtwoord-1")
    actoren.auditor.save()
    response = client.post(
        reverse("account_login"), {"login": "auditor@example.org", "password": "auditor-wachtwoord-1"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/auditor/"
    assert response.status_code == 200
    assert "Auditorportaal" in response.text


def test_lid_dat_ook_auditor_is_gaat_naar_de_werkgroep(actoren, als):
    assign_perm("audits.view_audit", actoren.lid, actoren.audit)
    AuditorToegang.objects.create(audit=actoren.audit, user=actoren.lid, geldig_tot=timezone.now() + dt.timedelta(1))
    assert als(actoren.lid).get(reverse("home")).url == "/w/de-hoek/"


def test_verlopen_auditor_gaat_niet_naar_het_portaal(actoren, als):
    AuditorToegang.objects.filter(user=actoren.auditor).update(ingetrokken_op=timezone.now())
    response = als(actoren.auditor).get(reverse("home"))
    assert response.status_code == 200 and "U hoort nog bij geen werkgroep" in response.text


def test_begrensd_aantal_queries_bij_1_en_5_sets(actoren, als):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = als(actoren.auditor)
    urls_ = [reverse("portaal:overzicht"), reverse("portaal:audit", kwargs={"audit_id": actoren.audit.pk})]

    def meet(aantal: int) -> list[int]:
        aantallen = []
        for url in urls_:
            # the readiness check computed afresh, not kept from the last request (kvo.versie)
            with versie.opnieuw(), CaptureQueriesContext(connection) as gemeten:
                response = client.get(url)
            assert response.text.count('data-testid="documentenset"') == aantal
            assert response.text.count('data-testid="document"') == aantal
            aantallen.append(len(gemeten))
        return aantallen

    geleverde_set(actoren.audit)
    archiefstuk(actoren.werkgroep, "Stuk 0")
    client.get(urls_[0])  # warm up (registries, content types)
    een = meet(1)
    for n in range(1, 5):
        geleverde_set(actoren.audit, op=dt.date(2026, 5, 1) - dt.timedelta(days=n))
        archiefstuk(actoren.werkgroep, f"Stuk {n}")
    assert meet(5) == een


# --- replacing a work group by a dossier import -------------------------------------------


def test_vervangen_geweigerd_zolang_een_auditor_toegang_heeft(db, actoren):
    dossier = copy.deepcopy(MINI)
    bestaand = dossier_importeer(actor=None, dossier=copy.deepcopy(dossier))
    audit = AuditFactory(werkgroep=bestaand, cyclus=bestaand.cycli.get())
    auditor = actoren.auditor
    assign_perm("audits.view_audit", auditor, audit)
    geldig_tot = timezone.now() + dt.timedelta(days=10)
    AuditorToegang.objects.create(audit=audit, user=auditor, geldig_tot=geldig_tot)
    with pytest.raises(DossierFout) as fout:
        dossier_importeer(actor=None, dossier=copy.deepcopy(dossier), vervang=True)
    tekst = "\n".join(fout.value.problemen)
    assert "auditor@example.org" in tekst
    assert f"{timezone.localtime(geldig_tot):%d-%m-%Y}" in tekst
    assert Werkgroep.objects.get(slug="de-hoek-import").pk == bestaand.pk  # nothing replaced
    assert AuditorToegang.objects.filter(audit=audit).exists()
    # once withdrawn, replacing is allowed again
    auditor_trek_toegang_in(actor=None, toegang=AuditorToegang.objects.get(audit=audit))
    nieuw = dossier_importeer(actor=None, dossier=copy.deepcopy(dossier), vervang=True)
    assert nieuw.pk != bestaand.pk


def test_vervangen_mag_na_verlopen_toegang(db, actoren):
    dossier = copy.deepcopy(MINI)
    bestaand = dossier_importeer(actor=None, dossier=copy.deepcopy(dossier))
    audit = AuditFactory(werkgroep=bestaand, cyclus=bestaand.cycli.get())
    AuditorToegang.objects.create(
        audit=audit, user=actoren.auditor, geldig_tot=timezone.now() - dt.timedelta(minutes=1)
    )
    assert dossier_importeer(actor=None, dossier=copy.deepcopy(dossier), vervang=True).pk != bestaand.pk


def test_rechtcontrole_zegt_hetzelfde_als_guardian(actoren):
    """``geldige_audits`` reads guardian's tables in its own query: it must agree with guardian's
    ``get_objects_for_user`` for a direct grant, a group's grant, another permission and another audit."""
    from django.contrib.auth.models import Group
    from django_scopes import scopes_disabled
    from guardian.shortcuts import assign_perm, get_objects_for_user, remove_perm

    from audits.toegang import geldige_audit, geldige_audits

    def beide(user) -> tuple[set, set]:
        with scopes_disabled():
            eigen = set(geldige_audits(user).values_list("pk", flat=True))
            for audit_id in AuditorToegang.objects.filter(user=user).values_list("audit_id", flat=True):
                # the one-audit check of every auditor page agrees with the list
                assert (geldige_audit(user, audit_id) is not None) == (audit_id in eigen)
            rijen = set(AuditorToegang.objects.filter(user=user).values_list("audit_id", flat=True))
            volgens_guardian = set(
                get_objects_for_user(user, "audits.view_audit", klass=Audit, accept_global_perms=False)
                .filter(pk__in=rijen)
                .values_list("pk", flat=True)
            )
        return eigen, volgens_guardian

    auditor, audit = actoren.auditor, actoren.audit
    assert beide(auditor) == ({audit.pk}, {audit.pk})
    remove_perm("audits.view_audit", auditor, audit)
    assign_perm("audits.change_audit", auditor, audit)  # another permission opens nothing
    assert beide(auditor) == (set(), set())
    groep = Group.objects.create(name="certificerende instelling")
    groep.user_set.add(auditor)
    assign_perm("audits.view_audit", groep, audit)
    assert beide(auditor) == ({audit.pk}, {audit.pk})
