"""The weekly "Mijn acties" mail of one work group (§4.3; sent by ``aanpak.tasks``).

A ledger row per member and week (``Weekmail``, unique) is claimed before the mail goes out: a
retried task, a crashed worker or a second worker finds the row and sends nothing, so a member
gets a week's mail at most once. A claim left ``bezig`` by a crash is not sent again (at most once
beats at least once for a reminder mail); members who opted out, have no e-mail address or nothing
to do get none. The mail connection is opened before anything is claimed, so a mail server that
does not answer leaves the week unclaimed for the task's retry.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

logger = logging.getLogger(__name__)


def maandag(datum: dt.date) -> dt.date:
    return datum - dt.timedelta(days=datum.weekday())


def _partijen_zonder_vastlegger(plan, vastleggers: set[int]) -> list[tuple[int, str]]:
    """The parties responsible for open measures of ``plan`` that have no member who may record progress."""
    from aanpak.models import Maatregel

    rijen = (
        Maatregel.objects.filter(plan=plan, status__in=["gepland", "lopend"], verantwoordelijke__isnull=False)
        .exclude(verantwoordelijke_id__in=vastleggers)
        .values_list("verantwoordelijke_id", "verantwoordelijke__naam")
        .distinct()
        .order_by("verantwoordelijke__naam")
    )
    return list(rijen)


def weekmail_werkgroepen() -> list[int]:
    """The active work groups that have a plan (a paused or ended group gets no weekly mail)."""
    from django_scopes import scopes_disabled

    from aanpak.models import Plan

    with scopes_disabled():
        return sorted(set(Plan.objects.filter(werkgroep__status="actief").values_list("werkgroep_id", flat=True)))


def weekmail_verstuur(*, werkgroep, datum: dt.date | None = None) -> dict:
    """Send the week of ``datum`` (today by default) its "Mijn acties" mail: to each member who may
    record progress and has open measures, once; the chair and secretary also get the measures of
    parties without such a member."""
    from aanpak.models import Weekmail, WeekmailAfmelding
    from aanpak.selectors import acties_van_partij, plan_van
    from kvo.toets import kies_cyclus
    from werkgroepen.models import Lid

    datum = datum or timezone.localdate()
    week = maandag(datum)
    if not werkgroep.is_actief:  # paused or ended since it was queued
        return {"verstuurd": 0, "mislukt": 0}
    plan = plan_van(kies_cyclus(werkgroep))
    if plan is None:
        return {"verstuurd": 0, "mislukt": 0}
    afgemeld = set(WeekmailAfmelding.objects.filter(werkgroep=werkgroep).values_list("lid_id", flat=True))
    # Only members who may record progress get the mail, never agenda members (they read, they do not
    # change). A party without such a member (only agenda members, or nobody) is not forgotten: the
    # chair and secretary get its measures in their mail.
    actief = [
        lid
        for lid in Lid.objects.filter(werkgroep=werkgroep).select_related("partij").order_by("pk")
        if lid.heeft_toegang(datum)
    ]
    vastleggers = {lid.partij_id for lid in actief if not lid.agendalid}
    leden = [lid for lid in actief if not lid.agendalid and lid.email and lid.pk not in afgemeld]
    per_partij = {}
    for lid in leden:
        if lid.partij_id not in per_partij:
            per_partij[lid.partij_id] = acties_van_partij(plan, lid.partij_id, datum)
    zonder = _partijen_zonder_vastlegger(plan, vastleggers)
    namens = [(naam, a) for pk, naam in zonder if (a := acties_van_partij(plan, pk, datum)).aantal]
    bestuur = {lid.pk for lid in leden if {"voorzitter", "secretaris"} & set(lid.rollen or [])}
    te_sturen = [lid for lid in leden if per_partij[lid.partij_id].aantal or (lid.pk in bestuur and namens)]
    if not te_sturen:
        return {"verstuurd": 0, "mislukt": 0}
    link = reverse("aanpak:mijn_acties", kwargs={"werkgroep": werkgroep.slug})
    basis = settings.SITE_URL.rstrip("/")
    verstuurd, mislukt = [], {}
    with mailers.default as verbinding:  # opened before the claim: a dead mail server claims nothing
        claim = uuid.uuid4()
        Weekmail.objects.bulk_create(
            [Weekmail(werkgroep=werkgroep, lid=lid, week=week, claim=claim) for lid in te_sturen],
            ignore_conflicts=True,
        )
        van_mij = set(
            Weekmail.objects.filter(week=week, claim=claim, lid__in=te_sturen).values_list("lid_id", flat=True)
        )
        for lid in te_sturen:
            if lid.pk not in van_mij:
                continue  # another run of this week already claimed (and sent) it
            acties = per_partij[lid.partij_id]
            extra = namens if lid.pk in bestuur else []
            aantal = acties.aantal + sum(a.aantal for _, a in extra)
            tekst = render_to_string(
                "aanpak/mail/weekoverzicht.txt",
                {"lid": lid, "werkgroep": werkgroep, "acties": acties, "namens": extra, "link": basis + link,
                 "week": week},
            )  # fmt: skip
            bericht = EmailMessage(
                subject=f"Uw acties deze week ({werkgroep.naam}): {aantal} maatregel" + ("en" if aantal != 1 else ""),
                body=tekst,
                to=[lid.email],
            )
            try:
                verbinding.send_messages([bericht])
            except Exception as fout:  # one failed address does not stop the others
                mislukt[lid.pk] = f"Verzenden mislukt: {type(fout).__name__}"[:300]
            else:
                verstuurd.append(lid.pk)
    Weekmail.objects.filter(week=week, lid_id__in=verstuurd).update(status=Weekmail.Status.VERSTUURD)
    for pk, reden in mislukt.items():
        Weekmail.objects.filter(week=week, lid_id=pk).update(status=Weekmail.Status.MISLUKT, reden=reden)
    logger.info("weekoverzicht %s: %s verstuurd, %s mislukt", werkgroep.slug, len(verstuurd), len(mislukt))
    return {"verstuurd": len(verstuurd), "mislukt": len(mislukt)}
