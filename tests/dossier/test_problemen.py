"""Import is all or nothing: every problem with its JSON path, and nothing written."""

import copy
import io
import json
import zipfile

import pytest
from django.core.management import CommandError, call_command

from gebieden.models import Ondernemer
from kvo.dossier import DossierFout
from kvo.dossier.services import dossier_exporteer, dossier_importeer, dossier_lees
from werkgroepen.models import Lid, Werkgroep


def problemen(dossier, **kwargs) -> list[str]:
    with pytest.raises(DossierFout) as fout:
        dossier_importeer(actor=None, dossier=dossier, **kwargs)
    return fout.value.problemen


def test_elke_reffout_met_pad_en_niets_geschreven(db, groot):
    groot["leden"][3]["partij"] = "gem2"
    groot["leden"][2]["terrein"] = "nergens"
    groot["leden"][4]["ref"] = "l1"
    groot["partijen"][1]["ref"] = "ov"
    groot["terreinen"][1]["ondernemers"][5]["ref"] = "o1-4"
    groot["terreinen"][2]["ref"] = "t0"
    groot["bijeenkomsten"][1]["aanwezigen"] = ["l0", "onbekend", "l0"]
    groot["bijeenkomsten"][2]["ref"] = "b0"
    groot["cycli"][1]["nummer"] = 1
    gevonden = problemen(groot)
    verwacht = [
        'leden[3].partij: onbekende partij "gem2"',
        'leden[2].terrein: onbekend bedrijventerrein "nergens"',
        'leden[4].ref: ref "l1" komt al voor in leden[1]',
        'partijen[1].ref: ref "ov" komt al voor in partijen[0]',
        'terreinen[1].ondernemers[5].ref: ref "o1-4" komt al voor in terreinen[1].ondernemers[4]',
        'terreinen[2].ref: ref "t0" komt al voor in terreinen[0]',
        'bijeenkomsten[1].aanwezigen[1]: onbekend lid "onbekend"',
        'bijeenkomsten[1].aanwezigen[2]: lid "l0" staat er twee keer in',
        'bijeenkomsten[2].ref: ref "b0" komt al voor in bijeenkomsten[0]',
        'cycli[1].nummer: cyclusnummer "1" komt al voor in cycli[0]',
    ]
    for regel in verwacht:
        assert regel in gevonden
    # partijen[1] had ref "gem": its members now point to a party that no longer exists
    assert any(p.startswith("leden[1].partij") for p in gevonden)
    assert not Werkgroep.objects.filter(slug="grootstad").exists()
    assert not Ondernemer.objects.exists()


def test_schemafouten_met_pad(db, mini):
    mini["leden"][0]["rollen"] = ["keizer"]
    mini["werkgroep"]["gestart_op"] = "15-01-2025"
    mini["werkgroep"]["slug"] = "De Hoek"
    del mini["terreinen"][0]["naam"]
    mini["partijen"][0]["kleur"] = "rood"
    mini["schema"] = "kvo-dossier/2"
    gevonden = problemen(mini)
    assert any(p.startswith('leden[0].rollen[0]: waarde "keizer" niet toegestaan') for p in gevonden)
    assert 'werkgroep.gestart_op: geen geldige datum "15-01-2025" (verwacht JJJJ-MM-DD)' in gevonden
    assert any(p.startswith("werkgroep.slug:") for p in gevonden)
    assert 'terreinen[0]: verplicht veld ontbreekt: "naam"' in gevonden
    assert 'partijen[0]: onbekend veld: "kleur"' in gevonden
    assert 'schema: moet "kvo-dossier/1" zijn' in gevonden
    assert not Werkgroep.objects.exists()


def test_een_lege_lijst_die_er_een_moet_hebben(db, mini):
    mini["terreinen"] = []
    assert "terreinen: moet minstens 1 element bevatten" in problemen(mini)


def test_elk_deel_van_een_cyclus_wordt_ondersteund():
    """Every key of a cycle in the schema has a part that stores it (nothing is "nog niet ondersteund")."""
    import json

    from kvo.dossier.registry import cyclus_sleutels
    from kvo.dossier.schema import SCHEMA_PAD

    schema = json.loads(SCHEMA_PAD.read_text(encoding="utf-8"))
    assert set(schema["$defs"]["cyclus"]["properties"]) <= cyclus_sleutels()


