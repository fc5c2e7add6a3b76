from functools import lru_cache

from django import template
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import format_html

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_link(context, viewname: str, label: str, exact: bool = False, behalve: str = ""):
    """A navigation link for the current work group; marks the current section (aria-current).

    With ``exact`` only that page itself is current (a sub-navigation whose first link is a prefix
    of the others); ``behalve`` names a view under this link's path that has a link of its own, whose
    pages do not make this one current; a link whose view does not exist renders nothing.
    """
    request = context["request"]
    werkgroep = context.get("werkgroep")
    url = _nav_url(viewname, werkgroep.slug if werkgroep else None, get_script_prefix(), get_urlconf())
    if not url:
        return ""
    huidig = request.path == url or (not exact and url.count("/") > 3 and request.path.startswith(url))
    if huidig and behalve:
        eigen = _nav_url(behalve, werkgroep.slug if werkgroep else None, get_script_prefix(), get_urlconf())
        huidig = not (eigen and request.path.startswith(eigen))
    if huidig:
        return format_html('<a href="{}" aria-current="page">{}</a>', url, label)
    return format_html('<a href="{}">{}</a>', url, label)


@lru_cache(maxsize=4096)
def _nav_url(viewname: str, slug: str | None, _prefix: str, _urlconf) -> str:
    """The link's URL ("" when the view does not exist): the same for every request, and a page has
    about twenty of them, so each is reversed once per process (per script prefix and URLconf)."""
    try:
        return reverse(viewname, kwargs={"werkgroep": slug}) if slug else reverse(viewname)
    except NoReverseMatch:
        return ""


@register.inclusion_tag("partials/status.html")
def status_badge(status):
    value = getattr(status, "value", status)
    labels = {"voldaan": "Voldaan", "niet_voldaan": "Niet voldaan", "nvt": "N.v.t.", "open": "Open"}
    return {"status": value, "label": labels.get(value, value)}


@register.filter
def procent(teller, noemer):
    try:
        return f"{100 * teller / noemer:.0f} %"
    except (TypeError, ZeroDivisionError):
        return "–"


@register.simple_tag
def balk(waarde, maximum=100):
    """The fill of a ``.voortgang`` bar as an SVG rectangle: a width attribute, not a style attribute,
    so the strict Content Security Policy (no inline styles) holds. ``waarde`` of ``maximum``, clamped."""
    from django.utils.html import format_html

    try:
        procent = 100 * float(waarde) / float(maximum)
    except (TypeError, ValueError, ZeroDivisionError):
        procent = 0
    procent = max(0.0, min(100.0, procent))
    return format_html(
        '<svg class="voortgang__svg" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true" '
        'focusable="false"><rect class="voortgang__vulling" width="{}" height="1"/></svg>',
        f"{procent:.1f}",
    )


@register.simple_tag
def regeling_label(werkgroep):
    """The work group's scheme as a short label: KVO-B or PVO (issue 23), the full name as a title."""
    from kvo.regeling_paginas import is_pvo

    if is_pvo(werkgroep):
        return format_html('<span class="regeling regeling--pvo" title="{}">PVO</span>', werkgroep.handboek)
    return format_html('<span class="regeling regeling--kvo" title="{}">KVO-B</span>', werkgroep.handboek)
