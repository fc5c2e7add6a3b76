"""Services queue tasks by their registered name (``kvo.na_commit``) and import no task module, so a
process that is not the worker (gunicorn's web workers, a management command) must register every
app's tasks on start: otherwise queuing fails with Celery's ``NotRegistered``."""

import subprocess
import sys

from django.conf import settings

CODE = """
import django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kvo.settings")
django.setup()
from celery import current_app
namen = {n for n in current_app.tasks if not n.startswith("celery.")}
print("\\n".join(sorted(namen)))
"""


def test_een_webproces_kent_elke_taak_op_naam():
    uit = subprocess.run(
        [sys.executable, "-c", CODE], cwd=settings.BASE_DIR, capture_output=True, text=True, check=True, timeout=120
    ).stdout.split()
    for naam in (
        "analyse.tasks.uitnodigingen_versturen",
        "audits.documentenset.tasks.documentenset_renderen",
        "kvo.tasks.werkgroep_toets_bijwerken",
        "aanpak.tasks.weekoverzicht_versturen",
    ):
        assert naam in uit, naam
