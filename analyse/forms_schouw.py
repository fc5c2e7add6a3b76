"""Forms of the inspections: the inspection itself and a point captured on the walk."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from analyse.fotos import Foto, verwerk
from analyse.models import Schouw
from analyse.services.schouw import punt_valideer
from kvo.invoer import DatumVeld, IdKeuze, IdsKeuze

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SchouwForm(forms.Form):
    soort = forms.ChoiceField(label="Soort", choices=Schouw.Soort.choices, widget=forms.RadioSelect)
    datum = DatumVeld(label="Datum", widget=DATUM, error_messages={"required": "Vul de datum van de schouw in."})
    groep = forms.ChoiceField(
        label="Uitgevoerd",
        choices=Schouw.Groep.choices,
        widget=forms.RadioSelect,
        help_text="Met de voltallige werkgroep; hoogstens één schouw per jaar in een kleinere groep of individueel.",
    )
    aanwezigen = IdsKeuze(
        label="Aanwezigen",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Vink aan wie er mee liepen: het schouwrapport noemt de aanwezigen."},
    )

    def __init__(self, *args, werkgroep, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aanwezigen"].queryset = werkgroep.leden.filter(lid_tot__isnull=True).order_by("naam")
        self.fields["aanwezigen"].label_from_instance = lambda lid: f"{lid.naam} ({lid.partij.naam})"
        self.fields["aanwezigen"].queryset = self.fields["aanwezigen"].queryset.select_related("partij")


class PuntForm(forms.Form):
    foto = forms.ImageField(
        label="Foto",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*", "capture": "environment"}),
        help_text="Maak een foto met de camera. De locatie uit de foto wordt bewaard, de rest van de gegevens niet.",
        error_messages={"invalid_image": "Dit bestand is geen foto die we kunnen lezen. Kies een JPEG- of PNG-foto."},
    )
    positief = forms.TypedChoiceField(
        label="Soort punt",
        choices=[("0", "Verbeterpunt: hier moet iets gebeuren"), ("1", "Positief punt: dit gaat goed")],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
        initial="0",
    )
    terrein = IdKeuze(label="Bedrijventerrein", queryset=None, required=False, empty_label="—")
    locatie = forms.CharField(
        label="Locatie", max_length=300, required=False, help_text="Straat, huisnummer of herkenningspunt."
    )
    bevinding = forms.CharField(label="Wat zag u?", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    actie = forms.CharField(
        label="Wat moet er gebeuren?", widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=5000
    )
    wie = IdKeuze(label="Wie voert het uit?", queryset=None, required=False, empty_label="—")
    gereed_voor = DatumVeld(label="Klaar vóór", widget=DATUM, required=False)
    terugkerend = forms.BooleanField(
        label="Komt terug of vraagt een andere aanpak (hoort in de maatregelenmatrix)", required=False
    )
    waarom_tevreden = forms.CharField(
        label="Waarom is de werkgroep tevreden?",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=5000,
    )
    wat_nodig_was = forms.CharField(
        label="Wat was ervoor nodig?", widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=5000
    )
    # Filled in by the phone's script (static/js/schouwwacht.js): the point's own id, so a point sent
    # twice (from the queue kept without signal) is stored once. Empty without JavaScript.
    client_id = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, werkgroep, heeft_foto: bool = False, bewaarde_foto: Foto | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.heeft_foto = heeft_foto  # the point being edited has a photo already
        self.bewaarde_foto = bewaarde_foto  # the photo kept in the session after an earlier refusal
        self.schone_foto: Foto | None = None  # after validation: the photo to store, cleaned
        self.fields["terrein"].queryset = werkgroep.terreinen.order_by("naam")
        self.fields["wie"].queryset = werkgroep.partijen.order_by("naam")
        # Required by kind of point (the service's rules, analyse.services.schouw.punt_valideer): marked
        # at the label like a required field (templates/partials/veld.html).
        if not heeft_foto:
            self.fields["foto"].verplicht_tekst = "verplicht"
        for naam in ("actie", "wie", "gereed_voor"):
            self.fields[naam].verplicht_tekst = "verplicht bij een verbeterpunt"
        for naam in ("waarom_tevreden", "wat_nodig_was"):
            self.fields[naam].verplicht_tekst = "verplicht bij een positief punt"

    def clean(self):
        """The photo and the rules of the kind of point, with the form's own checks: a walker sees
        every error at once. A new photo is cleaned at once (its metadata removed; also when other
        fields are wrong, so it is kept for the next try), else the kept one counts."""
        gegevens = super().clean()
        if gegevens.get("foto"):
            try:
                self.schone_foto = verwerk(gegevens["foto"])
            except ValidationError as e:
                self.add_error("foto", e.messages)
        else:
            self.schone_foto = self.bewaarde_foto
        if "positief" in gegevens:
            velden = {k: v for k, v in gegevens.items() if k not in ("foto", "client_id")}
            try:
                punt_valideer(velden["positief"], velden, heeft_foto=bool(self.schone_foto) or self.heeft_foto)
            except ValidationError as e:
                for veld, fouten in e.message_dict.items():
                    if veld not in self.errors:
                        self.add_error(veld, fouten)
        return gegevens
