"""Forms of the incident figures (§4.1.2). They parse input and show the service's rules per field."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from analyse.cijferregels import MAX_AANTAL, VELDEN, getal, valideer
from analyse.models import Cijfer
from kvo.invoer import DatumVeld, IdKeuze, controleer_tabelgrootte

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATUMFORMATEN = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]

# Common categories per source, offered in a datalist (the category stays free text).
CATEGORIEEN: dict[str, tuple[str, ...]] = {
    Cijfer.Bron.POLITIE: (
        "Inbraak bedrijfspand",
        "Poging tot inbraak",
        "Diefstal",
        "Diefstal van/uit bedrijfsterrein",
        "Diefstal uit/vanaf auto of vrachtwagen",
        "Diefstal bouwmaterieel",
        "Vernieling",
        "Bedreiging / intimidatie",
        "Overlast jongeren",
        "Verdachte situatie",
        "Drugs / ondermijning",
        "Verkeersongeval",
        "Fout parkeren / overnachten vrachtwagens",
    ),
    Cijfer.Bron.BRANDWEER: (
        "Brand bedrijfspand",
        "Buitenbrand",
        "Containerbrand",
        "Voertuigbrand",
        "Loze melding (brandmeldinstallatie)",
        "Gevaarlijke stoffen",
        "Hulpverlening",
        "Stormschade",
    ),
    Cijfer.Bron.GEMEENTE: (
        "Zwerfvuil / illegale stort",
        "Verlichting defect",
        "Wegdek en bebording",
        "Groenonderhoud",
        "Vernieling / graffiti",
        "Riolering / wateroverlast",
        "Fout parkeren",
        "Ongedierte",
        "Overlast",
    ),
    Cijfer.Bron.BEVEILIGING: (
        "Alarmopvolging",
        "Surveillance: openstaande toegang",
        "Verdachte persoon of voertuig",
        "Inbraak (poging)",
        "Vernieling",
    ),
    Cijfer.Bron.OVERIG: ("Overig",),
}


def alle_categorieen() -> list[str]:
    gezien: dict[str, str] = {}
    for namen in CATEGORIEEN.values():
        for naam in namen:
            gezien.setdefault(naam.casefold(), naam)
    return sorted(gezien.values())


class CijferForm(forms.Form):
    bron = forms.ChoiceField(
        label="Bron", choices=Cijfer.Bron.choices, widget=forms.Select(attrs={"data-cijfers-bron": ""})
    )
    soort = forms.ChoiceField(
        label="Soort", choices=Cijfer.Soort.choices, initial=Cijfer.Soort.MELDING, help_text="Zoals de bron het telt."
    )
    categorie = forms.CharField(
        label="Categorie",
        max_length=Cijfer._meta.get_field("categorie").max_length,
        help_text="Kies een veelgebruikte categorie of typ de omschrijving van de bron.",
        widget=forms.TextInput(attrs={"list": "categorieen", "autocomplete": "off", "data-cijfers-categorie": ""}),
    )
    periode_van = DatumVeld(label="Periode van", widget=DATUM, input_formats=DATUMFORMATEN)
    periode_tot = DatumVeld(
        label="Periode tot en met",
        widget=DATUM,
        input_formats=DATUMFORMATEN,
        help_text="De laatste dag die de cijfers meetellen; niet in de toekomst.",
    )
    aantal = forms.IntegerField(
        label="Aantal",
        min_value=0,
        max_value=MAX_AANTAL,
        help_text=f"Een geheel getal van 0 tot en met {getal(MAX_AANTAL)}.",
        error_messages={
            "invalid": "Vul een geheel getal in.",
            "min_value": "Een aantal is 0 of meer.",
            "max_value": f"Hoogstens {getal(MAX_AANTAL)}.",
        },
    )
    afgehandeld = forms.IntegerField(
        label="Waarvan afgehandeld",
        required=False,
        min_value=0,
        max_value=MAX_AANTAL,
        help_text="Optioneel; niet meer dan het aantal. Bij meldingen van de gemeente: hoeveel er al zijn "
        "afgehandeld (§4.1.2 vraagt de afgehandelde meldingen mee te tellen).",
        error_messages={
            "invalid": "Vul een geheel getal in, of laat het veld leeg.",
            "min_value": "Een aantal is 0 of meer.",
            "max_value": f"Hoogstens {getal(MAX_AANTAL)}.",
        },
    )
    deelgebied = forms.ChoiceField(
        label="Deelgebied",
        choices=Cijfer.Deelgebied.choices,
        initial=Cijfer.Deelgebied.BEDRIJVENTERREIN,
        widget=forms.RadioSelect,
        help_text="Als de bron op postcodegebied selecteert en dat groter is dan het terrein, splitst zij de "
        "cijfers in bedrijventerrein en overig; 'onbekend' betekent niet gesplitst.",
    )
    terrein = IdKeuze(label="Bedrijventerrein", queryset=None, required=False)

    def __init__(self, *args, werkgroep, **kwargs):
        super().__init__(*args, **kwargs)
        self.werkgroep = werkgroep
        self.fields["terrein"].queryset = werkgroep.terreinen.order_by("naam")
        self.fields["terrein"].empty_label = "— niet per terrein —"
        self.fields["terrein"].help_text = "Optioneel; in een cluster het terrein waar de cijfers over gaan."

    @property
    def gekozen_bron(self) -> str:
        waarde = self.data.get(self.add_prefix("bron")) if self.is_bound else self.initial.get("bron")
        return waarde if waarde in CATEGORIEEN else ""

    def clean(self):
        gegevens = super().clean()
        fouten = valideer(
            werkgroep=self.werkgroep,
            vandaag=timezone.localdate(),
            **{v: gegevens.get(v) for v in VELDEN if v not in self.errors},
        )
        for veld, teksten in fouten.items():
            for tekst in teksten:
                self.add_error(veld, ValidationError(tekst[:1].upper() + tekst[1:] + "."))
        return gegevens


def initial_uit(querydict) -> dict:
    """Prefill for "opslaan en nog een": source, kind, period, sub-area and park of the previous one."""
    return {
        k: querydict[k]
        for k in ("bron", "soort", "periode_van", "periode_tot", "deelgebied", "terrein")
        if querydict.get(k)
    }


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label="Bestand (CSV of Excel)",
        help_text="Eerste rij met kolomnamen: bron, soort, categorie, periode_van, periode_tot, aantal, deelgebied, "
        "terrein, afgehandeld. Datums als 31-12-2024 of 2024-12-31. Hoogstens 5 MB en 5000 rijen.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        controleer_tabelgrootte(bestand)
        return bestand
