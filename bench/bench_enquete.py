"""Benchmarks of the survey: the results page of 600 responses × 40 questions (time and a bounded
number of queries), and 60,000 due reminders processed by the task the worker runs (target 60 s)."""

AANTAL = int(__import__("os").environ.get("KVO_BENCH_HERINNERINGEN", "60000"))


def run(*, meet, werkgroep):
    import datetime as dt
    import random

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.utils import timezone
    from django_scopes import scopes_disabled

    from analyse.models import Enquete, EnqueteUitnodiging, Herinnering, Reactie, Vraag
    from analyse.services.reacties import reactieteller_verhoog
    from analyse.tasks import herinneringen_versturen
    from gebieden.models import Bedrijventerrein, Ondernemer
    from werkgroepen.models import Cyclus

    rng = random.Random(1)
    vandaag = timezone.localdate()
    with scopes_disabled():
        cyclus = Cyclus.objects.create(werkgroep=werkgroep, nummer=9, soort="opvolgende", start=vandaag)
        enquete = Enquete.objects.create(
            werkgroep=werkgroep, cyclus=cyclus, titel="Bench", geopend_op=vandaag - dt.timedelta(days=8),
            gesloten_op=vandaag + dt.timedelta(days=20), herinnering_dagen=[7],
        )  # fmt: skip
        soorten = ["schaal", "keuze", "meerkeuze", "ja-nee", "getal", "open"]
        vragen = Vraag.objects.bulk_create(
            Vraag(
                enquete=enquete,
                ref=f"q{i}",
                volgorde=i,
                blok=1 + i % 44,
                thema="overlast",
                tekst=f"Vraag {i}?",
                type=soorten[i % 6],
                opties=["A", "B", "C", "D"] if soorten[i % 6] in ("keuze", "meerkeuze") else [],
            )
            for i in range(40)
        )
        terrein = werkgroep.terreinen.first()

        def antwoord(v):
            if v.type == "schaal":
                return rng.randint(1, 5)
            if v.type == "keuze":
                return rng.choice(v.opties)
            if v.type == "meerkeuze":
                return rng.sample(v.opties, 2)
            if v.type == "ja-nee":
                return rng.random() < 0.5
            if v.type == "getal":
                return rng.randint(0, 200)
            return "Meer verlichting graag."

        Reactie.objects.bulk_create(
            Reactie(
                enquete=enquete,
                terrein=terrein,
                antwoorden={v.ref: antwoord(v) for v in vragen},
                zichtbaar=Reactie.Zichtbaar.TERREIN,  # published, as after 120 batches
            )
            for _ in range(600)
        )
        reactieteller_verhoog(enquete_id=enquete.pk, terrein_id=terrein.pk, aantal=600)  # the response figure
        staff = get_user_model().objects.filter(email="bench-staff@example.org").first() or (
            get_user_model().objects.create_user(email="bench-staff@example.org", password="x", is_staff=True)
        )

    client = Client(SERVER_NAME="localhost")
    client.force_login(staff, backend="django.contrib.auth.backends.ModelBackend")
    pad = f"/w/{werkgroep.slug}/analyse/enquete/resultaten/"

    def pagina():
        antwoord = client.get(pad)
        assert antwoord.status_code == 200, antwoord.status_code

    meet("resultatenpagina (600 reacties × 40 vragen)", pagina, doel_s=2.0, doel_mb=120)

    # 60,000 invitations by e-mail, not answered, delivered eight days ago: reminder round 1 is due.
    settings.MAILERS = {
        "default": {"BACKEND": f"bench.postvak.{__import__('os').environ.get('KVO_BENCH_POSTVAK', 'Tellen')}"}
    }
    with scopes_disabled():
        groot = Bedrijventerrein.objects.create(werkgroep=werkgroep, naam="Bench groot", gemeente="Grootstad")
        ondernemers = Ondernemer.objects.bulk_create(
            (
                Ondernemer(terrein=groot, ref=f"b{i}", naam=f"Bedrijf {i}", email=f"b{i}@example.org")
                for i in range(AANTAL)
            ),
            batch_size=2000,
        )
        EnqueteUitnodiging.objects.bulk_create(
            (
                EnqueteUitnodiging(
                    enquete=enquete,
                    ondernemer=o,
                    kanaal="email",
                    verzending="verstuurd",
                    verstuurd_op=timezone.now() - dt.timedelta(days=8),
                )
                for o in ondernemers
            ),
            batch_size=2000,
        )

    def opnieuw():
        with scopes_disabled():
            Herinnering.objects.filter(uitnodiging__enquete=enquete).delete()

    def herinneren():
        uitkomst = herinneringen_versturen(werkgroep_id=werkgroep.pk, enquete_id=enquete.pk, ronde=1)
        assert uitkomst["verstuurd"] == AANTAL, uitkomst

    meet(
        "60.000 herinneringen (taak van de worker)",
        herinneren,
        doel_s=60.0,
        doel_mb=400,
        herhaal=1,
        voorbereiding=opnieuw,
    )
