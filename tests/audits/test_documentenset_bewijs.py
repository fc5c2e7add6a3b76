"""The evidence the product records reaches the document set (issue 22): each item in the rendered
HTML of the set, nothing dated after the reference date, the map with a scale bar and every park."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import re
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from shapely.geometry import Polygon, box

from aanpak.models import Maatregel
from aanpak.models.evaluatie import VRAGEN_DERDE_JAAR, VRAGEN_MAATREGELEN, VRAGEN_SAMENWERKING
from analyse.models import EnqueteUitnodiging, Herinnering
from audits.documentenset import bewijs
from audits.documentenset.onderdelen import Gegevens
from audits.documentenset.services import set_html
from audits.models import Audit
from gebieden.svg import LETTER, _label_breedte, gebied_svg
from tests.analyse.factories import EnqueteFactory, EnqueteUitnodigingFactory, HerinneringFactory
from tests.factories import BedrijventerreinFactory
from tests.gebieden.factories import AangrenzendeLocatieFactory, vierkant
from tests.werkgroepen.factories import AfsprakenFactory, CommunicatieFactory
from werkgroepen.models import Bijeenkomst, Communicatie, Document, DocumentVersie, Werkgroep


def _tekst(html: str) -> str:
    """The HTML's text: tags out, entities decoded, whitespace as single spaces."""
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", html)))


# --- the Wolvega demo -----------------------------------------------------------------------------


def test_wolvega_set_bevat_het_bewijs_uit_de_applicatie(demo):
    wolvega = Werkgroep.objects.get(slug="wolvega")
    cyclus = wolvega.cycli.get(nummer=1)
    audit = Audit.objects.get(cyclus=cyclus)
    peildatum = audit.documentenset_aangeleverd_op
    html = set_html(Gegevens(wolvega, cyclus, audit, peildatum))
    tekst = _tekst(html)

    # §3.3 correspondence address and relation with the association
    assert "Organisatiestructuur (§3.3)" in tekst
    assert wolvega.adres_straat in tekst and f"{wolvega.adres_postcode} {wolvega.adres_plaats}" in tekst
    assert wolvega.afspraken.relatie_ondernemersvereniging in tekst
    assert "Relatie met een ondernemersfonds (BIZ, reclamebelasting)" in tekst
    # §3.5 the letter of intent: signed, its date
    assert "Intentieverklaring of convenant (§3.5)" in tekst
    assert f"ja, op {wolvega.intentieverklaring_op.day} " in tekst
    # §3.6 the archive index and §3.7 the communications log, as their own chapters
    assert 'id="deel-archief"' in html and "Archief: documentenindex" in tekst
    from werkgroepen.models import Document

    documenten = list(Document.objects.filter(werkgroep=wolvega).prefetch_related("versies"))
    assert len(documenten) >= 6
    for d in documenten:
        assert d.titel in tekst
    assert "6 documenten met samen 8 versies, waarvan 2 vervallen" in tekst
    assert "Intentieverklaring KVO Bedrijventerreinen Wolvega, versie 1 van" in tekst  # the document of §3.5
    communicaties = list(Communicatie.objects.filter(werkgroep=wolvega, datum__lte=peildatum))
    assert len(communicaties) == 9
    for c in communicaties:
        assert f"{c.datum:%d-%m-%Y} {c.onderwerp}" in tekst
    # §4.1.1 invitations by mail and by letter, reminders per round, and the blocks
    uitnodigingen = EnqueteUitnodiging.objects.filter(enquete__cyclus=cyclus)
    per_mail = uitnodigingen.filter(kanaal="email").count()
    per_brief = uitnodigingen.filter(kanaal="brief").count()
    assert f"{per_mail + per_brief} ondernemers kreeg een persoonlijke uitnodiging: {per_mail} per e-mail en " \
        f"{per_brief} per brief" in tekst  # fmt: skip
    for ronde in (1, 2):
        n = Herinnering.objects.filter(uitnodiging__enquete__cyclus=cyclus, ronde=ronde, status="verstuurd").count()
        assert n and f"Ronde {ronde} {n} " in tekst
    assert re.search(r"\d+ van de minimaal 20 blokken van de verplichte thema's", tekst)
    assert "3 van de 3 verplichte open vragen" in tekst and "Eigen thema: Parkmanagement" in tekst
    # §4.2.4 time, expertise, progress method, quarter, reason cancelled, per party
    assert "Uitwerking per maatregel (§4.2.4)" in tekst and "Maatregelen per partij (§4.2.4)" in tekst
    maatregelen = list(Maatregel.objects.filter(plan__cyclus=cyclus).select_related("verantwoordelijke"))
    for m in maatregelen:
        assert htmllib.escape(m.benodigde_tijd) in html, m.titel
        assert htmllib.escape(m.voortgangsmeting) in html, m.titel
    vervallen = [m for m in maatregelen if m.status == "vervallen"]
    assert vervallen and all(f"Reden vervallen: {m.wijziging_reden}" in tekst for m in vervallen)
    uitgevoerd = next(m for m in maatregelen if m.uitgevoerd_op and m.uitgevoerd_op <= peildatum)
    kwartaal = f"Q{(uitgevoerd.uitgevoerd_op.month - 1) // 3 + 1} ’{uitgevoerd.uitgevoerd_op:%y}"
    assert kwartaal in tekst
    # §4.3.1 meetings counted per year of the cycle
    assert "Bijeenkomsten per jaar van de cyclus (§4.3.1)" in tekst
    assert re.search(r"Jaar 1 \d\d-\d\d-\d{4} – \d\d-\d\d-\d{4} \d+ voldaan", tekst)
    # §6.3.1 the planned audit time, in Dutch
    assert "Geplande audittijd 11 uur (minimaal 11 uur, §6.3.1)" in tekst
    # the evaluation questions in the handbook's words
    for _veld, vraag in (*VRAGEN_MAATREGELEN, *VRAGEN_SAMENWERKING):
        assert str(vraag) in tekst
    assert "Zijn de vooraf bepaalde maatregelen uitgevoerd?" in tekst
    # the map: a scale bar, every park drawn and named
    assert 'class="kaart-schaal"' in html
    for t in wolvega.terreinen.all():
        assert f"<title>{htmllib.escape(t.naam)}</title></path>" in html
        assert f">{htmllib.escape(t.naam)}</text>" in html
    # nothing after the reference date: the meeting after it is not in the set
    later = Bijeenkomst.objects.filter(werkgroep=wolvega, datum__gt=peildatum).order_by("datum").first()
    assert later is not None and later.datum.strftime("%d-%m-%Y") not in tekst


