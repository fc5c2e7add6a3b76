"""Privacy (AVG) pages: the processing register and data subject requests for staff
(``/beheer/privacy/``), and the public privacy statement (``/privacy/``).

All are generated from the registry ``kvo.avg``; the writes are ``kvo.services_avg``. Staff only:
a facilitator works for the groups of one organisation, while a subject's request crosses groups
(one e-mail address may be a member of several) and erasure removes an account.
"""

from __future__ import annotations

import json

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_scopes import scopes_disabled

from kvo import avg
from kvo.formulieren import gegevens_van, verwerk_formulier
from kvo.invoer import IdKeuze
from kvo.models import Bewaarronde
from kvo.services_avg import betrokkene_bezwaren, betrokkene_exporteer, betrokkene_wis
from werkgroepen.models import Werkgroep

BETROKKENEN = {
    "ondernemers": "Ondernemers in het gebied",
    "leden": "Leden van de werkgroep en andere gebruikers",
    "auditors": "Auditors van de certificatie-instelling",
    "beheerders": "Beheerders van KVO Werkplaats",
}


def _alleen_beheer(request) -> None:
    if not request.user.is_staff:
        raise PermissionDenied("Alleen beheerders van KVO Werkplaats zien het verwerkingsregister en de verzoeken.")


@login_required
@require_GET
def verwerkingsregister(request):
    _alleen_beheer(request)
    return render(
        request,
        "beheer/privacy_register.html",
        {"soorten": avg.soorten(), "betrokkenen": BETROKKENEN, "rondes": Bewaarronde.objects.all()[:10]},
    )


@require_GET
def privacyverklaring(request):
    """For members and entrepreneurs, without login: what the product keeps on them, why and how long."""
    groepen = [
        (label, [s for s in avg.soorten() if s.openbaar and s.betrokkenen == sleutel])
        for sleutel, label in BETROKKENEN.items()
    ]
    return render(request, "kvo/privacyverklaring.html", {"groepen": [(lbl, s) for lbl, s in groepen if s]})


class ZoekForm(forms.Form):
    soort = forms.ChoiceField(
        label="Wie",
        choices=[("lid", "Lid of gebruiker (op e-mailadres)"), ("ondernemer", "Ondernemer uit het register")],
        widget=forms.RadioSelect,
        initial="lid",
    )
    email = forms.EmailField(label="E-mailadres", required=False, max_length=254)
    naam = forms.CharField(label="Naam (deel van)", required=False, max_length=200)
    werkgroep = IdKeuze(label="Werkgroep (voor een ondernemer)", queryset=Werkgroep.objects.none(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["werkgroep"].queryset = Werkgroep.objects.order_by("naam").only("naam")

    def clean(self):
        gegevens = super().clean()
        if gegevens.get("soort") == "lid" and not gegevens.get("email"):
            self.add_error("email", "Vul het e-mailadres van het lid in.")
        if gegevens.get("soort") == "ondernemer":
            if not gegevens.get("werkgroep"):
                self.add_error("werkgroep", "Kies de werkgroep van de ondernemer.")
            if not gegevens.get("email") and len((gegevens.get("naam") or "").strip()) < 2:
                self.add_error("naam", "Vul een naam (ten minste twee letters) of een e-mailadres in.")
        return gegevens


def _betrokkene(data) -> avg.Betrokkene:
    """The one person a request's hidden fields name: a member by e-mail, an entrepreneur by group and row."""
    soort = data.get("soort")
    with scopes_disabled():
        if soort == "lid":
            gevonden = avg.zoek_betrokkenen(soort_betrokkene="lid", email=data.get("email", ""))
        elif soort == "ondernemer" and data.get("werkgroep", "").isdigit() and data.get("ondernemer", "").isdigit():
            gevonden = avg.zoek_betrokkenen(
                soort_betrokkene="ondernemer", werkgroep_id=int(data["werkgroep"]), pk=int(data["ondernemer"])
            )
        else:
            gevonden = []
    if len(gevonden) != 1:
        raise Http404("Deze persoon is niet (meer) te vinden.")
    return gevonden[0]


def _verwijzing(b: avg.Betrokkene) -> dict:
    """The hidden fields that name ``b`` again on the next request."""
    if b.soort == "lid":
        return {"soort": "lid", "email": b.email}
    return {"soort": "ondernemer", "werkgroep": b.werkgroep_ids[0], "ondernemer": b.ids[0]}


@login_required
@require_GET
def verzoeken(request):
    _alleen_beheer(request)
    with scopes_disabled():
        form = ZoekForm(request.GET or None)
        gevonden = None
        if (g := gegevens_van(form)) is not None:
            gevonden = avg.zoek_betrokkenen(
                soort_betrokkene=g["soort"],
                email=g.get("email") or "",
                naam=g.get("naam") or "",
                werkgroep_id=g["werkgroep"].pk if g.get("werkgroep") else None,
            )
        return render(
            request,
            "beheer/privacy_verzoeken.html",
            {"form": form, "gevonden": [(b, _verwijzing(b)) for b in gevonden] if gevonden is not None else None},
        )


@login_required
@require_POST
def verzoek_export(request):
    _alleen_beheer(request)
    betrokkene = _betrokkene(request.POST)
    inhoud = betrokkene_exporteer(actor=request.user, betrokkene=betrokkene)
    antwoord = HttpResponse(
        json.dumps(inhoud, ensure_ascii=False, indent=2, default=str), content_type="application/json; charset=utf-8"
    )
    naam = f"inzage-{betrokkene.soort}-{timezone.localdate():%Y-%m-%d}.json"
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    return antwoord


class WisForm(forms.Form):
    reden = forms.CharField(
        label="Reden",
        max_length=200,
        help_text="Bijvoorbeeld: verzoek van betrokkene per e-mail van 3 december.",
    )
    bevestigd = forms.BooleanField(
        label="Ik heb de export bewaard of aan de betrokkene gegeven, en wil de gegevens nu wissen",
        required=True,
    )


@login_required
@require_http_methods(["GET", "POST"])
def verzoek_wissen(request):
    _alleen_beheer(request)
    data = request.POST if request.method == "POST" else request.GET
    betrokkene = _betrokkene(data)
    bezwaren = betrokkene_bezwaren(betrokkene=betrokkene)
    form = WisForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and not bezwaren:
        antwoord = verwerk_formulier(
            request,
            form,
            lambda g: betrokkene_wis(actor=request.user, betrokkene=betrokkene, reden=g["reden"]),
            succes=lambda gedaan: (
                f"De gegevens zijn gewist of geanonimiseerd ({sum(gedaan.values())} rijen); "
                "de werkgroepen houden hun verslagen met 'verwijderd lid' of 'verwijderde ondernemer'."
            ),
            naar=reverse("beheer:privacy_verzoeken"),
        )
        if antwoord is not None:
            return antwoord
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "beheer/privacy_wissen.html",
        {"betrokkene": betrokkene, "verwijzing": _verwijzing(betrokkene), "bezwaren": bezwaren, "form": form},
        status=status,
    )
