"""Cluster rules (§3.1.1) are enforced when parks are added, and nothing is saved half."""

import pytest
from django.core.exceptions import ValidationError

from gebieden import services
from gebieden.models import Bedrijventerrein, Ondernemer
from tests.factories import BedrijventerreinFactory, OndernemerFactory
from tests.gebieden.factories import vierkant


def invoer(n, gemeente="Voorbeeldstad"):
    return [services.TerreinInvoer(f"Terrein {i}", gemeente, vierkant(5.1 + i / 50, 52.0)) for i in range(n)]


def test_vier_terreinen_mag(wg, actoren):
    terreinen = services.cluster_vorm(actor=actoren.lid, werkgroep=wg, nieuwe=invoer(4), regie_organisatie="Parkmgt")
    assert len(terreinen) == 4
    wg.refresh_from_db()
    assert wg.regie_organisatie == "Parkmgt"


def test_vijf_terreinen_geweigerd_en_niets_opgeslagen(wg, actoren):
    with pytest.raises(ValidationError) as fout:
        services.cluster_vorm(actor=actoren.lid, werkgroep=wg, nieuwe=invoer(5), regie_organisatie="Parkmgt")
    assert "ten hoogste 4 bedrijventerreinen; dit worden er 5" in " ".join(fout.value.messages)
    assert Bedrijventerrein.objects.filter(werkgroep=wg).count() == 0
    wg.refresh_from_db()
    assert wg.regie_organisatie == ""


def test_vijfde_terrein_toevoegen_geweigerd(wg, actoren):
    services.cluster_vorm(actor=actoren.lid, werkgroep=wg, nieuwe=invoer(4), regie_organisatie="Parkmgt")
    with pytest.raises(ValidationError, match="dit worden er 5"):
        services.terrein_maak(actor=actoren.lid, werkgroep=wg, naam="Vijf", gemeente="Voorbeeldstad")


def test_twee_gemeenten_geweigerd(wg, actoren, terrein):
    with pytest.raises(ValidationError) as fout:
        services.terrein_maak(
            actor=actoren.lid, werkgroep=wg, naam="Elders", gemeente="Anderstad", regie_organisatie="Gemeente"
        )
    assert "één gemeente; dit worden er 2: Voorbeeldstad, Anderstad" in fout.value.messages[0]
    assert wg.terreinen.count() == 1


def test_gemeente_vergelijkt_zonder_hoofdletters(wg, actoren, terrein):
    services.terrein_maak(
        actor=actoren.lid, werkgroep=wg, naam="Twee", gemeente=" voorbeeldstad ", regie_organisatie="X"
    )
    assert wg.terreinen.count() == 2


def test_gemeente_wijzigen_in_cluster_geweigerd(wg, actoren, terrein):
    services.terrein_maak(actor=actoren.lid, werkgroep=wg, naam="Twee", gemeente="Voorbeeldstad", regie_organisatie="X")
    with pytest.raises(ValidationError, match="niet in Anderstad"):
        services.terrein_wijzig(actor=actoren.lid, terrein=terrein, naam="De Hoek", gemeente="Anderstad")


def test_tweede_terrein_vraagt_regie(wg, actoren, terrein):
    with pytest.raises(ValidationError, match="regie-organisatie nodig"):
        services.terrein_maak(actor=actoren.lid, werkgroep=wg, naam="Twee", gemeente="Voorbeeldstad")
    assert wg.terreinen.count() == 1
    services.terrein_maak(
        actor=actoren.lid, werkgroep=wg, naam="Twee", gemeente="Voorbeeldstad", regie_organisatie="Parkmanagement"
    )
    wg.refresh_from_db()
    assert wg.regie_organisatie == "Parkmanagement"


