"""``cycli[].plan`` and ``cycli[].evaluaties`` of the ``kvo-dossier/1`` format (§4.2–§4.4).

The plan: its adoption (date and the meeting's ref), the SMART goals and the measures matrix with
the progress notes, each list in its order (``volgorde`` is the list position on import). A
measure names its goal, the inspection point it takes up (of any cycle) and its party by ref.
A goal carries its ``norm`` and ``blok`` itself (the schema's own keys); files written before the
schema had them carried them at plan level as ``x-doelstellingen`` (goal ref → ``norm`` and
``blok``), which import still reads (the goal's own keys win) and export no longer writes. A goal
without ``norm`` stays without one: ``Doelstelling.soort_norm`` reads a numeric ``nulmeting`` and
``streefwaarde`` as the norm (eisen.md ``pva.smart``), so a round trip gives back the same file.
The plan still carries ``x-maatregelen`` (measure ref → ``jaar``, for a fixed measure whose year of
the cycle is not the year of its first quarter; on import a fixed measure without it takes that year). Other ``x-``
keys of the plan are kept in ``Plan.extra``. Progress notes carry no author (``auteur_naam`` "").

The evaluations: one per year of the cycle, ordered by year, improvement points left out when
there are none.
"""

from __future__ import annotations

from aanpak import dossier_pvo, kwartalen
from aanpak.models import Doelstelling, Evaluatie, Maatregel, Plan, Voortgang
from aanpak.models.evaluatie import VRAGEN_DERDE_JAAR, VRAGEN_MAATREGELEN, VRAGEN_SAMENWERKING
from kvo.dossier.fouten import pad
from kvo.dossier.hulp import datum, dubbele_refs, met_extra, te_lang, x_sleutels, zet
from kvo.dossier.registry import CyclusDeel, registreer
from kvo.geschiedenis import bulk_maken

X_DOELEN = "x-doelstellingen"
X_MAATREGELEN = "x-maatregelen"
X_PVO = dossier_pvo.X_PVO  # PVO's execution plan (aanpak.dossier_pvo)
DOEL_TEKSTEN = ("specifiek", "meetbaar", "acceptabel", "realistisch")
EVALUATIE_TEKSTEN = tuple(v for v, _ in (*VRAGEN_MAATREGELEN, *VRAGEN_SAMENWERKING, *VRAGEN_DERDE_JAAR))


def _getal(waarde: float | None) -> float | int | None:
    """A stored float as the dossier wrote it: 35.0 → 35."""
    return int(waarde) if isinstance(waarde, float) and waarde.is_integer() else waarde


def _afgeleid_jaar(start, codes: list[str]) -> int | None:
    """The year of the cycle of a measure's first quarter."""
    return kwartalen.jaar_van(start, codes[0]) if codes else None


# --- plan ------------------------------------------------------------------------------------


