"""The work group's parts of the ``kvo-dossier/1`` format (see ``kvo.dossier``).

Parts: the work group itself (``werkgroep``, ``handboek``, top-level ``x-`` keys), parties and
members, meetings / communication / documents, and the cycles. A cycle's own keys are
``nummer``, ``soort`` and ``start``; the apps of the later steps register the parts inside a
cycle they store (``kvo.dossier.registry.CyclusDeel``: survey, figures, inspections, analysis,
plan, evaluations, audit). A key no app stores is refused as "nog niet ondersteund".
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from kvo import geschiedenis
from kvo.dossier.fouten import pad
from kvo.dossier.hulp import datum, dubbele_refs, extra_van, met_extra, te_lang, x_sleutels, zet
from kvo.dossier.registry import Onderdeel, cyclus_sleutels, cyclusdelen, registreer
from kvo.geschiedenis import bulk_maken
from kvo.regelingen import REGELINGEN
from werkgroepen.bestanden import controleer_inhoud
from werkgroepen.models import (
    Afspraken,
    Bijeenkomst,
    Communicatie,
    Cyclus,
    Document,
    DocumentVersie,
    Lid,
    Partij,
    Werkgroep,
)

HANDBOEK = "KVO-B 4.0"
# Records of PVO (and the scheme of a cycle) travel under x- keys until the format's next version.
X_HANDBOEK = "x-handboek"  # a cycle under another scheme than the group's (kvo.regelingen)
X_GEEN_INTENTIEVERKLARING = "x-geen-intentieverklaring"
X_CAPACITEIT = "x-toegezegde-capaciteit"
X_CAPACITEIT_OP = "x-capaciteit-toegezegd-op"
X_SOORT = "x-soort"  # a meeting's or communication's kind the format does not know
X_GEORGANISEERD_DOOR = "x-georganiseerd-door"
SCHEMA_BIJEENKOMSTSOORTEN = ("werkgroep", "kick-off", "audit", "overig")


def zonder(extra: dict, *sleutels: str) -> dict:
    """``extra`` without the x- keys that are stored in the model's own fields."""
    return {k: v for k, v in extra.items() if k not in sleutels}


ADRES = ("naam", "straat", "postcode", "plaats")
AFSPRAKEN_TEKST = (
    "wijziging_samenstelling",
    "wijziging_gebied",
    "besluitvorming",
    "communicatie",
    "financien",
    "relatie_ondernemersvereniging",
    "ondernemersfonds",
)


# --- the work group itself --------------------------------------------------------------------


def _werkgroep_export(werkgroep: Werkgroep, voor_ci: bool) -> dict:
    wg: dict = {"naam": werkgroep.naam, "slug": werkgroep.slug, "gestart_op": werkgroep.gestart_op.isoformat()}
    zet(wg, "gemeente", werkgroep.gemeente)
    adres: dict = {}
    for deel in ADRES:
        zet(adres, deel, getattr(werkgroep, f"adres_{deel}"))
    zet(wg, "correspondentieadres", adres)
    zet(wg, "regie_organisatie", werkgroep.regie_organisatie)
    afspraken = Afspraken.objects.filter(werkgroep=werkgroep).first()
    if afspraken is not None:
        af: dict = {}
        zet(af, "vastgesteld_op", afspraken.vastgesteld_op)
        if afspraken.bijeenkomsten_per_jaar is not None:
            af["bijeenkomsten_per_jaar"] = afspraken.bijeenkomsten_per_jaar
        for veld in AFSPRAKEN_TEKST:
            zet(af, veld, getattr(afspraken, veld))
        if afspraken.bewaartermijn_jaren is not None:
            af["bewaartermijn_jaren"] = afspraken.bewaartermijn_jaren
        zet(af, "communicatie_app", afspraken.communicatie_app, standaard=False)
        wg["afspraken"] = met_extra(af, afspraken.extra)
    zet(wg, "intentieverklaring_op", werkgroep.intentieverklaring_op)
    zet(wg, "convenant_referentie", werkgroep.convenant_referentie)
    zet(wg, X_GEEN_INTENTIEVERKLARING, werkgroep.geen_intentieverklaring, standaard=False)
    met_extra(wg, werkgroep.extra)
    uit: dict = {"werkgroep": wg}
    zet(uit, "handboek", werkgroep.handboek, standaard=HANDBOEK)
    uit.update(x_sleutels(werkgroep.extra.get("_dossier", {})))
    # the change history: what an earlier export carried in, then what happened here since
    historie = [*uit.get(geschiedenis.X_GESCHIEDENIS, []), *geschiedenis.dossier_export(werkgroep)]
    if historie:
        uit[geschiedenis.X_GESCHIEDENIS] = historie
    return uit


