"""Staff's list of every work group's state (``/beheer/werkgroepen/``) and of removed work groups."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django_scopes import scopes_disabled

from kvo.models import VerwijderdeWerkgroep
from werkgroepen.models import Werkgroep


@login_required
def werkgroepen_status(request):
    if not request.user.is_staff:
        raise PermissionDenied("Alleen beheerders van KVO Werkplaats zien de status van alle werkgroepen.")
    with scopes_disabled():
        werkgroepen = list(
            Werkgroep.objects.select_related("begeleiding").only(
                "naam", "slug", "status", "status_sinds", "status_reden", "gemeente", "begeleiding__naam"
            )
        )
    tellingen = {s: sum(1 for w in werkgroepen if w.status == s) for s in Werkgroep.Status.values}
    return render(
        request,
        "beheer/werkgroepen_status.html",
        {
            "werkgroepen": werkgroepen,
            "tellingen": [(label, tellingen[waarde]) for waarde, label in Werkgroep.Status.choices],
            "verwijderd": VerwijderdeWerkgroep.objects.all()[:100],
        },
    )
