"""Hostile input for every form: a populated work group, every URL with real ids, the forms read from
the rendered pages, and hypothesis strategies for what a careless or malicious user sends.

Used by ``tests/kvo/test_vijandige_invoer.py``. The forms are taken from the HTML the user gets
(``<form>`` with its inputs, selects, textareas and named buttons), so a form added later is fuzzed
without touching this file.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import strategies as st

APPS = ("gebieden", "werkgroepen", "analyse", "aanpak", "audits", "kvo")
DEMO = Path(__file__).resolve().parents[1] / "demo"
VOORZITTER = "h.dijkstra@parkmanagement-wolvega.example"  # the chair in the Wolvega demo dossier
PVO_GROEP = "twentekanaal"  # the demo's PVO group (demo/twentekanaal.json)
PVO_VOORZITTER = "b.wolters@wolters-metaal.example"  # its chair, whose place the crawl's user takes

# Stored as text, these must come back escaped wherever they are shown.
XSS = (
    "<script>alert('kvo-xss')</script>",
    '"><script>alert("kvo-xss")</script>',
    "<img src=x onerror=alert('kvo-xss')>",
    "<svg onload=alert('kvo-xss')>",
    "javascript:alert('kvo-xss')",
    "</textarea><script>alert('kvo-xss')</script>",
)
RAUW = re.compile(r"<script>alert|<img src=x onerror|<svg onload|\"><script", re.IGNORECASE)


def rauwe_script(html: str) -> str | None:
    """The first piece of unescaped injected markup in a page, or None."""
    m = RAUW.search(html)
    return html[max(0, m.start() - 120) : m.end() + 60] if m else None


# --- the world: a populated work group and a user with every right --------------------------------


@dataclass
class Wereld:
    user: object
    groepen: dict[str, object] = field(default_factory=dict)  # slug → work group
    ids: dict[str, dict[str, int]] = field(default_factory=dict)  # slug → URL kwarg context → an existing id
    token: str = ""  # an entrepreneur's personal survey link (group "open-enquete")
    uitnodiging_token: str = ""  # a member's invitation link (Wolvega)


def bevolk() -> Wereld:
    """Four work groups the user (staff, and Wolvega's chair) reaches:

    - ``wolvega``: the demo dossier, with every kind of row the product stores (photos included),
      plus an archive document;
    - ``concept``: a new cycle with a draft survey (the builder's forms);
    - ``open-enquete``: a survey that is out, with questions of every type and a personal link;
    - ``twentekanaal``: the demo's PVO group (its pages answer 404 for a KVO group), the user its chair.
    """
    import datetime as dt

    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from analyse.models import EnqueteUitnodiging, Vraag
    from analyse.services.enquete import enquete_maak, vraag_maak
    from analyse.services.uitnodigingen import enquete_verstuur
    from analyse.tokens import nieuwe_link
    from demo.fotos import demo_bestanden
    from kvo.dossier.services import dossier_importeer
    from tests.factories import BedrijventerreinFactory, CyclusFactory, OndernemerFactory, WerkgroepFactory
    from werkgroepen.services import document_upload, lid_nodig_uit

    dossier = json.loads((DEMO / "wolvega.json").read_text(encoding="utf-8"))
    wolvega = dossier_importeer(actor=None, dossier=dossier, bestanden=demo_bestanden(dossier))
    user = get_user_model().objects.create_user(email=VOORZITTER, password="geheim-wachtwoord-123", is_staff=True)
    lid = wolvega.leden.get(email=VOORZITTER)
    lid.user = user
    lid.save(update_fields=["user"])
    document_upload(
        actor=user,
        werkgroep=wolvega,
        titel="Samenwerkingsafspraken",
        soort="samenwerkingsafspraken",
        bestand=SimpleUploadedFile("afspraken.pdf", b"%PDF-1.4\n%kvo\n", content_type="application/pdf"),
    )
    zonder_account = wolvega.leden.filter(user=None).exclude(email=None).order_by("pk").first()
    uitnodiging = lid_nodig_uit(actor=user, lid=zonder_account)

    pvo_dossier = json.loads((DEMO / f"{PVO_GROEP}.json").read_text(encoding="utf-8"))
    pvo = dossier_importeer(actor=None, dossier=pvo_dossier, bestanden=demo_bestanden(pvo_dossier))
    pvo_lid = pvo.leden.get(email=PVO_VOORZITTER)
    pvo_lid.user = user
    pvo_lid.save(update_fields=["user"])

    vandaag = timezone.localdate()
    groepen = {"wolvega": wolvega, PVO_GROEP: pvo}
    for slug in ("concept", "open-enquete"):
        wg = WerkgroepFactory(naam=f"KVO {slug}", slug=slug, gestart_op=vandaag - dt.timedelta(days=60))
        cyclus = CyclusFactory(werkgroep=wg)
        terrein = BedrijventerreinFactory(werkgroep=wg, naam="Noord")
        OndernemerFactory(terrein=terrein, email="a@bedrijf.example")
        OndernemerFactory(terrein=terrein, email="b@bedrijf.example")
        OndernemerFactory(terrein=terrein, email=None)  # gets a letter
        enquete = enquete_maak(actor=None, cyclus=cyclus)
        groepen[slug] = wg
    for type_, opties in (("getal", []), ("open", []), ("keuze", ["rood", "groen"]), ("meerkeuze", ["a", "b", "c"])):
        vraag_maak(actor=None, enquete=enquete, thema="overlast", tekst=f"Vraag {type_}?", type=type_, opties=opties)
    enquete_verstuur(actor=None, enquete=enquete, gesloten_op=vandaag + dt.timedelta(days=30), herinnering_dagen=[7])
    token = nieuwe_link(EnqueteUitnodiging.objects.filter(enquete=enquete).exclude(ondernemer__email=None).first())
    assert Vraag.objects.filter(enquete=enquete).exists()
    start = _concept(user)
    ids = {slug: _ids(wg) for slug, wg in groepen.items()}
    for groep_ids in ids.values():
        groep_ids["start"] = start.pk  # /begeleiding/start/<id:start>/stap/<id:stap>/
        groep_ids["organisaties"] = start.begeleiding_id  # /beheer/organisaties/<id:pk>/ and its facilitators
        # /beheer/werkgroepen/<id:pk>/verplaatsen/ and .../verwijderen/ stay out (no such id): the removal
        # exports the whole group per example (tests/kvo/test_verwijderen_web.py tests it). Without this
        # the id 1 was used, which exists or not depending on what ran before (a test that passed alone
        # failed in the suite, or the other way round).
        groep_ids["werkgroepen"] = 0
    return Wereld(
        user,
        groepen,
        ids,
        token=token,
        uitnodiging_token=uitnodiging.token,
    )


def _concept(user):
    """A "Nieuwe werkgroep" draft with every step answered, so each step's form can be reached."""
    from tests.factories import BegeleidingsorganisatieFactory
    from werkgroepen.services import starten

    start = starten.werkgroepstart_maak(
        actor=user, begeleiding=BegeleidingsorganisatieFactory(), naam="KVO Concept Vaart", slug="concept-vaart"
    )
    for stap, gegevens in (
        (2, {"naam": "De Vaart", "gemeente": "Weststad"}),
        (3, {"soort": "eerste", "start": "2026-03-01"}),
        (
            4,
            {
                "voorzitter": {
                    "naam": "Anna",
                    "email": "anna@example.org",
                    "partij": "OV",
                    "soort": "ondernemersvereniging",
                }
            },
        ),
    ):
        start = starten.werkgroepstart_bewaar_stap(actor=user, start=start, stap=stap, gegevens=gegevens)
    assert start.stap == starten.LAATSTE_STAP
    return start


def _ids(wg) -> dict[str, int]:
    from aanpak.models import Activiteit, Doelstelling, Evaluatie, Maatregel
    from analyse.models import Cijfer, EnqueteUitnodiging, Schouw, Schouwpunt, Vraag
    from audits.models import Afwijking, Documentenset
    from gebieden.models import AangrenzendeLocatie, Ondernemer
    from werkgroepen.models import Document

    terrein = wg.terreinen.order_by("pk").first()

    def eerste(qs):
        obj = qs.order_by("pk").first()
        return obj.pk if obj else 1

    return {
        "leden": eerste(wg.leden.exclude(email=VOORZITTER)),
        "partijen": eerste(wg.partijen),
        "bijeenkomsten": eerste(wg.bijeenkomsten),
        "bijeenkomst": eerste(wg.bijeenkomsten),  # PVO: samenwerking/bijeenkomst/<id:pk>/organisator/
        "activiteitenkalender": eerste(Activiteit.objects.filter(plan__werkgroep=wg)),
        "communicatie": eerste(wg.communicaties),
        "documenten": eerste(Document.objects.filter(werkgroep=wg)),
        "terrein": terrein.pk,
        "brieven": terrein.pk,
        "locatie": eerste(AangrenzendeLocatie.objects.filter(werkgroep=wg)),
        "ondernemers": eerste(Ondernemer.objects.filter(terrein=terrein)),
        "vragen": eerste(Vraag.objects.filter(enquete__werkgroep=wg)),
        "uitnodigingen": eerste(EnqueteUitnodiging.objects.filter(enquete__werkgroep=wg)),
        "cijfers": eerste(Cijfer.objects.filter(werkgroep=wg)),
        "schouwen": eerste(Schouw.objects.filter(werkgroep=wg)),
        "punten": eerste(Schouwpunt.objects.filter(schouw__werkgroep=wg)),
        "schouwpunten": eerste(Schouwpunt.objects.filter(schouw__werkgroep=wg, positief=False)),
        "doelen": eerste(Doelstelling.objects.filter(plan__werkgroep=wg)),
        "maatregelen": eerste(Maatregel.objects.filter(plan__werkgroep=wg)),
        "evaluaties": eerste(Evaluatie.objects.filter(werkgroep=wg)),
        "afwijkingen": eerste(Afwijking.objects.filter(audit__werkgroep=wg)),
        "documentenset": eerste(Documentenset.objects.filter(audit__werkgroep=wg)),
        "blokken": 5,
        "verbeterpunten": 0,
        "versie": 1,
    }


# --- the URLs ----------------------------------------------------------------------------------


def alle_routes() -> list[str]:
    """Every URL pattern of the product (not the admin), as its route text."""
    gevonden = []

    def loop(patronen, prefix=""):
        for p in patronen:
            route = prefix + str(p.pattern)
            if isinstance(p, URLResolver):
                loop(p.url_patterns, route)
            elif isinstance(p, URLPattern):
                gevonden.append(route)

    loop(get_resolver().url_patterns)
    return [r for r in gevonden if not r.startswith("admin/")]


KWARG = re.compile(r"(?:([a-z-]+)/)?(v)?<(?:(\w+):)?(\w+)>")


def vul_in(route: str, wereld: Wereld, slug: str = "wolvega", **extra: str) -> str:
    """The route with the work group's slug and real ids: ``<id:pk>`` after ``leden/`` is a member."""
    ids = wereld.ids[slug]

    def vervang(m):
        segment, v, _conv, naam = m.groups()
        if naam == "werkgroep":
            waarde = slug
        elif naam in extra:
            waarde = extra[naam]
        elif v:
            return f"{segment}/v{ids['versie']}" if segment else f"v{ids['versie']}"
        elif naam in ("terrein", "ondernemer", "locatie", "index", "blok"):
            waarde = ids[{"ondernemer": "ondernemers", "index": "verbeterpunten", "blok": "blokken"}.get(naam, naam)]
        else:
            waarde = ids.get(segment, 1)
        return f"{segment}/{waarde}" if segment else str(waarde)

    pad = KWARG.sub(vervang, route)
    return "/" + pad


# --- the forms in a page ------------------------------------------------------------------------


@dataclass
class Veld:
    naam: str
    soort: str  # text, textarea, number, date, select, checkbox, radio, file, hidden, submit, ...
    waarde: str = ""
    keuzes: list[str] = field(default_factory=list)
    meervoudig: bool = False
    attrs: dict = field(default_factory=dict)


@dataclass
class Formulier:
    actie: str
    methode: str
    multipart: bool
    velden: dict[str, Veld] = field(default_factory=dict)
    knoppen: list[tuple[str, str]] = field(default_factory=list)  # named submit buttons


class _Lezer(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.formulieren: list[Formulier] = []
        self.met_id: dict[str, Formulier] = {}
        self.knoppen_met_doel: list[tuple[dict, Formulier | None]] = []  # form= or formaction= buttons
        self._form: Formulier | None = None
        self._select: Veld | None = None
        self._textarea: Veld | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "form":
            self._form = Formulier(
                a.get("action", ""),
                a.get("method", "get").lower(),
                "multipart" in a.get("enctype", ""),
            )
            self.formulieren.append(self._form)
            if a.get("id"):
                self.met_id[a["id"]] = self._form
            return
        if tag == "button" and a.get("type", "submit") == "submit" and ("form" in a or "formaction" in a):
            self.knoppen_met_doel.append((a, self._form))  # resolved once every form is known
            return
        f = self._form
        if tag == "option" and self._select is not None:
            self._select.keuzes.append(a.get("value", ""))
            if "selected" in a:
                self._select.waarde = a.get("value", "")
            return
        if f is None or not a.get("name"):
            return
        naam = a["name"]
        if tag == "input":
            soort = a.get("type", "text").lower()
            if soort in ("submit", "button", "image"):
                f.knoppen.append((naam, a.get("value", "")))
            elif soort in ("checkbox", "radio"):
                veld = f.velden.setdefault(naam, Veld(naam, soort, meervoudig=soort == "checkbox", attrs=a))
                veld.keuzes.append(a.get("value", "on"))
                if "checked" in a and not veld.waarde:
                    veld.waarde = a.get("value", "on")
            else:
                f.velden[naam] = Veld(naam, soort, a.get("value", ""), attrs=a)
        elif tag == "button" and a.get("type", "submit") == "submit":
            f.knoppen.append((naam, a.get("value", "")))
        elif tag == "select":
            self._select = f.velden[naam] = Veld(naam, "select", meervoudig="multiple" in a, attrs=a)
            self._select.waarde = None
        elif tag == "textarea":
            self._textarea = f.velden[naam] = Veld(naam, "textarea", attrs=a)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.waarde += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            if self._select is not None and self._select.waarde is None:
                self._select.waarde = self._select.keuzes[0] if self._select.keuzes else ""
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def formulieren(html: str) -> list[Formulier]:
    """Every submission a page offers. A button's ``form`` attribute makes it submit that form
    wherever it stands, and its ``formaction`` makes that a submission of its own (the form's fields,
    the button's name and value, to the button's URL); a form only such buttons submit is not one."""
    lezer = _Lezer()
    lezer.feed(html)
    alleen_via_knoppen: set[int] = set()
    for a, omhullend in lezer.knoppen_met_doel:
        form = lezer.met_id.get(a["form"]) if "form" in a else omhullend
        if form is None:
            continue
        knop = (a["name"], a.get("value", "")) if a.get("name") else None
        if "formaction" in a:
            alleen_via_knoppen.add(id(form))
            lezer.formulieren.append(
                Formulier(a["formaction"], form.methode, form.multipart, dict(form.velden), [knop] if knop else [])
            )
        elif knop:
            form.knoppen.append(knop)
    return [f for f in lezer.formulieren if id(f) not in alleen_via_knoppen or f.knoppen]


# --- hostile values -------------------------------------------------------------------------------

ENORM = "99999999999999999999"
GETALLEN = (
    ENORM,
    "-" + ENORM,
    "9" * 400,
    "2147483648",
    "-2147483649",
    "9223372036854775808",
    "32768",
    "65536",
    "-1",
    "0",
    "1e309",
    "-1e309",
    "1e-400",
    "NaN",
    "inf",
    "-Infinity",
    "1,5",
    "1.5",
    "0x10",
    "١٢٣",  # Arabic-Indic digits: int() accepts them
    "１２",  # full-width digits
    "12abc",
    " 7 ",
    "+3",
    "",
)
DATUMS = (
    "2026-02-30",
    "2026-13-01",
    "0000-00-00",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "99999999-01-01",
    "-2026-01-01",
    "31-02-2026",
    "1-1-1",
    "2026-1-1",
    "01/01/1800",
    "1900-01-01",
    "2100-12-31",
    "2026-06-15T25:61",
    "morgen",
    "",
)
UITERSTE_DATUMS = ("0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01", "1900-01-01", "2100-12-31")
SPECIAAL = (
    *XSS,
    "\x00",
    "naam\x00met nul",
    "\x01\x02\x1b[31m\x7f",
    "\r\n\r\n",
    "\u202eoverschreven",
    "\ufeff",
    "\ud7ff\ue000\uffff",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🙂👍🏽",
    "' OR 1=1 --",
    "{{ 7|add:7 }} {% debug %}",
    "%s %n %x",
    "../../../etc/passwd",
    '=HYPERLINK("http://x")',
    "a" * 301,
    "é" * 5000,
    "x" * 100_000,
    " ",
    "[" * 5000 + "]" * 5000,  # nested thousands deep: for every field that reads JSON (a boundary)
    '{"type": "Polygon", "coordinates": [[[1' + "0" * 400 + ", 52], [5, 52], [5, 53], [1, 52]]]}",
)
ENORME_TEKST = "y" * 3_000_000  # over DATA_UPLOAD_MAX_MEMORY_SIZE: Django answers 400


def tekst() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(SPECIAAL),
        st.text(max_size=40),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=400),
        st.sampled_from(GETALLEN + DATUMS),
    )


def getal() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(GETALLEN),
        st.integers().map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        tekst(),
    )


