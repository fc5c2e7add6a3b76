"""A test identity provider in a process of its own (``tests/sso.py`` starts it): django-oauth-toolkit
with OpenID Connect, and a small SAML IdP view that signs its assertions with xmlsec (python3-saml).
Nothing of KVO Werkplaats is loaded here: it is the organisation's side."""

import os
from pathlib import Path

MAP = Path(os.environ["KVO_IDP_MAP"])

SECRET_KEY = "test-idp-only"
DEBUG = False
ALLOWED_HOSTS = ["*"]
USE_TZ = True
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "oauth2_provider",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
ROOT_URLCONF = "tests.sso_idp.urls"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(MAP / "idp.sqlite3")}}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
TEMPLATES = []
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
OAUTH2_PROVIDER = {
    "OIDC_ENABLED": True,
    "OIDC_RSA_PRIVATE_KEY": (MAP / "idp.key").read_text(),
    "OAUTH2_VALIDATOR_CLASS": "tests.sso_idp.views.Validator",
    "SCOPES": {"openid": "OpenID Connect", "profile": "Profiel", "email": "E-mail"},
    "ALLOWED_REDIRECT_URI_SCHEMES": ["http", "https"],
}
