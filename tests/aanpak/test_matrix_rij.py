"""The matrix row rendered in Python (``matrix_cellen.matrix_rij``, issue 27: as an included template the
rows were two thirds of computing the page) is the HTML the row template gave, byte for byte: every
value escaped, a park-walk point, a fixed measure, no one responsible, a completion date, one and two
progress notes, a refused change's message, for who plans and for who only reads."""

import datetime as dt

import pytest
from django.template import Context, Template
from django_scopes import scope

from aanpak import kwartalen
from aanpak.models import Maatregel
from aanpak.selectors import maatregelen_van, rij
from aanpak.services.plan import plan_maak
from tests.aanpak.factories import MaatregelFactory, VoortgangFactory
from tests.analyse.factories import SchouwpuntFactory
from tests.factories import PartijFactory

pytestmark = pytest.mark.django_db

# templates/aanpak/_matrix_rij.html as it was before the row moved into Python
ROW_TEMPLATE = """{% load matrix_cellen %}{% with m=r.maatregel %}{% url 'aanpak:kwartaal' werkgroep=werkgroep.slug pk=m.pk as kwurl %}{% with kort=m.titel|truncatechars:60 %}<tr id="m-{{ m.pk }}" class="matrix__rij matrix__rij--{{ m.status }}" data-status="{{ m.status }}" data-partij="{{ m.verantwoordelijke_id|default:'' }}">
  <th scope="row" class="matrix__titel">
    <a href="{% url 'aanpak:maatregel' werkgroep=werkgroep.slug pk=m.pk %}">{{ m.titel }}</a>
    {% if m.schouwpunt %}<span class="label">schouw {{ m.schouwpunt.schouw.datum|date:"d-m-Y" }} punt {{ m.schouwpunt.nummer }}</span>{% endif %}
    {% if m.is_vast %}<span class="label label--vast">vast</span>{% endif %}
    {% if fout %}<span class="foutmelding klein" role="alert">{{ fout }}</span>{% endif %}
  </th>
  {% matrix_cellen r kwurl kort huidig %}
  <td class="klein">{{ m.verantwoordelijke|default:"<span class='foutmelding'>niemand</span>" }}</td>
  <td class="klein" data-waarde="{{ m.status }}"><span class="label label--{{ m.status }}">{{ m.get_status_display }}</span>{% if m.uitgevoerd_op %} {{ m.uitgevoerd_op|date:"d-m-Y" }}{% endif %}{% if r.voortgang %}<br><span class="zacht">{{ r.voortgang }} notitie{{ r.voortgang|pluralize:"s" }}</span>{% endif %}</td>
</tr>{% endwith %}{% endwith %}
"""  # noqa: E501


def test_de_rij_in_python_is_de_rij_van_het_template(actoren):
    wg = actoren.werkgroep
    with scope(werkgroep=wg):
        plan = plan_maak(actor=None, cyclus=actoren.cyclus)
        partij = PartijFactory(werkgroep=wg, naam='Politie & "Brandweer" <oost>')
        punt = SchouwpuntFactory(schouw__cyclus=actoren.cyclus, nummer=7)
        lang = "Camera's <b>bij</b> de ingang & de uitgang van het terrein, met een lange titel die wordt ingekort"
        MaatregelFactory(plan=plan, titel=lang, kwartalen=["2025-Q3", "2026-Q1"], verantwoordelijke=partij)
        MaatregelFactory(plan=plan, titel="Schouwpunt", schouwpunt=punt, kwartalen=[])
        klaar = MaatregelFactory(
            plan=plan, titel="Hekwerk", status=Maatregel.Status.UITGEVOERD, uitgevoerd_op=dt.date(2025, 9, 3)
        )
        vast = Maatregel.Soort.VAST_DAGSCHOUW
        MaatregelFactory(plan=plan, titel="Vast", soort=vast, status=Maatregel.Status.VERVALLEN)
        VoortgangFactory(maatregel=klaar)
        tweemaal = MaatregelFactory(plan=plan, titel="Twee notities", verantwoordelijke=partij)
        VoortgangFactory(maatregel=tweemaal)
        VoortgangFactory(maatregel=tweemaal)
        kw = kwartalen.van_cyclus(actoren.cyclus.start)
        rijen = [rij(m, kw) for m in maatregelen_van(plan)]
    assert len(rijen) >= 5 and any(r.voortgang == 2 for r in rijen) and any(r.voortgang == 1 for r in rijen)
    nieuw, oud = Template("{% load matrix_cellen %}{% matrix_rij r huidig %}"), Template(ROW_TEMPLATE)
    vergeleken = 0
    for mag_wijzigen, alleen_lezen in ((True, False), (False, False), (True, True)):
        for fout in ("", "Kies een kwartaal <binnen> de cyclus."):
            for r in rijen:
                waarden = {"r": r, "huidig": "2025-Q3", "werkgroep": wg, "fout": fout,
                           "mag_wijzigen": mag_wijzigen, "alleen_lezen": alleen_lezen}  # fmt: skip
                assert nieuw.render(Context(waarden)) == oud.render(Context(waarden)), (r.maatregel.titel, fout)
                vergeleken += 1
    assert vergeleken == 6 * len(rijen)
