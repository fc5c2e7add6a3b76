"""The actors laid down from the snapshot (``tests/momentopname.py``) are what the factories build."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.db import connection, transaction

from audits.models import AuditorToegang
from kvo import versie
from tests import momentopname
from tests.conftest import bouw_actoren
from tests.factories import UserFactory
from werkgroepen.models import Lid, Werkgroep

User = get_user_model()
NU = dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC)


def _inhoud(actoren) -> dict:
    """What the actors are, without ids or the factories' random names: the rows of every table the
    build writes, and what they mean."""
    tabellen = {t.model._meta.label: t.model._base_manager.count() for t in momentopname.opname(bouw_actoren).tabellen}
    leden = Lid.objects.filter(werkgroep__in=[actoren.werkgroep, actoren.anderewerkgroep])
    return {
        "rijen": tabellen,
        "leden": sorted(
            (
                (lid.werkgroep.slug, lid.partij.naam, lid.partij.soort),
                (lid.email, tuple(lid.rollen), lid.agendalid, lid.user.email),
            )
            for lid in leden.select_related("werkgroep", "partij", "user")
        ),
        "gebruikers": sorted(
            (u.email, u.is_staff, u.is_superuser, u.is_active, u.date_joined, u.check_password("geheim-wachtwoord-123"))
            for u in User.objects.all()
        ),
        "begeleiders": sorted(actoren.werkgroep.begeleiding.gebruikers.values_list("email", flat=True)),
        "auditor": [
            (t.user.email, t.audit_id == actoren.audit.pk, t.geldig_tot, t.verleend_op)
            for t in AuditorToegang.objects.all()
        ],
        "mag_audit_zien": sorted(u.email for u in User.objects.all() if u.has_perm("audits.view_audit", actoren.audit)),
        "audit": (actoren.audit.werkgroep.slug, actoren.audit.cyclus.nummer, actoren.audit.datum),
        "werkgroepen": sorted(
            (w.slug, w.naam, w.gestart_op, w.begeleiding.naam if w.begeleiding else None)
            for w in Werkgroep.objects.all()
        ),
        "geschiedenis": sorted((h.naam, h.history_type, h.history_date) for h in Werkgroep.history.all()),
    }


def _in_savepoint(maak):
    with transaction.atomic():
        uit = _inhoud(maak())
        transaction.set_rollback(True)
    return uit


def test_de_opname_geeft_wat_de_fabrieken_geven(db):
    """The same users, memberships, grant, permission and history, with dates and times of the
    test's clock (the grant valid for 30 days from it), as the factories give."""
    opname = momentopname.opname(bouw_actoren)
    assert opname is not None, momentopname._mislukt
    with time_machine.travel(NU, tick=False):
        uit_opname = _in_savepoint(lambda: momentopname.neerleggen(opname))
        uit_fabrieken = _in_savepoint(bouw_actoren)
    assert uit_opname == uit_fabrieken
    assert uit_opname["auditor"] == [("auditor@example.org", True, NU + dt.timedelta(days=30), NU)]
    assert uit_opname["mag_audit_zien"] == ["auditor@example.org"]


def test_de_gewone_test_krijgt_de_opname(actoren):
    """The fast path is the one ordinary tests take (a build that stops being replayable shows here)."""
    assert momentopname.laatste_bron == "opname"
    assert User.objects.get(pk=actoren.lid.pk).email == "lid@example.org"


def test_objecten_dragen_de_waarden_van_de_rijen(actoren):
    """The objects the test gets hold the values of the rows laid down, related objects included."""
    for user in (actoren.lid, actoren.voorzitter, actoren.auditor, actoren.staff, actoren.vreemde):
        rij = User.objects.get(pk=user.pk)
        assert (rij.email, rij.date_joined, rij.password) == (user.email, user.date_joined, user.password)
    assert actoren.audit.werkgroep is not actoren.werkgroep or actoren.audit.werkgroep.pk == actoren.werkgroep.pk
    assert Werkgroep.objects.get(pk=actoren.werkgroep.pk).naam == actoren.werkgroep.naam == "KVO De Hoek"


def test_elke_keer_verse_objecten_en_een_nieuwe_gegevensversie(db):
    """What one test changes of the actors does not reach the next: not the objects (a deep copy
    each time), not the rows (rolled back), and the data version is new (nothing the last test kept
    in the cache under it is found again)."""
    opname = momentopname.opname(bouw_actoren)
    with transaction.atomic():
        eerste = momentopname.neerleggen(opname)
        versie_eerst = versie.huidige(eerste.werkgroep)
        eerste.werkgroep.naam = "Veranderd"
        eerste.werkgroep.save()
        eerste.lid.naam = "Ook veranderd"
        transaction.set_rollback(True)
    with transaction.atomic():
        tweede = momentopname.neerleggen(opname)
        assert tweede.werkgroep.naam == "KVO De Hoek"
        assert Werkgroep.objects.get(pk=tweede.werkgroep.pk).naam == "KVO De Hoek"
        assert tweede.lid.naam != "Ook veranderd"
        assert versie.huidige(tweede.werkgroep) != versie_eerst
        transaction.set_rollback(True)


def test_een_rij_van_de_test_in_de_weg_geeft_de_fabrieken(db, request):
    """A user of the test's own with an actor's address: the factories run and take that user, as
    before (``get_or_create`` on the e-mail address)."""
    eigen = UserFactory(email="lid@example.org")
    actoren = request.getfixturevalue("actoren")
    assert momentopname.laatste_bron == "fabrieken"
    assert actoren.lid.pk == eigen.pk
    assert Lid.objects.filter(user=eigen, werkgroep=actoren.werkgroep).exists()


@pytest.mark.django_db(transaction=True)
def test_transactionele_test_krijgt_de_fabrieken(actoren):
    """Transactional tests (live server, worker) build with the factories: their database is
    flushed between tests, and content types get new ids."""
    assert momentopname.laatste_bron == "fabrieken"
    assert not connection.in_atomic_block
    assert actoren.auditor.has_perm("audits.view_audit", actoren.audit)
