"""PVO's waardering (issue 23, pvo.waardering): the meeting, the signatories of every participating
organisation, continuity and capacity confirmed, and the appreciation PDF for every member and
signatory. Only for a PVO group (404 for a KVO group, which has an audit and a certificate instead)."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from audits.models import Waardering
from audits.waardering_pdf import ontvangers, waardering_pdf
from kvo.mixins import vereist
from kvo.permissions import Actie
from kvo.regeling_paginas import alleen_pvo
from kvo.toets import voer_toets_uit
from werkgroepen.models import Partij
from werkgroepen.views.basis import context


def waardering_van(werkgroep) -> Waardering | None:
    """The group's waardering: it ends the first year of its first PVO cycle (the newest if there are more)."""
    return (
        Waardering.objects.filter(werkgroep=werkgroep)
        .select_related("cyclus", "bijeenkomst", "werkgroep")
        .order_by("-cyclus__nummer")
        .first()
    )


@vereist(Actie.BEKIJKEN)
@alleen_pvo
def waardering(request, werkgroep):
    wg = request.werkgroep
    w = waardering_van(wg)
    extra = {"w": w}
    if w is not None:
        tekenaars = {o.partij_id: o for o in w.ondertekenaars.select_related("partij")}
        extra.update(
            # every participating organisation signs; the process facilitation advises and does not
            organisaties=[
                {"partij": p, "ondertekenaar": tekenaars.get(p.pk)}
                for p in wg.partijen.exclude(soort=Partij.Soort.PROCESBEGELEIDING).order_by("naam")
            ],
            ontvangers=ontvangers(w),
            resultaten=voer_toets_uit(wg, cyclus=w.cyclus, ids=("pvo.waardering",)),
        )
        extra["n_getekend"] = sum(1 for o in tekenaars.values() if o.getekend_op)
        extra["n_ondertekenaars"] = len(tekenaars)
    return render(request, "pvo/waardering.html", context(request, **extra))


@vereist(Actie.BEKIJKEN)
@alleen_pvo
def waardering_pdf_view(request, werkgroep):
    """All pages (one per member and signatory), or ``?voor=lid-12`` one person's page."""
    w = waardering_van(request.werkgroep)
    if w is None:
        raise Http404("Er is nog geen waardering.")
    sleutel = request.GET.get("voor") or None
    try:
        pdf, _paginas = waardering_pdf(w, sleutel=sleutel)
    except ValueError as fout:
        raise Http404(str(fout)) from fout
    naam = f"waardering-{request.werkgroep.slug}"
    if sleutel:
        naam += "-" + slugify(next(o.naam for o in ontvangers(w) if o.sleutel == sleutel))
    antwoord = HttpResponse(pdf, content_type="application/pdf")
    antwoord["Content-Disposition"] = f'inline; filename="{naam}.pdf"'
    return antwoord
