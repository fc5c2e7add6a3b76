"""The analysis overview and the conclusion: prioritisation per theme, adoption at a meeting,
check analyse.conclusie, roles, tenancy and bounded queries."""

import datetime as dt

import pytest
from django.urls import reverse

from analyse.models import Conclusie
from kvo.toets import Status
from tests.analyse.factories import EnqueteFactory, ReactieFactory, SchouwFactory
from tests.factories import BedrijventerreinFactory

SLUG = "de-hoek"


def url(naam):
    return reverse(f"analyse:{naam}", kwargs={"werkgroep": SLUG})


def formulier(rijen: dict, **velden) -> dict:
    """POST data: ``rijen`` maps a theme to (kans, impact, jaar)."""
    from analyse import catalogus

    themas = list(catalogus.THEMAS)
    data = {"p-TOTAL_FORMS": str(len(themas)), "p-INITIAL_FORMS": str(len(themas))}
    for i, t in enumerate(themas):
        kans, ernst, jaar = rijen.get(t, ("", "", ""))
        data.update({f"p-{i}-thema": t, f"p-{i}-risicokans": kans, f"p-{i}-ernst": ernst, f"p-{i}-jaar": jaar})
    data.update(velden)
    return data


def test_conclusie_opslaan_en_vaststellen(actoren, als, toets):
    from werkgroepen.models import Bijeenkomst

    bijeenkomst = Bijeenkomst.objects.create(werkgroep=actoren.werkgroep, ref="b1", datum=dt.date(2025, 4, 7))
    client = als(actoren.lid)
    data = formulier(
        {"sociale-veiligheid": ("7", "7", "1"), "overlast": ("6", "5", "2")},
        samenvatting="Inbraak en overlast vallen op.",
        conclusie="Eerst sociale veiligheid.",
        vastgesteld_op="2025-04-07",
        vastgesteld_in=bijeenkomst.pk,
    )
    response = client.post(url("conclusie"), data)
    assert response.status_code == 302
    c = Conclusie.objects.get()
    assert [(p.thema, p.score, p.jaar) for p in c.prioriteiten.all()] == [
        ("sociale-veiligheid", 49, 1),
        ("overlast", 30, 2),
    ]
    assert c.vastgesteld_in == bijeenkomst
    uitkomst = toets(actoren.werkgroep, "analyse.conclusie", dt.date(2025, 5, 1))
    assert uitkomst.status == Status.OPEN and "nog geen reacties" in uitkomst.toelichting
    enquete = EnqueteFactory(cyclus=actoren.cyclus, geopend_op=dt.date(2025, 2, 1))
    ReactieFactory(enquete=enquete, terrein=BedrijventerreinFactory(werkgroep=actoren.werkgroep))
    assert "nog geen schouw" in toets(actoren.werkgroep, "analyse.conclusie", dt.date(2025, 5, 1)).toelichting
    SchouwFactory(cyclus=actoren.cyclus)
    assert toets(actoren.werkgroep, "analyse.conclusie", dt.date(2025, 5, 1)).status == Status.VOLDAAN
    pagina = client.get(url("conclusie"))
    assert "<svg" in pagina.text and "49 (jaar 1)" in pagina.text


@pytest.mark.parametrize(
    ("rij", "melding"),
    [(("7", "", ""), "Vul kans én impact in"), (("11", "5", ""), "11")],
)
def test_foute_prioriteit_geeft_melding_en_niets_opgeslagen(actoren, als, rij, melding):
    response = als(actoren.lid).post(url("conclusie"), formulier({"overlast": rij}, conclusie="x"))
    assert response.status_code == 422 and melding in response.text
    assert not Conclusie.objects.exists()


def test_agendalid_leest_alleen(actoren, als):
    client = als(actoren.agendalid)
    assert client.get(url("conclusie")).status_code == 200
    assert client.post(url("conclusie"), formulier({}, conclusie="x")).status_code == 403
    assert not Conclusie.objects.exists()


def test_andere_werkgroep_404(actoren, als):
    client = als(actoren.vreemde)
    assert client.get(url("conclusie")).status_code == 404
    assert client.get(url("overzicht")).status_code == 404


@pytest.mark.parametrize("aantal", [1, 15])
def test_overzicht_toont_alle_eisen_met_begrensde_queries(actoren, als, aantal, django_assert_max_num_queries):
    for _ in range(aantal):
        SchouwFactory(cyclus=actoren.cyclus)
    client = als(actoren.lid)
    with django_assert_max_num_queries(40):
        pagina = client.get(url("overzicht"))
    assert pagina.status_code == 200
    assert pagina.text.count('<tr><td><a href="') == 14  # every rule of "Safety analysis"
    with django_assert_max_num_queries(30):
        assert client.get(url("conclusie")).status_code == 200
