"""``manage.py kvo_verwijder <slug> --out FILE.zip --door EMAIL --reden TEXT [--op-verzoek]`` — remove an
ended work group: first its full export to FILE, then the removal with a trace of both."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from kvo.dossier.services import dossier_als_zip
from werkgroepen.models import Werkgroep
from werkgroepen.services.levensloop import verwijderen_blokkades, werkgroep_verwijder


class Command(BaseCommand):
    help = (
        "Verwijder een beëindigde werkgroep na een volledige export (.zip met bestanden). Alleen na de "
        "bewaartermijn, of eerder met --op-verzoek. Er blijft een spoor met de SHA-256 van de export."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="korte naam van de werkgroep")
        parser.add_argument("--out", required=True, help="het exportbestand (.zip) dat eerst wordt geschreven")
        parser.add_argument("--door", required=True, help="e-mailadres van de beheerder die verwijdert")
        parser.add_argument("--reden", required=True, help="waarom: verstreken bewaartermijn of het verzoek")
        parser.add_argument(
            "--op-verzoek", action="store_true", help="op uitdrukkelijk verzoek, vóór het einde van de bewaartermijn"
        )

    def handle(self, *args, slug, out, door, reden, op_verzoek, **options):
        werkgroep = Werkgroep.objects.filter(slug=slug).first()
        if werkgroep is None:
            raise CommandError(f'Onbekende werkgroep "{slug}".')
        actor = get_user_model().objects.filter(email=door.strip().lower(), is_staff=True).first()
        if actor is None:
            raise CommandError(f"{door} is geen beheerder van KVO Werkplaats.")
        doel = Path(out)
        if doel.suffix != ".zip":
            raise CommandError("Kies een exportbestand dat eindigt op .zip.")
        if doel.exists():
            raise CommandError(f"{doel} bestaat al; kies een nieuw bestand.")
        problemen = verwijderen_blokkades(werkgroep, op_verzoek=op_verzoek)
        if problemen:
            raise CommandError(" ".join(problemen))
        export = dossier_als_zip(werkgroep=werkgroep)
        doel.write_bytes(export)
        if doel.read_bytes() != export:  # the export is on disk before anything is removed
            raise CommandError(f"De export in {doel} is niet goed geschreven; er is niets verwijderd.")
        try:
            spoor = werkgroep_verwijder(
                actor=actor,
                werkgroep=werkgroep,
                export=export,
                export_bestandsnaam=doel.name,
                reden=reden,
                op_verzoek=op_verzoek,
            )
        except (ValidationError, PermissionDenied) as fout:
            raise CommandError(" ".join(getattr(fout, "messages", [str(fout)]))) from fout
        self.stdout.write(
            self.style.SUCCESS(f"{spoor.naam} verwijderd; export {doel} (SHA-256 {spoor.export_sha256}).")
        )
