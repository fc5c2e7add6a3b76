"""Readiness checks of the audit and the certificate (§5–§7); IDs from eisen.md.

The audit of a cycle is its newest (by date, an audit without a date last). The rules on executed
measures live here, not in ``aanpak``, because they need the audit (its kind and date); the plan is
read through ``aanpak``'s selectors. Deadlines count in days (14 before, 2 weeks after) or in
calendar months (``audits.regels.plus_maanden``), the last day included.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef
from django.template.defaultfilters import pluralize

from aanpak.checks import toets_maatregelen, toets_plan  # what the plan's checks read (one query for both)
from aanpak.models import Doelstelling, Evaluatie, Maatregel, Voortgang
from analyse.models import Conclusie, Reactie, Schouw
from audits.models import Afwijking, Audit, Certificaat
from audits.selectors import audits_van
from gebieden.models import Bedrijventerrein
from kvo.toets import (
    Status,
    ToetsContext,
    Uitkomst,
    cycli_van,
    eis,
    gedeeld,
    per_context,
    per_object,
    per_sleutel,
    per_werkgroep,
)
from werkgroepen.models import Bijeenkomst, Cyclus, Lid

SCHOUW = (Maatregel.Soort.SCHOUWPUNT,)
COMMUNICATIE = (Maatregel.Soort.COMMUNICATIE, Maatregel.Soort.VAST_COMMUNICATIE)


# --- loaders: the data of every work group of the run, one query each ----------------------------


@gedeeld("audits.audit", leest=("audit", "leden"))  # with its contact person
def _audit(contexten: list[ToetsContext]) -> list:
    """The cycle's audit as the pages take it (``audits.services.audit_van``), or None."""
    audits = audits_van(cycli_van(contexten))
    return per_context(contexten, audits)


@gedeeld("audits.leden", leest=("leden",))
def _leden(contexten: list[ToetsContext]) -> list:
    """Every member of the work group (former members and agenda members too), by name."""
    return per_werkgroep(
        contexten,
        Lid.objects.filter(werkgroep__in=[c.werkgroep for c in contexten]).order_by("werkgroep_id", "naam", "pk"),
    )


@gedeeld("audits.aanwezigen", leest=("leden", "audit"))
def _aanwezigen(contexten: list[ToetsContext]) -> list:
    """The ids of the members recorded as present at the cycle's audit."""
    audits = [a for a in map(_audit, contexten) if a is not None]
    if not audits:
        return [set() for _ in contexten]
    groepen = per_sleutel(Lid.objects.filter(audits__in=audits).order_by().values_list("audits", "pk"), lambda r: r[0])
    return [{pk for _, pk in groepen.get(a.pk, [])} if (a := _audit(c)) is not None else set() for c in contexten]


@gedeeld("audits.afwijkingen", leest=("audit",))
def _afwijkingen(contexten: list[ToetsContext]) -> list:
    """The deviations found at the cycle's audit, by the date they were found."""
    audits = [a for a in map(_audit, contexten) if a is not None]
    if not audits:
        return [[] for _ in contexten]
    rijen = Afwijking.objects.filter(audit__in=audits).order_by("audit_id", "vastgesteld_op", "pk")
    return per_object([_audit(c) for c in contexten], rijen, lambda a: a.audit_id)


@gedeeld("audits.certificaten", leest=("certificaat", "audit"))
def _certificaten(contexten: list[ToetsContext]) -> list:
    """The certificates issued in the cycle, the newest first."""
    cycli = cycli_van(contexten)
    if not cycli:
        return [[] for _ in contexten]
    rijen = (
        Certificaat.objects.filter(audit__cyclus__in=cycli)
        .select_related("audit")
        .order_by("audit__cyclus_id", "-uitgegeven_op", "-pk")
    )
    groepen = per_sleutel(rijen, lambda c: c.audit.cyclus_id)
    return per_context(contexten, groepen, list)


@gedeeld("audits.terreinen", leest=("gebied",))
def _terreinnamen(contexten: list[ToetsContext]) -> list:
    """The names of the work group's business parks, by name."""
    rijen = (
        Bedrijventerrein.objects.filter(werkgroep__in=[c.werkgroep for c in contexten])
        .order_by("werkgroep_id", "naam", "pk")
        .values_list("werkgroep_id", "naam")
    )
    groepen = per_sleutel(rijen, lambda r: r[0])
    return [[naam for _, naam in groepen.get(c.werkgroep.pk, [])] for c in contexten]


