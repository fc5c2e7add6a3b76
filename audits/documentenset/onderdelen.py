"""The parts of the document set (§3.6, §5.2.1), in the handbook's order, each with its context builder.

A part is a template under ``templates/pdf/documentenset/`` and a function that reads what it shows
through the earlier apps' selectors. The whole set and each part alone are rendered from the same
parts, so the download of one part and its chapter in the set never differ.

A set is rendered for a reference date (``Gegevens.datum``, the *peildatum*) and holds nothing dated
after it: meetings, progress notes, evaluations, inspections, figures whose period ends later, a
survey sent later, a conclusion or plan adopted later, a measure carried out later (shown as planned).
The survey's responses carry no date by design (anonymity): a survey sent before the reference date
shows the responses it has.

Privacy: the set goes to the certification body. Members appear with name, party and roles only,
never with their e-mail address or telephone number; the entrepreneurs' register appears as counts
per park. Survey results are the anonymous figures the results page shows (nothing under 5 responses).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Prefetch

from audits.documentenset import bewijs, nummering


@dataclass
class Gegevens:
    """What every part reads from: the work group, the cycle, its audit (or None) and the date of the set
    (its peildatum); for the cover also the set's number and its delivery date, when known."""

    werkgroep: object
    cyclus: object
    audit: object | None
    datum: dt.date
    cache: dict = field(default_factory=dict)
    set_id: int | None = None
    aangeleverd_op: dt.date | None = None

    def plan(self):
        if "plan" not in self.cache:
            from aanpak.selectors import plan_van

            self.cache["plan"] = plan_van(self.cyclus)
        return self.cache["plan"]

    def matrix(self):
        """The measures matrix as of the reference date (a measure carried out later shows as planned),
        shared by every part that names a measure, so each prints the same ``M<n>``."""
        if "matrix" not in self.cache:
            from aanpak.models import Maatregel
            from aanpak.selectors import matrix

            plan = self.plan()
            m = matrix(plan, self.datum) if plan is not None else None
            for r in (r for groep in (m.groepen if m else []) for r in groep.rijen):
                if r.maatregel.uitgevoerd_op and r.maatregel.uitgevoerd_op > self.datum:  # carried out later
                    r.maatregel.status, r.maatregel.uitgevoerd_op = Maatregel.Status.GEPLAND, None
            self.cache["matrix"] = m
        return self.cache["matrix"]

    def maatregel_nummers(self) -> dict[int, str]:
        m = self.matrix()
        return nummering.maatregel_nummers(m) if m is not None else {}

    def schouwen(self) -> list:
        """Every inspection of the cycle (by date), also later ones: they fix the points' labels."""
        if "schouwen" not in self.cache:
            from analyse.checks.schouw import schouwen_van

            self.cache["schouwen"] = schouwen_van(self.cyclus)
        return self.cache["schouwen"]

    def schouwpunt_labels(self) -> dict[int, str]:
        return nummering.schouwpunt_labels(self.schouwen())

    def schouwpunten_in_set(self) -> set[int]:
        """The points the inspection chapter shows (inspections on or before the reference date)."""
        return {p.pk for s in self.schouwen() if s.datum <= self.datum for p in s.punten.all()}

    def toets(self) -> list:
        """Every rule of eisen.md answered as of the reference date."""
        if "toets" not in self.cache:
            from kvo.toets import voer_toets_uit

            self.cache["toets"] = voer_toets_uit(self.werkgroep, cyclus=self.cyclus, datum=self.datum)
        return self.cache["toets"]

    def enquete(self):
        """The cycle's survey as the set shows it (None when sent after the reference date) and its
        results (None while it is not sent)."""
        if "enquete" not in self.cache:
            from analyse.selectors import resultaten as selectors
            from analyse.selectors.enquete import enquete_van

            enquete = enquete_van(self.cyclus)
            if enquete is not None and enquete.is_verstuurd and enquete.geopend_op > self.datum:
                enquete = None  # sent after the reference date: not part of this set
            res = selectors.resultaten(enquete, None) if enquete is not None and enquete.is_verstuurd else None
            self.cache["enquete"] = (enquete, res)
        return self.cache["enquete"]

    def enquete_blokken(self) -> dict[int, str]:
        """``{handbook block: anchor}`` of the blocks whose questions the survey chapter shows."""
        _enquete, res = self.enquete()
        if res is None or res.onderdrukt:
            return {}
        blokken = [u.vraag.blok for t in res.themas for u in t.uitslagen if u.vraag.blok]
        return {b: nummering.anker_blok(b) for b in blokken}

    def terreinen(self) -> list:
        if "terreinen" not in self.cache:
            from gebieden.selectors import terreinen_met_telling

            self.cache["terreinen"] = terreinen_met_telling(self.werkgroep, op=self.datum)
        return self.cache["terreinen"]

    @property
    def einde(self) -> dt.date:
        """The last day of the cycle's three years."""
        from kvo.toets import cyclus_jaren

        return cyclus_jaren(self.cyclus.start, self.datum)[-1].eind


