"""Response and results of the survey (§4.1.1).

- Response per park from the register and the anonymous responses; who answered after which
  reminder round from the invitations and the reminder ledger, never from the responses.
- Results per question, for the whole area or one park, from the published responses only
  (``gepubliceerde_reacties``: batches of at least ``MIN_REACTIES``, see
  ``analyse.services.reacties``), so two exports never differ by one response. A view with fewer
  than ``MIN_REACTIES`` responses shows nothing but a note, so nobody can be singled out.
  Open answers are shown verbatim, never summarised. Where an earlier cycle asked a question of
  the same topic block and type, its result stands beside the current one.

All responses are read in one query and counted in Python: the page costs the same number of
queries for 6 responses as for 600.
"""

from __future__ import annotations

import json
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Max, Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone

from analyse.antwoorden import gevraagd, schaal_labels
from analyse.models import Enquete, Herinnering, LegeInzending, Reactie, Reactieteller
from analyse.regels import Respons
from analyse.selectors.enquete import vragen_per_thema
from gebieden.models import Bedrijventerrein
from kvo import versie

MIN_REACTIES = 5
ONDERDRUKT = "Minder dan 5 reacties: niet getoond, zodat niemand herkenbaar is."


# --- response ------------------------------------------------------------------------------


def reacties_per_terrein(cycli: Iterable) -> dict[int, dict[int, int]]:
    """Per cycle (by id; cycles or their ids): the responses to its survey per park (by the park's
    id), in one query for all; a cycle without responses has an empty dict. Read from the parks'
    response figures (``Reactieteller``, raised with every response), not counted over the responses."""
    uit: dict[int, dict[int, int]] = {getattr(c, "pk", c): {} for c in cycli if c is not None}
    if uit:
        rijen = (
            Reactieteller.objects.filter(enquete__cyclus__in=list(uit), aantal__gt=0)
            .order_by()
            .values_list("enquete__cyclus_id", "terrein_id", "aantal")
        )
        for cyclus_id, terrein_id, n in rijen:
            uit[cyclus_id][terrein_id] = n
    return uit


def respons_per_terreinen(
    enquetes: Iterable[Enquete], reacties: dict[int, dict[int, int]] | None = None
) -> dict[int, list[Respons]]:
    """``respons_per_terrein`` for many surveys (by the survey's id): two queries for all (one when
    ``reacties``, from ``reacties_per_terrein`` for their cycles, is given)."""
    enquetes = list(enquetes)
    if not enquetes:
        return {}
    if reacties is None:
        reacties = reacties_per_terrein([e.cyclus_id for e in enquetes])
    terreinen = defaultdict(list)
    rijen = (
        Bedrijventerrein.objects.filter(werkgroep_id__in={e.werkgroep_id for e in enquetes})
        .annotate(n=Count("ondernemers", distinct=True))
        .order_by("werkgroep_id", "naam", "pk")
    )
    for t in rijen:
        terreinen[t.werkgroep_id].append(t)
    return {
        e.pk: [Respons(t.naam, t.n, reacties[e.cyclus_id].get(t.pk, 0)) for t in terreinen[e.werkgroep_id]]
        for e in enquetes
    }


def respons_per_terrein(enquete: Enquete) -> list[Respons]:
    return respons_per_terreinen([enquete])[enquete.pk]


@dataclass(frozen=True)
class Ronde:
    nummer: int  # 0: before any reminder
    verstuurd: int  # reminders of this round sent
    beantwoord_na: int  # invitations answered after this round (and before the next)


def per_ronde(enquete: Enquete) -> list[Ronde]:
    """How many answered before any reminder, and after each round (invitations + ledger only)."""
    laatste = Counter(
        enquete.uitnodigingen.filter(beantwoord=True)
        .annotate(r=Max("herinneringen__ronde", filter=Q(herinneringen__status=Herinnering.Status.VERSTUURD)))
        .values_list("r", flat=True)
    )
    verstuurd = dict(
        Herinnering.objects.filter(uitnodiging__enquete=enquete, status=Herinnering.Status.VERSTUURD)
        .values("ronde")
        .annotate(n=Count("pk"))
        .values_list("ronde", "n")
    )
    rondes = max([len(enquete.herinnering_dagen or []), *verstuurd.keys(), *(r or 0 for r in laatste)])
    return [Ronde(0, 0, laatste.get(None, 0))] + [
        Ronde(r, verstuurd.get(r, 0), laatste.get(r, 0)) for r in range(1, rondes + 1)
    ]


