"""The nightly retention job (``kvo.tasks.bewaartermijnen_toepassen``): each kind of personal data goes
(or is anonymised) on the first day after its period, and not a day earlier. The clock is moved with
time-machine; the job runs as beat runs it (the task, eagerly)."""

import datetime as dt
import zoneinfo

import pytest
import time_machine
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile

from aanpak.models import Weekmail
from analyse.models import Conclusie, Enquete, EnqueteConcept, EnqueteLink, EnqueteUitnodiging
from kvo.avg import VERWIJDERDE_ONDERNEMER
from kvo.models import Bewaarronde
from kvo.tasks import bewaartermijnen_toepassen
from tests.factories import BedrijventerreinFactory, LidFactory, OndernemerFactory, PartijFactory
from tests.werkgroepen.factories import AfsprakenFactory
from werkgroepen.models import Document, DocumentVersie, Logregel, Uitnodiging, WerkgroepStart

pytestmark = pytest.mark.django_db
AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")


def nacht(dag: dt.date) -> dict:
    """Run the job at 02:45 on ``dag``, as beat does."""
    with time_machine.travel(dt.datetime.combine(dag, dt.time(2, 45), tzinfo=AMS), tick=False):
        return bewaartermijnen_toepassen.delay().get()


def test_archief_na_de_bewaartermijn_van_de_werkgroep_en_niet_eerder(actoren, django_capture_on_commit_callbacks):
    wg = actoren.werkgroep
    AfsprakenFactory(werkgroep=wg, bewaartermijn_jaren=7)
    document = Document.objects.create(werkgroep=wg, titel="Notulen 2020", bewaren_tot=dt.date(2027, 1, 10))
    versie = DocumentVersie.objects.create(
        document=document, versie=1, bestand=ContentFile(b"%PDF-1.4 x", name="n.pdf"), geupload_op=dt.date(2020, 1, 10)
    )
    # "bewaren tot" set too early (an old import): the group's seven years still hold
    vroeg = Document.objects.create(werkgroep=wg, titel="Brief", bewaren_tot=dt.date(2026, 1, 1))
    DocumentVersie.objects.create(
        document=vroeg, versie=1, bestand=ContentFile(b"x", name="b.txt"), geupload_op=dt.date(2020, 1, 10)
    )
    pad = versie.bestand.name
    nacht(dt.date(2027, 1, 10))
    assert Document.objects.filter(werkgroep=wg).count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        uitslag = nacht(dt.date(2027, 1, 11))
    assert not Document.objects.filter(werkgroep=wg).exists()
    assert uitslag["werkgroepen.archief"] == 2
    assert not versie.bestand.storage.exists(pad)  # the file goes with the row, once it is committed
    regel = Logregel.objects.get(werkgroep=wg, actie="avg.bewaartermijn")
    assert "Archief van de werkgroep: 2 verwijderd" in regel.omschrijving


def test_register_geanonimiseerd_de_dag_na_het_einde_van_de_werkgroep(actoren):
    wg = actoren.werkgroep
    terrein = BedrijventerreinFactory(werkgroep=wg)
    ondernemers = [OndernemerFactory(terrein=terrein, email=f"o{i}@bedrijf.example") for i in range(3)]
    wg.status, wg.status_sinds = "beeindigd", dt.date(2027, 3, 1)
    wg.save()
    nacht(dt.date(2027, 3, 1))
    assert all(o.naam != VERWIJDERDE_ONDERNEMER for o in terrein.ondernemers.all())
    nacht(dt.date(2027, 3, 2))
    rijen = list(terrein.ondernemers.all())
    assert len(rijen) == 3  # the count stays
    assert {(o.naam, o.email, o.adres, o.postcode, o.plaats) for o in rijen} == {
        (VERWIJDERDE_ONDERNEMER, None, "", "", "")
    }
    # the change history no longer holds the names either
    oude = {h.naam for o in ondernemers for h in o.history.all()}
    assert oude == {VERWIJDERDE_ONDERNEMER}
    # the other work group's register is untouched
    assert nacht(dt.date(2027, 3, 3))["gebieden.ondernemers"] == 0


def _enquete(actoren, *, gesloten_op, conclusie_op=None):
    wg = actoren.werkgroep
    terrein = BedrijventerreinFactory(werkgroep=wg)
    enquete = Enquete.objects.create(
        werkgroep=wg, cyclus=actoren.cyclus, geopend_op=dt.date(2026, 9, 1), gesloten_op=gesloten_op
    )
    uitnodiging = EnqueteUitnodiging.objects.create(
        enquete=enquete, ondernemer=OndernemerFactory(terrein=terrein), kanaal="email", fout="550 o@x.example"
    )
    EnqueteLink.objects.create(uitnodiging=uitnodiging, token_hash="a" * 64)
    EnqueteConcept.objects.create(uitnodiging=uitnodiging, antwoorden={"v1": "3"})
    if conclusie_op:
        Conclusie.objects.create(werkgroep=wg, cyclus=actoren.cyclus, vastgesteld_op=conclusie_op)
    return uitnodiging


def test_enquetelinks_tot_de_uitslag_definitief_is(actoren):
    uitnodiging = _enquete(actoren, gesloten_op=dt.date(2026, 10, 1), conclusie_op=dt.date(2026, 11, 15))
    nacht(dt.date(2026, 11, 15))
    assert EnqueteLink.objects.filter(uitnodiging=uitnodiging).exists()
    nacht(dt.date(2026, 11, 16))
    assert not EnqueteLink.objects.filter(uitnodiging=uitnodiging).exists()
    assert not EnqueteConcept.objects.filter(uitnodiging=uitnodiging).exists()
    uitnodiging.refresh_from_db()
    assert uitnodiging.fout == ""  # a sending error may hold an address
    assert EnqueteUitnodiging.objects.filter(pk=uitnodiging.pk).exists()  # the evidence of §4.1.1 stays


