"""The analysis' indicators for the facilitator's picture (``kvo.beeld``).

- The feeling of safety: the standard question of topic block 8 ("ik voel mij veilig op het
  bedrijventerrein", scale 1–5), the share that agrees or strongly agrees, from the park's published
  batches only (``Reactie.Zichtbaar.TERREIN``, as the park's results). A survey that changed the
  question's text is not the same question and shows no figure; a park with fewer than
  ``MIN_REACTIES`` answers shows none either (the results' small-cell rule).
- Incidents per year per 100 businesses, one indicator per source (police, fire service,
  municipality): figures of the park itself (``deelgebied`` bedrijventerrein), withheld CBS counts and
  kinds of crime already in a total left out. A figure of the whole area (no park) of a group with
  several parks is shared over its parks by their number of businesses, and says so.
- The conclusion's top risk themes: the three prioritised themes with the highest likelihood × impact.
"""

from __future__ import annotations

from collections import defaultdict

from analyse.catalogus import thema_naam
from analyse.models import Cijfer, Prioriteit, Reactie, Vraag
from analyse.selectors.resultaten import MIN_REACTIES
from analyse.standaardvragen import VRAGEN
from kvo.beeld import Waarde, indicator

VEILIG_BLOK = 8
VEILIG_TEKST = VRAGEN[VEILIG_BLOK][0].tekst  # "In hoeverre bent u het eens met deze stelling: ik voel mij veilig …"


@indicator(
    "analyse.veiligheidsgevoel",
    naam="Veiligheidsgevoel",
    uitleg=(
        "Aandeel ondernemers dat het (zeer) eens is met de standaardvraag van blok 8: "
        "“ik voel mij veilig op het bedrijventerrein”. Alleen gepubliceerde reacties; "
        "bij minder dan 5 reacties geen cijfer."
    ),
    eenheid=" %",
    hoger_beter=True,
    grenzen=(40, 55, 70, 85),
    volgorde=10,
    minimum=MIN_REACTIES,
)
def veiligheidsgevoel(terreinen, cycli) -> dict[tuple[int, int], Waarde]:
    werkgroepen = {t.werkgroep_id for t in terreinen}
    vragen = {
        enquete_id: (ref, nummer)
        for enquete_id, ref, nummer in Vraag.objects.filter(
            enquete__werkgroep_id__in=werkgroepen, blok=VEILIG_BLOK, type="schaal", tekst=VEILIG_TEKST
        )
        .order_by("enquete_id", "volgorde", "pk")
        .values_list("enquete_id", "ref", "enquete__cyclus__nummer")
    }
    per: dict[tuple[int, int], list] = defaultdict(list)
    reacties = Reactie.objects.filter(
        enquete_id__in=list(vragen), terrein_id__in=[t.pk for t in terreinen], zichtbaar=Reactie.Zichtbaar.TERREIN
    ).values_list("enquete_id", "terrein_id", "antwoorden")
    for enquete_id, terrein_id, antwoorden in reacties.order_by():
        ref, nummer = vragen[enquete_id]
        per[(terrein_id, nummer)].append(antwoorden.get(ref) if isinstance(antwoorden, dict) else None)
    uit = {}
    for sleutel, lijst in per.items():
        antwoorden = [a for a in lijst if isinstance(a, int) and not isinstance(a, bool) and 1 <= a <= 5]
        if len(antwoorden) < MIN_REACTIES:
            uit[sleutel] = Waarde("minder dan 5 reacties", toelichting="minder dan 5 reacties: geen cijfer")
            continue
        eens = sum(1 for a in antwoorden if a >= 4)
        getal = 100 * eens / len(antwoorden)
        uit[sleutel] = Waarde(f"{getal:.0f} %", getal, eens, len(antwoorden), toelichting=f"n = {len(antwoorden)}")
    return uit