@dataclass(frozen=True)
class Bewijs:
    """A rule of eisen.md a part proves, and where in the part: ``anker`` is an ``id`` the part's
    template prints (``""``: the part's own anchor ``deel-<sleutel>``); ``wat`` names that place in
    the evidence index (the part's title when empty)."""

    eis: str
    anker: str = ""
    wat: str = ""


@dataclass(frozen=True)
class Onderdeel:
    sleutel: str
    titel: str
    bouw: Callable[[Gegevens], dict]
    paragraaf: str = ""
    liggend: bool = False  # the part (or its matrix) is on landscape pages
    los: bool = True  # downloadable on its own
    bewijst: tuple[Bewijs, ...] = ()  # the rules whose evidence this part holds (the evidence index)
    na_de_rest: bool = False  # built after the other parts, from the anchors they printed

    @property
    def template(self) -> str:
        return f"pdf/documentenset/{self.sleutel}.html"

    @property
    def anker(self) -> str:
        return f"deel-{self.sleutel}"

    def anker_van(self, b: Bewijs) -> str:
        return b.anker or self.anker


# --- the builders ----------------------------------------------------------------------------


def _voorblad(g: Gegevens) -> dict:
    from werkgroepen import selectors
    from werkgroepen.models import Groepsrol

    actief = selectors.actieve_leden(selectors.leden(g.werkgroep), g.datum)
    rollen = selectors.rollen_stand(actief)
    contact = g.audit.contactpersoon if g.audit is not None and g.audit.contactpersoon_id else None
    return {
        "terreinen": g.terreinen(),
        "contact": contact.naam if contact else "",
        "voorzitter": ", ".join(lid.naam for lid in rollen[Groepsrol.VOORZITTER]),
        "secretaris": ", ".join(lid.naam for lid in rollen[Groepsrol.SECRETARIS]),
        **bewijs.audittijd(g),
    }


def _inhoud(g: Gegevens) -> dict:
    return {"onderdelen": [o for o in ONDERDELEN if o.sleutel not in ("voorblad", "inhoud")]}


def _partijen(g: Gegevens) -> dict:
    from werkgroepen import selectors
    from werkgroepen.models import Groepsrol

    alle = selectors.leden(g.werkgroep)
    actief = selectors.actieve_leden(alle, g.datum)
    # Members who left during the cycle are part of its record; earlier ones are not.
    vertrokken = [lid for lid in selectors.voormalige_leden(alle, g.datum) if lid.lid_tot >= g.cyclus.start]
    rollen = dict(Groepsrol.choices)
    leden = [
        {
            "naam": lid.naam,
            "partij": lid.partij.naam,
            "terrein": lid.terrein.naam if lid.terrein_id else "",
            "rollen": [str(rollen.get(r, r)) for r in lid.rollen or []],
            "agendalid": lid.agendalid,
            "sinds": lid.lid_sinds,
            "tot": lid.lid_tot,
        }
        for lid in actief + vertrokken
    ]  # only these fields reach the template: never an e-mail address or a telephone number
    partijen = selectors.partijen(g.werkgroep)
    afspraken = selectors.afspraken(g.werkgroep)
    if afspraken is not None and afspraken.vastgesteld_op and afspraken.vastgesteld_op > g.datum:
        afspraken = None  # adopted after the reference date
    per_partij = {p.pk: 0 for p in partijen}
    for lid in actief:
        per_partij[lid.partij_id] = per_partij.get(lid.partij_id, 0) + 1
    return {
        "partijen": [(p, per_partij.get(p.pk, 0)) for p in partijen],
        "verplicht": selectors.partijen_stand(actief),
        "leden": [lid for lid in leden if lid["tot"] is None or lid["tot"] >= g.datum],
        "vertrokken": [lid for lid in leden if lid["tot"] is not None and lid["tot"] < g.datum],
        "rollen": [(str(label), [lid.naam for lid in ls]) for r, ls in selectors.rollen_stand(actief).items()
                   for label in [rollen[r]]],
        "afspraken": afspraken,
        **bewijs.organisatie(g),
    }  # fmt: skip


