"""One readiness figure (``kvo.toets.Gereedheid``), computed one way and shown the same everywhere, and
the audit's own rules apart from what blocks the audit application (``Eis.na_audit``)."""

import copy
import datetime as dt
import io
import re

import time_machine
from django.core.management import call_command
from django.urls import reverse
from django_scopes import scopes_disabled

from audits.selectors import toetsstand
from kvo import versie
from kvo.dossier.services import dossier_importeer
from kvo.eisen import EISEN
from kvo.tasks import werkgroep_toets_bijwerken
from kvo.toets import Gereedheid, Resultaat, Status, Uitkomst
from tests.dossier.conftest import demo_fotos, laad_demo
from werkgroepen.models import ToetsHistorie

PEILDATUM = "2026-11-25 12:00 +0100"  # the demo's dates are fixed around this day


def _resultaten(**aantallen) -> list[Resultaat]:
    eisen = iter(EISEN.values())
    return [Resultaat(next(eisen), Uitkomst(Status(s), "")) for s, n in aantallen.items() for _ in range(n)]


def test_nvt_telt_niet_mee_en_100_alleen_als_alles_voldaan_is():
    g = Gereedheid.uit(_resultaten(voldaan=46, niet_voldaan=2, open=4, nvt=2))
    assert (g.voldaan, g.te_toetsen, g.totaal, g.procent) == (46, 52, 54, 88)
    assert g.tekst == "88 % · 46 van 52 eisen voldaan"
    assert Gereedheid(voldaan=299, open=1).procent == 99  # rounds to 100, but one is not met
    assert Gereedheid(voldaan=50, nvt=4).procent == 100
    assert Gereedheid(voldaan=1, open=299).procent == 0


def test_bewaarde_stand_en_historie_geven_hetzelfde_cijfer():
    g = Gereedheid(voldaan=46, niet_voldaan=2, open=4, nvt=2)
    stand = g.als_stand()
    assert stand == {
        "voldaan": 46, "niet_voldaan": 2, "nvt": 2, "open": 4, "totaal": 54, "te_toetsen": 52, "procent": 88,
    }  # fmt: skip
    assert Gereedheid.uit_stand(stand) == g
    assert Gereedheid.uit_stand({}) is None
    # a snapshot stored before the figure itself was (only the counts)
    assert Gereedheid.uit_stand({"voldaan": 46, "niet_voldaan": 2, "open": 4, "nvt": 2, "totaal": 54}) == g
    rij = ToetsHistorie(datum=dt.date(2026, 1, 1), voldaan=46, niet_voldaan=2, open=4, nvt=2)
    assert (rij.gereedheid, rij.meegeteld, rij.procent) == (g, 52, 88)


def _tekst(html: str) -> str:
    """The page's text: without tags, whitespace collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@time_machine.travel(PEILDATUM, tick=False)
def test_zelfde_cijfer_op_home_toets_portfolio_en_kvo_toets(actoren, als):
    """The demo's Wolvega: the facilitator's home, the work group's home, the readiness page, the
    portfolio, the readiness history and ``kvo_toets`` all say the same "P % · V van T"."""
    bron = laad_demo("wolvega")
    with scopes_disabled():
        wolvega = dossier_importeer(actor=None, dossier=copy.deepcopy(bron), bestanden=demo_fotos(bron))
        wolvega.begeleiding = actoren.werkgroep.begeleiding
        wolvega.save()
    werkgroep_toets_bijwerken.delay(werkgroep_id=wolvega.pk)
    wolvega.refresh_from_db()
    g = wolvega.toets_gereedheid
    assert g.nvt > 0 and g.te_toetsen < g.totaal  # the demo has rules that do not apply: the case that differed
    assert wolvega.toets_stand["procent"] == g.procent and wolvega.toets_stand["te_toetsen"] == g.te_toetsen
    cijfer = f"{g.procent} % · {g.voldaan} van {g.te_toetsen} eisen voldaan"
    fout = f"{g.voldaan} van {g.totaal} eisen"

    client = als(actoren.begeleider)
    versie.opnieuw()
    paginas = {
        "home": client.get(reverse("home")),
        "werkgroep": client.get(reverse("werkgroepen:home", kwargs={"werkgroep": "wolvega"})),
        "portfolio": client.get(reverse("begeleiding:portfolio")),
    }
    toets = client.get(reverse("audits:toets", kwargs={"werkgroep": "wolvega"}))
    for naam, response in paginas.items():
        assert response.status_code == 200, naam
        tekst = _tekst(response.content.decode())
        assert cijfer in tekst, naam
        assert fout not in tekst, naam
    tekst = _tekst(toets.content.decode())
    assert f"{g.procent} %" in tekst and f"{g.voldaan} van {g.te_toetsen} eisen voldaan" in tekst
    assert toets.context["stand"].gereedheid == g
    # the readiness history: today's row and its line under the chart
    with scopes_disabled():
        rij = ToetsHistorie.objects.get(werkgroep=wolvega, datum=dt.date(2026, 11, 25))
    assert rij.gereedheid == g
    assert cijfer in tekst  # "Laatst berekend …: P % · V van T eisen voldaan"
    uit = io.StringIO()
    call_command("kvo_toets", "wolvega", "--format", "text", stdout=uit)
    assert f"Gereedheid: {cijfer}" in uit.getvalue()


def test_na_de_audit_is_een_vlag_in_de_catalogus():
    na = {i for i, e in EISEN.items() if e.na_audit}
    assert na == {
        "audit.aanwezigheid", "audit.aanvullingen", "audit.rapport",
        "certificaat.geldigheid", "certificaat.inhoud", "certificaat.cluster",
    }  # fmt: skip
    # what must be in order before the application never waits for the audit
    for i in ("audit.contactpersoon", "audit.documentenset", "audit.aanlevering", "audit.audittijd"):
        assert not EISEN[i].na_audit


@time_machine.travel("2026-03-01 12:00 +0100", tick=False)
def test_wat_blokkeert_noemt_alleen_wat_voor_de_audit_kan(actoren, als):
    """Before the audit (1 June 2026) its report, attendance and certificate are open: they are listed
    under "Na de audit", not as blocking the application."""
    with scopes_disabled():
        stand = toetsstand(actoren.werkgroep, cyclus=actoren.cyclus, datum=dt.date(2026, 3, 1))
    open_na = {r.id for r in stand.na_audit}
    assert {"audit.rapport", "audit.aanwezigheid", "certificaat.inhoud"} <= open_na
    assert not any(r.eis.na_audit for r in stand.blokkerend)
    assert stand.blokkerend  # the rest still blocks

    html = als(actoren.lid).get(reverse("audits:toets", kwargs={"werkgroep": "de-hoek"})).content.decode()
    blok = html.split('data-testid="blokkerend"')[1].split("</ul>")[0]
    na = html.split('data-testid="na-audit"')[1].split("</ul>")[0]
    assert "Na de audit" in html
    assert EISEN["audit.rapport"].titel in na and EISEN["audit.rapport"].titel not in blok
    assert EISEN["certificaat.inhoud"].titel in na and EISEN["certificaat.inhoud"].titel not in blok
