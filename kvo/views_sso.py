"""Single sign-on (``kvo.sso``): the login page's "Inloggen met uw organisatie" and staff's pages for the
identity providers under ``/beheer/inloggen/``."""

from __future__ import annotations

import json
import logging

from allauth.account.internal.decorators import login_not_required
from allauth.account.utils import get_next_redirect_url
from allauth.core import ratelimit
from allauth.socialaccount.providers.base.constants import AuthProcess
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST
from onelogin.saml2.errors import OneLogin_Saml2_Error

from kvo import sso
from kvo.formulieren import gegevens_van, verwerk_formulier
from kvo.invoer import IdKeuze
from kvo.models import Identiteitsaanbieder
from kvo.permissions import Actie, mag, rollen_buiten_werkgroep
from werkgroepen.models import Begeleidingsorganisatie

log = logging.getLogger("kvo.sso")


class EmailForm(forms.Form):
    email = forms.EmailField(label="Uw e-mailadres bij uw organisatie", max_length=254)


@login_not_required
@require_http_methods(["GET", "POST"])
def inloggen_organisatie(request):
    """The e-mail address first: its domain decides which organisation's provider signs the user in."""
    form = EmailForm(request.POST or None)
    status = 200
    if request.method == "POST" and gegevens_van(form) is not None:
        if not ratelimit.consume(request, action="login"):  # allauth's login limit, per client address
            form.add_error(None, "Te veel pogingen. Probeer het over een minuut opnieuw.")
            status = 429
        elif (aanbieder := sso.aanbieder_voor_email(form.cleaned_data["email"])) is None:
            form.add_error(
                "email",
                f"Voor het domein {sso.domein_van(form.cleaned_data['email'])} is geen inloggen via de "
                "organisatie ingesteld. Log in met uw e-mailadres en wachtwoord.",
            )
        else:
            return _naar_aanbieder(request, aanbieder, form.cleaned_data["email"])
    context = {"form": form, "next": get_next_redirect_url(request) or ""}
    return render(request, "account/sso_inloggen.html", context, status=status)


def _naar_aanbieder(request, aanbieder: Identiteitsaanbieder, email: str):
    provider = aanbieder.app.get_provider(request)
    kwargs = {}
    if aanbieder.soort == Identiteitsaanbieder.Soort.OIDC:
        kwargs["auth_params"] = {**provider.get_auth_params(), "login_hint": email}
    try:
        return provider.redirect(request, AuthProcess.LOGIN, next_url=get_next_redirect_url(request), **kwargs)
    except (OSError, OneLogin_Saml2_Error, ImproperlyConfigured, ValueError, KeyError) as fout:
        # the provider is down (requests' and urllib's errors are OSErrors), or its settings are wrong:
        # staff see the reason in the log
        log.warning("sso %s: aanbieder niet bereikbaar: %r", aanbieder.slug, fout)
        return render(
            request,
            "account/sso_geweigerd.html",
            {"melding": f"De identiteitsprovider van {aanbieder} is nu niet bereikbaar. Probeer het later opnieuw."},
            status=503,
        )


@login_not_required
def saml_acs_afronden(request, organization_slug: str):
    """allauth's SAML ``acs/finish/`` with what python3-saml lets through caught: an empty or broken
    response (lxml's syntax error) is a refusal with a Dutch message, not a 500."""
    from allauth.socialaccount.providers.saml.views import finish_acs
    from lxml import etree

    try:
        return finish_acs(request, organization_slug=organization_slug)
    except (etree.LxmlError, OneLogin_Saml2_Error, OSError, ValueError, TypeError) as fout:  # OSError: metadata URL
        log.warning("sso %s: onleesbaar SAML-antwoord: %r", organization_slug, fout)
        return render(request, "account/sso_geweigerd.html", {"melding": sso.ONGELDIG_BEWIJS}, status=403)


# --- staff --------------------------------------------------------------------------------------


