"""The work group's log: who recorded or changed what, and when."""

from __future__ import annotations

from django.shortcuts import render

from kvo.mixins import vereist
from kvo.permissions import Actie
from werkgroepen import selectors

MAXIMUM = 500


@vereist(Actie.BEKIJKEN)
def logboek(request, werkgroep):
    regels = selectors.logregels(request.werkgroep, limiet=MAXIMUM)
    return render(
        request,
        "werkgroepen/logboek.html",
        {"werkgroep": request.werkgroep, "regels": regels, "maximum": MAXIMUM},
    )
