"""Forms of the survey builder. They read input; ``analyse.services.enquete`` validates and writes."""

from __future__ import annotations

from django import forms

from analyse import catalogus
from analyse.antwoorden import BASIS_TYPES, voorwaarde_label, voorwaarde_waarden
from analyse.models import Vraag
from analyse.selectors.enquete import geordend
from analyse.services.enquete import (
    MAX_INLEIDING,
    MAX_OPTIE,
    MAX_OPTIES,
    MAX_TEKST,
    MAX_THEMANAAM,
    MAX_TITEL,
    opties_uit_tekst,
)

GEEN_BLOK = ""


def thema_keuzes(enquete) -> list[tuple[str, str]]:
    keuzes = [(t.sleutel, t.naam) for t in catalogus.THEMAS.values()]
    keuzes += [(catalogus.eigen_thema(n), f"{n} (eigen thema)") for n in enquete.eigen_themas or []]
    return keuzes


def blok_keuzes(enquete) -> list:
    """The ticked blocks, grouped by theme, after a choice for "no block"."""
    gekozen = set(enquete.blokken or [])
    keuzes: list = [(GEEN_BLOK, "Geen blok: een eigen vraag binnen het thema")]
    for thema in catalogus.THEMAS.values():
        blokken = [(str(b), f"{b}. {catalogus.BLOKKEN[b].titel}") for b in thema.blokken if b in gekozen]
        if blokken:
            keuzes.append((thema.naam, blokken))
    return keuzes


GEEN_VOORWAARDE = ""


def voorwaarde_keuzes(enquete, vraag=None) -> list:
    """The choices: "always" first, then per question a follow-up can depend on (in the survey's order, numbered),
    each of its answers as ``<pk>|<answer>``. No script needed: one select with a group per question."""
    keuzes: list = [(GEEN_VOORWAARDE, "Altijd: iedereen krijgt deze vraag")]
    for nummer, basis in enumerate(geordend(enquete), start=1):
        if basis.type not in BASIS_TYPES or (vraag is not None and basis.pk == vraag.pk):
            continue
        kop = f"Vraag {nummer}: {basis.tekst[:70]}{'…' if len(basis.tekst) > 70 else ''}"
        keuzes.append(
            (kop, [(f"{basis.pk}|{w}", f"alleen bij het antwoord “{voorwaarde_label(basis, w)}”")
                   for w in voorwaarde_waarden(basis)])
        )  # fmt: skip
    return keuzes


class VraagForm(forms.Form):
    thema = forms.ChoiceField(label="Thema")
    blok = forms.ChoiceField(
        label="Onderwerpblok",
        required=False,
        help_text="Alleen de blokken die in de enquête staan. Het blok moet bij het gekozen thema horen.",
    )
    tekst = forms.CharField(
        label="Vraag",
        max_length=MAX_TEKST,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kort en in gewone taal: de ondernemer leest de vraag op zijn telefoon.",
    )
    type = forms.ChoiceField(label="Soort vraag", choices=Vraag.Type.choices)
    opties = forms.CharField(
        label="Antwoordopties",
        required=False,
        max_length=MAX_OPTIES * (MAX_OPTIE + 1),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=(
            "Eén optie per regel. Keuze en meerkeuze: minstens twee verschillende opties. "
            "Schaal: leeg laten (zeer oneens … zeer eens) of precies 5 eigen labels van laag naar hoog. "
            "Ja/nee, getal en open vraag: leeg laten."
        ),
    )
    verplicht = forms.BooleanField(
        label="De ondernemer moet deze vraag beantwoorden",
        required=False,
        help_text="Liever spaarzaam gebruiken: een verplichte vraag kan ondernemers doen afhaken.",
    )
    voorwaarde = forms.ChoiceField(
        label="Wie krijgt deze vraag?",
        required=False,
        help_text=(
            "Een vervolgvraag (“Zo ja, …”) krijgt alleen wie een eerdere vraag zo beantwoordde. "
            "De eerdere vraag moet in de enquête vóór deze vraag staan."
        ),
    )

    def __init__(self, *args, enquete, vraag=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = thema_keuzes(enquete)
        self.fields["blok"].choices = blok_keuzes(enquete)
        self.fields["voorwaarde"].choices = voorwaarde_keuzes(enquete, vraag)

    @staticmethod
    def initial_van(vraag: Vraag) -> dict:
        return {
            "thema": vraag.thema,
            "blok": str(vraag.blok) if vraag.blok else GEEN_BLOK,
            "tekst": vraag.tekst,
            "type": vraag.type,
            "opties": "\n".join(vraag.opties or []),
            "verplicht": vraag.verplicht,
            "voorwaarde": (
                f"{vraag.toon_als_vraag_id}|{vraag.toon_als_antwoord}" if vraag.toon_als_vraag_id else GEEN_VOORWAARDE
            ),
        }

    def gegevens(self) -> dict:
        """The cleaned data as the services take it."""
        d = self.cleaned_data
        return {
            "thema": d["thema"],
            "blok": int(d["blok"]) if d.get("blok") else None,
            "tekst": d["tekst"],
            "type": d["type"],
            "opties": opties_uit_tekst(d.get("opties")),
            "verplicht": d.get("verplicht", False),
            "toon_als_vraag": int(basis) if (basis := d.get("voorwaarde", "").partition("|")[0]) else None,
            "toon_als_antwoord": d.get("voorwaarde", "").partition("|")[2],
        }


class ThemaForm(forms.Form):
    naam = forms.CharField(
        label="Naam van het thema",
        max_length=MAX_THEMANAAM,
        help_text="Bijvoorbeeld “Drugsafval” of “Verhuur van bedrijfsruimte”. Daarna voegt u er vragen aan toe.",
    )


class InstellingenForm(forms.Form):
    titel = forms.CharField(label="Titel", max_length=MAX_TITEL)
    inleiding = forms.CharField(
        label="Inleiding voor de ondernemer",
        required=False,
        max_length=MAX_INLEIDING,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Staat boven de vragen: waarom de enquête er is, hoe lang het invullen duurt, dat het anoniem is.",
    )