# --- results -------------------------------------------------------------------------------


def gepubliceerde_reacties(enquete: Enquete, terrein=None, *, op=None):
    """The responses the results are made of: for a park its published batches; for the area
    those and, once closed, the held-back rest of all parks together if it numbers at least
    ``MIN_REACTIES`` (``reacties_publiceer`` fixes that rest at the next response)."""
    reacties = Reactie.objects.filter(enquete=enquete)
    if terrein is not None:
        return reacties.filter(terrein=terrein, zichtbaar=Reactie.Zichtbaar.TERREIN)
    wachtend = reacties.filter(zichtbaar=Reactie.Zichtbaar.NEE)
    if enquete.is_gesloten(op or timezone.localdate()) and wachtend.count() >= MIN_REACTIES:
        return reacties
    return reacties.exclude(zichtbaar=Reactie.Zichtbaar.NEE)


def achtergehouden(enquete: Enquete, *, op=None) -> int:
    """How many responses are not (yet) in the area's results (the rule of ``gepubliceerde_reacties``,
    counted in one query)."""
    wachtend = Reactie.objects.filter(enquete=enquete, zichtbaar=Reactie.Zichtbaar.NEE).count()
    if enquete.is_gesloten(op or timezone.localdate()) and wachtend >= MIN_REACTIES:
        return 0
    return wachtend


@dataclass
class Regel:
    label: str
    aantal: int
    procent: float
    vorig: float | None = None  # the earlier cycle's percentage for the same answer


@dataclass
class Uitslag:
    vraag: object
    nummer: int
    beantwoord: int
    regels: list[Regel] = field(default_factory=list)  # scale, choice, yes/no
    open: list[str] = field(default_factory=list)  # open answers, verbatim
    getal: dict | None = None  # n, mean, median, min, max
    vorig_jaar: str = ""  # label of the earlier survey ("2024") when compared
    vorig_beantwoord: int = 0
    gevraagd: int | None = None  # a follow-up: of how many responses it was asked
    reacties: int = 0  # a follow-up: out of how many responses

    @property
    def type(self) -> str:
        return self.vraag.type

    @property
    def open_groepen(self) -> list[tuple[str, int]]:
        """The open answers with identical ones taken together: (answer, how often), in ``open``'s order."""
        return list(Counter(self.open).items())


@dataclass
class ThemaUitslag:
    sleutel: str
    naam: str
    uitslagen: list[Uitslag]


def _regels(vraag, waarden: list) -> list[Regel]:
    n = len(waarden)
    if vraag.type == "schaal":
        labels = [f"{i} – {label}" for i, label in enumerate(schaal_labels(vraag), start=1)]
        telling = Counter(w for w in waarden if isinstance(w, int))
        sleutels = list(range(1, 6))
    elif vraag.type == "ja-nee":
        labels, sleutels = ["Ja", "Nee"], [True, False]
        telling = Counter(waarden)
    elif vraag.type == "keuze":
        labels = sleutels = list(vraag.opties)
        telling = Counter(waarden)
    else:  # meerkeuze: percentage of those who answered the question
        labels = sleutels = list(vraag.opties)
        telling = Counter(o for w in waarden for o in (w if isinstance(w, list) else []))
    return [
        Regel(label, telling.get(s, 0), 100 * telling.get(s, 0) / n if n else 0.0)
        for label, s in zip(labels, sleutels, strict=True)
    ]


def uitslag(vraag, nummer: int, antwoorden: list[dict]) -> Uitslag:
    waarden = [a[vraag.ref] for a in antwoorden if a.get(vraag.ref) is not None]
    u = Uitslag(vraag, nummer, len(waarden))
    if vraag.type == "open":
        u.open = sorted((str(w) for w in waarden), key=str.casefold)
    elif vraag.type == "getal":
        getallen = [w for w in waarden if isinstance(w, int | float) and not isinstance(w, bool)]
        if getallen:
            u.getal = {
                "n": len(getallen),
                "gemiddelde": statistics.fmean(getallen),
                "mediaan": statistics.median(getallen),
                "min": min(getallen),
                "max": max(getallen),
            }
    else:
        u.regels = _regels(vraag, waarden)
    return u


@dataclass
class Resultaten:
    reacties: int
    onderdrukt: bool
    themas: list[ThemaUitslag]
    vorige: Enquete | None
    lege: int = 0  # submissions without a single answer: not responses, not counted


