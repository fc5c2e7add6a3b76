"""The audit on the work group's timeline (§5–§7): the delivery deadline, the audit, the report,
supplements after deviations, and the certificate's validity."""

import datetime as dt

from django.urls import reverse
from django.utils.text import Truncator

from audits import regels
from audits.models import Certificaat, Waardering
from audits.services import audit_van
from kvo.regeling_paginas import is_pvo
from kvo.tijdlijn import Mijlpaal, bijdrage


@bijdrage(volgorde=80)
def audit(werkgroep, cyclus, vandaag):
    if is_pvo(werkgroep):  # no audit or certificate in PVO: the waardering instead
        return waardering(werkgroep, cyclus, vandaag)

    def url(naam: str) -> str:
        return reverse(f"audits:{naam}", kwargs={"werkgroep": werkgroep.slug})

    a = audit_van(cyclus)
    if a is None or a.datum is None:
        return [Mijlpaal("Audit", None, "Aanvragen bij een certificatie-instelling (§5.1)", url("audit"))]
    mijlpalen = []
    if a.documentenset_aangeleverd_op:
        mijlpalen.append(
            Mijlpaal("Documentenset aangeleverd", a.documentenset_aangeleverd_op,
                     f"Termijn {a.aanlevertermijn:%d-%m-%Y} (14 dagen voor de audit)", url("audit"))
        )  # fmt: skip
    else:
        te_laat = " — te laat" if vandaag > a.aanlevertermijn else ""
        mijlpalen.append(
            Mijlpaal(
                "Documentenset aanleveren",
                a.aanlevertermijn,
                f"Uiterlijk 14 dagen voor de audit{te_laat}",
                url("audit"),
            )
        )
    mijlpalen.append(Mijlpaal("Audit", a.datum, a.certificatie_instelling, url("audit")))
    rapport = a.datum + dt.timedelta(days=regels.RAPPORT_DAGEN)
    if a.rapport_ontvangen_op:
        mijlpalen.append(
            Mijlpaal(
                "Auditrapport ontvangen", a.rapport_ontvangen_op, f"Termijn {rapport:%d-%m-%Y}", url("audit_verslag")
            )
        )
    else:
        mijlpalen.append(
            Mijlpaal("Auditrapport", rapport, "Uiterlijk 2 weken na de audit (§6.4)", url("audit_verslag"))
        )
    for afwijking in a.afwijkingen.filter(aanvulling_op__isnull=True).order_by("vastgesteld_op"):
        termijn = regels.plus_maanden(afwijking.vastgesteld_op, regels.AANVULLING_MAANDEN)
        omschrijving = Truncator(afwijking.omschrijving).words(10)  # whole words, "…" where it is cut
        mijlpalen.append(Mijlpaal("Aanvulling afwijking", termijn, omschrijving, url("audit_verslag")))
    c = Certificaat.objects.filter(audit=a).first()
    if c is not None:
        mijlpalen.append(Mijlpaal("Certificaat uitgegeven", c.uitgegeven_op, f"Nummer {c.nummer}", url("certificaat")))
        mijlpalen.append(
            Mijlpaal("Certificaat verloopt", c.geldig_tot, "Op tijd hercertificeren (§7.2)", url("certificaat"))
        )
    return mijlpalen


def waardering(werkgroep, cyclus, vandaag):
    """PVO: the waardering ends the first year (pvo.waardering); a recalibrated cycle ends in a new plan."""
    url = reverse("audits:pvo_waardering", kwargs={"werkgroep": werkgroep.slug})
    w = Waardering.objects.filter(cyclus=cyclus).first()
    if w is None:
        if cyclus.nummer > 1:
            return []
        return [Mijlpaal("Waardering", None, "Bijeenkomst met de ondertekenaars van elke partij", url)]
    ondertekenaars = list(w.ondertekenaars.values_list("getekend_op", flat=True))
    getekend = sum(1 for d in ondertekenaars if d is not None)
    toelichting = f"{getekend} van {len(ondertekenaars)} ondertekenaars getekend"
    if w.gehouden_op:
        return [Mijlpaal("Waardering uitgereikt", w.gehouden_op, toelichting, url)]
    return [Mijlpaal("Waardering", w.gepland_op, f"Gepland; {toelichting}", url)]
