from django import forms

from kvo.toets import Status


class ToetsFilterForm(forms.Form):
    """The GET form of the readiness page: which cycle, as of which day, which status."""

    cyclus = forms.TypedChoiceField(label="Cyclus", coerce=int, required=False, empty_value=None)
    datum = forms.DateField(
        label="Toetsdatum", required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    status = forms.ChoiceField(
        label="Toon",
        required=False,
        choices=[("", "alle eisen")] + [(s.value, s.label) for s in Status],
    )

    def __init__(self, *args, cycli=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cyclus"].choices = [("", "laatste cyclus")] + [
            (c.nummer, f"Cyclus {c.nummer} ({c.get_soort_display()}, start {c.start:%d-%m-%Y})") for c in cycli
        ]
