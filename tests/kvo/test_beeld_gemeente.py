"""The picture per municipality over time (issue 28): a municipality's parks added up per cycle number
on ``/begeleiding/beeld/gemeente/?naam=…`` and in the exports, the small-cell rule on those sums (a
park with 4 responses never adds to them, 5 does), who sees which municipality, queries that do not
grow with the groups, and a renewing group's certificate carried into its next cycle."""

import csv
import datetime as dt
import io
import re

import openpyxl
import pytest
from django.urls import reverse

from gebieden.models import Bedrijventerrein
from kvo import versie
from kvo.beeld import beeld
from tests.analyse.factories import CijferFactory, ReactieFactory
from tests.factories import (
    AuditFactory,
    BedrijventerreinFactory,
    BegeleidingsorganisatieFactory,
    CertificaatFactory,
    CyclusFactory,
    OndernemerFactory,
    UserFactory,
    WerkgroepFactory,
)
from tests.gebieden.factories import vierkant
from tests.kvo.test_beeld import veilig_enquete

GEMEENTE = reverse("begeleiding:beeld_gemeente")
EXPORT_CSV = reverse("begeleiding:beeld_export", kwargs={"formaat": "csv"})
EXPORT_XLSX = reverse("begeleiding:beeld_export", kwargs={"formaat": "xlsx"})
VEILIG = "analyse.veiligheidsgevoel"


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def _drie_cycli(werkgroep, eerste):
    cycli = [eerste]
    cycli += [CyclusFactory(werkgroep=werkgroep, nummer=n, start=dt.date(2019 + 3 * n, 1, 15)) for n in (2, 3)]
    return cycli


