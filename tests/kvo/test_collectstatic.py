"""The production image runs collectstatic with the manifest storage (Dockerfile); a vendored file
that points at a missing source map makes that fail, so the build is tested here."""

import os
import subprocess
import sys

from django.conf import settings


def test_collectstatic_met_productieopslag(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kvo.settings",
        "DJANGO_SECRET_KEY": "build-only",
        "DJANGO_DEBUG": "0",
        "KVO_STATIC_ROOT": str(tmp_path / "static"),
    }
    uitkomst = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert uitkomst.returncode == 0, uitkomst.stderr[-2000:]
    assert (tmp_path / "static" / "staticfiles.json").exists()