def _plan_export(cyclus, voor_ci: bool) -> dict:
    plan = Plan.objects.filter(cyclus=cyclus).select_related("vastgesteld_in").first()
    if plan is None:
        return {}
    doelen = []
    for d in plan.doelstellingen.order_by("volgorde", "pk"):
        item = {"ref": d.ref, "thema": dossier_pvo.thema_export(d.thema, cyclus), "titel": d.titel}
        for veld in DOEL_TEKSTEN:
            zet(item, veld, getattr(d, veld))
            if veld == "meetbaar":  # the schema's order: the norm follows what "meetbaar" says
                zet(item, "norm", d.norm)
                zet(item, "blok", d.blok)
        zet(item, "tijdgebonden", d.tijdgebonden)
        zet(item, "nulmeting", _getal(d.nulmeting))
        zet(item, "streefwaarde", _getal(d.streefwaarde))
        zet(item, "behaald", d.behaald)
        doelen.append(met_extra(item, d.extra))  # a goal's own x- keys (the schema allows them)
    maatregelen, x_maatregelen = [], {}
    rijen = (
        plan.maatregelen.order_by("volgorde", "pk")
        .select_related("doelstelling", "schouwpunt", "verantwoordelijke")
        .prefetch_related("voortgang")
    )
    for m in rijen:
        item = {"ref": m.ref, "titel": m.titel}
        zet(item, "doelstelling", m.doelstelling.ref if m.doelstelling else None)
        item["soort"] = m.soort
        zet(item, "schouwpunt", m.schouwpunt.ref if m.schouwpunt else None)
        zet(item, "verantwoordelijke", m.verantwoordelijke.ref if m.verantwoordelijke else None)
        zet(item, "kwartalen", list(m.kwartalen or []))
        zet(item, "benodigde_tijd", m.benodigde_tijd)
        zet(item, "deskundigheid", m.deskundigheid)
        zet(item, "voortgangsmeting", m.voortgangsmeting)
        item["status"] = m.status
        zet(item, "uitgevoerd_op", m.uitgevoerd_op)
        zet(item, "wijziging_reden", m.wijziging_reden)
        notities = sorted(m.voortgang.all(), key=lambda v: v.pk)
        zet(item, "voortgang", [{"datum": v.datum.isoformat(), "tekst": v.tekst} for v in notities])
        maatregelen.append(item)
        if m.is_vast and m.jaar is not None and m.jaar != _afgeleid_jaar(cyclus.start, m.kwartalen or []):
            x_maatregelen[m.ref] = {"jaar": m.jaar}
    uit: dict = {}
    zet(uit, "vastgesteld_op", plan.vastgesteld_op)
    zet(uit, "vastgesteld_in", plan.vastgesteld_in.ref if plan.vastgesteld_in else None)
    zet(uit, "doelstellingen", doelen)
    zet(uit, "maatregelen", maatregelen)
    met_extra(uit, {k: v for k, v in (plan.extra or {}).items() if k not in (X_DOELEN, X_MAATREGELEN, X_PVO)})
    zet(uit, X_MAATREGELEN, x_maatregelen)
    zet(uit, X_PVO, dossier_pvo.export(plan, [m.ref for m in rijen if m.integraal], cyclus))
    return {"plan": uit}


def _x_problemen(plan: dict, basis: tuple, doel_refs: set, maatregelen: list[dict]) -> list[str]:
    """The shape of ``x-doelstellingen`` (older files) and ``x-maatregelen`` (free in the schema, read
    on import)."""
    problemen = []
    normen = [n.value for n in Doelstelling.Norm]
    x_doelen = plan.get(X_DOELEN)
    if x_doelen is not None and not isinstance(x_doelen, dict):
        problemen.append(f"{pad(*basis, X_DOELEN)}: verwacht een object (ref van de doelstelling → norm en blok)")
    for ref, waarde in (x_doelen if isinstance(x_doelen, dict) else {}).items():
        plek = (*basis, X_DOELEN, ref)
        if ref not in doel_refs:
            problemen.append(f'{pad(*plek)}: onbekende doelstelling "{ref}"')
        if not isinstance(waarde, dict) or set(waarde) - {"norm", "blok"}:
            problemen.append(f'{pad(*plek)}: verwacht een object met alleen "norm" en "blok"')
            continue
        if waarde.get("norm") not in (None, "", *normen):
            problemen.append(f'{pad(*plek, "norm")}: onbekende norm "{waarde["norm"]}" (kies uit {", ".join(normen)})')
        blok = waarde.get("blok")
        if blok is not None and (isinstance(blok, bool) or not isinstance(blok, int) or not 1 <= blok <= 44):
            problemen.append(f"{pad(*plek, 'blok')}: verwacht een onderwerpblok van 1 tot en met 44")
    x_maatregelen = plan.get(X_MAATREGELEN)
    if x_maatregelen is not None and not isinstance(x_maatregelen, dict):
        problemen.append(f"{pad(*basis, X_MAATREGELEN)}: verwacht een object (ref van de maatregel → jaar)")
    soorten = {m["ref"]: m["soort"] for m in maatregelen}
    for ref, waarde in (x_maatregelen if isinstance(x_maatregelen, dict) else {}).items():
        plek = (*basis, X_MAATREGELEN, ref)
        if ref not in soorten:
            problemen.append(f'{pad(*plek)}: onbekende maatregel "{ref}"')
        elif not soorten[ref].startswith("vast-"):
            problemen.append(f"{pad(*plek)}: alleen een vaste maatregel heeft een jaar van de cyclus")
        jaar = waarde.get("jaar") if isinstance(waarde, dict) else None
        if not isinstance(waarde, dict) or set(waarde) != {"jaar"} or jaar not in (1, 2, 3) or isinstance(jaar, bool):
            problemen.append(f'{pad(*plek)}: verwacht {{"jaar": 1, 2 of 3}}')
    return problemen


