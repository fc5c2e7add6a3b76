from django import forms

from kvo.invoer import DatumVeld, IdKeuze, IdsKeuze
from kvo.toets import Status


class ToetsFilterForm(forms.Form):
    """The GET form of the readiness page: which cycle, as of which day, which status."""

    cyclus = forms.TypedChoiceField(label="Cyclus", coerce=int, required=False, empty_value=None)
    datum = DatumVeld(
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


DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AanvraagForm(forms.Form):
    """The application for the audit (§5.1): who, which body, when, how long."""

    contactpersoon = IdKeuze(
        label="Contactpersoon voor de certificatie-instelling", queryset=None, required=False, empty_label="— kies —",
        help_text="Eén vast aanspreekpunt uit de werkgroep (§5.1).",
    )  # fmt: skip
    certificatie_instelling = forms.CharField(label="Certificatie-instelling", max_length=200, required=False)
    ci_straat = forms.CharField(label="Straat en huisnummer", max_length=200, required=False)
    ci_postcode = forms.CharField(label="Postcode", max_length=10, required=False)
    ci_plaats = forms.CharField(label="Plaats", max_length=120, required=False)
    ci_email = forms.EmailField(
        label="E-mailadres certificatie-instelling", max_length=254, required=False,
        help_text="Hierheen stuurt de applicatie het ontvangstbewijs van de aangeleverde documentenset "
        "(nummer, peildatum, tijdstip, SHA-256 en aantal pagina's).",
    )  # fmt: skip
    auditor = forms.CharField(label="Auditor", max_length=200, required=False)
    aangevraagd_op = DatumVeld(label="Aangevraagd op", widget=DATUM, required=False)
    datum = DatumVeld(label="Auditdatum", widget=DATUM, required=False)
    geplande_uren = forms.DecimalField(
        label="Geplande audittijd (uren)", required=False, min_value=0, max_value=99, decimal_places=1, max_digits=4
    )

    def __init__(self, *args, werkgroep, minimum_uren: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contactpersoon"].queryset = werkgroep.leden.filter(lid_tot__isnull=True).order_by("naam")
        self.fields["geplande_uren"].help_text = (
            f"Minimaal {minimum_uren} uur voor dit gebied (8 uur voor één terrein, 10 / 11 / 12 uur voor een "
            "cluster van 2 / 3 / 4 terreinen, §6.3.1)."
        )
        self.fields["datum"].help_text = "De documentenset moet uiterlijk 14 dagen ervoor bij de instelling zijn."


class VerslagForm(forms.Form):
    """The record of the audit (§6.3, §6.4): who attended, the report, the decision."""

    aanwezigen = IdsKeuze(
        label="Aanwezig bij de audit", queryset=None, required=False, widget=forms.CheckboxSelectMultiple,
        help_text="Alle vertegenwoordigers van de werkgroep horen bij de audit te zijn (§6.3).",
    )  # fmt: skip
    rapport_ontvangen_op = DatumVeld(
        label="Auditrapport ontvangen op", widget=DATUM, required=False, help_text="Binnen 2 weken na de audit (§6.4)."
    )
    besluit = forms.ChoiceField(label="Besluit van de certificatie-instelling", required=False)
    besluit_op = DatumVeld(label="Besluit op", widget=DATUM, required=False)

    def __init__(self, *args, werkgroep, datum=None, **kwargs):
        from django.db.models import Q

        from audits.models import Audit

        super().__init__(*args, **kwargs)
        leden = werkgroep.leden.filter(agendalid=False).select_related("partij").order_by("naam")
        if datum is not None:  # the representatives on the day of the audit
            leden = leden.filter(Q(lid_tot__isnull=True) | Q(lid_tot__gte=datum))
        self.fields["aanwezigen"].queryset = leden
        self.fields["aanwezigen"].label_from_instance = lambda lid: f"{lid.naam} ({lid.partij.naam})"
        self.fields["besluit"].choices = [("", "— nog geen besluit —"), *Audit.Besluit.choices]

    def clean(self):
        g = super().clean()
        if g.get("besluit") and not g.get("besluit_op"):
            self.add_error("besluit_op", "Vul de datum van het besluit in.")
        return g


class AfwijkingForm(forms.Form):
    omschrijving = forms.CharField(label="Afwijking", widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)
    vastgesteld_op = DatumVeld(label="Vastgesteld op", widget=DATUM)
    aanvulling_op = DatumVeld(
        label="Aanvulling aangeleverd op", widget=DATUM, required=False, help_text="Binnen 2 maanden (§6.3)."
    )
    beoordeeld_op = DatumVeld(
        label="Beoordeeld door de instelling op", widget=DATUM, required=False,
        help_text="Binnen 1 maand na de aanvulling (§6.3).",
    )  # fmt: skip

    def clean(self):
        g = super().clean()
        v, a, b = g.get("vastgesteld_op"), g.get("aanvulling_op"), g.get("beoordeeld_op")
        if v and a and a < v:
            self.add_error("aanvulling_op", "De aanvulling kan niet voor de afwijking liggen.")
        if b and not a:
            self.add_error("beoordeeld_op", "Een beoordeling volgt op een aanvulling; vul eerst die datum in.")
        if a and b and b < a:
            self.add_error("beoordeeld_op", "De beoordeling kan niet voor de aanvulling liggen.")
        return g


class UitgifteForm(forms.Form):
    """The certificate as the body's auditor issues it in the portal (§7.2)."""

    nummer = forms.CharField(label="Certificaatnummer", max_length=60, help_text="Uniek bij deze instelling.")
    uitgegeven_op = DatumVeld(
        label="Uitgegeven op", widget=DATUM, help_text="Geldig tot dezelfde datum drie jaar later (§7.2)."
    )
    naamstelling = forms.CharField(
        label="Naam op het certificaat", max_length=500,
        help_text="Cluster: een overkoepelende naam of alle terreinen; nooit één certificaat per terrein (§7.3).",
    )  # fmt: skip
    ondertekenaar = forms.CharField(label="Ondertekend door", max_length=200)
    functie_ondertekenaar = forms.CharField(label="Functie", max_length=200)
    logo = forms.FileField(
        label="Logo van de certificatie-instelling", required=False,
        help_text="PNG of JPEG, hoogstens 2 MB. Eenmaal opgeslagen blijft het staan tot u een ander kiest.",
    )  # fmt: skip


class BesluitForm(forms.Form):
    """The body's decision on the audit (§6.4), recorded by its auditor in the portal."""

    besluit = forms.ChoiceField(label="Besluit van de certificatie-instelling")
    besluit_op = DatumVeld(label="Besluit op", widget=DATUM)

    def __init__(self, *args, **kwargs):
        from audits.models import Audit

        super().__init__(*args, **kwargs)
        self.fields["besluit"].choices = [("", "— kies —"), *Audit.Besluit.choices]


class AanleverForm(forms.Form):
    """The certificate a body outside the product issued, recorded by the group with the body's PDF."""

    certificatie_instelling = forms.CharField(label="Certificatie-instelling", max_length=200)
    nummer = forms.CharField(label="Certificaatnummer", max_length=60)
    uitgegeven_op = DatumVeld(label="Uitgegeven op", widget=DATUM)
    geldig_tot = DatumVeld(label="Geldig tot", widget=DATUM, help_text="Zoals op het certificaat staat.")
    naamstelling = forms.CharField(label="Naam op het certificaat", max_length=500)
    ondertekenaar = forms.CharField(label="Ondertekend door", max_length=200, required=False)
    functie_ondertekenaar = forms.CharField(label="Functie", max_length=200, required=False)
    bestand = forms.FileField(
        label="Certificaat van de instelling (PDF)", help_text="Het PDF-bestand dat de instelling u stuurde."
    )
