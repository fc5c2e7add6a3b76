"""Inspections: the five schouw.* checks at their boundaries, photos (EXIF location kept, metadata
gone, non-images refused), pages (roles, tenancy, bounded queries), the report PDF, the dossier."""

import copy
import datetime as dt
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from analyse.fotos import verwerk
from analyse.models import Schouwpunt
from kvo.dossier.services import dossier_als_zip, dossier_exporteer, dossier_importeer
from kvo.toets import Status
from tests.analyse.factories import SchouwFactory, SchouwpuntFactory
from tests.factories import PartijFactory
from tests.pdf_archief import controleer_archief_pdf

SLUG = "de-hoek"


def url(naam, **kwargs):
    return reverse(f"analyse:{naam}", kwargs={"werkgroep": SLUG, **kwargs})


def jpeg(*, gps: bool = True, breedte: int = 2400, hoogte: int = 1800) -> bytes:
    beeld = Image.new("RGB", (breedte, hoogte), (90, 120, 160))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make: must not survive
    if gps:
        exif[0x8825] = {1: "N", 2: (52.0, 58.0, 30.0), 3: "E", 4: (6.0, 0.0, 36.0)}
    uit = io.BytesIO()
    beeld.save(uit, "JPEG", exif=exif)
    return uit.getvalue()


def upload(inhoud: bytes, naam="IMG_0001.jpg"):
    return SimpleUploadedFile(naam, inhoud, content_type="image/jpeg")


# --- photos ---------------------------------------------------------------------------------


def test_foto_locatie_bewaard_metadata_weg_en_verkleind():
    foto = verwerk(upload(jpeg()))
    assert foto.lat == pytest.approx(52.975, abs=1e-4) and foto.lon == pytest.approx(6.01, abs=1e-4)
    beeld = Image.open(io.BytesIO(foto.inhoud))
    assert beeld.format == "JPEG" and max(beeld.size) == 1600
    assert not beeld.getexif() and "exif" not in beeld.info and b"PhoneMaker" not in foto.inhoud


def test_geen_foto_wordt_geweigerd_op_inhoud_niet_op_naam():
    with pytest.raises(Exception, match="geen foto die we kunnen lezen"):
        verwerk(upload(b"%PDF-1.7 not an image", naam="foto.jpg"))
    assert verwerk(upload(jpeg(gps=False), naam="foto.pdf")).lat is None


# --- checks ---------------------------------------------------------------------------------


def positieve(schouw, n, **kwargs):
    for _ in range(n):
        SchouwpuntFactory(
            schouw=schouw, positief=True, foto="x.jpg", waarom_tevreden="Schoon", wat_nodig_was="Afspraken", **kwargs
        )


@pytest.fixture
def jaar1(actoren):
    """Year 1 of the actors' cycle: 15-01-2025 to 14-01-2026; checked after it ended."""
    return actoren.cyclus


def test_positief_4_tegen_5_per_jaar(actoren, jaar1, toets):
    dag = SchouwFactory(cyclus=jaar1, soort="dag", datum=dt.date(2025, 3, 1))
    avond = SchouwFactory(cyclus=jaar1, soort="avond", datum=dt.date(2025, 3, 20))
    positieve(dag, 2)
    positieve(avond, 2)
    SchouwpuntFactory(schouw=avond, positief=True, foto="", waarom_tevreden="x", wat_nodig_was="y")  # no photo
    na_jaar1 = dt.date(2026, 1, 20)
    assert toets(actoren.werkgroep, "schouw.positief", na_jaar1).status == Status.NIET_VOLDAAN
    positieve(avond, 1)
    assert toets(actoren.werkgroep, "schouw.positief", na_jaar1).status == Status.VOLDAAN


