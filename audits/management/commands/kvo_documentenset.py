"""``manage.py kvo_documentenset <slug> [--cyclus N] [--datum JJJJ-MM-DD] --out FILE.pdf``: the set, synchronously.

Renders the same PDF the worker makes (no task, no row): for a check by hand, or to hand over a set
when no worker runs.
"""

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django_scopes import scope

from audits.documentenset.services import set_pdf
from audits.models import Audit
from kvo.toets import kies_cyclus
from werkgroepen.models import Werkgroep


class Command(BaseCommand):
    help = "Maak de documentenset (PDF) van een werkgroep voor een cyclus."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="korte naam van de werkgroep")
        parser.add_argument("--cyclus", type=int, help="nummer van de cyclus (standaard de laatste)")
        parser.add_argument("--datum", help="datum van de set JJJJ-MM-DD (standaard vandaag)")
        parser.add_argument("--out", required=True, help="het PDF-bestand dat wordt geschreven")

    def handle(self, *args, slug, cyclus, datum, out, **options):
        werkgroep = Werkgroep.objects.filter(slug=slug).first()
        if werkgroep is None:
            raise CommandError(f'Onbekende werkgroep "{slug}".')
        try:
            peildatum = dt.date.fromisoformat(datum) if datum else timezone.localdate()
        except ValueError:
            raise CommandError(f'Ongeldige datum "{datum}": gebruik JJJJ-MM-DD.') from None
        with scope(werkgroep=werkgroep):
            gekozen = kies_cyclus(werkgroep, cyclus)
            if gekozen is None:
                nummers = ", ".join(str(n) for n in werkgroep.cycli.values_list("nummer", flat=True)) or "geen"
                raise CommandError(f"Werkgroep {slug} heeft geen cyclus {cyclus or ''} (wel: {nummers}).")
            audit = Audit.objects.filter(cyclus=gekozen).select_related("contactpersoon").order_by("-pk").first()
            pdf = set_pdf(werkgroep=werkgroep, cyclus=gekozen, audit=audit, datum=peildatum)
        Path(out).write_bytes(pdf.inhoud)
        self.stdout.write(f"{out}: {pdf.paginas} pagina's, SHA-256 {pdf.sha256}")
