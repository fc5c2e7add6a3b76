"""The weekly "Mijn acties" mail: once per member per week, even when the task runs twice;
opted-out members, agenda members and members with nothing to do get none."""

import datetime as dt

import pytest
from django.core import mail

from aanpak import kwartalen
from aanpak.models import Weekmail, WeekmailAfmelding
from aanpak.services.plan import plan_maak
from aanpak.tasks import weekoverzicht_versturen, weekoverzichten_plannen
from tests.aanpak.factories import MaatregelFactory
from werkgroepen.models import Lid

VANDAAG = dt.date(2025, 8, 13)  # a Wednesday in 2025-Q3


@pytest.fixture
def plan(actoren):
    plan = plan_maak(actor=None, cyclus=actoren.cyclus)
    plan.maatregelen.all().delete()  # only the measures of each test
    return plan


def test_een_keer_per_lid_per_week_ook_bij_een_tweede_run(actoren, plan):
    gemeente = Lid.objects.get(user=actoren.lid).partij
    MaatregelFactory(plan=plan, titel="Verlichting Kanaalweg", verantwoordelijke=gemeente, kwartalen=["2025-Q3"])
    MaatregelFactory(plan=plan, titel="Al lang klaar moeten zijn", verantwoordelijke=gemeente, kwartalen=["2025-Q2"])
    uitslag = weekoverzicht_versturen.apply(
        kwargs={"werkgroep_id": actoren.werkgroep.pk, "vandaag": str(VANDAAG)}
    ).get()
    ontvangers = sorted(m.to[0] for m in mail.outbox)
    assert ontvangers == ["lid@example.org"]  # the agenda member of the same party gets none
    assert uitslag == {"verstuurd": 1, "mislukt": 0}
    tekst = mail.outbox[0].body
    assert "Verlichting Kanaalweg" in tekst and "Over tijd" in tekst and "Al lang klaar moeten zijn" in tekst
    assert "/w/de-hoek/aanpak/mijn-acties/" in tekst
    # the same week again (a retried task, a second worker): nothing more
    weekoverzicht_versturen.apply(
        kwargs={"werkgroep_id": actoren.werkgroep.pk, "vandaag": str(VANDAAG + dt.timedelta(days=2))}
    )
    assert len(mail.outbox) == 1
    assert Weekmail.objects.get().week == dt.date(2025, 8, 11) and Weekmail.objects.get().status == "verstuurd"
    # next week: again
    weekoverzicht_versturen.apply(
        kwargs={"werkgroep_id": actoren.werkgroep.pk, "vandaag": str(VANDAAG + dt.timedelta(days=7))}
    )
    assert len(mail.outbox) == 2


def test_afgemeld_of_niets_te_doen_geen_mail(actoren, plan):
    gemeente = Lid.objects.get(user=actoren.lid).partij
    lid = Lid.objects.get(user=actoren.lid)
    MaatregelFactory(plan=plan, verantwoordelijke=gemeente, kwartalen=[kwartalen.code_van(VANDAAG)])
    WeekmailAfmelding.objects.create(werkgroep=actoren.werkgroep, lid=lid)
    weekoverzicht_versturen.apply(kwargs={"werkgroep_id": actoren.werkgroep.pk, "vandaag": str(VANDAAG)})
    assert mail.outbox == []
    WeekmailAfmelding.objects.all().delete()
    MaatregelFactory._meta.model.objects.update(status="uitgevoerd", uitgevoerd_op=VANDAAG)
    weekoverzicht_versturen.apply(kwargs={"werkgroep_id": actoren.werkgroep.pk, "vandaag": str(VANDAAG)})
    assert mail.outbox == [] and not Weekmail.objects.exists()


def test_beat_plant_per_werkgroep_met_een_plan(actoren, plan):
    assert weekoverzichten_plannen() == 1


def test_beat_staat_in_het_schema():
    from kvo.celery import app

    taken = {s["task"] for s in app.conf.beat_schedule.values()}
    assert "aanpak.tasks.weekoverzichten_plannen" in taken
