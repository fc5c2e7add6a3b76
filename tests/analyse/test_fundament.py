"""The foundation every part of the analysis builds on: the catalogue, answers, tokens, the response service."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from analyse import catalogus
from analyse.antwoorden import controleer, waarde_uit_formulier
from analyse.models import EnqueteConcept, EnqueteLink, Reactie
from analyse.services.reacties import AL_BEANTWOORD, GESLOTEN, reactie_dien_in
from analyse.tokens import hash_van, nieuwe_link, uitnodiging_van_token
from tests.analyse.factories import EnqueteFactory, EnqueteUitnodigingFactory, VraagFactory


def test_catalogus_44_blokken_12_themas_20_plus_3():
    assert sorted(catalogus.BLOKKEN) == list(range(1, 45))
    assert len(catalogus.THEMAS) == 12
    assert len(catalogus.VERPLICHTE_THEMAS) == 10
    assert sum(t.minimum for t in catalogus.VERPLICHTE_THEMAS) == catalogus.MINIMUM_TOTAAL == 20
    assert catalogus.OPEN_BLOKKEN == (16, 23, 33)
    assert 16 not in catalogus.THEMAS["fysieke-veiligheid"].telbare_blokken


def test_dekking_telt_open_vragen_niet_mee():
    fysiek = next(d for d in catalogus.dekking([10, 11, 16]) if d.thema.sleutel == "fysieke-veiligheid")
    assert fysiek.aantal == 2 and fysiek.tekort == 1 and not fysiek.voldaan
    assert catalogus.ontbrekende_open_vragen([16, 33]) == [23]


@pytest.mark.parametrize(
    "type,ruw,verwacht",
    [
        ("schaal", ["4"], 4),
        ("ja-nee", ["nee"], False),
        ("getal", ["3,5"], 3.5),
        ("getal", ["12"], 12),
        ("meerkeuze", ["b", "a"], ["a", "b"]),
        ("open", ["  Meer licht graag  "], "Meer licht graag"),
    ],
)
def test_waarde_uit_formulier(db, type, ruw, verwacht):
    vraag = VraagFactory(type=type, opties=["a", "b", "c"])
    assert waarde_uit_formulier(vraag, ruw) == (verwacht, None)
    assert controleer(vraag, verwacht)


@pytest.mark.parametrize(
    "type,ruw", [("schaal", ["6"]), ("keuze", ["x"]), ("getal", ["1e99"]), ("getal", ["twaalf"]), ("ja-nee", ["?"])]
)
def test_ongeldige_waarden_geven_een_nederlandse_melding(db, type, ruw):
    waarde, fout = waarde_uit_formulier(VraagFactory(type=type, opties=["a"]), ruw)
    assert waarde is None and fout


def test_token_alleen_als_hash(db):
    uitnodiging = EnqueteUitnodigingFactory()
    token = nieuwe_link(uitnodiging)
    assert len(token) >= 43  # 256 bits, URL-safe base64
    assert EnqueteLink.objects.get().token_hash == hash_van(token) != token
    assert uitnodiging_van_token(token) == uitnodiging
    assert uitnodiging_van_token(token + "x") is None


def test_reactie_eenmaal_en_anoniem(db):
    enquete = EnqueteFactory(geopend_op=dt.date(2025, 3, 1))
    vraag = VraagFactory(enquete=enquete, type="ja-nee")
    uitnodiging = EnqueteUitnodigingFactory(enquete=enquete)
    EnqueteConcept.objects.create(uitnodiging=uitnodiging, antwoorden={vraag.ref: True})
    reactie_dien_in(uitnodiging=uitnodiging, antwoorden={vraag.ref: True})
    reactie = Reactie.objects.get()
    assert reactie.terrein_id == uitnodiging.ondernemer.terrein_id
    assert reactie.antwoorden == {vraag.ref: True}
    assert not EnqueteConcept.objects.exists()
    with pytest.raises(ValidationError) as fout:
        reactie_dien_in(uitnodiging=uitnodiging, antwoorden={vraag.ref: False})
    assert AL_BEANTWOORD in fout.value.messages
    assert Reactie.objects.count() == 1


def test_gesloten_enquete_weigert(db):
    enquete = EnqueteFactory(geopend_op=dt.date(2025, 3, 1), gesloten_op=dt.date(2025, 4, 1))
    with pytest.raises(ValidationError) as fout:
        reactie_dien_in(uitnodiging=EnqueteUitnodigingFactory(enquete=enquete), antwoorden={})
    assert GESLOTEN in fout.value.messages