@gedeeld(
    "audits.documentenset",
    leest=("leden", "conclusie", "reacties", "enquete", "plan", "schouw", "bijeenkomst", "voortgang", "evaluatie"),
)
def _documentenset(contexten: list[ToetsContext]) -> list:
    """Per cycle, which parts of the document set have content (one query: every part is an EXISTS
    on the cycle's row; the parts of the work group through the cycle's work group, those of the plan
    through the cycle's plan)."""
    cycli = cycli_van(contexten)
    if not cycli:
        return [None] * len(contexten)
    maatregelen = Maatregel.objects.filter(plan__cyclus=OuterRef("pk"))
    heeft = {
        "heeft_leden": Exists(Lid.objects.filter(werkgroep=OuterRef("werkgroep"))),
        "heeft_conclusie": Exists(Conclusie.objects.filter(cyclus=OuterRef("pk"))),
        "heeft_reacties": Exists(Reactie.objects.filter(enquete__cyclus=OuterRef("pk"))),
        "heeft_doelen": Exists(Doelstelling.objects.filter(plan__cyclus=OuterRef("pk"))),
        "heeft_schouw": Exists(Schouw.objects.filter(cyclus=OuterRef("pk"))),
        "heeft_uitgevoerd": Exists(maatregelen.filter(status="uitgevoerd")),
        "heeft_open": Exists(maatregelen.filter(status__in=("gepland", "lopend"))),
        "heeft_notulen": Exists(
            Bijeenkomst.objects.filter(werkgroep=OuterRef("werkgroep"))
            .exclude(notulen__isnull=True)
            .exclude(notulen="")
        ),
        "heeft_voortgang": Exists(Voortgang.objects.filter(maatregel__plan__cyclus=OuterRef("pk"))),
        "heeft_evaluaties": Exists(Evaluatie.objects.filter(werkgroep=OuterRef("werkgroep"))),
    }
    rijen = Cyclus.objects.filter(pk__in=[c.pk for c in cycli]).annotate(**heeft).values("pk", *heeft)
    per_pk = {v["pk"]: v for v in rijen}
    return per_context(contexten, per_pk)


@eis("audit.eerste-maatregelen")
def check_eerste_maatregelen(ctx: ToetsContext) -> Uitkomst:
    """At a first audit at least 4 measures executed on or before the audit date: 3 that take up
    inspection points (a measure of kind ``schouwpunt`` or linked to a point) and 1 communication."""
    url = ctx.url("aanpak:matrix")
    audit = _audit(ctx)
    if ctx.cyclus is None:
        return Uitkomst(Status.OPEN, "Er is nog geen cyclus gestart.", url)
    if ctx.cyclus.soort != "eerste" or (audit is not None and audit.soort != Audit.Soort.EERSTE):
        return Uitkomst(Status.NVT, "Opvolgende audit: geldt alleen bij de eerste audit.", url)
    peildatum = audit.datum if audit is not None and audit.datum else ctx.datum
    plan = toets_plan(ctx)
    uitgevoerd = (
        [
            m
            for m in toets_maatregelen(ctx)
            if m.status == Maatregel.Status.UITGEVOERD and m.uitgevoerd_op is not None and m.uitgevoerd_op <= peildatum
        ]
        if plan
        else []
    )
    schouw = sum(1 for m in uitgevoerd if m.soort in SCHOUW or m.schouwpunt_id)
    communicatie = sum(1 for m in uitgevoerd if m.soort in COMMUNICATIE)
    wanneer = f"op de auditdatum {peildatum:%d-%m-%Y}" if audit and audit.datum else f"op {peildatum:%d-%m-%Y}"
    tekst = (
        f"{len(uitgevoerd)} maatregelen uitgevoerd {wanneer}: {schouw} uit de schouw (minimaal 3), "
        f"{communicatie} communicatie naar ondernemers (minimaal 1)"
    )
    if schouw >= 3 and communicatie >= 1 and len(uitgevoerd) >= 4:
        return Uitkomst(Status.VOLDAAN, tekst + ".", url)
    if audit is not None and audit.datum and audit.datum < ctx.datum:
        return Uitkomst(Status.NIET_VOLDAAN, tekst + ".", url)
    return Uitkomst(Status.OPEN, tekst + "; nog niet genoeg voor de eerste audit.", url)


