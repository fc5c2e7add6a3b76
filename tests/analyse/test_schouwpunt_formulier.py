"""The inspection point form on the walk: a photo taken survives a validation error (kept cleaned in
the member's own session, shown as a preview, used on the next post), every error shows at once
(the form's and the kind of point's), and fields required by the kind of point are marked."""

import re

import pytest
from PIL import Image

from tests.analyse.factories import SchouwFactory
from tests.analyse.test_schouw import jpeg, upload, url


@pytest.fixture
def schouw(actoren):
    return SchouwFactory(cyclus=actoren.cyclus)


def test_foto_blijft_bewaard_na_een_fout_en_wordt_dan_opgeslagen(actoren, als, schouw):
    client = als(actoren.lid)
    partij = actoren.werkgroep.partijen.first()
    fout = client.post(url("punt_nieuw", pk=schouw.pk), {"positief": "0", "bevinding": "", "foto": upload(jpeg())})
    assert fout.status_code == 422
    token = re.search(r'name="foto_bewaard" value="([^"]+)"', fout.text).group(1)
    assert 'src="data:image/jpeg;base64,' in fout.text and "Uw foto is bewaard" in fout.text
    # every error at once: the required finding, and what a verbeterpunt needs
    for tekst in ("Schrijf op wat er moet gebeuren", "Kies wie het uitvoert", "Vul in wanneer het klaar moet zijn"):
        assert tekst in fout.text
    assert "Maak of kies een foto" not in fout.text
    assert len(re.findall(r'class="foutmelding"', fout.text)) >= 4

    goed = client.post(
        url("punt_nieuw", pk=schouw.pk),
        {
            "positief": "0",
            "bevinding": "Lamp kapot",
            "actie": "Lamp vervangen",
            "wie": partij.pk,
            "gereed_voor": "2025-04-30",
            "foto_bewaard": token,
        },
    )
    assert goed.status_code == 302
    punt = schouw.punten.get()
    assert punt.foto and punt.lat == pytest.approx(52.975, abs=1e-4)  # the location came along
    with punt.foto.open("rb") as f, Image.open(f) as beeld:
        assert max(beeld.size) == 1600 and not beeld.getexif()
    assert "kvo_schouwfoto" not in client.session


def test_een_bewaarde_foto_is_alleen_van_wie_hem_koos(actoren, als, schouw):
    eerste = als(actoren.lid)
    fout = eerste.post(url("punt_nieuw", pk=schouw.pk), {"positief": "0", "foto": upload(jpeg())})
    token = re.search(r'name="foto_bewaard" value="([^"]+)"', fout.text).group(1)
    from django.test import Client

    ander = Client()
    ander.force_login(actoren.voorzitter)
    antwoord = ander.post(
        url("punt_nieuw", pk=schouw.pk), {"positief": "1", "bevinding": "Mooi", "foto_bewaard": token}
    )
    assert antwoord.status_code == 422 and "Maak of kies een foto" in antwoord.text
    assert not schouw.punten.exists()


def test_verplichte_velden_per_soort_punt_staan_bij_het_label(actoren, als, schouw):
    tekst = als(actoren.lid).get(url("punt_nieuw", pk=schouw.pk)).text
    assert tekst.count("(verplicht bij een verbeterpunt)") == 3
    assert tekst.count("(verplicht bij een positief punt)") == 2
    assert re.search(r"Foto <span[^>]*>\(verplicht\)", tekst)
