"""The document set (§3.6, §5.2.1): content of the Wolvega set, the task, delivery, permissions, queries."""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
import unicodedata

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from audits.documentenset import services
from audits.documentenset.onderdelen import ONDERDELEN
from audits.models import Audit, Documentenset
from gebieden.models import Ondernemer
from werkgroepen.models import Lid, Logregel, Werkgroep


def _tekst(pdf: bytes) -> str:
    uit = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True)
    return uit.stdout.decode()


def _plat(tekst: str) -> str:
    """Compare text across line breaks: NFKC (ligatures), one space for any run of whitespace."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", tekst)).strip()


def _url(naam: str, werkgroep, **kwargs) -> str:
    return reverse(f"audits:{naam}", kwargs={"werkgroep": werkgroep.slug, **kwargs})


def _maak(client, werkgroep, capture) -> Documentenset:
    with capture(execute=True):
        antwoord = client.post(_url("documentenset_maken", werkgroep))
    assert antwoord.status_code == 302
    return Documentenset.objects.filter(audit__werkgroep=werkgroep).order_by("-pk").first()


# --- the Wolvega demo's set --------------------------------------------------------------------


@pytest.fixture
def wolvega(demo):
    return Werkgroep.objects.get(slug="wolvega")


def test_wolvega_set_bevat_open_antwoorden_en_geen_contactgegevens(wolvega, tmp_path):
    from analyse.selectors.enquete import enquete_van
    from analyse.selectors.resultaten import resultaten

    cyclus = wolvega.cycli.get(nummer=1)
    audit = Audit.objects.get(cyclus=cyclus)
    pdf = services.set_pdf(werkgroep=wolvega, cyclus=cyclus, audit=audit)
    assert pdf.inhoud.startswith(b"%PDF") and pdf.paginas >= 40
    tekst = _plat(_tekst(pdf.inhoud))

    res = resultaten(enquete_van(cyclus))
    assert not res.onderdrukt
    open_antwoorden = [a for t in res.themas for u in t.uitslagen if u.type == "open" for a in u.open]
    assert len(open_antwoorden) >= 10
    ontbreekt = [a for a in open_antwoorden if _plat(a) not in tekst]
    assert not ontbreekt, ontbreekt[:3]

    for deel in ONDERDELEN[2:]:
        assert deel.titel in tekst
    assert f"pagina 1 van {pdf.paginas}" in tekst
    assert "KVO Bedrijventerreinen Wolvega · cyclus 1 · documentenset" in tekst  # the running header

    compact = re.sub(r"[\s-]", "", tekst)
    leden = list(Lid.objects.filter(werkgroep=wolvega))
    assert any(lid.email for lid in leden) and any(lid.telefoon for lid in leden)
    for lid in leden:
        assert lid.naam in tekst or lid.lid_tot  # members by name ...
        if lid.email:
            assert lid.email not in tekst  # ... never with their e-mail address
        if lid.telefoon:
            assert re.sub(r"[\s-]", "", lid.telefoon) not in compact
    adressen = list(
        Ondernemer.objects.filter(terrein__werkgroep=wolvega).exclude(email="").values_list("email", flat=True)
    )
    assert adressen
    assert not [a for a in adressen if a and a in tekst]
    assert "@" not in tekst  # no e-mail address of anyone at all


# --- task, delivery, failure (a small work group, fast to render) --------------------------------


def test_taak_maakt_set_met_juiste_sha256(actoren, als, django_capture_on_commit_callbacks):
    client = als(actoren.lid)
    rij = _maak(client, actoren.werkgroep, django_capture_on_commit_callbacks)
    assert rij.status == Documentenset.Status.KLAAR, rij.fout
    assert rij.voortgang == 100 and rij.stap == "Klaar" and rij.klaar_op
    with rij.bestand.open("rb") as f:
        inhoud = f.read()
    assert hashlib.sha256(inhoud).hexdigest() == rij.sha256
    assert rij.paginas == int(re.search(r"pagina 1 van (\d+)", _tekst(inhoud)).group(1))
    assert Logregel.objects.filter(werkgroep=actoren.werkgroep, actie="documentenset.maken").exists()
    antwoord = client.get(_url("documentenset_pdf", actoren.werkgroep, pk=rij.pk))
    assert antwoord.status_code == 200 and b"".join(antwoord.streaming_content) == inhoud


def test_voortgang_wordt_bijgehouden(actoren, monkeypatch):
    rij = Documentenset.objects.create(audit=actoren.audit)
    gezien = []
    origineel = services._voortgang

    def volg(pk):
        melder = origineel(pk)

        def doorgeven(procent, stap):
            melder(procent, stap)
            gezien.append(Documentenset.objects.values_list("voortgang", "stap").get(pk=pk))

        return doorgeven

    monkeypatch.setattr(services, "_voortgang", volg)
    services.documentenset_render(documentenset=rij)
    procenten = [p for p, _ in gezien]
    assert procenten == sorted(procenten) and procenten[-1] >= 90
    assert {"Partijen en leden", "Opmaak van de pagina's", "Opslaan"} <= {s for _, s in gezien}
    rij.refresh_from_db()
    assert rij.status == Documentenset.Status.KLAAR and rij.voortgang == 100


def test_fout_geeft_mislukt_met_reden(actoren, monkeypatch):
    def stuk(**kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr(services, "set_pdf", stuk)
    rij = services.documentenset_render(documentenset=Documentenset.objects.create(audit=actoren.audit))
    assert rij.status == Documentenset.Status.MISLUKT
    assert rij.fout.startswith("Het maken is mislukt") and not rij.bestand


def test_aanleveren_zet_de_set_vast(actoren, als, django_capture_on_commit_callbacks):
    werkgroep = actoren.werkgroep
    eerste = _maak(als(actoren.lid), werkgroep, django_capture_on_commit_callbacks)
    with eerste.bestand.open("rb") as f:
        inhoud = f.read()
    client = als(actoren.voorzitter)
    assert client.post(_url("documentenset_lever_aan", werkgroep, pk=eerste.pk)).status_code == 302
    eerste.refresh_from_db()
    vandaag = timezone.localdate()
    assert eerste.aangeleverd_op == vandaag
    assert Audit.objects.get(pk=actoren.audit.pk).documentenset_aangeleverd_op == vandaag
    assert Logregel.objects.filter(werkgroep=werkgroep, actie="documentenset.aangeleverd").exists()

    actoren.werkgroep.naam = "KVO De Hoek (nieuwe naam)"
    actoren.werkgroep.save()
    tweede = _maak(client, werkgroep, django_capture_on_commit_callbacks)
    assert tweede.pk != eerste.pk and tweede.bestand.name != eerste.bestand.name
    services.documentenset_render(documentenset=eerste)  # a delivered set is never rendered again
    vast = Documentenset.objects.get(pk=eerste.pk)
    assert (vast.sha256, vast.bestand.name, vast.paginas) == (eerste.sha256, eerste.bestand.name, eerste.paginas)
    with vast.bestand.open("rb") as f:
        assert f.read() == inhoud
    assert "nieuwe naam" not in _tekst(inhoud)
    # a second delivery is refused
    client.post(_url("documentenset_lever_aan", werkgroep, pk=tweede.pk))
    tweede.refresh_from_db()
    assert tweede.aangeleverd_op is None


def test_geen_audit_toont_lege_staat(actoren, als):
    Audit.objects.filter(pk=actoren.audit.pk).delete()
    antwoord = als(actoren.lid).get(_url("documentenset", actoren.werkgroep))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert 'data-testid="leeg"' in html and "audit aan" in html
    assert 'data-testid="maken"' not in html


# --- permissions ---------------------------------------------------------------------------------


def test_andere_werkgroep_krijgt_404(actoren, als):
    rij = Documentenset.objects.create(audit=actoren.audit, status=Documentenset.Status.KLAAR, bestand="x.pdf")
    client = als(actoren.vreemde)
    wg = actoren.werkgroep
    for url in (
        _url("documentenset", wg),
        _url("documentenset_status", wg),
        _url("documentenset_pdf", wg, pk=rij.pk),
        _url("documentenset_deel", wg, sleutel="partijen"),
    ):
        assert client.get(url).status_code == 404, url
    for url in (_url("documentenset_maken", wg), _url("documentenset_lever_aan", wg, pk=rij.pk)):
        assert client.post(url).status_code == 404, url
    # and a set of this group under the stranger's own URL is not found either
    eigen = actoren.anderewerkgroep
    assert client.get(_url("documentenset_pdf", eigen, pk=rij.pk)).status_code == 404
    assert client.post(_url("documentenset_lever_aan", eigen, pk=rij.pk)).status_code == 404
    assert Documentenset.objects.filter(audit__werkgroep=wg).count() == 1


def test_agendalid_mag_niet_maken_of_aanleveren(actoren, als):
    rij = Documentenset.objects.create(audit=actoren.audit, status=Documentenset.Status.KLAAR, bestand="x.pdf")
    client = als(actoren.agendalid)
    wg = actoren.werkgroep
    assert client.get(_url("documentenset", wg)).status_code == 200
    assert client.post(_url("documentenset_maken", wg)).status_code == 403
    assert client.post(_url("documentenset_lever_aan", wg, pk=rij.pk)).status_code == 403
    assert als(actoren.lid).post(_url("documentenset_lever_aan", wg, pk=rij.pk)).status_code == 403
    rij.refresh_from_db()
    assert rij.aangeleverd_op is None
    assert Documentenset.objects.filter(audit__werkgroep=wg).count() == 1


def test_auditor_ziet_alleen_de_aangeleverde_set(actoren, als):
    open_ = Documentenset.objects.create(audit=actoren.audit, status=Documentenset.Status.KLAAR, bestand="a.pdf")
    client = als(actoren.auditor)
    wg = actoren.werkgroep
    assert client.get(_url("documentenset_pdf", wg, pk=open_.pk)).status_code == 404
    assert client.get(_url("documentenset_deel", wg, sleutel="partijen")).status_code == 403
    assert client.post(_url("documentenset_maken", wg)).status_code == 403
    pagina = client.get(_url("documentenset", wg))
    assert pagina.status_code == 200 and f"set-{open_.pk}" not in pagina.content.decode()


def test_deel_als_eigen_pdf(actoren, als):
    antwoord = als(actoren.lid).get(_url("documentenset_deel", actoren.werkgroep, sleutel="partijen"))
    assert antwoord.status_code == 200 and antwoord["Content-Type"] == "application/pdf"
    tekst = _tekst(antwoord.content)
    assert "Partijen en leden" in tekst and "lid@example.org" not in tekst
    assert als(actoren.lid).get(_url("documentenset_deel", actoren.werkgroep, sleutel="onbekend")).status_code == 404


# --- queries -------------------------------------------------------------------------------------


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as q:
        assert client.get(url).status_code == 200
    return len(q.captured_queries)


def test_pagina_leest_begrensd_aantal_queries(actoren, als):
    client = als(actoren.voorzitter)
    url = _url("documentenset", actoren.werkgroep)
    Documentenset.objects.create(audit=actoren.audit, status=Documentenset.Status.KLAAR, bestand="a.pdf", paginas=3)
    een = _queries(client, url)
    for i in range(15):
        Documentenset.objects.create(audit=actoren.audit, status=Documentenset.Status.KLAAR, bestand=f"{i}.pdf")
    Documentenset.objects.create(audit=actoren.audit)  # one still being made
    assert _queries(client, url) == een <= 15
    assert _queries(client, _url("documentenset_status", actoren.werkgroep)) <= een


# --- the management command ------------------------------------------------------------------------


def test_commando_schrijft_pdf(actoren, tmp_path):
    uit = tmp_path / "set.pdf"
    stdout = io.StringIO()
    call_command("kvo_documentenset", actoren.werkgroep.slug, "--out", str(uit), stdout=stdout)
    inhoud = uit.read_bytes()
    assert inhoud.startswith(b"%PDF") and hashlib.sha256(inhoud).hexdigest() in stdout.getvalue()
    assert "Inhoud" in _tekst(inhoud)
    assert Documentenset.objects.count() == 0  # synchronously, without a row