@eis("audit.uitgevoerd")
def check_uitgevoerd(ctx: ToetsContext) -> Uitkomst:
    """At a subsequent audit every measure of the (adjusted) plan is executed, or its change explained."""
    url = ctx.url("aanpak:matrix")
    if ctx.cyclus is None:
        return Uitkomst(Status.OPEN, "Er is nog geen cyclus gestart.", url)
    audit = _audit(ctx)
    if ctx.cyclus.soort == "eerste" or (audit is not None and audit.soort == Audit.Soort.EERSTE):
        return Uitkomst(Status.NVT, "Eerste audit: geldt pas bij een opvolgende audit.", url)
    plan = toets_plan(ctx)
    if plan is None:
        return Uitkomst(Status.OPEN, "Er is nog geen plan van aanpak voor deze cyclus.", url)
    maatregelen = list(toets_maatregelen(ctx))
    open_ = [
        m for m in maatregelen if not (m.status == Maatregel.Status.UITGEVOERD or (m.wijziging_reden or "").strip())
    ]
    tekst = (
        f"{len(maatregelen) - len(open_)} van {len(maatregelen)} maatregelen uitgevoerd of met toelichting gewijzigd"
    )
    if not open_:
        return Uitkomst(Status.VOLDAAN, tekst + ".", url)
    namen = ", ".join(f"“{m.titel}”" for m in open_[:3]) + (f" en {len(open_) - 3} meer" if len(open_) > 3 else "")
    if audit is not None and audit.datum and audit.datum < ctx.datum:  # the audit day itself: still open
        return Uitkomst(Status.NIET_VOLDAAN, f"{tekst}; open: {namen}.", url)
    return Uitkomst(Status.OPEN, f"{tekst}; nog open: {namen}.", url)


# --- application, record, certificate (§5.1, §6.3, §6.4, §7) ----------------------------------


def _url_audit(ctx: ToetsContext, naam: str = "audit") -> str:
    return ctx.url(f"audits:{naam}")


GEEN_AUDIT = "Er is nog geen audit aangevraagd voor deze cyclus."


@eis("audit.contactpersoon")
def check_contactpersoon(ctx: ToetsContext) -> Uitkomst:
    """One contact person for the certification body: chosen on the audit, or the one member with the role."""
    from werkgroepen.models import Groepsrol

    url = _url_audit(ctx)
    audit = _audit(ctx)
    if audit is not None and audit.contactpersoon_id:
        return Uitkomst(
            Status.VOLDAAN, f"Contactpersoon voor de certificatie-instelling: {audit.contactpersoon.naam}.", url
        )
    leden = [lid for lid in _leden(ctx) if lid.lid_tot is None and Groepsrol.CONTACTPERSOON_CI in (lid.rollen or [])]
    if len(leden) == 1:
        return Uitkomst(Status.VOLDAAN, f"Contactpersoon voor de certificatie-instelling: {leden[0].naam}.", url)
    if len(leden) > 1:
        namen = ", ".join(lid.naam for lid in leden)
        return Uitkomst(
            Status.NIET_VOLDAAN,
            f"{len(leden)} leden hebben de rol contactpersoon ({namen}); kies er één bij de audit.",
            url,
        )
    return Uitkomst(Status.OPEN, "Nog geen contactpersoon voor de certificatie-instelling gekozen.", url)


@eis("audit.audittijd")
def check_audittijd(ctx: ToetsContext) -> Uitkomst:
    from audits.regels import minimum_uren

    url = _url_audit(ctx)
    audit = _audit(ctx)
    terreinen = len(_terreinnamen(ctx))
    minimum = minimum_uren(terreinen)
    wat = "1 terrein" if terreinen <= 1 else f"een cluster van {terreinen} terreinen"
    if audit is None or audit.geplande_uren is None:
        return Uitkomst(Status.OPEN, f"Nog geen audittijd gepland; minimaal {minimum} uur voor {wat}.", url)
    uren = f"{audit.geplande_uren.normalize():f}".replace(".", ",")
    tekst = f"{uren} uur gepland; minimaal {minimum} uur voor {wat}."
    return Uitkomst(Status.VOLDAAN if audit.geplande_uren >= minimum else Status.NIET_VOLDAAN, tekst, url)


