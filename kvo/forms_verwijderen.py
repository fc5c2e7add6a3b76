"""The confirmation of removing an ended work group on ``/beheer/werkgroepen/<pk>/verwijderen/``."""

from django import forms


class VerwijderForm(forms.Form):
    reden = forms.CharField(
        label="Reden van de verwijdering",
        max_length=300,
        help_text="Bijvoorbeeld: bewaartermijn verstreken, of het verzoek (van wie, wanneer).",
    )
    op_verzoek = forms.BooleanField(
        label="Op uitdrukkelijk verzoek, vóór het einde van de bewaartermijn",
        required=False,
    )
    bevestigd = forms.BooleanField(
        label="Ik heb de export bewaard; verwijder de werkgroep en al haar gegevens definitief",
        required=True,
        error_messages={"required": "Bevestig dat de export bewaard is en dat de werkgroep weg mag."},
    )
