"""Benchmark: the entrepreneurs' register import (CSV, 600 rows, all-or-nothing)."""


def run(*, meet, werkgroep):
    from django_scopes import scope

    from gebieden.importeren import lees_bestand
    from gebieden.models import Bedrijventerrein
    from gebieden.services import ondernemers_importeer

    regels = ["naam;adres;postcode;huisnummer;email;lid_ondernemersvereniging"]
    regels += [
        f"Bench Bedrijf {n} B.V.;Industrieweg {n};8471 A{chr(65 + n % 26)};{n};info{n}@example.org;ja"
        for n in range(600)
    ]
    inhoud = "\n".join(regels).encode()

    with scope(werkgroep=werkgroep):
        terrein = Bedrijventerrein.objects.create(werkgroep=werkgroep, naam="Benchterrein", gemeente="Grootstad")

    def leeg_maken():
        with scope(werkgroep=werkgroep):
            werkgroep.terreinen.exclude(pk=terrein.pk).delete()  # room under the 600 limit
            terrein.ondernemers.all().delete()

    def importeer():
        with scope(werkgroep=werkgroep):
            ondernemers_importeer(actor=None, terrein=terrein, rijen=lees_bestand("register.csv", inhoud))

    meet("register importeren (CSV, 600 rijen)", importeer, doel_s=3.0, doel_mb=60, voorbereiding=leeg_maken)
