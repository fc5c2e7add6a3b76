"""The document set's evidence index, its §5.2.2 box and one label per inspection point and measure
(issue 22, "Audit-proof"), tested on the set's HTML (the PDF is rendered once, for the pages)."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from aanpak.models import Maatregel
from audits.checks import COMMUNICATIE, SCHOUW
from audits.documentenset import services
from audits.documentenset.onderdelen import ONDERDELEN, PER_SLEUTEL, Gegevens, verwijzingen
from audits.models import Audit, Documentenset
from kvo.eisen import EISEN
from werkgroepen.models import Werkgroep

ID = re.compile(r"""\bid="([^"]+)\"""")


def _ids(html: str) -> set[str]:
    return set(ID.findall(html))


def _element(html: str, anker: str, tag: str) -> str:
    """The element ``<tag id="anker" …>…</tag>`` (no nesting of the same tag inside it)."""
    begin = html.index(f'id="{anker}"')
    begin = html.rindex(f"<{tag}", 0, begin)
    return html[begin : html.index(f"</{tag}>", begin)]


def _index_regels(html: str) -> dict[str, list[str]]:
    """Per rule ID of the evidence index the anchors its links point to."""
    index = html[html.index('id="deel-bewijs"') : html.index('id="deel-partijen"')]
    regels = {}
    for regel in re.findall(r'<tr class="bewijs-regel".*?</tr>', index, re.S):
        eis = re.search(r'data-eis="([^"]+)"', regel).group(1)
        regels[eis] = re.findall(r'class="bewijs-link" href="#([^"]+)"', regel)
    return regels


def _set_html(werkgroep, cyclus, audit, datum) -> str:
    return services.set_html(Gegevens(werkgroep, cyclus, audit, datum))


# --- the mapping is data next to the parts -------------------------------------------------------


def test_elke_eis_is_aan_een_onderdeel_gekoppeld():
    gekoppeld = {b.eis for o in ONDERDELEN for b in o.bewijst}
    assert set(EISEN) <= gekoppeld, sorted(set(EISEN) - gekoppeld)
    assert gekoppeld <= set(EISEN), sorted(gekoppeld - set(EISEN))  # no typo'd rule ID
    assert list(ONDERDELEN).index(PER_SLEUTEL["bewijs"]) == 2  # right after the contents


# --- the Wolvega demo's set ----------------------------------------------------------------------


@pytest.fixture
def wolvega(demo):
    werkgroep = Werkgroep.objects.get(slug="wolvega")
    cyclus = werkgroep.cycli.get(nummer=1)
    audit = Audit.objects.get(cyclus=cyclus)
    return werkgroep, cyclus, audit, _set_html(werkgroep, cyclus, audit, timezone.localdate())


def test_index_noemt_elke_eis_met_een_anker_dat_bestaat(wolvega):
    werkgroep, cyclus, _audit, html = wolvega
    ids = _ids(html)
    regels = _index_regels(html)
    assert list(regels) == list(EISEN)  # every rule, in the catalogue's order
    for eis, ankers in regels.items():
        assert ankers, f"{eis} heeft geen bewijs in de index"
        assert set(ankers) <= ids, (eis, set(ankers) - ids)
    # Wolvega's set prints every place the parts declare: no link had to fall back to a whole part
    for o in ONDERDELEN:
        for b in o.bewijst:
            assert o.anker_van(b) in ids, (b.eis, o.anker_van(b))
    # status and the check's own explanation as of the reference date, per rule
    index = html_lib.unescape(html[html.index('id="deel-bewijs"') : html.index('id="deel-partijen"')])
    from kvo.toets import voer_toets_uit

    for r in voer_toets_uit(werkgroep, cyclus=cyclus, datum=timezone.localdate()):
        regel = _element(index, f"eis-{r.id}", "tr")
        assert f"status--{r.status.value}" in regel and r.uitkomst.toelichting in html_lib.unescape(regel)


def test_kader_522_toont_de_uitgevoerde_maatregelen(wolvega):
    _werkgroep, cyclus, audit, html = wolvega
    kader = html_lib.unescape(_element(html, "plan-eerste-maatregelen", "div"))
    tot = min(timezone.localdate(), audit.datum) if audit.datum else timezone.localdate()
    uitgevoerd = [
        m
        for m in Maatregel.objects.filter(plan__cyclus=cyclus, status=Maatregel.Status.UITGEVOERD)
        if m.uitgevoerd_op and m.uitgevoerd_op <= tot
    ]
    schouw = [m for m in uitgevoerd if m.soort in SCHOUW or m.schouwpunt_id]
    communicatie = [m for m in uitgevoerd if m not in schouw and m.soort in COMMUNICATIE]
    assert len(schouw) >= 3 and len(communicatie) >= 1  # the demo meets §5.2.2
    for m in schouw + communicatie:
        assert m.titel in kader
        assert f"{m.uitgevoerd_op.day} " in kader and str(m.uitgevoerd_op.year) in kader
        assert f'href="#maatregel-{m.pk}"' in kader  # its number leads to its row in the matrix
    assert f"{len(schouw)} uit de schouw (minimaal 3)" in kader
    assert f"{len(communicatie)} communicatie (minimaal 1)" in kader
    assert "status--voldaan" in kader


def test_een_label_per_schouwpunt_in_hoofdstuk_matrix_en_foto(wolvega):
    *_, html = wolvega
    ids = _ids(html)
    # the matrix rows that take up an inspection point, with the point's label and a link to it
    rijen = re.findall(
        r'<td class="titel"><span class="m-label" id="(maatregel-\d+)">.*?href="#(schouwpunt-\d+)">(S\d+-\d\d)</a>',
        html,
    )
    assert len(rijen) >= 3
    labels = re.findall(r'<span class="nummer punt-label">(S\d+-\d\d)</span>', html)
    assert len(labels) == len(set(labels))  # one label per point in the whole set
    for maatregel, punt, label in rijen:
        assert punt in ids
        hoofdstuk = _element(html, punt, "td")  # the point in the inspection chapter
        assert f'<span class="nummer punt-label">{label}</span>' in hoofdstuk
        if "<img" in hoofdstuk:
            assert f'alt="Foto {label}"' in hoofdstuk  # the photo carries the same label
        assert f'href="#{maatregel}"' in hoofdstuk  # and the point leads back to its measure
    assert "Punt 1." not in html and "schouwpunt 1)" not in html  # the old per-inspection numbers are gone
    # the measures are numbered M1, M2, … in the matrix, and a goal lists its measures by that number
    nummers = re.findall(r'<td class="titel"><span class="m-label" id="maatregel-\d+">(M\d+)</span>', html)
    assert nummers == [f"M{i}" for i in range(1, len(nummers) + 1)]
    assert re.search(r'<a class="verwijzing" href="#maatregel-\d+">M\d+</a>', html)
    # a goal with a survey block links to that block's first question, labelled with its block
    blok = re.search(r'href="#(enquete-blok-(\d+))">blok \2</a>', html)
    assert blok and blok.group(1) in ids
    assert re.search(rf'<span class="vraag-label" id="{blok.group(1)}">Vraag \d+ · blok {blok.group(2)}</span>', html)


# --- a set without data: links fall back to their part, never point nowhere --------------------------


def test_lege_set_linkt_naar_bestaande_ankers(actoren):
    html = _set_html(actoren.werkgroep, actoren.cyclus, actoren.audit, timezone.localdate())
    ids = _ids(html)
    regels = _index_regels(html)
    assert list(regels) == list(EISEN)
    for eis, ankers in regels.items():
        assert ankers and set(ankers) <= ids, (eis, ankers)
    assert "deel-plan" in regels["pva.smart"]  # no plan: the plan's chapter, which says so
    kader = _element(html, "plan-eerste-maatregelen", "div")
    assert "nog geen maatregel uit de schouw of communicatie" in kader


def test_kader_522_alleen_uitgevoerd_tot_de_peildatum(actoren):
    from tests.aanpak.factories import MaatregelFactory, PlanFactory

    peil = actoren.cyclus.start + dt.timedelta(days=300)
    plan = PlanFactory(cyclus=actoren.cyclus)
    klaar = dict(status=Maatregel.Status.UITGEVOERD)
    voor = [
        MaatregelFactory(plan=plan, titel=f"Schouwpunt {i}", soort=Maatregel.Soort.SCHOUWPUNT, **klaar,
                         uitgevoerd_op=peil - dt.timedelta(days=10 * i))
        for i in range(1, 4)
    ] + [MaatregelFactory(plan=plan, titel="Nieuwsbrief", soort=Maatregel.Soort.COMMUNICATIE, **klaar,
                          uitgevoerd_op=peil - dt.timedelta(days=5))]  # fmt: skip
    na = MaatregelFactory(plan=plan, titel="Later uitgevoerd", soort=Maatregel.Soort.SCHOUWPUNT, **klaar,
                          uitgevoerd_op=peil + dt.timedelta(days=1))  # fmt: skip
    actoren.audit.datum = None
    html = _set_html(actoren.werkgroep, actoren.cyclus, actoren.audit, peil)
    kader = html_lib.unescape(_element(html, "plan-eerste-maatregelen", "div"))
    for m in voor:
        assert m.titel in kader and f"{m.uitgevoerd_op:%Y}" in kader
    assert na.titel not in kader
    assert "3 uit de schouw (minimaal 3) · 1 communicatie (minimaal 1)" in kader


# --- the PDF records each evidence anchor's page; the auditor portal links to it ------------------


def test_pdf_bewaart_de_pagina_van_elk_anker_en_het_portaal_linkt_ernaar(actoren, als):
    rij = Documentenset.objects.create(audit=actoren.audit)
    rij = services.documentenset_render(documentenset=rij)
    assert rij.status == Documentenset.Status.KLAAR, rij.fout
    assert rij.ankers["deel-voorblad"] == 1 and rij.ankers["deel-inhoud"] == 2 and rij.ankers["deel-bewijs"] == 3
    assert set(rij.ankers) >= {o.anker for o in ONDERDELEN}
    assert all(1 <= p <= rij.paginas for p in rij.ankers.values())

    Documentenset.objects.filter(pk=rij.pk).update(aangeleverd_op=timezone.localdate())
    client = als(actoren.auditor)
    tekst = client.get(reverse("portaal:audit", kwargs={"audit_id": actoren.audit.pk})).text
    pdf = reverse("portaal:documentenset", kwargs={"audit_id": actoren.audit.pk, "set_id": rij.pk})
    per_eis = verwijzingen(set(rij.ankers))
    for eis in EISEN:
        regel = tekst[tekst.index(f'data-eis="{eis}"') :]
        regel = regel[: regel.index("</tr>")]
        for v in per_eis[eis]:
            assert f'href="{pdf}?bekijken=1#page={rij.ankers[v.anker]}"' in regel, eis
            assert f"p. {rij.ankers[v.anker]} · {v.wat}" in html_lib.unescape(regel)
    bekijken = client.get(pdf + "?bekijken=1")
    assert bekijken.status_code == 200 and bekijken["Content-Disposition"].startswith("inline")
    assert client.get(pdf)["Content-Disposition"].startswith("attachment")


def test_ankers_staan_op_kleine_elementen_niet_op_een_omhulsel(wolvega):
    """An id makes WeasyPrint compute the element's style and every style inside it anew instead of
    sharing them with like elements (kvo.pdf, bench/RESULTS.md): on a part, a table row or a photo's
    cell that cost the set some 20 MB. The anchors sit on a heading, a label or a photo."""
    *_, html = wolvega
    dragers = re.findall(r'<([a-z0-9]+)\b[^>]*\bid="[^"]+"', html)
    assert dragers and set(dragers) <= {"p", "h1", "h2", "h3", "dt", "th", "span", "img"}, set(dragers)
    assert html.count('<p class="document-tekst" id="deel-') == len(ONDERDELEN)