def datum() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(DATUMS),
        st.dates().map(lambda d: d.isoformat()),
        st.builds(
            lambda j, m, d: f"{j:04d}-{m:02d}-{d:02d}", st.integers(0, 99999), st.integers(0, 99), st.integers(0, 99)
        ),
        tekst(),
    )


def keuze(veld: Veld) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(veld.keuzes) if veld.keuzes else st.just(""),
        st.sampled_from((ENORM, "-" + ENORM, "2147483648", "9223372036854775808", "-1", "0", "1.0", "abc", "", "\x00")),
        tekst(),
    )


# --- hostile files ------------------------------------------------------------------------------


def _zip(bestanden: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for naam, inhoud in bestanden.items():
            z.writestr(naam, inhoud)
    return buffer.getvalue()


def _xlsx(rijen: list[list]) -> bytes:
    from openpyxl import Workbook

    boek = Workbook()
    for rij in rijen:
        boek.active.append(rij)
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def _png() -> bytes:
    from PIL import Image

    uit = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(uit, "PNG")
    return uit.getvalue()


def vaste_bestanden() -> list[tuple[str, bytes]]:
    """Broken and malicious files, each under a name that claims a type."""
    xlsx = _xlsx(
        [
            ["naam", "bron", "categorie", "periode_van", "periode_tot", "aantal"],
            ["<script>alert('kvo-xss')</script>", "politie", "x", "01-01-2025", "31-12-2025", ENORM],
        ]
    )
    diep = b"[" * 100_000 + b"]" * 100_000
    return [
        ("leeg.csv", b""),
        ("kop.csv", b"naam;bron;categorie;periode_van;periode_tot;aantal\n"),
        ("latin1.csv", "naam;adres\nCaf\xe9 \xc0 la carte;Stra\xdfe 1\n".encode("latin-1")),
        ("utf16.csv", "naam;adres\nBakker;Dorp 1\n".encode("utf-16")),
        ("nul.csv", b"naam\x00;adres\n\x00\x00\x00;\x00\n"),
        (
            "xss.csv",
            b"naam;bron;categorie;periode_van;periode_tot;aantal\n<script>alert('kvo-xss')</script>;politie;"
            b"<img src=x onerror=alert('kvo-xss')>;01-01-2025;31-12-2025;3\n",
        ),
        (
            "enorm.csv",
            f"naam;bron;categorie;periode_van;periode_tot;aantal;afgehandeld;huisnummer\nA;politie;x;01-01-2025;31-12-2025;{ENORM};-{ENORM};{ENORM}\n".encode(),
        ),
        (
            "datums.csv",
            b"bron;categorie;periode_van;periode_tot;aantal\npolitie;x;31-02-2025;00-00-0000;1\npolitie;y;01-01-99999;2025-13-45;2\n",
        ),
        ("lange-regel.csv", b"naam;adres\n" + b"a" * 200_000 + b";b\n"),
        ("veld-te-groot.csv", b'naam\n"' + b"x" * 200_000 + b'"\n'),
        ("open-quote.csv", b'naam;adres\n"nooit gesloten;\n'),
        ("binair.csv", bytes(range(256)) * 20),
        ("csv-als.xlsx", b"naam;adres\nA;B\n"),
        ("afgebroken.xlsx", xlsx[: len(xlsx) // 2]),
        ("goed.xlsx", xlsx),
        ("lege-zip.xlsx", _zip({})),
        ("xlsx-als.csv", xlsx),
        ("pdf-als.csv", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
        ("exe.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" * 10),
        ("script.txt", b"<script>alert('kvo-xss')</script>"),
        ("foto.jpg", b"\xff\xd8\xff\xe0 niet echt een jpeg"),
        ("foto.png", _png()),
        ("png-als.pdf", _png()),
        ("leeg.json", b""),
        ("afgebroken.json", b'{"schema": "kvo-dossier/1", "werkgroep": {"naam": "X'),
        ("bom.json", b"\xef\xbb\xbf{}"),
        ("latin1.json", '{"naam": "caf\xe9"}'.encode("latin-1")),
        ("diep.json", diep),
        ("lijst.json", b"[1, 2, 3]"),
        ("getal.json", b"1e999999"),
        ("nan.json", b'{"schema": NaN}'),
        ("nul.json", b'{"schema": "kvo-dossier/1\\u0000"}'),
        ("afgebroken.zip", _zip({"dossier.json": b"{}"})[:30]),
        ("zonder-dossier.zip", _zip({"media/x.pdf": b"%PDF-1.4"})),
        ("zip-slip.zip", _zip({"dossier.json": b"{}", "media/../../etc/passwd": b"x"})),
        ("zip-als.json", _zip({"dossier.json": b"[]"})),
        ("json-als.zip", b'{"schema": "kvo-dossier/1"}'),
        ("zonder-extensie", b"naam\nA\n"),
        ("", b"naam\nA\n"),
        ("a" * 300 + ".csv", b"naam\nA\n"),
        ("<script>alert('kvo-xss')</script>.csv", b"naam\nA\n"),
        ("../../etc/passwd.csv", b"naam\nA\n"),
        ("naam\x00.csv", b"naam\nA\n"),
    ]


def bestand() -> st.SearchStrategy[tuple[str, bytes]]:
    namen = st.sampled_from(("x.csv", "x.xlsx", "x.json", "x.zip", "x.pdf", "x.jpg", "x.txt", "x", "x.exe"))
    return st.one_of(
        st.sampled_from(vaste_bestanden()),
        st.tuples(namen, st.binary(max_size=2000)),
        st.tuples(namen, st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass"))),
    )


def _randen(veld: Veld) -> list[str]:
    """Just inside and just outside the bounds the page states (maxlength, min, max)."""
    randen = []
    if (lengte := veld.attrs.get("maxlength", "")).isdigit():
        n = int(lengte)
        randen += ["é" * n, "x" * (n + 1), "<b>" * (n // 3 + 1)]
    for grens in ("min", "max"):
        waarde_ = veld.attrs.get(grens, "")
        try:
            getal_ = float(waarde_)
        except ValueError:
            continue
        stap = 1 if getal_.is_integer() else 0.1
        for g in (getal_ - stap, getal_, getal_ + stap):
            randen.append(str(int(g)) if float(g).is_integer() else str(g))
    return randen


def waarde(veld: Veld) -> st.SearchStrategy:
    """A hostile (or sometimes the page's own) value for one field."""
    eigen = st.just(veld.waarde)
    if veld.soort == "file":
        return bestand()
    if veld.soort in ("number", "range"):
        vijandig = getal()
    elif veld.soort in ("date", "datetime-local", "month"):
        vijandig = st.one_of(datum(), st.sampled_from(UITERSTE_DATUMS))
    elif veld.soort in ("select", "radio", "checkbox"):
        if veld.meervoudig:
            return st.lists(keuze(veld), max_size=4)
        vijandig = keuze(veld)
    elif veld.soort == "hidden":
        vijandig = st.one_of(getal(), tekst())
    else:
        vijandig = tekst()
    if randen := _randen(veld):
        vijandig = st.one_of(st.sampled_from(randen), vijandig)
    return st.one_of(eigen, vijandig, vijandig)


def redelijk(veld: Veld) -> object:
    """A value the form accepts, as a user would fill it in: the page's own, or a plausible one."""
    import datetime as dt

    if veld.soort == "file":
        if "foto" in veld.naam:
            return ("foto.png", _png())
        return ("notulen.pdf", b"%PDF-1.4\n%kvo\n")
    if veld.waarde:
        return [veld.waarde] if veld.meervoudig else veld.waarde
    if veld.soort in ("select", "radio", "checkbox"):
        keuzes = [k for k in veld.keuzes if k]
        if not keuzes:
            return [] if veld.meervoudig else ""
        return keuzes[:1] if veld.meervoudig else keuzes[0]
    if veld.soort in ("number", "range"):
        return "6"
    if veld.soort == "date":
        return dt.date.today().isoformat()
    if veld.soort == "email" or "email" in veld.naam:
        return "info@example.org"
    if veld.soort == "hidden":
        return ""
    return "Gewone tekst"


def model_tellingen() -> tuple[int, ...]:
    """Row counts of every table of the product's apps, in one query."""
    from django.db import connection

    tabellen = sorted({m._meta.db_table for m in apps.get_models() if m._meta.app_label in APPS and not m._meta.proxy})
    sql = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {connection.ops.quote_name(t)})" for t in tabellen)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return tuple(cursor.fetchone())
