"""The measures matrix's rows and their quarter cells, rendered in Python.

A plan of 50 measures has 600 cells, each a button that plans or unplans that quarter, so the matrix
works without JavaScript. The buttons submit one of the page's two forms (``FORMULIER``: the CSRF
token and ``aan``, rendered once above the table) through the HTML ``form`` attribute, with the
measure's URL as ``formaction`` and the quarter as their own value; htmx sends the same fields. As a
template loop the cells cost more than everything else on the page (bench/RESULTS.md); here they are
built with f-strings from values escaped once. The same holds for the row around them
(``matrix_rij``): as an included template, 51 rows cost two thirds of computing the page (40 of 59 ms
CPU, bench/RESULTS.md, issue 27); the page and the htmx answer of one row both render it here.
"""

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

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


_PK = 987654321  # a placeholder pk: each URL is reversed once per page and filled in per row


@register.simple_tag(takes_context=True)
def matrix_rij(context, rij, huidig: str):
    """The ``<tr>`` of ``rij`` (a measure's row of the matrix: title, labels, the quarter cells, who is
    responsible, the status and its progress notes), with ``fout`` from the context (a refused change,
    the htmx answer). Every value is escaped once."""
    m = rij.maatregel
    slug = context["werkgroep"].slug
    urls = context.render_context.setdefault(("matrix_rij", slug), {})
    if not urls:
        for naam in ("kwartaal", "maatregel"):
            urls[naam] = reverse(f"aanpak:{naam}", kwargs={"werkgroep": slug, "pk": _PK})
    kwurl, url = (urls[n].replace(f"/{_PK}/", f"/{m.pk}/") for n in ("kwartaal", "maatregel"))
    status = escape(m.status)
    labels = ""
    if punt := m.schouwpunt:
        labels = f'<span class="label">schouw {_datum(punt.schouw.datum)} punt {escape(punt.nummer)}</span>'
    kop = [f'    <a href="{escape(url)}">{escape(m.titel)}</a>']
    kop.append(f"    {labels}")
    kop.append('    <span class="label label--vast">vast</span>' if m.is_vast else "    ")
    fout = context.get("fout")
    kop.append(f'    <span class="foutmelding klein" role="alert">{escape(fout)}</span>' if fout else "    ")
    verantwoordelijke = m.verantwoordelijke
    wie = escape(verantwoordelijke) if verantwoordelijke else "<span class='foutmelding'>niemand</span>"
    stand = f'<span class="label label--{status}">{escape(m.get_status_display())}</span>'
    if m.uitgevoerd_op:
        stand += f" {_datum(m.uitgevoerd_op)}"
    if rij.voortgang:
        stand += f'<br><span class="zacht">{rij.voortgang} notitie{"" if rij.voortgang == 1 else "s"}</span>'
    kort = Truncator(m.titel).chars(60)
    return mark_safe(  # every value below went through escape()
        f'<tr id="m-{m.pk}" class="matrix__rij matrix__rij--{status}" data-status="{status}" '
        f'data-partij="{m.verantwoordelijke_id or ""}">\n'
        '  <th scope="row" class="matrix__titel">\n' + "\n".join(kop) + "\n  </th>\n"
        f"  {matrix_cellen(context, rij, kwurl, kort, huidig)}\n"
        f'  <td class="klein">{wie}</td>\n'
        f'  <td class="klein" data-waarde="{status}">{stand}</td>\n'
        "</tr>\n"
    )


def _datum(datum) -> str:
    return escape(f"{datum:%d-%m-%Y}") if datum else ""
