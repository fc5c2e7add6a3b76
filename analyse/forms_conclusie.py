"""The conclusion form and one row per theme for its prioritisation."""

from __future__ import annotations

from django import forms

from kvo.invoer import DatumVeld, IdKeuze

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SCHAAL = [("", "–")] + [(str(i), str(i)) for i in range(1, 11)]
JAREN = [("", "–"), ("1", "jaar 1"), ("2", "jaar 2"), ("3", "jaar 3")]


def _getal(waarde):
    return int(waarde) if waarde not in (None, "") else None


class ConclusieForm(forms.Form):
    samenvatting = forms.CharField(
        label="Samenvatting", widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=20000,
        help_text="De belangrijkste uitkomsten van enquête, cijfers en schouwen in een paar zinnen.",
    )  # fmt: skip
    conclusie = forms.CharField(
        label="Conclusie", widget=forms.Textarea(attrs={"rows": 6}), required=False, max_length=20000,
        help_text=(
            "Wat pakt de werkgroep aan, en in welke volgorde? "
            "Enquêteresultaten en schouwrapport horen als bijlagen bij de conclusie."
        ),
    )  # fmt: skip
    vastgesteld_op = DatumVeld(label="Vastgesteld op", widget=DATUM, required=False)
    vastgesteld_in = IdKeuze(label="In de bijeenkomst", queryset=None, required=False, empty_label="—")

    def __init__(self, *args, werkgroep, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vastgesteld_in"].queryset = werkgroep.bijeenkomsten.order_by("-datum")
        self.fields["vastgesteld_in"].label_from_instance = lambda b: f"{b.datum:%d-%m-%Y} {b.get_soort_display()}"


class PrioriteitForm(forms.Form):
    thema = forms.CharField(widget=forms.HiddenInput, max_length=120)
    risicokans = forms.TypedChoiceField(label="Kans", choices=SCHAAL, coerce=int, empty_value=None, required=False)
    ernst = forms.TypedChoiceField(label="Impact", choices=SCHAAL, coerce=int, empty_value=None, required=False)
    jaar = forms.TypedChoiceField(label="Aanpakken in", choices=JAREN, coerce=int, empty_value=None, required=False)
    toelichting = forms.CharField(label="Toelichting", required=False, max_length=2000)

    def clean(self):
        gegevens = super().clean()
        kans, ernst = gegevens.get("risicokans"), gegevens.get("ernst")
        if (kans is None) != (ernst is None):
            raise forms.ValidationError("Vul kans én impact in (1–10), of geen van beide.")
        return gegevens


PrioriteitenFormSet = forms.formset_factory(PrioriteitForm, extra=0)
