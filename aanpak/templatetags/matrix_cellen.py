"""The measures matrix's quarter cells, rendered in Python.

A plan of 50 measures has 600 cells, each with a small form (plan / unplan that quarter, so the matrix
works without JavaScript). As a template loop they cost more than everything else on the page
(bench/RESULTS.md); here they are the same HTML, built with f-strings from values escaped once.
"""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def matrix_cellen(context, rij, kwurl: str, kort: str, huidig: str):
    """The ``<td>`` of each quarter of ``rij`` (a ``aanpak.selectors.MatrixRij``): a form to plan or
    unplan it for who may change the plan, otherwise a mark where it is planned. Every value is
    escaped once; the CSRF token is the page's one (as ``{% csrf_token %}``)."""
    formulieren = context.get("mag_wijzigen") and not context.get("alleen_lezen")
    url, kort = escape(kwurl), escape(kort)
    csrf = escape(str(context.get("csrf_token", ""))) if formulieren else ""
    delen = []
    for k, aan in rij.cellen:
        code, label = escape(k.code), escape(k.label)
        klasse = "matrix__cel"
        if aan:
            klasse += " matrix__cel--aan"
        if k.code == huidig:
            klasse += " matrix__cel--nu"
        if k.begint_jaar:
            klasse += " matrix__cel--jaar"
        if formulieren:
            uitleg = "gepland, klik om te schrappen" if aan else "niet gepland, klik om te plannen"
            inhoud = (
                f'<form method="post" action="{url}" hx-post="{url}" hx-target="closest tr" hx-swap="outerHTML">'
                f'<input type="hidden" name="csrfmiddlewaretoken" value="{csrf}">'
                f'<input type="hidden" name="kwartaal" value="{code}">'
                f'<input type="hidden" name="aan" value="{"0" if aan else "1"}">'
                f'<button type="submit" class="matrix__knop" aria-pressed="{"true" if aan else "false"}" '
                f'aria-label="{kort}: {label} {uitleg}" title="{label}"></button></form>\n    '
            )
        elif aan:
            inhoud = f'<span aria-label="gepland in {label}">■</span>'
        else:
            inhoud = ""
        delen.append(f'<td class="{klasse}" data-kwartaal="{code}">\n    {inhoud}\n  </td>')
    return mark_safe("".join(delen))  # every value above went through escape()
