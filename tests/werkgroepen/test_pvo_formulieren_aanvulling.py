"""The PVO forms that were missing (issue 23): the mayor's letter and the presentation of the survey's
results, the plan's role division, the park's postcodes, the kick-off's organiser, an activity changed
or deleted, a signatory removed. Each: written through its service by a member who may change things,
403 for a read-only member, 404 from another work group and for a KVO group, a bounded query count."""

import datetime as dt

import pytest
from django.urls import reverse

from kvo import versie
from tests.analyse.factories import EnqueteFactory
from tests.factories import BedrijventerreinFactory
from tests.pvo_hulp import maak_pvo
from tests.werkgroepen.factories import CommunicatieFactory


@pytest.fixture
def pvo(actoren):
    groep = maak_pvo(actoren)
    groep.enquete = EnqueteFactory(cyclus=groep.cyclus, geopend_op=groep.cyclus.start + dt.timedelta(days=30))
    groep.terrein = BedrijventerreinFactory(werkgroep=groep.werkgroep, naam="Twentekanaal-Noord")
    return groep


def paden(pvo) -> dict[str, str]:
    """Every new page, GET and POST."""
    slug = pvo.werkgroep.slug
    activiteit = pvo.plan.activiteiten.order_by("pk").first()
    return {
        "brief": reverse("analyse:pvo_brief", kwargs={"werkgroep": slug}),
        "rolverdeling": reverse("aanpak:pvo_rolverdeling", kwargs={"werkgroep": slug}),
        "activiteit": reverse("aanpak:pvo_activiteit", kwargs={"werkgroep": slug, "pk": activiteit.pk}),
        "organisator": reverse("werkgroepen:pvo_organisator", kwargs={"werkgroep": slug, "pk": pvo.kickoff.pk}),
        "postcodes": reverse("gebieden:pvo_postcodes", kwargs={"werkgroep": slug, "terrein": pvo.terrein.pk}),
    }


def alleen_post(pvo) -> dict[str, str]:
    slug = pvo.werkgroep.slug
    activiteit = pvo.plan.activiteiten.order_by("pk").first()
    ondertekenaar = pvo.waardering.ondertekenaars.order_by("pk").first()
    return {
        "activiteit_verwijder": reverse(
            "aanpak:pvo_activiteit_verwijderen", kwargs={"werkgroep": slug, "pk": activiteit.pk}
        ),
        "ondertekenaar_verwijder": reverse(
            "audits:pvo_ondertekenaar_verwijderen", kwargs={"werkgroep": slug, "pk": ondertekenaar.pk}
        ),
    }


NAMEN = ["brief", "rolverdeling", "activiteit", "organisator", "postcodes"]
POST_NAMEN = ["activiteit_verwijder", "ondertekenaar_verwijder"]


@pytest.mark.parametrize("naam", NAMEN + POST_NAMEN)
def test_andere_werkgroep_krijgt_404(actoren, als, pvo, naam):
    pad = {**paden(pvo), **alleen_post(pvo)}[naam]
    client = als(actoren.vreemde)
    if naam in NAMEN:
        assert client.get(pad).status_code == 404
    assert client.post(pad, {"titel": "x"}).status_code == 404


@pytest.mark.parametrize("naam", NAMEN + POST_NAMEN)
def test_kvo_groep_krijgt_404(actoren, als, pvo, naam):
    from kvo.regelingen import KVO

    pad = {**paden(pvo), **alleen_post(pvo)}[naam]
    pvo.werkgroep.handboek = KVO
    pvo.werkgroep.save(update_fields=["handboek"])
    pvo.cyclus.handboek = KVO
    pvo.cyclus.save(update_fields=["handboek"])
    client = als(actoren.voorzitter)
    if naam in NAMEN:
        assert client.get(pad).status_code == 404
    assert client.post(pad).status_code == 404


@pytest.mark.parametrize("naam", NAMEN + POST_NAMEN)
def test_alleen_lezen_krijgt_403_en_schrijft_niets(actoren, als, pvo, naam):
    pad = {**paden(pvo), **alleen_post(pvo)}[naam]
    n_activiteiten, n_tekenaars = pvo.plan.activiteiten.count(), pvo.waardering.ondertekenaars.count()
    client = als(actoren.agendalid)
    if naam in NAMEN:
        html = client.get(pad).text
        assert 'name="formulier"' not in html  # a reader sees no form
    assert client.post(pad, {"rolverdeling": "x", "postcodes": "7241 AA 1"}).status_code == 403
    pvo.plan.refresh_from_db()
    pvo.terrein.refresh_from_db()
    assert pvo.plan.rolverdeling == "" and not pvo.terrein.postcodes
    assert (pvo.plan.activiteiten.count(), pvo.waardering.ondertekenaars.count()) == (n_activiteiten, n_tekenaars)


