"""Survey truth (§4.1.1): an empty submission is no response, follow-up questions ("Zo ja, …") have
their base everywhere (builder, phone, paper, results, dossier), identical open answers are counted."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_scopes import scope

from analyse import antwoorden as antw
from analyse import vragenlijst
from analyse.models import EnqueteConcept, LegeInzending, Reactie, Vraag
from analyse.selectors import resultaten as selectors
from analyse.services import enquete as bouwer
from analyse.services.reacties import reactie_dien_in
from analyse.services.uitnodigingen import enquete_verstuur
from analyse.tokens import nieuwe_link
from tests.analyse.factories import EnqueteFactory, ReactieFactory, VraagFactory
from tests.factories import BedrijventerreinFactory, OndernemerFactory

START = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
SLUG = "de-hoek"
BASIS, VERVOLG = "b24-1", "b24-2"  # "rondhangende personen?" (ja/nee) and "Als dat zo is: wanneer vooral?"


def url(naam, **kwargs):
    return reverse(f"analyse:{naam}", kwargs={"werkgroep": SLUG, **kwargs})


@pytest.fixture
def nu(time_machine):
    time_machine.move_to(START, tick=False)
    return time_machine


@pytest.fixture
def enquete(actoren, nu, django_capture_on_commit_callbacks):
    """The default survey (no mandatory question), sent to 5 entrepreneurs of one park."""
    enquete = bouwer.enquete_maak(actor=None, cyclus=actoren.cyclus)
    terrein = BedrijventerreinFactory(werkgroep=actoren.werkgroep, naam="Zuid")
    for i in range(5):
        OndernemerFactory(terrein=terrein, email=f"o{i}@bedrijf.nl")
    with django_capture_on_commit_callbacks(execute=False):
        enquete_verstuur(actor=None, enquete=enquete, gesloten_op=dt.date(2026, 11, 30), herinnering_dagen=[])
    enquete.refresh_from_db()
    return enquete


def _sessie(client, enquete, i=0):
    uitnodiging = enquete.uitnodigingen.order_by("pk")[i]
    client.get(reverse("enquete:start", args=[nieuwe_link(uitnodiging)]))
    return uitnodiging


def _stap_van(enquete, ref):
    return next(s for s in vragenlijst.stappen(enquete) if any(iv.vraag.ref == ref for iv in s.vragen))


# --- 1. an empty submission ----------------------------------------------------------------


def test_leeg_insturen_vraagt_eerst_en_telt_dan_apart(client, enquete):
    uitnodiging = _sessie(client, enquete)
    vraag = client.post(reverse("enquete:insturen"))
    assert vraag.status_code == 200
    assert "U heeft geen vragen beantwoord. Toch versturen?" in vraag.text
    assert 'name="leeg" value="1"' in vraag.text and "<script" not in vraag.text
    uitnodiging.refresh_from_db()
    assert not uitnodiging.beantwoord and not Reactie.objects.exists() and not LegeInzending.objects.exists()

    klaar = client.post(reverse("enquete:insturen"), {"leeg": "1"})
    assert klaar.status_code == 302 and klaar["Location"] == reverse("enquete:klaar")
    uitnodiging.refresh_from_db()
    assert uitnodiging.beantwoord  # no more reminders
    assert not Reactie.objects.exists()
    teller = LegeInzending.objects.get()
    assert teller.aantal == 1 and teller.terrein_id == uitnodiging.ondernemer.terrein_id
    # Anonymous like a response: no invitation, no entrepreneur, no time.
    assert {f.name for f in LegeInzending._meta.concrete_fields} == {"id", "enquete", "terrein", "aantal"}
    with scope(werkgroep=enquete.werkgroep):
        assert [r.reacties for r in selectors.respons_per_terrein(enquete)] == [0]


def test_een_antwoord_is_wel_een_reactie(client, enquete):
    _sessie(client, enquete)
    stap = _stap_van(enquete, BASIS)
    client.post(reverse("enquete:stap", kwargs={"nummer": stap.nummer}), {f"v-{BASIS}": "nee", "richting": "vorige"})
    response = client.post(reverse("enquete:insturen"))  # no confirmation asked
    assert response.status_code == 302 and response["Location"] == reverse("enquete:klaar")
    assert Reactie.objects.get().antwoorden == {BASIS: False}
    assert not LegeInzending.objects.exists()


def test_lege_inzendingen_staan_in_de_resultaten_en_tellen_niet_mee(actoren, als, enquete):
    uitnodigingen = list(enquete.uitnodigingen.select_related("ondernemer").order_by("pk"))
    with scope(werkgroep=enquete.werkgroep):
        for u in uitnodigingen[:3]:
            assert reactie_dien_in(uitnodiging=u, antwoorden={}) is False
        assert reactie_dien_in(uitnodiging=uitnodigingen[3], antwoorden={BASIS: True}) is True
        assert LegeInzending.objects.get().aantal == 3
        assert Reactie.objects.count() == 1
        assert [r.reacties for r in selectors.respons_per_terrein(enquete)] == [1]
        assert selectors.resultaten(enquete).lege == 3
    client = als(actoren.lid)
    assert "3 lege inzendingen, niet meegeteld" in client.get(url("resultaten")).text
    assert "3 lege inzendingen" in client.get(url("respons")).text


def test_lege_papieren_vragenlijst_telt_niet_als_reactie(actoren, als, enquete):
    uitnodiging = enquete.uitnodigingen.order_by("pk").first()
    response = als(actoren.secretaris).post(url("papier_invoeren", pk=uitnodiging.pk), {}, follow=True)
    assert "geteld als lege inzending" in response.text
    assert not Reactie.objects.exists() and LegeInzending.objects.get().aantal == 1


# --- 2. follow-up questions ----------------------------------------------------------------


def test_standaardvragen_met_zo_ja_hebben_hun_voorwaarde(enquete):
    with scope(werkgroep=enquete.werkgroep):
        vervolg = enquete.vragen.get(ref=VERVOLG)
        assert vervolg.toon_als_vraag.ref == BASIS and vervolg.toon_als_antwoord == "ja"
        assert vervolg.tekst.startswith("Als dat zo is")
        # Every default question that starts "Als dat zo is" is wired, in every block.
        from analyse import standaardvragen

        for blok, vragen in standaardvragen.VRAGEN.items():
            for sv in vragen:
                assert sv.tekst.startswith("Als dat zo is") == (sv.na is not None), (blok, sv.tekst)


def test_blok_aanvinken_koppelt_de_vervolgvraag(actoren, nu):
    enquete = bouwer.enquete_maak(actor=None, cyclus=actoren.cyclus)
    with scope(werkgroep=enquete.werkgroep):
        bouwer.enquete_blok_zet(actor=None, enquete=enquete, blok=4, aan=True)
        vervolg = enquete.vragen.get(ref="b04-2")
        assert vervolg.toon_als_vraag.ref == "b04-1" and vervolg.toon_als_antwoord == "ja"


@pytest.mark.parametrize(
    ("type_", "opties", "waarde", "antwoord", "gevraagd"),
    [
        ("ja-nee", [], True, "ja", True),
        ("ja-nee", [], False, "ja", False),
        ("ja-nee", [], False, "nee", True),
        ("keuze", ["A", "B"], "B", "B", True),
        ("keuze", ["A", "B"], "A", "B", False),
        ("meerkeuze", ["A", "B"], ["A", "B"], "B", True),
        ("meerkeuze", ["A", "B"], ["A"], "B", False),
        ("schaal", [], 3, "3", True),
        ("schaal", [], 4, "3", False),
        ("ja-nee", [], None, "ja", False),
    ],
)
def test_gevraagd_per_soort(type_, opties, waarde, antwoord, gevraagd):
    basis = Vraag(pk=1, ref="a", type=type_, opties=opties)
    vervolg = Vraag(pk=2, ref="b", type="open", toon_als_vraag_id=1, toon_als_antwoord=antwoord)
    verder = Vraag(pk=3, ref="c", type="open", toon_als_vraag_id=2, toon_als_antwoord="x")  # chain: never
    refs = antw.gevraagd([basis, vervolg, verder], {"a": waarde} if waarde is not None else {})
    assert ("b" in refs) is gevraagd and "a" in refs and "c" not in refs


def test_telefoon_toont_de_vervolgvraag_pas_na_ja(client, enquete):
    uitnodiging = _sessie(client, enquete)
    stap = _stap_van(enquete, BASIS)
    adres = reverse("enquete:stap", kwargs={"nummer": stap.nummer})
    pagina = client.get(adres)
    assert f'name="v-{BASIS}"' in pagina.text and f'name="v-{VERVOLG}"' not in pagina.text
    # "ja": the same step again, now with the follow-up.
    response = client.post(adres, {f"v-{BASIS}": "ja", "richting": "volgende"})
    assert response.status_code == 302 and response["Location"] == adres + "?vervolg=1"
    pagina = client.get(response["Location"])
    assert f'name="v-{VERVOLG}"' in pagina.text and "vervolgvraag" in pagina.text
    response = client.post(adres, {f"v-{BASIS}": "ja", f"v-{VERVOLG}": "Overdag", "richting": "volgende"})
    assert response.status_code == 302 and "vervolg" not in response["Location"]
    assert EnqueteConcept.objects.get(uitnodiging=uitnodiging).antwoorden == {BASIS: True, VERVOLG: ["Overdag"]}
    # Changed to "nee": the follow-up's answer goes, and the follow-up is not shown.
    response = client.post(adres, {f"v-{BASIS}": "nee", f"v-{VERVOLG}": "Overdag", "richting": "volgende"})
    assert response.status_code == 302 and "vervolg" not in response["Location"]
    assert EnqueteConcept.objects.get(uitnodiging=uitnodiging).antwoorden == {BASIS: False}
    assert f'name="v-{VERVOLG}"' not in client.get(adres).text


def test_antwoord_op_een_niet_gestelde_vervolgvraag_wordt_niet_bewaard(enquete):
    uitnodiging = enquete.uitnodigingen.select_related("ondernemer").first()
    with scope(werkgroep=enquete.werkgroep):
        reactie_dien_in(uitnodiging=uitnodiging, antwoorden={BASIS: False, VERVOLG: ["Overdag"]})
    assert Reactie.objects.get().antwoorden == {BASIS: False}


def test_papier_slaat_een_niet_gestelde_vervolgvraag_over(actoren, als, enquete):
    uitnodiging = enquete.uitnodigingen.order_by("pk").first()
    client = als(actoren.secretaris)
    pagina = client.get(url("papier_invoeren", pk=uitnodiging.pk))
    assert "Vervolg op vraag" in pagina.text and "bij het antwoord “ja”" in pagina.text
    client.post(url("papier_invoeren", pk=uitnodiging.pk), {f"v-{BASIS}": "nee", f"v-{VERVOLG}": "Overdag"})
    assert Reactie.objects.get().antwoorden == {BASIS: False}


def test_verplichte_vervolgvraag_is_alleen_verplicht_als_hij_gesteld_wordt(actoren, nu):
    enquete = bouwer.enquete_maak(actor=None, cyclus=actoren.cyclus)
    with scope(werkgroep=enquete.werkgroep):
        vraag = enquete.vragen.get(ref=VERVOLG)
        bouwer.vraag_wijzig(
            actor=None, vraag=vraag, thema=vraag.thema, blok=vraag.blok, tekst=vraag.tekst, type=vraag.type,
            opties=vraag.opties, verplicht=True, toon_als_vraag=vraag.toon_als_vraag_id, toon_als_antwoord="ja",
        )  # fmt: skip
        lijst = vragenlijst.stappen(enquete)
        from django.http import QueryDict

        _, goed = vragenlijst.lees_formulier(lijst, QueryDict(f"v-{BASIS}=nee"))
        assert goed
        _, goed = vragenlijst.lees_formulier(lijst, QueryDict(f"v-{BASIS}=ja"))
        assert not goed


def test_bouwer_bewaakt_de_voorwaarde(actoren, nu):
    enquete = bouwer.enquete_maak(actor=None, cyclus=actoren.cyclus)
    with scope(werkgroep=enquete.werkgroep):
        basis = enquete.vragen.get(ref=BASIS)
        nieuw = bouwer.vraag_maak(
            actor=None, enquete=enquete, thema="overlast", tekst="Zo ja, heeft u dat gemeld?", type="ja-nee",
            toon_als_vraag=basis.pk, toon_als_antwoord="ja",
        )  # fmt: skip
        assert nieuw.toon_als_vraag == basis
        with pytest.raises(ValidationError, match="hoort"):  # no such answer
            bouwer.vraag_maak(
                actor=None, enquete=enquete, thema="overlast", tekst="X", type="open",
                toon_als_vraag=basis.pk, toon_als_antwoord="misschien",
            )  # fmt: skip
        open_vraag = enquete.vragen.get(ref="b33-1")
        with pytest.raises(ValidationError, match="alleen volgen op"):
            bouwer.vraag_maak(
                actor=None, enquete=enquete, thema="overlast", tekst="X", type="open",
                toon_als_vraag=open_vraag.pk, toon_als_antwoord="ja",
            )  # fmt: skip
        # A base question later in the survey (theme "communicatie" comes after "overlast") is refused.
        later = enquete.vragen.get(ref="b42-2")
        with pytest.raises(ValidationError, match="moet daarna komen"):
            bouwer.vraag_maak(
                actor=None, enquete=enquete, thema="overlast", tekst="X", type="open",
                toon_als_vraag=later.pk, toon_als_antwoord=later.opties[0],
            )  # fmt: skip
        # Moving the follow-up above its base is refused.
        vervolg = enquete.vragen.get(ref=VERVOLG)
        with pytest.raises(ValidationError, match="moet daarna komen"):
            bouwer.vraag_verplaats(actor=None, vraag=vervolg, richting="omhoog")
        # Changing the base's type breaks its follow-ups' condition: refused.
        with pytest.raises(ValidationError, match="alleen volgen op"):
            bouwer.vraag_wijzig(
                actor=None, vraag=basis, thema=basis.thema, blok=basis.blok, tekst=basis.tekst, type="open",
            )  # fmt: skip
        # Deleting the base makes its follow-ups plain questions.
        bouwer.vraag_verwijder(actor=None, vraag=basis)
        vervolg.refresh_from_db()
        nieuw.refresh_from_db()
        assert vervolg.toon_als_vraag is None and vervolg.toon_als_antwoord == ""
        assert nieuw.toon_als_vraag is None


def test_bouwer_formulier_zet_de_voorwaarde(actoren, als, nu):
    enquete = bouwer.enquete_maak(actor=None, cyclus=actoren.cyclus)
    with scope(werkgroep=enquete.werkgroep):
        basis = enquete.vragen.get(ref=BASIS)
    client = als(actoren.secretaris)
    formulier = client.get(url("enquete_vraag_nieuw") + "?thema=overlast")
    assert f'value="{basis.pk}|ja"' in formulier.text and "Wie krijgt deze vraag?" in formulier.text
    response = client.post(
        url("enquete_vraag_nieuw"),
        {"thema": "overlast", "blok": "", "tekst": "Zo ja, waar?", "type": "open", "voorwaarde": f"{basis.pk}|ja"},
    )
    assert response.status_code == 302
    with scope(werkgroep=enquete.werkgroep):
        vraag = enquete.vragen.get(tekst="Zo ja, waar?")
        assert (vraag.toon_als_vraag_id, vraag.toon_als_antwoord) == (basis.pk, "ja")
        wijzig = client.get(url("enquete_vraag", pk=vraag.pk))
        assert f'value="{basis.pk}|ja" selected' in wijzig.text
    assert "Vervolgvraag: alleen voor wie" in client.get(url("enquete")).text


def test_resultaten_van_een_vervolgvraag_over_wie_hem_kreeg(actoren, als):
    enquete = EnqueteFactory(cyclus=actoren.cyclus, geopend_op=dt.date(2026, 11, 2))
    terrein = BedrijventerreinFactory(werkgroep=actoren.werkgroep)
    basis = VraagFactory(enquete=enquete, ref="a", blok=24, thema="overlast", type="ja-nee")
    VraagFactory(
        enquete=enquete, ref="b", blok=24, thema="overlast", type="keuze", opties=["X", "Y"],
        toon_als_vraag=basis, toon_als_antwoord="ja",
    )  # fmt: skip
    for _ in range(3):
        ReactieFactory(enquete=enquete, terrein=terrein, antwoorden={"a": True, "b": "X"})
    ReactieFactory(enquete=enquete, terrein=terrein, antwoorden={"a": True})
    ReactieFactory(enquete=enquete, terrein=terrein, antwoorden={"a": False, "b": "Y"})  # not asked: not counted
    ReactieFactory(enquete=enquete, terrein=terrein, antwoorden={"a": False})
    with scope(werkgroep=enquete.werkgroep):
        res = selectors.resultaten(enquete)
    u = {u.vraag.ref: u for t in res.themas for u in t.uitslagen}["b"]
    assert (u.gevraagd, u.reacties, u.beantwoord) == (4, 6, 3)
    assert [(r.label, r.aantal) for r in u.regels] == [("X", 3), ("Y", 0)]
    assert "4 van 6 kregen deze vraag" in als(actoren.lid).get(url("resultaten")).text


# --- 3. identical open answers -------------------------------------------------------------


def test_gelijke_open_antwoorden_met_hun_aantal(actoren, als):
    enquete = EnqueteFactory(cyclus=actoren.cyclus, geopend_op=dt.date(2026, 11, 2))
    terrein = BedrijventerreinFactory(werkgroep=actoren.werkgroep)
    VraagFactory(enquete=enquete, ref="o", blok=16, type="open", tekst="Wat kan beter?")
    for _ in range(9):
        ReactieFactory(enquete=enquete, terrein=terrein, antwoorden={"o": "Verlichting"})
    ReactieFactory(enquete=enquete, terrein=terrein, antwoorden={"o": "Camera's"})
    with scope(werkgroep=enquete.werkgroep):
        res = selectors.resultaten(enquete)
    u = res.themas[0].uitslagen[0]
    assert u.open_groepen == [("Camera's", 1), ("Verlichting", 9)]
    pagina = als(actoren.lid).get(url("resultaten")).text
    assert 'Verlichting <span class="zacht">(9×)</span>' in pagina and "Camera&#x27;s (" not in pagina
    assert pagina.count("Verlichting") == 1

    from django.template.loader import render_to_string

    set_html = render_to_string(
        "pdf/documentenset/enquete.html",
        {"res": res, "enquete": enquete, "respons": [], "totaal_reacties": 10, "totaal_ondernemers": 10},
    )
    assert "Verlichting (9×)" in set_html and set_html.count("Verlichting") == 1