def _werkgroep_check(dossier: dict) -> list[str]:
    wg = dossier["werkgroep"]
    problemen = te_lang([wg], Werkgroep, ("naam", "slug", "gemeente", "regie_organisatie", "convenant_referentie"))
    adres = wg.get("correspondentieadres") or {}
    for deel in ADRES:
        maximum = Werkgroep._meta.get_field(f"adres_{deel}").max_length
        if len(adres.get(deel, "")) > maximum:
            problemen.append(f"werkgroep.correspondentieadres.{deel}: te lang (hoogstens {maximum} tekens)")
    if len(dossier.get("handboek", "")) > Werkgroep._meta.get_field("handboek").max_length:
        problemen.append("handboek: te lang")
    return [p.replace("[0]", "werkgroep", 1) if p.startswith("[0]") else p for p in problemen]


def _werkgroep_importeer(_werkgroep, dossier: dict, ctx) -> Werkgroep:
    wg = dossier["werkgroep"]
    adres = wg.get("correspondentieadres") or {}
    extra = zonder(x_sleutels(wg), X_GEEN_INTENTIEVERKLARING)
    if x_sleutels(dossier):
        extra["_dossier"] = x_sleutels(dossier)
    werkgroep = Werkgroep.objects.create(
        naam=wg["naam"],
        slug=wg["slug"],
        gestart_op=datum(wg["gestart_op"]),
        gemeente=wg.get("gemeente", ""),
        handboek=dossier.get("handboek", HANDBOEK),
        adres_naam=adres.get("naam", ""),
        adres_straat=adres.get("straat", ""),
        adres_postcode=adres.get("postcode", ""),
        adres_plaats=adres.get("plaats", ""),
        regie_organisatie=wg.get("regie_organisatie") or "",
        intentieverklaring_op=datum(wg.get("intentieverklaring_op")),
        convenant_referentie=wg.get("convenant_referentie") or "",
        geen_intentieverklaring=wg.get(X_GEEN_INTENTIEVERKLARING) is True,
        extra=extra,
    )
    if "afspraken" in wg:
        af = wg["afspraken"]
        Afspraken.objects.create(
            werkgroep=werkgroep,
            vastgesteld_op=datum(af.get("vastgesteld_op")),
            bijeenkomsten_per_jaar=af.get("bijeenkomsten_per_jaar"),
            bewaartermijn_jaren=af.get("bewaartermijn_jaren"),
            communicatie_app=af.get("communicatie_app", False),
            extra=x_sleutels(af),
            **{veld: af.get(veld, "") for veld in AFSPRAKEN_TEKST},
        )
    return werkgroep


# --- parties and members --------------------------------------------------------------------


def _leden_export(werkgroep: Werkgroep, voor_ci: bool) -> dict:
    partijen = []
    for p in werkgroep.partijen.order_by("pk"):
        item = {"ref": p.ref, "naam": p.naam, "soort": p.soort}
        zet(item, "opgericht_op", p.opgericht_op)
        zet(item, X_CAPACITEIT, p.toegezegde_capaciteit)  # PVO (pvo.capaciteit)
        zet(item, X_CAPACITEIT_OP, p.capaciteit_toegezegd_op)
        partijen.append(met_extra(item, p.extra))
    leden = []
    for lid in werkgroep.leden.select_related("partij", "terrein").order_by("pk"):
        item = {"ref": lid.ref, "naam": lid.naam}
        if not voor_ci:
            zet(item, "email", lid.email)
            zet(item, "telefoon", lid.telefoon)
        item["partij"] = lid.partij.ref
        zet(item, "terrein", lid.terrein.ref if lid.terrein else None)
        zet(item, "rollen", list(lid.rollen))
        zet(item, "agendalid", lid.agendalid, standaard=False)
        zet(item, "lid_sinds", lid.lid_sinds)
        zet(item, "lid_tot", lid.lid_tot)
        leden.append(met_extra(item, lid.extra))
    return {"partijen": partijen, "leden": leden}


