"""The Celery app. Beat schedules are defined here, in code, so they are reviewed like code."""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kvo.settings")

app = Celery("kvo")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.conf.beat_schedule = {
    # An auditor's guardian grant ends when its time limit passes, not when someone remembers.
    "auditor-toegang-intrekken": {
        "task": "audits.tasks.auditor_toegang_trek_verlopen_in",
        "schedule": crontab(minute=7),
    },
    # Survey reminders: each due round goes out once, to those who have not answered (analyse.tasks).
    "enquete-herinneringen": {
        "task": "analyse.tasks.herinneringen_plannen",
        "schedule": crontab(minute=20),
    },
    # "Mijn acties": each member's measures due this quarter and overdue, Monday morning (aanpak.tasks).
    "weekoverzicht-acties": {
        "task": "aanpak.tasks.weekoverzichten_plannen",
        "schedule": crontab(minute=30, hour=6, day_of_week=1),
    },
    # The audit's reminders: a week before the document set's deadline; 12 and 6 months before a certificate expires.
    "audit-herinneringen": {
        "task": "audits.tasks.audit_herinneringen",
        "schedule": crontab(minute=40, hour=7),
    },
    # Readiness snapshots move with the calendar: a deadline passes without anyone saving.
    "toetsen-bijwerken": {
        "task": "kvo.tasks.alle_toetsen_bijwerken",
        "schedule": crontab(minute=15, hour=3),
    },
    # AVG: personal data past its retention period is removed or anonymised, logged per work group (kvo.avg).
    "bewaartermijnen": {
        "task": "kvo.tasks.bewaartermijnen_toepassen",
        "schedule": crontab(minute=45, hour=2),
    },
}
