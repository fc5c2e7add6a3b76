"""How a form view writes: bind → service → message → redirect, or the page again with 422.

Every form of a view is validated here: a view module never calls ``form.is_valid()`` itself
(``tests/kvo/test_formulieren_via_helper.py`` holds that, with its few reasoned exceptions). The
shapes share one core, ``voer_uit``:

- ``verwerk_formulier``: a page with one form (and perhaps formsets). On success a message and a
  redirect (post/redirect/get); on an invalid form or a service's ``ValidationError`` it returns
  ``None`` and the caller renders the page again (with status 422), the errors on the form (a
  service's error for a field the form has goes on that field, the rest at the top: ``fout_in_form``).
  Another refusal a service raises has its own answer through ``bij`` (the measure's optimistic lock:
  ``Conflict`` → the page again with 409 and both versions).
- ``verwerk``: a page with several small forms (PVO, issue 23), or a small form posted from a page.
  The role is checked, and both outcomes come back to the page (or to ``naar``) with a message.
- ``voer_uit``: the core itself, for a view whose answer is neither (the inspection point's JSON
  for the phone's queue): the form and its formsets validated, the service in a transaction, its
  refusal on the form; the view answers from the ``Uitkomst``.
- ``gegevens_van``: a form that only reads (a filter, a search): its cleaned data, or ``None``.

The service runs in a transaction of its own: a refusal leaves nothing written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect

from kvo.mixins import weigering
from kvo.permissions import Actie


def fout_in_form(form, fout: ValidationError) -> None:
    """Show a service's refusal (its Dutch messages) on the form it came from: an error the service
    raised for a field (``ValidationError({"veld": ...})``) on that field when the form has it,
    everything else at the top of the form."""
    if hasattr(fout, "error_dict"):
        for veld, fouten in fout.error_dict.items():
            form.add_error(veld if veld in form.fields else None, ValidationError(fouten))
        return
    for bericht in fout.messages:
        form.add_error(None, bericht)


@dataclass(frozen=True)
class Uitkomst:
    """What ``voer_uit`` did: ``gelukt`` with the service's return value in ``waarde``, or not (the
    form, or the service, refused; the errors are on the form)."""

    gelukt: bool
    waarde: Any = None


def voer_uit(form, service: Callable[[dict], Any], *, ook: Iterable = (), op_fout=fout_in_form) -> Uitkomst:
    """Validate ``form`` (and the formsets in ``ook``), then call ``service(form.cleaned_data)`` in
    a transaction. A service's ``ValidationError`` goes to ``op_fout(form, fout)`` (by default: on
    the form); any other exception passes through, after the transaction is rolled back."""
    ook = list(ook)
    geldig = form.is_valid()
    geldig = all([f.is_valid() for f in ook]) and geldig  # validate them all: every error shows
    if not geldig:
        return Uitkomst(False)
    try:
        with transaction.atomic():
            return Uitkomst(True, service(form.cleaned_data))
    except ValidationError as fout:
        op_fout(form, fout)
        return Uitkomst(False)


def _of_functie(waarde, uitkomst):
    return waarde(uitkomst) if callable(waarde) else waarde


def verwerk_formulier(
    request,
    form,
    service: Callable[[dict], Any],
    *,
    succes: str | Callable[[Any], str] | None,
    naar: str | Callable[[Any], str],
    ook: Iterable = (),
    niveau: int | Callable[[Any], int] = messages.SUCCESS,
    bij: Mapping[type[Exception], Callable[[Exception], HttpResponse]] | None = None,
) -> HttpResponse | None:
    """Bind → service → message → redirect. ``service`` gets the form's ``cleaned_data``;
    ``succes`` and ``naar`` are the message (``None`` or empty: no message) and the URL, or functions of the
    service's result; ``niveau`` the message's level (or a function of the result: a saved
    evaluation with open questions is a warning). Returns the redirect, or ``None``: then the caller
    renders the form again with status 422.

    ``ook``: formsets that must be valid too (the service reads their ``cleaned_data`` itself).
    ``bij``: other refusals the service may raise, each with the view's answer to it (e.g. an
    optimistic lock's conflict: the page again with 409); nothing is written then either.
    """
    bij = dict(bij or {})
    try:
        uitkomst = voer_uit(form, service, ook=ook)
    except tuple(bij) as fout:
        antwoord = next(a for soort, a in bij.items() if isinstance(fout, soort))
        return antwoord(fout)
    if not uitkomst.gelukt:
        return None
    if tekst := _of_functie(succes, uitkomst.waarde):
        messages.add_message(request, _of_functie(niveau, uitkomst.waarde), tekst)
    return redirect(_of_functie(naar, uitkomst.waarde))


def _fouten_tekst(form) -> str:
    fouten = [
        f"{form.fields[v].label if v in form.fields else ''}: {' '.join(e)}".lstrip(": ")
        for v, e in form.errors.items()
    ]
    return "Niet opgeslagen. " + " ".join(fouten)


def verwerk(
    request,
    form,
    doe: Callable[[object], str],
    *,
    actie: Actie = Actie.WIJZIGEN,
    naar: str | None = None,
    ongeldig: str | Callable[[object], str] | None = None,
):
    """A page's small form: check ``actie``, validate ``form``, call ``doe(form)`` (a service call
    that returns the message) and come back to the page (or to ``naar``) with that message or with
    what was wrong: a service's refusal in its own words; for an invalid form ``ongeldig`` (a text,
    or a function of the form), by default "Niet opgeslagen." with each field's errors."""
    if not request.toegang.mag(actie):
        raise PermissionDenied(weigering(request))
    weigeringen: list[ValidationError] = []
    uitkomst = voer_uit(form, lambda _gegevens: doe(form), op_fout=lambda _form, fout: weigeringen.append(fout))
    if uitkomst.gelukt:
        messages.success(request, uitkomst.waarde)
    elif weigeringen:  # the form was valid: the service refused
        messages.error(request, " ".join(weigeringen[0].messages))
    else:
        messages.error(request, _of_functie(ongeldig, form) if ongeldig is not None else _fouten_tekst(form))
    return redirect(naar or request.get_full_path())


def gegevens_van(form) -> dict | None:
    """A form that only reads (a filter, a search; no service, nothing written): its cleaned data,
    or ``None`` when it is unbound or invalid (its errors show on the page)."""
    return form.cleaned_data if form.is_valid() else None
