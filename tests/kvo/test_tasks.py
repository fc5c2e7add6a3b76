"""Tasks, run eagerly with a frozen clock."""

import datetime as dt

import time_machine
from django.utils import timezone

from audits.models import AuditorToegang
from audits.services import auditor_geef_toegang
from audits.tasks import auditor_toegang_trek_verlopen_in
from kvo.tasks import alle_toetsen_bijwerken, werkgroep_toets_bijwerken
from kvo.tenancy import toegang_voor


def test_toets_snapshot(actoren):
    stand = werkgroep_toets_bijwerken.delay(werkgroep_id=actoren.werkgroep.pk).get()
    actoren.werkgroep.refresh_from_db()
    assert actoren.werkgroep.toets_stand == stand
    assert stand["totaal"] == 54
    assert sum(stand[s] for s in ("voldaan", "niet_voldaan", "nvt", "open")) == 54
    assert actoren.werkgroep.toets_berekend_op is not None


def test_alle_toetsen(actoren):
    assert alle_toetsen_bijwerken.delay().get() == 2
    actoren.anderewerkgroep.refresh_from_db()
    assert actoren.anderewerkgroep.toets_stand["totaal"] == 54


def test_auditortoegang_verloopt_en_wordt_ingetrokken(actoren):
    with time_machine.travel(dt.datetime(2026, 5, 1, 10, 0, tzinfo=dt.UTC), tick=False):
        toegang = auditor_geef_toegang(
            actor=actoren.voorzitter, audit=actoren.audit, email="Nieuwe.Auditor@ci.example", dagen=14
        )
        auditor = toegang.user
        assert auditor.email == "nieuwe.auditor@ci.example"
        assert auditor.has_perm("audits.view_audit", actoren.audit)
        assert toegang_voor(auditor, actoren.werkgroep).audit_ids == {actoren.audit.pk}
    # 13 days later: still valid, nothing withdrawn.
    with time_machine.travel(dt.datetime(2026, 5, 14, 10, 0, tzinfo=dt.UTC), tick=False):
        AuditorToegang.objects.exclude(pk=toegang.pk).delete()
        assert auditor_toegang_trek_verlopen_in.delay().get() == 0
        assert toegang_voor(auditor, actoren.werkgroep)
    # 14 days later: expired, the beat job withdraws the guardian grant.
    with time_machine.travel(dt.datetime(2026, 5, 15, 10, 0, 1, tzinfo=dt.UTC), tick=False):
        assert not toegang_voor(auditor, actoren.werkgroep)
        assert auditor_toegang_trek_verlopen_in.delay().get() == 1
        toegang.refresh_from_db()
        assert toegang.ingetrokken_op == timezone.now()
        auditor = type(auditor).objects.get(pk=auditor.pk)  # fresh permission cache
        assert not auditor.has_perm("audits.view_audit", actoren.audit)
    acties = list(actoren.werkgroep.logregels.order_by("pk").values_list("actie", flat=True))
    assert acties == ["auditor.toegang", "auditor.verlopen"]
