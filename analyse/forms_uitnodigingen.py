"""Forms of the invitations page: the schedule (closing date, reminders) and a bounce note."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from analyse.services.uitnodigingen import MAX_HERINNERINGEN, herinnering_dagen_uit_tekst
from kvo.invoer import DatumVeld


class PlanningForm(forms.Form):
    gesloten_op = DatumVeld(
        label="Sluitingsdatum",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Tot en met deze dag kunnen ondernemers de enquête invullen.",
        error_messages={"required": "Vul een sluitingsdatum in.", "invalid": "Vul een geldige datum in."},
    )
    herinneringen = forms.CharField(
        label="Herinneringen na (dagen)",
        required=False,
        max_length=40,
        help_text=(
            f"Aantal dagen na het versturen, met komma's, bijvoorbeeld 7, 14 (hoogstens {MAX_HERINNERINGEN}). "
            "Alleen wie nog niet heeft geantwoord krijgt een herinnering, per e-mail."
        ),
    )

    def clean_herinneringen(self) -> list[int]:
        try:
            return herinnering_dagen_uit_tekst(self.cleaned_data.get("herinneringen"))
        except ValidationError as e:
            raise forms.ValidationError(e.messages) from None


class OnbestelbaarForm(forms.Form):
    toelichting = forms.CharField(
        label="Wat kwam er terug?",
        required=False,
        max_length=300,
        help_text="Bijvoorbeeld: adres bestaat niet. De ondernemer krijgt dan een brief.",
    )