def _leden_check(dossier: dict) -> list[str]:
    partijen, leden = dossier["partijen"], dossier["leden"]
    problemen = dubbele_refs(partijen, "partijen") + dubbele_refs(leden, "leden")
    problemen += te_lang(partijen, Partij, ("ref", "naam"), "partijen")
    for i, p in enumerate(partijen):
        capaciteit = p.get(X_CAPACITEIT, "")
        if not isinstance(capaciteit, str) or len(capaciteit) > 300:
            problemen.append(f"{pad('partijen', i, X_CAPACITEIT)}: een tekst van hoogstens 300 tekens")
    problemen += te_lang(leden, Lid, ("ref", "naam", "email", "telefoon"), "leden")
    partij_refs = {p["ref"] for p in partijen}
    terrein_refs = {t["ref"] for t in dossier["terreinen"]}
    for i, lid in enumerate(leden):
        if lid["partij"] not in partij_refs:
            problemen.append(f'{pad("leden", i, "partij")}: onbekende partij "{lid["partij"]}"')
        if lid.get("terrein") is not None and lid["terrein"] not in terrein_refs:
            problemen.append(f'{pad("leden", i, "terrein")}: onbekend bedrijventerrein "{lid["terrein"]}"')
        if lid.get("lid_sinds") and lid.get("lid_tot") and lid["lid_tot"] < lid["lid_sinds"]:
            problemen.append(f"{pad('leden', i, 'lid_tot')}: ligt vóór lid_sinds ({lid['lid_sinds']})")
    return problemen


def _leden_importeer(werkgroep: Werkgroep, dossier: dict, ctx) -> None:
    partijen = bulk_maken(
        Partij,
        werkgroep,
        [
            Partij(
                werkgroep=werkgroep,
                ref=p["ref"],
                naam=p["naam"],
                soort=p["soort"],
                opgericht_op=datum(p.get("opgericht_op")),
                toegezegde_capaciteit=p.get(X_CAPACITEIT, ""),
                capaciteit_toegezegd_op=datum(p.get(X_CAPACITEIT_OP)),
                extra=zonder(x_sleutels(p), X_CAPACITEIT, X_CAPACITEIT_OP),
            )
            for p in dossier["partijen"]
        ],
    )
    per_ref = {p.ref: p for p in partijen}
    ctx.objecten("partijen").update(per_ref)
    terreinen = ctx.objecten("terreinen")
    leden = bulk_maken(
        Lid,
        werkgroep,
        [
            Lid(
                werkgroep=werkgroep,
                ref=lid["ref"],
                naam=lid["naam"],
                email=lid.get("email"),
                telefoon=lid.get("telefoon"),
                partij=per_ref[lid["partij"]],
                terrein=terreinen.get(lid.get("terrein")) if lid.get("terrein") else None,
                rollen=list(lid.get("rollen", [])),
                agendalid=lid.get("agendalid", False),
                lid_sinds=datum(lid.get("lid_sinds")),
                lid_tot=datum(lid.get("lid_tot")),
                extra=x_sleutels(lid),
            )
            for lid in dossier["leden"]
        ],
    )
    ctx.objecten("leden").update({lid.ref: lid for lid in leden})


def _leden_verwijder(werkgroep: Werkgroep) -> None:
    # Lid.partij is PROTECT: members go before their parties.
    werkgroep.leden.all().delete()


# --- meetings, communication, documents --------------------------------------------------------


def versie_pad(document: Document, versie: DocumentVersie) -> str:
    """The path under media/ a version gets in an exported .zip."""
    bewaard = (document.extra or {}).get("_bestanden", {}).get(str(versie.versie))
    return bewaard or f"documenten/{document.ref}/v{versie.versie}/{versie.downloadnaam}"


