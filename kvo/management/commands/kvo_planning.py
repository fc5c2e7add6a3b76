"""The beat schedule (``kvo/celery.py``) from the command line: list it, or run every job once now.

``bin/demo`` calls ``kvo_planning --inhalen`` after starting its worker and beat, because beat does
not catch up on a schedule it has never run: a reminder round that fell due while the app was off
goes out now instead of at the next full hour. Every scheduled job is safe to run twice (each one
claims a ledger row or a date field before it sends), so catching up never sends a mail twice.
"""

from django.core.management.base import BaseCommand

from kvo.celery import app


class Command(BaseCommand):
    help = "Toont de planning van terugkerende taken; met --inhalen draait elke taak nu één keer."

    def add_arguments(self, parser):
        parser.add_argument(
            "--inhalen",
            action="store_true",
            help="elke geplande taak nu één keer starten (via de worker, of direct zonder wachtrij)",
        )

    def handle(self, *args, inhalen=False, **options):
        for naam, regel in app.conf.beat_schedule.items():
            self.stdout.write(f"{naam:28} {regel['schedule']}  {regel['task']}")
            if inhalen:
                plan_nu(regel["task"])
        if inhalen:
            waar = "direct uitgevoerd" if app.conf.task_always_eager else "in de wachtrij gezet"
            self.stdout.write(self.style.SUCCESS(f"{len(app.conf.beat_schedule)} geplande taken {waar}."))


def plan_nu(taak: str):
    """Start one scheduled task now, the way beat would: through the broker to a worker, or eagerly
    (in this process) when the app runs without one."""
    if app.conf.task_always_eager:
        app.loader.import_default_modules()  # the apps' tasks modules, as a worker imports them at start
        return app.tasks[taak].apply()
    return app.send_task(taak)
