"""One auditor grant: two halves, written and withdrawn together, asked about in one place.

The grant is a django-guardian object permission ``audits.view_audit`` and an ``AuditorToegang`` row
with a time limit. ``auditor_geef_toegang`` writes both, ``auditor_trek_toegang_in`` (by hand) and
``auditor_trek_verlopen_toegangen_in`` (the beat job) withdraw both, each in one transaction. Whether the
auditor may see the audit now is answered by ``audits.toegang`` for every auditor page, the
certificate portal and the tenancy middleware alike: withdraw one half behind the service's back
and all of them refuse.
"""

import datetime as dt

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from guardian.models import UserObjectPermission
from guardian.shortcuts import get_perms

from audits.models import AuditorToegang
from audits.services import auditor_geef_toegang, auditor_trek_toegang_in
from audits.tasks import auditor_toegang_trek_verlopen_in
from audits.toegang import geldige_audit
from kvo.permissions import Toegangsrol
from kvo.tenancy import toegang_voor


def _pagina_s(audit) -> list[str]:
    return [
        reverse("portaal:overzicht"),
        reverse("portaal:audit", kwargs={"audit_id": audit.pk}),
        reverse("portaal:certificaat", kwargs={"audit_id": audit.pk}),
    ]


def _ziet(client, user, audit) -> dict[str, object]:
    """What each place that asks says: the selector, the middleware's roles, and the auditor's pages."""
    return {
        "selector": geldige_audit(user, audit.pk) is not None,
        "middleware": Toegangsrol.AUDITOR in toegang_voor(user, audit.werkgroep).rollen,
        **{url: client.get(url).status_code for url in _pagina_s(audit)},
    }


def test_de_dienst_geeft_en_neemt_beide_helften(actoren, als):
    audit = actoren.audit
    toegang = auditor_geef_toegang(actor=actoren.voorzitter, audit=audit, email="Nieuw@Example.org", dagen=5)
    user = toegang.user
    assert "view_audit" in get_perms(user, audit)
    assert set(_ziet(als(user), user, audit).values()) == {True, 200}

    auditor_trek_toegang_in(actor=actoren.voorzitter, toegang=toegang)
    assert "view_audit" not in get_perms(user, audit)
    toegang.refresh_from_db()
    assert toegang.ingetrokken_op is not None
    assert set(_ziet(als(user), user, audit).values()) == {False, 404}


def test_geven_is_een_transactie(actoren, monkeypatch):
    """A grant whose row cannot be written leaves no guardian permission behind."""
    import audits.services

    def kapot(**kwargs):
        raise RuntimeError("schijf vol")

    monkeypatch.setattr(audits.services.AuditorToegang.objects, "create", kapot)
    with pytest.raises(RuntimeError), transaction.atomic():
        auditor_geef_toegang(actor=actoren.voorzitter, audit=actoren.audit, email="half@example.org")
    assert not UserObjectPermission.objects.filter(user__email="half@example.org").exists()


def test_de_beat_job_trekt_beide_helften_in(actoren, als):
    audit, auditor = actoren.audit, actoren.auditor
    AuditorToegang.objects.filter(user=auditor).update(geldig_tot=timezone.now() - dt.timedelta(seconds=1))
    assert auditor_toegang_trek_verlopen_in.apply().get() == 1
    assert "view_audit" not in get_perms(auditor, audit)
    assert AuditorToegang.objects.get(user=auditor).ingetrokken_op is not None


@pytest.mark.parametrize("helft", ["guardian", "rij_verlopen", "rij_ingetrokken"])
def test_een_helft_achter_de_dienst_om_weg_en_overal_geweigerd(actoren, als, helft):
    audit, auditor = actoren.audit, actoren.auditor
    client = als(auditor)
    assert set(_ziet(client, auditor, audit).values()) == {True, 200}  # both halves: in
    if helft == "guardian":  # only the object permission goes; the row still says "valid for 30 days"
        UserObjectPermission.objects.filter(user=auditor).delete()
    elif helft == "rij_verlopen":  # only the row expires; guardian still holds the permission
        AuditorToegang.objects.filter(user=auditor).update(geldig_tot=timezone.now() - dt.timedelta(seconds=1))
        assert "view_audit" in get_perms(auditor, audit)
    else:
        AuditorToegang.objects.filter(user=auditor).update(ingetrokken_op=timezone.now())
    gezien = _ziet(client, auditor, audit)
    assert gezien == {"selector": False, "middleware": False, **dict.fromkeys(_pagina_s(audit), 404)}
