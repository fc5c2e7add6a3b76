"""Settings, all in one place, driven by environment variables.

Without configuration the app runs embedded: SQLite, Celery tasks executed eagerly in the
request, mail printed to the console. ``DATABASE_URL`` switches to PostgreSQL, ``REDIS_URL``
to Redis as Celery broker and cache (and so a real worker), ``S3_BUCKET`` to S3-compatible
media storage so web and workers can run on several machines.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ja"}


DEBUG = env_bool("DJANGO_DEBUG", default=not os.environ.get("DATABASE_URL"))
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or ("dev-only-insecure-key-change-me" if DEBUG else None)
if not SECRET_KEY:
    raise RuntimeError("Zet DJANGO_SECRET_KEY: zonder DEBUG is een geheime sleutel verplicht.")

ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]
SITE_URL = os.environ.get("KVO_SITE_URL", "http://127.0.0.1:8000")
# Fetch CBS open data (registered crime per neighbourhood) from its OData endpoint; off: import a downloaded file.
KVO_CBS_OPHALEN = os.environ.get("KVO_CBS_OPHALEN", "") == "1"
# The street map under the area's outline in the document set (gebieden.ondergrond): a {z}/{x}/{y}
# tile service, off by default (no internet); docker-compose sets PDOK's BRT-Achtergrondkaart.
KVO_KAART_TEGELS = os.environ.get("KVO_KAART_TEGELS", "")
KVO_KAART_BRON = os.environ.get("KVO_KAART_BRON", "BRT-Achtergrondkaart, © Kadaster (PDOK)")
KVO_TEGELCACHE = os.environ.get("KVO_TEGELCACHE", str(Path(os.environ.get("TMPDIR", "/tmp")) / "kvo-tegels"))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",  # single sign-on per organisation (kvo.sso)
    "allauth.socialaccount.providers.openid_connect",
    "allauth.socialaccount.providers.saml",
    "guardian",
    "django_htmx",
    "simple_history",
    "anymail",
    "kvo",
    "werkgroepen",
    "gebieden",
    "analyse",
    "aanpak",
    "audits",
    "demo",  # the demo and the benchmarks' data (manage.py kvo_demo, kvo_provincie); no other app imports it
    "health_check",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "kvo.koppen.PermissionsPolicy",  # the Permissions-Policy header (PERMISSIONS_POLICY below)
    "kvo.adres.GeenNulInHetAdres",  # a NUL in the path is a 404, never a database error (kvo/adres.py)
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "kvo.downloads.NietBewaren",  # Cache-Control: private, no-store on every file handed out
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kvo.logcontext.VerzoekContext",  # request id, user and (later) work group on every log line
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",  # the user of each change (kvo/geschiedenis.py)
    "django_htmx.middleware.HtmxMiddleware",
    "kvo.tenancy.WerkgroepMiddleware",
]

ROOT_URLCONF = "kvo.urls"
WSGI_APPLICATION = "kvo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kvo.context_processors.werkgroep",
            ],
        },
    }
]

# --- Database: SQLite embedded, PostgreSQL with DATABASE_URL -------------------------------
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("KVO_SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            # A file, not memory, for the test database: the real-worker test runs a Celery
            # worker in another process that must see the same rows.
            "TEST": {"NAME": os.environ.get("KVO_TEST_SQLITE") or str(BASE_DIR / f".test-db-{os.getpid()}.sqlite3")},
            "OPTIONS": {"timeout": 20},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: Celery broker and cache when REDIS_URL is set ----------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Without Redis, KVO_WACHTRIJ names a folder that serves as the broker (kombu's filesystem
# transport): bin/demo sets it and starts a real worker and beat beside the app, so the embedded
# default runs the same schedule through the same tasks as production. Without either, tasks run
# eagerly inside the request (tests, a bare runserver) and nothing is scheduled.
KVO_WACHTRIJ = "" if REDIS_URL else os.environ.get("KVO_WACHTRIJ", "")
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
elif KVO_WACHTRIJ:
    CELERY_BROKER_URL = "filesystem://"
else:
    CELERY_BROKER_URL = "memory://localhost/"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = not (REDIS_URL or KVO_WACHTRIJ)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = "Europe/Amsterdam"
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# The document set renders on its own queue: WeasyPrint keeps the whole document in memory and does
# not give it back, so the worker that serves "pdf" recycles its process after every task
# (docker-compose: --max-tasks-per-child=1). Redis redelivers an unacknowledged task after the
# visibility timeout: keep it well above the longest render (about a minute). A worker killed as a
# whole leaves its task unacknowledged; a worker started after that timeout takes it up again
# (KVO_CELERY_VISIBILITY_TIMEOUT, seconds: the worker-fault tests set it low).
CELERY_TASK_ROUTES = {"audits.documentenset.tasks.documentenset_renderen": {"queue": "pdf"}}
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": int(os.environ.get("KVO_CELERY_VISIBILITY_TIMEOUT", "3600"))}
if KVO_WACHTRIJ:
    for _map in ("berichten", "besturing"):
        os.makedirs(os.path.join(KVO_WACHTRIJ, _map), exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": os.path.join(KVO_WACHTRIJ, "berichten"),
        "data_folder_out": os.path.join(KVO_WACHTRIJ, "berichten"),
        "control_folder": os.path.join(KVO_WACHTRIJ, "besturing"),
        "store_processed": False,
    }

# --- Auth: e-mail login through allauth, TOTP through allauth.mfa, guardian object grants ---
AUTH_USER_MODEL = "kvo.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
    "guardian.backends.ObjectPermissionBackend",
]
GUARDIAN_ANONYMOUS_USER_NAME = None
ANONYMOUS_USER_NAME = None  # no guardian anonymous user: our users have no username

ACCOUNT_ADAPTER = "kvo.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"  # invitations prove the address; see werkgroepen.services
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Failed logins: 5 per account (the address typed) lock that account for 5 minutes; per client address
# the limit is higher, so one member's typing errors do not lock out a colleague behind the same
# office or proxy address. The client address: kvo.adapters.client_ip (KVO_PROXY_COUNT below).
ACCOUNT_RATE_LIMITS = {
    "login_failed": "20/5m/ip,5/5m/key",
    "login": "30/m/ip",
    "reset_password": "5/m/ip,3/m/key",
    "signup": "10/h/ip",
}
# Single sign-on per organisation (kvo.sso): staff configure the identity providers (OIDC, SAML) and the
# e-mail domains they serve under /beheer/inloggen/; a first sign-in links to an invited account with
# that address and never makes one (kvo.sso.SocialAccountAdapter).
SOCIALACCOUNT_ADAPTER = "kvo.sso.SocialAccountAdapter"
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False  # linking is kvo.sso's own, bound to the provider's domains
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = 10
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "KVO Werkplaats"
# A phone's clock drifts and a code typed at the end of its 30 s is often checked in the next: accept the
# neighbouring period too (allauth marks a used code for the whole window, so it is still used once).
MFA_TOTP_TOLERANCE = 1
LOGIN_REDIRECT_URL = "home"
LOGIN_URL = "account_login"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Language and time ------------------------------------------------------------------
# Dutch for everyone: no LocaleMiddleware until an English catalogue exists, so a browser asking
# for English does not get a half-translated page. Strings are marked for translation.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Files --------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("KVO_STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("KVO_MEDIA_ROOT", BASE_DIR / "media"))

S3_BUCKET = os.environ.get("S3_BUCKET", "")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION") or None,
            "access_key": os.environ.get("S3_ACCESS_KEY_ID"),
            "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY"),
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

# --- Mail ---------------------------------------------------------------------------------
# MAILERS (Django 6.1): the console in development, SMTP with EMAIL_URL_HOST, or any backend by
# DJANGO_EMAIL_BACKEND (the real-worker tests use the file backend with DJANGO_EMAIL_FILE_PATH).
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "KVO Werkplaats <noreply@kvo-werkplaats.local>")
_mailer = {"BACKEND": os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")}
if os.environ.get("EMAIL_URL_HOST"):
    _mailer = {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": os.environ["EMAIL_URL_HOST"],
            "port": int(os.environ.get("EMAIL_PORT", "587")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", True),
            "timeout": 30,
        },
    }
elif os.environ.get("DJANGO_EMAIL_FILE_PATH"):
    _mailer["OPTIONS"] = {"file_path": os.environ["DJANGO_EMAIL_FILE_PATH"]}
MAILERS = {"default": _mailer}
# Mailgun through django-anymail, only when configured (the embedded default keeps the console or file
# backend): MAILGUN_API_KEY and MAILGUN_SENDER_DOMAIN send through its API (MAILGUN_API_URL for its EU
# region); MAILGUN_WEBHOOK_SIGNING_KEY switches on the signed tracking webhook at /mail/mailgun/tracking/,
# which records bounces and complaints of survey invitations and reminders (analyse/bounces.py).
ANYMAIL = {
    naam: os.environ[naam]
    for naam in ("MAILGUN_API_KEY", "MAILGUN_SENDER_DOMAIN", "MAILGUN_API_URL", "MAILGUN_WEBHOOK_SIGNING_KEY")
    if os.environ.get(naam)
}
if "MAILGUN_API_KEY" in ANYMAIL:
    MAILERS = {"default": {"BACKEND": "anymail.backends.mailgun.EmailBackend"}}

# --- Content Security Policy, in every environment ----------------------------------------
# Scripts and styles only from our own files: no inline script, no style attribute, no inline
# event handler is left in the templates (tests/kvo/test_csp.py reads them all). Map tiles come from
# OpenStreetMap; photos previewed before upload are blob: URLs; data: covers inline SVG images.
from django.utils.csp import CSP  # noqa: E402

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", "blob:", "https://tile.openstreetmap.org"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# The browser features a page may use (kvo/koppen.py sends it as Permissions-Policy on every
# response). The inspection walk takes photos with the phone's camera (a file field with
# capture="environment"; the point's location is read from the photo's EXIF on the server): camera
# and geolocation stay with our own pages, for the phone's photo and location on the walk; no page
# uses the microphone, payments or USB, so no page, nor anything framed in one, may.
PERMISSIONS_POLICY = {
    "camera": ["self"],
    "geolocation": ["self"],
    "microphone": [],
    "payment": [],
    "usb": [],
}

# --- Security in production ---------------------------------------------------------------
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # the TLS proxy in front says so
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^gezondheid/$"]  # the load balancer asks over plain HTTP
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Personal links carry a secret in the path: kvo.logfilters masks it on every logger that logs paths.
    # kvo.logcontext adds the request id, the user id and the work group; in production each line is JSON.
    "filters": {
        "geen_geheimen": {"()": "kvo.logfilters.GeenGeheimen"},
        "context": {"()": "kvo.logcontext.Context"},
    },
    "formatters": {
        "json": {"()": "kvo.logcontext.Json"},
        "tekst": {"format": "%(levelname)s %(name)s [%(verzoek_id)s %(werkgroep)s u%(gebruiker_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["geen_geheimen", "context"],
            "formatter": "json" if env_bool("KVO_LOG_JSON", not DEBUG) else "tekst",
        }
    },
    "loggers": {
        "django.request": {"filters": ["geen_geheimen"]},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False, "filters": ["geen_geheimen"]},
        "django.security": {"filters": ["geen_geheimen"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# django-ratelimit (the public survey): counters live in the cache (Redis in production).
RATELIMIT_ENABLE = env_bool("KVO_RATELIMIT", True)
# Rate limits count per client address. Behind KVO_PROXY_COUNT proxies of our own (the TLS proxy: 1)
# that is the N-th address from the right in X-Forwarded-For; with 0 (the default) the header is
# ignored and REMOTE_ADDR counts, so a client cannot pick its own address. kvo.adapters.client_ip
# serves allauth (through the account adapter) and django-ratelimit alike.
KVO_PROXY_COUNT = int(os.environ.get("KVO_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_PROXY_COUNT = KVO_PROXY_COUNT
RATELIMIT_IP_META_KEY = "kvo.adapters.client_ip"

# Days an auditor's read access to one audit's document set lasts by default.
KVO_AUDITOR_TOEGANG_DAGEN = int(os.environ.get("KVO_AUDITOR_TOEGANG_DAGEN", "30"))

# /gezondheid/ names the failing part only to staff and to "Authorization: Bearer <this token>".
KVO_GEZONDHEID_TOKEN = os.environ.get("KVO_GEZONDHEID_TOKEN", "")

# Benchmarks only (bench/provincie.py): the floor view /_bench/vloer/ and a Server-Timing header with
# the server time and query count of every request (demo/meten.py). Never set in production.
KVO_BENCH = env_bool("KVO_BENCH")
if KVO_BENCH:
    MIDDLEWARE.insert(0, "demo.meten.Meten")
