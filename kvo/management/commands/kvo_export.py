"""``manage.py kvo_export <slug> --out FILE`` — a work group as a kvo-dossier/1 (.json or .zip)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kvo.dossier.services import dossier_als_json, dossier_als_zip, dossier_bestanden, dossier_exporteer
from werkgroepen.models import Werkgroep


class Command(BaseCommand):
    help = "Exporteer een werkgroep als KVO-dossier (kvo-dossier/1): .json, of .zip met de bestanden."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="korte naam van de werkgroep")
        parser.add_argument("--out", required=True, help="doelbestand, .json of .zip (- voor stdout, alleen json)")
        parser.add_argument(
            "--voor-ci",
            action="store_true",
            help="voor de certificatie-instelling: zonder e-mailadressen en telefoonnummers van leden",
        )

    def handle(self, *args, slug, out, voor_ci, **options):
        werkgroep = Werkgroep.objects.filter(slug=slug).first()
        if werkgroep is None:
            raise CommandError(f'Onbekende werkgroep "{slug}".')
        if out == "-":
            self.stdout.write(dossier_als_json(dossier_exporteer(werkgroep=werkgroep, voor_ci=voor_ci)).decode())
            return
        doel = Path(out)
        if doel.suffix == ".zip":
            doel.write_bytes(dossier_als_zip(werkgroep=werkgroep, voor_ci=voor_ci))
        elif doel.suffix == ".json":
            if dossier_bestanden(werkgroep=werkgroep):
                raise CommandError("Deze werkgroep heeft documenten met bestanden: exporteer naar een .zip.")
            doel.write_bytes(dossier_als_json(dossier_exporteer(werkgroep=werkgroep, voor_ci=voor_ci)))
        else:
            raise CommandError("Kies een doelbestand dat eindigt op .json of .zip.")
        self.stdout.write(self.style.SUCCESS(f"Dossier van {werkgroep.naam} geschreven naar {doel}."))