def _gebied(g: Gegevens) -> dict:
    from gebieden import geo
    from gebieden.selectors import locaties_van
    from gebieden.svg import gebied_svg

    terreinen = g.terreinen()
    locaties = locaties_van(g.werkgroep)
    return {
        "terreinen": terreinen,
        "locaties": locaties,
        "kaart": _zonder_halo(gebied_svg(terreinen, locaties, breedte=720, hoogte=480, ondergrond=True)),
        "totaal_ondernemers": sum(t.aantal_ondernemers for t in terreinen),
        "zonder_grens": [t for t in terreinen if not (t.grens and geo.is_geldig(t.grens))],
    }


HALO = ' stroke="#ffffff" stroke-width="3" paint-order="stroke"'


def _zonder_halo(svg: str) -> str:
    """The labels' white halo relies on ``paint-order``, which WeasyPrint ignores (it paints the stroke
    over the letters, leaving them white): print the labels without it."""
    from django.utils.safestring import mark_safe

    return mark_safe(str(svg).replace(HALO, ""))


def _enquete(g: Gegevens) -> dict:
    from analyse.selectors import resultaten as selectors

    enquete, res = g.enquete()
    if res is None:
        return {"enquete": enquete, "res": None}
    # A choice question is one table with a bar per answer (the template), not the web page's SVG
    # chart above a table of the same figures: WeasyPrint sets SVG text letter by letter, and the
    # survey's charts took a third of that chapter's time.
    gezien: set[int] = set()
    for u in (u for t in res.themas for u in t.uitslagen):  # a question's anchor; its block's on the first
        u.anker = nummering.anker_vraag(u.vraag.pk)
        u.blok_anker = nummering.anker_blok(u.vraag.blok) if u.vraag.blok and u.vraag.blok not in gezien else ""
        gezien.add(u.vraag.blok)
    respons = selectors.respons_per_terrein(enquete)
    return {
        "enquete": enquete,
        "res": res,
        "respons": respons,
        "totaal_reacties": sum(r.reacties for r in respons),
        "totaal_ondernemers": sum(r.ondernemers for r in respons),
        "onderdrukt_tekst": selectors.ONDERDRUKT,
        **bewijs.enquete(g, enquete),
    }


def _cijfers(g: Gegevens) -> dict:
    from analyse.models import Cijfer
    from analyse.selectors import cijfers as selectors
    from kvo.grafieken import Reeks, kolommen

    lijst = [c for c in selectors.cijfers_van(g.cyclus) if c.periode_tot <= g.datum]
    datum, reden = selectors.analysedatum(g.cyclus, g.datum)
    trend = selectors.trend(lijst)
    reeksen = [Reeks(n, w) for n, w in trend.reeksen]
    titel = "Cijfers per kalenderjaar, per bron"
    grafiek = kolommen([str(j) for j in trend.jaren], reeksen, titel=titel) if not trend.leeg else ""
    return {
        "standen": selectors.bron_standen(lijst, datum),
        "analysedatum": datum,
        "analysereden": reden,
        "groepen": selectors.per_bron(lijst),
        "grafiek": grafiek,
        "aantal": len(lijst),
        "bronnen": dict(Cijfer.Bron.choices),
    }


