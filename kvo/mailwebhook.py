"""The mail provider's tracking webhook (django-anymail, Mailgun): bounces and complaints come in here.

Only when ``MAILGUN_WEBHOOK_SIGNING_KEY`` is set (``settings.ANYMAIL``); without it the path is a 404,
like any path that does not exist. Anymail checks the HMAC signature of each call (a wrong one is a
400) and sends its ``tracking`` signal; the apps that sent the mail listen (``analyse.bounces``), so
the core never imports them.
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def mailgun_tracking(request, *args, **kwargs):
    if not getattr(settings, "ANYMAIL", {}).get("MAILGUN_WEBHOOK_SIGNING_KEY"):
        raise Http404("Geen webhook ingesteld.")
    from anymail.webhooks.mailgun import MailgunTrackingWebhookView

    return MailgunTrackingWebhookView.as_view()(request, *args, **kwargs)