def document_bestanden(werkgroep: Werkgroep) -> dict[str, object]:
    """Path under media/ → FieldFile, for every document version of the work group."""
    versies = DocumentVersie.objects.filter(document__werkgroep=werkgroep).select_related("document")
    return {versie_pad(v.document, v): v.bestand for v in versies if v.bestand}


def _archief_export(werkgroep: Werkgroep, voor_ci: bool) -> dict:
    uit: dict = {}
    bijeenkomsten = []
    aanwezigen: dict[int, list[str]] = {}
    door = Bijeenkomst.aanwezigen.through.objects.filter(bijeenkomst__werkgroep=werkgroep).order_by("pk")
    for bijeenkomst_id, lid_ref in door.values_list("bijeenkomst_id", "lid__ref"):
        aanwezigen.setdefault(bijeenkomst_id, []).append(lid_ref)
    for b in werkgroep.bijeenkomsten.select_related("georganiseerd_door").order_by("pk"):
        item = {"ref": b.ref, "datum": b.datum.isoformat()}
        # a kind the format does not know yet (PVO's presentation, information meeting, waardering)
        # travels as "overig" with the kind itself under x-soort
        bekend = b.soort in SCHEMA_BIJEENKOMSTSOORTEN
        zet(
            item,
            "soort",
            b.soort if bekend else Bijeenkomst.Soort.OVERIG.value,
            standaard=Bijeenkomst.Soort.WERKGROEP.value,
        )
        zet(item, "aanwezigen", aanwezigen.get(b.pk, []))
        zet(item, "agenda", b.agenda)
        zet(item, "notulen", b.notulen)
        zet(item, "besluiten", list(b.besluiten))
        zet(item, X_SOORT, None if bekend else b.soort)
        zet(item, X_GEORGANISEERD_DOOR, b.georganiseerd_door.ref if b.georganiseerd_door_id else None)
        bijeenkomsten.append(met_extra(item, b.extra))
    zet(uit, "bijeenkomsten", bijeenkomsten)
    communicatie = []
    for c in werkgroep.communicaties.order_by("pk"):
        item = {"datum": c.datum.isoformat(), "onderwerp": c.onderwerp}
        zet(item, "kanaal", c.kanaal)
        zet(item, "alle_ondernemers", c.alle_ondernemers, standaard=True)
        zet(item, X_SOORT, c.soort)  # PVO (pvo.communicatie): survey results, meldwijzer, …
        communicatie.append(met_extra(item, c.extra))
    zet(uit, "communicatie", communicatie)
    documenten = []
    for d in werkgroep.documenten.order_by("pk").prefetch_related("versies"):
        item = {"ref": d.ref, "titel": d.titel}
        zet(item, "soort", d.soort)
        zet(item, "bewaren_tot", d.bewaren_tot)
        versies = []
        for v in sorted(d.versies.all(), key=lambda v: v.pk):
            versie = {"versie": v.versie, "bestand": versie_pad(d, v), "geupload_op": v.geupload_op.isoformat()}
            zet(versie, "toelichting", v.toelichting)
            versies.append(versie)
        item["versies"] = versies
        documenten.append(met_extra(item, d.extra))
    zet(uit, "documenten", documenten)
    return uit


