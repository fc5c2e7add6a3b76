"""The private agenda link: the page where a person makes (or revokes) it, and the feed it opens.

The feed needs no session: the token in its URL is the credential (only its hash is stored, see
``kvo.agendalinks``). An unknown or revoked token is a 404, the same as a path that never existed.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from kvo import agenda
from kvo.agendalinks import agendalink_intrek, agendalink_maak, feed_url, user_van_token
from kvo.models import Agendalink


@login_required
@require_http_methods(["GET", "POST"])
def mijn_agenda(request):
    """GET: whether a link exists (its token cannot be shown again). POST ``nieuw``: a fresh link,
    shown once on this response; POST ``intrekken``: no link any more."""
    nieuwe_url = ""
    if request.method == "POST":
        if request.POST.get("actie") == "intrekken":
            if agendalink_intrek(actor=request.user):
                messages.success(
                    request, "Uw agendalink is ingetrokken; agenda-apps die hem gebruiken krijgen niets meer."
                )
            return redirect("agenda:mijn_agenda")
        nieuwe_url = feed_url(agendalink_maak(actor=request.user))
    link = Agendalink.objects.filter(user=request.user).first()
    werkgroepen, _ = agenda.werkgroepen_en_partijen(request.user, timezone.localdate())
    response = render(
        request,
        "kvo/mijn_agenda.html",
        {"link": link, "nieuwe_url": nieuwe_url, "webcal_url": nieuwe_url.replace("https://", "webcal://", 1)
         if nieuwe_url.startswith("https://") else "", "agenda_werkgroepen": werkgroepen},
    )  # fmt: skip
    response["Cache-Control"] = "private, no-store"  # the new link is on this page once
    return response


@require_GET
def feed(request, token: str):
    user = user_van_token(token)
    if user is None:
        raise Http404("Deze agendalink bestaat niet (meer).")
    response = HttpResponse(agenda.agenda_van(user, timezone.localdate()), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private"
    return response