def test_gemeente_per_cyclus_opgeteld_met_trend(actoren, als):
    wg = actoren.werkgroep
    a = BedrijventerreinFactory(werkgroep=wg, naam="Ommen-Noord", gemeente="Ommen")
    b = BedrijventerreinFactory(werkgroep=wg, naam="Ommen-Zuid", gemeente="Ommen")
    BedrijventerreinFactory(werkgroep=wg, naam="Elders", gemeente="Dalfsen")
    cycli = _drie_cycli(wg, actoren.cyclus)
    # cycle 1: 1 of 5 and 1 of 5 → 20 %; cycle 2: 3 of 5 and 1 of 5 → 40 %; cycle 3: 5 of 5 and 3 of 5 → 80 %
    for c, (op_a, op_b) in zip(cycli, ((1, 1), (3, 1), (5, 3)), strict=True):
        enquete = veilig_enquete(c, a, [5] * op_a + [1] * (5 - op_a))
        vraag = enquete.vragen.get()
        for x in [5] * op_b + [1] * (5 - op_b):
            ReactieFactory(enquete=enquete, terrein=b, antwoorden={vraag.ref: x})
    b_ = beeld([wg])
    ommen = [t for t in b_.terreinen if t.gemeente == "Ommen"]
    reeks = b_.gemeente_reeks(VEILIG, ommen)
    assert [(n, w.getal) for n, w in reeks] == [(1, 20.0), (2, 40.0), (3, 80.0)]
    rij = next(g for g in b_.gemeenten() if g.naam == "Ommen")
    assert rij.trend[VEILIG].tekst == "+40 procentpunt" and rij.trend[VEILIG].richting == "beter"

    client = als(actoren.begeleider)
    overzicht = client.get(reverse("begeleiding:beeld")).content.decode()
    assert f'href="{GEMEENTE}?naam=Ommen"' in overzicht and "+40" in overzicht
    response = client.get(GEMEENTE, {"naam": "Ommen"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Gemeente Ommen" in html and "Cyclus 1" in html and "Cyclus 3" in html
    assert "20 %" in html and "40 %" in html and "80 %" in html
    assert "Ommen-Noord" in html and "Ommen-Zuid" in html and "Elders" not in html
    assert "<svg" in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html) and ' style="' not in html  # CSP: no inline script or style
    # the park's page links to its municipality
    terrein = client.get(reverse("begeleiding:beeld_terrein", kwargs={"pk": a.pk})).content.decode()
    assert f'href="{GEMEENTE}?naam=Ommen"' in terrein

    # the export: per municipality and cycle number, the same sums
    rijen = _csv(client.get(EXPORT_CSV, {"gemeente": "Ommen"}))
    kop = rijen[0]
    assert kop[:3] == ["Gemeente", "Terreinen", "Cyclus"]
    kolom = kop.index("Veiligheidsgevoel (%)")
    assert [(r[0], r[2], r[kolom]) for r in rijen[1:]] == [("Ommen", "1", "20.0"), ("Ommen", "2", "40.0"),
                                                           ("Ommen", "3", "80.0")]  # fmt: skip
    alle = _csv(client.get(EXPORT_CSV, {"per": "gemeente"}))
    assert {r[0] for r in alle[1:]} == {"Ommen", "Dalfsen"}
    boek = openpyxl.load_workbook(io.BytesIO(client.get(EXPORT_XLSX).content))
    assert boek.sheetnames == ["Beeld per terrein", "Beeld per gemeente"]
    assert [c.value for c in boek["Beeld per gemeente"]["A"]][1:] == ["Dalfsen"] * 3 + ["Ommen"] * 3


@pytest.mark.parametrize(("aantal", "getoond"), [(4, False), (5, True)])
def test_kleine_cel_telt_niet_mee_in_de_som(actoren, als, aantal, getoond):
    """Two parks of 4 responses never make a figure of 8; a park of 5 makes one of its own 5 only."""
    wg = actoren.werkgroep
    a = BedrijventerreinFactory(werkgroep=wg, naam="Klein A", gemeente="Hardenberg")
    b = BedrijventerreinFactory(werkgroep=wg, naam="Klein B", gemeente="Hardenberg")
    enquete = veilig_enquete(actoren.cyclus, a, [5] * aantal)
    vraag = enquete.vragen.get()
    for x in [1, 1, 1, 1]:
        ReactieFactory(enquete=enquete, terrein=b, antwoorden={vraag.ref: x})
    b_ = beeld([wg])
    som = b_.gemeente_reeks(VEILIG, b_.terreinen)[0][1]
    huidig = next(g for g in b_.gemeenten() if g.naam == "Hardenberg").huidig[VEILIG]
    client = als(actoren.begeleider)
    html = client.get(GEMEENTE, {"naam": "Hardenberg"}).content.decode()
    assert 'data-testid="geen-verloop"' in html and "<svg" not in html  # one cycle: no chart of one column
    rijen = _csv(client.get(EXPORT_CSV, {"gemeente": "Hardenberg"}))
    cel = rijen[1][rijen[0].index("Veiligheidsgevoel (%)")]
    if getoond:
        assert som.getal == huidig.getal == 100.0 and som.noemer == 5  # park B's 4 answers left out
        assert "n = 5" in som.toelichting and cel == "100.0"
    else:
        assert som.getal is None and huidig.getal is None
        assert som.tekst == huidig.tekst == "minder dan 5 reacties" and cel == "minder dan 5 reacties"
        assert "minder dan 5 reacties" in html and "100 %" not in html


def test_andere_organisatie_ziet_de_gemeente_niet(actoren, als):
    eigen = BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam="Eigen Park", gemeente="Zwolle")
    ander = WerkgroepFactory(naam="KVO Van Een Ander", begeleiding=BegeleidingsorganisatieFactory())
    BedrijventerreinFactory(werkgroep=ander, naam="Vreemd Park", gemeente="Kampen")
    BedrijventerreinFactory(werkgroep=ander, naam="Vreemd in Zwolle", gemeente="Zwolle")
    client = als(actoren.begeleider)
    assert client.get(GEMEENTE, {"naam": "Kampen"}).status_code == 404  # only another organisation's parks
    assert client.get(GEMEENTE, {"naam": "Nergens"}).status_code == 404  # the same as a missing one
    assert client.get(GEMEENTE).status_code == 404
    assert client.get(GEMEENTE, {"naam": "x" * 201}).status_code == 404
    assert client.get(EXPORT_CSV, {"gemeente": "Kampen"}).status_code == 404
    zwolle = client.get(GEMEENTE, {"naam": "Zwolle"}).content.decode()
    assert "Eigen Park" in zwolle and "Vreemd in Zwolle" not in zwolle
    alle = client.get(EXPORT_CSV, {"per": "gemeente"}).content.decode("utf-8-sig")
    assert "Kampen" not in alle
    assert "Kampen" not in client.get(reverse("begeleiding:beeld")).content.decode()
    # staff see both organisations' parks in Zwolle
    staff = als(actoren.staff).get(GEMEENTE, {"naam": "Zwolle"}).content.decode()
    assert "Eigen Park" in staff and "Vreemd in Zwolle" in staff
    assert eigen.pk


