"""``cycli[].plan`` and ``cycli[].evaluaties`` in the dossier: round trip, canonical form, and every
problem refused with its JSON path before anything is written.

The dossier's first cycle starts on 15-01-2025: its quarters run from 2025-Q2 (year 1 up to and
including 2026-Q1) to 2028-Q1.
"""

import copy

import pytest
from jsonschema import Draft202012Validator

from aanpak.models import Doelstelling, Evaluatie, Maatregel, Plan, Voortgang
from aanpak.services.plan import vaste_maatregelen
from kvo.dossier import DossierFout
from kvo.dossier.schema import schema
from kvo.dossier.services import dossier_exporteer, dossier_importeer
from tests.dossier.conftest import MINI, demo_fotos, laad_demo
from werkgroepen.models import Werkgroep


def valideer(dossier):
    fouten = list(
        Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER).iter_errors(dossier)
    )
    assert not fouten, [f.message for f in fouten]


PLAN = {
    "vastgesteld_op": "2025-05-12",
    "vastgesteld_in": "b-mei",
    "doelstellingen": [
        {
            "ref": "inbraak",
            "thema": "sociale-veiligheid",
            "titel": "Minder inbraken bij bedrijven",
            "specifiek": "Het aantal aangiften van inbraak in bedrijfspanden daalt.",
            "meetbaar": "Aangiften inbraak bedrijfspand volgens de politiecijfers.",
            "norm": "aantal",
            "acceptabel": "Ondernemers, politie en gemeente staan achter het doel.",
            "realistisch": "Met collectieve alarmopvolging en surveillance haalbaar.",
            "tijdgebonden": "2027-12-31",
            "nulmeting": 17,
            "streefwaarde": 12,
        },
        {
            "ref": "verlichting",
            "thema": "fysieke-veiligheid",
            "titel": "Geen donkere plekken meer",
            "meetbaar": "Aandeel ondernemers dat de verlichting voldoende vindt.",
            "norm": "percentage",
            "blok": 10,
            "tijdgebonden": "2026-12-31",
            "nulmeting": 38.5,
            "streefwaarde": 60,
            "behaald": False,
        },
        {"ref": "eigen", "thema": "eigen:Parkmanagement", "titel": "Tevreden over het parkmanagement"},
    ],
    "maatregelen": [
        {
            "ref": "m-lampen",
            "titel": "Defecte lantaarnpalen herstellen",
            "doelstelling": "verlichting",
            "soort": "schouwpunt",
            "schouwpunt": "s1-01",
            "verantwoordelijke": "gem",
            "kwartalen": ["2025-Q3", "2025-Q2"],
            "benodigde_tijd": "twee weken",
            "deskundigheid": "extern",
            "voortgangsmeting": "Avondschouw: alle palen branden",
            "status": "uitgevoerd",
            "uitgevoerd_op": "2025-08-20",
            "voortgang": [
                {"datum": "2025-07-01", "tekst": "Storing gemeld bij de gemeente."},
                {"datum": "2025-06-10", "tekst": "Offerte aangevraagd."},
            ],
        },
        {
            "ref": "m-surveillance",
            "titel": "Surveillance in avond en weekend",
            "doelstelling": "inbraak",
            "soort": "regulier",
            "verantwoordelijke": "pol",
            "kwartalen": ["2025-Q3", "2025-Q4", "2026-Q1"],
            "benodigde_tijd": "twee uur per week",
            "deskundigheid": "intern",
            "voortgangsmeting": "Surveillanceverslagen",
            "status": "lopend",
            "voortgang": [{"datum": "2025-10-01", "tekst": "Loopt sinds juli."}],
        },
        {
            "ref": "m-nieuwsbrief",
            "titel": "Nieuwsbrief over inbraakpreventie",
            "soort": "communicatie",
            "verantwoordelijke": "ov",
            "kwartalen": ["2025-Q4"],
            "status": "uitgevoerd",  # without a date: allowed (the readiness check reports it)
        },
        {
            "ref": "m-vervallen",
            "titel": "Mobiele camera huren",
            "soort": "regulier",
            "status": "vervallen",
            "wijziging_reden": "Vervangen door een vast camerasysteem.",
        },
        {
            "ref": "vast-1-dagschouw-0",
            "titel": "Dagschouw (jaar 1)",
            "soort": "vast-dagschouw",
            "verantwoordelijke": "gem",
            "kwartalen": ["2025-Q3"],
            "benodigde_tijd": "een dagdeel",
            "deskundigheid": "intern",
            "voortgangsmeting": "Schouwrapport met datum en aanwezigen",
            "status": "gepland",
        },
        {
            "ref": "vast-3-evaluatie-16",
            "titel": "Tussentijdse evaluatie (jaar 3)",
            "soort": "vast-evaluatie",
            "status": "gepland",
        },
    ],
    "x-maatregelen": {"vast-3-evaluatie-16": {"jaar": 3}},
    "x-bron": {"versie": 2},
}

