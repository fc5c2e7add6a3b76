"""The audit's reminders by e-mail: the document set's delivery deadline, and the certificate's
expiry (sent daily by ``audits.tasks.audit_herinneringen``)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.utils import timezone
from django_scopes import scopes_disabled


def _bestuur(werkgroep, datum) -> list[str]:
    """E-mail addresses of the active chair and secretary."""
    from werkgroepen.models import Groepsrol

    adressen = []
    for lid in werkgroep.leden.exclude(email__isnull=True).exclude(email="").order_by("pk"):
        actief = (lid.lid_sinds is None or lid.lid_sinds <= datum) and (lid.lid_tot is None or lid.lid_tot >= datum)
        if actief and {Groepsrol.VOORZITTER, Groepsrol.SECRETARIS} & set(lid.rollen or []):
            adressen.append(lid.email)
    return adressen


def _stuur(verbinding, onderwerp: str, tekst: str, aan: list[str]) -> bool:
    if not aan:
        return False
    verbinding.send_messages([EmailMessage(subject=onderwerp, body=tekst, to=aan)])
    return True


def audit_herinneringen_verstuur(*, datum: dt.date | None = None) -> dict:
    """Remind chair and secretary a week before the document set's deadline, and 12 and 6 months
    before a certificate expires. Each reminder is claimed by a conditional update of its date field
    before the mail goes out, so a retried or doubled run never sends it twice. The mail connection
    is opened before the first claim: a mail server that does not answer claims nothing."""
    from django.template.loader import render_to_string
    from django.urls import reverse

    from audits import regels
    from audits.models import Audit, Certificaat
    from kvo.toets import plus_jaren

    datum = datum or timezone.localdate()
    uit = {"aanlevering": 0, "certificaat": 0}
    basis = settings.SITE_URL.rstrip("/")
    with scopes_disabled(), mailers.default as verbinding:
        # the deadline is the audit date - 14 days; remind from 7 days before it until it passes
        kandidaten = Audit.objects.filter(
            werkgroep__status="actief",  # a paused or ended group gets no reminders
            datum__isnull=False,
            documentenset_aangeleverd_op__isnull=True,
            herinnering_aanlevering_op__isnull=True,
            datum__gte=datum + dt.timedelta(days=regels.AANLEVERING_DAGEN),
            datum__lte=datum + dt.timedelta(days=regels.AANLEVERING_DAGEN + 7),
        ).select_related("werkgroep")
        for audit in kandidaten:
            # geschiedenis: a reminder's claim is bookkeeping, not a change to the audit
            if not Audit.objects.filter(pk=audit.pk, herinnering_aanlevering_op__isnull=True).update(
                herinnering_aanlevering_op=datum
            ):
                continue  # another run claimed it
            tekst = render_to_string(
                "audits/mail/aanlevering.txt",
                {"audit": audit, "werkgroep": audit.werkgroep,
                 "link": basis + reverse("audits:audit", kwargs={"werkgroep": audit.werkgroep.slug})},
            )  # fmt: skip
            onderwerp = f"Documentenset uiterlijk {audit.aanlevertermijn:%d-%m-%Y} aanleveren ({audit.werkgroep.naam})"
            uit["aanlevering"] += _stuur(verbinding, onderwerp, tekst, _bestuur(audit.werkgroep, datum))
        for maanden, veld in ((12, "herinnering_12_op"), (6, "herinnering_6_op")):
            certificaten = Certificaat.objects.filter(
                audit__werkgroep__status="actief",
                ingetrokken_op__isnull=True,
                geldig_tot__gt=datum,
                **{f"{veld}__isnull": True},
            ).select_related("audit__werkgroep")
            for c in certificaten:
                if regels.plus_maanden(datum, maanden) < c.geldig_tot:
                    continue  # not yet within the window
                if maanden == 12 and regels.plus_maanden(datum, 6) >= c.geldig_tot:
                    continue  # already inside the 6-month window: that reminder says it
                # geschiedenis: a reminder's claim is bookkeeping, not a change to the certificate
                if not Certificaat.objects.filter(pk=c.pk, **{f"{veld}__isnull": True}).update(**{veld: datum}):
                    continue
                werkgroep = c.audit.werkgroep
                tekst = render_to_string(
                    "audits/mail/certificaat.txt",
                    {"c": c, "werkgroep": werkgroep, "maanden": maanden, "volgende": plus_jaren(c.uitgegeven_op, 3),
                     "link": basis + reverse("audits:certificaat", kwargs={"werkgroep": werkgroep.slug})},
                )  # fmt: skip
                onderwerp = f"KVO-certificaat verloopt op {c.geldig_tot:%d-%m-%Y} ({werkgroep.naam})"
                uit["certificaat"] += _stuur(verbinding, onderwerp, tekst, _bestuur(werkgroep, datum))
    return uit
