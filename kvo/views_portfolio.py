"""The facilitator's portfolio: every work group they facilitate on one page (staff: all).

Per work group the stored readiness snapshot (``Werkgroep.toets_stand``, refreshed after every change
and nightly by ``kvo.tasks.alle_toetsen_bijwerken``), never a check run per request, and the next deadline from
the apps' ``termijnen.py`` (``kvo.termijnen``), overdue first. The number of queries does not
grow with the number of work groups.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from kvo import versie
from kvo.na_commit import enqueue_na_commit
from kvo.tasks import werkgroep_toets_bijwerken
from kvo.tenancy import tweestaps_nodig
from kvo.termijnen import Termijn, termijnen
from kvo.toets import Gereedheid
from werkgroepen.models import Werkgroep


@dataclass(frozen=True)
class Portfoliorij:
    werkgroep: Werkgroep
    gereedheid: Gereedheid | None  # the stored snapshot's figure; None: no snapshot yet
    termijnen: list[Termijn]
    vandaag: dt.date

    @property
    def voldaan(self) -> int | None:
        return self.gereedheid.voldaan if self.gereedheid is not None else None

    @property
    def meegeteld(self) -> int:
        """Every requirement except n.v.t."""
        return self.gereedheid.te_toetsen if self.gereedheid is not None else 0

    @property
    def procent(self) -> int:
        """The readiness figure's share (``kvo.toets.Gereedheid``): as on the readiness page and home."""
        return self.gereedheid.procent if self.gereedheid is not None else 0

    @property
    def volgende(self) -> Termijn | None:
        return self.termijnen[0] if self.termijnen else None

    @property
    def verlopen(self) -> list[Termijn]:
        return [t for t in self.termijnen if t.is_verlopen(self.vandaag)]

    @property
    def sortering(self) -> tuple:
        """Overdue first, then by the next deadline's date, groups without deadlines last."""
        volgende = self.volgende
        return (0 if self.verlopen else 1 if volgende else 2, volgende.datum if volgende else dt.date.max)


def mag_portfolio(user) -> bool:
    return user.is_authenticated and (user.is_staff or user.begeleidingsorganisaties.exists())


def begeleide_werkgroepen(user) -> QuerySet[Werkgroep]:
    """The work groups of the user's facilitating organisations; staff: every work group."""
    if user.is_staff:
        return Werkgroep.objects.all()
    return Werkgroep.objects.filter(begeleiding__gebruikers=user).distinct()


def portfolio_rijen(werkgroepen: list[Werkgroep], vandaag: dt.date) -> list[Portfoliorij]:
    per_werkgroep = termijnen(werkgroepen, vandaag)
    rijen = []
    for wg in werkgroepen:
        rijen.append(Portfoliorij(wg, wg.toets_gereedheid, per_werkgroep.get(wg.pk, []), vandaag))
    rijen.sort(key=lambda r: r.sortering)  # stable: by name within equal keys
    return rijen


# What the kept page reads of each work group (kvo.versie), besides the stored readiness figure.
LEEST = versie.leest("pagina:portfolio", "audit", "certificaat", "enquete", "uitnodiging", "plan", "evaluatie")


@login_required
@require_http_methods(["GET", "POST"])
def portfolio(request):
    """GET: the portfolio. POST: queue a fresh readiness check for each of the user's work groups."""
    if not mag_portfolio(request.user):
        raise PermissionDenied("Alleen procesbegeleiders en beheerders hebben een portfolio van werkgroepen.")
    if request.method == "POST":
        verplicht = begeleide_werkgroepen(request.user).filter(mfa_verplicht=True).exists()
        if omleiding := tweestaps_nodig(request, verplicht=verplicht):  # a group's two-factor rule counts here too
            return omleiding
        ids = list(begeleide_werkgroepen(request.user).values_list("pk", flat=True))
        with transaction.atomic():
            for pk in ids:
                enqueue_na_commit(werkgroep_toets_bijwerken, werkgroep_id=pk)
        messages.success(
            request,
            f"De handboektoets van {len(ids)} werkgroep{'en' if len(ids) != 1 else ''} wordt opnieuw berekend. "
            "Vernieuw de pagina over een minuut.",
        )
        return redirect("begeleiding:portfolio")
    vandaag = timezone.localdate()
    # What the page depends on, read without loading the work groups: their data versions (read by
    # kvo.versie) and the time of their stored readiness figure (written as bookkeeping, which the
    # data version does not follow). The work groups themselves are read only to compute the page.
    stand = sorted(begeleide_werkgroepen(request.user).values_list("pk", "toets_berekend_op", "mfa_verplicht"))
    if omleiding := tweestaps_nodig(request, verplicht=any(verplicht for *_, verplicht in stand)):
        return omleiding
    ids = [pk for pk, *_ in stand]

    def context_maken() -> dict:
        werkgroepen = list(Werkgroep.objects.filter(pk__in=ids).order_by("naam"))
        return {"aantal": len(werkgroepen), "rijen": portfolio_rijen(werkgroepen, vandaag), "vandaag": vandaag}

    return versie.bewaarde_pagina_voor(request, ids, "portfolio", "kvo/portfolio.html", context_maken, delen=(stand,))
