"""No N+1 at province scale: every page of the scale benchmark (bench/provincie.py) runs the same number of
queries for a small and a large work group of the province dataset, and the portfolio the same for 2 and 5
work groups. The work groups come from ``demo/genereer_provincie.py`` through the dossier import,
as ``manage.py kvo_provincie`` builds them; the large one has five times the entrepreneurs, responses,
inspection points and measures of the small one, over three cycles each."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from analyse.models import Enquete
from analyse.tokens import nieuwe_links
from audits.models import Audit, AuditorToegang
from audits.services import auditor_geef_toegang, auditor_trek_toegang_in
from demo import genereer_provincie as provincie
from kvo import versie
from kvo.dossier.services import dossier_importeer
from tests.audits.test_portaal import geleverde_set
from werkgroepen.models import Begeleidingsorganisatie, Werkgroep

pytestmark = pytest.mark.django_db


def _jpeg() -> bytes:
    uit = io.BytesIO()
    Image.new("RGB", (8, 6), (90, 120, 150)).save(uit, "JPEG")
    return uit.getvalue()


FOTO = _jpeg()


def importeer(nummer: int, schaal: float) -> Werkgroep:
    dossier = provincie.dossier(nummer, timezone.localdate(), schaal=schaal)
    fotos = {f"media/{p['foto']}": FOTO for c in dossier["cycli"] for s in c.get("schouwen", []) for p in s["punten"]}
    return dossier_importeer(actor=None, dossier=dossier, bestanden=fotos, vervang=True)


class Provincie:
    """Work groups 0 (in year 2 of its third cycle) and 1 (its survey open), a member of 0, a facilitator
    of all of them, and an auditor with a grant on 0's last delivered audit."""

    def __init__(self):
        User = get_user_model()
        self.lid = User.objects.create_user(email="lid@provincie.example", password="x")
        self.begeleider = User.objects.create_user(email="begeleider@provincie.example", password="x")
        self.auditor_email = "auditor@provincie.example"
        self.begeleiding = Begeleidingsorganisatie.objects.create(naam="Veilig Ondernemen Gelderland")
        self.begeleiding.gebruikers.add(self.begeleider)

    def bouw(self, schaal: float, extra_groepen: int) -> None:
        for toegang in AuditorToegang.objects.filter(ingetrokken_op__isnull=True):
            auditor_trek_toegang_in(actor=None, toegang=toegang)  # replacing refuses while a grant is open
        self.groot = importeer(0, schaal)
        self.open = importeer(1, schaal)
        for nummer in range(2, 2 + extra_groepen):
            importeer(nummer, 0.1)
        Werkgroep.objects.update(begeleiding=self.begeleiding)
        self.groot.leden.filter(email="lid0@p000.kvo.example").update(user=self.lid)
        self.audit = (
            Audit.objects.filter(werkgroep=self.groot, documentenset_aangeleverd_op__isnull=False)
            .order_by("-cyclus__nummer")
            .first()
        )
        for audit in Audit.objects.filter(werkgroep=self.groot, documentenset_aangeleverd_op__isnull=False):
            geleverde_set(audit, op=audit.documentenset_aangeleverd_op)
        auditor_geef_toegang(actor=self.begeleider, audit=self.audit, email=self.auditor_email, dagen=30)
        self.auditor = get_user_model().objects.get(email=self.auditor_email)

    def ondernemer(self) -> Client:
        enquete = Enquete.objects.filter(cyclus__werkgroep=self.open).order_by("-cyclus__nummer").first()
        uitnodiging = enquete.uitnodigingen.filter(beantwoord=False).order_by("pk").first()
        client = Client()
        assert client.get(f"/e/{nieuwe_links([uitnodiging])[0]}/").status_code == 302
        return client

    def queries(self) -> dict[str, int]:
        """Queries per page, as each page's user, after one warm-up request: (computed afresh, kept)."""

        def als(user) -> Client:
            client = Client()
            client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
            return client

        w = {"werkgroep": self.groot.slug}
        paginas = {
            "home": (als(self.lid), reverse("werkgroepen:home", kwargs=w)),
            "resultaten": (als(self.lid), reverse("analyse:resultaten", kwargs=w)),
            "matrix": (als(self.lid), reverse("aanpak:matrix", kwargs=w)),
            "toets": (als(self.lid), reverse("audits:toets", kwargs=w)),
            "portfolio": (als(self.begeleider), reverse("begeleiding:portfolio")),
            "beeld": (als(self.begeleider), reverse("begeleiding:beeld")),
            "bibliotheek": (als(self.lid), reverse("aanpak:bibliotheek", kwargs=w)),
            "enquete": (self.ondernemer(), "/e/stap/1/"),
            "portaal": (als(self.auditor), reverse("portaal:audit", kwargs={"audit_id": self.audit.pk})),
        }
        uit = {}
        for naam, (client, url) in paginas.items():
            assert client.get(url).status_code == 200, naam
            # computed afresh (kvo.versie keeps results): the path that could grow with the data
            with versie.opnieuw(), CaptureQueriesContext(connection) as koud:
                assert client.get(url).status_code == 200, naam
            with CaptureQueriesContext(connection) as warm:  # and the usual request, results kept
                assert client.get(url).status_code == 200, naam
            uit[naam] = (len(koud), len(warm))
        return uit


def test_elke_pagina_evenveel_queries_klein_en_groot(settings):
    settings.RATELIMIT_ENABLE = False
    provincie_ = Provincie()
    provincie_.bouw(schaal=0.2, extra_groepen=0)
    klein = provincie_.queries()
    provincie_.bouw(schaal=1.0, extra_groepen=3)
    groot = provincie_.queries()
    assert groot == klein


def test_vloer_van_de_benchmark_bestaat_niet_zonder_vlag(client):
    """The floor view and the Server-Timing header exist only with KVO_BENCH=1 (read at start-up)."""
    response = client.get("/_bench/vloer/")
    assert response.status_code == 404 and "Server-Timing" not in response


def test_een_wijziging_ververst_de_opgeslagen_toetsstand_eenmaal_na_commit(actoren, django_capture_on_commit_callbacks):
    """The portfolio reads the stored figure; every change a service logs refreshes it once per transaction."""
    from django.db import transaction

    from werkgroepen.logboek import log_actie

    wg = actoren.werkgroep
    Werkgroep.objects.filter(pk=wg.pk).update(toets_stand={}, toets_berekend_op=None)
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        log_actie(werkgroep=wg, actor=None, actie="test.een", omschrijving="Eerste wijziging")
        log_actie(werkgroep=wg, actor=None, actie="test.twee", omschrijving="Tweede wijziging")
    assert len(callbacks) == 1
    wg.refresh_from_db()
    assert wg.toets_stand["totaal"] > 0 and wg.toets_berekend_op is not None
