"""PVO's waardering (issue 23, pvo.waardering): the meeting, the signatories of every participating
organisation, continuity and capacity confirmed, and the appreciation PDF for every member and
signatory. Only for a PVO group (404 for a KVO group, which has an audit and a certificate instead)."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods

from audits.models import Waardering
from audits.waardering_pdf import ontvangers, waardering_pdf
from kvo.forms_pvo import OndertekenaarForm, WaarderingForm, WaarderingPlannenForm
from kvo.formulieren import verwerk
from kvo.invoer import id_uit
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


@require_http_methods(["GET", "POST"])
@vereist(Actie.BEKIJKEN)
@alleen_pvo
def waardering(request, werkgroep):
    wg = request.werkgroep
    w = waardering_van(wg)
    if request.method == "POST":
        return _post(request, wg, w)
    vandaag = timezone.localdate()
    extra = {"w": w, "plannen": WaarderingPlannenForm(initial={"gepland_op": w.gepland_op if w else None})}
    if w is not None:
        extra["vastleggen"] = WaarderingForm(
            initial={
                "gehouden_op": w.gehouden_op,
                "bijeenkomst": w.bijeenkomst_id,
                "continuiteit_bevestigd": w.continuiteit_bevestigd,
                "capaciteit_bevestigd": w.capaciteit_bevestigd,
                "uitgereikt_op": w.uitgereikt_op,
                "persbericht_op": w.persbericht_op,
            },
            bijeenkomsten=wg.bijeenkomsten.order_by("-datum"),
        )
        tekenaars = {o.partij_id: o for o in w.ondertekenaars.select_related("partij")}
        extra.update(
            # every participating organisation signs; the process facilitation advises and does not
            organisaties=[
                {
                    "partij": p,
                    "ondertekenaar": (o := tekenaars.get(p.pk)),
                    "form": OndertekenaarForm(
                        prefix=f"p{p.pk}",
                        initial={"naam": o.naam, "functie": o.functie, "getekend_op": o.getekend_op}
                        if o
                        else {"getekend_op": w.gehouden_op or vandaag},
                    ),
                }
                for p in wg.partijen.exclude(soort=Partij.Soort.PROCESBEGELEIDING).order_by("naam")
            ],
            ontvangers=ontvangers(w),
            resultaten=voer_toets_uit(wg, cyclus=w.cyclus, ids=("pvo.waardering",)),
        )
        extra["n_getekend"] = sum(1 for o in tekenaars.values() if o.getekend_op)
        extra["n_ondertekenaars"] = len(tekenaars)
    return render(request, "pvo/waardering.html", context(request, **extra))


def _post(request, wg, w):
    """Plan the waardering, record it as held, or record one organisation's signatory
    (``audits.services_waardering``)."""
    from audits import services_waardering as services
    from kvo.toets import kies_cyclus

    formulier = request.POST.get("formulier")
    if formulier == "plannen":
        cyclus = w.cyclus if w else (wg.cycli.order_by("nummer").first() or kies_cyclus(wg))
        if cyclus is None:
            raise Http404("Er is nog geen cyclus gestart.")

        def plannen(form):
            services.waardering_plan(actor=request.user, cyclus=cyclus, gepland_op=form.cleaned_data["gepland_op"])
            return f"De waardering is gepland op {form.cleaned_data['gepland_op']:%d-%m-%Y}."

        return verwerk(request, WaarderingPlannenForm(request.POST), plannen)
    if w is None:
        raise Http404("Er is nog geen waardering.")
    if formulier == "vastleggen":

        def vastleggen(form):
            services.waardering_leg_vast(actor=request.user, waardering=w, **form.cleaned_data)
            return "De waardering is vastgelegd."

        return verwerk(request, WaarderingForm(request.POST, bijeenkomsten=wg.bijeenkomsten.all()), vastleggen)
    partij = get_object_or_404(wg.partijen, pk=id_uit(request.POST.get("partij")) or 0)  # "1e309": not an id

    def ondertekenaar(form):
        services.ondertekenaar_leg_vast(actor=request.user, waardering=w, partij=partij, **form.cleaned_data)
        return f"De tekenbevoegde van {partij.naam} is vastgelegd."

    return verwerk(request, OndertekenaarForm(request.POST, prefix=f"p{partij.pk}"), ondertekenaar)


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
