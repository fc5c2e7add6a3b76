"""Mail backends for benchmarks.

``Tellen`` counts the messages a task hands over, as an SMTP relay would accept them; it does not
build the MIME text (Python's email package costs about 1 ms a message, the same in every design,
and in production the relay sets the pace). ``Bouwen`` also builds every message, for comparison.
"""

from django.core.mail.backends.base import BaseEmailBackend


class Tellen(BaseEmailBackend):
    def send_messages(self, email_messages):
        return len(email_messages)


class Bouwen(BaseEmailBackend):
    def send_messages(self, email_messages):
        for bericht in email_messages:
            bericht.message().as_bytes()
        return len(email_messages)
