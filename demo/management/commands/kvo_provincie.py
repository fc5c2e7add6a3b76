"""``manage.py kvo_provincie [--klein] [--aantal N]`` — a province of work groups for the scale benchmark.

Builds 100 work groups (``--klein``: 10, the tenth-size variant) with ``demo/genereer_provincie.py``
and imports each through ``kvo.dossier.services.dossier_importeer`` (with its photos), exactly as
``kvo_import`` would: no hand-written SQL. Existing province work groups are replaced. Then:

- accounts for the benchmark: a member (the chair) of the largest work group, a facilitator whose organisation
  facilitates every province work group, and an auditor with a grant on the largest group's last
  audit with a delivered document set (password ``kvo-provincie``);
- the delivered document sets: one set is rendered for real (WeasyPrint, the worker's path,
  ``documentenset_render``); every other delivered audit gets its set through the same service with
  that rendered PDF's bytes (a file of its own under a fresh name, the checksum of its bytes, status
  ``klaar``), delivered on the dossier's date. Rendering 300 sets of 60+ pages would take about an
  hour and measure WeasyPrint, not the pages; ``--echte-sets`` renders every one anyway;
- the readiness snapshot of every work group (the import queues it after commit; without Redis
  Celery runs it at once).

Photos come from a pool of drawn pictures (``demo.fotos``), scaled to 640 × 480: each point
has its own file, but there are only ``FOTO_POOL`` distinct contents.
"""

from __future__ import annotations

import contextlib
import io
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled
from PIL import Image

from audits.models import Audit, AuditorToegang, Documentenset
from audits.services import auditor_geef_toegang, auditor_trek_toegang_in
from demo import genereer_provincie as provincie
from demo.fotos import foto
from kvo.dossier.registry import onderdelen
from kvo.dossier.services import dossier_importeer
from werkgroepen.models import Begeleidingsorganisatie, Werkgroep

WACHTWOORD = "kvo-provincie"
BEGELEIDING = "Veilig Ondernemen Gelderland"
LID = "lid@provincie.kvo.example"
BEGELEIDER = "begeleider@provincie.kvo.example"
AUDITOR = "auditor@provincie.kvo.example"


def foto_pool() -> list[bytes]:
    uit = []
    for i in range(provincie.FOTO_POOL):
        groot = foto(i + 1, "Schouwpunt", avond=i % 2 == 1, positief=i % 3 == 0, zaad=f"provincie-{i}")
        beeld = Image.open(io.BytesIO(groot))
        beeld.thumbnail((640, 480))
        klein = io.BytesIO()
        beeld.save(klein, "JPEG", quality=75)
        uit.append(klein.getvalue())
    return uit


def bestanden(dossier: dict, pool: list[bytes]) -> dict[str, bytes]:
    """``media/<foto>`` → one of the pool's JPEGs, for every point with a photo."""
    uit = {}
    for cyclus in dossier["cycli"]:
        for schouw in cyclus.get("schouwen", []):
            for punt in schouw["punten"]:
                uit[f"media/{punt['foto']}"] = pool[(punt["nummer"] * 7 + len(schouw["ref"])) % len(pool)]
    return uit


