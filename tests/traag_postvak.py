"""A mail backend for the worker-fault test: writes each message to its own file (complete, by an
atomic rename) and takes a little time per message, so a worker can be killed halfway."""

import os
import time
import uuid

from django.core.mail.backends.base import BaseEmailBackend


class TraagPostvak(BaseEmailBackend):
    def __init__(self, *args, file_path=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.map = file_path or os.environ["DJANGO_EMAIL_FILE_PATH"]

    def send_messages(self, email_messages):
        map_ = self.map
        for bericht in email_messages:
            tijdelijk = os.path.join(map_, f".{uuid.uuid4().hex}")
            with open(tijdelijk, "wb") as f:
                f.write(bericht.message().as_bytes())
            os.replace(tijdelijk, os.path.join(map_, f"{uuid.uuid4().hex}.eml"))
            time.sleep(0.02)
        return len(email_messages)