def test_dag_en_avond(actoren, jaar1, toets):
    SchouwFactory(cyclus=jaar1, soort="dag", datum=dt.date(2025, 3, 1))
    assert toets(actoren.werkgroep, "schouw.dag-en-avond", dt.date(2025, 6, 1)).status == Status.OPEN
    uitkomst = toets(actoren.werkgroep, "schouw.dag-en-avond", dt.date(2026, 1, 15))  # year 1 just completed
    assert uitkomst.status == Status.NIET_VOLDAAN and "jaar 1" in uitkomst.toelichting
    SchouwFactory(cyclus=jaar1, soort="avond", datum=dt.date(2026, 1, 14))  # its last day
    # eisen.md's yearly rule: the completed year decides; the running year 2 is a to-do, not "open"
    uitkomst = toets(actoren.werkgroep, "schouw.dag-en-avond", dt.date(2026, 1, 15))
    assert uitkomst.status == Status.VOLDAAN and "Nog te doen in jaar 2" in uitkomst.toelichting


def test_deelname_een_kleinere_groep_per_jaar(actoren, jaar1, toets):
    SchouwFactory(cyclus=jaar1, soort="dag", datum=dt.date(2025, 3, 1), groep="kleine-groep")
    assert toets(actoren.werkgroep, "schouw.deelname", dt.date(2025, 6, 1)).status == Status.VOLDAAN
    SchouwFactory(cyclus=jaar1, soort="avond", datum=dt.date(2025, 3, 9), groep="individueel")
    assert toets(actoren.werkgroep, "schouw.deelname", dt.date(2025, 6, 1)).status == Status.NIET_VOLDAAN


def test_verbeterpunt_zonder_foto_of_wie(actoren, jaar1, toets):
    schouw = SchouwFactory(cyclus=jaar1, datum=dt.date(2025, 3, 1))
    partij = PartijFactory(werkgroep=actoren.werkgroep)
    punt = SchouwpuntFactory(schouw=schouw, foto="", actie="Repareren", wie=partij, gereed_voor=dt.date(2025, 4, 1))
    uitkomst = toets(actoren.werkgroep, "schouw.punten", dt.date(2025, 6, 1))
    assert uitkomst.status == Status.NIET_VOLDAAN and f"punt {punt.nummer}: foto" in uitkomst.toelichting
    Schouwpunt.objects.filter(pk=punt.pk).update(foto="f.jpg")
    assert toets(actoren.werkgroep, "schouw.punten", dt.date(2025, 6, 1)).status == Status.VOLDAAN


def test_rapport_heeft_aanwezigen(actoren, jaar1, toets):
    assert toets(actoren.werkgroep, "schouw.rapport", dt.date(2025, 6, 1)).status == Status.OPEN
    schouw = SchouwFactory(cyclus=jaar1, datum=dt.date(2025, 3, 1))
    assert toets(actoren.werkgroep, "schouw.rapport", dt.date(2025, 6, 1)).status == Status.NIET_VOLDAAN
    schouw.aanwezigen.add(actoren.werkgroep.leden.first())
    assert toets(actoren.werkgroep, "schouw.rapport", dt.date(2025, 6, 1)).status == Status.VOLDAAN


# --- pages ----------------------------------------------------------------------------------


