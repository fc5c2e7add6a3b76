"""manage.py kvo_demo: loads the demo, is idempotent with --als-nodig, every demo user reaches their group."""

import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from demo.management.commands.kvo_demo import GEBRUIKERS, WACHTWOORD
from demo.verschuif import verschuiving
from kvo.tenancy import toegang_voor
from werkgroepen.models import Werkgroep


def test_demo_en_als_nodig(db):
    uit = io.StringIO()
    call_command("kvo_demo", "--als-nodig", stdout=uit)
    tekst = uit.getvalue()
    assert "/accounts/login/" in tekst and WACHTWOORD in tekst
    for _rol, email, *_ in GEBRUIKERS:
        assert email in tekst
    wolvega = Werkgroep.objects.get(slug="wolvega")
    assert wolvega.terreinen.count() == 3
    assert sum(t.ondernemers.count() for t in wolvega.terreinen.all()) == 180
    assert wolvega.toets_stand["totaal"] == 54
    pks = set(Werkgroep.objects.values_list("pk", flat=True))
    uit = io.StringIO()
    call_command("kvo_demo", "--als-nodig", stdout=uit)
    assert "niets veranderd" in uit.getvalue()
    assert set(Werkgroep.objects.values_list("pk", flat=True)) == pks
    # the delivered document set of Wolvega's audit, frozen on the dossier's date, is what the auditor sees
    from audits.models import Documentenset

    geleverd = Documentenset.objects.get(audit__werkgroep=wolvega)
    aangeleverd = dt.date(2026, 10, 26) + dt.timedelta(days=verschuiving(timezone.localdate()))  # moved to today
    assert geleverd.status == "klaar" and geleverd.aangeleverd_op == aangeleverd and len(geleverd.sha256) == 64
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(email="auditor@certificatie.example"))
    portaal = client.get("/", follow=True)
    assert portaal.request["PATH_INFO"] == "/auditor/" and geleverd.sha256 in portaal.text
    call_command("kvo_demo", "--zonder-documentenset", stdout=io.StringIO())  # without --als-nodig: a fresh demo
    assert Werkgroep.objects.filter(slug__in=["wolvega", "venekoten"]).count() == 2


VERWACHT = {
    "voorzitter": ("wolvega", "werkgroepen:home"),
    "secretaris": ("wolvega", "werkgroepen:home"),
    "lid": ("wolvega", "audits:toets"),
    "agendalid": ("wolvega", "audits:toets"),
    "procesbegeleider": ("venekoten", "audits:toets"),
    "staff": ("wolvega", "audits:toets"),
}


@pytest.mark.parametrize("rol", [*VERWACHT, "auditor"])
def test_demogebruikers_kunnen_inloggen(demo, client, rol):
    email = next(e for r, e, *_ in GEBRUIKERS if r == rol)
    assert client.login(email=email, password=WACHTWOORD)
    if rol == "auditor":
        auditor = get_user_model().objects.get(email=email)
        assert toegang_voor(auditor, Werkgroep.objects.get(slug="wolvega")).audit_ids
        return
    slug, naam = VERWACHT[rol]
    assert client.get(reverse(naam, kwargs={"werkgroep": slug})).status_code == 200


def test_de_demo_heeft_een_verloop_van_de_gereedheid(demo):
    """A fresh demo's readiness page shows the last 90 days, a point a week (as the nightly job would
    have written them), not one dot for today."""
    from werkgroepen.models import ToetsHistorie

    vandaag = timezone.localdate()
    for werkgroep in Werkgroep.objects.all():
        datums = list(ToetsHistorie.objects.filter(werkgroep=werkgroep).values_list("datum", flat=True))
        assert len(datums) == 13 and max(datums) == vandaag, werkgroep.slug
        assert min(datums) == vandaag - dt.timedelta(weeks=12)
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(email="h.dijkstra@parkmanagement-wolvega.example"))
    html = client.get(reverse("audits:toets", kwargs={"werkgroep": "wolvega"})).text
    assert 'data-testid="verloop-leeg"' not in html and "<svg" in html