@pytest.mark.parametrize("aantal", [3, 30])
@pytest.mark.parametrize("naam", NAMEN)
def test_begrensde_queries(actoren, als, naam, aantal, django_assert_max_num_queries):
    groep = maak_pvo(actoren, aantal=aantal)
    groep.enquete = EnqueteFactory(cyclus=groep.cyclus)
    groep.terrein = BedrijventerreinFactory(werkgroep=groep.werkgroep)
    for i in range(aantal):
        CommunicatieFactory(werkgroep=groep.werkgroep, onderwerp=f"Meldwijzer {i}")
    groep.terrein.postcodes = [{"postcode": f"72{i:02d} AA", "huisnummers": "1-9"} for i in range(aantal)]
    groep.terrein.save()
    client = als(actoren.voorzitter)
    versie.opnieuw()
    with django_assert_max_num_queries(30):
        response = client.get(paden(groep)[naam])
        assert response.status_code == 200
        assert 'method="post"' in response.text


def test_brief_en_presentatie_vastleggen(actoren, als, pvo):
    client = als(actoren.secretaris)
    pad = paden(pvo)["brief"]
    data = {"formulier": "brief", "namens": pvo.gemeente.pk, "ondertekenaar": "mr. A. de Vries, burgemeester"}
    assert client.post(pad, data).status_code == 302
    presentatie = {"formulier": "presentatie", "op": "", "bijeenkomst": pvo.kickoff.pk}
    # the kick-off was before the survey was sent: the service refuses, nothing is written
    client.post(pad, presentatie)
    pvo.enquete.refresh_from_db()
    assert pvo.enquete.resultaten_gepresenteerd_op is None
    later = pvo.cyclus.start + dt.timedelta(days=60)
    assert client.post(pad, {"formulier": "presentatie", "op": later.isoformat()}).status_code == 302
    pvo.enquete.refresh_from_db()
    assert pvo.enquete.brief_namens == pvo.gemeente
    assert pvo.enquete.brief_ondertekenaar == "mr. A. de Vries, burgemeester"
    assert pvo.enquete.resultaten_gepresenteerd_op == later
    html = client.get(pad).text
    assert "Verstuurd namens <strong>Gemeente Voorbeeldstad</strong>" in html


def test_brief_niet_namens_de_ondernemersvereniging(actoren, als, pvo):
    client = als(actoren.secretaris)
    client.post(paden(pvo)["brief"], {"formulier": "brief", "namens": pvo.ov.pk, "ondertekenaar": "x"})
    pvo.enquete.refresh_from_db()
    assert pvo.enquete.brief_namens is None


def test_brief_zonder_enquete_zegt_wat_te_doen(actoren, als, pvo):
    pvo.enquete.delete()
    client = als(actoren.secretaris)
    assert 'data-testid="leeg"' in client.get(paden(pvo)["brief"]).text
    assert client.post(paden(pvo)["brief"], {"formulier": "brief"}).status_code == 404


def test_rolverdeling_vastleggen_en_tonen_op_het_plan_per_partij(actoren, als, pvo):
    client = als(actoren.secretaris)
    per_partij = reverse("aanpak:pvo_uitvoeringsplan", kwargs={"werkgroep": pvo.werkgroep.slug})
    assert paden(pvo)["rolverdeling"] in client.get(per_partij).text
    tekst = "Gemeente: trekker schoon en heel\nPolitie: trekker veilig"
    assert client.post(paden(pvo)["rolverdeling"], {"rolverdeling": tekst}).status_code == 302
    pvo.plan.refresh_from_db()
    assert pvo.plan.rolverdeling == tekst
    assert "trekker schoon en heel<br>Politie" in client.get(per_partij).text


def test_postcodes_vastleggen(actoren, als, pvo):
    client = als(actoren.secretaris)
    overzicht = reverse("gebieden:overzicht", kwargs={"werkgroep": pvo.werkgroep.slug})
    assert paden(pvo)["postcodes"] in client.get(overzicht).text
    r = client.post(paden(pvo)["postcodes"], {"postcodes": "7241aa 1-40\n\n7241 AB 2, 4, 6"})
    assert r.status_code == 302
    pvo.terrein.refresh_from_db()
    assert pvo.terrein.postcodes == [
        {"postcode": "7241 AA", "huisnummers": "1-40"},
        {"postcode": "7241 AB", "huisnummers": "2, 4, 6"},
    ]
    assert "7241 AA 1-40\n7241 AB 2, 4, 6" in client.get(paden(pvo)["postcodes"]).text
    # a line that is no postcode: a message, nothing changed
    client.post(paden(pvo)["postcodes"], {"postcodes": "Hengelo 12"})
    pvo.terrein.refresh_from_db()
    assert len(pvo.terrein.postcodes) == 2