EVALUATIES = [
    {
        "jaar": 1,
        "datum": "2026-02-02",
        "soort": "jaarlijks",
        "maatregelen_uitgevoerd": "Grotendeels.",
        "omstandigheden": "Een lange winter.",
        "reden_maatregelen": "Levertijd van de lampen.",
        "wijzigingen_plan": "Geen.",
        "samenwerking": "Goed.",
        "taken_uitgevoerd": "Ja.",
        "acties_uitgevoerd": "Ja, op één na.",
        "reden_wijzigingen": "Geen wijzigingen nodig.",
        "verbeterpunten": ["Eerder offertes aanvragen", "Politie vaker aanwezig"],
    },
    {"jaar": 3, "datum": "2028-01-20", "soort": "derde-jaar", "doelen_behaald": "Twee van drie.", "reden_doelen": "X"},
]


def dossier_met_plan() -> dict:
    d = copy.deepcopy(MINI)
    d["partijen"] += [
        {"ref": "ov", "naam": "Ondernemersvereniging De Hoek", "soort": "ondernemersvereniging"},
        {"ref": "pol", "naam": "Politie", "soort": "politie"},
    ]
    d["bijeenkomsten"] = [{"ref": "b-mei", "datum": "2025-05-12"}]
    d["cycli"][0].update(
        schouwen=[
            {
                "ref": "s1",
                "soort": "avond",
                "datum": "2025-03-01",
                "punten": [
                    {"ref": "s1-01", "nummer": 1, "positief": False, "bevinding": "Lampen stuk", "terugkerend": True},
                    {"ref": "s1-02", "nummer": 2, "positief": True},
                ],
            }
        ],
        plan=copy.deepcopy(PLAN),
        evaluaties=copy.deepcopy(EVALUATIES),
    )
    # a second cycle whose plan takes up a point of the first cycle's inspection
    d["cycli"].append(
        {
            "nummer": 2,
            "soort": "opvolgende",
            "start": "2028-01-15",
            "plan": {
                "maatregelen": [
                    {
                        "ref": "m-vervolg",
                        "titel": "Lampen vervangen door led",
                        "soort": "schouwpunt",
                        "schouwpunt": "s1-01",
                        "kwartalen": ["2028-Q2"],
                        "status": "gepland",
                    }
                ]
            },
        }
    )
    return d


@pytest.fixture
def dossier() -> dict:
    return dossier_met_plan()


def problemen(dossier) -> list[str]:
    with pytest.raises(DossierFout) as fout:
        dossier_importeer(actor=None, dossier=dossier)
    return fout.value.problemen


def test_round_trip(db, dossier):
    valideer(dossier)
    werkgroep = dossier_importeer(actor=None, dossier=copy.deepcopy(dossier))
    export = dossier_exporteer(werkgroep=werkgroep)
    valideer(export)
    assert export == dossier
    # and once more from the export
    opnieuw = dossier_importeer(actor=None, dossier=copy.deepcopy(export), vervang=True)
    assert dossier_exporteer(werkgroep=opnieuw) == dossier


