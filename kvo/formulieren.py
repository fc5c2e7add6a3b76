"""How a form view writes: bind → service → message → redirect, or the page again with 422.

Two shapes share one core (``_voer_uit``):

- ``verwerk_formulier``: a page with one form (and perhaps formsets). On success a message and a
  redirect (post/redirect/get); on an invalid form or a service's ``ValidationError`` it returns
  ``None`` and the caller renders the page again with status 422, the errors on the form (a
  service's error for a field the form has goes on that field, the rest at the top).
- ``verwerk``: a page with several small forms (PVO, issue 23). The form's name picks the form, the
  role is checked, and both outcomes come back to the page with a message (post/redirect/get).

The service runs in a transaction of its own: a refusal leaves nothing written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect

from kvo.mixins import fout_in_form, weigering
from kvo.permissions import Actie

_NIETS = object()


def _voer_uit(form, service: Callable[[dict], Any], ook: Iterable = (), op_fout=fout_in_form) -> Any:
    """Validate ``form`` (and the formsets in ``ook``), then call ``service(form.cleaned_data)`` in
    a transaction. Returns what the service returned, or ``_NIETS`` after ``op_fout(form, fout)``
    (by default: the service's errors on the form)."""
    ook = list(ook)
    geldig = form.is_valid()
    geldig = all([f.is_valid() for f in ook]) and geldig  # validate them all: every error shows
    if not geldig:
        return _NIETS
    try:
        with transaction.atomic():
            return service(form.cleaned_data)
    except ValidationError as fout:
        op_fout(form, fout)
        return _NIETS


def verwerk_formulier(
    request,
    form,
    service: Callable[[dict], Any],
    *,
    succes: str | Callable[[Any], str],
    naar: str | Callable[[Any], str],
    ook: Iterable = (),
) -> HttpResponse | None:
    """Bind → service → message → redirect. ``service`` gets the form's ``cleaned_data``;
    ``succes`` and ``naar`` are the message and the URL, or functions of the service's result.
    Returns the redirect, or ``None``: then the caller renders the form again with status 422.

    ``ook``: formsets that must be valid too (the service reads their ``cleaned_data`` itself).
    """
    uitkomst = _voer_uit(form, service, ook)
    if uitkomst is _NIETS:
        return None
    messages.success(request, succes(uitkomst) if callable(succes) else succes)
    return redirect(naar(uitkomst) if callable(naar) else naar)


def verwerk(request, form, doe: Callable[[object], str], *, actie: Actie = Actie.WIJZIGEN):
    """A page's small form: check ``actie``, validate ``form``, call ``doe(form)`` (a service call
    that returns the message) and come back to the page with that message or with what was wrong."""
    if not request.toegang.mag(actie):
        raise PermissionDenied(weigering(request))
    weigeringen: list[ValidationError] = []
    uitkomst = _voer_uit(form, lambda _gegevens: doe(form), op_fout=lambda _form, fout: weigeringen.append(fout))
    if uitkomst is not _NIETS:
        messages.success(request, uitkomst)
    elif weigeringen:  # the form was valid: the service refused
        messages.error(request, " ".join(weigeringen[0].messages))
    else:
        fouten = [
            f"{form.fields[v].label if v in form.fields else ''}: {' '.join(e)}".lstrip(": ")
            for v, e in form.errors.items()
        ]
        messages.error(request, "Niet opgeslagen. " + " ".join(fouten))
    return redirect(request.get_full_path())
