from kvo.permissions import Actie
from kvo.regeling_paginas import is_pvo


def werkgroep(request):
    """The current work group and the user's access (the switcher fetches the other work groups when opened)."""
    toegang = getattr(request, "toegang", None)
    wg = getattr(request, "werkgroep", None)
    # is_pvo: the scheme decides which pages the navigation shows (kvo.regeling_paginas)
    context = {"werkgroep": wg, "toegang": toegang, "Actie": Actie, "is_pvo": is_pvo(wg)}
    if toegang is not None:
        context["mag"] = {a.name.lower(): toegang.mag(a) for a in Actie}
    return context
