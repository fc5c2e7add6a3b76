from kvo.tenancy import werkgroepen_voor
from werkgroepen.models import Werkgroep


def werkgroep_overzicht(*, user) -> list[Werkgroep]:
    """The user's work groups with what their status line needs, in a fixed number of queries."""
    return list(werkgroepen_voor(user).select_related("begeleiding").order_by("naam"))
