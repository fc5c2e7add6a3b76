"""Staff manage facilitating organisations and their facilitators, and move a work group to
another organisation (issue 21), under ``/beheer/``."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from kvo.formulieren import verwerk_formulier
from kvo.invoer import IdKeuze
from kvo.permissions import Actie, mag, rollen_buiten_werkgroep
from kvo.views_portfolio import begeleide_werkgroepen
from werkgroepen.models import Begeleidingsorganisatie
from werkgroepen.services import begeleiding as services


class OrganisatieForm(forms.Form):
    naam = forms.CharField(label="Naam van de organisatie", max_length=200)


class BegeleiderForm(forms.Form):
    email = forms.EmailField(
        label="E-mailadres van de procesbegeleider",
        max_length=254,
        help_text="Heeft dit adres nog geen account, dan krijgt de procesbegeleider een e-mail "
        "om een wachtwoord te kiezen.",
    )


class VerplaatsForm(forms.Form):
    naar = IdKeuze(label="Nieuwe begeleidingsorganisatie", queryset=Begeleidingsorganisatie.objects.order_by("naam"))


def _alleen_staff(user) -> None:
    if not mag(rollen_buiten_werkgroep(user), Actie.BEGELEIDING_BEHEREN):
        raise PermissionDenied("Alleen beheerders beheren begeleidingsorganisaties.")


@login_required
@require_http_methods(["GET", "POST"])
def organisaties(request):
    _alleen_staff(request.user)
    form = OrganisatieForm(request.POST or None)
    if request.method == "POST":
        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: services.begeleidingsorganisatie_maak(actor=request.user, naam=g["naam"]),
            succes=lambda org: f"Begeleidingsorganisatie {org.naam} is aangemaakt.",
            naar=lambda org: reverse("beheer:organisatie", args=[org.pk]),
        )
        if antwoord is not None:
            return antwoord
    lijst = Begeleidingsorganisatie.objects.annotate(
        n_begeleiders=Count("gebruikers", distinct=True), n_werkgroepen=Count("werkgroepen", distinct=True)
    ).order_by("naam")
    return render(request, "beheer/organisaties.html", {"form": form, "organisaties": lijst})


@login_required
@require_http_methods(["GET", "POST"])
def organisatie(request, pk: int):
    _alleen_staff(request.user)
    org = get_object_or_404(Begeleidingsorganisatie, pk=pk)
    form = BegeleiderForm(request.POST or None)
    if request.method == "POST":

        def tekst(user) -> str:
            tekst = f"{user} is nu procesbegeleider bij {org.naam}."
            if getattr(user, "kvo_nieuw_account", False):
                tekst += (
                    " Er is een account gemaakt; de procesbegeleider krijgt een e-mail om een wachtwoord te kiezen."
                )
            return tekst

        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: services.begeleider_voeg_toe(actor=request.user, organisatie=org, email=g["email"]),
            succes=tekst,
            naar=reverse("beheer:organisatie", args=[org.pk]),
        )
        if antwoord is not None:
            return antwoord
    context = {
        "organisatie": org,
        "form": form,
        "begeleiders": org.gebruikers.order_by("email"),
        "werkgroepen": org.werkgroepen.order_by("naam"),
    }
    return render(request, "beheer/organisatie.html", context)


@login_required
@require_POST
def begeleider_verwijder(request, pk: int, gebruiker: int):
    _alleen_staff(request.user)
    org = get_object_or_404(Begeleidingsorganisatie, pk=pk)
    user = get_object_or_404(get_user_model(), pk=gebruiker, begeleidingsorganisaties=org)
    services.begeleider_verwijder(actor=request.user, organisatie=org, user=user)
    messages.success(request, f"{user} is geen procesbegeleider meer bij {org.naam}.")
    return redirect("beheer:organisatie", org.pk)


@login_required
@require_http_methods(["GET", "POST"])
def werkgroep_verplaats(request, pk: int):
    """A work group the user does not reach is not found (404); a facilitator of the group may not move it (403)."""
    werkgroep = get_object_or_404(begeleide_werkgroepen(request.user), pk=pk)
    _alleen_staff(request.user)
    form = VerplaatsForm(request.POST or None, initial={"naar": werkgroep.begeleiding_id})
    if request.method == "POST":
        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: services.werkgroep_verplaats(actor=request.user, werkgroep=werkgroep, naar=g["naar"]),
            succes=lambda _: f"{werkgroep.naam} valt nu onder {form.cleaned_data['naar'].naam}.",
            naar=lambda _: reverse("beheer:organisatie", args=[form.cleaned_data["naar"].pk]),
        )
        if antwoord is not None:
            return antwoord
    return render(request, "beheer/werkgroep_verplaatsen.html", {"werkgroep": werkgroep, "form": form})