def _schouw(g: Gegevens) -> dict:
    from analyse.models import Schouw
    from analyse.views.schouw import IDS

    labels = g.schouwpunt_labels()
    lijst = [s for s in g.schouwen() if s.datum <= g.datum]
    aanwezigen = {}
    if lijst:
        for s in Schouw.objects.filter(pk__in=[s.pk for s in lijst]).prefetch_related("aanwezigen__partij"):
            aanwezigen[s.pk] = sorted(s.aanwezigen.all(), key=lambda lid: lid.naam)
    per_punt: dict[int, list[tuple[str, str]]] = {}  # the measures that take a point up
    nummers = g.maatregel_nummers()
    for r in (r for groep in (g.matrix().groepen if g.matrix() else []) for r in groep.rijen):
        if r.maatregel.schouwpunt_id:
            m = r.maatregel
            per_punt.setdefault(m.schouwpunt_id, []).append((nummers[m.pk], nummering.anker_maatregel(m.pk)))
    foto = 0
    for s in lijst:
        s.aanwezigen_lijst = aanwezigen.get(s.pk, [])
        s.punten_lijst = list(s.punten.all())
        for p in s.punten_lijst:
            p.label, p.anker = labels[p.pk], nummering.anker_schouwpunt(p.pk)
            p.in_matrix = per_punt.get(p.pk, [])
            if p.foto:
                foto += 1
        s.rijen = [s.punten_lijst[i : i + 2] for i in range(0, len(s.punten_lijst), 2)]  # two photos a row
    ids = set(IDS)
    return {
        "schouwen": lijst,
        "aantal_fotos": foto,
        "resultaten": [r for r in g.toets() if r.id in ids],
    }


def _conclusie(g: Gegevens) -> dict:
    from analyse import catalogus
    from analyse.models import Conclusie
    from kvo.grafieken import Staaf, staafdiagram

    conclusie = Conclusie.objects.filter(cyclus=g.cyclus).select_related("vastgesteld_in").first()
    if conclusie is not None and conclusie.vastgesteld_op and conclusie.vastgesteld_op > g.datum:
        conclusie = None  # adopted after the reference date: not part of this set
    prioriteiten = list(conclusie.prioriteiten.order_by("volgorde", "pk")) if conclusie else []
    for p in prioriteiten:
        p.naam = catalogus.thema_naam(p.thema)
    geprioriteerd = sorted((p for p in prioriteiten if p.score), key=lambda p: (-p.score, p.volgorde))
    grafiek = (
        staafdiagram(
            [Staaf(p.naam, p.score, f"{p.score} (jaar {p.jaar or '–'})") for p in geprioriteerd],
            titel="Prioriteit per thema: kans × impact (hoogstens 100)",
            maximum=100,
        )
        if geprioriteerd
        else ""
    )
    return {"conclusie": conclusie, "prioriteiten": geprioriteerd + [p for p in prioriteiten if not p.score],
            "grafiek": grafiek}  # fmt: skip