def _plan_check(dossier: dict, i: int, bestanden: dict[str, bytes]) -> list[str]:
    cyclus = dossier["cycli"][i]
    plan = cyclus.get("plan") or {}
    basis = ("cycli", i, "plan")
    doelen = plan.get("doelstellingen") or []
    maatregelen = plan.get("maatregelen") or []
    problemen = dubbele_refs(doelen, *basis, "doelstellingen")
    problemen += te_lang(doelen, Doelstelling, ("ref", "thema", "titel"), *basis, "doelstellingen")
    problemen += dubbele_refs(maatregelen, *basis, "maatregelen")
    problemen += te_lang(maatregelen, Maatregel, ("ref", "titel", "benodigde_tijd"), *basis, "maatregelen")
    ref = plan.get("vastgesteld_in")
    if ref is not None and ref not in {b["ref"] for b in dossier.get("bijeenkomsten", [])}:
        problemen.append(f'{pad(*basis, "vastgesteld_in")}: onbekende bijeenkomst "{ref}"')
    doel_refs = {d["ref"] for d in doelen}
    punten = {p["ref"] for c in dossier["cycli"] for s in (c.get("schouwen") or []) for p in (s.get("punten") or [])}
    partijen = {p["ref"] for p in dossier.get("partijen", [])}
    cyclus_kwartalen = [k.code for k in kwartalen.van_cyclus(datum(cyclus["start"]))]
    for j, m in enumerate(maatregelen):
        plek = (*basis, "maatregelen", j)
        if m.get("doelstelling") is not None and m["doelstelling"] not in doel_refs:
            problemen.append(f'{pad(*plek, "doelstelling")}: onbekende doelstelling "{m["doelstelling"]}" in dit plan')
        if m.get("schouwpunt") is not None and m["schouwpunt"] not in punten:
            problemen.append(f'{pad(*plek, "schouwpunt")}: onbekend schouwpunt "{m["schouwpunt"]}"')
        if m.get("verantwoordelijke") is not None and m["verantwoordelijke"] not in partijen:
            problemen.append(f'{pad(*plek, "verantwoordelijke")}: onbekende partij "{m["verantwoordelijke"]}"')
        for k, code in enumerate(m.get("kwartalen") or []):
            if code not in cyclus_kwartalen:
                problemen.append(
                    f'{pad(*plek, "kwartalen", k)}: kwartaal "{code}" valt buiten de cyclus '
                    f"({cyclus_kwartalen[0]} tot en met {cyclus_kwartalen[-1]})"
                )
    problemen += _x_problemen(plan, basis, doel_refs, maatregelen)
    problemen += dossier_pvo.check(dossier, plan, basis)
    return problemen


