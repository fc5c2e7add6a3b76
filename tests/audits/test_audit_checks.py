"""Readiness checks of the audit and the certificate at their boundaries (eisen.md, §5–§7)."""

import datetime as dt
from decimal import Decimal

import pytest

from audits.models import Afwijking, Certificaat
from kvo.toets import Status, voer_toets_uit
from tests.factories import AuditFactory, BedrijventerreinFactory, LidFactory, PartijFactory

AUDIT = dt.date(2026, 11, 10)


def toets(werkgroep, eis_id, datum):
    return next(r for r in voer_toets_uit(werkgroep, datum=datum, ids=(eis_id,))).uitkomst


@pytest.fixture
def audit(actoren):
    a = actoren.audit
    a.datum = AUDIT
    a.save()
    return a


@pytest.mark.parametrize(("dagen", "status"), [(13, Status.NIET_VOLDAAN), (14, Status.VOLDAAN), (20, Status.VOLDAAN)])
def test_aanlevering_13_of_14_dagen(actoren, audit, dagen, status):
    audit.documentenset_aangeleverd_op = AUDIT - dt.timedelta(days=dagen)
    audit.save()
    u = toets(actoren.werkgroep, "audit.aanlevering", AUDIT)
    assert u.status == status and f"{dagen} dagen voor de audit" in u.toelichting


def test_aanlevering_open_tot_de_termijn_dan_niet_voldaan(actoren, audit):
    termijn = AUDIT - dt.timedelta(days=14)
    assert toets(actoren.werkgroep, "audit.aanlevering", termijn).status == Status.OPEN
    u = toets(actoren.werkgroep, "audit.aanlevering", termijn + dt.timedelta(days=1))
    assert u.status == Status.NIET_VOLDAAN and "27-10-2026" in u.toelichting


@pytest.mark.parametrize(
    ("terreinen", "uren", "status"),
    [
        (1, "7.5", Status.NIET_VOLDAAN),
        (1, "8", Status.VOLDAAN),
        (2, "9.5", Status.NIET_VOLDAAN),
        (2, "10", Status.VOLDAAN),
        (3, "10.5", Status.NIET_VOLDAAN),
        (3, "11", Status.VOLDAAN),
        (4, "11.5", Status.NIET_VOLDAAN),
        (4, "12", Status.VOLDAAN),
    ],
)
def test_audittijd_per_aantal_terreinen(actoren, audit, terreinen, uren, status):
    BedrijventerreinFactory.create_batch(terreinen, werkgroep=actoren.werkgroep)
    audit.geplande_uren = Decimal(uren)
    audit.save()
    assert toets(actoren.werkgroep, "audit.audittijd", AUDIT).status == status


def test_audittijd_open_zonder_uren(actoren, audit):
    u = toets(actoren.werkgroep, "audit.audittijd", AUDIT)
    assert u.status == Status.OPEN and "minimaal 8 uur" in u.toelichting


@pytest.mark.parametrize(("dagen", "status"), [(14, Status.VOLDAAN), (15, Status.NIET_VOLDAAN)])
def test_rapport_binnen_twee_weken(actoren, audit, dagen, status):
    audit.rapport_ontvangen_op = AUDIT + dt.timedelta(days=dagen)
    audit.save()
    assert toets(actoren.werkgroep, "audit.rapport", AUDIT + dt.timedelta(days=30)).status == status


def test_rapport_open_tot_de_termijn(actoren, audit):
    assert toets(actoren.werkgroep, "audit.rapport", AUDIT + dt.timedelta(days=14)).status == Status.OPEN
    assert toets(actoren.werkgroep, "audit.rapport", AUDIT + dt.timedelta(days=15)).status == Status.NIET_VOLDAAN


def test_aanvullingen_nvt_zonder_afwijking(actoren, audit):
    assert toets(actoren.werkgroep, "audit.aanvullingen", AUDIT).status == Status.NVT


@pytest.mark.parametrize(
    ("aanvulling", "beoordeling", "status"),
    [
        (dt.date(2027, 1, 10), dt.date(2027, 2, 10), Status.VOLDAAN),  # 2 months, then 1 month: on the last day
        (dt.date(2027, 1, 11), None, Status.NIET_VOLDAAN),  # a day late
        (dt.date(2027, 1, 10), dt.date(2027, 2, 11), Status.NIET_VOLDAAN),
    ],
)
def test_aanvullingen_termijnen(actoren, audit, aanvulling, beoordeling, status):
    Afwijking.objects.create(
        audit=audit,
        omschrijving="Notulen zonder voortgang",
        vastgesteld_op=AUDIT,
        aanvulling_op=aanvulling,
        beoordeeld_op=beoordeling,
    )
    assert toets(actoren.werkgroep, "audit.aanvullingen", dt.date(2027, 3, 1)).status == status


def test_aanvulling_loopt_nog_is_open_daarna_niet_voldaan(actoren, audit):
    Afwijking.objects.create(audit=audit, omschrijving="x", vastgesteld_op=AUDIT)
    u = toets(actoren.werkgroep, "audit.aanvullingen", dt.date(2027, 1, 10))
    assert u.status == Status.OPEN and "10-01-2027" in u.toelichting
    assert u.toelichting.startswith("1 afwijking; loopt")
    assert toets(actoren.werkgroep, "audit.aanvullingen", dt.date(2027, 1, 11)).status == Status.NIET_VOLDAAN
    Afwijking.objects.create(audit=audit, omschrijving="y", vastgesteld_op=AUDIT)
    assert toets(actoren.werkgroep, "audit.aanvullingen", dt.date(2027, 1, 10)).toelichting.startswith("2 afwijkingen;")


