"""Settings for a worker in the document-set fault test: ``kvo.settings`` with a render slowed down,
so that the test can kill the worker at a point it chooses instead of racing a render of a second.

``DJANGO_SETTINGS_MODULE=tests.werker_traag_documentenset`` (only in the worker's environment):
- every template under ``pdf/documentenset/`` takes ``TRAAG_SJABLOON`` seconds to load, so the row
  reports each part's progress for a while (the cached loader is left out on purpose);
- the storage writes a file in five pieces with a pause after each, so a half-written PDF stands
  on disk for a while under its fresh name.
"""

import os
import time

from django.core.files.storage import FileSystemStorage
from django.template.loaders.filesystem import Loader as BestandLader

from kvo.settings import *  # noqa: F403
from kvo.settings import STORAGES, TEMPLATES

TRAAG_SJABLOON = 0.25
TRAAG_STUK = 0.4


class TraagSjabloon(BestandLader):
    def get_contents(self, origin):
        if "pdf/documentenset/" in str(origin.template_name):
            time.sleep(TRAAG_SJABLOON)
        return super().get_contents(origin)


class TraagOpslag(FileSystemStorage):
    def _save(self, name, content):
        pad = self.path(name)
        os.makedirs(os.path.dirname(pad), exist_ok=True)
        stuk = max(1024, content.size // 5 + 1)
        with open(pad, "xb") as f:  # the fresh name, written in place as FileSystemStorage does
            for deel in content.chunks(stuk):
                f.write(deel)
                f.flush()
                time.sleep(TRAAG_STUK)
        return name


TEMPLATES = [
    {
        **TEMPLATES[0],
        "APP_DIRS": False,
        "OPTIONS": {
            **TEMPLATES[0]["OPTIONS"],
            "loaders": [f"{__name__}.TraagSjabloon", "django.template.loaders.app_directories.Loader"],
        },
    }
]
STORAGES = {**STORAGES, "default": {"BACKEND": f"{__name__}.TraagOpslag"}}
