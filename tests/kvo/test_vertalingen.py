"""The formal Dutch overrides of allauth's informal translation (locale/nl/LC_MESSAGES): the committed
.mo is compiled from the .po, the .po never says je/jij/jou/jouw, every override still matches a msgid
of the installed allauth, and with "nl" active Django serves the formal text instead of allauth's."""

import ast
import gettext
import re
from pathlib import Path

import allauth
import django
import pytest
from django.conf import settings
from django.utils import translation

MAP = Path(settings.BASE_DIR) / "locale" / "nl" / "LC_MESSAGES"
PO = MAP / "django.po"
MO = MAP / "django.mo"
ALLAUTH_PO = Path(allauth.__file__).parent / "locale" / "nl" / "LC_MESSAGES" / "django.po"
DJANGO_PO = Path(django.__file__).parent / "conf" / "locale" / "en" / "LC_MESSAGES" / "django.po"

INFORMEEL = re.compile(r"\b(je|jij|jou|jouw)\b", re.IGNORECASE)
FORMEEL = re.compile(r"\b(u|uw)\b", re.IGNORECASE)
VELD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$')


def lees_po(pad: Path) -> list[dict]:
    """The entries of a PO file as dicts of field -> decoded text (msgstr[n] under "msgstr[n]"),
    without the header, obsolete (#~) and fuzzy entries."""
    entries, huidig, fuzzy, veld = [], {}, False, None

    def afsluiten():
        nonlocal huidig, fuzzy
        if huidig.get("msgid") and not fuzzy:
            entries.append(huidig)
        huidig, fuzzy = {}, False

    for regel in pad.read_text(encoding="utf-8").splitlines():
        regel = regel.strip()
        if not regel or regel.startswith("#~"):
            continue
        klaar = any(v.startswith("msgstr") for v in huidig)
        if regel.startswith("#"):
            if klaar:
                afsluiten()
            fuzzy = fuzzy or (regel.startswith("#,") and "fuzzy" in regel)
        elif treffer := VELD.match(regel):
            veld, tekst = treffer.groups()
            if klaar and not veld.startswith("msgstr"):
                afsluiten()
            huidig[veld] = ast.literal_eval(tekst)
        elif regel.startswith('"') and veld:
            huidig[veld] += ast.literal_eval(regel)
        else:
            raise ValueError(f"{pad}: onverwachte regel {regel!r}")
    afsluiten()
    return entries


def sleutel(entry: dict) -> tuple:
    return entry.get("msgctxt"), entry["msgid"], entry.get("msgid_plural")


def vertalingen(entry: dict) -> list[str]:
    return [waarde for veld, waarde in entry.items() if veld.startswith("msgstr")]


@pytest.fixture(scope="module")
def entries():
    return lees_po(PO)


def test_po_heeft_entries(entries):
    assert len(entries) > 50
    assert all(vertalingen(e) and all(vertalingen(e)) for e in entries)


def test_mo_is_gecompileerd_uit_de_po(entries):
    with MO.open("rb") as f:
        mo = gettext.GNUTranslations(f)
    for e in entries:
        if "msgid_plural" in e:
            for n, veld in ((1, "msgstr[0]"), (2, "msgstr[1]")):
                if "msgctxt" in e:
                    vertaald = mo.npgettext(e["msgctxt"], e["msgid"], e["msgid_plural"], n)
                else:
                    vertaald = mo.ngettext(e["msgid"], e["msgid_plural"], n)
                assert vertaald == e[veld], f"{e['msgid']!r}: draai msgfmt --check -o django.mo django.po"
        else:
            vertaald = mo.pgettext(e["msgctxt"], e["msgid"]) if "msgctxt" in e else mo.gettext(e["msgid"])
            assert vertaald == e["msgstr"], f"{e['msgid']!r}: draai msgfmt --check -o django.mo django.po"


def test_geen_informele_aanspreekvorm(entries):
    informeel = [tekst for e in entries for tekst in vertalingen(e) if INFORMEEL.search(tekst)]
    assert informeel == []


def test_elke_override_hoort_bij_een_msgid_van_allauth_of_django(entries):
    """After an upgrade a changed msgid would silently fall back to the informal (or English) text.
    Django's own strings come in where its Dutch catalogue has none (``- Select an option -``)."""
    bekend = {sleutel(e) for e in lees_po(ALLAUTH_PO)} | {sleutel(e) for e in lees_po(DJANGO_PO)}
    assert [e["msgid"] for e in entries if sleutel(e) not in bekend] == []


def test_elke_informele_allauth_vertaling_heeft_een_override(entries):
    overschreven = {sleutel(e) for e in entries}
    ontbrekend = [
        e["msgid"]
        for e in lees_po(ALLAUTH_PO)
        if any(INFORMEEL.search(t) for t in vertalingen(e)) and sleutel(e) not in overschreven
    ]
    assert ontbrekend == []


@pytest.mark.parametrize(
    "msgid",
    [
        "The email address and/or password you specified are not correct.",
        "Forgotten your password? Enter your email address below, and we'll send you an email allowing you to "
        "reset it.",
    ],
)
def test_django_geeft_de_formele_vertaling(msgid):
    with translation.override("nl"):
        tekst = translation.gettext(msgid)
    assert tekst != msgid
    assert FORMEEL.search(tekst), tekst
    assert "jou" not in tekst.lower()
    assert not INFORMEEL.search(tekst), tekst
