"""The measures library: counts per theme (used, executed, goal reached), the handbook's examples
first, the opt-in (a group that does not share is not in another group's library), members see
only aggregates (never another group's name, notes or people), one click makes the group's own
editable measure, and who may do what (tenancy, the facilitator's page, bounded queries)."""

import pytest
from django.urls import reverse
from django_scopes import scope

from aanpak.bibliotheek import bibliotheek, voorbeelden
from aanpak.models import Maatregel, Plan
from kvo import versie
from tests.aanpak.factories import DoelstellingFactory, MaatregelFactory, PlanFactory, VoortgangFactory
from tests.factories import BegeleidingsorganisatieFactory, CyclusFactory, PartijFactory, UserFactory, WerkgroepFactory
from werkgroepen.models import Werkgroep


def groep(org, naam, *, delen=True, maatregelen=(), slug=None):
    """A work group of ``org`` with a plan; ``maatregelen``: (title, theme, status, goal reached)."""
    wg = WerkgroepFactory(naam=naam, begeleiding=org, maatregelen_delen=delen, **({"slug": slug} if slug else {}))
    plan = PlanFactory(cyclus=CyclusFactory(werkgroep=wg))
    for titel, thema, status, behaald in maatregelen:
        doel = DoelstellingFactory(plan=plan, thema=thema, behaald=behaald)
        MaatregelFactory(plan=plan, titel=titel, doelstelling=doel, status=status,
                         uitgevoerd_op="2025-06-01" if status == "uitgevoerd" else None)  # fmt: skip
    return wg, plan


CAMERA = "Camera's bij de entree van het terrein"


def test_tellingen_per_thema_en_voorbeelden_voorop(db):
    org = BegeleidingsorganisatieFactory()
    ids = []
    for n, (status, behaald) in enumerate(
        [("uitgevoerd", True), ("uitgevoerd", True), ("uitgevoerd", False), ("lopend", None), ("gepland", None)]
    ):
        wg, _plan = groep(
            org,
            f"G{n}",
            maatregelen=[
                (
                    CAMERA if n % 2 else "  camera's bij de ENTREE van het terrein",
                    "fysieke-veiligheid",
                    status,
                    behaald,
                )
            ],
        )
        ids.append(wg.pk)
    items = bibliotheek(ids)
    camera = [i for i in items if i.titel.casefold() == CAMERA.casefold()]
    assert len(camera) == 1  # spelled alike: one entry
    c = camera[0]
    assert (c.gebruikt, len(c.uitgevoerd), len(c.behaald), len(c.beoordeeld)) == (5, 3, 2, 3)
    assert c.tekst == "in 5 groepen gebruikt, in 3 uitgevoerd, doel in 2 van 3 gehaald"
    fysiek = [i for i in items if i.thema == "fysieke-veiligheid"]
    assert fysiek[0].voorbeeld  # the handbook's examples first in their theme
    assert {v["titel"] for v in voorbeelden()} <= {i.titel for i in items}


def test_vaste_maatregelen_tellen_niet(db):
    wg, plan = groep(BegeleidingsorganisatieFactory(), "G")
    MaatregelFactory(plan=plan, titel="Dagschouw (jaar 1)", soort=Maatregel.Soort.VAST_DAGSCHOUW, jaar=1)
    assert not [i for i in bibliotheek([wg.pk]) if "Dagschouw" in i.titel]


