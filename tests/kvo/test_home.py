"""The home page: a member with one work group lands in it; a facilitator sees all of theirs."""

import pytest
from django.urls import reverse

from kvo.tasks import werkgroep_toets_bijwerken
from tests.factories import WerkgroepFactory


def test_lid_met_een_werkgroep_gaat_direct_erheen(actoren, als):
    response = als(actoren.lid).get(reverse("home"))
    assert response.status_code == 302
    assert response.url == "/w/de-hoek/"


def test_anoniem_moet_inloggen(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_gebruiker_zonder_werkgroep_krijgt_uitleg(db, als):
    from tests.factories import UserFactory

    response = als(UserFactory()).get(reverse("home"))
    assert response.status_code == 200
    assert "U hoort nog bij geen werkgroep" in response.text


def test_begeleider_ziet_eigen_werkgroepen_met_status(actoren, als):
    werkgroep_toets_bijwerken.delay(werkgroep_id=actoren.werkgroep.pk)
    response = als(actoren.begeleider).get(reverse("home"))
    assert response.status_code == 200
    assert "Werkgroepen die u begeleidt" in response.text
    assert "KVO De Hoek" in response.text
    assert "KVO Andere Kant" not in response.text
    actoren.werkgroep.refresh_from_db()
    stand = actoren.werkgroep.toets_stand
    # the readiness figure counts only the rules that apply (not "2 van 54" with n.v.t. included)
    te_toetsen = stand["totaal"] - stand["nvt"]
    assert f"{stand['voldaan']} van {te_toetsen} eisen voldaan" in response.text
    assert f"{stand['voldaan']} van {stand['totaal']} eisen" not in response.text


def test_staff_ziet_alle_werkgroepen(actoren, als):
    response = als(actoren.staff).get(reverse("home"))
    assert "KVO De Hoek" in response.text and "KVO Andere Kant" in response.text


@pytest.mark.parametrize("aantal", [3, 30])
def test_overzicht_begrensd_aantal_queries(actoren, als, django_assert_max_num_queries, aantal):
    begeleiding = actoren.werkgroep.begeleiding
    for n in range(aantal):
        WerkgroepFactory(naam=f"KVO Extra {n}", slug=f"extra-{n}", begeleiding=begeleiding)
    client = als(actoren.begeleider)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("home"))
    assert response.text.count("KVO Extra") == aantal


def test_gereedheid_op_het_overzicht_is_het_aandeel_van_de_toepasselijke_eisen(actoren, als):
    """8 of 54 rules met (4 not applicable) is 16 %, not a full bar."""
    wg = actoren.werkgroep
    wg.toets_stand = {"totaal": 54, "voldaan": 8, "nvt": 4, "open": 40, "niet_voldaan": 2}
    wg.save()
    assert wg.gereedheid == 16
    pagina = als(actoren.begeleider).get("/")
    assert 'aria-label="16 % gereed"' in pagina.text and 'width="16.0"' in pagina.text
    wg.toets_stand = {"totaal": 54, "voldaan": 49, "nvt": 4}
    assert wg.gereedheid == 98
    wg.toets_stand = {"totaal": 54, "voldaan": 50, "nvt": 4}
    assert wg.gereedheid == 100


def test_de_navigatie_markeert_een_onderdeel_tegelijk(actoren, als):
    """The readiness page lives under /audit/ but has its own link: only that one is current."""
    import re

    from django.urls import reverse

    client = als(actoren.lid)
    w = {"werkgroep": actoren.werkgroep.slug}

    def huidig(url: str) -> list[str]:
        return re.findall(r'aria-current="page">([^<]+)</a>', client.get(url).content.decode())

    assert "Handboektoets" in huidig(reverse("audits:toets", kwargs=w))
    assert "Audit" not in huidig(reverse("audits:toets", kwargs=w))
    assert "Audit" in huidig(reverse("audits:audit", kwargs=w))
