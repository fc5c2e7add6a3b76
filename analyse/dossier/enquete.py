"""``cycli[].enquete`` of the ``kvo-dossier/1`` format: the survey of a cycle (§4.1.1).

Canonical form: questions in the survey's order with defaults left out (``blok`` null,
``opties`` empty, ``verplicht`` false); invitations in the register's order, each with its
sending date, the dates of the reminders sent (the ledger, by round) and ``beantwoord`` only when
true; the published responses only (``gepubliceerde_reacties``: one held back for its batch is
not in the file, so two exports never differ by one response), sorted by their content (park ref,
then the answers as canonical JSON), so their order says nothing about who answered when, and a
round trip is stable. ``x-inleiding`` and
``x-herinnering_dagen`` carry what the schema has no place for, ``x-lege_inzendingen`` the
submissions without a single answer per park ref (not responses), and a follow-up question its
condition as ``x-toon_als: {"vraag": <ref of the base question>, "antwoord": "ja"}``.

On import an invitation's channel follows the register (e-mail address → e-mail, else letter);
responses are written without any link to an invitation: there is none to make.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from types import SimpleNamespace

from django.utils import timezone

from analyse import catalogus
from analyse.antwoorden import BASIS_TYPES, controleer, voorwaarde_waarden
from analyse.dossier import pvo
from analyse.models import Enquete, EnqueteUitnodiging, Herinnering, LegeInzending, Reactie, Vraag
from analyse.selectors.resultaten import gepubliceerde_reacties
from kvo.dossier.fouten import pad
from kvo.dossier.hulp import datum, dubbele_refs, te_lang, x_sleutels, zet
from kvo.dossier.registry import CyclusDeel, registreer
from kvo.geschiedenis import bulk_bijwerken, bulk_maken

EIGEN = ("x-inleiding", "x-herinnering_dagen", "x-lege_inzendingen", pvo.X_PVO)


def _canoniek(antwoorden: dict) -> str:
    return json.dumps(antwoorden, sort_keys=True, ensure_ascii=False)


def _export(cyclus, voor_ci: bool) -> dict:
    enquete = Enquete.objects.filter(cyclus=cyclus).first()
    if enquete is None:
        return {}
    item: dict = {}
    zet(item, "titel", enquete.titel)
    zet(item, "blokken", sorted(enquete.blokken or []))
    zet(item, "eigen_themas", list(enquete.eigen_themas or []))
    vragen = []
    for v in enquete.vragen.select_related("toon_als_vraag").order_by("volgorde", "pk"):
        vraag = {"ref": v.ref}
        zet(vraag, "blok", v.blok)
        vraag.update(thema=v.thema, tekst=v.tekst, type=v.type)
        zet(vraag, "opties", list(v.opties or []))
        zet(vraag, "verplicht", v.verplicht, standaard=False)
        if v.toon_als_vraag is not None:
            vraag["x-toon_als"] = {"vraag": v.toon_als_vraag.ref, "antwoord": v.toon_als_antwoord}
        vragen.append(vraag)
    zet(item, "vragen", vragen)
    zet(item, "geopend_op", enquete.geopend_op)
    zet(item, "gesloten_op", enquete.gesloten_op)
    herinneringen: dict[int, list[str]] = {}
    for uitnodiging_id, d in (
        Herinnering.objects.filter(uitnodiging__enquete=enquete, status=Herinnering.Status.VERSTUURD)
        .order_by("ronde")
        .values_list("uitnodiging_id", "verstuurd_op")
    ):
        herinneringen.setdefault(uitnodiging_id, []).append(d.isoformat())
    uitnodigingen = []
    for u in enquete.uitnodigingen.select_related("ondernemer").order_by("ondernemer__terrein_id", "ondernemer_id"):
        rij = {"ondernemer": u.ondernemer.ref}
        if u.verstuurd_op is not None:
            rij["verstuurd_op"] = timezone.localtime(u.verstuurd_op).date().isoformat()
        zet(rij, "herinneringen", herinneringen.get(u.pk, []))
        zet(rij, "beantwoord", u.beantwoord, standaard=False)
        uitnodigingen.append(rij)
    zet(item, "uitnodigingen", uitnodigingen)
    # Only the published responses (batches of at least 5): two exports never differ by one response.
    antwoorden = [
        {"terrein": ref, "antwoorden": a}
        for ref, a in gepubliceerde_reacties(enquete).values_list("terrein__ref", "antwoorden")
    ]
    antwoorden.sort(key=lambda r: (r["terrein"], _canoniek(r["antwoorden"])))
    zet(item, "antwoorden", antwoorden)
    zet(item, "x-inleiding", enquete.inleiding)
    zet(item, "x-herinnering_dagen", list(enquete.herinnering_dagen or []))
    lege = dict(
        enquete.lege_inzendingen.filter(aantal__gt=0).order_by("terrein__ref").values_list("terrein__ref", "aantal")
    )
    zet(item, "x-lege_inzendingen", lege)
    zet(item, pvo.X_PVO, pvo.enquete_export(enquete))  # PVO: the mayor's letter, the results presented
    item.update(x_sleutels(enquete.extra or {}))
    return {"enquete": item}


def _ondernemers(dossier: dict) -> dict[str, list[str]]:
    """Entrepreneur ref → the refs of the parks it occurs in (a ref must name one entrepreneur)."""
    waar: dict[str, list[str]] = {}
    for t in dossier.get("terreinen", []):
        for o in t.get("ondernemers", []):
            waar.setdefault(o["ref"], []).append(t["ref"])
    return waar


def _check(dossier: dict, i: int, bestanden: dict[str, bytes]) -> list[str]:
    e = dossier["cycli"][i].get("enquete") or {}
    basis = ("cycli", i, "enquete")
    vragen = e.get("vragen") or []
    problemen = dubbele_refs(vragen, *basis, "vragen") + te_lang(vragen, Vraag, ("thema",), *basis, "vragen")
    problemen += pvo.enquete_check(dossier, e, basis)
    eigen = set(e.get("eigen_themas") or [])
    per_ref = {}
    for j, v in enumerate(vragen):
        per_ref[v["ref"]] = SimpleNamespace(type=v["type"], opties=v.get("opties") or [])
        thema = v.get("thema") or (catalogus.thema_van_blok(v["blok"]) if v.get("blok") else None)
        if thema is None:
            problemen.append(f"{pad(*basis, 'vragen', j, 'thema')}: ontbreekt (en er is geen onderwerpblok)")
        elif catalogus.is_eigen(thema) and thema.removeprefix("eigen:") not in eigen:
            problemen.append(f'{pad(*basis, "vragen", j, "thema")}: eigen thema "{thema}" staat niet in eigen_themas')
        if v["type"] in ("keuze", "meerkeuze") and len(v.get("opties") or []) < 2:
            problemen.append(f"{pad(*basis, 'vragen', j, 'opties')}: een keuzevraag heeft minstens 2 opties")
    problemen += _check_voorwaarden(vragen, per_ref, basis)
    terrein_refs_ = {t["ref"] for t in dossier.get("terreinen", [])}
    lege = e.get("x-lege_inzendingen")
    if lege is not None and (
        not isinstance(lege, dict) or any(not isinstance(n, int) or isinstance(n, bool) or n < 0 for n in lege.values())
    ):
        problemen.append(f"{pad(*basis, 'x-lege_inzendingen')}: verwacht per terreinref een aantal (0 of meer)")
    elif lege:
        for ref in sorted(set(lege) - terrein_refs_):
            problemen.append(f'{pad(*basis, "x-lege_inzendingen", ref)}: onbekend bedrijventerrein "{ref}"')
    waar = _ondernemers(dossier)
    uitnodigingen = e.get("uitnodigingen") or []
    problemen += dubbele_refs(uitnodigingen, *basis, "uitnodigingen", sleutel="ondernemer", wat="ondernemer")
    beantwoord: Counter = Counter()
    for j, u in enumerate(uitnodigingen):
        terreinen = waar.get(u["ondernemer"], [])
        if not terreinen:
            problemen.append(
                f'{pad(*basis, "uitnodigingen", j, "ondernemer")}: onbekende ondernemer "{u["ondernemer"]}"'
            )
        elif len(terreinen) > 1:
            problemen.append(
                f'{pad(*basis, "uitnodigingen", j, "ondernemer")}: ondernemer "{u["ondernemer"]}" komt op meer dan '
                f"één terrein voor ({', '.join(terreinen)}); maak de refs uniek"
            )
        elif u.get("beantwoord"):
            beantwoord[terreinen[0]] += 1
    terrein_refs = {t["ref"] for t in dossier.get("terreinen", [])}
    reacties: Counter = Counter()
    for j, r in enumerate(e.get("antwoorden") or []):
        if r["terrein"] not in terrein_refs:
            problemen.append(f'{pad(*basis, "antwoorden", j, "terrein")}: onbekend bedrijventerrein "{r["terrein"]}"')
        reacties[r["terrein"]] += 1
        for ref, waarde in r["antwoorden"].items():
            if ref not in per_ref:
                problemen.append(f'{pad(*basis, "antwoorden", j, "antwoorden", ref)}: onbekende vraag "{ref}"')
            elif not controleer(per_ref[ref], waarde):
                problemen.append(
                    f"{pad(*basis, 'antwoorden', j, 'antwoorden', ref)}: past niet bij een vraag van het type "
                    f"{per_ref[ref].type} ({json.dumps(waarde, ensure_ascii=False)[:60]})"
                )
    if uitnodigingen:
        for terrein, n in sorted(reacties.items()):
            if n > beantwoord[terrein]:
                problemen.append(
                    f"{pad(*basis, 'antwoorden')}: {n} reacties op {terrein}, maar daar zijn maar "
                    f"{beantwoord[terrein]} uitnodigingen beantwoord"
                )
    return problemen


def _check_voorwaarden(vragen: list[dict], per_ref: dict, basis: tuple) -> list[str]:
    """``x-toon_als`` of each question: another question of the survey of a type with answers, and one
    of them. (The list's order is not the survey's order, which follows theme and block.)"""
    problemen = []
    refs = {v["ref"] for v in vragen}
    for j, v in enumerate(vragen):
        voorwaarde = v.get("x-toon_als")
        plek = pad(*basis, "vragen", j, "x-toon_als")
        if voorwaarde is not None:
            if not isinstance(voorwaarde, dict) or set(voorwaarde) != {"vraag", "antwoord"}:
                problemen.append(f'{plek}: verwacht {{"vraag": <ref>, "antwoord": <antwoord>}}')
            elif voorwaarde["vraag"] not in refs or voorwaarde["vraag"] == v["ref"]:
                problemen.append(f'{plek}: "{voorwaarde["vraag"]}" is geen andere vraag van deze enquête')
            elif per_ref[voorwaarde["vraag"]].type not in BASIS_TYPES:
                problemen.append(
                    f"{plek}: een vervolgvraag volgt alleen op een ja/nee-, keuze-, meerkeuze- of schaalvraag"
                )
            elif voorwaarde["antwoord"] not in voorwaarde_waarden(per_ref[voorwaarde["vraag"]]):
                problemen.append(
                    f'{plek}: "{voorwaarde["antwoord"]}" is geen antwoord van vraag "{voorwaarde["vraag"]}"'
                )
    return problemen


def _tijdstip(waarde: str | None) -> dt.datetime | None:
    d = datum(waarde)
    return timezone.make_aware(dt.datetime.combine(d, dt.time(9))) if d else None


def _importeer(cyclus, gegevens: dict, ctx) -> None:
    e = gegevens["enquete"]
    extra = {k: v for k, v in x_sleutels(e).items() if k not in EIGEN}
    enquete = Enquete.objects.create(
        werkgroep=cyclus.werkgroep,
        cyclus=cyclus,
        titel=e.get("titel", ""),
        inleiding=e.get("x-inleiding", ""),
        blokken=list(e.get("blokken") or []),
        eigen_themas=list(e.get("eigen_themas") or []),
        geopend_op=datum(e.get("geopend_op")),
        gesloten_op=datum(e.get("gesloten_op")),
        herinnering_dagen=list(e.get("x-herinnering_dagen") or []),
        **pvo.enquete_velden(e, ctx),
        extra=extra,
    )
    bulk_maken(
        Vraag,
        enquete.werkgroep_id,
        [
            Vraag(
                enquete=enquete,
                ref=v["ref"],
                volgorde=j,
                blok=v.get("blok"),
                thema=v.get("thema") or catalogus.thema_van_blok(v["blok"]),
                tekst=v["tekst"],
                type=v["type"],
                opties=list(v.get("opties") or []),
                verplicht=v.get("verplicht", False),
            )
            for j, v in enumerate(e.get("vragen") or [])
        ],
    )
    voorwaarden = {v["ref"]: v["x-toon_als"] for v in e.get("vragen") or [] if v.get("x-toon_als")}
    if voorwaarden:
        per_ref = {v.ref: v for v in enquete.vragen.all()}
        vervolg = []
        for ref, voorwaarde in voorwaarden.items():
            vraag = per_ref[ref]
            vraag.toon_als_vraag, vraag.toon_als_antwoord = per_ref[voorwaarde["vraag"]], voorwaarde["antwoord"]
            vervolg.append(vraag)
        bulk_bijwerken(Vraag, enquete.werkgroep_id, vervolg, ["toon_als_vraag", "toon_als_antwoord"])
    ondernemers = {o.ref: o for t in ctx.objecten("terreinen").values() for o in t.ondernemers.all()}
    bron = e.get("uitnodigingen") or []
    uitnodigingen = EnqueteUitnodiging.objects.bulk_create(
        EnqueteUitnodiging(
            enquete=enquete,
            ondernemer=ondernemers[u["ondernemer"]],
            kanaal=EnqueteUitnodiging.Kanaal.EMAIL
            if ondernemers[u["ondernemer"]].email
            else EnqueteUitnodiging.Kanaal.BRIEF,
            verzending=(
                EnqueteUitnodiging.Verzending.VERSTUURD
                if u.get("verstuurd_op")
                else EnqueteUitnodiging.Verzending.WACHT
            ),
            verstuurd_op=_tijdstip(u.get("verstuurd_op")),
            beantwoord=u.get("beantwoord", False),
            ingevuld_zichtbaar=u.get("beantwoord", False),
        )
        for u in bron
    )
    Herinnering.objects.bulk_create(
        Herinnering(uitnodiging=uitnodiging, ronde=r, status=Herinnering.Status.VERSTUURD, verstuurd_op=datum(d))
        for uitnodiging, u in zip(uitnodigingen, bron, strict=True)
        for r, d in enumerate(u.get("herinneringen") or [], start=1)
    )
    terreinen = ctx.objecten("terreinen")
    LegeInzending.objects.bulk_create(
        LegeInzending(enquete=enquete, terrein=terreinen[ref], aantal=n)
        for ref, n in sorted((e.get("x-lege_inzendingen") or {}).items())
        if n
    )
    Reactie.objects.bulk_create(
        Reactie(
            enquete=enquete,
            terrein=terreinen[r["terrein"]],
            antwoorden=r["antwoorden"],
            zichtbaar=Reactie.Zichtbaar.TERREIN,  # exported as published, so published again
        )
        for r in e.get("antwoorden") or []
    )


registreer(CyclusDeel("enquete", 10, ("enquete",), _export, _check, _importeer))
