"""The survey's results kept under what they are computed from (issue 27): a submission changes the
work group's version of the responses, but is held back until its park's batch is published; the
results and their HTML (``enquete-resultaten-blok``) then stay kept, and the page computes only the
rest. A publication, or any write that changes an answer the results are made of, computes them again."""

import datetime as dt

import pytest
from django.urls import reverse
from django_scopes import scope
from time_machine import travel

from analyse.models import Reactie, Vraag
from analyse.services.reacties import reactie_dien_in
from kvo import versie
from tests.analyse.factories import EnqueteFactory, EnqueteUitnodigingFactory, ReactieFactory, VraagFactory
from tests.factories import BedrijventerreinFactory, OndernemerFactory

pytestmark = pytest.mark.django_db


@travel("2026-11-25")
def test_een_achtergehouden_reactie_laat_de_resultaten_bewaard(actoren, als):
    wg = actoren.werkgroep
    enquete = EnqueteFactory(cyclus=actoren.cyclus, geopend_op=dt.date(2026, 11, 2), gesloten_op=dt.date(2026, 11, 30))
    VraagFactory(enquete=enquete, ref="s", blok=5, type=Vraag.Type.SCHAAL)
    VraagFactory(enquete=enquete, ref="o", blok=16, type=Vraag.Type.OPEN, tekst="Wat kan beter?")
    terrein = BedrijventerreinFactory(werkgroep=wg, naam="Zuid")
    for i in range(5):
        ReactieFactory(enquete=enquete, terrein=terrein, antwoorden={"s": 4, "o": f"hek {i}"})
    client = als(actoren.lid)
    pagina = reverse("analyse:resultaten", kwargs={"werkgroep": wg.slug})

    def bekijk() -> tuple[str, list]:
        with versie.tel_berekend() as berekend:
            antwoord = client.get(pagina)
        assert antwoord.status_code == 200
        return antwoord.content.decode(), berekend

    def dien_in(antwoorden: dict) -> None:
        uitnodiging = EnqueteUitnodigingFactory(enquete=enquete, ondernemer=OndernemerFactory(terrein=terrein))
        with scope(werkgroep=wg):
            reactie_dien_in(uitnodiging=uitnodiging, antwoorden=antwoorden)

    html, berekend = bekijk()
    assert "enquete-resultaten-blok" in berekend and "5 reacties" in html
    dien_in({"s": 1, "o": "camera"})  # held back: the results are made of the same five
    html, berekend = bekijk()
    assert "pagina:resultaten" in berekend and "enquete-resultaten" in berekend
    assert "enquete-resultaten-blok" not in berekend
    assert "1 nieuwere reactie nog niet in de resultaten" in html and "camera" not in html and "5 reacties" in html
    for i in range(4):  # the fifth held back on this park publishes the batch
        dien_in({"s": 2, "o": f"licht {i}"})
    html, berekend = bekijk()
    assert "enquete-resultaten-blok" in berekend
    assert "10 reacties" in html and "camera" in html and "nieuwere reactie" not in html
    assert bekijk()[1] == []  # nothing changed: the page itself is kept

    # any write to an answer the results are made of computes them again
    with scope(werkgroep=wg):
        assert Reactie.objects.filter(antwoorden__o="hek 0").update(antwoorden={"s": 4, "o": "poort"}) == 1
    html, berekend = bekijk()
    assert "enquete-resultaten-blok" in berekend and "poort" in html and "hek 0" not in html