class AanbiederForm(forms.Form):
    naam = forms.CharField(label="Naam", max_length=200, help_text="Bijvoorbeeld: Gemeente Utrecht (Entra ID).")
    slug = forms.SlugField(
        label="Korte naam", max_length=60, help_text="Kleine letters en streepjes; staat in de terugkeer-URL."
    )
    soort = forms.ChoiceField(label="Soort", choices=Identiteitsaanbieder.Soort.choices)
    begeleidingsorganisatie = IdKeuze(
        label="Begeleidingsorganisatie",
        queryset=Begeleidingsorganisatie.objects.order_by("naam"),
        required=False,
        help_text="Leeg laten voor een partij (gemeente, politie, provincie).",
    )
    organisatie = forms.CharField(label="Organisatie (partij)", max_length=200, required=False)
    domeinen = forms.CharField(
        label="E-maildomeinen",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Eén per regel, bijv. utrecht.nl.",
    )
    client_id = forms.CharField(label="Client-ID (alleen OIDC)", max_length=191, required=False)
    secret = forms.CharField(
        label="Clientgeheim (alleen OIDC)",
        max_length=191,
        required=False,
        widget=forms.PasswordInput(render_value=False),
        help_text="Leeg laten om het bewaarde geheim te houden.",
    )
    instellingen = forms.CharField(
        label="Instellingen (JSON)",
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "false"}),
        help_text='OIDC: {"server_url": "https://login.microsoftonline.com/<tenant>/v2.0"}. '
        'SAML: {"idp": {"entity_id": "…", "metadata_url": "…"}} of met "sso_url" en "x509cert".',
    )
    tweestaps_van_aanbieder = forms.BooleanField(
        label="Tweestapsverificatie van de aanbieder telt",
        required=False,
        help_text="Alleen aanzetten als de aanbieder bij elke aanmelding een tweede factor meldt (amr/acr). "
        "Meldt hij die niet, dan vraagt KVO Werkplaats de eigen tweede stap.",
    )
    actief = forms.BooleanField(label="Actief", required=False, initial=True)

    def clean_instellingen(self):
        try:
            waarde = json.loads(self.cleaned_data["instellingen"] or "{}")
        except json.JSONDecodeError as fout:
            raise ValidationError(f"Geen geldige JSON: {fout.msg} (regel {fout.lineno}).") from fout
        if not isinstance(waarde, dict):
            raise ValidationError("De instellingen zijn een JSON-object: {…}.")
        return waarde


def _alleen_staff(user) -> None:
    if not mag(rollen_buiten_werkgroep(user), Actie.BEGELEIDING_BEHEREN):
        raise PermissionDenied("Alleen beheerders stellen het inloggen via organisaties in.")


def _bewaar(request, form: AanbiederForm, aanbieder: Identiteitsaanbieder | None, succes):
    return verwerk_formulier(
        request,
        form,
        lambda g: sso.aanbieder_bewaar(actor=request.user, aanbieder=aanbieder, **g),
        succes=succes,
        naar=lambda bewaard: reverse("beheer:sso_aanbieder", args=[bewaard.pk]),
    )


@login_required
@require_http_methods(["GET", "POST"])
def aanbieders(request):
    _alleen_staff(request.user)
    form = AanbiederForm(request.POST or None, initial={"instellingen": "{}", "actief": True})
    if request.method == "POST":
        antwoord = _bewaar(request, form, None, lambda aanbieder: f"Inloggen via {aanbieder} is ingesteld.")
        if antwoord is not None:
            return antwoord
    lijst = Identiteitsaanbieder.objects.select_related("begeleidingsorganisatie").order_by("naam")
    return render(request, "beheer/sso.html", {"form": form, "aanbieders": lijst})


@login_required
@require_http_methods(["GET", "POST"])
def aanbieder(request, pk: int):
    _alleen_staff(request.user)
    obj = get_object_or_404(Identiteitsaanbieder.objects.select_related("app"), pk=pk)
    initial = {
        "naam": obj.naam,
        "slug": obj.slug,
        "soort": obj.soort,
        "begeleidingsorganisatie": obj.begeleidingsorganisatie_id,
        "organisatie": obj.organisatie,
        "domeinen": "\n".join(obj.domeinen),
        "client_id": obj.app.client_id if obj.soort == Identiteitsaanbieder.Soort.OIDC else "",
        "instellingen": sso.instellingen_tekst(obj.app),
        "tweestaps_van_aanbieder": obj.tweestaps_van_aanbieder,
        "actief": obj.actief,
    }
    form = AanbiederForm(request.POST or None, initial=initial)
    if request.method == "POST":
        antwoord = _bewaar(request, form, obj, lambda _: f"{obj} is bewaard.")
        if antwoord is not None:
            return antwoord
    if obj.soort == Identiteitsaanbieder.Soort.OIDC:
        terugkeer, metadata = reverse("openid_connect_callback", kwargs={"provider_id": obj.slug}), None
    else:
        terugkeer, metadata = reverse("saml_acs", args=[obj.slug]), reverse("saml_metadata", args=[obj.slug])
    terugkeer = request.build_absolute_uri(terugkeer)
    metadata = metadata and request.build_absolute_uri(metadata)
    context = {"form": form, "aanbieder": obj, "terugkeer": terugkeer, "metadata": metadata}
    return render(request, "beheer/sso_aanbieder.html", context)


@login_required
@require_POST
def aanbieder_verwijder(request, pk: int):
    _alleen_staff(request.user)
    obj = get_object_or_404(Identiteitsaanbieder, pk=pk)
    sso.aanbieder_verwijder(actor=request.user, aanbieder=obj)
    messages.success(request, f"Inloggen via {obj} is verwijderd; de gekoppelde leden loggen weer lokaal in.")
    return redirect("beheer:sso")