def test_lid_legt_schouw_en_punt_met_foto_vast(actoren, als):
    client = als(actoren.lid)
    lid = actoren.werkgroep.leden.first()
    response = client.post(
        url("schouw_nieuw"), {"soort": "avond", "datum": "2025-03-19", "groep": "voltallig", "aanwezigen": [lid.pk]}
    )
    assert response.status_code == 302
    schouw = actoren.werkgroep.schouwen.get()
    assert schouw.ref == "s-avond-2025-03-19"
    partij = actoren.werkgroep.partijen.first()
    fout = client.post(url("punt_nieuw", pk=schouw.pk), {"positief": "0", "bevinding": "Lamp kapot"})
    assert (
        fout.status_code == 422
        and "Schrijf op wat er moet gebeuren" in fout.text
        and "Maak of kies een foto" in fout.text
    )
    gegevens = {
        "positief": "0",
        "bevinding": "Lamp kapot",
        "actie": "Lamp vervangen",
        "wie": partij.pk,
        "gereed_voor": "2025-04-30",
        "foto": upload(jpeg()),
    }
    assert client.post(url("punt_nieuw", pk=schouw.pk), gegevens).status_code == 302
    gegevens["foto"] = upload(jpeg(gps=False))
    client.post(url("punt_nieuw", pk=schouw.pk), gegevens)
    punten = list(schouw.punten.order_by("nummer"))
    assert [p.nummer for p in punten] == [1, 2]
    assert punten[0].lat == pytest.approx(52.975, abs=1e-4) and punten[1].lat is None
    foto = client.get(url("punt_foto", pk=punten[0].pk))
    assert foto.status_code == 200 and foto["Content-Type"] == "image/jpeg"
    assert b"PhoneMaker" not in b"".join(foto.streaming_content)
    assert "secrets" not in punten[0].foto.name and len(punten[0].foto.name.rsplit("/", 1)[1]) == 36


def test_agendalid_leest_alleen(actoren, als):
    schouw = SchouwFactory(cyclus=actoren.cyclus)
    client = als(actoren.agendalid)
    assert client.get(url("schouwen")).status_code == 200
    assert client.get(url("schouw", pk=schouw.pk)).status_code == 200
    assert client.get(url("punt_nieuw", pk=schouw.pk)).status_code == 403
    assert client.get(url("schouw_nieuw")).status_code == 403


def test_andere_werkgroep_krijgt_404_ook_voor_de_foto(actoren, als):
    schouw = SchouwFactory(cyclus=actoren.cyclus)
    punt = SchouwpuntFactory(schouw=schouw, foto="analyse/1/schouw/1/x.jpg")
    client = als(actoren.vreemde)
    for naam, pk in [("schouw", schouw.pk), ("punt_foto", punt.pk), ("punt_wijzig", punt.pk)]:
        assert client.get(url(naam, pk=pk)).status_code == 404
    anders = reverse("analyse:punt_foto", kwargs={"werkgroep": "andere-kant", "pk": punt.pk})
    assert client.get(anders).status_code == 404


@pytest.mark.parametrize("aantal", [1, 20])
def test_queries_lijst_en_rapport_groeien_niet_mee(actoren, als, aantal, django_assert_max_num_queries):
    schouw = SchouwFactory(cyclus=actoren.cyclus)
    schouw.aanwezigen.add(*actoren.werkgroep.leden.all())
    for _ in range(aantal):
        SchouwpuntFactory(schouw=schouw)
    client = als(actoren.lid)
    for naam in ("schouwen", "schouwrapport"):
        with django_assert_max_num_queries(24):
            assert client.get(url(naam)).status_code == 200
    with django_assert_max_num_queries(24):
        assert client.get(url("schouw", pk=schouw.pk)).status_code == 200


def test_rapport_pdf_met_fotos(actoren, als):
    client = als(actoren.lid)
    schouw = SchouwFactory(cyclus=actoren.cyclus)
    schouw.aanwezigen.add(actoren.werkgroep.leden.first())
    client.post(
        url("punt_nieuw", pk=schouw.pk),
        {"positief": "1", "bevinding": "Schoon", "waarom_tevreden": "Netjes", "wat_nodig_was": "Veegactie",
         "foto": upload(jpeg())},
    )  # fmt: skip
    pdf = client.get(url("schouwrapport_pdf"))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF") and b"/Image" in pdf.content
    controleer_archief_pdf(pdf.content, titel="Schouwrapport")  # issue 24: tagged, titled, Dutch, PDF/A


# --- dossier --------------------------------------------------------------------------------