def test_bestaande_slug_geweigerd_tenzij_vervangen(db, mini):
    eerste = dossier_importeer(actor=None, dossier=copy.deepcopy(mini))
    gevonden = problemen(copy.deepcopy(mini))
    assert gevonden[0].startswith('werkgroep.slug: er bestaat al een werkgroep "de-hoek-import"')
    mini["werkgroep"]["naam"] = "KVO De Hoek (nieuw)"
    mini["leden"].append({"ref": "l2", "naam": "B. Bakker", "partij": "gem"})
    tweede = dossier_importeer(actor=None, dossier=copy.deepcopy(mini), vervang=True)
    assert Werkgroep.objects.filter(slug="de-hoek-import").count() == 1
    assert tweede.pk != eerste.pk
    assert dossier_exporteer(werkgroep=tweede) == mini
    assert Lid.objects.filter(werkgroep=tweede).count() == 2


def test_vervangen_is_een_transactie(db, mini):
    dossier_importeer(actor=None, dossier=copy.deepcopy(mini))
    kapot = copy.deepcopy(mini)
    kapot["leden"][0]["partij"] = "weg"
    with pytest.raises(DossierFout):
        dossier_importeer(actor=None, dossier=kapot, vervang=True)
    werkgroep = Werkgroep.objects.get(slug="de-hoek-import")
    assert dossier_exporteer(werkgroep=werkgroep) == mini


def test_zip_met_documentbestand(db, mini, tmp_path):
    mini["documenten"] = [
        {
            "ref": "convenant",
            "titel": "Convenant KVO De Hoek",
            "soort": "convenant",
            "versies": [
                {"versie": 1, "bestand": "archief/convenant-v1.pdf", "geupload_op": "2025-03-01"},
                {
                    "versie": 2,
                    "bestand": "archief/convenant-v2.pdf",
                    "geupload_op": "2025-06-01",
                    "toelichting": "getekend",
                },
            ],
        }
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("dossier.json", json.dumps(mini))
        zf.writestr("media/archief/convenant-v1.pdf", b"%PDF-1.4 v1")
        zf.writestr("media/archief/convenant-v2.pdf", b"%PDF-1.4 v2")
    pad = tmp_path / "dossier.zip"
    pad.write_bytes(buffer.getvalue())
    call_command("kvo_import", str(pad))
    uit = tmp_path / "uit.zip"
    call_command("kvo_export", "de-hoek-import", "--out", str(uit))
    ingelezen = dossier_lees(uit.read_bytes())
    assert ingelezen.dossier == mini
    assert ingelezen.bestanden == {
        "media/archief/convenant-v1.pdf": b"%PDF-1.4 v1",
        "media/archief/convenant-v2.pdf": b"%PDF-1.4 v2",
    }
    with pytest.raises(CommandError, match=r"\.zip"):
        call_command("kvo_export", "de-hoek-import", "--out", str(tmp_path / "uit.json"))


def test_document_zonder_bestand_in_json(db, mini):
    mini["documenten"] = [
        {"ref": "d", "titel": "Notulen", "versies": [{"versie": 1, "bestand": "n.pdf", "geupload_op": "2025-03-01"}]}
    ]
    gevonden = problemen(mini)
    assert gevonden[0].startswith('documenten[0].versies[0].bestand: bestand "media/n.pdf" ontbreekt')


def test_geen_json(db):
    with pytest.raises(DossierFout, match="geen geldige JSON"):
        dossier_lees(b"{kapot", naam="x.json")


def test_import_en_export_commando(db, mini, tmp_path, capsys):
    pad = tmp_path / "d.json"
    pad.write_text(json.dumps(mini))
    call_command("kvo_import", str(pad))
    with pytest.raises(CommandError) as fout:
        call_command("kvo_import", str(pad))
    assert "er is niets opgeslagen" in str(fout.value)
    assert "werkgroep.slug" in str(fout.value)
    call_command("kvo_import", str(pad), "--replace")
    uit = tmp_path / "uit.json"
    call_command("kvo_export", "de-hoek-import", "--out", str(uit), "--voor-ci")
    export = json.loads(uit.read_text())
    assert "email" not in export["leden"][0] and "telefoon" not in export["leden"][0]
    with pytest.raises(CommandError, match="Onbekende werkgroep"):
        call_command("kvo_export", "bestaat-niet", "--out", str(uit))


@pytest.mark.django_db(transaction=True)
def test_import_werkt_toets_bij(mini):
    werkgroep = dossier_importeer(actor=None, dossier=mini)
    werkgroep.refresh_from_db()
    assert werkgroep.toets_stand["totaal"] == 54