def test_regie_al_ingevuld_is_genoeg(wg, actoren, terrein):
    wg.regie_organisatie = "Gemeente Voorbeeldstad"
    wg.save()
    services.terrein_maak(actor=actoren.lid, werkgroep=wg, naam="Twee", gemeente="Voorbeeldstad")
    assert wg.terreinen.count() == 2


def test_regie_leegmaken_in_cluster_geweigerd(wg, actoren):
    services.cluster_vorm(actor=actoren.lid, werkgroep=wg, nieuwe=invoer(2), regie_organisatie="Parkmgt")
    with pytest.raises(ValidationError, match="regie-organisatie nodig"):
        services.gebied_regie_wijzig(actor=actoren.lid, werkgroep=wg, regie_organisatie=" ")


def test_ongeldige_grens_weigert_hele_cluster(wg, actoren):
    nieuwe = [*invoer(2), services.TerreinInvoer("Krom", "Voorbeeldstad", {"type": "Point", "coordinates": [5, 52]})]
    with pytest.raises(ValidationError, match="Krom: De grens moet een vlak zijn"):
        services.cluster_vorm(actor=actoren.lid, werkgroep=wg, nieuwe=nieuwe, regie_organisatie="X")
    assert wg.terreinen.count() == 0


def test_dubbele_terreinnaam_geweigerd(wg, actoren, terrein):
    with pytest.raises(ValidationError, match="al een bedrijventerrein met de naam"):
        services.terrein_maak(
            actor=actoren.lid, werkgroep=wg, naam="de hoek", gemeente="Voorbeeldstad", regie_organisatie="X"
        )


def test_600_ondernemers_mag_601_niet(wg, actoren, terrein):
    Ondernemer.objects.bulk_create(Ondernemer(terrein=terrein, naam=f"B{i}", ref=f"o{i}") for i in range(599))
    services.ondernemer_maak(actor=actoren.lid, terrein=terrein, naam="Nummer 600")
    assert terrein.ondernemers.count() == 600
    with pytest.raises(ValidationError, match="al 600 ondernemers; het maximum is 600"):
        services.ondernemer_maak(actor=actoren.lid, terrein=terrein, naam="Nummer 601")


def test_terrein_erbij_met_te_veel_ondernemers_geweigerd(wg, actoren, terrein):
    """A cluster is counted as a whole: 601 over two parks is too many."""
    Ondernemer.objects.bulk_create(Ondernemer(terrein=terrein, naam=f"B{i}", ref=f"o{i}") for i in range(601))
    with pytest.raises(ValidationError, match="601 ondernemers tellen, 1 meer dan het maximum van 600"):
        services.terrein_maak(
            actor=actoren.lid, werkgroep=wg, naam="Twee", gemeente="Voorbeeldstad", regie_organisatie="X"
        )


def test_ondernemer_postcode_en_dubbel(wg, actoren, terrein):
    o = services.ondernemer_maak(actor=actoren.lid, terrein=terrein, naam="Jansen BV", postcode="1234ab")
    assert o.postcode == "1234 AB"
    with pytest.raises(ValidationError, match="geen Nederlandse postcode"):
        services.ondernemer_maak(actor=actoren.lid, terrein=terrein, naam="Pietersen", postcode="0123 AB")
    with pytest.raises(ValidationError, match="staat al in het register"):
        services.ondernemer_maak(actor=actoren.lid, terrein=terrein, naam="jansen  bv")
    services.ondernemer_wijzig(actor=actoren.lid, ondernemer=o, naam="Jansen BV", email="INFO@jansen.nl")
    o.refresh_from_db()
    assert o.email == "info@jansen.nl"


def test_dubbel_over_terreinen_van_cluster(wg, actoren, terrein):
    ander = BedrijventerreinFactory(werkgroep=wg, naam="Noord")
    OndernemerFactory(terrein=ander, naam="Smit Transport")
    with pytest.raises(ValidationError, match="terrein Noord"):
        services.ondernemer_maak(actor=actoren.lid, terrein=terrein, naam="Smit Transport")
