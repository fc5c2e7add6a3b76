"""``manage.py kvo_toets <slug> [--cyclus N] [--datum JJJJ-MM-DD] [--format json|text]`` — the handboektoets."""

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django_scopes import scope

from kvo.regelingen import regeling_van
from kvo.toets import Gereedheid, kies_cyclus, voer_toets_uit
from werkgroepen.models import Werkgroep


class Command(BaseCommand):
    help = (
        "Toets een werkgroep aan zijn regeling: het KVO Handboek Bedrijventerreinen 4.0 (elke eis uit eisen.md) "
        "of PVO Veilig Bedrijventerrein (elke eis uit pvo.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="korte naam van de werkgroep")
        parser.add_argument("--cyclus", type=int, help="nummer van de cyclus (standaard de laatste)")
        parser.add_argument("--datum", help="toetsdatum JJJJ-MM-DD (standaard vandaag)")
        parser.add_argument("--format", choices=["json", "text"], default="json", help="uitvoer (standaard json)")

    def handle(self, *args, slug, cyclus, datum, format, **options):
        werkgroep = Werkgroep.objects.filter(slug=slug).first()
        if werkgroep is None:
            raise CommandError(f'Onbekende werkgroep "{slug}".')
        if datum:
            try:
                peildatum = dt.date.fromisoformat(datum)
            except ValueError:
                raise CommandError(f'Ongeldige datum "{datum}": gebruik JJJJ-MM-DD, bijvoorbeeld 2026-03-01.') from None
        else:
            peildatum = timezone.localdate()
        with scope(werkgroep=werkgroep):
            gekozen = kies_cyclus(werkgroep, cyclus)
            if cyclus is not None and gekozen is None:
                nummers = ", ".join(str(n) for n in werkgroep.cycli.values_list("nummer", flat=True)) or "geen"
                raise CommandError(f"Werkgroep {slug} heeft geen cyclus {cyclus} (wel: {nummers}).")
        resultaten = voer_toets_uit(werkgroep, cyclus=gekozen, datum=peildatum)
        if format == "json":
            uit = {
                "werkgroep": werkgroep.slug,
                "cyclus": gekozen.nummer if gekozen else None,
                "datum": peildatum.isoformat(),
                "eisen": [
                    {"id": r.id, "status": r.status.value, "toelichting": r.uitkomst.toelichting} for r in resultaten
                ],
            }
            self.stdout.write(json.dumps(uit, ensure_ascii=False, indent=2))
            return
        self._tekst(werkgroep, gekozen, peildatum, resultaten)

    def _tekst(self, werkgroep, cyclus, peildatum, resultaten):
        w = self.stdout.write
        cyclustekst = f"cyclus {cyclus.nummer} ({cyclus.get_soort_display()})" if cyclus else "geen cyclus"
        w(f"Handboektoets {werkgroep.naam} — {cyclustekst} — per {peildatum:%d-%m-%Y}")
        breedte = max(len(r.id) for r in resultaten)
        regeling = regeling_van(cyclus or werkgroep)
        if regeling.is_pvo:  # KVO-B's output stays as it was
            w(f"Regeling: {regeling.naam}")
        for groep in regeling.groepen:
            rijen = [r for r in resultaten if r.eis.groep == groep]
            if not rijen:
                continue
            w("")
            w(groep.upper())
            for r in rijen:
                w(f"  {r.id:<{breedte}}  {r.status.label:<12}  §{r.eis.paragraaf:<13}  {r.uitkomst.toelichting}")
        g = Gereedheid.uit(resultaten)
        w("")
        w("Totaal: " + ", ".join(f"{n} {s.label}" for s, n in g.aantallen.items()) + f" (van {g.totaal} eisen)")
        w(f"Gereedheid: {g.tekst} (eisen die niet van toepassing zijn tellen niet mee)")
