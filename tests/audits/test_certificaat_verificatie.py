"""The public verification page ``/certificaat/<id>/`` (issue 22): no login; number, group, area, valid
until and status, nothing else; a withdrawn certificate says so; unknown ids are 404; ids carry at
least 128 random bits; rate-limited like the survey; not indexed."""

import datetime as dt
import re
import secrets

import pytest
from django.test import Client
from django.urls import reverse

from audits.models import Certificaat
from audits.models.certificaat import nieuw_publiek_id
from tests.audits.certificaat_hulp import klaar_voor_certificaat, uitgifte
from tests.factories import CertificaatFactory
from werkgroepen.models import Lid


@pytest.fixture
def certificaat(actoren, time_machine):
    audit = klaar_voor_certificaat(actoren, time_machine)
    return CertificaatFactory(
        audit=audit,
        certificatie_instelling=audit.certificatie_instelling,
        nummer="KVO-BT-2026-001",
        uitgegeven_op=dt.date(2026, 12, 15),
        geldig_tot=dt.date(2029, 12, 15),
        naamstelling="KVO De Hoek",
        ondertekenaar=uitgifte()["ondertekenaar"],
    )


def _pagina(c, client=None):
    return (client or Client()).get(reverse("certificaat_verificatie", args=[c.publiek_id]))


def _geheimen(actoren, c) -> list[str]:
    """What the page must never show: members, e-mail addresses, addresses, the signatory."""
    wg = actoren.werkgroep
    leden = list(Lid.objects.filter(werkgroep=wg).values_list("naam", "email"))
    return [
        *(naam for naam, _ in leden if naam),
        *(email for _, email in leden if email),
        *(u.email for u in (actoren.auditor, actoren.secretaris, actoren.voorzitter)),
        wg.adres_straat, wg.adres_postcode, c.audit.ci_straat, c.audit.ci_postcode, c.ondertekenaar,
        wg.convenant_referentie,
    ]  # fmt: skip


def test_geldig_zonder_inloggen_met_alleen_de_vijf_gegevens(actoren, certificaat):
    r = _pagina(certificaat)
    assert r.status_code == 200
    tekst = r.text
    assert "KVO-BT-2026-001" in tekst and "KVO De Hoek" in tekst and "De Hoek" in tekst
    assert "15 december 2029" in tekst
    assert re.search(r'data-testid="status"><strong>Geldig</strong>', tekst)
    for geheim in _geheimen(actoren, certificaat):
        assert geheim not in tekst, geheim
    assert "@" not in tekst
    assert r["X-Robots-Tag"].startswith("noindex")
    assert "no-store" in r["Cache-Control"] or "no-cache" in r["Cache-Control"]
    assert r["Referrer-Policy"] == "no-referrer"


def test_ingetrokken_zegt_ingetrokken_en_lekt_niets(actoren, certificaat):
    certificaat.ingetrokken_op = dt.date(2026, 12, 18)
    certificaat.save()
    tekst = _pagina(certificaat).text
    assert "<strong>Ingetrokken</strong>" in tekst and "is ingetrokken" in tekst and "Geldig</strong>" not in tekst
    for geheim in _geheimen(actoren, certificaat):
        assert geheim not in tekst, geheim
    assert "@" not in tekst


def test_geschorst_en_verlopen(certificaat, time_machine):
    certificaat.geschorst = True
    certificaat.save()
    assert "<strong>Geschorst</strong>" in _pagina(certificaat).text
    certificaat.geschorst = False
    certificaat.save()
    time_machine.move_to(dt.datetime(2029, 12, 15, 12, 0))
    assert "<strong>Verlopen</strong>" in _pagina(certificaat).text


def test_onbekend_id_is_404(certificaat):
    client = Client()
    echt = certificaat.publiek_id
    bijna = echt[:-1] + ("A" if echt[-1] != "A" else "B")
    for publiek_id in (nieuw_publiek_id(), bijna, echt[:-1], str(certificaat.pk), "../../admin"):
        r = client.get(f"/certificaat/{publiek_id}/")
        assert r.status_code == 404, publiek_id
        assert "KVO-BT-2026-001" not in r.text


def test_aangeleverd_certificaat_heeft_geen_verificatiepagina(certificaat):
    Certificaat.objects.filter(pk=certificaat.pk).update(bron=Certificaat.Bron.WERKGROEP)
    assert _pagina(certificaat).status_code == 404


def test_ids_zijn_onraadbaar():
    ids = {nieuw_publiek_id() for _ in range(2000)}
    assert len(ids) == 2000
    for publiek_id in list(ids)[:50]:
        assert re.fullmatch(r"[A-Za-z0-9_-]{43}", publiek_id)  # 43 base64url characters: 256 bits
    # every certificate gets its own, also those made before (the migration fills them)
    field = Certificaat._meta.get_field("publiek_id")
    assert field.unique and field.default is nieuw_publiek_id


def test_rate_limit_per_ip(certificaat, settings):
    settings.RATELIMIT_ENABLE = True
    adres = f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250)}"
    client = Client()
    codes = [
        client.get(reverse("certificaat_verificatie", args=[certificaat.publiek_id]), REMOTE_ADDR=adres).status_code
        for _ in range(61)
    ]
    assert codes[:60] == [200] * 60 and codes[60] == 429
