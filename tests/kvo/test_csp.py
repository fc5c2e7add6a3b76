"""Headers and settings a security officer checks: a strict Content Security Policy (no inline
script, style attribute or event handler left in the templates), and ``manage.py check --deploy``
passing with the production settings."""

import os
import re
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

SJABLONEN = settings.BASE_DIR / "templates"
# PDFs are rendered by WeasyPrint, never served as HTML to a browser; mails are plain text.
NIET_IN_DE_BROWSER = ("pdf", "mail")


def sjablonen():
    for pad in sorted(SJABLONEN.rglob("*.html")):
        if not set(pad.relative_to(SJABLONEN).parts) & set(NIET_IN_DE_BROWSER):
            yield pad


@pytest.mark.parametrize("pad", list(sjablonen()), ids=lambda p: str(p.relative_to(SJABLONEN)))
def test_geen_inline_script_of_stijl(pad):
    tekst = pad.read_text(encoding="utf-8")
    assert not re.search(r"\sstyle\s*=", tekst), "style-attribuut: gebruik een klasse"
    assert not re.search(r"<style\b", tekst), "<style>-element: zet het in static/css"
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", tekst), "inline <script>: zet het in static/js"
    assert not re.search(r"\son[a-z]+\s*=\s*[\"']", tekst), "inline event handler: gebruik addEventListener"


def test_elke_pagina_stuurt_een_strikte_csp(actoren, als):
    response = als(actoren.lid).get("/w/de-hoek/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp


def test_check_deploy_slaagt_met_productie_instellingen():
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "REDIS_URL", "DJANGO_DEBUG", "DJANGO_SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="kvo.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(60),
        DJANGO_ALLOWED_HOSTS="kvo.example.nl",
        EMAIL_URL_HOST="smtp.example.nl",
    )
    uitkomst = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr
    assert "no issues" in uitkomst.stdout