@pytest.fixture
def drie_groepen(db):
    org = BegeleidingsorganisatieFactory()
    eigen, plan = groep(org, "KVO Eigen", slug="eigen", delen=False)
    deelt, _ = groep(org, "KVO Deelt", maatregelen=[(CAMERA, "fysieke-veiligheid", "uitgevoerd", True)])
    geheim, _ = groep(
        org,
        "KVO Deelt Niet",
        delen=False,
        maatregelen=[("Geheime hondenpatrouille", "fysieke-veiligheid", "uitgevoerd", True)],
    )
    VoortgangFactory(maatregel=Maatregel.objects.get(plan__werkgroep=deelt), tekst="Notitie van Jan de Vries")
    anders, _ = groep(
        BegeleidingsorganisatieFactory(),
        "KVO Andere Org",
        maatregelen=[("Drone boven het terrein", "", "gepland", None)],
    )
    partij = PartijFactory(werkgroep=eigen)
    from tests.conftest import maak_lid_user

    lid = maak_lid_user(eigen, partij, "lid@eigen.example")
    voorzitter = maak_lid_user(eigen, partij, "voorzitter@eigen.example", rollen=["voorzitter"])
    agendalid = maak_lid_user(eigen, partij, "agenda@eigen.example", agendalid=True)
    return {"org": org, "eigen": eigen, "plan": plan, "lid": lid, "voorzitter": voorzitter, "agendalid": agendalid,
            "deelt": deelt, "geheim": geheim, "anders": anders}  # fmt: skip


def url(naam, wg="eigen"):
    return reverse(f"aanpak:{naam}", kwargs={"werkgroep": wg})


def test_lid_ziet_alleen_wat_andere_groepen_delen_en_alleen_de_som(drie_groepen, als):
    response = als(drie_groepen["lid"]).get(url("bibliotheek"))
    assert response.status_code == 200
    html = response.content.decode()
    assert CAMERA.replace("'", "&#x27;") in html
    assert "in 1 groep gebruikt, in 1 uitgevoerd, doel in 1 van 1 gehaald" in html
    assert "Geheime hondenpatrouille" not in html  # did not opt in
    assert "Drone boven het terrein" not in html  # another organisation
    for naam in ("KVO Deelt", "KVO Deelt Niet", "Jan de Vries", "Notitie"):
        assert naam not in html  # never which group, a note or a person


def test_opt_in_zet_titels_aan_en_uit(drie_groepen, als):
    g = drie_groepen
    client = als(g["voorzitter"])
    assert "Geheime hondenpatrouille" not in client.get(url("bibliotheek")).content.decode()
    # the secret group opts in (its chair), then out again
    Werkgroep.objects.filter(pk=g["geheim"].pk).update(maatregelen_delen=True)
    assert "Geheime hondenpatrouille" in client.get(url("bibliotheek")).content.decode()
    Werkgroep.objects.filter(pk=g["geheim"].pk).update(maatregelen_delen=False)
    assert "Geheime hondenpatrouille" not in client.get(url("bibliotheek")).content.decode()


def test_delen_aanzetten_via_de_pagina_alleen_door_voorzitter(drie_groepen, als):
    g = drie_groepen
    assert als(g["lid"]).post(url("bibliotheek_delen"), {"delen": "1"}).status_code == 403
    g["eigen"].refresh_from_db()
    assert g["eigen"].maatregelen_delen is False  # default off
    response = als(g["voorzitter"]).post(url("bibliotheek_delen"), {"delen": "1"})
    assert response.status_code == 302
    g["eigen"].refresh_from_db()
    assert g["eigen"].maatregelen_delen is True
    assert g["eigen"].logregels.filter(actie="bibliotheek.delen").exists()


def test_overnemen_maakt_een_eigen_bewerkbare_maatregel(drie_groepen, als):
    g = drie_groepen
    doel = DoelstellingFactory(plan=g["plan"], thema="fysieke-veiligheid")
    response = als(g["lid"]).post(
        url("bibliotheek_overnemen"), {"titel": CAMERA, "thema": "fysieke-veiligheid", "soort": "regulier"}
    )
    assert response.status_code == 302
    m = Maatregel.objects.get(plan=g["plan"], titel=CAMERA)
    assert m.doelstelling == doel and m.verantwoordelijke is None and m.kwartalen == []
    assert response["Location"] == reverse("aanpak:maatregel_wijzig", kwargs={"werkgroep": "eigen", "pk": m.pk})
    html = als(g["lid"]).get(url("bibliotheek")).content.decode()
    assert "al in uw plan" in html
    # the other group's measure is untouched, and no note travelled
    assert not m.voortgang.exists()