@pytest.mark.parametrize("rol", ["lid", "voorzitter", "agendalid", "auditor", "vreemde"])
def test_leden_zien_geen_gemeente(actoren, als, rol):
    BedrijventerreinFactory(werkgroep=actoren.werkgroep, gemeente="Zwolle")
    client = als(actoren.user(rol))
    assert client.get(GEMEENTE, {"naam": "Zwolle"}).status_code == 403
    assert client.get(EXPORT_CSV, {"gemeente": "Zwolle"}).status_code == 403


def test_certificaat_van_de_vorige_cyclus_telt_tot_de_nieuwe_audit(actoren):
    wg = actoren.werkgroep
    t = BedrijventerreinFactory(werkgroep=wg)
    tweede = CyclusFactory(werkgroep=wg, nummer=2, start=dt.date(2025, 6, 1))
    vandaag = dt.date.today()
    CertificaatFactory(
        audit=AuditFactory(werkgroep=wg, cyclus=actoren.cyclus),
        uitgegeven_op=vandaag - dt.timedelta(days=400),
        geldig_tot=vandaag + dt.timedelta(days=700),
    )
    waarden = beeld([wg]).waarden["audits.status"]
    assert waarden[(t.pk, 1)].tekst == waarden[(t.pk, 2)].tekst == "KVO: gecertificeerd"
    assert tweede.nummer == 2


# --- bounded queries ----------------------------------------------------------------------------


def _groepen(aantal: int, begeleiding, start: int = 0):
    for n in range(start, start + aantal):
        wg = WerkgroepFactory(begeleiding=begeleiding, gemeente="Raalte")
        cycli = [CyclusFactory(werkgroep=wg), CyclusFactory(werkgroep=wg, nummer=2, start=dt.date(2024, 1, 1))]
        t = BedrijventerreinFactory(werkgroep=wg, gemeente="Raalte" if n % 2 else "Olst-Wijhe")
        OndernemerFactory(terrein=t)
        for c in cycli:
            veilig_enquete(c, t, [5, 4, 3, 2, 1])
            CijferFactory(cyclus=c, terrein=t)


def _aantal(als, user, url, params=None) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = als(user)
    with versie.opnieuw(), CaptureQueriesContext(connection) as vangst:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(vangst.captured_queries)


def test_queries_gelijk_bij_weinig_en_veel_werkgroepen(db, als, django_assert_max_num_queries):
    begeleider = UserFactory(email="gemeente@example.org")
    org = BegeleidingsorganisatieFactory()
    org.gebruikers.add(begeleider)
    paginas = [(GEMEENTE, {"naam": "Raalte"}), (EXPORT_CSV, {"per": "gemeente"}), (EXPORT_XLSX, {}),
               (EXPORT_CSV, {"gemeente": "Raalte"})]  # fmt: skip
    _groepen(4, org)
    eerste = Bedrijventerrein.objects.order_by("pk").first()
    paginas.append((reverse("begeleiding:beeld_terrein", kwargs={"pk": eerste.pk}), {}))
    weinig = [_aantal(als, begeleider, url, params) for url, params in paginas]
    _groepen(30, org, start=4)
    client = als(begeleider)
    for (url, params), n in zip(paginas, weinig, strict=True):
        with django_assert_max_num_queries(n):
            assert client.get(url, params).status_code == 200
        assert _aantal(als, begeleider, url, params) == n, url


def test_kaart_toont_bij_een_categorie_alleen_het_eerste_thema(actoren, als):
    """The map's name labels stay short: a category's first label, the one it is coloured by."""
    import json

    from tests.analyse.factories import ConclusieFactory, PrioriteitFactory

    BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam="Themapark", grens=vierkant(5.1, 52.0))
    conclusie = ConclusieFactory(cyclus=actoren.cyclus)
    PrioriteitFactory(conclusie=conclusie, thema="overlast", risicokans=9, ernst=9)
    PrioriteitFactory(conclusie=conclusie, thema="brandveiligheid", risicokans=8, ernst=8)
    html = als(actoren.begeleider).get(reverse("begeleiding:beeld"), {"indicator": "analyse.risicothemas"}).text
    data = json.loads(re.search(r'<script id="beeld-data" type="application/json">(.*?)</script>', html).group(1))
    assert [p["waarde"] for p in data] == ["Overlast"]
    assert "Overlast, Brandveiligheid" in html  # the table keeps all three
