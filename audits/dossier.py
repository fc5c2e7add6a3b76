"""``cycli[].audit`` of the ``kvo-dossier/1`` format (§5–§7): the application, the record with its
deviations, the decision and the certificate of a cycle's audit (its newest, as the readiness
check takes it).

Members (the contact person, the attendees) are refs of ``leden``. A certificate's withdrawal has no
place in the schema and travels as ``x-certificaat-ingetrokken_op`` on the audit; other ``x-`` keys
of the audit are kept in ``Audit.extra``. The delivered document set itself (a PDF) is not part of
the dossier; its delivery date is.

Who issued the certificate: an imported certificate is one the certification body issued (as if in
the product, ``Certificaat.Bron.INSTELLING``), unless it carries ``x-bestand``, a PDF under
``media/`` of a ``.zip`` dossier: then it is the body's own file the group uploaded
(``Bron.WERKGROEP``, shown as "aangeleverd door de werkgroep"), checked as an upload is.
"""

from __future__ import annotations

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django_scopes import scopes_disabled

from audits.models import Afwijking, Audit, Certificaat
from audits.services import audit_van
from kvo.dossier.fouten import pad
from kvo.dossier.hulp import datum, met_extra, x_sleutels, zet
from kvo.dossier.registry import CyclusDeel, registreer
from kvo.geschiedenis import bulk_maken
from werkgroepen.bestanden import controleer_inhoud

INGETROKKEN = "x-certificaat-ingetrokken_op"
BESTAND = "x-bestand"  # the group-uploaded certificate's PDF, a path under media/ of a .zip dossier
CI_VELDEN = (("naam", "certificatie_instelling"), ("straat", "ci_straat"), ("postcode", "ci_postcode"),
             ("plaats", "ci_plaats"), ("x-email", "ci_email"))  # fmt: skip
CI_EMAIL = "x-email"  # where the receipt of the delivered set goes (the schema's address has no e-mail)


def _getal(waarde: Decimal | None):
    if waarde is None:
        return None
    return int(waarde) if waarde == waarde.to_integral_value() else float(waarde)


def _export(cyclus, voor_ci: bool) -> dict:
    audit = audit_van(cyclus)
    if audit is None:
        return {}
    uit: dict = {}
    zet(uit, "contactpersoon", audit.contactpersoon.ref if audit.contactpersoon else None)
    ci: dict = {}
    for sleutel, veld in CI_VELDEN:
        if not (voor_ci and sleutel == CI_EMAIL):  # the export for the body carries no e-mail address
            zet(ci, sleutel, getattr(audit, veld))
    zet(uit, "certificatie_instelling", ci)
    zet(uit, "auditor", audit.auditor)
    zet(uit, "aangevraagd_op", audit.aangevraagd_op)
    zet(uit, "datum", audit.datum)
    zet(uit, "geplande_uren", _getal(audit.geplande_uren))
    zet(uit, "documentenset_aangeleverd_op", audit.documentenset_aangeleverd_op)
    zet(uit, "aanwezigen", sorted(audit.aanwezigen.values_list("ref", flat=True)))
    zet(uit, "rapport_ontvangen_op", audit.rapport_ontvangen_op)
    afwijkingen = []
    for a in audit.afwijkingen.order_by("vastgesteld_op", "pk"):
        item = {"omschrijving": a.omschrijving, "vastgesteld_op": a.vastgesteld_op.isoformat()}
        zet(item, "aanvulling_op", a.aanvulling_op)
        zet(item, "beoordeeld_op", a.beoordeeld_op)
        afwijkingen.append(item)
    zet(uit, "afwijkingen", afwijkingen)
    zet(uit, "besluit", audit.besluit)
    zet(uit, "besluit_op", audit.besluit_op)
    c = Certificaat.objects.filter(audit=audit).first()
    if c is not None:
        certificaat = {"nummer": c.nummer, "uitgegeven_op": c.uitgegeven_op.isoformat(),
                       "geldig_tot": c.geldig_tot.isoformat()}  # fmt: skip
        for veld in ("naamstelling", "ondertekenaar", "functie_ondertekenaar"):
            zet(certificaat, veld, getattr(c, veld))
        if c.geschorst:
            certificaat["geschorst"] = True
        if c.aangeleverd and c.bestand:
            certificaat[BESTAND] = _bestandsnaam(c)
        uit["certificaat"] = certificaat
        if c.ingetrokken_op:
            uit[INGETROKKEN] = c.ingetrokken_op.isoformat()
    return {"audit": met_extra(uit, audit.extra)}


