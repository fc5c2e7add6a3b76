"""``manage.py kvo_demo [--als-nodig]`` — load the demo work groups from ``demo/*.json`` with a user per role.

Without ``--als-nodig`` the demo work groups are replaced (a fresh demo); with it, nothing
happens when they already exist (``bin/demo``). Every date of the dossiers is moved to today first
(``demo/verschuif.py``), so the demo tells the same story on any day.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from audits.models import Audit, AuditorToegang
from audits.services import auditor_geef_toegang, auditor_trek_toegang_in
from audits.views import HISTORIE_DAGEN
from demo.fotos import demo_bestanden as demo_fotos
from demo.verschuif import REFERENTIEDATUM, verschuif, verschuiving
from kvo import versie
from kvo.adapters import adres_bevestigd
from kvo.dossier.services import dossier_importeer
from kvo.tasks import historie_vastleggen, werkgroep_toets_bijwerken
from kvo.toets import Gereedheid, voer_toetsen_uit
from werkgroepen.models import Begeleidingsorganisatie, Werkgroep
from werkgroepen.services.administratie import werkgroep_maatregelen_deel

DEMO_MAP = Path(__file__).resolve().parents[2]  # demo/: the dossiers beside their generator
WACHTWOORD = "kvo-demo-2026"
CLUSTER = "wolvega"
BEGELEIDING = "Keuker Veiligheidszorg Ondernemingen"
# the PVO group (issue 23) is facilitated by a second organisation, so each facilitator's portfolio
# shows only its own groups and staff see both schemes side by side
PVO_GROEP = "twentekanaal"
PVO_BEGELEIDING = "PVO Oost-Nederland"
# the groups that share their measures' titles in the measures library (issue 28), so Venekoten,
# writing its first plan, sees what worked in Wolvega and in Heerenveen's three cycles
DELEN = (CLUSTER, "heerenveen")

# (role, e-mail, name, work group or None, is_staff) — members are linked to their dossier row by e-mail.
GEBRUIKERS = [
    ("voorzitter", "h.dijkstra@parkmanagement-wolvega.example", "Hendrik Dijkstra", CLUSTER, False),
    ("secretaris", "m.hoekstra@weststellingwerf.example", "Marieke Hoekstra", CLUSTER, False),
    ("lid", "r.postma@politie.example", "Rudi Postma", CLUSTER, False),
    ("agendalid", "t.kuipers@g4s.example", "Tom Kuipers", CLUSTER, False),
    ("voorzitter", "g.wiersma@wiersma-metaal.example", "Gerrit Wiersma", "venekoten", False),
    ("procesbegeleider", "procesbegeleider@keuker.example", "Ilse Oosterhof", None, False),
    ("voorzitter", "b.wolters@wolters-metaal.example", "Bas Wolters", PVO_GROEP, False),
    ("secretaris", "m.scholten@ovtwentekanaal.example", "Monique Scholten", PVO_GROEP, False),
    ("procesbegeleider", "p.brookhuis@pvo-oost.example", "Paul Brookhuis", None, False),
    ("auditor", "auditor@certificatie.example", "Bram Lammers", CLUSTER, False),
    ("staff", "beheer@kvo-werkplaats.example", "Beheerder KVO Werkplaats", None, True),
]


def demo_bestanden() -> list[Path]:
    return sorted(DEMO_MAP.glob("*.json"))


class Command(BaseCommand):
    help = "Laad de demo: vier werkgroepen (drie KVO-B, één PVO) uit demo/*.json en een gebruiker per rol."

    def add_arguments(self, parser):
        parser.add_argument("--als-nodig", action="store_true", help="niets doen als de demowerkgroepen er al zijn")
        parser.add_argument(
            "--zonder-documentenset",
            action="store_true",
            help="de aangeleverde documentenset (een PDF van zo'n 60 pagina's) niet maken; sneller, voor tests",
        )

    def handle(self, *args, als_nodig, zonder_documentenset=False, **options):
        dagen = verschuiving(timezone.localdate())  # the demo's dates, moved to today in whole weeks
        dossiers = [verschuif(json.loads(p.read_text(encoding="utf-8")), dagen) for p in demo_bestanden()]
        slugs = [d["werkgroep"]["slug"] for d in dossiers]
        with scopes_disabled():
            if als_nodig and Werkgroep.objects.filter(slug__in=slugs).count() == len(slugs):
                self.stdout.write("De demo staat al klaar; er is niets veranderd.")
                return
            with transaction.atomic():
                # reloading the demo replaces it: withdraw the demo auditor's access first (an import
                # never silently removes an auditor's access), it is given again below
                for toegang in AuditorToegang.objects.filter(
                    audit__werkgroep__slug__in=slugs, ingetrokken_op__isnull=True
                ).select_related("audit__werkgroep", "user"):
                    auditor_trek_toegang_in(actor=None, toegang=toegang)
                werkgroepen = [
                    dossier_importeer(actor=None, dossier=d, bestanden=demo_fotos(d), vervang=True) for d in dossiers
                ]
                self._gebruikers(werkgroepen)
            if not zonder_documentenset:
                for werkgroep in werkgroepen:
                    if werkgroep.slug == CLUSTER:  # Heerenveen's past audits are history: no set rendered
                        self._aangeleverde_set(werkgroep)
            for werkgroep in werkgroepen:
                werkgroep_toets_bijwerken.apply(kwargs={"werkgroep_id": werkgroep.pk})
            self._toetshistorie(werkgroepen)
        self._afdruk(werkgroepen)
        self.stdout.write(
            f"De datums van de demo zijn {dagen} dagen opgeschoven (in hele weken), zodat de demo vandaag "
            f"hetzelfde verhaal vertelt als op {REFERENTIEDATUM:%d-%m-%Y}."
        )

    def _toetshistorie(self, werkgroepen: list[Werkgroep]) -> None:
        """The readiness history the nightly job would have written over the last 90 days (the
        readiness page's chart), a point a week: each the readiness check as of that date, on the
        demo's data. Without it a fresh demo's chart is one dot, today's."""
        vandaag = timezone.localdate()
        for weken in range(HISTORIE_DAGEN // 7, 0, -1):
            datum = vandaag - dt.timedelta(weeks=weken)
            per_werkgroep = voer_toetsen_uit(werkgroepen, datum=datum)
            for werkgroep in werkgroepen:
                stand = Gereedheid.uit(per_werkgroep[werkgroep.pk]).als_stand()
                with scope(werkgroep=werkgroep), transaction.atomic(), versie.boekhouding():
                    historie_vastleggen(werkgroep, stand, datum)

    def _gebruikers(self, werkgroepen: list[Werkgroep]) -> None:
        User = get_user_model()
        per_slug = {w.slug: w for w in werkgroepen}
        users = {}
        for rol, email, naam, _slug, staff in GEBRUIKERS:
            user, _ = User.objects.get_or_create(email=email)
            user.naam = naam
            user.is_staff = staff
            user.set_password(WACHTWOORD)
            user.save()
            adres_bevestigd(user)  # as if each had accepted an invitation
            users[rol if rol not in users else f"{rol}:{email}"] = user
        # Members with an account: every demo member whose e-mail is a demo user.
        for werkgroep in werkgroepen:
            for lid in werkgroep.leden.exclude(email=None):
                user = User.objects.filter(email=lid.email).first()
                if user is not None and lid.user_id != user.pk:
                    lid.user = user
                    lid.save(update_fields=["user"])
        begeleiding, _ = Begeleidingsorganisatie.objects.get_or_create(naam=BEGELEIDING)
        begeleiding.gebruikers.add(users["procesbegeleider"])
        pvo_begeleiding, _ = Begeleidingsorganisatie.objects.get_or_create(naam=PVO_BEGELEIDING)
        pvo_begeleiding.gebruikers.add(users["procesbegeleider:p.brookhuis@pvo-oost.example"])
        for werkgroep in werkgroepen:
            werkgroep.begeleiding = pvo_begeleiding if werkgroep.slug == PVO_GROEP else begeleiding
            werkgroep.save(update_fields=["begeleiding"])
            if werkgroep.slug in DELEN:
                werkgroep_maatregelen_deel(actor=None, werkgroep=werkgroep, delen=True)
        cluster = per_slug[CLUSTER]
        audit = Audit.objects.filter(werkgroep=cluster).order_by("-datum").first()  # from the dossier
        if audit is None:
            audit = Audit.objects.create(
                werkgroep=cluster,
                cyclus=cluster.cycli.order_by("nummer").first(),
                soort=Audit.Soort.EERSTE,
                certificatie_instelling="Certificatie-instelling Noord B.V.",
            )
        auditor_geef_toegang(actor=users["procesbegeleider"], audit=audit, email=users["auditor"].email, dagen=90)

    def _aangeleverde_set(self, werkgroep: Werkgroep) -> None:
        """The document set the demo's audit says was delivered: rendered as of that date (nothing dated
        later is in it, the cover names the date) and frozen on it."""
        from audits.documentenset.services import documentenset_render
        from audits.models import Documentenset

        for audit in Audit.objects.filter(werkgroep=werkgroep, documentenset_aangeleverd_op__isnull=False):
            self.stdout.write(f"Documentenset van {werkgroep.naam} maken (een halve minuut)…")
            op = audit.documentenset_aangeleverd_op
            rij = documentenset_render(
                documentenset=Documentenset.objects.create(audit=audit, peildatum=op), aangeleverd_op=op
            )
            if rij.status == Documentenset.Status.KLAAR:
                Documentenset.objects.filter(pk=rij.pk).update(aangeleverd_op=audit.documentenset_aangeleverd_op)

    def _afdruk(self, werkgroepen: list[Werkgroep]) -> None:
        w = self.stdout.write
        w(self.style.SUCCESS("Demo geladen: " + ", ".join(f"{wg.naam} (/w/{wg.slug}/)" for wg in werkgroepen)))
        w(f"Inloggen: {settings.SITE_URL.rstrip('/')}{reverse('account_login')}")
        w(f"Wachtwoord voor elke demogebruiker: {WACHTWOORD}")
        w("")
        w(f"{'rol':<18} {'e-mailadres':<44} werkgroep")
        w(f"{'-' * 18} {'-' * 44} {'-' * 30}")
        for rol, email, _naam, slug, _staff in GEBRUIKERS:
            organisatie = PVO_BEGELEIDING if "pvo" in email else BEGELEIDING
            waar = {
                "procesbegeleider": f"begeleidt de werkgroepen van {organisatie}",
                "staff": "beheerder (alle werkgroepen)",
                "auditor": f"{slug} (90 dagen: documentenset lezen; besluit en certificaat)",
            }.get(rol, slug)
            w(f"{rol:<18} {email:<44} {waar}")