def test_import_schrijft_de_modellen(db, dossier):
    werkgroep = dossier_importeer(actor=None, dossier=copy.deepcopy(dossier))
    plan = Plan.objects.get(cyclus__werkgroep=werkgroep, cyclus__nummer=1)
    assert plan.vastgesteld_in.ref == "b-mei" and plan.vastgesteld_in.werkgroep == werkgroep
    assert plan.extra == {"x-bron": {"versie": 2}}  # the plan's own x- keys; goals and measures are in the rows
    doelen = {d.ref: d for d in Doelstelling.objects.filter(plan=plan)}
    assert [(d.ref, d.volgorde) for d in sorted(doelen.values(), key=lambda d: d.volgorde)] == [
        ("inbraak", 0),
        ("verlichting", 1),
        ("eigen", 2),
    ]
    assert (doelen["inbraak"].norm, doelen["inbraak"].blok) == ("aantal", None)
    assert (doelen["verlichting"].norm, doelen["verlichting"].blok) == ("percentage", 10)
    assert (doelen["eigen"].norm, doelen["eigen"].blok) == ("", None)
    maatregelen = {m.ref: m for m in Maatregel.objects.filter(plan=plan)}
    assert [m.volgorde for m in maatregelen.values()] == sorted(m.volgorde for m in maatregelen.values())
    lampen = maatregelen["m-lampen"]
    assert lampen.schouwpunt.ref == "s1-01" and lampen.schouwpunt.schouw.werkgroep == werkgroep
    assert lampen.doelstelling == doelen["verlichting"]
    assert lampen.verantwoordelijke.ref == "gem"
    assert lampen.jaar is None  # only fixed measures have a year
    assert maatregelen["vast-1-dagschouw-0"].jaar == 1  # from its first quarter
    assert maatregelen["vast-3-evaluatie-16"].jaar == 3  # from x-maatregelen (it has no quarter)
    notities = Voortgang.objects.filter(maatregel=lampen).order_by("pk")
    assert [(v.auteur, v.auteur_naam) for v in notities] == [(None, ""), (None, "")]
    vervolg = Maatregel.objects.get(plan__cyclus__nummer=2, plan__werkgroep=werkgroep)
    assert vervolg.schouwpunt == lampen.schouwpunt  # a point of the first cycle
    evaluaties = list(Evaluatie.objects.filter(werkgroep=werkgroep).order_by("jaar"))
    assert [(e.jaar, e.soort, e.cyclus.nummer) for e in evaluaties] == [(1, "jaarlijks", 1), (3, "derde-jaar", 1)]
    assert evaluaties[0].verbeterpunten == ["Eerder offertes aanvragen", "Politie vaker aanwezig"]
    assert evaluaties[1].samenwerking is None


def test_canonieke_vorm(db, dossier):
    plan = dossier["cycli"][0]["plan"]
    plan["doelstellingen"][2].update(specifiek=None, tijdgebonden=None, behaald=None)
    plan["maatregelen"][3].update(kwartalen=[], voortgang=[], uitgevoerd_op=None, benodigde_tijd="")
    plan["doelstellingen"][2].update(norm=None, blok=None)
    plan["x-maatregelen"] = {"vast-1-dagschouw-0": {"jaar": 1}}  # the year of its first quarter: derivable
    dossier["cycli"][0]["evaluaties"][1]["verbeterpunten"] = []
    werkgroep = dossier_importeer(actor=None, dossier=copy.deepcopy(dossier))
    export = dossier_exporteer(werkgroep=werkgroep)
    uit = export["cycli"][0]["plan"]
    assert uit["doelstellingen"][2] == {
        "ref": "eigen",
        "thema": "eigen:Parkmanagement",
        "titel": "Tevreden over het parkmanagement",
    }
    assert uit["maatregelen"][3] == {
        "ref": "m-vervallen",
        "titel": "Mobiele camera huren",
        "soort": "regulier",
        "status": "vervallen",
        "wijziging_reden": "Vervangen door een vast camerasysteem.",
    }
    assert (uit["doelstellingen"][0]["norm"], uit["doelstellingen"][1]["norm"], uit["doelstellingen"][1]["blok"]) == (
        "aantal",
        "percentage",
        10,
    )
    assert "x-doelstellingen" not in uit  # norm and blok travel on the goal itself
    # "jaar 1" follows from the first quarter and is left out; the fixed measure without quarters has no year
    assert "x-maatregelen" not in uit
    assert "verbeterpunten" not in export["cycli"][0]["evaluaties"][1]
    assert dossier_exporteer(werkgroep=dossier_importeer(actor=None, dossier=export, vervang=True)) == export