def _plan(g: Gegevens) -> dict:
    from aanpak.selectors import doelenoverzicht

    plan = g.plan()
    if plan is None:
        return {"plan": None, "eerste": _eerste_maatregelen(g)}
    overzicht = doelenoverzicht(plan)
    m = g.matrix()
    nummers = g.maatregel_nummers()
    labels, in_set = g.schouwpunt_labels(), g.schouwpunten_in_set()
    per_doel: dict[int, list[tuple[str, str]]] = {}
    for groep in m.groepen:
        for r in groep.rijen:
            mr = r.maatregel
            mr.nummer_label, mr.anker = nummers[mr.pk], nummering.anker_maatregel(mr.pk)
            mr.punt_label = labels.get(mr.schouwpunt_id, "") if mr.schouwpunt_id else ""
            mr.punt_anker = nummering.anker_schouwpunt(mr.schouwpunt_id) if mr.schouwpunt_id in in_set else ""
            if mr.doelstelling_id:
                per_doel.setdefault(mr.doelstelling_id, []).append((mr.nummer_label, mr.anker))
            r.vakken = _jaarvakken(r)
        if groep.doel is not None:
            groep.doel_anker = nummering.anker_doel(groep.doel.pk)
    blokken = g.enquete_blokken()
    for t in overzicht.themas:
        for d in t.doelen:
            d.anker = nummering.anker_doel(d.pk)
            d.maatregel_links = per_doel.get(d.pk, [])
            d.blok_anker = blokken.get(d.blok, "") if d.blok else ""
    return {
        "plan": plan,
        "themas": [t for t in overzicht.themas if t.doelen],
        "dekking": overzicht.dekking,
        "matrix": m,
        # adopted after the reference date: "not yet adopted" in this set
        "vastgesteld_op": plan.vastgesteld_op if plan.vastgesteld_op and plan.vastgesteld_op <= g.datum else None,
        "eerste": _eerste_maatregelen(g),
        **bewijs.maatregelen(g, m),
    }


def _eerste_maatregelen(g: Gegevens) -> dict:
    """The §5.2.2 box: the measures carried out by the first audit, as ``audit.eerste-maatregelen``
    counts them (3 that take up inspection points, 1 communication to the entrepreneurs), with dates."""
    from audits.checks import COMMUNICATIE, SCHOUW

    resultaat = next((r for r in g.toets() if r.id == "audit.eerste-maatregelen"), None)
    m = g.matrix()
    tot = min(g.datum, g.audit.datum) if g.audit is not None and g.audit.datum else g.datum
    nummers = g.maatregel_nummers()
    labels, in_set = g.schouwpunt_labels(), g.schouwpunten_in_set()
    schouw, communicatie, overig = [], [], []
    for r in (r for groep in (m.groepen if m else []) for r in groep.rijen):
        mr = r.maatregel
        if mr.status != "uitgevoerd" or mr.uitgevoerd_op is None or mr.uitgevoerd_op > tot:
            continue
        regel = {
            "nummer": nummers[mr.pk],
            "anker": nummering.anker_maatregel(mr.pk),
            "titel": mr.titel,
            "datum": mr.uitgevoerd_op,
            "punt": labels.get(mr.schouwpunt_id, "") if mr.schouwpunt_id else "",
            "punt_anker": nummering.anker_schouwpunt(mr.schouwpunt_id) if mr.schouwpunt_id in in_set else "",
        }
        if mr.soort in SCHOUW or mr.schouwpunt_id:
            schouw.append(regel)
        elif mr.soort in COMMUNICATIE:
            communicatie.append(regel)
        else:
            overig.append(regel)
    return {
        "resultaat": resultaat,
        "tot": tot,
        "schouw": schouw,
        "communicatie": communicatie,
        "overig": overig,
        "eerste": g.cyclus.soort == "eerste",
    }


BALK = {"uitgevoerd": "#1d6b35", "vervallen": "#4a5561"}  # matrix bars by status (the legend: plan.html, _stijl.html)
GEPLAND = "#2f5f98"


def _jaarvakken(rij) -> list[tuple[int, str]]:
    """A matrix row's quarters as one cell per year of the cycle, its planned quarters painted by one
    background gradient: three cells a row instead of twelve (each cell is styled, laid out and given
    collapsed borders), the same picture. Returns (colspan, style) per year."""
    kleur = BALK.get(rij.maatregel.status, GEPLAND)
    jaren: dict[int, list[bool]] = {}
    for k, aan in rij.cellen:
        jaren.setdefault(k.jaar, []).append(aan)
    vakken = []
    for aan in jaren.values():
        n = len(aan)
        if not any(aan):
            vakken.append((n, ""))
            continue
        stukken: list[list] = []  # [colour, first quarter, last quarter + 1]
        for i, a in enumerate(aan):
            c = kleur if a else "#fff"
            if stukken and stukken[-1][0] == c:
                stukken[-1][2] = i + 1
            else:
                stukken.append([c, i, i + 1])
        stops = ", ".join(f"{c} {100 * van / n:.4g}%, {c} {100 * tot / n:.4g}%" for c, van, tot in stukken)
        vakken.append((n, f"background-image: linear-gradient(to right, {stops}); background-repeat: no-repeat"))
    return vakken


