"""Versions per part (kvo.versie): each kept result (a page, the readiness answers rule by rule, the
survey's results) is kept under the parts of the work group's data it declares it reads, and

- reads nothing its declaration does not cover (``versie.controle()`` records every tenant table a
  computed result reads; the test fails on one outside its parts),
- is invalidated by a write to a part it reads, and by nothing else,
- after a change only the readiness rules whose loaders read the changed part are computed again,
- a survey answer keeps the matrix, the archive and the members pages.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import get_resolver, reverse
from django.utils import timezone
from django_scopes import scope

from analyse.models import Enquete, EnqueteConcept
from analyse.tokens import nieuwe_links
from kvo import toets, versie
from tests.kvo.test_queries_schaal import Provincie
from werkgroepen.models import Partij, Werkgroep

pytestmark = pytest.mark.django_db


def _alle_verklaringen() -> list[str]:
    get_resolver().url_patterns  # noqa: B018  (imports every view module: their declarations)
    return versie.verklaringen()


def _schrijf(werkgroep, tabel: str) -> None:
    """A write to ``tabel`` inside the work group's scope that changes no row: what the execute
    wrapper sees is the statement, so it is any write to that table."""
    kolom = next(m._meta.pk.column for m in apps.get_models(include_auto_created=True) if m._meta.db_table == tabel)
    q = connection.ops.quote_name
    with scope(werkgroep=werkgroep), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {q(tabel)} SET {q(kolom)} = {q(kolom)} WHERE 1 = 0")


def _client(user) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


# --- the declarations hold ---------------------------------------------------------------------


def test_de_controle_vindt_een_tabel_buiten_de_verklaring(actoren):
    """The check the declarations are held to: a result that reads the parties but declares only the
    plan is reported with the table and its part."""
    versie.leest("test:te-weinig", "plan")
    with versie.controle() as gezien:
        versie.bewaard(actoren.werkgroep, "test:te-weinig", (), lambda: list(Partij.objects.all()))
    assert ("test:te-weinig", "werkgroepen_partij", "partijen") in gezien.fouten
    versie.leest("test:genoeg", "plan", "partijen")
    with versie.controle() as gezien:
        versie.bewaard(actoren.werkgroep, "test:genoeg", (), lambda: list(Partij.objects.all()))
    assert gezien.fouten == [] and gezien.berekend == {"test:genoeg"}


def test_een_onverklaard_resultaat_wordt_niet_bewaard(actoren):
    with pytest.raises(KeyError, match="geen verklaring"):
        versie.bewaard(actoren.werkgroep, "test:onbekend", (), lambda: 1)


def test_elke_tenanttabel_heeft_een_deel_en_elke_lader_een_verklaring():
    """No table falls back to the whole group by accident, and every readiness loader says what it
    reads (an undeclared one would count as reading everything: nothing incremental)."""
    expliciet = {
        "werkgroepen_werkgroep",
        "werkgroepen_cyclus",
    }  # the tenant's own row and its cycles: in every version by design
    zonder = [t for t, d in versie.tabel_delen().items() if d == versie.GROEP and t not in expliciet]
    assert zonder == []
    assert [k for k, leest in toets._LADERS.items() if leest is None and not k.startswith("test.")] == []
    for naam in _alle_verklaringen():
        versie.gelezen_delen(naam)  # every declaration names parts or kept results that exist


@pytest.fixture
def provincie(settings):
    settings.RATELIMIT_ENABLE = False
    p = Provincie()
    p.bouw(schaal=0.2, extra_groepen=1)
    # a member of the group with the open survey too
    p.lid_open = get_user_model().objects.create_user(email="lid-open@provincie.example", password="x")
    p.open.leden.filter(email="lid0@p001.kvo.example").update(user=p.lid_open)
    return p


def _paginas(p, werkgroep, lid) -> dict[str, tuple[Client, str]]:
    w = {"werkgroep": werkgroep.slug}
    client = _client(lid)
    return {
        "home": (client, reverse("werkgroepen:home", kwargs=w)),
        "resultaten": (client, reverse("analyse:resultaten", kwargs=w)),
        "matrix": (client, reverse("aanpak:matrix", kwargs=w)),
        "toets": (client, reverse("audits:toets", kwargs=w)),
        "leden": (client, reverse("werkgroepen:leden", kwargs=w)),
        "documenten": (client, reverse("werkgroepen:documenten", kwargs=w)),
        "bibliotheek": (client, reverse("aanpak:bibliotheek", kwargs=w)),
    }


def test_elk_bewaard_resultaat_leest_alleen_wat_het_verklaart(provincie):
    p = provincie
    paginas = {
        **{f"groot:{k}": v for k, v in _paginas(p, p.groot, p.lid).items()},
        **{f"open:{k}": v for k, v in _paginas(p, p.open, p.lid_open).items()},
        "portfolio": (_client(p.begeleider), reverse("begeleiding:portfolio")),
        "bibliotheek-begeleiding": (_client(p.begeleider), reverse("bibliotheek:begeleiding")),
        "beeld": (_client(p.begeleider), reverse("begeleiding:beeld")),
        "beeld-status": (_client(p.begeleider), reverse("begeleiding:beeld") + "?indicator=audits.status"),
        "enquete": (p.ondernemer(), "/e/stap/1/"),
        "portaal": (_client(p.auditor), reverse("portaal:audit", kwargs={"audit_id": p.audit.pk})),
    }
    terrein = p.open.terreinen.order_by("pk").first()
    paginas["open:resultaten-terrein"] = (
        paginas["open:home"][0],
        paginas["open:resultaten"][1] + f"?terrein={terrein.pk}",
    )
    with versie.controle() as gezien, versie.opnieuw():
        for naam, (client, url) in paginas.items():
            assert client.get(url).status_code == 200, naam
        groepen = list(Werkgroep.objects.order_by("pk"))
        for dagen in (0, 400, 800):
            datum = timezone.localdate() + dt.timedelta(days=dagen)
            toets.voer_toetsen_uit(groepen, datum=datum)
            for wg in groepen:
                toets.voer_toets_uit(wg, datum=datum)
    assert sorted(set(gezien.fouten)) == []
    # every declared result was computed under the check, and every rule of the registry
    assert set(_alle_verklaringen()) - {"toets"} - {n for n in versie.verklaringen() if n.startswith("test:")} <= (
        gezien.berekend
    )
    assert {f"toets:{i}" for i in toets.geregistreerde_checks()} <= gezien.berekend


def test_elk_bewaard_resultaat_komt_terug_zonder_nieuwe_klassen(provincie, settings):
    """What is kept comes back as plain objects. Django's lazy strings (``lazy()``, a translation's
    ``gettext_lazy``) unpickle by calling ``lazy()`` again, which makes a new class every time: a
    group's kept readiness answers made some 7,500 objects that way on every page, and the garbage
    collector's full passes over them cost computed pages up to 130 ms (bench/RESULTS.md, 8 December).
    Every entry the pages keep is unpickled here, and none may make a class."""
    import gc
    import pickle

    from django.core.cache import caches

    p = provincie
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "klassen"}}
    paginas = {
        **_paginas(p, p.groot, p.lid),
        "portfolio": (_client(p.begeleider), reverse("begeleiding:portfolio")),
        "beeld": (_client(p.begeleider), reverse("begeleiding:beeld")),
        "enquete": (p.ondernemer(), "/e/stap/1/"),
        "portaal": (_client(p.auditor), reverse("portaal:audit", kwargs={"audit_id": p.audit.pk})),
    }
    for naam, (client, url) in paginas.items():
        assert client.get(url).status_code == 200, naam
    bewaard = dict(caches["default"]._cache)  # key -> pickled value
    assert len(bewaard) > len(paginas)  # pages, readiness answers and parts of pages were kept

    def nieuwe_klassen(waarde: bytes) -> list[str]:
        voor = {id(o) for o in gc.get_objects() if isinstance(o, type)}
        terug = pickle.loads(waarde)
        nieuw = [o.__qualname__ for o in gc.get_objects() if isinstance(o, type) and id(o) not in voor]
        del terug
        return nieuw

    for waarde in bewaard.values():
        pickle.loads(waarde)  # once: a module it names is imported (a one-time cost, with its classes)
    # twice more: a lazy string makes its class on every unpickling; something else in the process
    # that makes a class once (a library's own lazy set-up) is not the entry's doing
    fout = {
        sleutel: n for sleutel, waarde in bewaard.items() if (n := nieuwe_klassen(waarde)) and nieuwe_klassen(waarde)
    }
    assert fout == {}, "een bewaard resultaat maakt bij het uitpakken een klasse (een lazy string?)"


# --- invalidated by what it reads, and by nothing else ----------------------------------------------


def test_een_schrijfactie_vervangt_alleen_de_versie_van_wie_haar_deel_leest(actoren):
    wg, ander = actoren.werkgroep, actoren.anderewerkgroep
    namen = [n for n in _alle_verklaringen() if not n.startswith("test:")]
    gecontroleerd = 0
    for tabel, deel in sorted(versie.tabel_delen().items()):
        voor = {n: versie.huidige(wg, n) for n in namen}
        ander_voor = versie.huidige(ander)
        _schrijf(wg, tabel)
        na = {n: versie.huidige(wg, n) for n in namen}
        for naam in namen:
            verwacht = deel is not None and (deel == versie.GROEP or deel in versie.gelezen_delen(naam))
            assert (voor[naam] != na[naam]) == verwacht, (naam, tabel, deel)
            gecontroleerd += 1
        assert versie.huidige(ander) == ander_voor, tabel  # never another group's
    assert gecontroleerd > 300


def test_een_antwoord_laat_matrix_archief_en_leden_bewaard():
    """The declarations themselves: the survey's answers and its progress are not read by these pages."""
    for pagina in ("pagina:matrix", "pagina:documenten", "pagina:leden"):
        assert not {"reacties", "uitnodiging", "enquete"} & versie.gelezen_delen(pagina), pagina
    assert {"reacties"} <= versie.gelezen_delen("pagina:resultaten")
    assert {"reacties"} <= versie.gelezen_delen("pagina:home")


