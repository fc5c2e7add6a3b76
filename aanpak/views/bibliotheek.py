"""The measures library (``aanpak.bibliotheek``): in a work group, what worked elsewhere per theme,
taken over with one click as the group's own measure, and the group's opt-in to share its titles;
for a facilitator, the library over every group of their organisation (``/begeleiding/maatregelen/``).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from aanpak.bibliotheek import bibliotheek as lees_bibliotheek
from aanpak.bibliotheek import gedeelde_werkgroepen, per_thema, sleutel
from aanpak.services.maatregelen import maatregel_neem_over_uit_bibliotheek
from aanpak.views.basis import context, cyclus_en_plan
from kvo import versie
from kvo.mixins import vereist
from kvo.permissions import Actie
from kvo.tenancy import tweestaps_nodig
from kvo.views_portfolio import begeleide_werkgroepen, mag_portfolio
from werkgroepen.services.administratie import werkgroep_maatregelen_deel

PER_THEMA = 8


# What the kept page reads (kvo.versie): the plans of this group and of the groups that share their
# measures (their ids are part of the key), and the meetings and the mark the layout shows. A survey
# answer or a new member keeps it; a measure or a goal's evaluation in any of these groups does not.
LEEST = versie.leest("pagina:bibliotheek", "plan", "bijeenkomst", "keurmerk")
BEGELEIDING_LEEST = versie.leest("pagina:bibliotheek-begeleiding", "plan")


@vereist(Actie.BEKIJKEN)
def bibliotheek(request, werkgroep):
    """Kept until a plan of this group or of a sharing group changes (``kvo.versie``)."""
    gedeeld = gedeelde_werkgroepen(request.werkgroep)
    return versie.bewaarde_pagina_voor(
        request,
        [request.werkgroep.pk, *gedeeld],
        "bibliotheek",
        "aanpak/bibliotheek.html",
        lambda: _bibliotheek_context(request, gedeeld),
        delen=(sorted(gedeeld), request.GET.get("thema", ""), request.GET.get("cyclus", "")),
    )


def _bibliotheek_context(request, gedeeld: list[int]) -> dict:
    cyclus, plan = cyclus_en_plan(request)
    items = lees_bibliotheek(gedeeld)
    eigen, eigen_themas = set(), []
    if plan is not None:
        eigen = {sleutel(t) for t in plan.maatregelen.values_list("titel", flat=True)}
        eigen_themas = list(
            dict.fromkeys(plan.doelstellingen.order_by("volgorde", "pk").values_list("thema", flat=True))
        )
    gekozen = request.GET.get("thema", "")
    themas = per_thema(items)
    # the themes of the plan's goals first: those are the ones the group is writing measures for
    themas.sort(key=lambda t: (t[0] not in eigen_themas, eigen_themas.index(t[0]) if t[0] in eigen_themas else 0))
    if gekozen:
        themas = [(s, n, lijst, len(lijst)) for s, n, lijst in themas if s == gekozen]
    else:  # per theme the examples and the measures that worked best; "alle" shows the rest
        themas = [(s, n, lijst[:PER_THEMA], len(lijst)) for s, n, lijst in themas]
    return context(
        request,
        cyclus=cyclus,
        plan=plan,
        themas=themas,
        eigen=eigen,
        eigen_themas=eigen_themas,
        gekozen=gekozen,
        alle_themas=per_thema(items),
        alleen_lezen=not request.toegang.mag(Actie.WIJZIGEN),
    )


@require_POST
@vereist(Actie.WIJZIGEN)
def overnemen(request, werkgroep):
    _cyclus, plan = cyclus_en_plan(request, verplicht=True)
    try:
        m = maatregel_neem_over_uit_bibliotheek(
            actor=request.user,
            plan=plan,
            titel=request.POST.get("titel", ""),
            thema=request.POST.get("thema", ""),
            soort=request.POST.get("soort", ""),
        )
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
        return redirect("aanpak:bibliotheek", werkgroep=request.werkgroep.slug)
    messages.success(request, f"Opgenomen in uw plan: {m.titel}. Pas de maatregel aan en vul kwartalen en tijd in.")
    return redirect(reverse("aanpak:maatregel_wijzig", kwargs={"werkgroep": request.werkgroep.slug, "pk": m.pk}))


@require_POST
@vereist(Actie.BEHEREN)
def delen(request, werkgroep):
    aan = request.POST.get("delen") == "1"
    werkgroep_maatregelen_deel(actor=request.user, werkgroep=request.werkgroep, delen=aan)
    messages.success(
        request,
        "De titels van uw maatregelen tellen nu mee in de bibliotheek van andere werkgroepen."
        if aan
        else "De titels van uw maatregelen tellen niet meer mee in de bibliotheek van andere werkgroepen.",
    )
    return redirect("aanpak:bibliotheek", werkgroep=request.werkgroep.slug)


@login_required
@require_GET
def begeleiding(request):
    """The library over every work group of the facilitator's organisation (staff: all)."""
    if not mag_portfolio(request.user):
        raise PermissionDenied("Alleen procesbegeleiders en beheerders zien de bibliotheek over alle werkgroepen.")
    stand = list(begeleide_werkgroepen(request.user).values_list("pk", "mfa_verplicht"))
    if omleiding := tweestaps_nodig(request, verplicht=any(v for _, v in stand)):
        return omleiding
    ids = [pk for pk, _ in stand]

    def context_maken() -> dict:
        items = lees_bibliotheek(ids)
        return {"themas": per_thema(items), "aantal": len(stand), "items": items}

    return versie.bewaarde_pagina_voor(
        request, ids, "bibliotheek-begeleiding", "aanpak/bibliotheek_begeleiding.html", context_maken
    )
