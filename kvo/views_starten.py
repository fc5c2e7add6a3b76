""" "Nieuwe werkgroep" (issue 21): a facilitator (for their own facilitating organisation) or staff
(for any) starts a work group in five short steps, kept as a ``WerkgroepStart`` between visits.

A draft is reached only by the users of its facilitating organisation and by staff; anyone else
gets the same 404 as for a draft that does not exist.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from kvo.forms_starten import BestuurForm, CyclusStartForm, NaamForm, TerreinForm
from kvo.formulieren import verwerk_formulier
from kvo.permissions import Actie, mag, rollen_buiten_werkgroep
from werkgroepen import selectors
from werkgroepen.models import Begeleidingsorganisatie, Cyclus, WerkgroepStart
from werkgroepen.services import starten


def _mag_starten(user) -> None:
    if not mag(rollen_buiten_werkgroep(user), Actie.STARTEN):
        raise PermissionDenied("Alleen procesbegeleiders en beheerders kunnen een werkgroep starten.")


def organisaties_voor(user) -> QuerySet[Begeleidingsorganisatie]:
    """The facilitating organisations the user may start a work group for: their own; staff any."""
    if user.is_staff:
        return Begeleidingsorganisatie.objects.order_by("naam")
    return user.begeleidingsorganisaties.order_by("naam")


def starts_voor(user) -> QuerySet[WerkgroepStart]:
    """The drafts the user reaches: those of their own facilitating organisations; staff every draft."""
    if user.is_staff:
        return WerkgroepStart.objects.all()
    return WerkgroepStart.objects.filter(begeleiding__gebruikers=user).distinct()


def _stappen(start: WerkgroepStart | None, huidig: int) -> list[dict]:
    verst = start.stap if start else 1
    return [
        {
            "nummer": nummer,
            "naam": naam,
            "huidig": nummer == huidig,
            "klaar": nummer < verst and nummer != huidig,
            "url": reverse("begeleiding:start_stap", args=[start.pk, nummer]) if start and nummer <= verst else "",
        }
        for nummer, naam in starten.STAPPEN.items()
    ]


@login_required
@require_http_methods(["GET", "POST"])
def nieuw(request):
    """Step 1 of a new work group, the drafts to resume, and the way in from an existing dossier."""
    _mag_starten(request.user)
    organisaties = organisaties_voor(request.user)
    eerste = organisaties.first()
    form = NaamForm(
        request.POST or None,
        organisaties=organisaties,
        initial={"begeleiding": eerste.pk} if eerste else None,
    )
    if request.method == "POST":
        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: starten.werkgroepstart_maak(
                actor=request.user, begeleiding=g["begeleiding"], naam=g["naam"], slug=g["slug"], handboek=g["handboek"]
            ),
            succes=None,
            naar=lambda start: reverse("begeleiding:start_stap", args=[start.pk, 2]),
        )
        if antwoord is not None:
            return antwoord
    concepten = list(starts_voor(request.user).select_related("begeleiding", "gemaakt_door").order_by("-gewijzigd_op"))
    return render(
        request,
        "kvo/start_nieuw.html",
        {"form": form, "concepten": concepten, "stappen": _stappen(None, 1), "geen_organisatie": eerste is None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def stap(request, start: int, stap: int):
    _mag_starten(request.user)
    concept = get_object_or_404(starts_voor(request.user).select_related("begeleiding"), pk=start)
    if stap not in starten.STAPPEN:
        raise Http404("Onbekende stap.")
    if stap > concept.stap:
        return redirect("begeleiding:start_stap", concept.pk, concept.stap)
    form = _form(request, concept, stap)
    if request.method == "POST":
        if stap == starten.LAATSTE_STAP:
            return _afronden(request, concept)
        later = "opslaan" in request.POST  # "Opslaan en later verder"
        antwoord = verwerk_formulier(
            request,
            form,
            lambda _g: _bewaar(request, concept, stap, form),
            succes=(lambda _: f"De start van {concept.naam} is bewaard; u gaat later verder waar u was.")
            if later
            else None,
            naar=reverse("begeleiding:nieuw")
            if later
            else reverse("begeleiding:start_stap", args=[concept.pk, stap + 1]),
        )
        if antwoord is not None:
            return antwoord
    context = {
        "concept": concept,
        "stap": stap,
        "stapnaam": starten.STAPPEN[stap],
        "stappen": _stappen(concept, stap),
        "form": form,
        "vorige": stap - 1 if stap > 1 else None,
    }
    if stap == starten.LAATSTE_STAP:
        context.update(_overzicht(concept))
    return render(request, "kvo/start_stap.html", context)


def _form(request, concept: WerkgroepStart, stap: int):
    data = request.POST if request.method == "POST" else None
    g = concept.gegevens
    if stap == 1:
        organisaties = Begeleidingsorganisatie.objects.filter(
            Q(pk__in=organisaties_voor(request.user).values("pk")) | Q(pk=concept.begeleiding_id)
        ).order_by("naam")
        return NaamForm(
            data,
            organisaties=organisaties,
            initial={
                "naam": concept.naam,
                "slug": concept.slug,
                "begeleiding": concept.begeleiding_id,
                "handboek": starten.regeling_van_start(concept).handboek,
            },
        )
    if stap == 2:
        return TerreinForm(data, initial=g.get("terrein"))
    if stap == 3:
        return CyclusStartForm(data, initial=g.get("cyclus") or {"soort": Cyclus.Soort.EERSTE})
    if stap == 4:
        return BestuurForm(data, initial=BestuurForm.initial_uit(g.get("bestuur")))
    return None


def _bewaar(request, concept: WerkgroepStart, stap: int, form) -> None:
    if stap == 1:
        naam, slug = form.cleaned_data["naam"], form.cleaned_data["slug"]
        if slug == concept.slug:  # keeping its own short name is not a collision with itself
            slug = concept.slug
        starten.werkgroepstart_wijzig_naam(
            actor=request.user,
            start=concept,
            naam=naam,
            slug=slug,
            begeleiding=form.cleaned_data["begeleiding"],
            handboek=form.cleaned_data["handboek"],
        )
    elif stap == 4:
        starten.werkgroepstart_bewaar_stap(actor=request.user, start=concept, stap=4, gegevens=form.gegevens())
    else:
        starten.werkgroepstart_bewaar_stap(actor=request.user, start=concept, stap=stap, gegevens=form.cleaned_data)


def _datum(tekst: str | None) -> dt.date | str:
    """A date kept in the draft as ISO text, as a date for the page (shown the Dutch way)."""
    try:
        return dt.date.fromisoformat(tekst) if tekst else ""
    except (TypeError, ValueError):
        return tekst or ""


def _overzicht(concept: WerkgroepStart) -> dict:
    g = concept.gegevens
    cyclus = g.get("cyclus")
    if cyclus:
        cyclus = {**cyclus, "start": _datum(cyclus.get("start")), "vorig_datum": _datum(cyclus.get("vorig_datum"))}
    regeling = starten.regeling_van_start(concept)
    return {
        "regeling": regeling,
        "verplichte_partijen": selectors.verplichte_partijen_van(regeling),
        "terrein": g.get("terrein"),
        "cyclus": cyclus,
        "cyclus_soort": dict(Cyclus.Soort.choices).get((g.get("cyclus") or {}).get("soort"), ""),
        "bestuur": [(rol, persoon) for rol, persoon in (g.get("bestuur") or {}).items() if persoon],
        "ontbreekt": [starten.STAPPEN[s] for s in starten.ontbrekende_stappen(concept)],
    }


def _afronden(request, concept: WerkgroepStart):
    try:
        werkgroep = starten.werkgroepstart_rond_af(actor=request.user, start=concept)
    except ValidationError as fout:
        messages.error(request, "De werkgroep is niet gestart: " + " ".join(fout.messages))
        return redirect("begeleiding:start_stap", concept.pk, starten.LAATSTE_STAP)
    messages.success(request, f"Werkgroep {werkgroep.naam} is gestart. Hieronder staan de eerste stappen.")
    return redirect("werkgroepen:home", werkgroep=werkgroep.slug)


@login_required
@require_POST
def verwijder(request, start: int):
    _mag_starten(request.user)
    concept = get_object_or_404(starts_voor(request.user), pk=start)
    starten.werkgroepstart_verwijder(actor=request.user, start=concept)
    messages.success(request, f"De start van {concept.naam} is verwijderd.")
    return redirect("begeleiding:nieuw")
