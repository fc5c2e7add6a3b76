"""Change history (kvo/geschiedenis.py): who changed which record, when and what, shown per record
("Geschiedenis"), summarised in the log, carried by the dossier under ``x-geschiedenis``; bulk writes
of tracked models go through the history's bulk helpers."""

import copy
import datetime as dt
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils.html import escape
from django_scopes import scopes_disabled

from aanpak.models import Maatregel
from aanpak.services.maatregelen import maatregel_bewaar, maatregel_maak
from aanpak.services.plan import plan_maak
from kvo import geschiedenis
from kvo.dossier.services import dossier_exporteer, dossier_importeer
from tests.dossier.conftest import demo_fotos, laad_demo
from werkgroepen.models import Partij, Werkgroep

ROOT = Path(__file__).resolve().parents[2]
APPS = ("gebieden", "werkgroepen", "analyse", "aanpak", "audits", "kvo")


def _partij(actoren):
    with scopes_disabled():
        return Partij.objects.get(werkgroep=actoren.werkgroep, soort=Partij.Soort.GEMEENTE)


def _url(actoren, soort, pk, slug=None):
    return reverse("werkgroepen:geschiedenis", kwargs={"werkgroep": slug or actoren.werkgroep.slug, "soort": soort,
                                                        "pk": pk})  # fmt: skip


def _wijzig_partij(client, actoren, partij, naam):
    r = client.post(
        reverse("werkgroepen:partij_wijzig", kwargs={"werkgroep": actoren.werkgroep.slug, "pk": partij.pk}),
        {"naam": naam, "soort": partij.soort, "opgericht_op": ""},
    )
    assert r.status_code == 302, r.content.decode()[:500]


def test_wijziging_via_de_pagina_bewaart_wie_wanneer_wat(actoren, als):
    partij = _partij(actoren)
    oud = partij.naam
    client = als(actoren.voorzitter)
    _wijzig_partij(client, actoren, partij, "Gemeente Nieuwstad")
    rij = partij.history.order_by("-history_date").first()
    assert rij.history_type == "~"
    assert rij.history_user == actoren.voorzitter
    assert rij.werkgroep_id == actoren.werkgroep.pk

    pagina = client.get(_url(actoren, "partij", partij.pk))
    assert pagina.status_code == 200
    tekst = pagina.content.decode()
    assert "Gemeente Nieuwstad" in tekst and escape(oud) in tekst  # old → new
    assert escape(str(actoren.voorzitter)) in tekst  # (a generated name may hold an apostrophe)
    assert "Gewijzigd" in tekst


def test_bijwerken_met_update_wordt_ook_vastgelegd(actoren):
    """maatregel_bewaar writes with QuerySet.update (optimistic locking): it records the change itself."""
    plan = plan_maak(actor=actoren.voorzitter, cyclus=actoren.cyclus)
    with scopes_disabled():
        m = maatregel_maak(
            actor=actoren.voorzitter, plan=plan,
            gegevens={"titel": "Camera's", "soort": "regulier", "verantwoordelijke": _partij(actoren),
                      "kwartalen": ["2025-Q3"], "status": "gepland"},
        )  # fmt: skip
        gegevens = {"titel": "Camera's bij de ingang", "soort": "regulier", "verantwoordelijke": _partij(actoren),
                    "kwartalen": ["2025-Q3"], "status": "gepland"}  # fmt: skip
        maatregel_bewaar(actor=actoren.secretaris, maatregel=m, gegevens=gegevens, versie=m.versie)
        regels = geschiedenis.regels(Maatregel.objects.get(pk=m.pk))
    assert [r.soort for r in regels] == ["~", "+"]
    assert regels[0].door == str(actoren.secretaris)
    titel = next(v for v in regels[0].veranderingen if v.veld == "titel")
    assert (titel.oud, titel.nieuw) == ("Camera's", "Camera's bij de ingang")


def test_bulkimport_schrijft_geschiedenis_met_reden(db):
    werkgroep = dossier_importeer(actor=None, dossier=laad_demo("venekoten"), bestanden=None)
    with scopes_disabled():
        ondernemers = sum(t.ondernemers.count() for t in werkgroep.terreinen.all())
        model = geschiedenis.GEVOLGD["ondernemer"].historie
        rijen = model.objects.filter(werkgroep=werkgroep)
        assert rijen.count() == ondernemers > 50
        assert set(rijen.values_list("history_change_reason", flat=True)) == {geschiedenis.IMPORT}