def lege_inzendingen(enquete: Enquete, terrein=None) -> int:
    """How many submissions had not a single answer (``LegeInzending``), in the area or on ``terrein``."""
    rijen = LegeInzending.objects.filter(enquete=enquete)
    if terrein is not None:
        rijen = rijen.filter(terrein=terrein)
    return sum(rijen.values_list("aantal", flat=True))


def _gevraagd_per_vraag(vragen: list, antwoorden: list[dict]) -> dict[str, list[dict]]:
    """Per follow-up question's ref the responses it was asked of (empty when no question has a condition)."""
    vervolg = [v for v in vragen if v.toon_als_vraag_id]
    if not vervolg:
        return {}
    uit: dict[str, list[dict]] = {v.ref: [] for v in vervolg}
    for a in antwoorden:
        refs = gevraagd(vragen, a)
        for v in vervolg:
            if v.ref in refs:
                uit[v.ref].append(a)
    return uit


def _vorige_enquete(enquete: Enquete) -> Enquete | None:
    return (
        Enquete.objects.filter(werkgroep_id=enquete.werkgroep_id, cyclus__nummer__lt=enquete.cyclus.nummer)
        .exclude(geopend_op__isnull=True)
        .select_related("cyclus")
        .order_by("-cyclus__nummer")
        .first()
    )


@dataclass
class Invoer:
    """What the results of a survey are computed from, as read from the database: the published
    responses' answers as JSON text (decoded only when the results are computed), the questions,
    the empty submissions, and the earlier survey to compare with. ``sleutel()`` is all of it: two
    readings with the same key give the same results (``analyse.views.resultaten`` keeps the
    results and their HTML under it, so a submission that publishes nothing computes nothing)."""

    enquete: Enquete
    terrein: object | None
    groepen: list
    antwoorden: list[str]
    lege: int
    vorige: Enquete | None = None
    vorige_antwoorden: list[str] = field(default_factory=list)
    vorige_vragen: list = field(default_factory=list)

    def sleutel(self) -> tuple:
        rij = versie.rij_inhoud
        return (
            rij(self.enquete),
            rij(self.terrein),
            [(g.sleutel, g.naam, [rij(v) for v in g.vragen]) for g in self.groepen],
            self.antwoorden,
            self.lege,
            rij(self.vorige),
            self.vorige_antwoorden,
            [rij(v) for v in self.vorige_vragen],
        )


def _antwoorden_tekst(reacties) -> list[str]:
    """The answers of ``reacties`` as their JSON text, in a stable order."""
    return list(reacties.order_by("pk").annotate(tekst=Cast("antwoorden", TextField())).values_list("tekst", flat=True))


def resultaten_invoer(enquete: Enquete, terrein=None, *, vergelijk: bool = True) -> Invoer:
    """Read what ``resultaten_uit`` computes the results from (published responses only)."""
    invoer = Invoer(
        enquete,
        terrein,
        vragen_per_thema(enquete),
        _antwoorden_tekst(gepubliceerde_reacties(enquete, terrein)),
        lege_inzendingen(enquete, terrein),
    )
    if len(invoer.antwoorden) >= MIN_REACTIES and vergelijk:
        invoer.vorige = _vorige_enquete(enquete)
        if invoer.vorige is not None:
            invoer.vorige_antwoorden = _antwoorden_tekst(gepubliceerde_reacties(invoer.vorige, terrein))
            if len(invoer.vorige_antwoorden) >= MIN_REACTIES:
                invoer.vorige_vragen = list(invoer.vorige.vragen.exclude(blok__isnull=True).order_by("volgorde", "pk"))
    return invoer


def resultaten(enquete: Enquete, terrein=None, *, vergelijk: bool = True) -> Resultaten:
    """The results of ``enquete`` for the whole area, or for ``terrein`` only (published responses)."""
    return resultaten_uit(resultaten_invoer(enquete, terrein, vergelijk=vergelijk))


