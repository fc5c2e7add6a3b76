"""The facilitator's portfolio (``/begeleiding/``): who sees it, what a row shows, the order of
the deadlines, the bounded queries, and the Bijwerken button.

A user who is neither a facilitator nor staff gets 403 (the page is outside any work group, so
there is no work group to hide behind a 404), like the dossier import.
"""

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse

from kvo import versie
from kvo.termijnen import Termijn, termijnen
from kvo.toets import Gereedheid
from kvo.views_portfolio import Portfoliorij
from tests.analyse.factories import EnqueteFactory
from tests.factories import (
    AfwijkingFactory,
    AuditFactory,
    BegeleidingsorganisatieFactory,
    CertificaatFactory,
    CyclusFactory,
    UserFactory,
    WerkgroepFactory,
)
from werkgroepen.models import ToetsHistorie, Werkgroep

URL = reverse("begeleiding:portfolio")
NU = dt.datetime(2026, 5, 1, 10, 0, tzinfo=dt.UTC)
VANDAAG = NU.date()


@pytest.fixture(autouse=True)
def _klok():
    with time_machine.travel(NU, tick=False):
        yield


def namen(response) -> list[str]:
    return [r.werkgroep.naam for r in response.context["rijen"]]


def test_begeleider_ziet_alleen_de_werkgroepen_van_de_eigen_organisatie(actoren, als):
    WerkgroepFactory(naam="KVO Van Een Ander", begeleiding=BegeleidingsorganisatieFactory())
    response = als(actoren.begeleider).get(URL)
    assert response.status_code == 200
    assert namen(response) == ["KVO De Hoek"]
    html = response.content.decode()
    assert "KVO Andere Kant" not in html and "KVO Van Een Ander" not in html
    assert reverse("werkgroepen:home", kwargs={"werkgroep": "de-hoek"}) in html


def test_staff_ziet_alle_werkgroepen(actoren, als):
    response = als(actoren.staff).get(URL)
    assert response.status_code == 200
    assert sorted(namen(response)) == ["KVO Andere Kant", "KVO De Hoek"]


@pytest.mark.parametrize("rol", ["lid", "voorzitter", "secretaris", "agendalid", "auditor", "vreemde"])
def test_wie_geen_begeleider_of_staff_is_krijgt_403(actoren, als, rol):
    client = als(actoren.user(rol))
    assert client.get(URL).status_code == 403
    assert client.post(URL).status_code == 403


