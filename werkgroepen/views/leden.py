"""Parties and members (§3.2, §3.3), invitations."""

from __future__ import annotations

from django.db.models import Min
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from kvo import versie
from kvo.formulieren import verwerk, verwerk_formulier
from kvo.mixins import vereist
from kvo.permissions import Actie, Toegangsrol
from werkgroepen import selectors, services
from werkgroepen.checks import IDS_LEDEN
from werkgroepen.forms import BeeindigForm, LidForm, PartijForm, UitnodigingForm
from werkgroepen.models import Groepsrol
from werkgroepen.views.basis import context, naar, waarschuwingen

VASTE_ROLLEN = (*selectors.VERPLICHTE_ROLLEN, Groepsrol.WOORDVOERDER)


def toont_persoonsgegevens(request) -> bool:
    """E-mail and telephone only inside the work group: its members and its facilitator."""
    toegang = request.toegang
    return toegang.lid is not None or Toegangsrol.BEGELEIDER in toegang.rollen


# What the kept page reads (kvo.versie): members, parties, parks and the rules it warns about; a
# survey answer or a measure keeps it.
LEDEN_LEEST = versie.leest("pagina:leden", "leden", "partijen", "gebied", "bijeenkomst", "keurmerk")


@vereist(Actie.BEKIJKEN)
def leden(request, werkgroep):
    """The page is kept under the parts it reads (``kvo.versie``) and the moment the first open
    invitation it lists expires (time passing changes the page, not a write)."""
    wg = request.werkgroep
    verloopt = wg.uitnodigingen.filter(geaccepteerd_op__isnull=True, geldig_tot__gt=timezone.now()).aggregate(
        eerste=Min("geldig_tot")
    )["eerste"]
    return versie.bewaarde_pagina(
        request, wg, "leden", "werkgroepen/leden.html", lambda: _leden_context(request), delen=(verloopt,)
    )


def _leden_context(request) -> dict:
    wg = request.werkgroep
    vandaag = timezone.localdate()
    alle = selectors.leden(wg)
    actief = selectors.actieve_leden(alle, vandaag)
    partijen = selectors.partijen(wg)
    per_partij = {p.pk: 0 for p in partijen}
    for lid in actief:
        per_partij[lid.partij_id] = per_partij.get(lid.partij_id, 0) + 1
    rollen = selectors.rollen_stand(actief)
    uitnodigingen = selectors.open_uitnodigingen(wg, timezone.now())
    for lid in alle:
        lid.open_uitnodiging = uitnodigingen.get(lid.pk)
        lid.rol_namen = ", ".join(str(Groepsrol(r).label) for r in lid.rollen or [] if r in Groepsrol.values)
    return context(
        request,
        actief=actief,
        toekomstig=selectors.toekomstige_leden(alle, vandaag),
        voormalig=selectors.voormalige_leden(alle, vandaag),
        partijen=[(p, per_partij.get(p.pk, 0)) for p in partijen],
        partijen_stand=selectors.partijen_stand(actief),
        rollen=[(Groepsrol(r).label, r in VASTE_ROLLEN, houders) for r, houders in rollen.items()],
        persoonsgegevens=toont_persoonsgegevens(request),
        waarschuwingen=waarschuwingen(wg, IDS_LEDEN),
        is_cluster=wg.terreinen.count() > 1,
    )


@vereist(Actie.BEHEREN)
def partij_nieuw(request, werkgroep):
    return _partij_form(request, None)


@vereist(Actie.BEHEREN)
def partij_wijzig(request, werkgroep, pk: int):
    return _partij_form(request, get_object_or_404(request.werkgroep.partijen, pk=pk))


def _leden_url(werkgroep) -> str:
    return reverse("werkgroepen:leden", kwargs={"werkgroep": werkgroep.slug})


def _partij_form(request, partij):
    wg = request.werkgroep
    form = PartijForm(request.POST or None, instance=partij)
    if request.method == "POST":

        def bewaar(g) -> str:
            if partij is None:
                return f"Partij {services.partij_maak(actor=request.user, werkgroep=wg, **g).naam} toegevoegd."
            services.partij_wijzig(actor=request.user, partij=partij, **g)
            return f"Partij {partij.naam} opgeslagen."

        antwoord = verwerk_formulier(request, form, bewaar, succes=lambda tekst: tekst, naar=_leden_url(wg))
        if antwoord is not None:
            return antwoord
    return render(request, "werkgroepen/partij_form.html", context(request, form=form, partij=partij))


@vereist(Actie.BEHEREN)
def lid_nieuw(request, werkgroep):
    return _lid_form(request, None)


@vereist(Actie.BEHEREN)
def lid_wijzig(request, werkgroep, pk: int):
    return _lid_form(request, get_object_or_404(request.werkgroep.leden.select_related("partij"), pk=pk))


def _lid_form(request, lid):
    wg = request.werkgroep
    initial = {}
    if lid is None and request.GET.get("partij", "").isdigit():
        initial["partij"] = request.GET["partij"]
    form = LidForm(request.POST or None, instance=lid, werkgroep=wg, initial=initial)
    if request.method == "POST":

        def bewaar(g) -> str:
            gegevens = {veld: g[veld] for veld in form.Meta.fields}
            if lid is None:
                nieuw = services.lid_maak(actor=request.user, werkgroep=wg, **gegevens)
                return f"{nieuw.naam} toegevoegd aan de werkgroep."
            services.lid_wijzig(actor=request.user, lid=lid, **gegevens)
            return f"{lid.naam} opgeslagen."

        antwoord = verwerk_formulier(request, form, bewaar, succes=lambda tekst: tekst, naar=_leden_url(wg))
        if antwoord is not None:
            return antwoord
    heeft_partijen = wg.partijen.exists()
    return render(
        request, "werkgroepen/lid_form.html", context(request, form=form, lid=lid, heeft_partijen=heeft_partijen)
    )


@vereist(Actie.BEHEREN)
def lid_beeindig(request, werkgroep, pk: int):
    wg = request.werkgroep
    lid = get_object_or_404(wg.leden.select_related("partij"), pk=pk)
    form = BeeindigForm(request.POST or None, initial={"lid_tot": timezone.localdate()})
    if request.method == "POST":
        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: services.lid_beeindig(actor=request.user, lid=lid, lid_tot=g["lid_tot"]),
            succes=f"Het lidmaatschap van {lid.naam} is beëindigd; de historie blijft bewaard.",
            naar=_leden_url(wg),
        )
        if antwoord is not None:
            return antwoord
    return render(request, "werkgroepen/lid_beeindig.html", context(request, form=form, lid=lid))


@vereist(Actie.BEHEREN)
@require_POST
def lid_uitnodigen(request, werkgroep, pk: int):
    wg = request.werkgroep
    lid = get_object_or_404(wg.leden, pk=pk)

    def nodig_uit(form) -> str:
        uitnodiging = services.lid_nodig_uit(actor=request.user, lid=lid, email=form.cleaned_data["email"] or None)
        return f"Uitnodiging verstuurd naar {uitnodiging.email}; de link is 14 dagen geldig."

    return verwerk(
        request,
        UitnodigingForm(request.POST),
        nodig_uit,
        actie=Actie.BEHEREN,
        naar=naar("leden", wg).url,
        ongeldig="Dat is geen geldig e-mailadres.",
    )
