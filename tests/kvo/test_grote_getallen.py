"""A 20-digit id, typed or forged, gives a clean answer, never a 500 (SQLite overflowed on it)."""

import pytest

from werkgroepen.models import Bijeenkomst, Lid

ENORM = "99999999999999999999"


def test_bijeenkomst_met_een_enorm_id_als_aanwezige(actoren, als):
    response = als(actoren.voorzitter).post(
        "/w/de-hoek/bijeenkomsten/nieuw/", {"datum": "2026-01-01", "soort": "werkgroep", "aanwezigen": [ENORM]}
    )
    assert response.status_code in (200, 422)
    assert "geldige keuze" in response.text or "geen beschikbare keuze" in response.text
    assert not Bijeenkomst.objects.exists()


@pytest.mark.parametrize("pad", [f"/w/de-hoek/bijeenkomsten/{ENORM}/", f"/w/de-hoek/aanpak/maatregelen/{ENORM}/"])
def test_enorm_id_in_de_url_is_een_404(actoren, als, pad):
    assert als(actoren.voorzitter).get(pad).status_code == 404


def test_in_lookup_laat_onmogelijke_waarden_weg(actoren):
    lid = Lid.objects.filter(werkgroep=actoren.werkgroep).first()
    assert list(Lid.objects.filter(pk__in=[int(ENORM), lid.pk])) == [lid]
    assert list(Lid.objects.filter(pk__in=[int(ENORM)])) == []
    assert list(Lid.objects.filter(pk__in=[-int(ENORM)])) == []


def test_ook_via_een_vreemde_sleutel(actoren):
    """``exact`` and ``in`` on a foreign key leave an impossible id out, as on the key itself."""
    lid = Lid.objects.filter(werkgroep=actoren.werkgroep).first()
    assert list(Lid.objects.filter(partij_id=int(ENORM))) == []
    assert list(Lid.objects.filter(partij=-int(ENORM))) == []
    assert list(Lid.objects.filter(partij__in=[int(ENORM), lid.partij_id], pk=lid.pk)) == [lid]
    assert list(Lid.objects.filter(partij__in=[int(ENORM)])) == []
    assert list(Lid.objects.exclude(partij_id=int(ENORM)).filter(pk=lid.pk)) == [lid]


def test_enorm_id_in_een_filter_van_de_matrix(actoren, als):
    response = als(actoren.voorzitter).get("/w/de-hoek/aanpak/matrix/", {"partij": ENORM})
    assert response.status_code == 200
