"""Which pages a work group's scheme has (issue 23): KVO-B 4.0 or PVO Veilig Bedrijventerrein.

The scheme itself (cycle length, themes, rules) is data in ``kvo.regelingen``; this module only
answers what the product *shows*: a PVO group has no audit, document set, certificate or KVO mark
(a waardering instead), and the PVO pages do not exist for a KVO group. A page a scheme lacks
answers 404, the same as a page that does not exist, never a broken page.
"""

from __future__ import annotations

from functools import wraps

from django.http import Http404
from django.urls import URLPattern, URLResolver

from kvo.regelingen import regeling_van


def is_pvo(werkgroep) -> bool:
    """True for a work group that follows PVO Veilig Bedrijventerrein now (its scheme has a waardering,
    no audit); a group that moved to KVO-B is a KVO group from then on."""
    return werkgroep is not None and not regeling_van(werkgroep).heeft_audit


def _alleen(view, *, pvo: bool):
    @wraps(view)  # keeps ``vereiste_actie`` / ``view_class`` for the middleware's read-only rule
    def wrapper(request, *args, **kwargs):
        werkgroep = getattr(request, "werkgroep", None)
        if werkgroep is None or is_pvo(werkgroep) != pvo:
            raise Http404("Deze pagina hoort niet bij de regeling van deze werkgroep.")
        return view(request, *args, **kwargs)

    return wrapper


def alleen_pvo(view):
    """A view that exists only for PVO groups (404 for a KVO group)."""
    return _alleen(view, pvo=True)


def alleen_kvo(view):
    """A view that exists only for KVO groups (404 for a PVO group)."""
    return _alleen(view, pvo=False)


def patronen_alleen_kvo(patronen: list) -> list:
    """URL patterns (and included ones) whose views answer 404 for a PVO group."""
    uit = []
    for p in patronen:
        if isinstance(p, URLResolver):
            uit.append(
                URLResolver(
                    p.pattern, patronen_alleen_kvo(list(p.url_patterns)), p.default_kwargs, p.app_name, p.namespace
                )
            )
        elif isinstance(p, URLPattern):
            uit.append(URLPattern(p.pattern, alleen_kvo(p.callback), p.default_args, p.name))
        else:  # pragma: no cover
            uit.append(p)
    return uit