def _bijeenkomsten(g: Gegevens) -> dict:
    from aanpak.models import Voortgang
    from werkgroepen.models import Bijeenkomst, Lid

    lijst = Bijeenkomst.objects.filter(werkgroep=g.werkgroep, datum__lte=min(g.einde, g.datum))
    if g.cyclus.nummer > 1:  # the first cycle's record includes the kick-off before it started
        lijst = lijst.filter(datum__gte=g.cyclus.start)
    lijst = list(
        lijst.prefetch_related(
            Prefetch("aanwezigen", queryset=Lid.objects.select_related("partij").order_by("naam"))
        ).order_by("datum", "pk")
    )
    plan = g.plan()
    voortgang = (
        list(
            Voortgang.objects.filter(maatregel__plan=plan, datum__lte=g.datum)
            .select_related("maatregel")
            .order_by("datum", "pk")
        )
        if plan is not None
        else []
    )
    per_bijeenkomst: dict[int, list] = {}
    los = []
    for v in voortgang:
        if v.bijeenkomst_id:
            per_bijeenkomst.setdefault(v.bijeenkomst_id, []).append(v)
        else:
            los.append(v)
    nummers = g.maatregel_nummers()
    for v in voortgang:  # the measure by its number in the matrix, linked to its row
        v.maatregel_label = nummers.get(v.maatregel_id, "")
        v.maatregel_anker = nummering.anker_maatregel(v.maatregel_id) if v.maatregel_label else ""
    for b in lijst:
        b.voortgang_lijst = per_bijeenkomst.get(b.pk, [])
    return {"bijeenkomsten": lijst, "losse_voortgang": los, **bewijs.bijeenkomsten_per_jaar(g, lijst)}


def _evaluaties(g: Gegevens) -> dict:
    from aanpak.models import Evaluatie
    from aanpak.models.evaluatie import VRAGEN_DERDE_JAAR, VRAGEN_MAATREGELEN, VRAGEN_SAMENWERKING
    from aanpak.selectors import doelbereik, evaluaties_van

    lijst = [e for e in evaluaties_van(g.cyclus) if e.datum <= g.datum]
    plan = g.plan()
    for e in lijst:
        delen = [  # the handbook's headings and questions (§4.4.1, §4.4.2)
            ("Evaluatie op de maatregelen (§4.4.1)", VRAGEN_MAATREGELEN),
            ("Evaluatie op de samenwerking en processtappen (§4.4.1)", VRAGEN_SAMENWERKING),
        ]
        if e.soort == Evaluatie.Soort.DERDE_JAAR:
            delen.append(("Evaluatie in het derde jaar: de doelstellingen (§4.4.2)", VRAGEN_DERDE_JAAR))
        e.delen = [(titel, [(str(tekst), getattr(e, veld)) for veld, tekst in vragen]) for titel, vragen in delen]
        e.bereik = doelbereik(plan) if plan is not None and e.jaar == 3 else []
    return {"evaluaties": lijst}


@dataclass(frozen=True)
class Verwijzing:
    """One link of the evidence index: the anchor in the set and what the auditor finds there."""

    anker: str
    wat: str
    onderdeel: Onderdeel


def verwijzingen(ankers=None) -> dict[str, list[Verwijzing]]:
    """Per rule ID the places of the set that hold its evidence, from the parts' ``bewijst``. With
    ``ankers`` (the ids the rendered parts printed), an anchor a part did not print (its section is
    absent for lack of data) falls back to the part's own anchor, so a link never points nowhere."""
    uit: dict[str, list[Verwijzing]] = {}
    for o in ONDERDELEN:
        for b in o.bewijst:
            anker = o.anker_van(b)
            if ankers is not None and anker not in ankers:
                anker = o.anker
            lijst = uit.setdefault(b.eis, [])
            if all(v.anker != anker for v in lijst):
                lijst.append(Verwijzing(anker, b.wat or o.titel, o))
    return uit


