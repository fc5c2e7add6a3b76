"""The glossary covers every Dutch word in the code's names (issue 26).

Read from the source (``ast``, nothing is imported) of every app — kvo, gebieden, werkgroepen,
analyse, aanpak, audits, and demo where it exists; not migrations, not tests — are the names
of modules and packages (path parts), classes, top-level functions (private ones without their
leading underscores) and model and form fields (class-body assignments of a ``models.…`` call or of
a call whose name ends in Field, ForeignKey or veld: ``forms.CharField``, ``datumveld``). Each name
is split into words (snake_case, CamelCase, digits dropped). Every word must be explained in
``docs/glossarium.md`` (the first column of one of its tables: a Dutch word of the section "Words
in the code", or a term of the domain table) or be listed in ``ENGELS`` below (English words and
technical tokens). A word may not be both; the section "Words in the code" stays in alphabetical
order so that merges add rows in the right place.
"""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GLOSSARIUM = ROOT / "docs" / "glossarium.md"
APPS = ("kvo", "gebieden", "werkgroepen", "analyse", "aanpak", "audits", "demo")
SECTIE = "## Words in the code"
HINT = "Add the Dutch word to docs/glossarium.md (section 'Words in the code'), or to ENGELS if it is English"

# English words (Django, Python and library vocabulary) and technical tokens (formats, protocols,
# standards), space-separated in alphabetical order: a word the code uses that is not Dutch goes here.
_ENGLISH = """
    account acs actor adapter adapters admin app apps attrs badge bool bounce bounces bulk
    celery check checks claim client code command commands commit conf config conflict contact
    context converter converters ctx data db demo detail details download downloads el element
    email enqueue env export extra feed feeds filter filters form forms gc gunicorn halo hash
    home id ids import init initial is item label labels log login logo loop mailgun mails
    mailwebhook main management manager manifest matrix max metadata middleware minimum mixin
    mixins models object offline password per permissions pixel plus policy polygon pool post
    prefix privacy processors record ref refs registry render resolve root scans scope script
    secret selectors services serviceworker set sets settings signals slug social span staff
    stakeholders start starts static status task tasks template templatetags tenancy tenant
    token tokens tracking trend type upload uploads url urls user validator view views worker wrapper x
    zoom
"""
_TECHNICAL = """
    csrf csv dmy geo gps html ics ip json lat lon mfa pdf qr saml sha sso svg ua wgs wsgi xlsx zip
"""
ENGELS = set(_ENGLISH.split()) | set(_TECHNICAL.split())

_VELDKLASSEN = re.compile(r"(Field|ForeignKey|[vV]eld)$")


def _bestanden():
    for app in APPS:
        map_ = ROOT / app
        if not map_.is_dir():
            continue
        for pad in sorted(map_.rglob("*.py")):
            delen = pad.relative_to(ROOT).parts
            if "migrations" in delen or "tests" in delen:
                continue
            yield pad