def test_derde_jaar_vragen_in_de_woorden_van_het_handboek():
    teksten = [str(v) for _, v in VRAGEN_DERDE_JAAR]
    assert teksten == [
        "Welke doelstellingen zijn behaald / niet gehaald?",
        "Wat is de belangrijkste reden van het behalen of (net) niet halen van de doelen?",
    ]


# --- the reference date, on a small work group ---------------------------------------------------


@pytest.fixture
def klein(actoren):
    wg = actoren.werkgroep
    wg.adres_naam, wg.adres_straat, wg.adres_postcode, wg.adres_plaats = "Stichting Hoek", "Kade 1", "1234 AB", "Hoek"
    wg.intentieverklaring_op = dt.date(2025, 2, 1)
    wg.convenant_referentie = "CONV-2025-7"
    wg.save()
    AfsprakenFactory(werkgroep=wg, relatie_ondernemersvereniging="De OV levert de voorzitter.",
                     ondernemersfonds="BIZ De Hoek betaalt de nieuwsbrief.")  # fmt: skip
    doc = Document.objects.create(werkgroep=wg, ref="conv", titel="Convenant KVO De Hoek", soort="convenant",
                                  bewaren_tot=dt.date(2032, 1, 1))  # fmt: skip
    for versie, op in ((1, dt.date(2025, 2, 1)), (2, dt.date(2025, 6, 1)), (3, dt.date(2025, 12, 1))):
        DocumentVersie.objects.create(document=doc, versie=versie, geupload_op=op,
                                      bestand=ContentFile(b"tekst", name=f"convenant-v{versie}.txt"),
                                      toelichting=f"versie-toelichting-{versie}")  # fmt: skip
    later_doc = Document.objects.create(werkgroep=wg, ref="later", titel="Later stuk", soort="overig")
    DocumentVersie.objects.create(document=later_doc, versie=1, geupload_op=dt.date(2025, 12, 1),
                                  bestand=ContentFile(b"tekst", name="later.txt"))  # fmt: skip
    CommunicatieFactory(werkgroep=wg, datum=dt.date(2025, 3, 1), onderwerp="Vroege nieuwsbrief")
    CommunicatieFactory(werkgroep=wg, datum=dt.date(2025, 11, 1), onderwerp="Late nieuwsbrief")
    enquete = EnqueteFactory(cyclus=actoren.cyclus, geopend_op=dt.date(2025, 3, 1), blokken=[4, 5])
    u1 = EnqueteUitnodigingFactory(enquete=enquete, kanaal="email")
    EnqueteUitnodigingFactory(enquete=enquete, kanaal="brief")
    HerinneringFactory(uitnodiging=u1, ronde=1, status="verstuurd", verstuurd_op=dt.date(2025, 3, 8))
    HerinneringFactory(uitnodiging=u1, ronde=2, status="verstuurd", verstuurd_op=dt.date(2025, 11, 8))
    actoren.audit.geplande_uren = Decimal("8.5")
    actoren.audit.save()
    return actoren


