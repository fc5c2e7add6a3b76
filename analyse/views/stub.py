"""Temporary placeholder views while the analysis pages are built (removed when they land)."""

from django.http import HttpResponse

from kvo.mixins import vereist
from kvo.permissions import Actie


@vereist(Actie.BEKIJKEN)
def nog_niet(request, werkgroep, **kwargs):
    return HttpResponse("Nog niet gebouwd.")
