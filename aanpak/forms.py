"""Forms of the plan of approach: every field states its bounds; services check what spans rows."""

from __future__ import annotations

from django import forms

from aanpak.models import Doelstelling, Maatregel
from aanpak.models.evaluatie import VRAGEN_DERDE_JAAR, VRAGEN_MAATREGELEN, VRAGEN_SAMENWERKING
from analyse import catalogus
from kvo.invoer import DatumVeld, IdKeuze

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEKST = {"rows": 3}


def _bijeenkomsten(veld, werkgroep):
    veld.queryset = werkgroep.bijeenkomsten.order_by("-datum")
    veld.label_from_instance = lambda b: f"{b.datum:%d-%m-%Y} · {b.get_soort_display()}"


class VaststellenForm(forms.Form):
    vastgesteld_op = DatumVeld(label="Vastgesteld op", widget=DATUM)
    vastgesteld_in = IdKeuze(label="In de bijeenkomst", queryset=None, empty_label="— kies —")

    def __init__(self, *args, werkgroep, **kwargs):
        super().__init__(*args, **kwargs)
        _bijeenkomsten(self.fields["vastgesteld_in"], werkgroep)


class DoelForm(forms.Form):
    thema = forms.ChoiceField(label="Thema")
    titel = forms.CharField(
        label="Doelstelling", max_length=300, help_text="In één zin: wat wil de werkgroep bereiken?"
    )
    specifiek = forms.CharField(
        label="S – Specifiek", widget=forms.Textarea(attrs=TEKST), max_length=4000,
        help_text="Wat precies, waar en voor wie? (“Minder inbraken in bedrijfspanden aan de Schipperstraat”)",
    )  # fmt: skip
    meetbaar = forms.CharField(
        label="M – Meetbaar", widget=forms.Textarea(attrs=TEKST), max_length=4000,
        help_text="Waaraan ziet u dat het doel is bereikt? Noem de norm.",
    )  # fmt: skip
    norm = forms.ChoiceField(
        label="De norm is", choices=[("", "— kies —"), *Doelstelling.Norm.choices],
        help_text="Een percentage of aantal meet u met een nulmeting en een streefwaarde.",
    )  # fmt: skip
    blok = forms.TypedChoiceField(
        label="Gemeten met enquêteblok", coerce=int, empty_value=None, required=False,
        help_text="Kies het onderwerpblok van de enquête: de nulmeting wordt dan uit de resultaten ingevuld.",
    )  # fmt: skip
    nulmeting = forms.FloatField(label="Nulmeting", required=False, min_value=-1e9, max_value=1e9)
    streefwaarde = forms.FloatField(label="Streefwaarde", required=False, min_value=-1e9, max_value=1e9)
    acceptabel = forms.CharField(
        label="A – Acceptabel", widget=forms.Textarea(attrs=TEKST), max_length=4000,
        help_text="Staan de partijen erachter? Wie draagt het?",
    )  # fmt: skip
    realistisch = forms.CharField(
        label="R – Realistisch", widget=forms.Textarea(attrs=TEKST), max_length=4000,
        help_text="Is het haalbaar met de mensen, het geld en de tijd die er zijn?",
    )  # fmt: skip
    tijdgebonden = DatumVeld(
        label="T – Tijdgebonden", widget=DATUM, help_text="De datum waarop het doel bereikt moet zijn."
    )
    behaald = forms.NullBooleanField(
        label="Behaald",
        required=False,
        widget=forms.Select(choices=[("unknown", "nog niet bepaald"), ("true", "ja"), ("false", "nee")]),
    )

    def __init__(self, *args, themas: list[tuple[str, str]], cijfers: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = [("", "— kies —"), *themas]
        self.fields["blok"].choices = [("", "— geen —")] + [
            (
                b.nummer,
                f"{b.nummer}. {b.titel[:70]}"
                + (f" ({cijfers[b.nummer].waarde:.0f} %)" if b.nummer in cijfers and cijfers[b.nummer].procent else ""),
            )
            for b in catalogus.BLOKKEN.values()
            if not b.is_open_vraag
        ]
        self.cijfers = cijfers

    def clean(self):
        # The rules between fields (a target with a number norm, a percentage's bounds) are the
        # service's (``aanpak.services.plan.doel_bewaar``): the view shows its errors on the field.
        g = super().clean()
        blok = g.get("blok")
        if blok and g.get("nulmeting") is None and blok in self.cijfers and self.cijfers[blok].procent:
            g["nulmeting"] = round(self.cijfers[blok].waarde, 1)  # the baseline from the survey's results
        return g


class MaatregelForm(forms.Form):
    titel = forms.CharField(label="Maatregel", max_length=300)
    doelstelling = IdKeuze(label="Doelstelling", queryset=None, required=False, empty_label="— geen —")
    soort = forms.ChoiceField(label="Soort")
    verantwoordelijke = IdKeuze(label="Verantwoordelijke partij", queryset=None, required=False, empty_label="— kies —")
    kwartalen = forms.MultipleChoiceField(
        label="Kwartalen", required=False, widget=forms.CheckboxSelectMultiple,
        help_text="In welke kwartalen van de cyclus wordt eraan gewerkt?",
    )  # fmt: skip
    benodigde_tijd = forms.CharField(
        label="Benodigde tijd", max_length=200, required=False, help_text="Bijvoorbeeld “2 dagdelen”."
    )
    deskundigheid = forms.ChoiceField(
        label="Deskundigheid", required=False, choices=[("", "— kies —"), *Maatregel.Deskundigheid.choices]
    )
    voortgangsmeting = forms.CharField(
        label="Hoe stellen we de voortgang vast?", widget=forms.Textarea(attrs={"rows": 2}), max_length=4000,
        required=False,
    )  # fmt: skip
    status = forms.ChoiceField(label="Status", choices=Maatregel.Status.choices)
    uitgevoerd_op = DatumVeld(label="Uitgevoerd op", widget=DATUM, required=False)
    wijziging_reden = forms.CharField(
        label="Reden van wijziging of vervallen", widget=forms.Textarea(attrs={"rows": 2}), max_length=4000,
        required=False,
    )  # fmt: skip
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, max_value=10**9)

    def __init__(self, *args, plan, kwartalen, vast: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["doelstelling"].queryset = plan.doelstellingen.order_by("volgorde", "pk")
        self.fields["verantwoordelijke"].queryset = plan.werkgroep.partijen.order_by("naam")
        self.fields["kwartalen"].choices = [(k.code, f"{k.label} (jaar {k.jaar})") for k in kwartalen]
        soorten = [(w, naam) for w, naam in Maatregel.Soort.choices if w.startswith("vast-") == vast]
        self.fields["soort"].choices = soorten
        if vast:
            self.fields["soort"].disabled = True
            self.fields["status"].choices = [c for c in Maatregel.Status.choices if c[0] != "vervallen"]


class VoortgangForm(forms.Form):
    datum = DatumVeld(label="Datum", widget=DATUM)
    tekst = forms.CharField(label="Wat is er gebeurd?", widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)
    status = forms.ChoiceField(label="Status daarna", choices=Maatregel.Status.choices, required=False)
    bijeenkomst = IdKeuze(label="Besproken in de bijeenkomst", queryset=None, required=False, empty_label="— geen —")

    def __init__(self, *args, werkgroep, **kwargs):
        super().__init__(*args, **kwargs)
        _bijeenkomsten(self.fields["bijeenkomst"], werkgroep)


class EvaluatieForm(forms.Form):
    jaar = forms.TypedChoiceField(
        label="Jaar van de cyclus", coerce=int, choices=[(1, "jaar 1"), (2, "jaar 2"), (3, "jaar 3 (ook doelen)")]
    )
    datum = DatumVeld(label="Datum van de evaluatie", widget=DATUM)
    verbeterpunten = forms.CharField(
        label="Verbeterpunten", widget=forms.Textarea(attrs={"rows": 4}), max_length=10000, required=False,
        help_text="Eén verbeterpunt per regel. Elk punt kunt u daarna met één klik als maatregel opnemen.",
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for veld, vraag in (*VRAGEN_MAATREGELEN, *VRAGEN_SAMENWERKING, *VRAGEN_DERDE_JAAR):
            self.fields[veld] = forms.CharField(
                label=vraag, widget=forms.Textarea(attrs={"rows": 3}), max_length=10000, required=False
            )
        self.order_fields(["jaar", "datum", *(v for v, _ in VRAGEN_MAATREGELEN), *(v for v, _ in VRAGEN_SAMENWERKING),
                           *(v for v, _ in VRAGEN_DERDE_JAAR), "verbeterpunten"])  # fmt: skip

    def clean_verbeterpunten(self):
        regels = [r.strip(" -•\t") for r in self.cleaned_data["verbeterpunten"].splitlines()]
        regels = [r for r in regels if r]
        if any(len(r) > 300 for r in regels):
            raise forms.ValidationError(
                "Houd elk verbeterpunt korter dan 300 tekens (het wordt de titel van een maatregel)."
            )
        return regels