def test_anoniem_moet_inloggen(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_lege_staat_voor_een_begeleider_zonder_werkgroepen(db, als):
    begeleider = UserFactory(email="nieuw@begeleiding.example")
    BegeleidingsorganisatieFactory().gebruikers.add(begeleider)
    html = als(begeleider).get(URL).content.decode()
    assert 'data-testid="portfolio-leeg"' in html
    assert "U begeleidt nog geen werkgroepen" in html
    assert "<table" not in html


def _groep(naam: str, organisatie) -> Werkgroep:
    wg = WerkgroepFactory(naam=naam, begeleiding=organisatie)
    CyclusFactory(werkgroep=wg)
    return wg


def test_verlopen_termijnen_eerst_daarna_op_datum(db, als):
    organisatie = BegeleidingsorganisatieFactory()
    begeleider = UserFactory(email="b@begeleiding.example")
    organisatie.gebruikers.add(begeleider)
    zonder = _groep("KVO A Zonder Termijn", organisatie)
    audit_komt = _groep("KVO B Audit In Juni", organisatie)
    AuditFactory(werkgroep=audit_komt, cyclus=audit_komt.cycli.get(), datum=dt.date(2026, 6, 1))
    enquete = _groep("KVO C Enquete Sluit", organisatie)
    EnqueteFactory(cyclus=enquete.cycli.get(), geopend_op=dt.date(2026, 4, 1), gesloten_op=dt.date(2026, 5, 5))
    achter = _groep("KVO D Aanvulling Te Laat", organisatie)
    oude_audit = AuditFactory(
        werkgroep=achter, cyclus=achter.cycli.get(), datum=dt.date(2026, 1, 15), documentenset_aangeleverd_op=None
    )
    AfwijkingFactory(audit=oude_audit, vastgesteld_op=dt.date(2026, 1, 15))  # supplements due 15 March
    AfwijkingFactory(audit=oude_audit, vastgesteld_op=dt.date(2026, 2, 1))  # due 1 April: a second overdue one

    response = als(begeleider).get(URL)
    assert namen(response) == [achter.naam, enquete.naam, audit_komt.naam, zonder.naam]
    rijen = {r.werkgroep.naam: r for r in response.context["rijen"]}
    assert rijen[achter.naam].volgende == Termijn(
        "Aanvullingen op afwijking",
        dt.date(2026, 3, 15),
        achter.pk,
        reverse("audits:audit", kwargs={"werkgroep": achter.slug}),
    )
    assert len(rijen[achter.naam].verlopen) == 2
    # The delivery deadline (audit − 14 days) comes before the audit date itself.
    assert [(t.naam, t.datum) for t in rijen[audit_komt.naam].termijnen] == [
        ("Documentenset aanleveren", dt.date(2026, 5, 18)),
        ("Audit", dt.date(2026, 6, 1)),
    ]
    assert rijen[zonder.naam].volgende is None

    html = response.content.decode()
    verlopen_rijen = re.findall(r'<tr class="portfolio__verlopen"[^>]*>\s*<td><a [^>]*>([^<]+)</a>', html)
    assert verlopen_rijen == [achter.naam]  # only the overdue row is marked red
    assert "en nog 1 verlopen" in html
    assert "data-sorteerbaar" in html and 'data-tabelfilter="tabel-portfolio"' in html


def test_termijnen_die_gedaan_zijn_tellen_niet(db):
    wg = _groep("KVO Alles Op Orde", None)
    cyclus = wg.cycli.get()
    AuditFactory(werkgroep=wg, cyclus=cyclus, datum=dt.date(2026, 6, 1), documentenset_aangeleverd_op=VANDAAG)
    oud = AuditFactory(werkgroep=wg, cyclus=cyclus, datum=dt.date(2023, 6, 1))
    AfwijkingFactory(audit=oud, vastgesteld_op=dt.date(2023, 6, 1), aanvulling_op=dt.date(2023, 7, 1))
    CertificaatFactory(audit=oud, geldig_tot=dt.date(2026, 7, 1))
    CertificaatFactory(audit=AuditFactory(werkgroep=wg, cyclus=cyclus, datum=None), geldig_tot=dt.date(2020, 1, 1))
    EnqueteFactory(cyclus=cyclus, geopend_op=dt.date(2026, 1, 1), gesloten_op=dt.date(2026, 2, 1))  # closed
    assert [(t.naam, t.datum) for t in termijnen([wg], VANDAAG)[wg.pk]] == [
        ("Audit", dt.date(2026, 6, 1)),  # delivered: no delivery deadline
        ("Certificaat verloopt", dt.date(2026, 7, 1)),  # the newest certificate only
    ]


@pytest.mark.parametrize(
    ("stand", "procent", "tekst"),
    [
        ({"voldaan": 8, "niet_voldaan": 10, "open": 32, "nvt": 4, "totaal": 54}, 16, "8 van 50 eisen voldaan"),
        ({"voldaan": 50, "niet_voldaan": 0, "open": 0, "nvt": 4, "totaal": 54}, 100, "50 van 50 eisen voldaan"),
        ({"voldaan": 0, "niet_voldaan": 4, "open": 50, "nvt": 0, "totaal": 54}, 0, "0 van 54 eisen voldaan"),
    ],
)
def test_balk_toont_het_aandeel_van_de_eisen_die_gelden(actoren, als, stand, procent, tekst):
    Werkgroep.objects.filter(pk=actoren.werkgroep.pk).update(toets_stand=stand, toets_berekend_op=NU)
    html = als(actoren.begeleider).get(URL).content.decode()
    assert f'aria-valuenow="{procent}"' in html
    assert f'<rect class="voortgang__vulling" width="{procent:.1f}"' in html  # an SVG fill, no style attribute (CSP)
    assert tekst in html


def test_balk_is_nooit_vol_zolang_er_een_eis_ontbreekt():
    wg = Werkgroep(naam="x")
    assert Portfoliorij(wg, Gereedheid(voldaan=299, open=1), [], VANDAAG).procent == 99
    assert Portfoliorij(wg, Gereedheid(voldaan=8, niet_voldaan=46), [], VANDAAG).procent == 15
    assert Portfoliorij(wg, None, [], VANDAAG).procent == 0


def test_zonder_stand_nog_niet_berekend(actoren, als):
    html = als(actoren.begeleider).get(URL).content.decode()
    assert "nog niet berekend" in html
    assert "voortgang__balk" not in html


def _portfolio_van(aantal: int, organisatie) -> None:
    for i in range(aantal):
        wg = _groep(f"KVO Portfolio {organisatie.pk}-{i:02d}", organisatie)
        wg.toets_stand = {"voldaan": i, "niet_voldaan": 1, "open": 40, "nvt": 4, "totaal": 54}
        wg.save()
        cyclus = wg.cycli.get()
        audit = AuditFactory(werkgroep=wg, cyclus=cyclus, datum=dt.date(2026, 6, 1))
        AfwijkingFactory(audit=audit, vastgesteld_op=dt.date(2026, 1, 1))
        CertificaatFactory(audit=audit)
        EnqueteFactory(cyclus=cyclus, geopend_op=dt.date(2026, 4, 1), gesloten_op=dt.date(2026, 5, 20))


# Session, user, facilitator?, the work groups' ids and times of their readiness figure, their data
# versions (kvo.versie); computed: the work groups themselves and one query per deadline kind
# (survey, audits, deviations, certificates). The same for 3 work groups as for 30.
QUERIES = 10
QUERIES_BEWAARD = 5  # kept: the page's key, no row loaded


@pytest.mark.parametrize("aantal", [3, 30])
def test_aantal_queries_groeit_niet_met_het_aantal_werkgroepen(db, als, django_assert_max_num_queries, aantal):
    organisatie = BegeleidingsorganisatieFactory()
    begeleider = UserFactory(email="b@begeleiding.example")
    organisatie.gebruikers.add(begeleider)
    _portfolio_van(aantal, organisatie)
    _portfolio_van(5, BegeleidingsorganisatieFactory())  # someone else's: not read
    client = als(begeleider)
    client.get(URL)  # warm up (the registry's autodiscovery)
    # the table built afresh, not kept from the warm-up (kvo.versie)
    with versie.opnieuw(), django_assert_max_num_queries(QUERIES):
        response = client.get(URL)
    html = response.content.decode()
    assert html.count('data-testid="portfolio-rij"') == aantal
    assert "nog niet berekend" not in html and '<span class="zacht">geen</span>' not in html
    with django_assert_max_num_queries(QUERIES_BEWAARD):  # kept: the groups, their versions, nothing per row
        bewaard = client.get(URL).content.decode()
    assert _tabel(bewaard) == _tabel(html)


def _tabel(html: str) -> str:
    return html[html.index('<table class="tabel portfolio"') : html.index("</table>")]


def test_bijwerken_zet_de_toets_van_elke_werkgroep_in_de_wachtrij(actoren, als, django_capture_on_commit_callbacks):
    tweede = _groep("KVO Tweede", actoren.werkgroep.begeleiding)
    client = als(actoren.begeleider)
    html = client.get(URL).content.decode()
    assert 'data-testid="bijwerken"' in html and 'method="post"' in html
    with django_capture_on_commit_callbacks(execute=False) as taken:
        response = client.post(URL)
    assert response.status_code == 302 and response["Location"] == URL
    assert len(taken) == 2  # one task per facilitated work group, sent after the commit
    assert not ToetsHistorie.objects.exists()
    for taak in taken:
        taak()  # eager in the tests: the worker's job
    for wg in (actoren.werkgroep, tweede):
        wg.refresh_from_db()
        assert wg.toets_stand["totaal"] == 54 and wg.toets_berekend_op == NU
    assert ToetsHistorie.objects.filter(datum=VANDAAG).count() == 2
    assert not Werkgroep.objects.get(pk=actoren.anderewerkgroep.pk).toets_stand  # not facilitated: untouched
    assert "wordt opnieuw berekend" in client.get(URL).content.decode()
