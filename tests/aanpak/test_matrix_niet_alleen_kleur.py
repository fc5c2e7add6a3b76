"""The measures matrix carries no information by colour alone (WCAG 1.4.1, issue 24): a planned quarter
shows a mark (● planned, ✓ done, ✕ dropped) for who plans and for who only reads, the current quarter
says "nu" in its column head, and the legend shows the same marks."""

import re

import pytest
from django.urls import reverse
from time_machine import travel

from aanpak.models import Maatregel
from aanpak.services.plan import plan_maak
from tests.aanpak.factories import MaatregelFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rol", ["voorzitter", "agendalid"])  # buttons to plan, or marks to read
@travel("2025-08-15")
def test_gepland_kwartaal_heeft_een_teken_en_het_huidige_heet_nu(actoren, als, rol):
    plan = plan_maak(actor=None, cyclus=actoren.cyclus)
    gepland = MaatregelFactory(plan=plan, titel="Camera's", kwartalen=["2025-Q3"])
    klaar = MaatregelFactory(plan=plan, titel="Hekwerk", kwartalen=["2025-Q3"], status=Maatregel.Status.UITGEVOERD)
    html = als(actoren.user(rol)).get(reverse("aanpak:matrix", kwargs={"werkgroep": "de-hoek"})).content.decode()
    for m, teken in ((gepland, "●"), (klaar, "✓")):
        rij = re.search(rf'<tr id="m-{m.pk}".*?</tr>', html, re.S).group(0)
        cel = re.search(r'<td class="matrix__cel matrix__cel--aan[^"]*" data-kwartaal="2025-Q3">(.*?)</td>', rij, re.S)
        assert cel and f'<span class="matrix__merk" aria-hidden="true">{teken}</span>' in cel.group(1), rol
    kop = re.search(r'<th scope="col" class="matrix__kw matrix__cel--nu[^>]*>(.*?)</th>', html, re.S)
    assert kop and '<span class="matrix__nu">nu</span>' in kop.group(1)
    assert html.count('<span class="matrix__nu">nu</span>') == 1
    for teken in ("●", "✓", "✕", "nu"):
        assert f'aria-hidden="true">{teken}</span>' in html.split('class="klein zacht legenda"')[1]
