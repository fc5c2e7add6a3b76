"""The survey builder's services and selectors: default survey, ticking blocks, questions, own themes,
refs that are never handed out twice, validation messages, and the freeze once the survey is sent."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from analyse import catalogus, standaardvragen
from analyse.models import Enquete, Vraag
from analyse.selectors.enquete import bouwer, dekking_van, enquete_van, vragen_per_thema
from analyse.services import enquete as s
from werkgroepen.models import Logregel


@pytest.fixture
def enquete(actoren):
    return s.enquete_maak(actor=actoren.secretaris, cyclus=actoren.cyclus)


@pytest.fixture
def leeg(actoren):
    return s.enquete_maak(actor=actoren.secretaris, cyclus=actoren.cyclus, met_minimum=False)


def fouten(functie, **kwargs) -> list[str]:
    with pytest.raises(ValidationError) as fout:
        functie(**kwargs)
    return fout.value.messages


def maak(actoren, enquete, **kwargs):
    gegevens = {"thema": "overlast", "tekst": "Hoe vaak ziet u hangjongeren?", "type": "ja-nee", **kwargs}
    return s.vraag_maak(actor=actoren.secretaris, enquete=enquete, **gegevens)


# --- default questions --------------------------------------------------------------------


def test_elk_blok_heeft_een_standaardvraag_en_open_blokken_zijn_open():
    assert sorted(standaardvragen.VRAGEN) == list(range(1, 45))
    for blok, vragen in standaardvragen.VRAGEN.items():
        assert vragen, blok
        for vraag in vragen:
            assert vraag.type in Vraag.Type.values
            s._valideer_opties(vraag.type, list(vraag.opties))  # the builder's own rules hold for its defaults
            assert vraag.tekst.strip() == vraag.tekst and len(vraag.tekst) <= s.MAX_TEKST
    for blok in catalogus.OPEN_BLOKKEN:
        assert [v.type for v in standaardvragen.VRAGEN[blok]] == ["open"]
    assert [v.tekst for v in standaardvragen.VRAGEN[5]] == [
        "Is uw bedrijf de afgelopen 12 maanden slachtoffer geweest van (poging tot) inbraak of diefstal?",
        "Hoe vaak is dat de afgelopen 12 maanden gebeurd?",
    ]


def test_standaardselectie_haalt_precies_elk_minimum_plus_drie_open_vragen():
    dekking = catalogus.dekking(standaardvragen.STANDAARD_BLOKKEN)
    assert all(d.aantal == d.thema.minimum for d in dekking)
    assert sum(d.aantal for d in dekking) == 20
    assert set(catalogus.OPEN_BLOKKEN) <= set(standaardvragen.STANDAARD_BLOKKEN)
    assert len(standaardvragen.STANDAARD_BLOKKEN) == 23
    refs = [v["ref"] for v in standaardvragen.standaardenquete()]
    assert refs[:2] == ["b05-1", "b05-2"] and len(refs) == len(set(refs))


# --- the survey ---------------------------------------------------------------------------


def test_enquete_maak_met_minimum(actoren, enquete):
    assert enquete.blokken == sorted(standaardvragen.STANDAARD_BLOKKEN)
    vragen = list(enquete.vragen.order_by("volgorde"))
    assert [v.ref for v in vragen] == [v["ref"] for v in standaardvragen.standaardenquete()]
    assert [v.volgorde for v in vragen] == list(range(1, len(vragen) + 1))
    assert vragen[0].tekst == standaardvragen.VRAGEN[5][0].tekst and vragen[0].thema == "sociale-veiligheid"
    dekking = dekking_van(enquete)
    assert dekking.minimum_voldaan and dekking.open_voldaan and dekking.totaal == 20
    assert enquete.titel == "Veiligheidsenquête KVO De Hoek" and "anoniem" in enquete.inleiding
    regel = Logregel.objects.get(actie="enquete.opgezet")
    assert regel.actor == actoren.secretaris and "23 blokken" in regel.omschrijving


def test_een_enquete_per_cyclus(actoren, enquete):
    assert fouten(s.enquete_maak, actor=None, cyclus=actoren.cyclus) == [
        "Cyclus 1 heeft al een enquête; er is één enquête per cyclus."
    ]
    assert Enquete.objects.count() == 1


def test_enquete_maak_zonder_minimum_is_leeg(leeg):
    assert leeg.blokken == [] and not leeg.vragen.exists()
    assert not dekking_van(leeg).minimum_voldaan


def test_instellingen(actoren, enquete):
    s.enquete_instellingen_wijzig(actor=None, enquete=enquete, titel="  Enquête   De Hoek ", inleiding=" Welkom ")
    enquete.refresh_from_db()
    assert (enquete.titel, enquete.inleiding) == ("Enquête De Hoek", "Welkom")
    assert fouten(s.enquete_instellingen_wijzig, actor=None, enquete=enquete, titel=" ", inleiding="") == [
        "Geef de enquête een titel; de ondernemer ziet die bovenaan."
    ]


# --- blocks -------------------------------------------------------------------------------


def test_blok_aanvinken_voegt_standaardvragen_toe_en_uitvinken_haalt_ze_weg(actoren, leeg):
    assert s.enquete_blok_zet(actor=None, enquete=leeg, blok=5, aan=True) == 2
    assert leeg.blokken == [5]
    assert list(leeg.vragen.values_list("ref", "blok", "thema")) == [
        ("b05-1", 5, "sociale-veiligheid"),
        ("b05-2", 5, "sociale-veiligheid"),
    ]
    assert s.enquete_blok_zet(actor=None, enquete=leeg, blok=5, aan=True) == 0  # already ticked
    assert s.enquete_blok_zet(actor=None, enquete=leeg, blok=5, aan=False) == 2
    assert leeg.blokken == [] and not leeg.vragen.exists()
    # Ticked again: new refs, the old ones are never handed out twice.
    s.enquete_blok_zet(actor=None, enquete=leeg, blok=5, aan=True)
    assert sorted(leeg.vragen.values_list("ref", flat=True)) == ["b05-3", "b05-4"]


def test_onbekend_blok(leeg):
    assert fouten(s.enquete_blok_zet, actor=None, enquete=leeg, blok=45, aan=True) == [
        "Onbekend onderwerpblok 45; de blokken zijn genummerd van 1 tot en met 44."
    ]


def test_blokken_houden_de_volgorde_van_de_catalogus(leeg):
    for blok in (41, 10, 5):
        s.enquete_blok_zet(actor=None, enquete=leeg, blok=blok, aan=True)
    vragen = list(leeg.vragen.order_by("volgorde"))
    assert [v.blok for v in vragen] == [5, 5, 10, 10, 41, 41]


# --- questions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "type_,opties,melding",
    [
        (
            "keuze",
            ["Ja"],
            "Een keuzevraag heeft minstens twee verschillende antwoordopties nodig; "
            "zet elke optie op een eigen regel (nu 1).",
        ),
        (
            "meerkeuze",
            ["", "  "],
            "Een meerkeuzevraag heeft minstens twee verschillende antwoordopties nodig; "
            "zet elke optie op een eigen regel (nu 0).",
        ),
        ("keuze", ["Ja", "ja"], 'Antwoordoptie "Ja" staat er meer dan één keer in; elke optie mag één keer.'),
        (
            "schaal",
            ["slecht", "matig", "goed"],
            "Een schaalvraag heeft geen eigen labels (dan: zeer oneens … zeer eens) of precies 5, "
            "van laag naar hoog, één per regel (nu 3).",
        ),
        ("ja-nee", ["ja", "nee"], "Een ja/nee-vraag heeft geen antwoordopties; maak het veld leeg."),
        ("open", ["x"], "Een open vraag heeft geen antwoordopties; maak het veld leeg."),
    ],
)
def test_ongeldige_antwoordopties(actoren, enquete, type_, opties, melding):
    assert melding in fouten(maak, actoren=actoren, enquete=enquete, type=type_, opties=opties)
    assert not enquete.vragen.filter(thema="overlast", blok__isnull=True).exists()


@pytest.mark.parametrize(
    "type_,opties",
    [("keuze", ["Ja", "Nee"]), ("meerkeuze", ["a", "b", "c"]), ("schaal", []), ("schaal", list("12345"))],
)
def test_geldige_antwoordopties(actoren, enquete, type_, opties):
    vraag = maak(actoren, enquete, type=type_, opties=opties)
    assert vraag.opties == opties


def test_opties_uit_tekst_een_per_regel(actoren, enquete):
    vraag = maak(actoren, enquete, type="keuze", opties="Vaak\n\n  Soms \nNooit\n")
    assert vraag.opties == ["Vaak", "Soms", "Nooit"]


def test_vraagtekst_en_thema_en_blok(actoren, enquete):
    assert fouten(maak, actoren=actoren, enquete=enquete, tekst="  ") == ["Vul de tekst van de vraag in."]
    assert fouten(maak, actoren=actoren, enquete=enquete, tekst="x" * 1001) == [
        "De vraag is te lang (1001 tekens); hoogstens 1000 tekens."
    ]
    assert fouten(maak, actoren=actoren, enquete=enquete, thema="eigen:Bestaat niet") == [
        "Kies een thema uit de lijst (een thema van het handboek of een eigen thema)."
    ]
    assert fouten(maak, actoren=actoren, enquete=enquete, blok=5) == [
        "Blok 5 hoort bij het thema Sociale veiligheid, niet bij Overlast; kies een ander blok of geen blok."
    ]
    assert fouten(maak, actoren=actoren, enquete=enquete, blok=25) == [
        "Blok 25 staat niet in de enquête; vink het eerst aan in de enquête-bouwer."
    ]
    assert fouten(maak, actoren=actoren, enquete=enquete, type="kies") == ["Kies de soort vraag."]


def test_refs_per_soort_en_nooit_hergebruikt(actoren, enquete):
    bij_blok = maak(actoren, enquete, blok=24)
    in_thema = maak(actoren, enquete)
    s.thema_eigen_maak(actor=None, enquete=enquete, naam="Drugsafval")
    eigen = maak(actoren, enquete, thema="eigen:Drugsafval")
    assert (bij_blok.ref, in_thema.ref, eigen.ref) == ("b24-3", "t-overlast-1", "eigen-1")
    s.vraag_verwijder(actor=None, vraag=eigen)
    assert maak(actoren, enquete, thema="eigen:Drugsafval").ref == "eigen-2"


def test_ref_na_import_zonder_teller(actoren, leeg):
    """A survey from a dossier has refs but no counter: the next number follows the refs present."""
    Vraag.objects.create(enquete=leeg, ref="eigen-7", thema="overlast", tekst="x", type="open")
    assert maak(actoren, leeg).ref == "t-overlast-1"
    s.thema_eigen_maak(actor=None, enquete=leeg, naam="Haven")
    assert maak(actoren, leeg, thema="eigen:Haven").ref == "eigen-8"


def test_vraag_wijzig_houdt_ref_en_verhuist(actoren, enquete):
    vraag = enquete.vragen.get(ref="b05-2")
    s.vraag_wijzig(actor=None, vraag=vraag, thema="overlast", blok=None, tekst="Nieuw?", type="open", opties=[])
    vraag.refresh_from_db()
    assert (vraag.ref, vraag.thema, vraag.blok, vraag.tekst) == ("b05-2", "overlast", None, "Nieuw?")
    # Overlast's blocks come first, its questions without a block after them.
    overlast = next(t for t in vragen_per_thema(enquete) if t.sleutel == "overlast")
    assert overlast.vragen[-1] == vraag


def test_vraag_verplaats_binnen_het_blok(actoren, enquete):
    _eerste, tweede = enquete.vragen.filter(blok=5).order_by("volgorde")
    assert s.vraag_verplaats(actor=None, vraag=tweede, richting="omhoog") is True
    assert list(enquete.vragen.filter(blok=5).order_by("volgorde").values_list("ref", flat=True)) == [
        "b05-2",
        "b05-1",
    ]
    tweede.refresh_from_db()
    assert s.vraag_verplaats(actor=None, vraag=tweede, richting="omhoog") is False  # already first
    assert fouten(s.vraag_verplaats, actor=None, vraag=tweede, richting="opzij") == ["Kies omhoog of omlaag."]
    assert list(enquete.vragen.order_by("volgorde").values_list("volgorde", flat=True)) == list(
        range(1, enquete.vragen.count() + 1)
    )


def test_vraag_verwijderen_laat_het_blok_aangevinkt_maar_het_telt_niet(actoren, enquete):
    for vraag in enquete.vragen.filter(blok=38):
        s.vraag_verwijder(actor=None, vraag=vraag)
    enquete.refresh_from_db()
    assert 38 in enquete.blokken
    dekking = dekking_van(enquete)
    calamiteit = next(d for d in dekking.themas if d.thema.sleutel == "calamiteit")
    assert calamiteit.aantal == 0 and not dekking.minimum_voldaan


# --- own themes ---------------------------------------------------------------------------


def test_eigen_thema(actoren, enquete):
    assert s.thema_eigen_maak(actor=None, enquete=enquete, naam="  Drugs   afval ") == "eigen:Drugs afval"
    assert enquete.eigen_themas == ["Drugs afval"]
    assert fouten(s.thema_eigen_maak, actor=None, enquete=enquete, naam="drugs AFVAL") == [
        'Er is al een eigen thema "drugs AFVAL"; kies een andere naam.'
    ]
    assert fouten(s.thema_eigen_maak, actor=None, enquete=enquete, naam="overlast") == [
        '"overlast" is al een thema van het handboek; voeg uw vragen daar toe of kies een andere naam.'
    ]
    assert fouten(s.thema_eigen_maak, actor=None, enquete=enquete, naam=" ") == ["Geef het thema een naam."]
    maak(actoren, enquete, thema="eigen:Drugs afval")
    assert vragen_per_thema(enquete)[-1].sleutel == "eigen:Drugs afval"  # own themes last
    assert s.thema_eigen_verwijder(actor=None, enquete=enquete, naam="Drugs afval") == 1
    assert enquete.eigen_themas == [] and not enquete.vragen.filter(thema__startswith="eigen:").exists()


def test_vragen_per_thema_in_de_volgorde_van_de_catalogus(actoren, enquete):
    maak(actoren, enquete, thema="gebiedsontwikkelingen")
    sleutels = [t.sleutel for t in vragen_per_thema(enquete)]
    assert sleutels == [t for t in catalogus.THEMAS if t != "duurzaamheid"]


def test_bouwer_toont_alle_themas_en_blokken(actoren, enquete):
    s.thema_eigen_maak(actor=None, enquete=enquete, naam="Haven")
    themas, dekking = bouwer(enquete)
    assert dekking.minimum_voldaan
    assert [t.sleutel for t in themas] == [*catalogus.THEMAS, "eigen:Haven"]
    assert sum(len(t.blokken) for t in themas) == 44
    blok5 = next(b for b in themas[1].blokken if b.nummer == 5)
    assert blok5.aan and len(blok5.vragen) == 2 and not blok5.aangepast
    assert themas[-1].anker == "thema-eigen-1" and themas[-1].overige == []
    assert enquete_van(actoren.cyclus) == enquete


# --- frozen once sent ---------------------------------------------------------------------


def test_verstuurde_enquete_is_bevroren(actoren, enquete):
    vraag = enquete.vragen.first()
    s.thema_eigen_maak(actor=None, enquete=enquete, naam="Haven")
    Enquete.objects.filter(pk=enquete.pk).update(geopend_op=dt.date(2025, 3, 1))
    # The services read the survey again, so a stale instance cannot slip through.
    pogingen = [
        (s.enquete_blok_zet, {"enquete": enquete, "blok": 4, "aan": True}),
        (s.enquete_blok_zet, {"enquete": enquete, "blok": 5, "aan": False}),
        (s.enquete_instellingen_wijzig, {"enquete": enquete, "titel": "x", "inleiding": ""}),
        (s.vraag_maak, {"enquete": enquete, "thema": "overlast", "tekst": "x", "type": "open"}),
        (s.vraag_wijzig, {"vraag": vraag, "thema": vraag.thema, "tekst": "x", "type": "open", "blok": vraag.blok}),
        (s.vraag_verwijder, {"vraag": vraag}),
        (s.vraag_verplaats, {"vraag": vraag, "richting": "omlaag"}),
        (s.thema_eigen_maak, {"enquete": enquete, "naam": "Nieuw"}),
        (s.thema_eigen_verwijder, {"enquete": enquete, "naam": "Haven"}),
    ]
    aantal = enquete.vragen.count()
    for functie, kwargs in pogingen:
        assert fouten(functie, actor=None, **kwargs) == [s.BEVROREN], functie.__name__
    enquete.refresh_from_db()
    assert enquete.vragen.count() == aantal and 4 not in enquete.blokken and enquete.eigen_themas == ["Haven"]