def test_enquetelinks_zonder_conclusie_een_jaar_na_het_sluiten(actoren):
    uitnodiging = _enquete(actoren, gesloten_op=dt.date(2026, 10, 1))
    nacht(dt.date(2027, 10, 1))
    assert EnqueteLink.objects.filter(uitnodiging=uitnodiging).exists()
    nacht(dt.date(2027, 10, 2))
    assert not EnqueteLink.objects.filter(uitnodiging=uitnodiging).exists()


def test_contactgegevens_van_een_oud_lid_een_jaar_na_het_einde(actoren):
    wg = actoren.werkgroep
    oud = LidFactory(
        werkgroep=wg, partij=PartijFactory(werkgroep=wg), naam="Wim Oud", email="wim@oud.example", telefoon="0612"
    )
    oud.lid_tot = dt.date(2026, 2, 1)
    oud.save()
    nacht(dt.date(2027, 2, 1))
    oud.refresh_from_db()
    assert oud.email == "wim@oud.example"
    nacht(dt.date(2027, 2, 2))
    oud.refresh_from_db()
    assert (oud.naam, oud.email, oud.telefoon) == ("Wim Oud", None, None)  # the name stays on the records
    assert not oud.history.filter(email="wim@oud.example").exists()
    assert actoren.werkgroep.leden.get(user=actoren.lid).email == "lid@example.org"  # a current member keeps it


def test_uitnodiging_30_dagen_na_het_verlopen(actoren):
    wg = actoren.werkgroep
    lid = wg.leden.get(user=actoren.lid)
    u = Uitnodiging.objects.create(
        werkgroep=wg,
        lid=lid,
        email="nieuw@example.org",
        token="t" * 64,
        geldig_tot=dt.datetime(2027, 1, 1, 12, tzinfo=AMS),
    )
    nacht(dt.date(2027, 1, 31))
    assert Uitnodiging.objects.filter(pk=u.pk).exists()
    nacht(dt.date(2027, 2, 1))
    assert not Uitnodiging.objects.filter(pk=u.pk).exists()


def test_logboek_zo_lang_als_het_archief(actoren):
    wg = actoren.werkgroep
    with time_machine.travel(dt.datetime(2020, 5, 4, 10, tzinfo=AMS), tick=False):
        regel = Logregel.objects.create(werkgroep=wg, actie="lid.toegevoegd", omschrijving="Lid X toegevoegd")
    nacht(dt.date(2026, 5, 4))  # six years (no agreements: the minimum)
    assert Logregel.objects.filter(pk=regel.pk).exists()
    nacht(dt.date(2026, 5, 5))
    assert not Logregel.objects.filter(pk=regel.pk).exists()


def test_weekoverzicht_90_dagen_na_de_week(actoren):
    wg = actoren.werkgroep
    lid = wg.leden.get(user=actoren.lid)
    w = Weekmail.objects.create(werkgroep=wg, lid=lid, week=dt.date(2027, 1, 4), status="verstuurd")
    nacht(dt.date(2027, 4, 4))
    assert Weekmail.objects.filter(pk=w.pk).exists()
    nacht(dt.date(2027, 4, 5))
    assert not Weekmail.objects.filter(pk=w.pk).exists()


def test_concept_van_een_nieuwe_werkgroep_en_verlopen_sessies(actoren):
    with time_machine.travel(dt.datetime(2027, 1, 1, 9, tzinfo=AMS), tick=False):
        start = WerkgroepStart.objects.create(
            begeleiding=actoren.werkgroep.begeleiding,
            gemaakt_door=actoren.begeleider,
            naam="KVO Nieuw",
            slug="nieuw",
            gegevens={"4": {"voorzitter_email": "v@nieuw.example"}},
        )
        sessie = SessionStore()
        sessie["_auth_user_id"] = str(actoren.lid.pk)
        sessie.set_expiry(dt.timedelta(days=14))
        sessie.create()
    nacht(dt.date(2027, 1, 15))  # the session expires at 09:00 on the 15th; the job runs at 02:45
    assert Session.objects.filter(session_key=sessie.session_key).exists()
    nacht(dt.date(2027, 1, 16))
    assert not Session.objects.filter(session_key=sessie.session_key).exists()
    nacht(dt.date(2027, 4, 1))
    assert WerkgroepStart.objects.filter(pk=start.pk).exists()
    nacht(dt.date(2027, 4, 2))
    assert not WerkgroepStart.objects.filter(pk=start.pk).exists()


def test_een_ronde_wordt_samengevat_en_een_tweede_doet_niets(actoren):
    wg = actoren.werkgroep
    LidFactory(werkgroep=wg, partij=PartijFactory(werkgroep=wg), email="x@oud.example", lid_tot=dt.date(2020, 1, 1))
    eerste = nacht(dt.date(2027, 1, 1))
    assert eerste["werkgroepen.leden"] == 1
    ronde = Bewaarronde.objects.get()
    assert ronde.peildatum == dt.date(2027, 1, 1) and ronde.resultaat == eerste
    tweede = nacht(dt.date(2027, 1, 1))
    assert sum(tweede.values()) == 0
    assert Logregel.objects.filter(werkgroep=wg, actie="avg.bewaartermijn").count() == 1  # only when it did something
    assert Bewaarronde.objects.count() == 2


def test_de_taak_staat_in_de_nachtelijke_planning():
    from kvo.celery import app

    assert app.conf.beat_schedule["bewaartermijnen"]["task"] == "kvo.tasks.bewaartermijnen_toepassen"
    assert "kvo.tasks.bewaartermijnen_toepassen" in app.tasks