def test_bewijs_houdt_zich_aan_de_peildatum(klein):
    g = Gegevens(klein.werkgroep, klein.cyclus, klein.audit, dt.date(2025, 9, 1))
    tekst = _tekst(set_html(g))
    assert "Kade 1" in tekst and "1234 AB Hoek" in tekst
    assert "De OV levert de voorzitter." in tekst and "BIZ De Hoek betaalt de nieuwsbrief." in tekst
    assert "ja, op 1 februari 2025" in tekst and "CONV-2025-7" in tekst
    assert "Convenant KVO De Hoek, versie 2 van 1 juni 2025" in tekst  # the document of §3.5, as it stood
    # the archive: v2 current, v1 superseded; v3 and the later document are not there yet
    assert re.search(r"v2 versie-toelichting-2 01-06-2025 actueel", tekst)
    assert re.search(r"v1 versie-toelichting-1 01-02-2025 vervallen", tekst)
    assert "versie-toelichting-3" not in tekst and "Later stuk" not in tekst
    assert "1 document met samen 2 versies, waarvan 1 vervallen" in tekst and "Bewaartermijn: 6 jaar" in tekst
    # communications and reminders after the reference date are left out
    assert "Vroege nieuwsbrief" in tekst and "Late nieuwsbrief" not in tekst
    assert "Ronde 1 1 08-03-2025" in tekst and "Ronde 2" not in tekst
    assert "1 per e-mail en 1 per brief" in tekst
    assert re.search(r"Geplande audittijd 8,5 uur \(minimaal \d+ uur, §6\.3\.1\)", tekst)
    # before the letter of intent was signed: not signed, no document
    vroeg = _tekst(set_html(Gegevens(klein.werkgroep, klein.cyclus, klein.audit, dt.date(2025, 1, 20))))
    assert "nee (de intentieverklaring is optioneel)" in vroeg and "Convenant KVO De Hoek" not in vroeg


def test_uitgevoerd_kwartaal_en_reden_vervallen_per_partij(klein):
    from tests.aanpak.factories import MaatregelFactory, PlanFactory

    plan = PlanFactory(cyclus=klein.cyclus)
    partij = klein.werkgroep.partijen.order_by("pk").first()
    MaatregelFactory(plan=plan, titel="Vroeg klaar", verantwoordelijke=partij, status="uitgevoerd",
                     uitgevoerd_op=dt.date(2025, 5, 10), benodigde_tijd="een dagdeel",
                     deskundigheid="extern", voortgangsmeting="Verslag in de werkgroep")  # fmt: skip
    MaatregelFactory(plan=plan, titel="Laat klaar", verantwoordelijke=partij, status="uitgevoerd",
                     uitgevoerd_op=dt.date(2025, 10, 10))  # fmt: skip
    MaatregelFactory(plan=plan, titel="Geschrapt", verantwoordelijke=partij, status="vervallen",
                     wijziging_reden="Te duur gebleken.")  # fmt: skip
    tekst = _tekst(set_html(Gegevens(klein.werkgroep, klein.cyclus, klein.audit, dt.date(2025, 9, 1))))
    assert re.search(r"Vroeg klaar .*een dagdeel extern Verslag in de werkgroep Q2 ’25", tekst)
    assert "Q4 ’25" not in tekst.split("Uitwerking per maatregel")[1]  # carried out after the reference date
    assert "Reden vervallen: Te duur gebleken." in tekst
    assert f"{partij.naam} 3 1 0 1 1" in tekst  # total, planned, running, executed, cancelled


