"""The dossier download (audits:export) and the import page (beheer:import): who may, and what they get."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from audits.models import AuditorToegang
from tests.dossier.conftest import MINI
from tests.factories import BegeleidingsorganisatieFactory, UserFactory, WerkgroepFactory
from werkgroepen.models import Werkgroep

EXPORT = reverse("audits:export", kwargs={"werkgroep": "de-hoek"})
IMPORT = reverse("beheer:import")


@pytest.mark.parametrize(
    ("rol", "status"),
    [
        ("lid", 200),
        ("voorzitter", 200),
        ("secretaris", 200),
        ("begeleider", 200),
        ("staff", 200),
        ("agendalid", 403),
        ("auditor", 403),
        ("vreemde", 404),
    ],
)
@pytest.mark.parametrize("variant", ["", "volledig", "ci"])
def test_export_matrix(actoren, als, rol, status, variant):
    response = als(actoren.user(rol)).get(EXPORT, {"variant": variant} if variant else {})
    assert response.status_code == status
    if status == 200 and variant:
        assert response["Content-Type"] == "application/json"
        assert "attachment" in response["Content-Disposition"]


def test_export_voor_ci_zonder_contactgegevens(actoren, als):
    volledig = json.loads(als(actoren.voorzitter).get(EXPORT, {"variant": "volledig"}).content)
    assert any("email" in lid for lid in volledig["leden"])
    ci = json.loads(als(actoren.voorzitter).get(EXPORT, {"variant": "ci"}).content)
    assert all("email" not in lid and "telefoon" not in lid for lid in ci["leden"])
    assert len(ci["leden"]) == len(volledig["leden"])


def upload(dossier, naam="dossier.json"):
    return SimpleUploadedFile(naam, json.dumps(dossier).encode(), content_type="application/json")


@pytest.mark.parametrize(
    ("rol", "status"),
    [
        ("lid", 403),
        ("voorzitter", 403),
        ("agendalid", 403),
        ("auditor", 403),
        ("vreemde", 403),
        ("begeleider", 200),
        ("staff", 200),
    ],
)
def test_importpagina_toegang(actoren, als, rol, status):
    assert als(actoren.user(rol)).get(IMPORT).status_code == status


def test_import_anoniem_naar_inloggen(client):
    assert client.get(IMPORT).status_code == 302


def test_import_door_begeleider_koppelt_begeleiding(actoren, als):
    response = als(actoren.begeleider).post(IMPORT, {"bestand": upload(MINI)})
    assert response.status_code == 302
    assert response["Location"] == reverse("werkgroepen:home", kwargs={"werkgroep": "de-hoek-import"})
    werkgroep = Werkgroep.objects.get(slug="de-hoek-import")
    assert werkgroep.begeleiding == actoren.werkgroep.begeleiding
    assert als(actoren.begeleider).get(response["Location"]).status_code == 200


def test_import_toont_problemen(actoren, als):
    kapot = json.loads(json.dumps(MINI))
    kapot["leden"][0]["partij"] = "gem2"
    kapot["cycli"][0]["audit"] = {"datum": "2025-06-01", "contactpersoon": "niemand"}
    response = als(actoren.staff).post(IMPORT, {"bestand": upload(kapot)})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Het dossier is niet geïmporteerd" in html
    assert "leden[0].partij: onbekende partij &quot;gem2&quot;" in html
    assert "cycli[0].audit.contactpersoon: onbekend lid &quot;niemand&quot;" in html
    assert not Werkgroep.objects.filter(slug="de-hoek-import").exists()


def test_import_verkeerd_bestandstype(actoren, als):
    """The content decides, not the name: a photo called dossier.json is refused, a dossier called .txt is read."""
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    response = als(actoren.staff).post(IMPORT, {"bestand": SimpleUploadedFile("dossier.json", png)})
    assert "dit is geen dossier (de inhoud telt, niet de naam)" in response.content.decode()
    response = als(actoren.staff).post(IMPORT, {"bestand": SimpleUploadedFile("x.txt", json.dumps(MINI).encode())})
    assert response.status_code == 302
    assert Werkgroep.objects.filter(slug="de-hoek-import").exists()


def test_vervangen_alleen_door_eigen_begeleider_of_staff(actoren, als):
    dossier = json.loads(json.dumps(MINI))
    dossier["werkgroep"]["slug"] = "de-hoek"
    # without "vervangen": refused
    response = als(actoren.begeleider).post(IMPORT, {"bestand": upload(dossier)})
    assert "er bestaat al een werkgroep" in response.content.decode()
    # a facilitator of another organisation may not replace it
    ander = UserFactory(email="andere-begeleider@example.org")
    BegeleidingsorganisatieFactory(naam="Andere Advies").gebruikers.add(ander)
    response = als(ander).post(IMPORT, {"bestand": upload(dossier), "vervangen": "on"})
    # ... and learns neither that it exists nor its name (issue 19, finding 13)
    assert "de korte naam &quot;de-hoek&quot; is niet beschikbaar" in response.content.decode()
    assert Werkgroep.objects.get(slug="de-hoek").naam == "KVO De Hoek"
    # not while an auditor has access: the refusal names the grant
    response = als(actoren.begeleider).post(IMPORT, {"bestand": upload(dossier), "vervangen": "on"})
    assert "auditor auditor@example.org heeft leestoegang" in response.content.decode()
    AuditorToegang.objects.filter(audit=actoren.audit).update(ingetrokken_op=timezone.now())
    # its own facilitator may; the facilitation is kept
    response = als(actoren.begeleider).post(IMPORT, {"bestand": upload(dossier), "vervangen": "on"})
    assert response.status_code == 302
    werkgroep = Werkgroep.objects.get(slug="de-hoek")
    assert werkgroep.naam == "KVO De Hoek" and werkgroep.leden.count() == 1
    assert werkgroep.begeleiding == actoren.werkgroep.begeleiding


def test_vervangen_door_staff(actoren, als):
    WerkgroepFactory(slug="de-hoek-import", naam="Oud")
    response = als(actoren.staff).post(IMPORT, {"bestand": upload(MINI), "vervangen": "on"})
    assert response.status_code == 302
    assert Werkgroep.objects.get(slug="de-hoek-import").naam == "KVO De Hoek"


def test_import_zip(actoren, als):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("dossier.json", json.dumps(MINI))
    bestand = SimpleUploadedFile("dossier.zip", buffer.getvalue(), content_type="application/zip")
    assert als(actoren.staff).post(IMPORT, {"bestand": bestand}).status_code == 302