def test_agendalid_mag_niet_overnemen_en_vreemde_krijgt_404(drie_groepen, als):
    g = drie_groepen
    assert als(g["agendalid"]).get(url("bibliotheek")).status_code == 200
    assert als(g["agendalid"]).post(url("bibliotheek_overnemen"), {"titel": "X", "thema": ""}).status_code == 403
    vreemde = UserFactory(email="vreemd@example.org")
    client = als(vreemde)
    assert client.get(url("bibliotheek")).status_code == 404
    assert client.post(url("bibliotheek_overnemen"), {"titel": "X", "thema": ""}).status_code == 404
    assert client.post(url("bibliotheek_delen"), {"delen": "1"}).status_code == 404


def test_begeleider_ziet_alle_groepen_van_de_eigen_organisatie(drie_groepen, als):
    g = drie_groepen
    begeleider = UserFactory(email="begeleider@org.example")
    g["org"].gebruikers.add(begeleider)
    response = als(begeleider).get(reverse("bibliotheek:begeleiding"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Geheime hondenpatrouille" in html  # the facilitator reaches every group of the organisation
    assert "Drone boven het terrein" not in html  # another organisation
    assert als(g["lid"]).get(reverse("bibliotheek:begeleiding")).status_code == 403


def test_queries_gelijk_bij_10_en_100_groepen(db, als):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    org = BegeleidingsorganisatieFactory()
    eigen, _ = groep(org, "KVO Eigen", slug="eigen")
    lid = UserFactory(email="l@example.org")
    PartijFactory(werkgroep=eigen)
    from tests.conftest import maak_lid_user

    lid = maak_lid_user(eigen, eigen.partijen.first(), "lid2@example.org")

    def tel():
        client = als(lid)
        client.get(url("bibliotheek"))
        with CaptureQueriesContext(connection) as v:
            assert client.get(url("bibliotheek")).status_code == 200
        return len(v.captured_queries)

    for n in range(10):
        groep(org, f"G{n}", maatregelen=[(f"Maatregel {n}", "overlast", "uitgevoerd", True)])
    bij_10 = tel()
    for n in range(10, 100):
        groep(org, f"G{n}", maatregelen=[(f"Maatregel {n}", "overlast", "uitgevoerd", True)])
    assert tel() == bij_10


def test_de_bewaarde_bibliotheek_volgt_de_plannen_van_de_delende_groepen(drie_groepen, als):
    """The page is kept (kvo.versie) until a plan of this group or of a sharing group changes: a new
    measure in the sharing group shows at once; a survey-side write elsewhere computes nothing."""
    g = drie_groepen
    client = als(g["lid"])
    assert "Hekwerk met overklimbeveiliging" not in client.get(url("bibliotheek")).content.decode()
    with versie.controle() as gezien:
        assert client.get(url("bibliotheek")).status_code == 200
    assert gezien.berekend == set()  # kept

    with scope(werkgroep=g["deelt"]):  # a write in the group's scope replaces its plan's version only
        MaatregelFactory(plan=Plan.objects.get(werkgroep=g["deelt"]), titel="Hekwerk met overklimbeveiliging")
    with versie.controle() as gezien:
        html = client.get(url("bibliotheek")).content.decode()
    assert "pagina:bibliotheek" in gezien.berekend and "Hekwerk met overklimbeveiliging" in html

    # a group that does not share: its plan is not read, its writes keep the page
    with scope(werkgroep=g["geheim"]):
        MaatregelFactory(plan=Plan.objects.get(werkgroep=g["geheim"]), titel="Nog een geheim")
    with versie.controle() as gezien:
        html = client.get(url("bibliotheek")).content.decode()
    assert gezien.berekend == set() and "Nog een geheim" not in html