def _archief_check(dossier: dict) -> list[str]:
    bijeenkomsten = dossier.get("bijeenkomsten", [])
    documenten = dossier.get("documenten", [])
    problemen = dubbele_refs(bijeenkomsten, "bijeenkomsten") + dubbele_refs(documenten, "documenten")
    problemen += te_lang(bijeenkomsten, Bijeenkomst, ("ref",), "bijeenkomsten")
    problemen += te_lang(dossier.get("communicatie", []), Communicatie, ("onderwerp", "kanaal"), "communicatie")
    problemen += te_lang(documenten, Document, ("ref", "titel", "soort"), "documenten")
    lid_refs = {lid["ref"] for lid in dossier["leden"]}
    partij_refs = {p["ref"] for p in dossier["partijen"]}
    for i, b in enumerate(bijeenkomsten):
        if X_SOORT in b and b[X_SOORT] not in Bijeenkomst.Soort.values:
            problemen.append(f"{pad('bijeenkomsten', i, X_SOORT)}: onbekende soort bijeenkomst")
        if X_GEORGANISEERD_DOOR in b and b[X_GEORGANISEERD_DOOR] not in partij_refs:
            problemen.append(f"{pad('bijeenkomsten', i, X_GEORGANISEERD_DOOR)}: onbekende partij")
        gezien = set()
        for j, ref in enumerate(b.get("aanwezigen", [])):
            if ref not in lid_refs:
                problemen.append(f'{pad("bijeenkomsten", i, "aanwezigen", j)}: onbekend lid "{ref}"')
            elif ref in gezien:
                problemen.append(f'{pad("bijeenkomsten", i, "aanwezigen", j)}: lid "{ref}" staat er twee keer in')
            gezien.add(ref)
    for i, c in enumerate(dossier.get("communicatie", [])):
        if X_SOORT in c and c[X_SOORT] not in Communicatie.Soort.values:
            problemen.append(f"{pad('communicatie', i, X_SOORT)}: onbekende soort communicatie")
    for i, d in enumerate(documenten):
        problemen += dubbele_refs(d["versies"], "documenten", i, "versies", sleutel="versie", wat="versie")
    return problemen


def _archief_importeer(werkgroep: Werkgroep, dossier: dict, ctx) -> None:
    bronnen = dossier.get("bijeenkomsten", [])
    bijeenkomsten = bulk_maken(
        Bijeenkomst,
        werkgroep,
        [
            Bijeenkomst(
                werkgroep=werkgroep,
                ref=b["ref"],
                datum=datum(b["datum"]),
                soort=b.get(X_SOORT) or b.get("soort", Bijeenkomst.Soort.WERKGROEP),
                agenda=b.get("agenda"),
                notulen=b.get("notulen"),
                besluiten=list(b.get("besluiten", [])),
                georganiseerd_door=ctx.objecten("partijen").get(b.get(X_GEORGANISEERD_DOOR)),
                extra=zonder(x_sleutels(b), X_SOORT, X_GEORGANISEERD_DOOR),
            )
            for b in bronnen
        ],
    )
    leden = ctx.objecten("leden")
    Door = Bijeenkomst.aanwezigen.through
    Door.objects.bulk_create(
        Door(bijeenkomst_id=obj.pk, lid_id=leden[ref].pk)
        for obj, bron in zip(bijeenkomsten, bronnen, strict=True)
        for ref in bron.get("aanwezigen", [])
    )
    ctx.objecten("bijeenkomsten").update({b.ref: b for b in bijeenkomsten})
    bulk_maken(
        Communicatie,
        werkgroep,
        [
            Communicatie(
                werkgroep=werkgroep,
                datum=datum(c["datum"]),
                onderwerp=c["onderwerp"],
                kanaal=c.get("kanaal", ""),
                alle_ondernemers=c.get("alle_ondernemers", True),
                soort=c.get(X_SOORT, ""),
                extra=zonder(x_sleutels(c), X_SOORT),
            )
            for c in dossier.get("communicatie", [])
        ],
    )
    bronnen = dossier.get("documenten", [])
    documenten = bulk_maken(
        Document,
        werkgroep,
        [
            Document(
                werkgroep=werkgroep,
                ref=d["ref"],
                titel=d["titel"],
                soort=d.get("soort"),
                bewaren_tot=datum(d.get("bewaren_tot")),
                extra=extra_van(d, _bestanden={str(v["versie"]): v["bestand"] for v in d["versies"]}),
            )
            for d in bronnen
        ],
    )
    versies = []
    for document, bron in zip(documenten, bronnen, strict=True):
        for v in bron["versies"]:
            versie = DocumentVersie(
                document=document,
                versie=v["versie"],
                geupload_op=datum(v["geupload_op"]),
                toelichting=v.get("toelichting"),
            )
            inhoud = ctx.bestanden[f"media/{v['bestand']}"]
            # checked as an upload is (_archief_bestanden_check); the name follows the content
            versie.bestandsnaam = controleer_inhoud(inhoud, v["bestand"])[:255]
            versie.bestand.save(versie.bestandsnaam, ContentFile(inhoud), save=False)
            versies.append(versie)
    DocumentVersie.objects.bulk_create(versies)
    ctx.objecten("documenten").update({d.ref: d for d in documenten})