def woorden(naam: str) -> list[str]:
    """``_bewaarde_antwoorden`` → bewaarde, antwoorden; ``HTTPKeuzeVeld2`` → http, keuze, veld."""
    uit = []
    for deel in naam.strip("_").split("_"):
        uit += re.findall(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+", deel)
    return [w.lower() for w in uit]


def _is_veld(waarde) -> bool:
    if not isinstance(waarde, ast.Call):
        return False
    f = waarde.func
    if isinstance(f, ast.Attribute):
        return (isinstance(f.value, ast.Name) and f.value.id == "models") or bool(_VELDKLASSEN.search(f.attr))
    return isinstance(f, ast.Name) and bool(_VELDKLASSEN.search(f.id))


def namen_in_code() -> dict[str, set[str]]:
    """word → the names (with their file) it occurs in."""
    gevonden: dict[str, set[str]] = {}

    def neem(naam: str, pad: Path) -> None:
        for w in woorden(naam):
            gevonden.setdefault(w, set()).add(f"{naam} ({pad.relative_to(ROOT)})")

    for pad in _bestanden():
        for deel in pad.relative_to(ROOT).with_suffix("").parts:
            if deel != "__init__":
                neem(deel, pad)
        boom = ast.parse(pad.read_text(encoding="utf-8"), filename=str(pad))
        for knoop in boom.body:
            if isinstance(knoop, ast.FunctionDef | ast.AsyncFunctionDef):
                neem(knoop.name, pad)
        for knoop in ast.walk(boom):
            if not isinstance(knoop, ast.ClassDef):
                continue
            if knoop in boom.body:
                neem(knoop.name, pad)
            for regel in knoop.body:
                doelen = []
                if isinstance(regel, ast.Assign) and _is_veld(regel.value):
                    doelen = regel.targets
                elif isinstance(regel, ast.AnnAssign) and regel.value is not None and _is_veld(regel.value):
                    doelen = [regel.target]
                for doel in doelen:
                    if isinstance(doel, ast.Name):
                        neem(doel.id, pad)
    return gevonden


def _tabelregels(tekst: str) -> list[str]:
    """The first cells of the table rows of ``tekst`` (not the header and separator rows)."""
    regels = tekst.splitlines()
    scheiding = re.compile(r"^\|\s*:?-{3,}")
    cellen = []
    for i, regel in enumerate(regels):
        kop = i + 1 < len(regels) and scheiding.match(regels[i + 1])
        if regel.startswith("|") and not kop and not scheiding.match(regel):
            cellen.append(regel.split("|")[1].strip())
    return cellen


def _sectie(tekst: str) -> str:
    assert SECTIE in tekst, f"docs/glossarium.md has no section {SECTIE!r}"
    rest = tekst.split(SECTIE, 1)[1]
    return rest.split("\n## ", 1)[0]


def woorden_in_glossarium() -> set[str]:
    """Every word of the first column of every table of the glossary (`Code` names split too)."""
    uit: set[str] = set()
    for cel in _tabelregels(GLOSSARIUM.read_text(encoding="utf-8")):
        for stuk in re.findall(r"[A-Za-z][A-Za-z_]*", cel.replace("`", " ")):
            uit.update(woorden(stuk))
    return uit


def melding(namen: dict[str, set[str]], bekend: set[str]) -> str:
    """The failure message for the words of ``namen`` not in ``bekend``; empty when there are none."""
    ontbreekt = {w: n for w, n in namen.items() if w not in bekend}
    if not ontbreekt:
        return ""
    regels = [f"  {w}: {', '.join(sorted(n)[:3])}" for w, n in sorted(ontbreekt.items())]
    return f"{len(ontbreekt)} words in the code's names are not explained.\n{HINT}.\n" + "\n".join(regels)


def test_elk_woord_in_de_code_staat_in_het_glossarium_of_is_engels():
    fout = melding(namen_in_code(), woorden_in_glossarium() | ENGELS)
    assert not fout, fout


def test_een_onbekend_woord_wordt_gemeld_met_zijn_naam():
    namen = {"bewaard": {"bewaard (kvo/versie.py)"}, "blijft": {"blijft_bewaard (kvo/nieuw.py)"}}
    fout = melding(namen, woorden_in_glossarium() | ENGELS)
    assert "blijft: blijft_bewaard (kvo/nieuw.py)" in fout and "bewaard:" not in fout
    assert HINT in fout


def test_woorden_in_de_code_zijn_alfabetisch_en_niet_ook_engels():
    cellen = _tabelregels(_sectie(GLOSSARIUM.read_text(encoding="utf-8")))
    sleutels = [c.strip("`").lower() for c in cellen]
    assert sleutels == sorted(sleutels), "section 'Words in the code' is not in alphabetical order"
    dubbel = [c for c in sleutels if sleutels.count(c) > 1]
    assert not dubbel, f"words listed twice in 'Words in the code': {sorted(set(dubbel))}"
    beide = sorted(set(sleutels) & ENGELS)
    assert not beide, f"words both in the glossary and in ENGELS (keep one): {beide}"


def test_de_woordsplitsing():
    assert woorden("_bewaarde_antwoorden") == ["bewaarde", "antwoorden"]
    assert woorden("AuditorToegang") == ["auditor", "toegang"]
    assert woorden("rd_naar_wgs84") == ["rd", "naar", "wgs"]
    assert woorden("HTTPKeuzeVeld") == ["http", "keuze", "veld"]
    assert "zonder" in namen_in_code() and "gc" in namen_in_code()
