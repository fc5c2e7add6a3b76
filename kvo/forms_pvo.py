"""The small forms of PVO's pages (issue 23); each page's view hands the cleaned data to the owning
app's service (``werkgroepen.services.pvo``, ``analyse.services.pvo``, ``aanpak.services.pvo``,
``audits.services_waardering``). Dates are bounded like every date field (``kvo.invoer``)."""

from __future__ import annotations

from django import forms

from kvo.invoer import DatumVeld, IdKeuze

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def datumveld(label: str, *, verplicht: bool = False) -> forms.DateField:
    """The product's date field (``kvo.invoer.DatumVeld``): bounded, and the picker states the bounds."""
    return DatumVeld(label=label, required=verplicht, widget=DATUM)


class CapaciteitForm(forms.Form):
    toegezegde_capaciteit = forms.CharField(
        label="Toegezegde (ambtelijke) capaciteit",
        max_length=300,
        required=False,
        help_text="Bijvoorbeeld: 8 uur per maand van de coördinator openbare orde en veiligheid.",
    )
    toegezegd_op = datumveld("Toegezegd op")


class GebiedsscanForm(forms.Form):
    fenomeen_1 = forms.CharField(label="1. Meest gezien", max_length=120, required=False)
    fenomeen_2 = forms.CharField(label="2.", max_length=120, required=False)
    fenomeen_3 = forms.CharField(label="3.", max_length=120, required=False)
    # choices, not a queryset: a page with a form per stakeholder reads the meetings once
    bijeenkomst = forms.TypedChoiceField(
        label="Gepresenteerd in de bijeenkomst", choices=(), required=False, coerce=int, empty_value=None
    )
    toelichting = forms.CharField(
        label="Toelichting", max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, bijeenkomsten=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bijeenkomst"].choices = [
            ("", "—"),
            *((b.pk, f"{b.datum:%d-%m-%Y} {b.get_soort_display()}") for b in bijeenkomsten),
        ]

    @property
    def fenomenen(self) -> list[str]:
        return [self.cleaned_data[f"fenomeen_{i}"] for i in (1, 2, 3) if self.cleaned_data.get(f"fenomeen_{i}")]


class ActiviteitForm(forms.Form):
    soort = forms.ChoiceField(label="Soort", choices=())
    titel = forms.CharField(label="Activiteit", max_length=300)
    gepland_op = datumveld("Gepland op", verplicht=True)
    partij = IdKeuze(label="Verantwoordelijke partij", queryset=None, required=False, empty_label="samen")

    def __init__(self, *args, partijen=None, soorten=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partij"].queryset = partijen
        self.fields["soort"].choices = soorten


class VaststellenForm(forms.Form):
    vastgesteld_op = datumveld("Kalender vastgesteld op", verplicht=True)


class WaarderingPlannenForm(forms.Form):
    gepland_op = datumveld("Gepland op", verplicht=True)


class WaarderingForm(forms.Form):
    gehouden_op = datumveld("Gehouden op")
    bijeenkomst = IdKeuze(label="Bijeenkomst", queryset=None, required=False)
    continuiteit_bevestigd = forms.BooleanField(
        label="De continuïteit van de samenwerking is bevestigd", required=False
    )
    capaciteit_bevestigd = forms.BooleanField(
        label="De gemeente heeft de toegezegde capaciteit bevestigd", required=False
    )
    uitgereikt_op = datumveld("Waarderingen uitgereikt op")
    persbericht_op = datumveld("Persbericht op")

    def __init__(self, *args, bijeenkomsten=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bijeenkomst"].queryset = bijeenkomsten


class OndertekenaarForm(forms.Form):
    naam = forms.CharField(label="Tekenbevoegde", max_length=200)
    functie = forms.CharField(label="Functie", max_length=200, required=False)
    getekend_op = datumveld("Getekend op")


class IntentieverklaringForm(forms.Form):
    getekend_op = datumveld("Getekend op")
    geen = forms.BooleanField(label="De werkgroep heeft geen intentieverklaring (die is optioneel)", required=False)