@eis("audit.aanlevering")
def check_aanlevering(ctx: ToetsContext) -> Uitkomst:
    from audits.regels import AANLEVERING_DAGEN

    url = _url_audit(ctx)
    audit = _audit(ctx)
    if audit is None or audit.datum is None:
        return Uitkomst(Status.OPEN, "Nog geen auditdatum; de documentenset moet 14 dagen ervoor binnen zijn.", url)
    termijn = audit.aanlevertermijn
    if audit.documentenset_aangeleverd_op:
        dagen = (audit.datum - audit.documentenset_aangeleverd_op).days
        tekst = (
            f"Aangeleverd op {audit.documentenset_aangeleverd_op:%d-%m-%Y}, {dagen} dagen voor de audit van "
            f"{audit.datum:%d-%m-%Y}; minimaal {AANLEVERING_DAGEN}."
        )
        return Uitkomst(Status.VOLDAAN if dagen >= AANLEVERING_DAGEN else Status.NIET_VOLDAAN, tekst, url)
    if ctx.datum > termijn:
        return Uitkomst(
            Status.NIET_VOLDAAN,
            f"De documentenset is niet aangeleverd; de termijn was {termijn:%d-%m-%Y} (14 dagen voor de audit).",
            url,
        )
    return Uitkomst(Status.OPEN, f"Nog niet aangeleverd; uiterlijk {termijn:%d-%m-%Y} (14 dagen voor de audit).", url)


@eis("audit.aanwezigheid")
def check_aanwezigheid(ctx: ToetsContext) -> Uitkomst:
    url = _url_audit(ctx, "audit_verslag")
    audit = _audit(ctx)
    if audit is None or audit.datum is None:
        return Uitkomst(Status.OPEN, GEEN_AUDIT if audit is None else "Nog geen auditdatum.", url)
    vertegenwoordigers = [
        lid
        for lid in _leden(ctx)
        if not lid.agendalid
        and (lid.lid_sinds is None or lid.lid_sinds <= audit.datum)
        and (lid.lid_tot is None or lid.lid_tot >= audit.datum)
    ]
    aanwezig = _aanwezigen(ctx)
    if not aanwezig:
        if ctx.datum <= audit.datum:
            return Uitkomst(
                Status.OPEN, f"De audit is op {audit.datum:%d-%m-%Y}; daarna de aanwezigheid vastleggen.", url
            )
        return Uitkomst(Status.OPEN, "De aanwezigheid bij de audit is nog niet vastgelegd.", url)
    afwezig = [lid.naam for lid in vertegenwoordigers if lid.pk not in aanwezig]
    tekst = f"{len(vertegenwoordigers) - len(afwezig)} van {len(vertegenwoordigers)} vertegenwoordigers aanwezig"
    if afwezig:
        return Uitkomst(Status.NIET_VOLDAAN, f"{tekst}; afwezig: {', '.join(afwezig)}.", url)
    return Uitkomst(Status.VOLDAAN, tekst + ".", url)


@eis("audit.aanvullingen")
def check_aanvullingen(ctx: ToetsContext) -> Uitkomst:
    from audits.regels import AANVULLING_MAANDEN, BEOORDELING_MAANDEN, plus_maanden

    url = _url_audit(ctx, "audit_verslag")
    audit = _audit(ctx)
    afwijkingen = list(_afwijkingen(ctx)) if audit else []
    if not afwijkingen:
        return Uitkomst(Status.NVT, "Geen afwijkingen vastgesteld.", url)
    te_laat, lopend = [], []
    for a in afwijkingen:
        uiterlijk = plus_maanden(a.vastgesteld_op, AANVULLING_MAANDEN)
        if a.aanvulling_op is None:
            (te_laat if ctx.datum > uiterlijk else lopend).append(f"aanvulling uiterlijk {uiterlijk:%d-%m-%Y}")
        elif a.aanvulling_op > uiterlijk:
            te_laat.append(f"aanvulling {a.aanvulling_op:%d-%m-%Y}, termijn {uiterlijk:%d-%m-%Y}")
        else:
            besluit = plus_maanden(a.aanvulling_op, BEOORDELING_MAANDEN)
            if a.beoordeeld_op is None:
                (te_laat if ctx.datum > besluit else lopend).append(f"beoordeling uiterlijk {besluit:%d-%m-%Y}")
            elif a.beoordeeld_op > besluit:
                te_laat.append(f"beoordeling {a.beoordeeld_op:%d-%m-%Y}, termijn {besluit:%d-%m-%Y}")
    aantal = f"{len(afwijkingen)} afwijking{pluralize(len(afwijkingen), 'en')}"
    if te_laat:
        return Uitkomst(Status.NIET_VOLDAAN, f"{aantal}; te laat: {'; '.join(te_laat)}.", url)
    if lopend:
        return Uitkomst(Status.OPEN, f"{aantal}; loopt: {'; '.join(lopend)}.", url)
    return Uitkomst(Status.VOLDAAN, f"{aantal} binnen 2 maanden aangevuld en binnen 1 maand beoordeeld.", url)


