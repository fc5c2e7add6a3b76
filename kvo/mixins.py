"""What a view in a work group declares: the action it needs (see kvo.permissions)."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404

from kvo.permissions import Actie


def weigering(request) -> str:
    """Why the user may not: the work group's state when it is paused or ended, else the role."""
    werkgroep = request.werkgroep
    if werkgroep is not None and not werkgroep.is_actief:
        return werkgroep.status_uitleg
    return "U heeft voor deze pagina niet de juiste rol in deze werkgroep."


class WerkgroepMixin:
    """Class-based views under ``/w/<werkgroep>/``: the middleware has already checked that the
    user belongs to the work group; this checks the view's own ``permission``.

    A user of the work group without the permission gets 403; a stranger never gets here (404).
    """

    permission: Actie = Actie.BEKIJKEN

    def dispatch(self, request, *args, **kwargs):
        if request.toegang is None:
            raise Http404
        if not request.toegang.mag(self.permission):
            raise PermissionDenied(weigering(request))
        self.werkgroep = request.werkgroep
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs["werkgroep"] = self.werkgroep  # the object, not the slug from the URL
        return super().get_context_data(**kwargs)


def vereist(actie: Actie, *, schrijven: Actie | None = None):
    """The same check for function views: ``@vereist(Actie.WIJZIGEN)``. A page that anyone who may
    read it sees but only some may submit says so: ``@vereist(Actie.BEKIJKEN, schrijven=Actie.WIJZIGEN)``
    (a POST then needs ``schrijven`` too)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.toegang is None:
                raise Http404
            if not request.toegang.mag(actie):
                raise PermissionDenied(weigering(request))
            if schrijven is not None and request.method == "POST" and not request.toegang.mag(schrijven):
                raise PermissionDenied(weigering(request))
            return view(request, *args, **kwargs)

        wrapper.vereiste_actie = actie
        return wrapper

    return decorator
