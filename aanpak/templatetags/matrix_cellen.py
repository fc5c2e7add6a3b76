"""The measures matrix's quarter cells, rendered in Python.

A plan of 50 measures has 600 cells, each a button that plans or unplans that quarter, so the matrix
works without JavaScript. The buttons submit one of the page's two forms (``FORMULIER``: the CSRF
token and ``aan``, rendered once above the table) through the HTML ``form`` attribute, with the
measure's URL as ``formaction`` and the quarter as their own value; htmx sends the same fields. As a
template loop the cells cost more than everything else on the page (bench/RESULTS.md); here they are
built with f-strings from values escaped once.
"""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

# the form a quarter's button submits: plan it (aan=1) or unplan it (aan=0); see _matrix_inhoud.html
FORMULIER = {True: "matrix-schrappen", False: "matrix-plannen"}
# A planned quarter shows a mark, not only a colour (WCAG 1.4.1): the measure's state decides which
# (the legend under the matrix explains them). Screen readers get the cell's label instead.
TEKEN = {"uitgevoerd": "✓", "vervallen": "✕"}
GEPLAND_TEKEN = "●"


@register.simple_tag(takes_context=True)
def matrix_cellen(context, rij, kwurl: str, kort: str, huidig: str):
    """The ``<td>`` of each quarter of ``rij`` (a ``aanpak.selectors.MatrixRij``): a button to plan or
    unplan it for who may change the plan, otherwise a mark where it is planned. Every value is
    escaped once."""
    knoppen = context.get("mag_wijzigen") and not context.get("alleen_lezen")
    url, kort = escape(kwurl), escape(kort)
    # each button has an id, so htmx puts the keyboard focus back on it after swapping the row
    merk = f'<span class="matrix__merk" aria-hidden="true">{TEKEN.get(rij.maatregel.status, GEPLAND_TEKEN)}</span>'
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
        if knoppen:
            uitleg = "gepland, klik om te schrappen" if aan else "niet gepland, klik om te plannen"
            inhoud = (
                f'<button type="submit" id="k-{rij.maatregel.pk}-{code}" form="{FORMULIER[aan]}" formaction="{url}" '
                f'hx-post="{url}" name="kwartaal" '
                f'value="{code}" class="matrix__knop" aria-pressed="{"true" if aan else "false"}" '
                f'aria-label="{kort}: {label} {uitleg}" title="{label}">{merk if aan else ""}</button>'
            )
        elif aan:
            inhoud = f'{merk}<span class="visueel-verborgen">gepland in {label}</span>'
        else:
            inhoud = ""
        delen.append(f'<td class="{klasse}" data-kwartaal="{code}">{inhoud}</td>')
    return mark_safe("".join(delen))  # every value above went through escape()