@eis("audit.rapport")
def check_rapport(ctx: ToetsContext) -> Uitkomst:
    from audits.regels import RAPPORT_DAGEN

    url = _url_audit(ctx, "audit_verslag")
    audit = _audit(ctx)
    if audit is None or audit.datum is None:
        return Uitkomst(Status.OPEN, GEEN_AUDIT if audit is None else "Nog geen auditdatum.", url)
    uiterlijk = audit.datum + dt.timedelta(days=RAPPORT_DAGEN)
    if audit.rapport_ontvangen_op:
        dagen = (audit.rapport_ontvangen_op - audit.datum).days
        tekst = f"Rapport ontvangen op {audit.rapport_ontvangen_op:%d-%m-%Y}, {dagen} dagen na de audit; hoogstens 14."
        return Uitkomst(Status.VOLDAAN if dagen <= RAPPORT_DAGEN else Status.NIET_VOLDAAN, tekst, url)
    if ctx.datum > uiterlijk:
        return Uitkomst(Status.NIET_VOLDAAN, f"Geen auditrapport ontvangen; de termijn was {uiterlijk:%d-%m-%Y}.", url)
    return Uitkomst(Status.OPEN, f"Het auditrapport komt uiterlijk {uiterlijk:%d-%m-%Y} (2 weken na de audit).", url)


@eis("audit.documentenset")
def check_documentenset(ctx: ToetsContext) -> Uitkomst:
    """The set is complete when every part it must hold has content in this cycle (read for every
    cycle of the run in one query: ``_documentenset``)."""
    url = _url_audit(ctx, "documentenset")
    if ctx.cyclus is None:
        return Uitkomst(Status.OPEN, "Er is nog geen cyclus gestart.", url)
    plan = toets_plan(ctx)
    v = _documentenset(ctx)
    delen = {
        "partijen en leden": v["heeft_leden"],
        "veiligheidsanalyse": v["heeft_conclusie"] and v["heeft_reacties"],
        "plan van aanpak": plan is not None and v["heeft_doelen"],
        "schouwrapport": v["heeft_schouw"],
        "maatregelenmatrix met uitgevoerde en geplande maatregelen": v["heeft_uitgevoerd"] and v["heeft_open"],
        "notulen met voortgang": v["heeft_notulen"] and v["heeft_voortgang"],
    }
    if ctx.cyclus.soort != "eerste":
        delen["evaluatieresultaten"] = v["heeft_evaluaties"]
    mist = [naam for naam, aanwezig in delen.items() if not aanwezig]
    if mist:
        audit = _audit(ctx)
        voorbij = audit is not None and audit.aanlevertermijn and ctx.datum > audit.aanlevertermijn
        return Uitkomst(
            Status.NIET_VOLDAAN if voorbij else Status.OPEN, f"De documentenset mist nog: {', '.join(mist)}.", url
        )
    return Uitkomst(Status.VOLDAAN, f"Alle {len(delen)} onderdelen van de documentenset zijn aanwezig.", url)


def _certificaat(ctx: ToetsContext):
    """The cycle's newest certificate (by issue date), or None."""
    certificaten = _certificaten(ctx)
    return certificaten[0] if certificaten else None