def test_andere_werkgroep_krijgt_404(actoren, als):
    partij = _partij(actoren)
    with scopes_disabled():
        vreemde_partij = Partij.objects.filter(werkgroep=actoren.anderewerkgroep).first()
    # a member of another work group, with this group's URL
    assert als(actoren.vreemde).get(_url(actoren, "partij", partij.pk)).status_code == 404
    # this group's member asking for another group's record through this group's URL
    assert als(actoren.voorzitter).get(_url(actoren, "partij", vreemde_partij.pk)).status_code == 404
    # and for the other work group itself
    assert als(actoren.voorzitter).get(_url(actoren, "werkgroep", actoren.anderewerkgroep.pk)).status_code == 404
    assert als(actoren.voorzitter).get(_url(actoren, "onbekend", partij.pk)).status_code == 404


def test_geschiedenis_van_een_lid_alleen_voor_beheer(actoren, als):
    with scopes_disabled():
        lid = actoren.werkgroep.leden.first()
    assert als(actoren.lid).get(_url(actoren, "lid", lid.pk)).status_code == 403
    assert als(actoren.secretaris).get(_url(actoren, "lid", lid.pk)).status_code == 200


def test_aantal_queries_groeit_niet_met_de_geschiedenis(actoren, als, django_assert_max_num_queries):
    partij = _partij(actoren)
    client = als(actoren.voorzitter)
    _wijzig_partij(client, actoren, partij, "Naam 0")
    with django_assert_max_num_queries(14):
        assert client.get(_url(actoren, "partij", partij.pk)).status_code == 200
    for i in range(1, 25):
        _wijzig_partij(client, actoren, partij, f"Naam {i}")
    with django_assert_max_num_queries(14):
        pagina = client.get(_url(actoren, "partij", partij.pk))
    assert pagina.content.decode().count("<del>") == 25  # every change, with its old value


def test_logboek_vat_de_wijzigingen_samen(actoren, als, django_assert_max_num_queries):
    partij = _partij(actoren)
    client = als(actoren.voorzitter)
    for i in range(3):
        _wijzig_partij(client, actoren, partij, f"Naam {i}")
    with django_assert_max_num_queries(16):
        tekst = client.get(reverse("werkgroepen:logboek", kwargs={"werkgroep": actoren.werkgroep.slug})).text
    assert "Wijzigingen per dag" in tekst
    rijen = re.findall(r"<tr>\s*<td[^>]*>[^<]*</td>\s*<td>([^<]*)</td>\s*<td>([^<]*)</td>\s*<td>([^<]*)</td>\s*"
                       r"<td class=\"getal\">(\d+)</td>", tekst)  # fmt: skip
    assert any(soort == "Partijen" and wat == "gewijzigd" and aantal == "3" for _door, soort, wat, aantal in rijen), (
        rijen
    )


def test_recordpagina_toont_de_knop_geschiedenis(actoren, als):
    partij = _partij(actoren)
    pagina = als(actoren.voorzitter).get(
        reverse("werkgroepen:partij_wijzig", kwargs={"werkgroep": actoren.werkgroep.slug, "pk": partij.pk})
    )
    assert _url(actoren, "partij", partij.pk) in pagina.content.decode()


def test_dossier_draagt_de_geschiedenis_en_blijft_rond(db):
    bron = laad_demo("wolvega")
    werkgroep = dossier_importeer(actor=None, dossier=copy.deepcopy(bron), bestanden=demo_fotos(bron))
    export = dossier_exporteer(werkgroep=werkgroep)
    assert geschiedenis.X_GESCHIEDENIS not in export  # the import itself is no change: the round trip holds
    with scopes_disabled():
        partij = werkgroep.partijen.first()
        partij.naam = "Gemeente Weststellingwerf (nieuw)"
        partij.save()
    export = dossier_exporteer(werkgroep=werkgroep)
    historie = export[geschiedenis.X_GESCHIEDENIS]
    assert historie == [
        {"op": historie[0]["op"], "door": None, "record": "partij", "ref": partij.ref, "wat": "gewijzigd",
         "velden": ["naam"]}
    ]  # fmt: skip
    # a second installation receives it, and passes it on after its own changes
    export["werkgroep"]["slug"] = "kopie"
    kopie = dossier_importeer(actor=None, dossier=copy.deepcopy(export), bestanden=demo_fotos(bron))
    assert dossier_exporteer(werkgroep=kopie)[geschiedenis.X_GESCHIEDENIS] == historie