def test_dossier_met_fotos_rond(actoren, als):
    from tests.factories import BedrijventerreinFactory

    BedrijventerreinFactory(werkgroep=actoren.werkgroep, ref="hoek")
    client = als(actoren.lid)
    lid = actoren.werkgroep.leden.first()
    client.post(
        url("schouw_nieuw"), {"soort": "dag", "datum": "2025-03-01", "groep": "voltallig", "aanwezigen": [lid.pk]}
    )
    schouw = actoren.werkgroep.schouwen.get()
    client.post(
        url("punt_nieuw", pk=schouw.pk),
        {"positief": "1", "bevinding": "Schoon", "waarom_tevreden": "Netjes", "wat_nodig_was": "Veegactie",
         "foto": upload(jpeg())},
    )  # fmt: skip
    uit = dossier_exporteer(werkgroep=actoren.werkgroep)
    punt = uit["cycli"][0]["schouwen"][0]["punten"][0]
    assert punt["foto"] == "schouw/s-dag-2025-03-01/01.jpg" and punt["lat"] == pytest.approx(52.975, abs=1e-4)
    with zipfile.ZipFile(io.BytesIO(dossier_als_zip(werkgroep=actoren.werkgroep))) as zf:
        bestanden = {n: zf.read(n) for n in zf.namelist() if n.startswith("media/")}
    assert "media/schouw/s-dag-2025-03-01/01.jpg" in bestanden
    kopie = copy.deepcopy(uit)
    kopie["werkgroep"]["slug"] = "kopie"
    for lid_ in kopie.get("leden", []):
        lid_.pop("email", None)
    nieuw = dossier_importeer(actor=None, dossier=copy.deepcopy(kopie), bestanden=bestanden)
    terug = dossier_exporteer(werkgroep=nieuw)
    assert terug["cycli"] == kopie["cycli"]
    assert (
        Schouwpunt.objects.get(schouw__werkgroep=nieuw).foto.read() == bestanden["media/schouw/s-dag-2025-03-01/01.jpg"]
    )


def test_dossier_zonder_foto_bestand_geweigerd(actoren, als):
    from kvo.dossier import DossierFout
    from tests.dossier.conftest import MINI

    dossier = copy.deepcopy(MINI)
    dossier["cycli"][0]["schouwen"] = [
        {"ref": "s1", "soort": "dag", "datum": "2025-03-01", "aanwezigen": ["zz"],
         "punten": [{"ref": "p1", "nummer": 1, "positief": True, "foto": "schouw/s1/01.jpg", "wie": "qq"}]}
    ]  # fmt: skip
    with pytest.raises(DossierFout) as fout:
        dossier_importeer(actor=None, dossier=dossier)
    problemen = "\n".join(fout.value.problemen)
    assert 'cycli[0].schouwen[0].aanwezigen[0]: onbekend lid "zz"' in problemen
    assert 'cycli[0].schouwen[0].punten[0].wie: onbekende partij "qq"' in problemen
    assert 'bestand "media/schouw/s1/01.jpg" ontbreekt' in problemen


def test_tijdlijn_toont_de_eerste_schouw_van_elke_soort_en_noemt_de_latere(actoren):
    from analyse.tijdlijn import analyse

    cyclus = actoren.cyclus
    for soort, datum in [("dag", dt.date(2026, 3, 10)), ("dag", dt.date(2025, 3, 11)), ("avond", dt.date(2025, 3, 19))]:
        SchouwFactory(cyclus=cyclus, soort=soort, datum=datum)
    mijlpalen = {m.naam: m for m in analyse(actoren.werkgroep, cyclus, dt.date(2026, 4, 1))}
    assert mijlpalen["Dagschouw"].datum == dt.date(2025, 3, 11)  # the analysis, before its conclusion
    assert mijlpalen["Dagschouw"].toelichting == "Schouw van het gebied (§4.1.3); daarna nog 1, laatst 10-03-2026"
    assert mijlpalen["Avondschouw"].datum == dt.date(2025, 3, 19)
    assert mijlpalen["Avondschouw"].toelichting == "Schouw van het gebied (§4.1.3)"