def test_cyclus_zonder_plan_en_evaluaties(db, dossier):
    werkgroep = dossier_importeer(actor=None, dossier=copy.deepcopy(dossier))
    export = dossier_exporteer(werkgroep=werkgroep)
    assert "evaluaties" not in export["cycli"][1]
    leeg = copy.deepcopy(MINI)
    leeg["werkgroep"]["slug"] = "leeg"
    leeg["cycli"][0].update(plan=None, evaluaties=[])
    export = dossier_exporteer(werkgroep=dossier_importeer(actor=None, dossier=leeg))
    assert export["cycli"] == [{"nummer": 1, "soort": "eerste", "start": "2025-01-15"}]


def _zet(dossier, pad_, waarde):
    doel = dossier
    for deel in pad_[:-1]:
        doel = doel.setdefault(deel, {}) if isinstance(doel, dict) else doel[deel]  # x- keys of older files
    doel[pad_[-1]] = waarde


PLAN_PAD = ("cycli", 0, "plan")
M = (*PLAN_PAD, "maatregelen")


@pytest.mark.parametrize(
    ("wijziging", "verwacht"),
    [
        (
            ((*PLAN_PAD, "doelstellingen", 2, "ref"), "inbraak"),
            'cycli[0].plan.doelstellingen[2].ref: ref "inbraak" komt al voor in cycli[0].plan.doelstellingen[0]',
        ),
        (
            ((*M, 1, "ref"), "m-lampen"),
            'cycli[0].plan.maatregelen[1].ref: ref "m-lampen" komt al voor in cycli[0].plan.maatregelen[0]',
        ),
        (
            ((*M, 1, "doelstelling"), "weg"),
            'cycli[0].plan.maatregelen[1].doelstelling: onbekende doelstelling "weg" in dit plan',
        ),
        (((*M, 0, "schouwpunt"), "s9-01"), 'cycli[0].plan.maatregelen[0].schouwpunt: onbekend schouwpunt "s9-01"'),
        (((*M, 1, "verantwoordelijke"), "bw"), 'cycli[0].plan.maatregelen[1].verantwoordelijke: onbekende partij "bw"'),
        (((*PLAN_PAD, "vastgesteld_in"), "b-juni"), 'cycli[0].plan.vastgesteld_in: onbekende bijeenkomst "b-juni"'),
        (
            ((*M, 1, "kwartalen"), ["2025-Q3", "2025-Q1"]),
            'cycli[0].plan.maatregelen[1].kwartalen[1]: kwartaal "2025-Q1" valt buiten de cyclus '
            "(2025-Q2 tot en met 2028-Q1)",
        ),
        (
            ((*M, 4, "kwartalen"), ["2028-Q2"]),
            'cycli[0].plan.maatregelen[4].kwartalen[0]: kwartaal "2028-Q2" valt buiten de cyclus '
            "(2025-Q2 tot en met 2028-Q1)",
        ),
        (((*M, 2, "titel"), "x" * 301), "cycli[0].plan.maatregelen[2].titel: te lang (301 tekens, hoogstens 300)"),
        (
            ((*M, 2, "benodigde_tijd"), "x" * 201),
            "cycli[0].plan.maatregelen[2].benodigde_tijd: te lang (201 tekens, hoogstens 200)",
        ),
        (
            ((*PLAN_PAD, "doelstellingen", 1, "titel"), "x" * 301),
            "cycli[0].plan.doelstellingen[1].titel: te lang (301 tekens, hoogstens 300)",
        ),
        (
            ((*PLAN_PAD, "doelstellingen", 2, "thema"), "eigen:" + "x" * 120),
            "cycli[0].plan.doelstellingen[2].thema: te lang (126 tekens, hoogstens 120)",
        ),
        (
            (("cycli", 0, "evaluaties", 1, "jaar"), 1),
            "cycli[0].evaluaties[1].jaar: jaar 1 heeft al een evaluatie in cycli[0].evaluaties[0]",
        ),
        (
            ((*PLAN_PAD, "x-doelstellingen", "onbekend"), {"norm": "aantal"}),
            'cycli[0].plan.x-doelstellingen.onbekend: onbekende doelstelling "onbekend"',
        ),
        (
            ((*PLAN_PAD, "x-doelstellingen", "eigen"), {"norm": "veel"}),
            'cycli[0].plan.x-doelstellingen.eigen.norm: onbekende norm "veel" '
            "(kies uit percentage, aantal, eenmalig, zichtbaar)",
        ),
        (
            ((*PLAN_PAD, "x-doelstellingen", "eigen"), {"blok": 45}),
            "cycli[0].plan.x-doelstellingen.eigen.blok: verwacht een onderwerpblok van 1 tot en met 44",
        ),
        (
            ((*PLAN_PAD, "x-maatregelen", "m-lampen"), {"jaar": 2}),
            "cycli[0].plan.x-maatregelen.m-lampen: alleen een vaste maatregel heeft een jaar van de cyclus",
        ),
        (
            ((*PLAN_PAD, "x-maatregelen", "vast-1-dagschouw-0"), {"jaar": 4}),
            'cycli[0].plan.x-maatregelen.vast-1-dagschouw-0: verwacht {"jaar": 1, 2 of 3}',
        ),
    ],
)
def test_probleem_met_pad_en_niets_geschreven(db, dossier, wijziging, verwacht):
    _zet(dossier, *wijziging)
    gevonden = problemen(dossier)
    assert verwacht in gevonden, gevonden
    assert not Werkgroep.objects.filter(slug=dossier["werkgroep"]["slug"]).exists()
    assert not Plan.objects.exists() and not Maatregel.objects.exists() and not Evaluatie.objects.exists()