# --- the readiness check, rule by rule -------------------------------------------------------------


def _spion(monkeypatch) -> dict[str, tuple]:
    berekend: dict[str, tuple] = {}
    echt = toets._beantwoord_een

    def beantwoord(ctx, eis_id):
        uitkomst, delen = echt(ctx, eis_id)
        berekend[eis_id] = delen
        return uitkomst, delen

    monkeypatch.setattr(toets, "_beantwoord_een", beantwoord)
    return berekend


def test_na_een_wijziging_alleen_de_regels_die_het_deel_lezen(provincie, monkeypatch):
    wg = provincie.open
    berekend = _spion(monkeypatch)
    eerst = toets.voer_toets_uit(wg)
    gelezen = dict(berekend)
    assert set(gelezen) == set(toets.geregistreerde_checks())
    berekend.clear()
    assert toets.voer_toets_uit(wg) == eerst and berekend == {}  # nothing changed: nothing computed

    for tabel, deel in (
        ("analyse_reactie", "reacties"),
        ("aanpak_voortgang", "voortgang"),
        ("werkgroepen_lid", "leden"),
    ):
        _schrijf(wg, tabel)
        toets.voer_toets_uit(wg)
        verwacht = {i for i, delen in gelezen.items() if deel in delen}
        assert set(berekend) == verwacht, deel
        assert verwacht and len(verwacht) < len(gelezen) / 2, deel
        berekend.clear()
    assert "enquete.respons" in {i for i, d in gelezen.items() if "reacties" in d}
    assert "pva.voortgang" not in {i for i, d in gelezen.items() if "reacties" in d}

    _schrijf(wg, "werkgroepen_werkgroep")  # the group's own row: every rule
    toets.voer_toets_uit(wg)
    assert set(berekend) == set(gelezen)


