"""``manage.py kvo_import FILE [--replace]`` — load a kvo-dossier/1 (.json or .zip): all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kvo.dossier import DossierFout
from kvo.dossier.services import dossier_importeer, dossier_lees


class Command(BaseCommand):
    help = "Importeer een KVO-dossier (kvo-dossier/1, .json of .zip). Alles of niets."

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="dossier.json of dossier.zip")
        parser.add_argument(
            "--replace", action="store_true", help="vervang een bestaande werkgroep met dezelfde korte naam"
        )

    def handle(self, *args, bestand, replace, **options):
        pad = Path(bestand)
        if not pad.is_file():
            raise CommandError(f"Bestand niet gevonden: {pad}")
        try:
            ingelezen = dossier_lees(pad.read_bytes(), naam=pad.name)
            werkgroep = dossier_importeer(
                actor=None, dossier=ingelezen.dossier, bestanden=ingelezen.bestanden, vervang=replace
            )
        except DossierFout as fout:
            regels = "\n".join(f"  - {p}" for p in fout.problemen)
            raise CommandError(
                f"Het dossier is niet geïmporteerd ({len(fout.problemen)} probleem/problemen); er is niets opgeslagen:"
                f"\n{regels}"
            ) from fout
        self.stdout.write(self.style.SUCCESS(f"Werkgroep {werkgroep.naam} ({werkgroep.slug}) geïmporteerd."))
