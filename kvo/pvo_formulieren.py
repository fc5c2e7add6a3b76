"""How PVO's pages (issue 23) handle their small forms: a POST names its form (``formulier``), is
checked against the user's role, goes to the owning service and comes back to the page with a
message (post/redirect/get; without JavaScript too). A refusal is a 403, a service's refusal or an
invalid form a message on the page."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect

from kvo.mixins import weigering
from kvo.permissions import Actie


def verwerk(request, form, doe: Callable[[object], str], *, actie: Actie = Actie.WIJZIGEN):
    """Validate ``form``; on success call ``doe(form)`` (a service call that returns the message)."""
    if not request.toegang.mag(actie):
        raise PermissionDenied(weigering(request))
    if form.is_valid():
        try:
            messages.success(request, doe(form))
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
    else:
        fouten = [
            f"{form.fields[v].label if v in form.fields else ''}: {' '.join(e)}".lstrip(": ")
            for v, e in form.errors.items()
        ]
        messages.error(request, "Niet opgeslagen. " + " ".join(fouten))
    return redirect(request.get_full_path())
