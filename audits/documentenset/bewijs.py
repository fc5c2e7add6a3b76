"""Evidence the product records that the document set shows beside its older parts (issue 22).

Each function reads one piece of evidence for a part of the set (``onderdelen``), with the handbook §
it proves, and keeps to the set's reference date (``Gegevens.datum``): nothing dated after it.

- §3.3 the correspondence address and the relation with the entrepreneurs' association and a BIZ;
- §3.5 the letter of intent or covenant: signed or not, the date, the document in the archive;
- §3.6 the archive index: every document with its versions, superseded ones marked, retention;
- §3.7 the communications log;
- §4.1.1 the invitations (by e-mail and by letter, reminders per round) and the survey's blocks;
- §4.2.4 per measure the time it takes, the expertise, how progress is established, the quarter it
  was carried out in, why it was cancelled; the measures per party;
- §4.3.1 the meetings counted per year of the cycle;
- §6.3.1 the planned audit time.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

# Archive documents of these kinds are the letter of intent or covenant of §3.5 (the dossier's
# ``soort``: "intentieverklaring", "convenant", ...).
SOORTEN_INTENTIE = ("intentieverklaring", "convenant")


def uren(waarde: Decimal | float | int | None) -> str:
    """Hours in Dutch notation: 11 → "11 uur", 8.5 → "8,5 uur"; "" when not planned."""
    if waarde is None:
        return ""
    getal = Decimal(str(waarde)).normalize()
    return f"{getal:f}".replace(".", ",") + " uur"


def _cyclus_vanaf(g) -> dt.date | None:
    """The first day that belongs to the cycle's record: none for a first cycle (its kick-off and
    preparation came before its start), the start for later cycles (as the meetings part)."""
    return g.cyclus.start if g.cyclus.nummer > 1 else None


# --- §3.3, §3.5 ------------------------------------------------------------------------------


def organisatie(g) -> dict:
    """The correspondence address (§3.3), the relation with the association and a BIZ (§3.3), and
    the letter of intent or covenant (§3.5) with its archive document, as of the reference date."""
    from werkgroepen import selectors

    wg = g.werkgroep
    afspraken = selectors.afspraken(wg)
    if afspraken is not None and afspraken.vastgesteld_op and afspraken.vastgesteld_op > g.datum:
        afspraken = None
    getekend = wg.intentieverklaring_op if wg.intentieverklaring_op and wg.intentieverklaring_op <= g.datum else None
    stukken = [
        d
        for d in archief_documenten(g)
        if any(s in (d.soort or "").casefold() or s in d.titel.casefold() for s in SOORTEN_INTENTIE)
    ]
    return {
        "adres": {
            "naam": wg.adres_naam,
            "straat": wg.adres_straat,
            "postcode": wg.adres_postcode,
            "plaats": wg.adres_plaats,
            "volledig": wg.heeft_correspondentieadres,
        },
        "relatie_ov": (afspraken.relatie_ondernemersvereniging if afspraken else "") or "",
        "ondernemersfonds": (afspraken.ondernemersfonds if afspraken else "") or "",
        "intentie": {
            "getekend_op": getekend,
            "referentie": wg.convenant_referentie,
            "documenten": stukken,
        },
    }


# --- §3.6 the archive index ------------------------------------------------------------------


@dataclass
class ArchiefVersie:
    versie: int
    bestandsnaam: str
    geupload_op: dt.date
    toelichting: str
    vervallen: bool  # superseded by a newer version (on the reference date)


@dataclass
class ArchiefDocument:
    pk: int
    titel: str
    soort: str
    bewaren_tot: dt.date | None
    versies: list[ArchiefVersie]  # newest first

    @property
    def actueel(self) -> ArchiefVersie:
        return self.versies[0]


def archief_documenten(g) -> list[ArchiefDocument]:
    """The archive as it stood on the reference date: documents with a version uploaded by then,
    each with those versions (newest first, the older ones marked superseded)."""
    if "archief" in g.cache:
        return g.cache["archief"]
    from werkgroepen.selectors import documenten

    uit = []
    for d in documenten(g.werkgroep):
        versies = sorted((v for v in d.versies.all() if v.geupload_op <= g.datum), key=lambda v: -v.versie)
        if not versies:
            continue  # uploaded after the reference date
        uit.append(
            ArchiefDocument(
                d.pk,
                d.titel,
                d.soort or "",
                d.bewaren_tot,
                [
                    ArchiefVersie(v.versie, v.downloadnaam, v.geupload_op, v.toelichting or "", i > 0)
                    for i, v in enumerate(versies)
                ],
            )
        )
    g.cache["archief"] = uit
    return uit


def archief(g) -> dict:
    from werkgroepen import selectors

    lijst = archief_documenten(g)
    afspraken = selectors.afspraken(g.werkgroep)
    termijn = afspraken.bewaartermijn_jaren if afspraken is not None else None
    return {
        "documenten": lijst,
        "aantal_versies": sum(len(d.versies) for d in lijst),
        "aantal_vervallen": sum(1 for d in lijst for v in d.versies if v.vervallen),
        "bewaartermijn": termijn,
        "verlopen": [d for d in lijst if d.bewaren_tot is not None and d.bewaren_tot < g.datum],
    }


# --- §3.7 the communications log -------------------------------------------------------------


def communicatie(g) -> dict:
    from kvo.toets import cyclus_jaren
    from werkgroepen import selectors

    vanaf = _cyclus_vanaf(g)
    tot = min(g.einde, g.datum)
    lijst = sorted(
        (c for c in selectors.communicaties(g.werkgroep) if c.datum <= tot and (vanaf is None or c.datum >= vanaf)),
        key=lambda c: (c.datum, c.pk),
    )
    jaren = cyclus_jaren(g.cyclus.start, g.datum)
    telling = selectors.per_jaar(
        lijst, [j for j in jaren if j.start <= g.datum], lambda c: c.alle_ondernemers,
        selectors.MINIMUM_COMMUNICATIES, g.datum,
    )  # fmt: skip
    return {"communicaties": lijst, "per_jaar": telling, "minimum": selectors.MINIMUM_COMMUNICATIES}


# --- §4.1.1 invitations and blocks ------------------------------------------------------------


@dataclass
class Uitnodigingen:
    totaal: int
    per_mail: int
    per_brief: int
    papier: int
    rondes: list[tuple[int, int, dt.date | None]]  # (round, reminders sent, last sending date)


def uitnodigingen(enquete, datum: dt.date) -> Uitnodigingen:
    """How many entrepreneurs were invited, by e-mail and by letter, and the reminders sent per round
    up to ``datum`` (a round's rows carry the day they went out)."""
    from django.db.models import Count, Max, Q

    from analyse.models import EnqueteUitnodiging, Herinnering

    kanaal = EnqueteUitnodiging.Kanaal
    t = enquete.uitnodigingen.aggregate(
        totaal=Count("pk"),
        per_mail=Count("pk", filter=Q(kanaal=kanaal.EMAIL)),
        per_brief=Count("pk", filter=Q(kanaal=kanaal.BRIEF)),
        papier=Count("pk", filter=Q(papier=True)),
    )
    rondes = (
        Herinnering.objects.filter(
            uitnodiging__enquete=enquete, status=Herinnering.Status.VERSTUURD, verstuurd_op__lte=datum
        )
        .values("ronde")
        .annotate(n=Count("pk"), laatst=Max("verstuurd_op"))
        .order_by("ronde")
    )
    return Uitnodigingen(rondes=[(r["ronde"], r["n"], r["laatst"]) for r in rondes], **t)


def enquete(g, enquete) -> dict:
    """The invitations and the survey's coverage of the handbook's blocks: 20 counted blocks of the
    mandatory themes, the 3 open questions (16, 23, 33), and the work group's own themes."""
    from analyse import catalogus
    from analyse.selectors.enquete import dekking_van, vragen_per_thema

    dekking = dekking_van(enquete)
    eigen = [(t.naam, len(t.vragen)) for t in vragen_per_thema(enquete) if t.is_eigen]
    return {
        "uitnodigingen": uitnodigingen(enquete, g.datum),
        "dekking": dekking,
        "themas_blokken": [(d, [catalogus.BLOKKEN[b] for b in d.gekozen]) for d in dekking.themas],
        "open_blokken": [(catalogus.BLOKKEN[b], aanwezig) for b, aanwezig in dekking.open_vragen],
        "eigen_themas": eigen,
    }


# --- §4.2.4 the matrix's details --------------------------------------------------------------


def maatregelen(g, matrix) -> dict:
    """Per measure of the matrix: time, expertise, how progress is established, the quarter it was
    carried out in, why it was cancelled; and the measures per responsible party (§4.2.4)."""
    from aanpak.kwartalen import code_van

    korte = {k.code: k.kort for k in matrix.kwartalen}
    rijen = []
    for groep in matrix.groepen:
        for r in groep.rijen:
            m = r.maatregel
            uitgevoerd = m.uitgevoerd_op if m.uitgevoerd_op and m.uitgevoerd_op <= g.datum else None
            m.uitgevoerd_kwartaal = korte.get(code_van(uitgevoerd), "") if uitgevoerd else ""
            m.reden_vervallen = (m.wijziging_reden or "") if m.status == "vervallen" else ""
            rijen.append(m)
    per_partij: dict[str, Counter] = {}
    for m in rijen:
        naam = m.verantwoordelijke.naam if m.verantwoordelijke_id else "(geen partij)"
        per_partij.setdefault(naam, Counter())[m.status] += 1
    rijen_partij = (
        (naam, c.total(), c["gepland"], c["lopend"], c["uitgevoerd"], c["vervallen"]) for naam, c in per_partij.items()
    )
    partijen = sorted(
        rijen_partij,
        key=lambda p: (p[0] == "(geen partij)", p[0].casefold()),
    )
    return {"maatregel_details": rijen, "per_partij": partijen}


# --- §4.3.1 meetings per year ------------------------------------------------------------------


def bijeenkomsten_per_jaar(g, lijst) -> dict:
    from kvo.toets import cyclus_jaren
    from werkgroepen import selectors
    from werkgroepen.services.administratie import MINIMUM_BIJEENKOMSTEN

    jaren = [j for j in cyclus_jaren(g.cyclus.start, g.datum) if j.start <= g.datum]
    telling = selectors.per_jaar(lijst, jaren, selectors.bijeenkomst_telt, MINIMUM_BIJEENKOMSTEN, g.datum)
    # a first cycle's record includes the kick-off before its start: counted apart, not in year 1
    voor = [b for b in lijst if b.datum < g.cyclus.start]
    for b in lijst:
        b.telt_reden = selectors.bijeenkomst_reden(b)
    return {
        "per_jaar": telling,
        "minimum_bijeenkomsten": MINIMUM_BIJEENKOMSTEN,
        "voor_start": sum(1 for b in voor if selectors.bijeenkomst_telt(b)),
    }


# --- §6.3.1 the planned audit time --------------------------------------------------------------


def audittijd(g) -> dict:
    from audits.regels import minimum_uren

    if g.audit is None:
        return {"audittijd": "", "audittijd_minimum": ""}
    return {
        "audittijd": uren(g.audit.geplande_uren),
        "audittijd_minimum": uren(minimum_uren(len(g.terreinen()))),
    }
