#!/usr/bin/env python
"""Rename service functions to one verb form, and the two ``Rol`` enums to names that differ.

Issue 26, "Names". Services are ``<entity>_<verb>`` with the verb in its stem (the imperative):
``maak``, ``wijzig``, ``verwijder``, ``bewaar`` (for "opslaan"), and a separable verb split around
its object (``leg_vast``, ``plan_leg_rolverdeling_vast``). ``tests/kvo/test_namen.py`` holds the rule.

Idempotent: a second run finds no old name and changes nothing. Whole-word replacement over every
``.py``, ``.html`` and ``.txt`` file of the repository (``.venv``, ``node_modules`` and migrations
excluded), then ``ruff`` re-sorts the imports and re-wraps the lines of the files it changed.
- Celery task names stay: an occurrence after ``tasks.`` (``"kvo.tasks.bewaartermijnen_toepassen"``)
  is left alone, and where a task function has an old service's name (``kvo/tasks.py``, or a file
  importing it from a tasks module), only the plain service references in that file change.
- URL names that are an old service name (``aanpak:plan_maken``, ``portaal:certificaat_status``,
  a dozen) change with it, everywhere they are used (``urls.py``, ``{% url %}``, ``reverse``); the
  URL paths (``plan/maken/``) do not change.
- A view that would get the same name as the service it imports (``doel_verwijder``) is reported as
  BOTSING (exit status 2): call the service through its module there (``plan_services.doel_verwijder``).
- ``Rol`` becomes ``Toegangsrol`` or ``Groepsrol`` per file, by the module the file imports it from.
Run from anywhere:

    .venv/bin/python bin/hernoem_services.py            # rename, print what changed
    .venv/bin/python bin/hernoem_services.py --controleer  # only report old names still present
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# old name → new name. Only the verb form changes, unless the old name had no verb at all.
HERNOEM: dict[str, str] = {
    # aanpak
    "evaluatie_opslaan": "evaluatie_bewaar",
    "maatregel_maken": "maatregel_maak",
    "maatregel_opslaan": "maatregel_bewaar",
    "kwartaal_zetten": "kwartaal_zet",
    "maatregel_verwijderen": "maatregel_verwijder",
    "schouwpunt_overnemen": "schouwpunt_neem_over",
    "verbeterpunt_overnemen": "verbeterpunt_neem_over",
    "maatregel_uit_bibliotheek": "maatregel_neem_over_uit_bibliotheek",
    "voortgang_toevoegen": "voortgang_voeg_toe",
    "plan_maken": "plan_maak",
    "plan_vaststellen": "plan_stel_vast",
    "doel_opslaan": "doel_bewaar",
    "doel_verwijderen": "doel_verwijder",
    "concept_bewaren": "concept_bewaar",  # (the survey's kept answers; added at the merge of the thin views)
    "werkgroep_begeleiding_na_import": "werkgroep_zet_begeleiding_na_import",
    "plan_doorzetten": "plan_zet_door",
    "plan_rolverdeling_vastleggen": "plan_leg_rolverdeling_vast",
    "activiteitenkalender_vaststellen": "activiteitenkalender_stel_vast",
    "activiteit_maken": "activiteit_maak",
    "activiteit_wijzigen": "activiteit_wijzig",
    "activiteit_verwijderen": "activiteit_verwijder",
    "herijking_starten": "herijking_start",
    # analyse
    "conclusie_opslaan": "conclusie_bewaar",
    "cbs_ophalen": "cbs_haal_op",
    "enquete_resultaten_gepresenteerd": "enquete_markeer_resultaten_gepresenteerd",
    "reactie_indienen": "reactie_dien_in",
    "reacties_publiceren": "reacties_publiceer",
    "analyse_overnemen": "analyse_neem_over",
    "punt_opslaan": "punt_bewaar",
    "enquete_versturen": "enquete_verstuur",
    "uitnodigingen_aanvullen": "uitnodigingen_vul_aan",
    "uitnodiging_opnieuw": "uitnodiging_verstuur_opnieuw",
    "uitnodiging_onbestelbaar": "uitnodiging_markeer_onbestelbaar",
    "uitnodiging_bounce": "uitnodiging_verwerk_bounce",
    "brieven_maken": "brieven_maak",
    "herinnering_nu": "herinnering_verstuur_nu",
    # audits
    "documentenset_aanleveren": "documentenset_lever_aan",
    "documentenset_ontvangstbewijs": "documentenset_verstuur_ontvangstbewijs",
    "auditor_toegangen_verlopen": "auditor_trek_verlopen_toegangen_in",
    "audit_aanvragen": "audit_vraag_aan",
    "audit_verslag_opslaan": "audit_verslag_bewaar",
    "afwijking_opslaan": "afwijking_bewaar",
    "audit_besluit_vastleggen": "audit_leg_besluit_vast",
    "certificaat_uitgeven": "certificaat_geef_uit",
    "certificaat_status": "certificaat_wijzig_status",
    "certificaat_aanleveren": "certificaat_lever_aan",
    "waardering_plannen": "waardering_plan",
    "waardering_vastleggen": "waardering_leg_vast",
    "ondertekenaar_vastleggen": "ondertekenaar_leg_vast",
    "ondertekenaar_verwijderen": "ondertekenaar_verwijder",
    # kvo
    "bewaartermijnen_toepassen": "bewaartermijnen_pas_toe",
    # werkgroepen
    "werkgroep_maatregelen_delen": "werkgroep_maatregelen_deel",
    "bijeenkomst_uitnodigen": "bijeenkomst_nodig_uit",
    "werkgroep_naar_kvo": "werkgroep_zet_om_naar_kvo",
}

# The two ``Rol`` enums. Which one a file means is read from its import (or its definition).
ROL_BRONNEN: dict[str, str] = {
    "kvo.permissions": "Toegangsrol",  # who may do what (access roles)
    "werkgroepen.models": "Groepsrol",  # the functions a member holds in the group (§3.3)
}
ROL_DEFINITIES: dict[str, str] = {"kvo/permissions.py": "Toegangsrol", "werkgroepen/models.py": "Groepsrol"}

UITGESLOTEN = {".venv", "node_modules", "migrations", ".git", "__pycache__", "staticfiles", "media"}
SOORTEN = {".py", ".html", ".txt"}
# This script and the test of the rule name the old forms on purpose.
NIET_HERNOEMEN = {Path(__file__).resolve(), ROOT / "tests" / "kvo" / "test_namen.py"}
# A dotted path ending in ``tasks.`` is a Celery task name (``kvo.tasks.bewaartermijnen_toepassen``):
# task names stay, so such an occurrence is never renamed.
PATROON = re.compile(r"(?<!tasks\.)\b(" + "|".join(sorted(map(re.escape, HERNOEM), key=len, reverse=True)) + r")\b")
SERVICE_VERWIJZING = re.compile(r"(services\w*\.\w+$)|(^\s*from [\w.]*services[\w.]* import)")


def taaknamen(tekst: str, pad: Path) -> set[str]:
    """Old names that are a Celery task in this file: defined in a tasks module, or imported from one."""
    try:
        boom = ast.parse(tekst)
    except SyntaxError:
        return set()
    namen = set()
    if pad.name == "tasks.py":
        namen |= {k.name for k in boom.body if isinstance(k, ast.FunctionDef)}
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.ImportFrom) and (knoop.module or "").split(".")[-1] == "tasks":
            namen |= {a.asname or a.name for a in knoop.names}
    return namen & set(HERNOEM)


def vervang_namen(tekst: str, pad: Path) -> tuple[str, list[str]]:
    """Whole-word replacement; a name that is a task in this file is only renamed where it plainly
    means the service (``services_avg.x``, ``from kvo.services_avg import x``)."""
    taken = taaknamen(tekst, pad) if pad.suffix == ".py" else set()
    gevonden: list[str] = []

    def vervang(m: re.Match) -> str:
        oud = m.group(1)
        if oud in taken:
            regel_voor = tekst[tekst.rfind("\n", 0, m.start()) + 1 : m.end()]
            if not SERVICE_VERWIJZING.search(regel_voor):
                return oud
        gevonden.append(oud)
        return HERNOEM[oud]

    return PATROON.sub(vervang, tekst), gevonden


def bestanden():
    for pad in sorted(ROOT.rglob("*")):
        deel = pad.relative_to(ROOT).parts
        if pad.suffix in SOORTEN and pad.is_file() and not UITGESLOTEN.intersection(deel):
            yield pad


def rol_doel(pad: Path, tekst: str) -> tuple[str | None, str | None]:
    """(new name for ``Rol`` in this file, or None; a reason when the file is ambiguous)."""
    relatief = pad.relative_to(ROOT).as_posix()
    if relatief in ROL_DEFINITIES:
        return ROL_DEFINITIES[relatief], None
    if pad.suffix != ".py" or not re.search(r"\bRol\b", tekst):
        return None, None
    try:
        boom = ast.parse(tekst)
    except SyntaxError:
        return None, "kan niet parsen"
    doelen = set()
    for knoop in ast.walk(boom):
        if (
            isinstance(knoop, ast.ImportFrom)
            and knoop.module in ROL_BRONNEN
            and any(a.name == "Rol" and a.asname in (None, "Rol") for a in knoop.names)
        ):
            doelen.add(ROL_BRONNEN[knoop.module])
    if len(doelen) > 1:
        return None, "importeert beide Rol-enums zonder alias"
    return (doelen.pop() if doelen else None), None


def hernoem_rol(tekst: str, doel: str | None) -> str:
    """``Rol`` in the imports from either module becomes that module's name (an alias ``Rol as X``
    that now reads ``Toegangsrol as X`` stays, ``X as X`` is shortened); every other ``Rol`` becomes
    ``doel``, the one this file imports without an alias."""
    regels = tekst.splitlines(keepends=True)
    try:
        boom = ast.parse(tekst)
    except SyntaxError:
        boom = None
    for knoop in ast.walk(boom) if boom else ():
        if isinstance(knoop, ast.ImportFrom) and knoop.module in ROL_BRONNEN:
            naam = ROL_BRONNEN[knoop.module]
            for i in range(knoop.lineno - 1, knoop.end_lineno):
                regel = re.sub(r"\bRol\b", naam, regels[i])
                regels[i] = re.sub(rf"\b{naam} as {naam}\b", naam, regel)
    tekst = "".join(regels)
    return re.sub(r"\bRol\b", doel, tekst) if doel else tekst


def botsingen(tekst: str) -> set[str]:
    """Names both imported and defined at the top of a module: a view ``doel_verwijder`` that
    would shadow the service it calls. The script cannot choose a new name for the view; it says so."""
    try:
        boom = ast.parse(tekst)
    except SyntaxError:
        return set()
    gedefinieerd = {k.name for k in boom.body if isinstance(k, (ast.FunctionDef, ast.ClassDef))}
    geimporteerd = {a.asname or a.name for k in boom.body if isinstance(k, ast.ImportFrom) for a in k.names}
    return gedefinieerd & geimporteerd & set(HERNOEM.values())


def ruff(paden: list[Path]) -> None:
    """Re-sort the imports (a renamed name may sort elsewhere) and re-wrap the lines that grew."""
    ruff = ROOT / ".venv" / "bin" / "ruff"
    if paden and ruff.exists():
        namen = [str(p) for p in paden if p.suffix == ".py"]
        subprocess.run([str(ruff), "check", "--fix", "--select", "I001", "--quiet", *namen], cwd=ROOT)
        subprocess.run([str(ruff), "format", "--quiet", *namen], cwd=ROOT)


def main(argv: list[str]) -> int:
    alleen_controleren = "--controleer" in argv
    gewijzigd = 0
    veranderd: list[Path] = []
    problemen = 0
    for pad in bestanden():
        tekst = pad.read_text(encoding="utf-8")
        nieuw = tekst
        meldingen: list[str] = []
        if pad in NIET_HERNOEMEN:
            continue
        nieuw, treffers = vervang_namen(nieuw, pad)
        if treffers:
            for oud in sorted(set(treffers)):
                meldingen.append(f"{oud} → {HERNOEM[oud]} ({treffers.count(oud)}×)")
        doel, probleem = rol_doel(pad, nieuw)
        if probleem:
            meldingen.append(f"Rol NIET hernoemd: {probleem}")
        elif re.search(r"\bRol\b", nieuw) and pad.suffix == ".py":
            aantal = len(re.findall(r"\bRol\b", nieuw))
            na = hernoem_rol(nieuw, doel)
            if na != nieuw:
                meldingen.append(f"Rol → {doel or 'import'} ({aantal - len(re.findall(r'\bRol\b', na))}×)")
                nieuw = na
        if meldingen:
            print(f"{pad.relative_to(ROOT)}: " + "; ".join(meldingen))
        for naam in sorted(botsingen(nieuw) if pad.suffix == ".py" else ()):
            problemen += 1
            print(
                f"BOTSING {pad.relative_to(ROOT)}: {naam} is geïmporteerd én hier gedefinieerd; los dit met de hand op"
            )
        if nieuw != tekst:
            gewijzigd += 1
            veranderd.append(pad)
            if not alleen_controleren:
                pad.write_text(nieuw, encoding="utf-8")
    if not alleen_controleren:
        ruff(veranderd)
    actie = "te wijzigen" if alleen_controleren else "gewijzigd"
    print(f"{gewijzigd} bestand(en) {actie}; {len(HERNOEM)} servicenamen en 2 enums in de tabel.")
    if problemen:
        return 2
    return 1 if alleen_controleren and gewijzigd else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
