from kvo.permissions import Actie


def werkgroep(request):
    """The current work group and the user's access (the switcher fetches the other work groups when opened)."""
    toegang = getattr(request, "toegang", None)
    context = {"werkgroep": getattr(request, "werkgroep", None), "toegang": toegang, "Actie": Actie}
    if toegang is not None:
        context["mag"] = {a.name.lower(): toegang.mag(a) for a in Actie}
    return context
