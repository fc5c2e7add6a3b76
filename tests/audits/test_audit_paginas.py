"""The audit pages: application, record with deviations, certificate with its PDF and status;
the KVO mark on the home page only while valid; reminders sent once; roles and bounded queries."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from audits.models import Afwijking, Audit, Certificaat
from audits.tasks import audit_herinneringen
from werkgroepen.models import Lid

SLUG = "de-hoek"


def url(naam):
    return reverse(f"audits:{naam}", kwargs={"werkgroep": SLUG})


def test_aanvraag_met_minimum_audittijd_en_termijn(actoren, als):
    client = als(actoren.secretaris)
    pagina = client.get(url("audit"))
    assert "minimaal 8 uur" in pagina.text.lower() or "Minimaal 8 uur" in pagina.text
    lid = Lid.objects.get(user=actoren.voorzitter)
    response = client.post(
        url("audit"),
        {
            "contactpersoon": lid.pk,
            "certificatie_instelling": "Kiwa",
            "datum": "2026-11-10",
            "geplande_uren": "8",
            "aangevraagd_op": "2026-06-01",
        },
    )
    assert response.status_code == 302
    audit = Audit.objects.get(werkgroep=actoren.werkgroep, datum=dt.date(2026, 11, 10))
    assert audit.contactpersoon == lid and audit.aanlevertermijn == dt.date(2026, 10, 27)
    pagina = client.get(url("audit"))
    assert "27 oktober 2026" in pagina.text


def test_aanvraag_met_fout_schrijft_niets(actoren, als):
    voor = list(Audit.objects.values())
    response = als(actoren.secretaris).post(url("audit"), {"geplande_uren": "-1", "datum": "2026-13-01"})
    assert response.status_code == 422
    assert list(Audit.objects.values()) == voor


def test_lid_leest_maar_vraagt_niet_aan(actoren, als):
    client = als(actoren.lid)
    assert client.get(url("audit")).status_code == 200
    assert client.post(url("audit"), {"datum": "2026-11-10"}).status_code == 403


@pytest.fixture
def audit(actoren):
    a = actoren.audit
    a.datum, a.certificatie_instelling = dt.date(2026, 11, 10), "Kiwa"
    a.save()
    return a


def test_afwijking_op_de_tijdlijn_in_hele_woorden(actoren, audit):
    from audits.tijdlijn import audit as bijdrage

    lang = "Van twee lopende maatregelen (alarmopvolging, parkeerverbod vrachtwagens) is de voortgang niet vastgelegd"
    Afwijking.objects.create(audit=audit, omschrijving=lang, vastgesteld_op=audit.datum)
    later = audit.datum + dt.timedelta(days=1)
    Afwijking.objects.create(audit=audit, omschrijving="Notulen ontbreken", vastgesteld_op=later)
    tijdlijn = bijdrage(actoren.werkgroep, actoren.cyclus, audit.datum)
    mijlpalen = [m for m in tijdlijn if m.naam == "Aanvulling afwijking"]
    assert [m.toelichting for m in mijlpalen] == [
        "Van twee lopende maatregelen (alarmopvolging, parkeerverbod vrachtwagens) is de voortgang…",
        "Notulen ontbreken",
    ]


def test_verslag_en_afwijking(actoren, als, audit):
    client = als(actoren.secretaris)
    leden = [lid.pk for lid in actoren.werkgroep.leden.filter(agendalid=False)]
    response = client.post(
        url("audit_verslag"),
        {
            "aanwezigen": leden,
            "rapport_ontvangen_op": "2026-11-20",
            "besluit": "aanvullingen",
            "besluit_op": "2026-11-20",
        },
    )
    assert response.status_code == 302
    audit.refresh_from_db()
    assert audit.aanwezigen.count() == len(leden) and audit.besluit == "aanvullingen"
    response = client.post(
        url("afwijking_nieuw"), {"omschrijving": "Notulen zonder voortgang", "vastgesteld_op": "2026-11-10"}
    )
    assert response.status_code == 302
    pagina = client.get(url("audit_verslag"))
    assert "Notulen zonder voortgang" in pagina.text and "10-01-2027" in pagina.text  # supplement due in 2 months
    response = client.post(
        url("afwijking_nieuw"), {"omschrijving": "x", "vastgesteld_op": "2026-11-10", "beoordeeld_op": "2026-12-01"}
    )
    assert response.status_code == 422 and Afwijking.objects.count() == 1


def test_besluit_zonder_datum_geweigerd(actoren, als, audit):
    response = als(actoren.secretaris).post(url("audit_verslag"), {"besluit": "positief"})
    assert response.status_code == 422 and "datum van het besluit" in response.text


def _certificaat_post(client, **extra):
    data = {
        "certificatie_instelling": "Kiwa",
        "nummer": "KVO-001",
        "uitgegeven_op": "2026-12-15",
        "naamstelling": "KVO De Hoek",
        "ondertekenaar": "J. Jansen",
        "functie_ondertekenaar": "directeur",
    }
    data.update(extra)
    return client.post(url("certificaat"), data)


def test_certificaat_uitgeven_is_niet_aan_de_werkgroep(actoren, als, audit, time_machine):
    """Issue 22: the group used to issue its own certificate here; now the certification body's
    auditor does, in the portal (tests/audits/test_certificaat_instelling.py covers issuing,
    suspending, withdrawing and the KVO mark). The group's post is refused and writes nothing,
    with and without a positive decision."""
    time_machine.move_to(dt.datetime(2027, 1, 10, 12, 0))
    client = als(actoren.secretaris)
    assert "Nog geen certificaat" in client.get(url("certificaat")).text
    assert _certificaat_post(client).status_code == 403
    audit.besluit, audit.besluit_op = "positief", dt.date(2026, 12, 10)
    audit.save()
    assert _certificaat_post(client).status_code == 403
    assert not Certificaat.objects.exists()
    assert 'data-testid="keurmerk"' not in client.get(reverse("werkgroepen:home", kwargs={"werkgroep": SLUG})).text


def test_herinnering_aanlevering_een_keer(actoren, audit):
    vandaag = audit.aanlevertermijn - dt.timedelta(days=7)
    assert audit_herinneringen(str(vandaag - dt.timedelta(days=1)))["aanlevering"] == 0  # not yet
    assert audit_herinneringen(str(vandaag))["aanlevering"] == 1
    assert sorted(mail.outbox[0].to) == ["secretaris@example.org", "voorzitter@example.org"]
    assert "27 oktober 2026" in mail.outbox[0].body
    assert audit_herinneringen(str(vandaag + dt.timedelta(days=1)))["aanlevering"] == 0  # once
    assert len(mail.outbox) == 1


def test_herinneringen_certificaat_12_en_6_maanden(actoren, audit):
    Certificaat.objects.create(
        audit=audit,
        certificatie_instelling="Kiwa",
        nummer="1",
        uitgegeven_op=dt.date(2026, 12, 15),
        geldig_tot=dt.date(2029, 12, 15),
        naamstelling="x",
        ondertekenaar="y",
        functie_ondertekenaar="z",
    )
    assert audit_herinneringen("2028-12-14")["certificaat"] == 0
    assert audit_herinneringen("2028-12-15")["certificaat"] == 1
    assert audit_herinneringen("2028-12-16")["certificaat"] == 0
    assert audit_herinneringen("2029-06-15")["certificaat"] == 1
    assert audit_herinneringen("2029-07-01")["certificaat"] == 0
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("aantal", [1, 12])
def test_paginas_begrensde_queries(actoren, als, audit, aantal, django_assert_max_num_queries):
    for i in range(aantal):
        Afwijking.objects.create(audit=audit, omschrijving=f"Afwijking {i}", vastgesteld_op=audit.datum)
    client = als(actoren.secretaris)
    for naam in ("audit", "audit_verslag", "certificaat"):
        with django_assert_max_num_queries(45):
            assert client.get(url(naam)).status_code == 200


def test_keurmerk_op_het_voorblad_van_de_documentenset_alleen_met_geldig_certificaat(actoren, audit):
    from audits.documentenset.onderdelen import ONDERDELEN
    from audits.documentenset.services import deel_pdf

    voorblad = next(o for o in ONDERDELEN if o.sleutel == "voorblad")
    zonder = deel_pdf(
        werkgroep=actoren.werkgroep, cyclus=actoren.cyclus, audit=audit, onderdeel=voorblad, datum=dt.date(2027, 1, 10)
    )
    Certificaat.objects.create(
        audit=audit,
        certificatie_instelling="Kiwa",
        nummer="KVO-9",
        uitgegeven_op=dt.date(2026, 12, 15),
        geldig_tot=dt.date(2029, 12, 15),
        naamstelling="x",
        ondertekenaar="y",
        functie_ondertekenaar="z",
    )
    met = deel_pdf(
        werkgroep=actoren.werkgroep, cyclus=actoren.cyclus, audit=audit, onderdeel=voorblad, datum=dt.date(2027, 1, 10)
    )
    import subprocess

    def tekst(pdf):
        return subprocess.run(
            ["pdftotext", "-", "-"], input=pdf.inhoud, capture_output=True, check=True
        ).stdout.decode()

    assert "certificaat KVO-9" not in tekst(zonder) and "certificaat KVO-9" in tekst(met)