def _bewijs(g: Gegevens) -> dict:
    """The evidence index (issue 22): every rule of eisen.md as of the reference date with its status,
    the explanation the check gives (the figures it used) and links to where the set proves it."""
    from kvo.eisen import GROEPEN
    from kvo.toets import Gereedheid

    resultaten = g.toets()
    per_eis = verwijzingen(g.cache.get("ankers"))
    regels = [(r, per_eis.get(r.id, [])) for r in resultaten]
    return {
        "groepen": [(groep, [(r, v) for r, v in regels if r.eis.groep == groep]) for groep in GROEPEN],
        "gereedheid": Gereedheid.uit(resultaten),
    }


B = Bewijs
ONDERDELEN: tuple[Onderdeel, ...] = (
    Onderdeel("voorblad", "Voorblad", _voorblad, bewijst=(
        B("audit.contactpersoon", "voorblad-audit", "Voorblad: audit en contactpersoon"),
        B("audit.aanlevering", "voorblad-set", "Voorblad: peildatum en aanlevering"),
        B("audit.audittijd", "voorblad-audit", "Voorblad: audit"),
        B("audit.aanwezigheid", "voorblad-audit", "Voorblad: audit"),
        B("audit.aanvullingen", "voorblad-audit", "Voorblad: audit"),
        B("audit.rapport", "voorblad-audit", "Voorblad: audit"),
        B("certificaat.geldigheid", "voorblad-audit", "Voorblad: audit en keurmerk"),
        B("certificaat.inhoud", "voorblad-audit", "Voorblad: audit"),
        B("certificaat.cluster", "voorblad-terreinen", "Voorblad: bedrijventerreinen"),
    )),
    Onderdeel("inhoud", "Inhoud", _inhoud, los=False, bewijst=(
        B("audit.documentenset", "", "Inhoud van de set"),
    )),
    Onderdeel("bewijs", "Eisen en bewijs", _bewijs, "5.2.1", los=False, na_de_rest=True),
    Onderdeel("partijen", "Partijen en leden", _partijen, "3.2–3.5", bewijst=(
        B("werkgroep.verplichte-partijen", "partijen-partijen", "Partijen in de werkgroep"),
        B("werkgroep.ondernemersvereniging", "partijen-partijen", "Partijen in de werkgroep"),
        B("werkgroep.ledenlijst", "partijen-leden", "Leden"),
        B("cluster.vertegenwoordiging", "partijen-leden", "Leden per terrein"),
        B("werkgroep.rollen", "partijen-rollen", "Rollen"),
        B("werkgroep.woordvoerder", "partijen-rollen", "Rollen"),
        B("werkgroep.app-beheerder", "partijen-rollen", "Rollen"),
        B("werkgroep.correspondentieadres", "partijen-organisatie", "Organisatiestructuur: correspondentieadres"),
        B("werkgroep.afspraken", "partijen-afspraken", "Samenwerkingsafspraken"),
        B("werkgroep.bewaartermijn", "partijen-afspraken", "Samenwerkingsafspraken: bewaartermijn"),
    )),
    Onderdeel("gebied", "Het KVO-gebied", _gebied, "3.1", bewijst=(
        B("gebied.kaart", "", "Kaart van het gebied"),
        B("gebied.max-ondernemers", "gebied-terreinen", "Bedrijventerreinen en ondernemers"),
        B("cluster.max-terreinen", "gebied-terreinen", "Bedrijventerreinen"),
        B("cluster.een-gemeente", "gebied-terreinen", "Bedrijventerreinen en gemeenten"),
        B("cluster.regie", "gebied-terreinen", "Bedrijventerreinen en regie-organisatie"),
    )),
    Onderdeel("archief", "Archief: documentenindex", bewijs.archief, "3.6", bewijst=(
        B("werkgroep.bewaartermijn", "", "Archief: versies en bewaartermijn"),
    )),
    Onderdeel("communicatie", "Communicatie naar de ondernemers", bewijs.communicatie, "3.7", bewijst=(
        B("werkgroep.communicatie", "", "Communicatie naar de ondernemers, per jaar"),
    )),
    Onderdeel("enquete", "Veiligheidsanalyse: enquête", _enquete, "4.1.1", bewijst=(
        B("enquete.minimum-blokken", "enquete-vragen", "Enquête: vragen per onderwerpblok"),
        B("enquete.open-vragen", "enquete-vragen", "Enquête: vragen per onderwerpblok"),
        B("enquete.persoonlijk", "enquete-respons", "Enquête: respons"),
        B("enquete.cluster-gelijk", "enquete-respons", "Enquête: respons per terrein"),
        B("enquete.respons", "enquete-respons", "Enquête: respons per terrein"),
        B("enquete.anoniem", "enquete-respons", "Enquête: anonimiteit"),
    )),
    Onderdeel("cijfers", "Incidentcijfers", _cijfers, "4.1.2", bewijst=(
        B("cijfers.politie-brandweer", "cijfers-dekking", "Incidentcijfers: dekking per bron"),
        B("cijfers.gemeente", "cijfers-dekking", "Incidentcijfers: dekking per bron"),
    )),
    Onderdeel("schouw", "Schouwrapport", _schouw, "4.1.3", bewijst=(
        B("schouw.dag-en-avond", "schouw-toetsing", "Schouwrapport"),
        B("schouw.deelname", "schouw-toetsing", "Schouwrapport"),
        B("schouw.punten", "schouw-toetsing", "Schouwrapport: punten met foto"),
        B("schouw.positief", "schouw-toetsing", "Schouwrapport"),
        B("schouw.rapport", "schouw-toetsing", "Schouwrapport"),
    )),
    Onderdeel("conclusie", "Conclusie van de analyse", _conclusie, "4.1.4", bewijst=(
        B("analyse.conclusie", "", "Conclusie van de analyse"),
        B("evaluatie.vernieuwing", "", "Conclusie van de (nieuwe) analyse"),
    )),
    Onderdeel("plan", "Plan van aanpak en maatregelenmatrix", _plan, "4.2", liggend=True, bewijst=(
        B("pva.smart", "plan-doelen", "Doelstellingen"),
        B("pva.thema-dekking", "plan-doelen", "Doelstellingen per thema"),
        B("pva.vastgesteld", "", "Plan van aanpak: vaststelling"),
        B("evaluatie.vernieuwing", "", "Plan van aanpak"),
        B("audit.eerste-maatregelen", "plan-eerste-maatregelen", "Uitgevoerde maatregelen (§5.2.2)"),
        B("pva.maatregel-velden", "plan-matrix", "Maatregelenmatrix"),
        B("pva.schouwpunten", "plan-matrix", "Maatregelenmatrix"),
        B("pva.verdeling", "plan-matrix", "Maatregelenmatrix: verantwoordelijken"),
        B("pva.vaste-maatregelen", "plan-matrix", "Maatregelenmatrix: vaste maatregelen"),
        B("audit.uitgevoerd", "plan-matrix", "Maatregelenmatrix: status"),
        B("pva.voortgang", "plan-matrix", "Maatregelenmatrix: status"),
    )),
    Onderdeel("bijeenkomsten", "Bijeenkomsten en voortgang", _bijeenkomsten, "3.6, 4.3.1", bewijst=(
        B("werkgroep.bijeenkomsten", "", "Bijeenkomsten"),
        B("pva.voortgang", "", "Voortgang per bijeenkomst"),
    )),
    Onderdeel("evaluaties", "Evaluaties", _evaluaties, "4.4", bewijst=(
        B("evaluatie.jaarlijks", "", "Evaluaties"),
        B("evaluatie.derde-jaar", "", "Evaluaties: doelbereik"),
    )),
)  # fmt: skip
PER_SLEUTEL = {o.sleutel: o for o in ONDERDELEN}


def onderdeel(sleutel: str) -> Onderdeel | None:
    o = PER_SLEUTEL.get(sleutel)
    return o if o is not None and o.los else None
