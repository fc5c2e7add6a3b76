"""Names (issue 26): one verb form for services, and two role enums that cannot be mistaken.

A service is a public function of a services module that takes no positional parameter (the
keyword-only ``<entity>_<verb>(*, actor, ...)`` of the README). Its name holds a verb in the stem
(imperative) form, after the entity: ``maatregel_maak``, ``plan_stel_vast``, ``enquete_leg_brief_vast``;
never the infinitive (``maatregel_maken``, ``plan_vaststellen``). No database: the modules are parsed.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ("kvo", "gebieden", "werkgroepen", "analyse", "aanpak", "audits")

# The verbs services use, in the stem form. A new verb is fine: add its stem here (not its infinitive).
STAMMEN = frozenset(
    """accepteer beeindig bewaar deel dien exporteer geef haal hervat importeer kies leg lever maak
    markeer neem nodig pas pauzeer plan publiceer registreer render rond start stel trek upload
    verhoog verplaats verstuur verwerk verwijder voeg vorm vraag vul wijzig wis zet zoek""".split()  # noqa: SIM905
)
# Infinitives that must not appear as a word of a service name, even next to a stem.
INFINITIEVEN = frozenset(
    """aanleveren aanvragen aanvullen bewaren delen doorzetten exporteren importeren indienen maken
    ophalen opslaan overnemen plannen publiceren starten toepassen toevoegen uitgeven uitnodigen
    vastleggen vaststellen versturen verwijderen wijzigen zetten""".split()  # noqa: SIM905
)
# Public keyword-only functions that are not services (they write nothing a person asked for).
GEEN_SERVICE = {
    "weekmail_werkgroepen": "a query: the groups that get the weekly mail",
    "standaard_inleiding": "the default text of a survey's introduction",
    "herinneringsrondes_verschuldigd": "the beat job's query of due reminder rounds (it marks them queued)",
    "set_pdf": "renders the document set's PDF, writes nothing",
    "deel_pdf": "renders one part of the document set, writes nothing",
    "dossier_bestanden": "a query: the files a .zip dossier carries",
    "dossier_als_zip": "builds the export's bytes, writes nothing",
    "betrokkene_bezwaren": "a query: why a person's data cannot be erased now",
    "uitnodiging_geldig": "a predicate on an invitation token",
}


def service_modules() -> list[Path]:
    paden = []
    for app in APPS:
        for pad in sorted((ROOT / app).rglob("*.py")):
            deel = pad.relative_to(ROOT).parts
            if "migrations" in deel:
                continue
            if pad.name.startswith("services") or "services" in deel[:-1]:
                paden.append(pad)
    return paden


def services() -> list[tuple[str, str]]:
    gevonden = []
    for pad in service_modules():
        for knoop in ast.parse(pad.read_text(encoding="utf-8")).body:
            if not isinstance(knoop, ast.FunctionDef | ast.AsyncFunctionDef) or knoop.name.startswith("_"):
                continue
            if knoop.args.posonlyargs or knoop.args.args or knoop.args.vararg:
                continue  # a helper taking positional arguments, not a service
            gevonden.append((pad.relative_to(ROOT).as_posix(), knoop.name))
    return gevonden


def fout_in_naam(naam: str) -> str | None:
    woorden = naam.split("_")
    infinitief = [w for w in woorden if w in INFINITIEVEN]
    if infinitief:
        return f"infinitive {infinitief[0]!r}: use the stem (maken → maak, opslaan → bewaar, vastleggen → leg_vast)"
    if not any(w in STAMMEN for w in woorden[1:]):
        return "no verb stem after the entity (add the stem to STAMMEN if the verb is new)"
    return None


def test_the_survey_finds_the_services():
    namen = {naam for _, naam in services()}
    assert len(service_modules()) >= 30
    assert {"terrein_maak", "maatregel_maak", "auditor_geef_toegang", "partij_leg_capaciteit_vast"} <= namen


def test_every_service_has_one_verb_form():
    fouten = [
        f"{pad}: {naam}: {fout}"
        for pad, naam in services()
        if naam not in GEEN_SERVICE and (fout := fout_in_naam(naam))
    ]
    assert not fouten, "\n".join(fouten)


@pytest.mark.parametrize(
    ("naam", "goed"),
    [
        ("maatregel_maak", True),
        ("plan_leg_rolverdeling_vast", True),
        ("maatregel_maken", False),  # infinitive
        ("plan_vaststellen", False),  # infinitive of a separable verb
        ("maatregel_uit_bibliotheek", False),  # no verb at all
        ("plan_maak_vastleggen", False),  # a stem does not excuse an infinitive
    ],
)
def test_the_rule_tells_the_forms_apart(naam, goed):
    assert (fout_in_naam(naam) is None) is goed


def test_the_allowlist_only_names_existing_functions():
    """A stale entry would let a future service of that name through unchecked."""
    assert set(GEEN_SERVICE) <= {naam for _, naam in services()}


def test_no_old_name_is_left():
    """``bin/hernoem_services.py --controleer`` finds no old service name and no ``Rol`` to rename:
    a branch that brings one back fails here (run the script on it)."""
    uitvoer = subprocess.run(
        [sys.executable, str(ROOT / "bin" / "hernoem_services.py"), "--controleer"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert uitvoer.returncode == 0, uitvoer.stdout + uitvoer.stderr


def test_the_two_role_enums_have_their_own_names():
    from kvo import permissions
    from werkgroepen import models

    assert not hasattr(permissions, "Rol") and not hasattr(models, "Rol")
    # no behaviour change: the stored and compared values are the same strings as before
    assert [r.value for r in permissions.Toegangsrol] == [
        "lid",
        "agendalid",
        "voorzitter",
        "secretaris",
        "begeleider",
        "auditor",
        "staff",
    ]
    assert models.Groepsrol.values == [
        "voorzitter",
        "secretaris",
        "interne-communicatie",
        "externe-communicatie",
        "woordvoerder",
        "contactpersoon-ci",
        "app-beheerder",
    ]
