"""The forms of "Nieuwe werkgroep" (issue 21): one per step. The services check the answers again."""

from __future__ import annotations

from django import forms

from kvo.invoer import BegrensdeDatums, DatumVeld
from kvo.regelingen import KEUZES as REGELINGEN
from kvo.regelingen import KVO
from werkgroepen.models import Begeleidingsorganisatie, Cyclus, Partij

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class NaamForm(forms.Form):
    naam = forms.CharField(label="Naam van de werkgroep", max_length=200, help_text="Bijvoorbeeld: KVO-B De Hoek.")
    slug = forms.SlugField(
        label="Korte naam in de webadressen",
        max_length=80,
        required=False,
        help_text="Kleine letters, cijfers en streepjes, bijvoorbeeld <code>de-hoek</code>. "
        "Leeg laten: we maken hem uit de naam.",
        error_messages={"invalid": "Gebruik alleen kleine letters, cijfers en streepjes."},
    )
    handboek = forms.ChoiceField(
        label="Regeling",
        choices=REGELINGEN,
        initial=KVO,
        required=False,  # not chosen: KVO-B, the default
        widget=forms.RadioSelect,
        help_text="KVO-B eindigt in een audit en een certificaat; PVO Veilig Bedrijventerrein in een waardering, "
        "daarna een uitvoeringsplan van twee jaar dat elke twee jaar wordt herijkt.",
    )
    begeleiding = forms.ModelChoiceField(
        label="Procesbegeleiding",
        queryset=Begeleidingsorganisatie.objects.none(),
        empty_label=None,
        help_text="De procesbegeleiders van deze organisatie begeleiden de werkgroep.",
    )

    def __init__(self, *args, organisaties=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["begeleiding"].queryset = (
            organisaties if organisaties is not None else self.fields["begeleiding"].queryset
        )
        self.een_organisatie = organisaties is not None and organisaties.count() == 1
        if self.een_organisatie:
            self.fields["begeleiding"].widget = forms.HiddenInput()
            self.fields["begeleiding"].required = False

    def clean_handboek(self):
        return self.cleaned_data.get("handboek") or KVO

    def clean_begeleiding(self):
        gekozen = self.cleaned_data.get("begeleiding")
        if gekozen is None and self.een_organisatie:
            return self.fields["begeleiding"].queryset.first()
        return gekozen


class TerreinForm(forms.Form):
    naam = forms.CharField(label="Naam van het bedrijventerrein", max_length=200)
    gemeente = forms.CharField(label="Gemeente", max_length=120)


class CyclusStartForm(BegrensdeDatums, forms.Form):
    start = DatumVeld(
        label="Startdatum van de cyclus",
        widget=DATUM,
        help_text="Jaar 1 begint op deze datum; een cyclus duurt drie jaar.",
    )
    soort = forms.ChoiceField(
        label="Soort certificering",
        choices=[
            (Cyclus.Soort.EERSTE, "Eerste certificering"),
            (Cyclus.Soort.OPVOLGENDE, "Hercertificering (de werkgroep had al een KVO-certificaat)"),
        ],
        widget=forms.RadioSelect,
        initial=Cyclus.Soort.EERSTE,
    )
    vorig_nummer = forms.CharField(
        label="Nummer van het vorige certificaat",
        max_length=60,
        required=False,
        help_text="Alleen bij hercertificering.",
    )
    vorig_datum = DatumVeld(label="Datum van het vorige certificaat", widget=DATUM, required=False)


for _naam in ("vorig_nummer", "vorig_datum"):
    CyclusStartForm.base_fields[_naam].verplicht_tekst = "verplicht bij hercertificering"


SOORTEN = [("", "— kies —"), *Partij.Soort.choices]


class BestuurForm(forms.Form):
    """The chair and the secretary: both may be left empty and invited later from the members page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for rol in ("voorzitter", "secretaris"):
            self.fields[f"{rol}_naam"] = forms.CharField(label="Naam", max_length=200, required=False)
            self.fields[f"{rol}_email"] = forms.EmailField(
                label="E-mailadres", max_length=254, required=False, help_text="Hier gaat de uitnodiging naartoe."
            )
            self.fields[f"{rol}_partij"] = forms.CharField(
                label="Namens (partij)",
                max_length=200,
                required=False,
                help_text="Bijvoorbeeld: Ondernemersvereniging De Hoek.",
            )
            self.fields[f"{rol}_soort"] = forms.ChoiceField(label="Soort partij", choices=SOORTEN, required=False)

    def velden(self, rol: str):
        return [self[f"{rol}_{k}"] for k in ("naam", "email", "partij", "soort")]

    @property
    def velden_voorzitter(self):
        return self.velden("voorzitter")

    @property
    def velden_secretaris(self):
        return self.velden("secretaris")

    def gegevens(self) -> dict:
        return {
            rol: {k: self.cleaned_data.get(f"{rol}_{k}") or "" for k in ("naam", "email", "partij", "soort")}
            for rol in ("voorzitter", "secretaris")
        }

    @staticmethod
    def initial_uit(bestuur: dict) -> dict:
        return {
            f"{rol}_{k}": waarde for rol, persoon in (bestuur or {}).items() if persoon for k, waarde in persoon.items()
        }
