"""Forms of the area pages: input only; the rules live in gebieden/services.py."""

from __future__ import annotations

import json

from django import forms

from gebieden import geo
from kvo.invoer import controleer_tabelgrootte

MAX_GRENS = 500_000  # characters: some ten thousand points, far more than a drawn boundary has
GRENS_HULP = (
    "Teken de grens op de kaart. Zonder kaart: plak hier een GeoJSON Polygon of MultiPolygon "
    "met coördinaten in lengtegraad, breedtegraad (WGS84)."
)


class GrensVeld(forms.CharField):
    """A GeoJSON boundary: a textarea that the map (static/js/kaart.js) fills in."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", MAX_GRENS)
        kwargs.setdefault("label", "Grens (GeoJSON)")
        kwargs.setdefault("help_text", GRENS_HULP)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 4, "spellcheck": "false", "data-grens": ""}))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, dict):
            return json.dumps(value)
        return value

    def clean(self, value):
        return geo.lees_grens(super().clean(value))


class TerreinForm(forms.Form):
    naam = forms.CharField(label="Naam van het bedrijventerrein", max_length=200)
    gemeente = forms.CharField(label="Gemeente", max_length=120)
    grens = GrensVeld()

    def __init__(self, *args, regie_nodig: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if regie_nodig:
            self.fields["regie_organisatie"] = forms.CharField(
                label="Regie-organisatie van het cluster",
                max_length=200,
                help_text="Met een tweede terrein wordt het gebied een cluster (§3.1.1). Regie en aanspreekpunt "
                "liggen dan bij één overkoepelende organisatie, bijvoorbeeld het parkmanagement of de gemeente.",
            )


class NieuwTerreinRegel(forms.Form):
    naam = forms.CharField(label="Naam", max_length=200, required=False)
    gemeente = forms.CharField(label="Gemeente", max_length=120, required=False)
    grens = GrensVeld(help_text="Optioneel; de grens kunt u ook later tekenen.")

    def clean(self):
        data = super().clean()
        if data.get("naam") and not data.get("gemeente"):
            self.add_error("gemeente", "Vul de gemeente in.")
        if data.get("gemeente") and not data.get("naam"):
            self.add_error("naam", "Vul de naam in.")
        return data


NieuweTerreinen = forms.formset_factory(NieuwTerreinRegel, extra=3, max_num=4)


class RegieForm(forms.Form):
    regie_organisatie = forms.CharField(
        label="Regie-organisatie",
        max_length=200,
        required=False,
        help_text="De overkoepelende organisatie met regie en aanspreekpunt van het cluster "
        "(bijvoorbeeld parkmanagement of de gemeente).",
    )


class LocatieForm(forms.Form):
    naam = forms.CharField(label="Naam", max_length=200)
    soort = forms.CharField(
        label="Soort locatie",
        max_length=80,
        required=False,
        help_text="Bijvoorbeeld sportpark, station, school of recreatieterrein.",
        widget=forms.TextInput(attrs={"list": "locatiesoorten"}),
    )
    grens = GrensVeld()


class OndernemerForm(forms.Form):
    naam = forms.CharField(label="Naam", max_length=200)
    adres = forms.CharField(label="Adres (straat)", max_length=200, required=False)
    huisnummer = forms.CharField(label="Huisnummer", max_length=12, required=False)
    postcode = forms.CharField(label="Postcode", max_length=10, required=False, help_text="Bijvoorbeeld 1234 AB.")
    plaats = forms.CharField(
        label="Plaats", max_length=100, required=False, help_text="De plaats van het adres, voor de brief."
    )
    email = forms.EmailField(label="E-mailadres", required=False)
    lid_ondernemersvereniging = forms.NullBooleanField(
        label="Lid van de ondernemersvereniging",
        required=False,
        widget=forms.NullBooleanSelect(),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lid_ondernemersvereniging"].widget.choices = [
            ("unknown", "Onbekend"),
            ("true", "Ja"),
            ("false", "Nee"),
        ]


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label="Bestand (CSV of Excel)",
        help_text="Eerste rij met kolomnamen: naam (verplicht), adres, postcode, huisnummer, plaats, email, "
        "lid_ondernemersvereniging (ja/nee). Hoogstens 5 MB en 5000 rijen.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        controleer_tabelgrootte(bestand)
        return bestand
