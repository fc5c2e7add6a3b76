"""The scheme is data: pvo.md and kvo.eisen_pvo agree, a rule ID belongs to one scheme, and the
readiness check answers exactly the rules of the context's scheme (a cycle keeps its own)."""

import io
import json
import re

import pytest
from django.conf import settings
from django.core.management import call_command

from kvo import eisen, eisen_pvo
from kvo.regelingen import KVO, PVO, REGELINGEN, regeling, regeling_van, regeling_van_eis
from kvo.toets import eis, geregistreerde_checks, voer_toets_uit, voer_toetsen_uit
from tests.factories import CyclusFactory, WerkgroepFactory
from tests.pvo.groep import PEILDATUM, maak_pvo_groep

PVO_MD = settings.BASE_DIR.parent / "shared/handboek/pvo.md"


def ids_in_pvo_md() -> set[str]:
    if not PVO_MD.exists():
        pytest.skip(f"{PVO_MD} ontbreekt: shared/ staat niet naast de repository")
    return set(re.findall(r"^\|\s*`([a-z0-9.-]+)`\s*\|", PVO_MD.read_text(encoding="utf-8"), flags=re.MULTILINE))


def test_pvo_md_en_de_catalogus_zijn_gelijk():
    ids = ids_in_pvo_md()
    assert len(ids) == 16
    assert set(eisen_pvo.EISEN) == ids
    assert all(i.startswith("pvo.") for i in ids)
    assert {e.groep for e in eisen_pvo.EISEN.values()} <= set(eisen_pvo.GROEPEN)


def test_elke_pvo_eis_heeft_een_check_en_een_id_hoort_bij_een_regeling():
    assert set(geregistreerde_checks(PVO)) == set(eisen_pvo.EISEN)
    assert not set(eisen_pvo.EISEN) & set(eisen.EISEN)
    assert regeling_van_eis("pvo.waardering").handboek == PVO
    assert regeling_van_eis("pva.smart").handboek == KVO
    assert regeling_van_eis("bestaat.niet") is None
    with pytest.raises(ValueError, match=r"pvo\.md"):
        eis("pvo.bestaat-niet")


def test_regelingen_als_gegevens():
    pvo, kvo = REGELINGEN[PVO], REGELINGEN[KVO]
    assert (pvo.cyclus_jaren, kvo.cyclus_jaren) == (2, 3)
    assert pvo.thema_sleutels == ("schoon", "heel", "veilig", "meldingsbereidheid")
    assert pvo.verplichte_partijen == ("ondernemers", "gemeente", "politie")
    assert "brandweer" in kvo.verplichte_partijen
    assert (pvo.eindigt_in, pvo.heeft_audit, pvo.heeft_certificaat, pvo.heeft_waardering) == (
        "waardering", False, False, True,
    )  # fmt: skip
    assert (kvo.eindigt_in, kvo.heeft_audit, kvo.heeft_certificaat, kvo.heeft_waardering) == (
        "audit", True, True, False,
    )  # fmt: skip
    assert regeling("") is regeling(None) is regeling("onbekend") is kvo
    assert regeling_van(None) is kvo


@pytest.mark.django_db
def test_een_pvo_groep_beantwoordt_precies_de_16_pvo_eisen_een_kvo_groep_precies_eisen_md():
    g = maak_pvo_groep()
    kvo_groep = WerkgroepFactory(slug="kvo-groep")
    CyclusFactory(werkgroep=kvo_groep)
    assert [r.id for r in voer_toets_uit(g.werkgroep, datum=PEILDATUM)] == list(eisen_pvo.EISEN)
    assert [r.id for r in voer_toets_uit(kvo_groep, datum=PEILDATUM)] == list(eisen.EISEN)
    samen = voer_toetsen_uit([g.werkgroep, kvo_groep], datum=PEILDATUM)
    assert [r.id for r in samen[g.werkgroep.pk]] == list(eisen_pvo.EISEN)
    assert [r.id for r in samen[kvo_groep.pk]] == list(eisen.EISEN)
    # the batch answers what one work group alone gets
    alleen = voer_toets_uit(g.werkgroep, datum=PEILDATUM)
    assert [(r.id, r.uitkomst) for r in samen[g.werkgroep.pk]] == [(r.id, r.uitkomst) for r in alleen]