@eis("certificaat.geldigheid")
def check_geldigheid(ctx: ToetsContext) -> Uitkomst:
    from kvo.toets import plus_jaren

    url = _url_audit(ctx, "certificaat")
    c = _certificaat(ctx)
    if c is None:
        return Uitkomst(Status.OPEN, "Nog geen certificaat uitgegeven.", url)
    juist = plus_jaren(c.uitgegeven_op, 3)
    if c.geldig_tot != juist:
        return Uitkomst(
            Status.NIET_VOLDAAN,
            f"Geldig tot {c.geldig_tot:%d-%m-%Y}, maar een certificaat geldt 3 jaar: tot {juist:%d-%m-%Y}.",
            url,
        )
    if c.ingetrokken_op and c.ingetrokken_op <= ctx.datum:
        return Uitkomst(
            Status.NIET_VOLDAAN, f"Certificaat {c.nummer} is ingetrokken op {c.ingetrokken_op:%d-%m-%Y}.", url
        )
    if c.geschorst:
        return Uitkomst(
            Status.NIET_VOLDAAN, f"Certificaat {c.nummer} is geschorst; het keurmerk mag niet worden getoond.", url
        )
    if ctx.datum >= c.geldig_tot:
        return Uitkomst(Status.NIET_VOLDAAN, f"Certificaat {c.nummer} is verlopen op {c.geldig_tot:%d-%m-%Y}.", url)
    return Uitkomst(
        Status.VOLDAAN,
        f"Certificaat {c.nummer}, uitgegeven {c.uitgegeven_op:%d-%m-%Y}, geldig tot {c.geldig_tot:%d-%m-%Y}.",
        url,
    )


def ontbrekende_inhoud(c, werkgroep, heeft_terreinen: bool) -> list[str]:
    """What ``certificaat.inhoud`` asks that is not recorded (the fixed texts are printed by the product)."""
    audit = c.audit
    mist = []
    if not (c.certificatie_instelling and audit.ci_straat and audit.ci_plaats):
        mist.append("naam en adres van de certificatie-instelling")
    if not (werkgroep.adres_straat and werkgroep.adres_plaats):
        mist.append("correspondentieadres van het samenwerkingsverband")
    if not heeft_terreinen:
        mist.append("werkgebied en locatie")
    if not werkgroep.convenant_referentie:
        mist.append("verwijzing naar het convenant")
    if not (c.ondertekenaar and c.functie_ondertekenaar) and not c.aangeleverd:  # uploaded: on the body's PDF
        mist.append("ondertekening met naam en functie")
    if not c.nummer:
        mist.append("certificaatnummer")
    return mist


@eis("certificaat.inhoud")
def check_inhoud(ctx: ToetsContext) -> Uitkomst:
    url = _url_audit(ctx, "certificaat")
    c = _certificaat(ctx)
    if c is None:
        return Uitkomst(Status.OPEN, "Nog geen certificaat uitgegeven.", url)
    mist = ontbrekende_inhoud(c, ctx.werkgroep, bool(_terreinnamen(ctx)))
    if mist:
        return Uitkomst(Status.NIET_VOLDAAN, f"Op het certificaat ontbreekt: {', '.join(mist)}.", url)
    if c.aangeleverd:
        return Uitkomst(
            Status.VOLDAAN,
            f"Certificaat {c.nummer} is aangeleverd door de werkgroep (het PDF van {c.certificatie_instelling}); "
            "de vastgelegde gegevens zijn compleet, de ondertekening staat op dat PDF.",
            url,
        )
    return Uitkomst(
        Status.VOLDAAN,
        "Alle gegevens staan op het certificaat: instelling, samenwerkingsverband, werkgebied, convenant, "
        "verklaring, datum, ondertekening, nummer, status- en eigendomstekst.",
        url,
    )


@eis("certificaat.cluster")
def check_cluster(ctx: ToetsContext) -> Uitkomst:
    url = _url_audit(ctx, "certificaat")
    namen = _terreinnamen(ctx)
    if len(namen) <= 1:
        return Uitkomst(Status.NVT, "Eén bedrijventerrein: geen cluster.", url)
    if ctx.cyclus is None:
        return Uitkomst(Status.OPEN, "Er is nog geen cyclus gestart.", url)
    if _certificaat(ctx) is None:
        return Uitkomst(Status.OPEN, "Nog geen certificaat uitgegeven.", url)
    certificaten = _certificaten(ctx)
    if not certificaten:
        return Uitkomst(Status.OPEN, "Nog geen certificaat uitgegeven.", url)
    if len(certificaten) > 1:
        return Uitkomst(
            Status.NIET_VOLDAAN, f"{len(certificaten)} certificaten in deze cyclus; een cluster krijgt er één.", url
        )
    naam = certificaten[0].naamstelling.strip()
    if naam.casefold() in {n.casefold() for n in namen}:
        return Uitkomst(
            Status.NIET_VOLDAAN,
            f"Het certificaat noemt alleen “{naam}”; noem het cluster met een overkoepelende naam of alle "
            f"{len(namen)} terreinen.",
            url,
        )
    return Uitkomst(Status.VOLDAAN, f"Eén certificaat voor het cluster van {len(namen)} terreinen: “{naam}”.", url)