def test_export_voor_ci_noemt_geen_adressen(actoren):
    """The history names people by their name, never by a username that may be an e-mail address."""
    partij = _partij(actoren)
    partij._history_user = actoren.voorzitter
    partij.naam = "Andere naam"
    partij.save()
    historie = dossier_exporteer(werkgroep=actoren.werkgroep, voor_ci=True)[geschiedenis.X_GESCHIEDENIS]
    assert "@" not in str(historie)


def test_werkgroep_vervangen_neemt_de_oude_geschiedenis_mee(db):
    werkgroep = dossier_importeer(actor=None, dossier=laad_demo("venekoten"), bestanden=None)
    pk = werkgroep.pk
    with scopes_disabled():
        partij = werkgroep.partijen.first()
        partij.naam = "Nieuw"
        partij.save()
    nieuw = dossier_importeer(actor=None, dossier=laad_demo("venekoten"), bestanden=None, vervang=True)
    assert nieuw.pk != pk
    for g in geschiedenis.GEVOLGD.values():
        assert not g.historie.objects.filter(werkgroep_id=pk).exists(), g.soort
    assert not Werkgroep.objects.filter(pk=pk).exists()


def test_elk_werkgroeprecord_heeft_geschiedenis():
    """The records a work group keeps; ledgers, tokens, anonymous answers and computed rows stay out."""
    verwacht = {
        "terrein", "ondernemer", "aangrenzende-locatie", "werkgroep", "afspraken", "cyclus", "partij", "lid",
        "bijeenkomst", "communicatie", "document", "enquete", "vraag", "cijfer", "conclusie", "prioriteit",
        "schouw", "schouwpunt", "plan", "doelstelling", "maatregel", "voortgang", "evaluatie", "audit",
        "afwijking", "auditortoegang", "certificaat",
    }  # fmt: skip
    assert set(geschiedenis.GEVOLGD) == verwacht


BULK = re.compile(r"\b(\w+)\.(?:objects|_base_manager|_default_manager)\.(bulk_create|bulk_update)\(")
UPDATE = re.compile(r"\b(\w+)\.(?:objects|_base_manager)\.filter\([^\n]*\)\.update\(")


@pytest.mark.parametrize("app", APPS)
def test_geen_bulkschrijven_buiten_de_geschiedenis_om(app):
    """simple-history misses bulk_create, bulk_update and QuerySet.update: on a tracked model those go
    through kvo.geschiedenis (bulk_maken, bulk_bijwerken, or vastleggen right after the update)."""
    gevolgd = {g.model.__name__ for g in geschiedenis.GEVOLGD.values()}
    fout = []
    for pad in sorted((ROOT / app).rglob("*.py")):
        if "migrations" in pad.parts or (pad.name == "geschiedenis.py" and app == "kvo"):
            continue
        tekst = pad.read_text(encoding="utf-8")
        regels = tekst.splitlines()
        for m in BULK.finditer(tekst):
            if m.group(1) in gevolgd:
                fout.append(f"{pad.relative_to(ROOT)}: {m.group(0)}")
        for m in UPDATE.finditer(tekst):
            if m.group(1) in gevolgd:
                regel = tekst[: m.start()].count("\n")
                volgende = "\n".join(regels[regel : regel + 4])
                vorige = regels[regel - 1] if regel else ""
                if "vastleggen(" not in volgende and "# geschiedenis:" not in vorige:
                    fout.append(f"{pad.relative_to(ROOT)}:{regel + 1}: update() zonder vastleggen()")
    assert not fout, fout


def test_datum_van_de_samenvatting_is_een_dag(actoren, als):
    partij = _partij(actoren)
    _wijzig_partij(als(actoren.voorzitter), actoren, partij, "Naam")
    rijen = geschiedenis.samenvatting(actoren.werkgroep)
    assert rijen and all(isinstance(r["dag"], dt.date) for r in rijen)