def test_postcodes_link_alleen_voor_pvo(actoren, als, pvo):
    from kvo.regelingen import KVO

    pvo.werkgroep.handboek = KVO
    pvo.werkgroep.save(update_fields=["handboek"])
    overzicht = reverse("gebieden:overzicht", kwargs={"werkgroep": pvo.werkgroep.slug})
    assert 'data-testid="postcodes-link"' not in als(actoren.secretaris).get(overzicht).text


def test_organisator_van_de_kickoff(actoren, als, pvo):
    pvo.kickoff.georganiseerd_door = None
    pvo.kickoff.save()
    client = als(actoren.secretaris)
    samenwerking = reverse("werkgroepen:pvo_samenwerking", kwargs={"werkgroep": pvo.werkgroep.slug})
    assert paden(pvo)["organisator"] in client.get(samenwerking).text
    assert client.post(paden(pvo)["organisator"], {"partij": pvo.gemeente.pk}).status_code == 302
    pvo.kickoff.refresh_from_db()
    assert pvo.kickoff.georganiseerd_door == pvo.gemeente
    assert "georganiseerd door Gemeente Voorbeeldstad" in client.get(samenwerking).text


def test_organisator_van_een_andere_werkgroep_wordt_niet_gekozen(actoren, als, pvo):
    from tests.factories import PartijFactory

    vreemd = PartijFactory(werkgroep=actoren.anderewerkgroep, naam="Gemeente Elders", soort="gemeente")
    als(actoren.secretaris).post(paden(pvo)["organisator"], {"partij": vreemd.pk})
    pvo.kickoff.refresh_from_db()
    assert pvo.kickoff.georganiseerd_door == pvo.gemeente


def test_activiteit_wijzigen_en_koppelen_aan_de_bijeenkomst(actoren, als, pvo):
    client = als(actoren.secretaris)
    kalender = reverse("aanpak:pvo_kalender", kwargs={"werkgroep": pvo.werkgroep.slug})
    assert paden(pvo)["activiteit"] in client.get(kalender).text
    a = pvo.plan.activiteiten.order_by("pk").first()
    data = {
        "soort": a.soort,
        "titel": "Voorlichting ondernemers Twentekanaal",
        "gepland_op": "2025-11-04",
        "partij": pvo.politie.pk,
        "bijeenkomst": pvo.kickoff.pk,
        "communicatie": "",
    }
    assert client.post(paden(pvo)["activiteit"], data).status_code == 302
    a.refresh_from_db()
    assert (a.titel, str(a.gepland_op), a.partij, a.bijeenkomst) == (
        "Voorlichting ondernemers Twentekanaal",
        "2025-11-04",
        pvo.politie,
        pvo.kickoff,
    )


def test_activiteit_verwijderen(actoren, als, pvo):
    client = als(actoren.secretaris)
    a = pvo.plan.activiteiten.order_by("pk").first()
    r = client.post(alleen_post(pvo)["activiteit_verwijder"])
    assert r.status_code == 302 and r.url.endswith("/activiteitenkalender/")
    assert not pvo.plan.activiteiten.filter(pk=a.pk).exists()
    assert client.get(alleen_post(pvo)["activiteit_verwijder"]).status_code == 405


def test_ondertekenaar_verwijderen(actoren, als, pvo):
    client = als(actoren.secretaris)
    waardering = reverse("audits:pvo_waardering", kwargs={"werkgroep": pvo.werkgroep.slug})
    o = pvo.waardering.ondertekenaars.order_by("pk").first()
    assert alleen_post(pvo)["ondertekenaar_verwijder"] in client.get(waardering).text
    r = client.post(alleen_post(pvo)["ondertekenaar_verwijder"])
    assert r.status_code == 302 and r.url == waardering
    assert not pvo.waardering.ondertekenaars.filter(pk=o.pk).exists()


def test_bijeenkomsten_linken_naar_de_organisator_van_de_kickoff(actoren, als, pvo):
    client = als(actoren.secretaris)
    slug = pvo.werkgroep.slug
    lijst = client.get(reverse("werkgroepen:bijeenkomsten", kwargs={"werkgroep": slug})).text
    assert paden(pvo)["organisator"] in lijst
    detail = client.get(reverse("werkgroepen:bijeenkomst", kwargs={"werkgroep": slug, "pk": pvo.kickoff.pk})).text
    assert paden(pvo)["organisator"] in detail
