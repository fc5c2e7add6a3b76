"""The PVO forms that record what a rule needs and no page asked for yet (issue 23): the mayor's letter
and the presentation of the survey's results, the plan's role division, the park's postcodes, the
kick-off's organiser, an activity changed. Each view hands the cleaned data to the owning service."""

from __future__ import annotations

from django import forms

from kvo.forms_pvo import ActiviteitForm, datumveld
from kvo.invoer import IdKeuze


def _keuzes(bijeenkomsten) -> list[tuple]:
    return [("", "—"), *((b.pk, f"{b.datum:%d-%m-%Y} {b.get_soort_display()}") for b in bijeenkomsten)]


class BriefForm(forms.Form):
    namens = IdKeuze(
        label="Verstuurd namens",
        queryset=None,
        required=False,
        empty_label="—",
        help_text="De gemeente: de brief met de link naar de enquête komt van de burgemeester.",
    )
    ondertekenaar = forms.CharField(
        label="Ondertekend door",
        max_length=200,
        required=False,
        help_text="Bijvoorbeeld: mr. A. de Vries, burgemeester van Voorbeeldstad.",
    )

    def __init__(self, *args, gemeenten=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["namens"].queryset = gemeenten


class PresentatieForm(forms.Form):
    op = datumveld("Gepresenteerd op")
    # choices, not a queryset: the page reads the meetings once
    bijeenkomst = forms.TypedChoiceField(
        label="In de bijeenkomst", choices=(), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, bijeenkomsten=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bijeenkomst"].choices = _keuzes(bijeenkomsten)


class RolverdelingForm(forms.Form):
    rolverdeling = forms.CharField(
        label="Rolverdeling",
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Wie doet wat: de trekker per thema, wie de bijeenkomsten organiseert, wie communiceert.",
    )


class PostcodesForm(forms.Form):
    postcodes = forms.CharField(
        label="Postcodes en huisnummers",
        max_length=100000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Eén postcode per regel met de huisnummers, bijvoorbeeld: 7241 AA 1-40. "
        "De politie levert haar cijfers per postcode.",
    )


class OrganisatorForm(forms.Form):
    partij = IdKeuze(label="Georganiseerd door", queryset=None, required=False, empty_label="— niet vastgelegd —")

    def __init__(self, *args, partijen=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partij"].queryset = partijen


class ActiviteitWijzigenForm(ActiviteitForm):
    bijeenkomst = forms.TypedChoiceField(
        label="Gehouden in de bijeenkomst",
        choices=(),
        required=False,
        coerce=int,
        empty_value=None,
        help_text="De bijeenkomst waarin de activiteit plaatsvond.",
    )
    communicatie = forms.TypedChoiceField(
        label="Verstuurd als communicatie", choices=(), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, bijeenkomsten=(), communicaties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bijeenkomst"].choices = _keuzes(bijeenkomsten)
        self.fields["communicatie"].choices = [
            ("", "—"),
            *((c.pk, f"{c.datum:%d-%m-%Y} {c.onderwerp[:80]}") for c in communicaties),
        ]
