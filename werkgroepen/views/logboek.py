"""The work group's log: who recorded or changed what, and when."""

from __future__ import annotations

from django.shortcuts import render

from kvo import geschiedenis
from kvo.mixins import vereist
from kvo.permissions import Actie
from werkgroepen import selectors

MAXIMUM = 500
WIJZIGINGEN = 60  # rows of the change summary (day × person × kind of record × kind of change)


@vereist(Actie.BEKIJKEN)
def logboek(request, werkgroep):
    regels = selectors.logregels(request.werkgroep, limiet=MAXIMUM)
    wijzigingen = selectors.wijzigingen_per_dag(request.werkgroep, limiet=WIJZIGINGEN)
    return render(
        request,
        "werkgroepen/logboek.html",
        {"werkgroep": request.werkgroep, "regels": regels, "maximum": MAXIMUM, "wijzigingen": wijzigingen,
         "wijzigingen_maximum": WIJZIGINGEN, "soorten": geschiedenis.SOORTEN},
    )  # fmt: skip
