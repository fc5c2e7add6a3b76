"""The demo as loaded by ``kvo_demo`` (users linked, facilitation set, an auditor's access given, the
readiness computed) is the backup and the way out: each group exports, imports into an empty
installation and exports again to the same dossier, ``x-`` keys (the change history) included; the
variant for the certification body holds no member's e-mail address or phone number."""

from __future__ import annotations

import io
import json

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django_scopes import scopes_disabled

from demo.management.commands.kvo_demo import WACHTWOORD
from kvo import geschiedenis
from kvo.dossier.registry import onderdelen
from kvo.dossier.services import dossier_als_zip, dossier_exporteer, dossier_importeer, dossier_lees
from werkgroepen.models import Begeleidingsorganisatie, Werkgroep

SLUGS = ("heerenveen", "venekoten", "wolvega")  # heerenveen: three cycles of history (issue 28)


def _strings(waarde):
    if isinstance(waarde, dict):
        for v in waarde.values():
            yield from _strings(v)
    elif isinstance(waarde, list):
        for v in waarde:
            yield from _strings(v)
    elif isinstance(waarde, str):
        yield waarde


def test_demo_export_import_export(db, client, tmp_path):
    call_command("kvo_demo", "--zonder-documentenset", stdout=io.StringIO())
    with scopes_disabled():
        groepen = {w.slug: w for w in Werkgroep.objects.filter(slug__in=SLUGS)}
        assert sorted(groepen) == list(SLUGS)
        eerst = {s: dossier_exporteer(werkgroep=w) for s, w in groepen.items()}
        zips = {s: dossier_als_zip(werkgroep=w) for s, w in groepen.items()}
        ci = {s: dossier_exporteer(werkgroep=w, voor_ci=True) for s, w in groepen.items()}
        # what kvo_demo did after the import (accounts linked, facilitation) travels as history
        for slug, dossier in eerst.items():
            wat = {(i["record"], i["wat"]) for i in dossier["x-geschiedenis"]}
            # Heerenveen has no demo account to link a member to; its facilitation is set all the same
            assert {("lid", "gewijzigd"), ("werkgroep", "gewijzigd")} <= wat or (
                slug == "heerenveen" and ("werkgroep", "gewijzigd") in wat
            )

    # the browser's downloads give the same dossiers (the voorzitter of Wolvega may export)
    assert client.login(email="h.dijkstra@parkmanagement-wolvega.example", password=WACHTWOORD)
    for variant, verwacht in (("volledig", eerst["wolvega"]), ("ci", ci["wolvega"])):
        download = client.get(reverse("audits:export", kwargs={"werkgroep": "wolvega"}), {"variant": variant})
        assert download.status_code == 200
        assert dossier_lees(download.content, naam="wolvega.zip").dossier == verwacht
    client.logout()

    # and so does manage.py kvo_export, both variants
    for vlag, verwacht in (([], eerst["venekoten"]), (["--voor-ci"], ci["venekoten"])):
        doel = tmp_path / f"venekoten{''.join(vlag)}.zip"
        call_command("kvo_export", "venekoten", "--out", str(doel), *vlag, stdout=io.StringIO())
        assert dossier_lees(doel.read_bytes(), naam=doel.name).dossier == verwacht

    # the CI variant: no member's e-mail address or phone number, anywhere in the dossier
    for slug, dossier in ci.items():
        assert all("email" not in lid and "telefoon" not in lid for lid in dossier["leden"])
        geheim = {lid[k] for lid in eerst[slug]["leden"] for k in ("email", "telefoon") if lid.get(k)}
        assert geheim  # the full export does hold them
        teksten = list(_strings(dossier))
        assert not [t for t in teksten if any(g in t for g in geheim)]
        assert not [t for t in teksten if "@" in t]

    # an empty installation: no work groups, no users, no history
    with scopes_disabled():
        for werkgroep in Werkgroep.objects.all():  # as replacing by an import deletes a group
            for onderdeel in reversed(onderdelen()):
                if onderdeel.verwijder:
                    onderdeel.verwijder(werkgroep)
            werkgroep.delete()
        assert not Werkgroep.objects.exists()
        Begeleidingsorganisatie.objects.all().delete()
        get_user_model().objects.all().delete()
        assert not any(g.historie.objects.exists() for g in geschiedenis.GEVOLGD.values())
        for slug, inhoud in zips.items():
            ingelezen = dossier_lees(inhoud, naam=f"{slug}.zip")
            werkgroep = dossier_importeer(actor=None, dossier=ingelezen.dossier, bestanden=ingelezen.bestanden)
            opnieuw = dossier_exporteer(werkgroep=werkgroep)
            assert [k for k in opnieuw if k.startswith("x-")] == [k for k in eerst[slug] if k.startswith("x-")]
            assert opnieuw["x-geschiedenis"] == eerst[slug]["x-geschiedenis"]
            assert opnieuw == eerst[slug]
            assert dossier_exporteer(werkgroep=werkgroep, voor_ci=True) == ci[slug]
            assert json.loads(json.dumps(opnieuw)) == opnieuw
