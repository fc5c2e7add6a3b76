"""The product shows what the scheme has and nothing it lacks (issue 23): navigation, home page,
timeline and portfolio of a KVO-B group and of a PVO group; the audit's pages answer 404 for a PVO
group, PVO's pages 404 for a KVO group."""

import re

import pytest
from django.urls import reverse

from kvo import versie
from kvo.regelingen import PVO
from tests.factories import BegeleidingsorganisatieFactory, WerkgroepFactory
from tests.pvo_hulp import maak_pvo

KVO_ALLEEN = [
    ("audits:audit", {}),
    ("audits:audit_verslag", {}),
    ("audits:afwijking_nieuw", {}),
    ("audits:certificaat", {}),
    ("audits:certificaat_pdf", {}),
    ("audits:certificaat_lever_aan", {}),
    ("audits:documentenset", {}),
    ("audits:documentenset_status", {}),
    ("audits:documentenset_pdf", {"pk": 1}),
]
PVO_ALLEEN = [
    "werkgroepen:pvo_samenwerking",
    "analyse:pvo_gebiedsscan",
    "aanpak:pvo_uitvoeringsplan",
    "aanpak:pvo_herijking",
    "aanpak:pvo_kalender",
    "audits:pvo_waardering",
    "audits:pvo_waardering_pdf",
]


def url(naam, wg, **kw):
    return reverse(naam, kwargs={"werkgroep": wg.slug, **kw})


def nav(html: str) -> str:
    return re.search(r'<nav class="navigatie".*?</nav>', html, re.S).group(0)


@pytest.fixture
def pvo(actoren):
    return maak_pvo(actoren)


@pytest.mark.parametrize(("naam", "kw"), KVO_ALLEEN)
def test_auditpaginas_bestaan_niet_voor_een_pvo_groep(actoren, als, pvo, naam, kw):
    client = als(actoren.voorzitter)
    assert client.get(url(naam, pvo.werkgroep, **kw)).status_code == 404
    assert client.post(url(naam, pvo.werkgroep, **kw)).status_code in (404, 405)


def test_de_auditpagina_bestaat_wel_voor_een_kvo_groep(actoren, als):
    assert als(actoren.voorzitter).get(url("audits:audit", actoren.werkgroep)).status_code == 200


@pytest.mark.parametrize("naam", PVO_ALLEEN)
def test_pvo_paginas_bestaan_niet_voor_een_kvo_groep(actoren, als, naam):
    assert als(actoren.voorzitter).get(url(naam, actoren.werkgroep)).status_code == 404


@pytest.mark.parametrize("naam", PVO_ALLEEN)
def test_pvo_paginas_bestaan_voor_een_pvo_groep(actoren, als, pvo, naam):
    assert als(actoren.voorzitter).get(url(naam, pvo.werkgroep)).status_code == 200


def test_navigatie_van_een_kvo_groep(actoren, als):
    html = nav(als(actoren.lid).get(url("werkgroepen:home", actoren.werkgroep)).text)
    assert ">Audit<" in html and ">Handboektoets<" in html and ">Afspraken<" in html
    assert "Waardering" not in html and "Samenwerking" not in html


def test_navigatie_van_een_pvo_groep(actoren, als, pvo):
    html = nav(als(actoren.lid).get(url("werkgroepen:home", pvo.werkgroep)).text)
    for label in ("Samenwerking", "Uitvoeringsplan", "Waardering", "Processtoets"):
        assert f">{label}<" in html, label
    assert ">Audit<" not in html and "Handboektoets" not in html and "Plan van aanpak" not in html


def test_home_van_een_pvo_groep_toont_waardering_en_geen_audit(actoren, als, pvo):
    response = als(actoren.lid).get(url("werkgroepen:home", pvo.werkgroep))
    html = response.text
    assert "Proces Veilig Bedrijventerrein (PVO)" in html
    assert "Op weg naar de waardering" in html and "Op weg naar de audit" not in html
    assert "keurmerk" not in html.lower().replace("kvo-keurmerk", "")  # no mark, not even an empty one
    namen = [m.naam for m, _k in response.context["tijdlijn"]]
    assert "Waardering" in namen and "Herijking" in namen and "Uitvoeringsplan vastgesteld" in namen
    assert "Audit" not in namen and "Einde cyclus" not in namen and "Conclusie analyse" not in namen
    assert "certificering" not in html
    assert [s.partij.sleutel for s in response.context["partijen_stand"]] == ["ondernemers", "gemeente", "politie"]
    assert not any(n.startswith("Evaluatie") for n in namen)
    # the rules on the page are PVO's, by section of pvo.md, and no KVO rule
    ids = {r.id for _g, rijen in response.context["groepen"] for r in rijen}
    assert ids and all(i.startswith("pvo.") for i in ids)
    assert [s["groep"] for s in response.context["stand"]][:2] == ["Gebied", "Samenwerking"]


def test_home_van_een_kvo_groep_is_ongewijzigd(actoren, als):
    response = als(actoren.lid).get(url("werkgroepen:home", actoren.werkgroep))
    assert "Op weg naar de audit" in response.text and "KVO-werkgroep" in response.text
    namen = [m.naam for m, _k in response.context["tijdlijn"]]
    assert "Audit" in namen and "Einde cyclus" in namen and "Waardering" not in namen


def test_portfolio_toont_beide_regelingen(actoren, als):
    andere = BegeleidingsorganisatieFactory(naam="PVO Oost-Nederland")
    WerkgroepFactory(naam="Veilig Bedrijventerrein Hengelo", slug="hengelo", handboek=PVO, begeleiding=andere)
    versie.opnieuw()
    html = als(actoren.staff).get(reverse("begeleiding:portfolio")).text
    labels = re.findall(r'data-testid="portfolio-regeling"><span class="regeling regeling--(\w+)"', html)
    assert sorted(labels) == ["kvo", "kvo", "pvo"]


def test_mijn_werkgroepen_toont_de_regeling(actoren, als, pvo):
    html = als(actoren.begeleider).get(reverse("home")).text
    assert "regeling--pvo" in html


def test_portfolio_termijnen_van_een_pvo_groep(actoren):
    import datetime as dt

    from kvo.termijnen import termijnen

    pvo = maak_pvo(actoren)
    namen = {(t.naam, t.datum) for t in termijnen([pvo.werkgroep], dt.date(2025, 11, 1))[pvo.werkgroep.pk]}
    assert ("Waardering", pvo.waardering.gepland_op) in namen
    assert ("Herijking uitvoeringsplan", dt.date(2027, 5, 15)) in namen
    assert not any(n.startswith(("Audit", "Documentenset", "Certificaat")) for n, _d in namen)