def _archief_bestanden_check(dossier: dict, bestanden: dict[str, bytes]) -> list[str]:
    """Every document version's file gets the upload's content check (``werkgroepen.bestanden``)."""
    problemen = []
    for i, document in enumerate(dossier.get("documenten", [])):
        for j, versie in enumerate(document["versies"]):
            inhoud = bestanden.get(f"media/{versie['bestand']}")
            if inhoud is None:
                continue  # a missing file is reported by kvo.dossier.services
            try:
                controleer_inhoud(inhoud, versie["bestand"])
            except ValidationError as fout:
                problemen.append(f"{pad('documenten', i, 'versies', j, 'bestand')}: {' '.join(fout.messages)}")
    return problemen


# --- cycles -----------------------------------------------------------------------------------


def _cycli_export(werkgroep: Werkgroep, voor_ci: bool) -> dict:
    cycli = []
    delen = cyclusdelen()
    for c in werkgroep.cycli.order_by("pk"):
        item = {"nummer": c.nummer, "soort": c.soort, "start": c.start.isoformat()}
        if c.handboek != werkgroep.handboek:  # a cycle under another scheme than the group's now
            item[X_HANDBOEK] = c.handboek
        for deel in delen:
            item.update(deel.export(c, voor_ci))
        cycli.append(met_extra(item, c.extra))
    return {"cycli": cycli}


def _cycli_check(dossier: dict) -> list[str]:
    problemen = dubbele_refs(dossier["cycli"], "cycli", sleutel="nummer", wat="cyclusnummer")
    ondersteund = cyclus_sleutels()
    for i, cyclus in enumerate(dossier["cycli"]):
        if X_HANDBOEK in cyclus and cyclus[X_HANDBOEK] not in REGELINGEN:
            problemen.append(f"{pad('cycli', i, X_HANDBOEK)}: onbekende regeling")
        for sleutel, waarde in cyclus.items():
            # An empty part (null, [], {}) loses nothing: accepted, and left out on export.
            if sleutel not in ondersteund and not sleutel.startswith("x-") and waarde not in (None, [], {}):
                problemen.append(
                    f"nog niet ondersteund: {pad('cycli', i, sleutel)} (de applicatie slaat dit deel nog niet op; "
                    "haal het uit het dossier of wacht op een nieuwere versie)"
                )
    return problemen


def _cycli_importeer(werkgroep: Werkgroep, dossier: dict, ctx) -> None:
    cycli = bulk_maken(
        Cyclus,
        werkgroep,
        [
            Cyclus(
                werkgroep=werkgroep,
                nummer=c["nummer"],
                soort=c["soort"],
                start=datum(c["start"]),
                handboek=c.get(X_HANDBOEK) or werkgroep.handboek,
                extra=zonder(x_sleutels(c), X_HANDBOEK),
            )
            for c in dossier["cycli"]
        ],
    )
    ctx.objecten("cycli").update({str(c.nummer): c for c in cycli})
    for deel in cyclusdelen():
        for cyclus, gegevens in zip(cycli, dossier["cycli"], strict=True):
            if any(gegevens.get(sleutel) not in (None, [], {}) for sleutel in deel.sleutels):
                deel.importeer(cyclus, gegevens, ctx)


registreer(
    Onderdeel("werkgroep", 0, ("werkgroep", "handboek"), _werkgroep_export, _werkgroep_check, _werkgroep_importeer)
)
registreer(
    Onderdeel(
        "leden", 20, ("partijen", "leden"), _leden_export, _leden_check, _leden_importeer, verwijder=_leden_verwijder
    )
)
registreer(
    Onderdeel(
        "archief",
        30,
        ("bijeenkomsten", "communicatie", "documenten"),
        _archief_export,
        _archief_check,
        _archief_importeer,
        bestanden=document_bestanden,
        check_bestanden=_archief_bestanden_check,
    )
)
registreer(Onderdeel("cycli", 40, ("cycli",), _cycli_export, _cycli_check, _cycli_importeer))
