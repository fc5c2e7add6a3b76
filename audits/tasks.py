from celery import shared_task
from django.utils import timezone
from django_scopes import scopes_disabled
from guardian.shortcuts import remove_perm

from audits.documentenset.tasks import *  # noqa: F403  (Celery finds the document set's tasks here)


@shared_task
def auditor_toegang_trek_verlopen_in() -> int:
    """Beat job: withdraw the guardian grant of every auditor whose time limit has passed."""
    from audits.models import AuditorToegang
    from werkgroepen.logboek import log_actie

    nu = timezone.now()
    with scopes_disabled():
        verlopen = list(
            AuditorToegang.objects.filter(geldig_tot__lte=nu, ingetrokken_op__isnull=True).select_related(
                "audit__werkgroep", "user"
            )
        )
        for toegang in verlopen:
            remove_perm("audits.view_audit", toegang.user, toegang.audit)
            toegang.ingetrokken_op = nu
            toegang.save(update_fields=["ingetrokken_op"])
            log_actie(
                werkgroep=toegang.audit.werkgroep,
                actor=None,
                actie="auditor.verlopen",
                omschrijving=f"Leestoegang van auditor {toegang.user.email} verlopen en ingetrokken",
                audit=toegang.audit_id,
            )
    return len(verlopen)


# --- reminders: the delivery deadline, and the certificate's expiry ---------------------------


def _bestuur(werkgroep, datum) -> list[str]:
    """E-mail addresses of the active chair and secretary."""
    from werkgroepen.models import Rol

    adressen = []
    for lid in werkgroep.leden.exclude(email__isnull=True).exclude(email="").order_by("pk"):
        actief = (lid.lid_sinds is None or lid.lid_sinds <= datum) and (lid.lid_tot is None or lid.lid_tot >= datum)
        if actief and {Rol.VOORZITTER, Rol.SECRETARIS} & set(lid.rollen or []):
            adressen.append(lid.email)
    return adressen


def _stuur(onderwerp: str, tekst: str, aan: list[str]) -> bool:
    from django.core.mail import EmailMessage, mailers

    if not aan:
        return False
    with mailers.default as verbinding:
        verbinding.send_messages([EmailMessage(subject=onderwerp, body=tekst, to=aan)])
    return True


@shared_task
def audit_herinneringen(vandaag: str | None = None) -> dict:
    """Beat job (daily): remind chair and secretary a week before the document set's deadline, and 12
    and 6 months before a certificate expires. Each reminder is claimed by a conditional update of its
    date field before the mail goes out, so a retried or doubled run never sends it twice."""
    import datetime as dt

    from django.template.loader import render_to_string
    from django.urls import reverse

    from audits import regels
    from audits.models import Audit, Certificaat
    from kvo.toets import plus_jaren

    datum = dt.date.fromisoformat(vandaag) if vandaag else timezone.localdate()
    uit = {"aanlevering": 0, "certificaat": 0}
    from django.conf import settings

    basis = settings.SITE_URL.rstrip("/")
    with scopes_disabled():
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
            uit["aanlevering"] += _stuur(onderwerp, tekst, _bestuur(audit.werkgroep, datum))
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
                uit["certificaat"] += _stuur(onderwerp, tekst, _bestuur(werkgroep, datum))
    return uit