@pytest.mark.django_db
def test_een_cyclus_houdt_zijn_regeling_na_de_overstap_naar_kvo():
    g = maak_pvo_groep()
    g.werkgroep.handboek = KVO
    g.werkgroep.save()
    kvo_cyclus = CyclusFactory(werkgroep=g.werkgroep, nummer=2, soort="eerste", start=PEILDATUM, handboek=KVO)
    assert [r.id for r in voer_toets_uit(g.werkgroep, datum=PEILDATUM)] == list(eisen.EISEN)
    assert [r.id for r in voer_toets_uit(g.werkgroep, cyclus=g.cyclus, datum=PEILDATUM)] == list(eisen_pvo.EISEN)
    assert regeling_van(kvo_cyclus).handboek == KVO and regeling_van(g.cyclus).handboek == PVO


@pytest.mark.django_db
def test_kvo_toets_voor_een_pvo_groep():
    maak_pvo_groep()
    uit = io.StringIO()
    call_command("kvo_toets", "pvo-oost", "--datum", PEILDATUM.isoformat(), stdout=uit)
    antwoord = json.loads(uit.getvalue())
    ids = [e["id"] for e in antwoord["eisen"]]
    assert ids == list(eisen_pvo.EISEN) and len(ids) == 16
    assert not [i for i in ids if not i.startswith("pvo.")]
    assert {e["status"] for e in antwoord["eisen"] if e["id"] != "pvo.herijking"} == {"voldaan"}
    tekst = io.StringIO()
    call_command("kvo_toets", "pvo-oost", "--datum", PEILDATUM.isoformat(), "--format", "text", stdout=tekst)
    assert "Regeling: PVO Proces Veilig Bedrijventerrein" in tekst.getvalue()
    assert "WAARDERING EN CONTINUERING" in tekst.getvalue() and "AUDIT" not in tekst.getvalue()
    assert "15 van 16 eisen voldaan" in tekst.getvalue()


@pytest.mark.django_db
def test_de_toetspagina_toont_de_pvo_secties(actoren, als):
    g = maak_pvo_groep()
    g.werkgroep.begeleiding = actoren.werkgroep.begeleiding
    g.werkgroep.save()
    r = als(actoren.begeleider).get("/w/pvo-oost/audit/toets/")
    assert r.status_code == 200
    pagina = r.content.decode()
    assert "Waardering en continuering" in pagina and "pvo.waardering" in pagina
    assert "pva.smart" not in pagina


@pytest.mark.django_db
def test_pvo_queries_groeien_niet_met_het_aantal_werkgroepen():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kvo import versie

    groepen = [maak_pvo_groep(f"pvo-{n}").werkgroep for n in range(4)]
    kvo_groep = WerkgroepFactory(slug="kvo-erbij")
    CyclusFactory(werkgroep=kvo_groep)
    with versie.opnieuw(), CaptureQueriesContext(connection) as twee:
        voer_toetsen_uit(groepen[:2], datum=PEILDATUM)
    with versie.opnieuw(), CaptureQueriesContext(connection) as vier:
        voer_toetsen_uit(groepen, datum=PEILDATUM)
    with versie.opnieuw(), CaptureQueriesContext(connection) as gemengd:
        uit = voer_toetsen_uit([*groepen, kvo_groep], datum=PEILDATUM)
    assert len(vier) == len(twee)
    assert {len(r) for r in uit.values()} == {16, len(eisen.EISEN)}
    assert len(gemengd) < len(vier) + 45  # the KVO group's loaders once, not per PVO group