def test_de_paginas_en_de_nacht_delen_de_antwoorden(provincie, monkeypatch):
    """Home, readiness page and the nightly batch use the same kept answers: after one computed them,
    the others compute no rule."""
    p = provincie
    berekend = _spion(monkeypatch)
    paginas = _paginas(p, p.open, p.lid_open)
    assert paginas["home"][0].get(paginas["home"][1]).status_code == 200
    assert berekend
    berekend.clear()
    assert paginas["toets"][0].get(paginas["toets"][1]).status_code == 200
    toets.voer_toetsen_uit([p.open])
    assert berekend == {}


# --- a survey answer, through the entrepreneur's pages ------------------------------------------------


def test_een_enquete_antwoord_laat_matrix_archief_en_leden_bewaard(provincie):
    p = provincie
    enquete = Enquete.objects.filter(cyclus__werkgroep=p.open).order_by("-cyclus__nummer").first()
    uitnodiging = enquete.uitnodigingen.filter(beantwoord=False).order_by("pk").first()
    link = nieuwe_links([uitnodiging])[0]  # (made outside a scope here: before the pages are kept)
    paginas = _paginas(p, p.open, p.lid_open)
    for naam, (client, url) in paginas.items():
        assert client.get(url).status_code == 200, naam  # computed and kept

    ondernemer = Client()
    assert ondernemer.get(f"/e/{link}/").status_code == 302
    assert ondernemer.get("/e/stap/1/").status_code == 200
    # a step: the answers kept between visits change no version
    vraag = uitnodiging.enquete.vragen.filter(type="open").order_by("volgorde").first()
    with scope(werkgroep=p.open):
        EnqueteConcept.objects.create(uitnodiging=uitnodiging, antwoorden={vraag.ref: "Meer licht"})
    with versie.controle() as gezien:
        for naam, (client, url) in paginas.items():
            assert client.get(url).status_code == 200, naam
    assert gezien.berekend == set()

    # the submission: the results, the response figures and the readiness change; nothing else
    assert ondernemer.post("/e/insturen/").status_code == 302
    with versie.controle() as gezien:
        for naam, (client, url) in paginas.items():
            assert client.get(url).status_code == 200, naam
    assert {"pagina:home", "pagina:toets", "pagina:resultaten"} <= gezien.berekend
    assert not {"pagina:matrix", "pagina:documenten", "pagina:leden"} & gezien.berekend
    regels = {n for n in gezien.berekend if n.startswith("toets:")}
    assert "toets:enquete.respons" in regels and "toets:pva.voortgang" not in regels
