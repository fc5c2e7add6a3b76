"""Site-wide pages for facilitators and staff: importing a work group from a dossier file."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from kvo.dossier import DossierFout
from kvo.dossier.services import MAX_BESTAND, dossier_importeer, dossier_lees
from kvo.formulieren import voer_uit
from werkgroepen.models import Werkgroep
from werkgroepen.services.begeleiding import werkgroep_zet_begeleiding_na_import


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label="Dossierbestand",
        help_text="Een dossier.json, of een .zip met dossier.json en de bestanden onder media/; hoogstens 200 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".json,.zip,application/json,application/zip"}),
    )
    vervangen = forms.BooleanField(
        label="Vervang de bestaande werkgroep met dezelfde korte naam",
        help_text="Alleen voor een werkgroep die u begeleidt. Alles van die werkgroep wordt vervangen.",
        required=False,
    )

    def clean_bestand(self):
        # the content decides (kvo.dossier.services.dossier_lees); here only the size, before it is read
        bestand = self.cleaned_data["bestand"]
        if bestand.size > MAX_BESTAND:
            raise forms.ValidationError(
                f"Het bestand is te groot ({bestand.size / 1024 / 1024:.0f} MB); hoogstens "
                f"{MAX_BESTAND // 1024 // 1024} MB."
            )
        if bestand.size == 0:
            raise forms.ValidationError("Het bestand is leeg.")
        return bestand


def mag_importeren(user) -> bool:
    return user.is_authenticated and (user.is_staff or user.begeleidingsorganisaties.exists())


def mag_vervangen(user, werkgroep: Werkgroep) -> bool:
    if user.is_staff:
        return True
    return bool(werkgroep.begeleiding_id) and werkgroep.begeleiding.gebruikers.filter(pk=user.pk).exists()


@login_required
def dossier_import(request):
    if not mag_importeren(request.user):
        raise PermissionDenied("Alleen procesbegeleiders en beheerders kunnen een dossier importeren.")
    problemen: list[str] = []
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST":

        def importeer(g) -> Werkgroep:
            try:
                return _importeer(
                    request.user, dossier_lees(g["bestand"].read(), naam=g["bestand"].name), g["vervangen"]
                )
            except DossierFout as fout:
                raise ValidationError(fout.problemen) from fout

        # the dossier's problems are listed under the form, one per line
        uitkomst = voer_uit(form, importeer, op_fout=lambda _form, fout: problemen.extend(fout.messages))
        if uitkomst.gelukt:
            messages.success(request, f"Werkgroep {uitkomst.waarde.naam} is geïmporteerd.")
            return redirect("werkgroepen:home", werkgroep=uitkomst.waarde.slug)
    return render(request, "beheer/import.html", {"form": form, "problemen": problemen})


def _importeer(user, ingelezen, vervang: bool) -> Werkgroep:
    # A work group the user does not facilitate gives the same answer as any slug that cannot be
    # used, whether or not "vervangen" was ticked: neither that it exists nor its name.
    werkgroep = dossier_importeer(
        actor=user,
        dossier=ingelezen.dossier,
        bestanden=ingelezen.bestanden,
        vervang=vervang,
        mag_zien=lambda bestaand: mag_vervangen(user, bestaand),
    )
    return werkgroep_zet_begeleiding_na_import(actor=user, werkgroep=werkgroep)