def test_doelstelling_van_een_ander_plan_geweigerd(db, dossier):
    dossier["cycli"][1]["plan"]["maatregelen"][0]["doelstelling"] = "inbraak"  # a goal of cycle 1's plan
    assert 'cycli[1].plan.maatregelen[0].doelstelling: onbekende doelstelling "inbraak" in dit plan' in problemen(
        dossier
    )
    assert not Werkgroep.objects.exists()


def test_alle_problemen_tegelijk(db, dossier):
    m = dossier["cycli"][0]["plan"]["maatregelen"]
    m[0]["schouwpunt"] = "nergens"
    m[1]["verantwoordelijke"] = "nergens"
    dossier["cycli"][0]["evaluaties"][1]["jaar"] = 1
    assert len(problemen(dossier)) == 3


# --- the demo ---------------------------------------------------------------------------------


def test_demo_vaste_maatregelen_zoals_het_plan_ze_maakt(db):
    demo = laad_demo("wolvega")
    werkgroep = dossier_importeer(actor=None, dossier=copy.deepcopy(demo), bestanden=demo_fotos(demo))
    plan = Plan.objects.get(werkgroep=werkgroep)
    verwacht = vaste_maatregelen(plan)
    for m in verwacht:
        m.ref = f"vast-{m.jaar}-{m.soort.removeprefix('vast-')}-{m.volgorde % 100}"
    velden = ("ref", "titel", "soort", "jaar", "kwartalen", "verantwoordelijke_id", "benodigde_tijd", "deskundigheid")
    velden += ("voortgangsmeting",)
    vast = plan.maatregelen.filter(soort__startswith="vast-").order_by("volgorde")
    assert [tuple(getattr(m, v) for v in velden) for m in vast] == [
        tuple(getattr(m, v) for v in velden) for m in verwacht
    ]
