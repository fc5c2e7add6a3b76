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

from audits.documentenset import bewijs


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
class Onderdeel:
    sleutel: str
    titel: str
    bouw: Callable[[Gegevens], dict]
    paragraaf: str = ""
    liggend: bool = False  # the part (or its matrix) is on landscape pages
    los: bool = True  # downloadable on its own

    @property
    def template(self) -> str:
        return f"pdf/documentenset/{self.sleutel}.html"


# --- the builders ----------------------------------------------------------------------------


def _voorblad(g: Gegevens) -> dict:
    from werkgroepen import selectors
    from werkgroepen.models import Rol

    actief = selectors.actieve_leden(selectors.leden(g.werkgroep), g.datum)
    rollen = selectors.rollen_stand(actief)
    contact = g.audit.contactpersoon if g.audit is not None and g.audit.contactpersoon_id else None
    return {
        "terreinen": g.terreinen(),
        "contact": contact.naam if contact else "",
        "voorzitter": ", ".join(lid.naam for lid in rollen[Rol.VOORZITTER]),
        "secretaris": ", ".join(lid.naam for lid in rollen[Rol.SECRETARIS]),
        **bewijs.audittijd(g),
    }


def _inhoud(g: Gegevens) -> dict:
    return {"onderdelen": [o for o in ONDERDELEN if o.sleutel not in ("voorblad", "inhoud")]}


def _partijen(g: Gegevens) -> dict:
    from werkgroepen import selectors
    from werkgroepen.models import Rol

    alle = selectors.leden(g.werkgroep)
    actief = selectors.actieve_leden(alle, g.datum)
    # Members who left during the cycle are part of its record; earlier ones are not.
    vertrokken = [lid for lid in selectors.voormalige_leden(alle, g.datum) if lid.lid_tot >= g.cyclus.start]
    rollen = dict(Rol.choices)
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
        "kaart": _zonder_halo(gebied_svg(terreinen, locaties, breedte=720, hoogte=480)),
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
    from analyse.selectors.enquete import enquete_van

    enquete = enquete_van(g.cyclus)
    if enquete is not None and enquete.is_verstuurd and enquete.geopend_op > g.datum:
        enquete = None  # sent after the reference date: not part of this set
    if enquete is None or not enquete.is_verstuurd:
        return {"enquete": enquete, "res": None}
    # A choice question is one table with a bar per answer (the template), not the web page's SVG
    # chart above a table of the same figures: WeasyPrint sets SVG text letter by letter, and the
    # survey's charts took a third of that chapter's time.
    res = selectors.resultaten(enquete, None)
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
    from analyse.checks.schouw import schouwen_van
    from analyse.models import Schouw
    from analyse.views.schouw import IDS
    from kvo.toets import voer_toets_uit

    lijst = [s for s in schouwen_van(g.cyclus) if s.datum <= g.datum]
    aanwezigen = {}
    if lijst:
        for s in Schouw.objects.filter(pk__in=[s.pk for s in lijst]).prefetch_related("aanwezigen__partij"):
            aanwezigen[s.pk] = sorted(s.aanwezigen.all(), key=lambda lid: lid.naam)
    foto = 0
    for s in lijst:
        s.aanwezigen_lijst = aanwezigen.get(s.pk, [])
        s.punten_lijst = list(s.punten.all())
        for p in s.punten_lijst:
            if p.foto:
                foto += 1
                p.foto_nummer = foto
        s.rijen = [s.punten_lijst[i : i + 2] for i in range(0, len(s.punten_lijst), 2)]  # two photos a row
    return {
        "schouwen": lijst,
        "aantal_fotos": foto,
        "resultaten": voer_toets_uit(g.werkgroep, cyclus=g.cyclus, datum=g.datum, ids=IDS),
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
    from aanpak.models import Maatregel
    from aanpak.selectors import doelenoverzicht, matrix

    plan = g.plan()
    if plan is None:
        return {"plan": None}
    overzicht = doelenoverzicht(plan)
    m = matrix(plan, g.datum)
    for groep in m.groepen:
        for r in groep.rijen:
            if r.maatregel.uitgevoerd_op and r.maatregel.uitgevoerd_op > g.datum:  # carried out later
                r.maatregel.status, r.maatregel.uitgevoerd_op = Maatregel.Status.GEPLAND, None
            r.vakken = _jaarvakken(r)
    return {
        "plan": plan,
        "themas": [t for t in overzicht.themas if t.doelen],
        "dekking": overzicht.dekking,
        "matrix": m,
        # adopted after the reference date: "not yet adopted" in this set
        "vastgesteld_op": plan.vastgesteld_op if plan.vastgesteld_op and plan.vastgesteld_op <= g.datum else None,
        **bewijs.maatregelen(g, m),
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


ONDERDELEN: tuple[Onderdeel, ...] = (
    Onderdeel("voorblad", "Voorblad", _voorblad),
    Onderdeel("inhoud", "Inhoud", _inhoud, los=False),
    Onderdeel("partijen", "Partijen en leden", _partijen, "3.2–3.5"),
    Onderdeel("gebied", "Het KVO-gebied", _gebied, "3.1"),
    Onderdeel("archief", "Archief: documentenindex", bewijs.archief, "3.6"),
    Onderdeel("communicatie", "Communicatie naar de ondernemers", bewijs.communicatie, "3.7"),
    Onderdeel("enquete", "Veiligheidsanalyse: enquête", _enquete, "4.1.1"),
    Onderdeel("cijfers", "Incidentcijfers", _cijfers, "4.1.2"),
    Onderdeel("schouw", "Schouwrapport", _schouw, "4.1.3"),
    Onderdeel("conclusie", "Conclusie van de analyse", _conclusie, "4.1.4"),
    Onderdeel("plan", "Plan van aanpak en maatregelenmatrix", _plan, "4.2", liggend=True),
    Onderdeel("bijeenkomsten", "Bijeenkomsten en voortgang", _bijeenkomsten, "3.5, 4.3"),
    Onderdeel("evaluaties", "Evaluaties", _evaluaties, "4.4"),
)
PER_SLEUTEL = {o.sleutel: o for o in ONDERDELEN}


def onderdeel(sleutel: str) -> Onderdeel | None:
    o = PER_SLEUTEL.get(sleutel)
    return o if o is not None and o.los else None