def test_maanden_tellen_tot_de_laatste_dag_van_de_maand():
    from audits.regels import plus_maanden

    assert plus_maanden(dt.date(2026, 12, 31), 2) == dt.date(2027, 2, 28)
    assert plus_maanden(dt.date(2026, 11, 30), 1) == dt.date(2026, 12, 30)


def test_contactpersoon(actoren, audit):
    from werkgroepen.models import Lid

    assert toets(actoren.werkgroep, "audit.contactpersoon", AUDIT).status == Status.OPEN
    partij = PartijFactory(werkgroep=actoren.werkgroep)
    LidFactory(werkgroep=actoren.werkgroep, partij=partij, naam="A", rollen=["contactpersoon-ci"])
    assert toets(actoren.werkgroep, "audit.contactpersoon", AUDIT).status == Status.VOLDAAN
    LidFactory(werkgroep=actoren.werkgroep, partij=partij, naam="B", rollen=["contactpersoon-ci"])
    assert toets(actoren.werkgroep, "audit.contactpersoon", AUDIT).status == Status.NIET_VOLDAAN
    audit.contactpersoon = Lid.objects.get(naam="B")
    audit.save()
    assert toets(actoren.werkgroep, "audit.contactpersoon", AUDIT).status == Status.VOLDAAN


def test_aanwezigheid(actoren, audit):
    leden = list(actoren.werkgroep.leden.filter(agendalid=False))
    assert toets(actoren.werkgroep, "audit.aanwezigheid", AUDIT).status == Status.OPEN
    audit.aanwezigen.set(leden[:-1])
    u = toets(actoren.werkgroep, "audit.aanwezigheid", AUDIT)
    assert u.status == Status.NIET_VOLDAAN and leden[-1].naam in u.toelichting
    audit.aanwezigen.set(leden)
    assert toets(actoren.werkgroep, "audit.aanwezigheid", AUDIT).status == Status.VOLDAAN


def certificaat(audit, **kwargs):
    velden = {
        "certificatie_instelling": "Kiwa",
        "nummer": "KVO-001",
        "uitgegeven_op": dt.date(2026, 12, 15),
        "geldig_tot": dt.date(2029, 12, 15),
        "naamstelling": "KVO De Hoek",
        "ondertekenaar": "J. Jansen",
        "functie_ondertekenaar": "directeur",
    }
    velden.update(kwargs)
    return Certificaat.objects.create(audit=audit, **velden)


def test_geldigheid_drie_jaar_en_verlopen(actoren, audit):
    c = certificaat(audit)
    assert toets(actoren.werkgroep, "certificaat.geldigheid", dt.date(2029, 12, 14)).status == Status.VOLDAAN
    assert toets(actoren.werkgroep, "certificaat.geldigheid", dt.date(2029, 12, 15)).status == Status.NIET_VOLDAAN
    c.geldig_tot = dt.date(2029, 12, 16)
    c.save()
    u = toets(actoren.werkgroep, "certificaat.geldigheid", dt.date(2027, 1, 1))
    assert u.status == Status.NIET_VOLDAAN and "3 jaar" in u.toelichting
    c.geldig_tot, c.geschorst = dt.date(2029, 12, 15), True
    c.save()
    assert "geschorst" in toets(actoren.werkgroep, "certificaat.geldigheid", dt.date(2027, 1, 1)).toelichting


def test_inhoud_noemt_wat_ontbreekt(actoren, audit):
    certificaat(audit)
    u = toets(actoren.werkgroep, "certificaat.inhoud", dt.date(2027, 1, 1))
    assert u.status == Status.NIET_VOLDAAN and "convenant" in u.toelichting and "correspondentieadres" in u.toelichting
    wg = actoren.werkgroep
    wg.adres_straat, wg.adres_plaats, wg.convenant_referentie = "Markt 1", "Voorbeeldstad", "Convenant 2024"
    wg.save()
    audit.ci_straat, audit.ci_plaats = "Wilmersdorf 50", "Apeldoorn"
    audit.save()
    BedrijventerreinFactory(werkgroep=wg)
    assert toets(wg, "certificaat.inhoud", dt.date(2027, 1, 1)).status == Status.VOLDAAN


def test_cluster_een_certificaat_met_overkoepelende_naam(actoren, audit):
    a = BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam="Noord")
    assert toets(actoren.werkgroep, "certificaat.cluster", AUDIT).status == Status.NVT
    BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam="Zuid")
    certificaat(audit, naamstelling=a.naam)
    assert toets(actoren.werkgroep, "certificaat.cluster", dt.date(2027, 1, 1)).status == Status.NIET_VOLDAAN
    Certificaat.objects.update(naamstelling="KVO De Hoek (Noord, Zuid)")
    assert toets(actoren.werkgroep, "certificaat.cluster", dt.date(2027, 1, 1)).status == Status.VOLDAAN


def test_audit_zonder_datum_telt_als_laatste(actoren, audit):
    AuditFactory(werkgroep=actoren.werkgroep, cyclus=actoren.cyclus, datum=None)
    audit.documentenset_aangeleverd_op = AUDIT - dt.timedelta(days=20)
    audit.save()
    assert toets(actoren.werkgroep, "audit.aanlevering", AUDIT).status == Status.VOLDAAN