def _check(dossier: dict, i: int, bestanden: dict[str, bytes]) -> list[str]:
    audit = dossier["cycli"][i].get("audit") or {}
    leden = {lid["ref"] for lid in dossier.get("leden", [])}
    problemen = []
    ref = audit.get("contactpersoon")
    if ref is not None and ref not in leden:
        problemen.append(f'{pad("cycli", i, "audit", "contactpersoon")}: onbekend lid "{ref}"')
    gezien = set()
    for j, ref in enumerate(audit.get("aanwezigen") or []):
        if ref not in leden:
            problemen.append(f'{pad("cycli", i, "audit", "aanwezigen", j)}: onbekend lid "{ref}"')
        elif ref in gezien:
            problemen.append(f'{pad("cycli", i, "audit", "aanwezigen", j)}: lid "{ref}" staat er al in')
        gezien.add(ref)
    for veld, maximum in (("auditor", 200),):
        if len(audit.get(veld) or "") > maximum:
            problemen.append(f"{pad('cycli', i, 'audit', veld)}: te lang (hoogstens {maximum} tekens)")
    if email := (audit.get("certificatie_instelling") or {}).get(CI_EMAIL):
        from django.core.validators import validate_email

        try:
            validate_email(email if isinstance(email, str) else "")
        except ValidationError:
            problemen.append(f"{pad('cycli', i, 'audit', 'certificatie_instelling', CI_EMAIL)}: geen e-mailadres")
    if (audit.get("geplande_uren") or 0) > 99:
        problemen.append(f"{pad('cycli', i, 'audit', 'geplande_uren')}: hoogstens 99 uur")
    c = audit.get("certificaat")
    if c:
        ci = (audit.get("certificatie_instelling") or {}).get("naam", "")
        if not ci:
            problemen.append(
                f"{pad('cycli', i, 'audit', 'certificatie_instelling', 'naam')}: een certificaat noemt de "
                "certificatie-instelling die het uitgaf"
            )
        slug = (dossier.get("werkgroep") or {}).get("slug")
        with scopes_disabled():
            elders = Certificaat.objects.filter(certificatie_instelling__iexact=ci, nummer__iexact=c["nummer"]).exclude(
                audit__werkgroep__slug=slug
            )
            if ci and elders.exists():
                problemen.append(
                    f'{pad("cycli", i, "audit", "certificaat", "nummer")}: certificaatnummer "{c["nummer"]}" is bij '
                    f"{ci} al uitgegeven aan een andere werkgroep"
                )
        if c.get(BESTAND):
            inhoud = bestanden.get(f"media/{c[BESTAND]}")
            plek = pad("cycli", i, "audit", "certificaat", BESTAND)
            if inhoud is None:
                problemen.append(f"{plek}: het bestand ontbreekt in het dossier")
            else:
                try:
                    naam = controleer_inhoud(inhoud, c[BESTAND])
                except ValidationError as fout:
                    problemen.append(f"{plek}: {' '.join(fout.messages)}")
                else:
                    if not naam.lower().endswith(".pdf"):
                        problemen.append(f"{plek}: het certificaat moet een PDF zijn")
    return problemen


def _bestandsnaam(c) -> str:
    return f"certificaten/{re.sub(r'[^A-Za-z0-9_-]', '-', c.nummer)}.pdf"


def _bestanden(werkgroep) -> dict:
    """The uploaded certificates' PDFs for a .zip dossier: name under media/ → FieldFile."""
    rijen = Certificaat.objects.filter(audit__werkgroep=werkgroep, bron=Certificaat.Bron.WERKGROEP).exclude(bestand="")
    return {_bestandsnaam(c): c.bestand for c in rijen}


def _importeer(cyclus, gegevens: dict, ctx) -> None:
    data = gegevens["audit"]
    leden = ctx.objecten("leden")
    ci = data.get("certificatie_instelling") or {}
    audit = Audit.objects.create(
        werkgroep=cyclus.werkgroep,
        cyclus=cyclus,
        soort=Audit.Soort.EERSTE if cyclus.soort == "eerste" else Audit.Soort.OPVOLGENDE,
        contactpersoon=leden[data["contactpersoon"]] if data.get("contactpersoon") else None,
        **{veld: ci.get(sleutel, "") for sleutel, veld in CI_VELDEN},
        auditor=data.get("auditor") or "",
        aangevraagd_op=datum(data.get("aangevraagd_op")),
        datum=datum(data.get("datum")),
        geplande_uren=Decimal(str(data["geplande_uren"])) if data.get("geplande_uren") is not None else None,
        documentenset_aangeleverd_op=datum(data.get("documentenset_aangeleverd_op")),
        rapport_ontvangen_op=datum(data.get("rapport_ontvangen_op")),
        besluit=data.get("besluit") or "",
        besluit_op=datum(data.get("besluit_op")),
        extra={k: v for k, v in x_sleutels(data).items() if k != INGETROKKEN},
    )
    audit.aanwezigen.set([leden[ref] for ref in data.get("aanwezigen") or []])
    bulk_maken(Afwijking, audit.werkgroep_id, [
        Afwijking(audit=audit, omschrijving=a["omschrijving"], vastgesteld_op=datum(a["vastgesteld_op"]),
                  aanvulling_op=datum(a.get("aanvulling_op")), beoordeeld_op=datum(a.get("beoordeeld_op")))
        for a in data.get("afwijkingen") or []
    ])  # fmt: skip
    c = data.get("certificaat")
    if c:
        aangeleverd = bool(c.get(BESTAND))
        certificaat = Certificaat(
            audit=audit,
            bron=Certificaat.Bron.WERKGROEP if aangeleverd else Certificaat.Bron.INSTELLING,
            certificatie_instelling=ci.get("naam", ""),
            nummer=c["nummer"],
            uitgegeven_op=datum(c["uitgegeven_op"]),
            geldig_tot=datum(c["geldig_tot"]),
            naamstelling=c.get("naamstelling", ""),
            ondertekenaar=c.get("ondertekenaar", ""),
            functie_ondertekenaar=c.get("functie_ondertekenaar", ""),
            geschorst=c.get("geschorst", False),
            ingetrokken_op=datum(data.get(INGETROKKEN)),
        )
        if aangeleverd:  # checked in _check as an upload is
            inhoud = ctx.bestanden[f"media/{c[BESTAND]}"]
            certificaat.bestand.save(controleer_inhoud(inhoud, c[BESTAND]), ContentFile(inhoud), save=False)
        certificaat.save()


registreer(CyclusDeel("audit", 70, ("audit",), _export, _check, _importeer, bestanden=_bestanden))
from audits import dossier_pvo  # noqa: E402, F401  (PVO: cycli[].x-waardering)
