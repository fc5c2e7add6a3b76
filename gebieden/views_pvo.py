"""PVO's target area, the form that was missing (issue 23, ``pvo.gebied``): a park's postcodes with
their house numbers (the police's figures are asked by postcode). Only for a PVO group (404 for KVO)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from gebieden.services import terrein_leg_postcodes_vast
from kvo.forms_pvo_aanvulling import PostcodesForm
from kvo.formulieren import verwerk
from kvo.mixins import vereist
from kvo.permissions import Actie
from kvo.regeling_paginas import alleen_pvo
from kvo.toets import voer_toets_uit


def als_tekst(postcodes) -> str:
    """The recorded rows as the lines of the form ("7241 AA 1-40")."""
    regels = []
    for p in postcodes or []:
        if isinstance(p, dict) and str(p.get("postcode") or "").strip():
            regels.append(f"{p['postcode']} {p.get('huisnummers') or ''}".strip())
    return "\n".join(regels)


@require_http_methods(["GET", "POST"])
@vereist(Actie.BEKIJKEN)
@alleen_pvo
def postcodes(request, werkgroep, terrein):
    wg = request.werkgroep
    object_ = get_object_or_404(wg.terreinen, pk=terrein)
    if request.method == "POST":

        def leg_vast(form):
            t = terrein_leg_postcodes_vast(
                actor=request.user, terrein=object_, postcodes=form.cleaned_data["postcodes"].splitlines()
            )
            n = len(t.postcodes)
            return f"{n} postcode{'s' if n != 1 else ''} van {t.naam} vastgelegd."

        return verwerk(request, PostcodesForm(request.POST), leg_vast)
    form = PostcodesForm(initial={"postcodes": als_tekst(object_.postcodes)})
    return render(
        request,
        "pvo/postcodes.html",
        {
            "werkgroep": wg,
            "mag_wijzigen": request.toegang.mag(Actie.WIJZIGEN),
            "terrein": object_,
            "form": form,
            "rijen": [p for p in object_.postcodes or [] if isinstance(p, dict)],
            "resultaten": voer_toets_uit(wg, ids=("pvo.gebied",)),
        },
    )