def _plan_importeer(cyclus, gegevens: dict, ctx) -> None:
    bron = gegevens["plan"]
    ref = bron.get("vastgesteld_in")
    plan = Plan.objects.create(
        werkgroep=cyclus.werkgroep,
        cyclus=cyclus,
        vastgesteld_op=datum(bron.get("vastgesteld_op")),
        vastgesteld_in=ctx.objecten("bijeenkomsten")[ref] if ref else None,
        extra={k: v for k, v in x_sleutels(bron).items() if k not in (X_DOELEN, X_MAATREGELEN, X_PVO)},
    )
    x_doelen = bron.get(X_DOELEN) or {}  # where files before the goal's own keys kept norm and blok

    def norm_blok(d: dict) -> dict:
        oud = x_doelen.get(d["ref"], {})
        return {
            "norm": (d["norm"] if "norm" in d else oud.get("norm")) or "",
            "blok": d["blok"] if "blok" in d else oud.get("blok"),
        }

    doelen = bulk_maken(
        Doelstelling,
        plan.werkgroep_id,
        [
            Doelstelling(
                plan=plan,
                ref=d["ref"],
                thema=dossier_pvo.thema_import(d["thema"], cyclus),
                titel=d["titel"],
                **{veld: d.get(veld) for veld in DOEL_TEKSTEN},
                **norm_blok(d),
                nulmeting=d.get("nulmeting"),
                streefwaarde=d.get("streefwaarde"),
                tijdgebonden=datum(d.get("tijdgebonden")),
                behaald=d.get("behaald"),
                volgorde=j,
                extra=x_sleutels(d),
            )
            for j, d in enumerate(bron.get("doelstellingen") or [])
        ],
    )
    doel_per_ref = {d.ref: d for d in doelen}
    punten = ctx.objecten("schouwpunten")
    partijen = ctx.objecten("partijen")
    x_maatregelen = bron.get(X_MAATREGELEN) or {}
    bronnen = bron.get("maatregelen") or []
    integraal = set((bron.get(X_PVO) or {}).get("integraal") or [])  # PVO's joint actions
    maatregelen = []
    for j, m in enumerate(bronnen):
        codes = list(m.get("kwartalen") or [])
        jaar = None
        if m["soort"].startswith("vast-"):
            jaar = x_maatregelen.get(m["ref"], {}).get("jaar") or _afgeleid_jaar(cyclus.start, codes)
        maatregelen.append(
            Maatregel(
                plan=plan,
                ref=m["ref"],
                titel=m["titel"],
                soort=m["soort"],
                doelstelling=doel_per_ref[m["doelstelling"]] if m.get("doelstelling") else None,
                schouwpunt=punten[m["schouwpunt"]] if m.get("schouwpunt") else None,
                verantwoordelijke=partijen[m["verantwoordelijke"]] if m.get("verantwoordelijke") else None,
                kwartalen=codes,
                jaar=jaar,
                benodigde_tijd=m.get("benodigde_tijd"),
                deskundigheid=m.get("deskundigheid"),
                voortgangsmeting=m.get("voortgangsmeting"),
                status=m["status"],
                uitgevoerd_op=datum(m.get("uitgevoerd_op")),
                wijziging_reden=m.get("wijziging_reden"),
                integraal=m["ref"] in integraal,
                volgorde=j,
            )
        )
    bulk_maken(Maatregel, plan.werkgroep_id, maatregelen)
    bulk_maken(
        Voortgang,
        plan.werkgroep_id,
        [
            Voortgang(maatregel=maatregel, datum=datum(v["datum"]), tekst=v["tekst"], auteur=None, auteur_naam="")
            for maatregel, m in zip(maatregelen, bronnen, strict=True)
            for v in m.get("voortgang") or []
        ],
    )
    dossier_pvo.importeer(plan, bron, ctx)


# --- evaluations -----------------------------------------------------------------------------


def _evaluaties_export(cyclus, voor_ci: bool) -> dict:
    lijst = []
    for e in Evaluatie.objects.filter(cyclus=cyclus).order_by("jaar", "pk"):
        item = {"jaar": e.jaar, "datum": e.datum.isoformat(), "soort": e.soort}
        for veld in EVALUATIE_TEKSTEN:
            zet(item, veld, getattr(e, veld))
        zet(item, "verbeterpunten", list(e.verbeterpunten or []))
        lijst.append(item)
    uit: dict = {}
    zet(uit, "evaluaties", lijst)
    return uit


def _evaluaties_check(dossier: dict, i: int, bestanden: dict[str, bytes]) -> list[str]:
    evaluaties = dossier["cycli"][i].get("evaluaties") or []
    basis = ("cycli", i, "evaluaties")
    gezien: dict[int, int] = {}
    problemen = []
    for j, e in enumerate(evaluaties):
        if e["jaar"] in gezien:
            problemen.append(
                f"{pad(*basis, j, 'jaar')}: jaar {e['jaar']} heeft al een evaluatie in {pad(*basis, gezien[e['jaar']])}"
            )
        else:
            gezien[e["jaar"]] = j
    return problemen


def _evaluaties_importeer(cyclus, gegevens: dict, ctx) -> None:
    bulk_maken(
        Evaluatie,
        cyclus.werkgroep_id,
        [
            Evaluatie(
                werkgroep=cyclus.werkgroep,
                cyclus=cyclus,
                jaar=e["jaar"],
                datum=datum(e["datum"]),
                soort=e["soort"],
                **{veld: e.get(veld) for veld in EVALUATIE_TEKSTEN},
                verbeterpunten=list(e.get("verbeterpunten") or []),
            )
            for e in gegevens["evaluaties"]
        ],
    )


registreer(CyclusDeel("plan", 50, ("plan",), _plan_export, _plan_check, _plan_importeer))
registreer(CyclusDeel("evaluaties", 60, ("evaluaties",), _evaluaties_export, _evaluaties_check, _evaluaties_importeer))
