"""Benchmark of the measures matrix: a plan with 60 measures renders with the same number of
queries as one with 6 (no N+1), and quickly. Run through ``bench/run.py``."""


def run(*, meet, werkgroep):
    import datetime as dt

    from django.contrib.auth import get_user_model
    from django.test import Client
    from django_scopes import scopes_disabled

    from aanpak.models import Doelstelling, Maatregel, Plan, Voortgang
    from aanpak.services.plan import plan_maak
    from werkgroepen.models import Cyclus

    with scopes_disabled():
        nummer = (werkgroep.cycli.order_by("-nummer").first().nummer if werkgroep.cycli.exists() else 0) + 1
        start = dt.date(2030, 1, 1) + dt.timedelta(days=365 * 3 * nummer)
        cyclus = Cyclus.objects.create(werkgroep=werkgroep, nummer=nummer, soort="opvolgende", start=start)
        Plan.objects.filter(cyclus=cyclus).delete()
        plan = plan_maak(actor=None, cyclus=cyclus)
        partijen = list(werkgroep.partijen.all())
        doelen = [
            Doelstelling.objects.create(plan=plan, thema=t, titel=f"Doel {t}", volgorde=i)
            for i, t in enumerate(("overlast", "sociale-veiligheid", "brandveiligheid"))
        ]
        staff = get_user_model().objects.filter(is_staff=True).first() or get_user_model().objects.create_user(
            email="bench-staff@example.org", password="x", is_staff=True
        )

    client = Client(SERVER_NAME="localhost")
    client.force_login(staff, backend="django.contrib.auth.backends.ModelBackend")
    pad = f"/w/{werkgroep.slug}/aanpak/matrix/"

    def met_maatregelen(n):
        def voorbereiden():
            with scopes_disabled():
                plan.maatregelen.exclude(soort__startswith="vast-").delete()
                for i in range(n):
                    m = Maatregel.objects.create(
                        plan=plan, titel=f"Maatregel {i}", doelstelling=doelen[i % 3], status="lopend", volgorde=i,
                        verantwoordelijke=partijen[i % len(partijen)], kwartalen=[f"{start.year + i % 3}-Q{1 + i % 4}"],
                    )  # fmt: skip
                    Voortgang.objects.create(maatregel=m, datum=start, tekst="Loopt.")

        return voorbereiden

    def pagina():
        antwoord = client.get(pad)
        assert antwoord.status_code == 200, antwoord.status_code

    meet(
        "maatregelenmatrix (6 maatregelen + 21 vaste)", pagina, doel_s=0.5, doel_mb=30, voorbereiding=met_maatregelen(6)
    )
    meet(
        "maatregelenmatrix (60 maatregelen + 21 vaste)",
        pagina,
        doel_s=0.8,
        doel_mb=40,
        voorbereiding=met_maatregelen(60),
    )
