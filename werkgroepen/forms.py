"""Forms of the work group's administration. They validate input; the services write."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils import timezone

from kvo.invoer import BegrensdeDatums, DatumVeld, IdKeuze, IdsKeuze
from werkgroepen.models import Afspraken, Bijeenkomst, Communicatie, Cyclus, Groepsrol, Lid, Partij, Werkgroep

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PartijForm(BegrensdeDatums, forms.ModelForm):
    class Meta:
        model = Partij
        fields = ["naam", "soort", "opgericht_op"]
        widgets = {"opgericht_op": DATUM}
        help_texts = {
            "opgericht_op": "Voor een ondernemersvereniging of belangenbehartiger: de datum van oprichting of "
            "van de overeenkomst (§3.2: uiterlijk één jaar na de start)."
        }


class LidForm(BegrensdeDatums, forms.ModelForm):
    # Querysets are set per work group in __init__ (a scoped manager has no global "all").
    partij = IdKeuze(label="Partij", queryset=None)
    terrein = IdKeuze(label="Vertegenwoordigt bedrijventerrein", queryset=None, required=False)
    rollen = forms.MultipleChoiceField(
        label="Rollen", choices=Groepsrol.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Lid
        fields = ["naam", "partij", "terrein", "email", "telefoon", "rollen", "agendalid", "lid_sinds", "lid_tot"]
        widgets = {"lid_sinds": DATUM, "lid_tot": DATUM}
        help_texts = {
            "agendalid": "Ontvangt de agenda en mag meelezen, maar wijzigt niets (§3.2).",
            "email": "Alleen zichtbaar binnen de werkgroep; niet in documenten die naar buiten gaan.",
            "telefoon": "Alleen zichtbaar binnen de werkgroep.",
            "lid_tot": "Leeg laten zolang het lid actief is.",
        }

    def __init__(self, *args, werkgroep: Werkgroep, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partij"].queryset = werkgroep.partijen.order_by("naam")
        self.fields["partij"].empty_label = "— kies de partij —"
        self.fields["terrein"].queryset = werkgroep.terreinen.order_by("naam")
        self.fields["terrein"].empty_label = "— geen / niet van toepassing —"
        self.fields["terrein"].help_text = "In een cluster: het bedrijventerrein dat dit lid vertegenwoordigt."
        if not self.instance.pk and not self.initial.get("lid_sinds"):
            self.initial["lid_sinds"] = timezone.localdate()


class UitnodigingForm(forms.Form):
    email = forms.EmailField(label="E-mailadres", required=False)


class BeeindigForm(forms.Form):
    lid_tot = DatumVeld(
        label="Einddatum lidmaatschap",
        widget=DATUM,
        help_text="Vanaf deze datum heeft het lid geen toegang meer tot de werkgroep.",
    )


AFSPRAAK_VELDEN = [
    "vastgesteld_op",
    "bijeenkomsten_per_jaar",
    "wijziging_samenstelling",
    "wijziging_gebied",
    "besluitvorming",
    "communicatie",
    "financien",
    "relatie_ondernemersvereniging",
    "ondernemersfonds",
    "bewaartermijn_jaren",
    "communicatie_app",
]
WERKGROEP_VELDEN = [
    "adres_naam",
    "adres_straat",
    "adres_postcode",
    "adres_plaats",
    "intentieverklaring_op",
    "convenant_referentie",
]


class AfsprakenForm(BegrensdeDatums, forms.ModelForm):
    """The agreements (Afspraken) plus the work group's address and references (Werkgroep)."""

    adres_naam = forms.CharField(label="T.a.v.", max_length=200, required=False)
    adres_straat = forms.CharField(label="Straat en huisnummer", max_length=200, required=False)
    adres_postcode = forms.CharField(label="Postcode", max_length=10, required=False)
    adres_plaats = forms.CharField(label="Plaats", max_length=120, required=False)
    intentieverklaring_op = DatumVeld(
        label="Intentieverklaring getekend op",
        required=False,
        widget=DATUM,
        help_text="Optioneel (§3.5): markeert de start van de samenwerking.",
    )
    convenant_referentie = forms.CharField(label="Convenant (referentie)", max_length=200, required=False)

    class Meta:
        model = Afspraken
        fields = AFSPRAAK_VELDEN
        widgets = {
            "vastgesteld_op": DATUM,
            **{
                v: forms.Textarea(attrs={"rows": 3})
                for v in (
                    "wijziging_samenstelling",
                    "wijziging_gebied",
                    "besluitvorming",
                    "communicatie",
                    "financien",
                    "relatie_ondernemersvereniging",
                    "ondernemersfonds",
                )
            },
        }
        help_texts = {
            "bijeenkomsten_per_jaar": "Minimaal 3 (§3.4), hoogstens 52.",
            "communicatie": "Intern en extern, ook naar ondernemers die geen lid zijn van de ondernemersvereniging.",
            "bewaartermijn_jaren": "Minimaal 6 jaar (§3.6), hoogstens 100.",
            "communicatie_app": "Dan heeft de app-groep een beheerder nodig (§3.7).",
            "ondernemersfonds": "Indien van toepassing, bijvoorbeeld een BIZ of reclamebelasting.",
        }

    def __init__(self, *args, werkgroep: Werkgroep, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in WERKGROEP_VELDEN:
            self.initial.setdefault(veld, getattr(werkgroep, veld))
        self.fields["bijeenkomsten_per_jaar"].widget.attrs.update(min=3, max=52)
        self.fields["bewaartermijn_jaren"].widget.attrs.update(min=6, max=100)

    def clean_bijeenkomsten_per_jaar(self):
        waarde = self.cleaned_data.get("bijeenkomsten_per_jaar")
        if waarde is not None and waarde < 3:
            raise forms.ValidationError("Spreek minimaal 3 bijeenkomsten per jaar af (§3.4).")
        return waarde

    def clean_bewaartermijn_jaren(self):
        waarde = self.cleaned_data.get("bewaartermijn_jaren")
        if waarde is not None and waarde < 6:
            raise forms.ValidationError("De bewaartermijn is minimaal 6 jaar (§3.6).")
        return waarde


class BeveiligingForm(forms.ModelForm):
    class Meta:
        model = Werkgroep
        fields = ["mfa_verplicht"]


class CyclusForm(BegrensdeDatums, forms.ModelForm):
    class Meta:
        model = Cyclus
        fields = ["start"]
        widgets = {"start": DATUM}
        labels = {"start": "Startdatum van de cyclus"}
        help_texts = {"start": "Jaar 1 van de cyclus begint op deze datum; de cyclus duurt drie jaar."}


class BijeenkomstForm(BegrensdeDatums, forms.ModelForm):
    aanwezigen = IdsKeuze(label="Aanwezigen", queryset=None, required=False, widget=forms.CheckboxSelectMultiple)
    besluiten = forms.CharField(
        label="Besluiten",
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Eén besluit per regel.",
    )

    class Meta:
        model = Bijeenkomst
        fields = ["datum", "soort", "agenda", "notulen", "aanwezigen", "besluiten"]
        widgets = {
            "datum": DATUM,
            "agenda": forms.Textarea(attrs={"rows": 5}),
            "notulen": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "agenda": "Een bijeenkomst telt pas mee voor de jaarlijkse 3 als agenda én notulen zijn gearchiveerd.",
        }

    def __init__(self, *args, werkgroep: Werkgroep, **kwargs):
        super().__init__(*args, **kwargs)
        vandaag = timezone.localdate()
        gekozen = list(self.instance.aanwezigen.values_list("pk", flat=True)) if self.instance.pk else []
        # Members active today or on the meeting's date, plus whoever was recorded as present.
        actief = Q()
        for op in {vandaag, self.instance.datum or vandaag}:
            actief |= (Q(lid_sinds__isnull=True) | Q(lid_sinds__lte=op)) & (
                Q(lid_tot__isnull=True) | Q(lid_tot__gte=op)
            )
        self.fields["aanwezigen"].queryset = (
            werkgroep.leden.filter(actief | Q(pk__in=gekozen)).select_related("partij").order_by("naam")
        )
        self.fields["aanwezigen"].label_from_instance = lambda lid: f"{lid.naam} ({lid.partij.naam})"
        if self.instance.pk:
            self.initial["besluiten"] = "\n".join(self.instance.besluiten or [])
        elif not self.initial.get("datum"):
            self.initial["datum"] = vandaag


class CommunicatieForm(BegrensdeDatums, forms.ModelForm):
    class Meta:
        model = Communicatie
        fields = ["datum", "kanaal", "onderwerp", "alle_ondernemers"]
        widgets = {"datum": DATUM}
        help_texts = {
            "kanaal": "Bijvoorbeeld nieuwsbrief, e-mail, brief, website of bijeenkomst.",
            "alle_ondernemers": "Alleen updates die alle ondernemers bereiken tellen mee voor de 2 per jaar (§3.7).",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and not self.initial.get("datum"):
            self.initial["datum"] = timezone.localdate()


class DocumentForm(forms.Form):
    titel = forms.CharField(label="Titel", max_length=300)
    soort = forms.CharField(
        label="Soort",
        max_length=60,
        required=False,
        help_text="Bijvoorbeeld samenwerkingsafspraken, notulen, veiligheidsanalyse, plan van aanpak.",
    )
    bestand = forms.FileField(
        label="Bestand", help_text="PDF, Office, OpenDocument, afbeelding of tekst; hoogstens 25 MB."
    )
    toelichting = forms.CharField(
        label="Toelichting", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    bewaren_tot = DatumVeld(
        label="Bewaren tot",
        required=False,
        widget=DATUM,
        help_text="Leeg laten: uploaddatum plus de bewaartermijn van de werkgroep (minimaal 6 jaar).",
    )

    def clean_bestand(self):
        from werkgroepen.bestanden import controleer_document

        bestand = self.cleaned_data["bestand"]
        controleer_document(bestand)
        return bestand


class DocumentVersieForm(forms.Form):
    bestand = forms.FileField(label="Bestand (nieuwe versie)", help_text="Hoogstens 25 MB.")
    toelichting = forms.CharField(
        label="Wat is er veranderd?", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean_bestand(self):
        from werkgroepen.bestanden import controleer_document

        bestand = self.cleaned_data["bestand"]
        controleer_document(bestand)
        return bestand


class BewarenForm(forms.Form):
    bewaren_tot = DatumVeld(label="Bewaren tot", widget=DATUM)
