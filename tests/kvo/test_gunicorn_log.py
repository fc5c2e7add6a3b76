"""The production access log (gunicorn) never carries a survey link's token."""

import logging
import logging.config
import runpy
import secrets
from pathlib import Path

from django.conf import settings


def test_toegangslog_zonder_token(capsys):
    config = runpy.run_path(str(Path(settings.BASE_DIR) / "kvo" / "gunicorn.conf.py"))["logconfig_dict"]
    logging.config.dictConfig(config)
    token = secrets.token_urlsafe(32)
    # gunicorn logs its access line with a dict of atoms as the argument
    logging.getLogger("gunicorn.access").info(
        '%(h)s "%(r)s" %(s)s', {"h": "10.0.0.1", "r": f"GET /e/{token}/ HTTP/1.1", "s": "302"}
    )
    uit = capsys.readouterr().out
    assert "GET /e/…/ HTTP/1.1" in uit and token not in uit