def _incidenten(terreinen, cycli, bron: str) -> dict[tuple[int, int], Waarde]:
    terreinen_per: dict[int, list] = defaultdict(list)
    for t in terreinen:
        terreinen_per[t.werkgroep_id].append(t)
    rijen = (
        Cijfer.objects.filter(
            werkgroep_id__in=list(terreinen_per),
            bron=bron,
            deelgebied=Cijfer.Deelgebied.BEDRIJVENTERREIN,
            afgeschermd=False,
            deel_van_totaal=False,
        )
        .order_by()
        .values_list("werkgroep_id", "cyclus__nummer", "terrein_id", "periode_van", "periode_tot", "aantal")
    )
    # per (work group, cycle): the span of the periods, the counts per park and of the whole area
    span: dict[tuple[int, int], list] = {}
    eigen: dict[tuple[int, int], dict[int, int]] = defaultdict(lambda: defaultdict(int))
    gebied: dict[tuple[int, int], int] = defaultdict(int)
    for wg_id, nummer, terrein_id, van, tot, aantal in rijen:
        s = span.setdefault((wg_id, nummer), [van, tot])
        s[0], s[1] = min(s[0], van), max(s[1], tot)
        if terrein_id is not None:
            eigen[(wg_id, nummer)][terrein_id] += aantal
        else:
            gebied[(wg_id, nummer)] += aantal
    uit = {}
    for (wg_id, nummer), (van, tot) in span.items():
        jaren = ((tot - van).days + 1) / 365.25
        parken = terreinen_per[wg_id]
        bedrijven = sum(t.ondernemers for t in parken)
        for t in parken:
            if not t.ondernemers:
                uit[(t.pk, nummer)] = Waarde("geen register", toelichting="geen ondernemers in het register")
                continue
            per_jaar = eigen[(wg_id, nummer)].get(t.pk, 0) / jaren
            toelichting = f"{jaren:.1f} jaar · {t.ondernemers} bedrijven".replace(".", ",")
            if gebied.get((wg_id, nummer)):
                per_jaar += gebied[(wg_id, nummer)] / jaren * t.ondernemers / bedrijven
                if len(parken) > 1:
                    toelichting += " · deels cijfer van het hele gebied, naar bedrijven verdeeld"
            getal = 100 * per_jaar / t.ondernemers
            tekst = f"{getal:.1f}".replace(".", ",")
            uit[(t.pk, nummer)] = Waarde(tekst, getal, per_jaar, t.ondernemers, toelichting=toelichting)
    return uit


_INCIDENTEN = dict(
    eenheid=" per 100 bedrijven per jaar",
    hoger_beter=False,
    grenzen=(5, 10, 20, 40),
)


@indicator(
    "analyse.incidenten-politie",
    naam="Incidenten politie",
    uitleg="Aangiften en meldingen bij de politie op het terrein, per jaar per 100 bedrijven in het register.",
    volgorde=20,
    **_INCIDENTEN,
)
def incidenten_politie(terreinen, cycli):
    return _incidenten(terreinen, cycli, Cijfer.Bron.POLITIE)


@indicator(
    "analyse.incidenten-brandweer",
    naam="Incidenten brandweer",
    uitleg="Uitrukken en meldingen van de brandweer op het terrein, per jaar per 100 bedrijven in het register.",
    volgorde=21,
    **_INCIDENTEN,
)
def incidenten_brandweer(terreinen, cycli):
    return _incidenten(terreinen, cycli, Cijfer.Bron.BRANDWEER)


@indicator(
    "analyse.incidenten-gemeente",
    naam="Meldingen gemeente",
    uitleg="Meldingen bij de gemeente (openbare ruimte) op het terrein, per jaar per 100 bedrijven in het register.",
    volgorde=22,
    **_INCIDENTEN,
)
def incidenten_gemeente(terreinen, cycli):
    return _incidenten(terreinen, cycli, Cijfer.Bron.GEMEENTE)


@indicator(
    "analyse.risicothemas",
    naam="Grootste risico’s",
    uitleg=(
        "De drie thema’s met de hoogste kans × impact in de conclusie van de veiligheidsanalyse; "
        "de kaart kleurt naar het eerste."
    ),
    soort="categorie",
    per_werkgroep=True,
    volgorde=30,
)
def risicothemas(terreinen, cycli) -> dict[tuple[int, int], Waarde]:
    per: dict[tuple[int, int], list] = defaultdict(list)
    rijen = (
        Prioriteit.objects.filter(
            conclusie__werkgroep_id__in={t.werkgroep_id for t in terreinen},
            risicokans__isnull=False,
            ernst__isnull=False,
        )
        .order_by()
        .values_list("conclusie__werkgroep_id", "conclusie__cyclus__nummer", "thema", "risicokans", "ernst", "volgorde")
    )
    for wg_id, nummer, thema, kans, ernst, volgorde in rijen:
        per[(wg_id, nummer)].append((-(kans * ernst), volgorde, thema_naam(thema), kans * ernst))
    per_werkgroep: dict[int, list[tuple[int, Waarde]]] = defaultdict(list)
    for (wg_id, nummer), lijst in per.items():
        top = sorted(lijst)[:3]
        labels = tuple(naam for _s, _v, naam, _score in top)
        toelichting = "kans × impact: " + "; ".join(f"{n} {s}" for _s, _v, n, s in top)
        per_werkgroep[wg_id].append((nummer, Waarde(", ".join(labels), labels=labels, toelichting=toelichting)))
    return {(t.pk, nummer): w for t in terreinen for nummer, w in per_werkgroep.get(t.werkgroep_id, [])}