class Command(BaseCommand):
    help = "Bouw de provincie-dataset: 100 werkgroepen (--klein: 10) met drie cycli geschiedenis, via de dossierimport."

    def add_arguments(self, parser):
        parser.add_argument("--klein", action="store_true", help="een tiende: 10 werkgroepen")
        parser.add_argument("--aantal", type=int, help="zoveel werkgroepen (standaard 100, met --klein 10)")
        parser.add_argument("--echte-sets", action="store_true", help="elke aangeleverde documentenset echt renderen")

    def handle(self, *args, klein: bool, aantal: int | None, echte_sets: bool, **options):
        aantal = aantal or (10 if klein else 100)
        vandaag = timezone.localdate()
        begin = time.perf_counter()
        pool = foto_pool()
        werkgroepen = []
        with scopes_disabled():
            self._weg_met_oude(aantal)
            for nummer in range(aantal):
                start = time.perf_counter()
                dossier = provincie.dossier(nummer, vandaag)
                werkgroep = dossier_importeer(
                    actor=None, dossier=dossier, bestanden=bestanden(dossier, pool), vervang=True
                )
                werkgroepen.append(werkgroep)
                ondernemers = sum(len(t["ondernemers"]) for t in dossier["terreinen"])
                self.stdout.write(
                    f"{nummer + 1:>3}/{aantal} {werkgroep.slug:<34} {len(dossier['terreinen'])} terreinen, "
                    f"{ondernemers:>3} ondernemers ({time.perf_counter() - start:.1f} s)"
                )
            self._documentensets(werkgroepen, echte_sets)
            self._gebruikers(werkgroepen)
        self.stdout.write(self.style.SUCCESS(f"{aantal} werkgroepen in {time.perf_counter() - begin:.0f} s"))

    def _weg_met_oude(self, aantal: int) -> None:
        """Replacing refuses while an auditor has access: withdraw the benchmark auditor's grants first,
        and drop province groups beyond ``aantal`` (a smaller run after a larger one)."""
        for toegang in AuditorToegang.objects.filter(
            audit__werkgroep__slug__regex=r"^p[0-9]{3}-", ingetrokken_op__isnull=True
        ).select_related("audit__werkgroep", "user"):
            auditor_trek_toegang_in(actor=None, toegang=toegang)
        slugs = {provincie.dossier_slug(n) for n in range(aantal)}
        for werkgroep in Werkgroep.objects.filter(slug__regex=r"^p[0-9]{3}-").exclude(slug__in=slugs):
            with transaction.atomic():
                for onderdeel in reversed(onderdelen()):
                    if onderdeel.verwijder:
                        onderdeel.verwijder(werkgroep)
                werkgroep.delete()

    def _documentensets(self, werkgroepen: list[Werkgroep], echte_sets: bool) -> None:
        from audits.documentenset import services

        audits = list(
            Audit.objects.filter(werkgroep__in=werkgroepen, documentenset_aangeleverd_op__isnull=False)
            .select_related("werkgroep", "cyclus")
            .order_by("werkgroep__naam", "cyclus__nummer")
        )
        if not audits:
            return
        # the real one: the largest group's last delivered set (the one the benchmark's auditor opens)
        echt = max((a for a in audits if a.werkgroep_id == werkgroepen[0].pk), key=lambda a: a.cyclus.nummer)
        start = time.perf_counter()
        self.stdout.write(f"Documentenset van {echt.werkgroep.naam}, cyclus {echt.cyclus.nummer} renderen…")
        rij = self._set(echt, services.documentenset_render)
        self.stdout.write(f"  {rij.paginas} pagina's in {time.perf_counter() - start:.0f} s")
        gerenderd = services.Pdf(rij.bestand.read(), rij.paginas)
        rij.bestand.close()
        for audit in audits:
            if audit.pk == echt.pk:
                continue
            if echte_sets:
                self._set(audit, services.documentenset_render)
                continue
            with _vaste_pdf(services, gerenderd):
                self._set(audit, services.documentenset_render)
        self.stdout.write(f"{len(audits)} aangeleverde documentensets")

    def _set(self, audit: Audit, render) -> Documentenset:
        rij = render(documentenset=Documentenset.objects.create(audit=audit))
        if rij.status != Documentenset.Status.KLAAR:
            raise RuntimeError(f"documentenset van {audit.werkgroep.slug} mislukt: {rij.fout}")
        Documentenset.objects.filter(pk=rij.pk).update(aangeleverd_op=audit.documentenset_aangeleverd_op)
        return rij

    def _gebruikers(self, werkgroepen: list[Werkgroep]) -> None:
        User = get_user_model()
        users = {}
        for email, naam in (
            (LID, "Lid Provincie"),
            (BEGELEIDER, "Begeleider Provincie"),
            (AUDITOR, "Auditor Provincie"),
        ):
            user, _ = User.objects.get_or_create(email=email)
            user.naam = naam
            user.set_password(WACHTWOORD)
            user.save()
            users[email] = user
        grootste = werkgroepen[0]
        lid = grootste.leden.get(email="lid0@p000.kvo.example")  # the chair of the largest group
        lid.user = users[LID]
        lid.save(update_fields=["user"])
        begeleiding, _ = Begeleidingsorganisatie.objects.get_or_create(naam=BEGELEIDING)
        begeleiding.gebruikers.add(users[BEGELEIDER])
        for werkgroep in werkgroepen:  # save(), as kvo_demo: a change the work group's history records
            werkgroep.begeleiding = begeleiding
            werkgroep.save(update_fields=["begeleiding"])
        audit = (
            Audit.objects.filter(werkgroep=grootste, documentenset_aangeleverd_op__isnull=False)
            .order_by("-cyclus__nummer")
            .first()
        )
        auditor_geef_toegang(actor=users[BEGELEIDER], audit=audit, email=AUDITOR, dagen=90)


@contextlib.contextmanager
def _vaste_pdf(services, pdf):
    """``documentenset_render`` with ``set_pdf`` answering the one rendered PDF: the row still goes
    through the service (fresh file name, SHA-256, page count, ``klaar`` in one update)."""
    echte = services.set_pdf
    services.set_pdf = lambda **kwargs: pdf
    try:
        yield
    finally:
        services.set_pdf = echte