def test_uren_in_het_nederlands():
    assert bewijs.uren(Decimal("11.0")) == "11 uur"
    assert bewijs.uren(Decimal("8.5")) == "8,5 uur"
    assert bewijs.uren(None) == ""


# --- the map ------------------------------------------------------------------------------------


def _vormen(svg: str) -> list[Polygon]:
    uit = []
    for d in re.findall(r'<path d="(M[^"]+)"[^>]*fill-rule="evenodd"', svg):  # outlines, not the arrow
        for ring in d.split("Z"):
            getallen = [float(x) for x in re.findall(r"-?\d+\.?\d*", ring)]
            if len(getallen) >= 6:
                uit.append(Polygon(list(zip(getallen[::2], getallen[1::2], strict=True))))
    return uit


def test_kaart_met_schaalbalk_elk_terrein_en_namen_naast_de_omtrek(actoren):
    wg = actoren.werkgroep
    terreinen = [
        BedrijventerreinFactory(werkgroep=wg, naam="Noord-West", grens=vierkant(5.10, 52.02)),
        BedrijventerreinFactory(werkgroep=wg, naam="Schipsloot", grens=vierkant(5.12, 52.01)),
        BedrijventerreinFactory(werkgroep=wg, naam="De Plantage / Heerendeel", grens=vierkant(5.11, 52.00)),
    ]
    loc = AangrenzendeLocatieFactory(werkgroep=wg, naam="Station", grens=vierkant(5.115, 52.015, 0.002))
    svg = str(gebied_svg(terreinen, [loc], breedte=720, hoogte=480))
    assert 'class="kaart-schaal"' in svg and re.search(r">\d+(,\d+)? k?m</text>", svg)
    assert 'class="kaart-noord"' in svg
    vormen = _vormen(svg)
    assert len(vormen) == 4  # every park and the adjacent location drawn
    for t in terreinen:
        assert f"<title>{htmllib.escape(t.naam)}</title></path>" in svg
    for x, y, naam in re.findall(r'<text x="([\d.]+)" y="([\d.]+)"[^>]*class="kaart-label"[^>]*>([^<]+)</text>', svg):
        b, h = _label_breedte(htmllib.unescape(naam), vet=True), LETTER
        doos = box(float(x) - b / 2, float(y) - h / 2, float(x) + b / 2, float(y) + h / 2)
        assert all(not doos.intersects(v) for v in vormen), naam  # the name is clear of every outline
        minx, miny, maxx, maxy = doos.bounds
        assert minx >= 0 and miny >= 0 and maxx <= 720 and maxy <= 480
    assert len(re.findall(r'class="kaart-label"', svg)) == 4


def test_kaart_schaal_klopt():
    """1 km on the map is as long as the bar says: a park 0.01° wide at 52° N is ~685 m."""
    from types import SimpleNamespace

    t = SimpleNamespace(naam="A", grens=vierkant(5.10, 52.0, 0.01))
    svg = str(gebied_svg([t], breedte=720, hoogte=480))
    vorm = _vormen(svg)[0]
    breedte_px = vorm.bounds[2] - vorm.bounds[0]
    balk = re.search(r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="5" fill="#1b1f24"/>', svg)
    tekst = re.search(r'text-anchor="middle">(\d+(?:,\d+)?) (k?m)</text>', svg)
    meter = float(tekst.group(1).replace(",", ".")) * (1000 if tekst.group(2) == "km" else 1)
    meter_per_px = meter / (2 * float(balk.group(2)))
    assert breedte_px * meter_per_px == pytest.approx(685, rel=0.02)