def resultaten_uit(invoer: Invoer) -> Resultaten:
    """The results computed from ``invoer`` (no query)."""
    antwoorden = [json.loads(a) for a in invoer.antwoorden]
    groepen, lege = invoer.groepen, invoer.lege
    if len(antwoorden) < MIN_REACTIES:
        return Resultaten(len(antwoorden), True, [ThemaUitslag(g.sleutel, g.naam, []) for g in groepen], None, lege)
    per_vervolg = _gevraagd_per_vraag([v for g in groepen for v in g.vragen], antwoorden)
    vorige = invoer.vorige
    eerder = _eerdere_uitslagen(invoer) if vorige else {}
    themas, nummer = [], 0
    for groep in groepen:
        lijst = []
        for vraag in groep.vragen:
            nummer += 1
            if vraag.ref in per_vervolg:  # a follow-up: over those who were asked it
                u = uitslag(vraag, nummer, per_vervolg[vraag.ref])
                u.gevraagd, u.reacties = len(per_vervolg[vraag.ref]), len(antwoorden)
            else:
                u = uitslag(vraag, nummer, antwoorden)
            oud = eerder.get((vraag.blok, vraag.type)) if vraag.blok else None
            if oud is not None and u.regels and [r.label for r in oud.regels] == [r.label for r in u.regels]:
                u.vorig_jaar = f"{vorige.geopend_op:%Y}"
                u.vorig_beantwoord = oud.beantwoord
                for nieuw, vroeger in zip(u.regels, oud.regels, strict=True):
                    nieuw.vorig = vroeger.procent
            lijst.append(u)
        themas.append(ThemaUitslag(groep.sleutel, groep.naam, lijst))
    return Resultaten(len(antwoorden), False, themas, vorige, lege)


def _eerdere_uitslagen(invoer: Invoer) -> dict:
    """Per (block, type) the earlier survey's first question's result (suppressed views left out)."""
    if len(invoer.vorige_antwoorden) < MIN_REACTIES:
        return {}
    antwoorden = [json.loads(a) for a in invoer.vorige_antwoorden]
    uitslagen = {}
    for vraag in invoer.vorige_vragen:
        uitslagen.setdefault((vraag.blok, vraag.type), uitslag(vraag, 0, antwoorden))
    return uitslagen


# --- headline figures per topic block (read by the plan of approach) ------------------------


@dataclass(frozen=True)
class Kerncijfer:
    """One figure per topic block, to write goals on evidence and to measure them later."""

    blok: int
    waarde: float  # a percentage, or the mean of a number question
    procent: bool
    wat: str  # "eens of zeer eens", "ja", "“Inbraak”", "gemiddeld"
    vraag: str
    beantwoord: int

    @property
    def tekst(self) -> str:
        if self.procent:
            return f"{self.waarde:.0f} % {self.wat}: {self.vraag}"
        return f"{self.wat} {self.waarde:.1f}: {self.vraag}".replace(".", ",", 1)


def _kerncijfer(vraag, u: Uitslag) -> Kerncijfer | None:
    if not u.beantwoord:
        return None
    if vraag.type == "schaal":
        labels = schaal_labels(vraag)
        return Kerncijfer(
            vraag.blok, sum(r.procent for r in u.regels[3:]), True, f"{labels[3]} of {labels[4]}", vraag.tekst,
            u.beantwoord,
        )  # fmt: skip
    if vraag.type == "ja-nee":
        return Kerncijfer(vraag.blok, u.regels[0].procent, True, "ja", vraag.tekst, u.beantwoord)
    if vraag.type in ("keuze", "meerkeuze") and u.regels:
        top = max(u.regels, key=lambda r: r.procent)
        return Kerncijfer(vraag.blok, top.procent, True, f"“{top.label}”", vraag.tekst, u.beantwoord)
    if vraag.type == "getal" and u.getal:
        return Kerncijfer(vraag.blok, u.getal["gemiddelde"], False, "gemiddeld", vraag.tekst, u.beantwoord)
    return None


def kerncijfers(enquete: Enquete | None) -> dict[int, Kerncijfer]:
    """Per topic block the first closed question's headline figure; empty with fewer than 5 responses."""
    if enquete is None:
        return {}
    antwoorden = list(gepubliceerde_reacties(enquete).values_list("antwoorden", flat=True))
    if len(antwoorden) < MIN_REACTIES:
        return {}
    uit: dict[int, Kerncijfer] = {}
    for vraag in enquete.vragen.exclude(blok__isnull=True).exclude(type="open").order_by("volgorde", "pk"):
        if vraag.blok not in uit and (k := _kerncijfer(vraag, uitslag(vraag, 0, antwoorden))) is not None:
            uit[vraag.blok] = k
    return uit


def nieuwste_enquete_na(werkgroep_id: int, cyclus_nummer: int) -> Enquete | None:
    """The newest sent survey of a later cycle than ``cyclus_nummer`` (the new measurement of a goal)."""
    return (
        Enquete.objects.filter(werkgroep_id=werkgroep_id, cyclus__nummer__gt=cyclus_nummer)
        .exclude(geopend_op__isnull=True)
        .select_related("cyclus")
        .order_by("-cyclus__nummer")
        .first()
    )
