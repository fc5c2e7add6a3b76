"""Gunicorn settings of the production shape (docker-compose's web service).

The access log goes through Python logging with ``kvo.logfilters.GeenGeheimen``: a personal
survey link's first request (``/e/<token>/``) is logged as ``/e/…/``, never with its token.
"""

import gc

bind = "0.0.0.0:8000"
workers = 3
timeout = 60
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"geen_geheimen": {"()": "kvo.logfilters.GeenGeheimen"}},
    "formatters": {"kort": {"format": "%(asctime)s %(name)s %(message)s"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "filters": ["geen_geheimen"],
            "formatter": "kort",
            "stream": "ext://sys.stdout",
        }
    },
    # gunicorn merges this into its defaults, whose root logger names a "console" handler that the
    # "handlers" above replace: without a root of our own, gunicorn 27 refuses to start.
    "root": {"handlers": ["stdout"], "level": "WARNING"},
    "loggers": {
        "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "gunicorn.error": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
}


def post_worker_init(worker):
    """Load every view now (the URLconf), then freeze what start-up made: the collector's full passes
    then walk only what requests leave behind, not Django, the views and the libraries (some 200,000
    objects, ~100 ms a pass on this machine; bench/RESULTS.md, 8 December)."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018  (imports every view module)
    gc.collect()
    gc.freeze()
