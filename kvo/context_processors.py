from kvo.permissions import Actie


def werkgroep(request):
    """The current work group, the user's access, and the other work groups to switch to."""
    toegang = getattr(request, "toegang", None)
    context = {"werkgroep": getattr(request, "werkgroep", None), "toegang": toegang, "Actie": Actie}
    if toegang is not None:
        context["mag"] = {a.name.lower(): toegang.mag(a) for a in Actie}
    return context
