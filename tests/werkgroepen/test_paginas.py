"""Every page: 404 for a stranger, 403 for roles without the action, bounded queries."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import LidFactory, PartijFactory
from tests.werkgroepen.factories import AfsprakenFactory, BijeenkomstFactory, CommunicatieFactory
from werkgroepen.models import Lid, Partij
from werkgroepen.services import document_upload, document_versie_upload

LEZEN = ["home", "leden", "afspraken", "bijeenkomsten", "communicatie", "documenten"]
WIJZIGEN = ["bijeenkomst_nieuw", "communicatie_nieuw", "document_nieuw", "afspraken_wijzig"]
BEHEREN = ["lid_nieuw", "partij_nieuw"]


def url(naam, slug="de-hoek", **kwargs):
    return reverse(f"werkgroepen:{naam}", kwargs={"werkgroep": slug, **kwargs})


@pytest.mark.parametrize("naam", LEZEN + WIJZIGEN + BEHEREN)
def test_vreemde_krijgt_404(actoren, als, naam):
    client = als(actoren.vreemde)
    assert client.get(url(naam)).status_code == 404
    assert client.post(url(naam)).status_code == 404


@pytest.mark.parametrize("naam", LEZEN)
@pytest.mark.parametrize("rol", ["lid", "agendalid", "voorzitter", "begeleider", "staff"])
def test_lezen_mag_iedereen_van_de_werkgroep(actoren, als, naam, rol):
    assert als(actoren.user(rol)).get(url(naam)).status_code == 200


@pytest.mark.parametrize("naam", WIJZIGEN + BEHEREN)
def test_agendalid_mag_niet_schrijven(actoren, als, naam):
    client = als(actoren.agendalid)
    assert client.get(url(naam)).status_code == 403
    assert client.post(url(naam), {}).status_code == 403


@pytest.mark.parametrize("naam", WIJZIGEN)
def test_lid_mag_wijzigen(actoren, als, naam):
    assert als(actoren.lid).get(url(naam)).status_code == 200


@pytest.mark.parametrize("naam", BEHEREN)
def test_lid_mag_niet_beheren(actoren, als, naam):
    assert als(actoren.lid).get(url(naam)).status_code == 403
    assert als(actoren.lid).post(url(naam), {}).status_code == 403


def test_beheeracties_per_object(actoren, als):
    lid = Lid.objects.get(user=actoren.lid)
    client = als(actoren.lid)
    assert client.post(url("lid_uitnodigen", pk=lid.pk)).status_code == 403
    assert client.get(url("lid_beeindig", pk=lid.pk)).status_code == 403
    assert client.get(url("lid_wijzig", pk=lid.pk)).status_code == 403
    assert client.post(url("beveiliging"), {"mfa_verplicht": "on"}).status_code == 403
    assert client.post(url("cyclus_start"), {"start": "2025-01-01"}).status_code == 403
    assert als(actoren.auditor).get(url("leden")).status_code == 403


def test_object_van_andere_werkgroep_is_404(actoren, als):
    vreemd_lid = Lid.objects.get(user=actoren.vreemde)
    client = als(actoren.voorzitter)
    assert client.get(url("lid_wijzig", pk=vreemd_lid.pk)).status_code == 404
    b = BijeenkomstFactory(werkgroep=actoren.anderewerkgroep)
    assert client.get(url("bijeenkomst", pk=b.pk)).status_code == 404


# --- writes through the pages --------------------------------------------------------------


def test_lid_toevoegen_en_afmelden_houdt_historie(actoren, als):
    client = als(actoren.secretaris)
    politie = PartijFactory(werkgroep=actoren.werkgroep, naam="Politie Noord", soort=Partij.Soort.POLITIE)
    r = client.post(
        url("lid_nieuw"),
        {
            "naam": "Petra Politie",
            "partij": politie.pk,
            "email": "petra@example.org",
            "rollen": ["woordvoerder"],
            "lid_sinds": "2025-01-15",
        },
    )
    assert r.status_code == 302, r.content
    lid = Lid.objects.get(naam="Petra Politie")
    assert lid.rollen == ["woordvoerder"] and lid.partij == politie
    r = client.post(url("lid_beeindig", pk=lid.pk), {"lid_tot": (timezone.localdate() - dt.timedelta(days=1))})
    assert r.status_code == 302
    lid.refresh_from_db()
    assert lid.lid_tot is not None
    pagina = client.get(url("leden")).text
    deel = pagina.split('data-testid="voormalige-leden"')[1]
    assert "Petra Politie" in deel


def test_lid_van_andere_partij_kan_niet(actoren, als):
    vreemde_partij = Partij.objects.get(werkgroep=actoren.anderewerkgroep)
    r = als(actoren.voorzitter).post(url("lid_nieuw"), {"naam": "X", "partij": vreemde_partij.pk})
    assert r.status_code == 200
    assert not Lid.objects.filter(naam="X").exists()


def test_persoonsgegevens_alleen_binnen_werkgroep(actoren, als):
    assert "lid@example.org" in als(actoren.lid).get(url("leden")).text
    assert "lid@example.org" not in als(actoren.staff).get(url("leden")).text


def test_afspraken_eerste_keer_opslaan_maakt_record(actoren, als):
    r = als(actoren.lid).post(
        url("afspraken_wijzig"),
        {
            "bijeenkomsten_per_jaar": "4",
            "bewaartermijn_jaren": "6",
            "adres_straat": "Dorpsstraat 1",
            "adres_postcode": "1234 AB",
            "adres_plaats": "Voorbeeldstad",
            "besluitvorming": "Meerderheid",
        },
    )
    assert r.status_code == 302
    actoren.werkgroep.refresh_from_db()
    assert actoren.werkgroep.afspraken.bijeenkomsten_per_jaar == 4
    assert actoren.werkgroep.heeft_correspondentieadres


@pytest.mark.parametrize(("veld", "waarde"), [("bewaartermijn_jaren", "5"), ("bijeenkomsten_per_jaar", "2")])
def test_afspraken_onder_minimum_geweigerd(actoren, als, veld, waarde):
    r = als(actoren.lid).post(url("afspraken_wijzig"), {veld: waarde})
    assert r.status_code == 200
    assert "minimaal" in r.text


def test_mfa_instelling_door_voorzitter(actoren, als):
    assert als(actoren.voorzitter).post(url("beveiliging"), {"mfa_verplicht": "on"}).status_code == 302
    actoren.werkgroep.refresh_from_db()
    assert actoren.werkgroep.mfa_verplicht


def test_bijeenkomst_vastleggen(actoren, als):
    aanwezig = Lid.objects.get(user=actoren.voorzitter)
    r = als(actoren.lid).post(
        url("bijeenkomst_nieuw"),
        {
            "datum": "2025-03-01",
            "soort": "werkgroep",
            "agenda": "1. Opening",
            "notulen": "",
            "aanwezigen": [aanwezig.pk],
            "besluiten": "Schouw in april\n\n Nieuwsbrief in mei ",
        },
    )
    assert r.status_code == 302
    b = actoren.werkgroep.bijeenkomsten.get()
    assert b.besluiten == ["Schouw in april", "Nieuwsbrief in mei"]
    assert list(b.aanwezigen.all()) == [aanwezig]
    pagina = als(actoren.lid).get(url("bijeenkomsten")).text
    assert "notulen ontbreekt" in pagina


def test_cyclus_starten(actoren, als):
    actoren.werkgroep.cycli.all().delete()
    actoren.audit.delete()
    client = als(actoren.voorzitter)
    assert "Cyclus starten" in client.get(url("home")).text
    assert client.post(url("cyclus_start"), {"start": "2025-02-01"}).status_code == 302
    cyclus = actoren.werkgroep.cycli.get()
    assert cyclus.nummer == 1 and cyclus.soort == "eerste"


def test_home_toont_tijdlijn_en_eisen(actoren, als):
    tekst = als(actoren.lid).get(url("home")).text
    assert "nog niet gepland" in tekst
    assert 'data-eis="werkgroep.bijeenkomsten"' in tekst and 'data-eis="gebied.kaart"' in tekst
    assert "15 jan 2028" in tekst or "15-01-2028" in tekst or "15 januari 2028" in tekst


# --- bounded queries ------------------------------------------------------------------------


def _vul(werkgroep, n):
    partij = PartijFactory(werkgroep=werkgroep, soort=Partij.Soort.POLITIE)
    leden = [LidFactory(werkgroep=werkgroep, partij=partij, rollen=["woordvoerder"]) for _ in range(n)]
    LidFactory(werkgroep=werkgroep, partij=partij, lid_tot=dt.date(2025, 2, 1))
    if not hasattr(werkgroep, "afspraken"):
        AfsprakenFactory(werkgroep=werkgroep)
    for i in range(n):
        b = BijeenkomstFactory(werkgroep=werkgroep, datum=dt.date(2025, 2, 1) + dt.timedelta(days=i))
        b.aanwezigen.set(leden)
        CommunicatieFactory(werkgroep=werkgroep, datum=dt.date(2025, 2, 1) + dt.timedelta(days=i))
    from django.core.files.base import ContentFile

    for i in range(n):
        d = document_upload(actor=None, werkgroep=werkgroep, titel=f"Doc {i}", bestand=ContentFile(b"x", name="a.txt"))
        document_versie_upload(actor=None, document=d, bestand=ContentFile(b"y", name="b.txt"))


@pytest.mark.parametrize("naam", [*LEZEN, "bijeenkomst_nieuw"])
def test_queries_groeien_niet_met_data(actoren, als, django_assert_max_num_queries, naam):
    client = als(actoren.voorzitter)
    _vul(actoren.werkgroep, 2)
    # a sanity cap; the test is that the count does not grow with the data (below). The home page
    # answers all 54 rules of the readiness check live, the audit's and the certificate's included.
    with django_assert_max_num_queries(50) as weinig:
        assert client.get(url(naam)).status_code == 200
    actoren.werkgroep.refresh_from_db()
    _vul(actoren.werkgroep, 12)
    with django_assert_max_num_queries(len(weinig.captured_queries)) as veel:
        assert client.get(url(naam)).status_code == 200
    assert len(veel.captured_queries) <= len(weinig.captured_queries)


def test_home_toont_stand_per_onderdeel(actoren, als):
    tekst = als(actoren.lid).get(reverse("werkgroepen:home", kwargs={"werkgroep": "de-hoek"})).text
    for groep in ("Gebied", "Werkgroep", "Veiligheidsanalyse", "Plan van aanpak", "Evaluatie", "Audit en certificaat"):
        assert f'<span class="wg-stand__naam">{groep}</span>' in tekst


def test_home_queries_groeien_niet_met_de_gegevens(actoren, als):
    """The home page (timeline, readiness of every section) costs the same with 1 or 12 more members and inspections."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.analyse.factories import SchouwFactory

    client = als(actoren.voorzitter)
    url = reverse("werkgroepen:home", kwargs={"werkgroep": "de-hoek"})
    partij = Partij.objects.filter(werkgroep=actoren.werkgroep).first()

    def meet(extra: int, start: int) -> int:
        for n in range(extra):
            LidFactory(werkgroep=actoren.werkgroep, partij=partij)
            SchouwFactory(cyclus=actoren.cyclus, datum=actoren.cyclus.start + dt.timedelta(days=start + n))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert meet(1, 10) == meet(12, 20)
