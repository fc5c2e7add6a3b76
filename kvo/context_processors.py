from kvo.permissions import Actie


def werkgroep(request):
    """The current work group, the user's access, and the other work groups to switch to."""
    toegang = getattr(request, "toegang", None)
    context = {"werkgroep": getattr(request, "werkgroep", None), "toegang": toegang, "Actie": Actie}
    if toegang is not None:
        from kvo.tenancy import werkgroepen_voor

        context["mag"] = {a.name.lower(): toegang.mag(a) for a in Actie}
        context["andere_werkgroepen"] = lambda: list(
            werkgroepen_voor(request.user).exclude(pk=toegang.werkgroep.pk).order_by("naam").values("naam", "slug")[:20]
        )
    return context
