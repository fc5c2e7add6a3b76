"""Readiness check ``enquete.persoonlijk`` (§4.1.1): every entrepreneur of the register has an
invitation of their own, delivered by e-mail (a protected link) or by letter (the same link).
"One response per invitation" holds by design (``reactie_indienen`` claims the invitation).

Status: no survey, or not sent yet → ``open``; sent, and e-mails still in the queue → ``open``;
an entrepreneur without an invitation, or an invitation that did not arrive (failed, bounced, a
letter not made yet) → ``niet_voldaan``, naming the numbers; everyone reached → ``voldaan``.
"""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse

from analyse.checks.enquete import _enquete, _geen_enquete
from analyse.models import EnqueteUitnodiging
from kvo.toets import Status, ToetsContext, Uitkomst, eis

V = EnqueteUitnodiging.Verzending
K = EnqueteUitnodiging.Kanaal


def _url(ctx: ToetsContext) -> str:
    return reverse("analyse:uitnodigingen", kwargs={"werkgroep": ctx.werkgroep.slug})


@eis("enquete.persoonlijk")
def check_persoonlijk(ctx: ToetsContext) -> Uitkomst:
    if uitkomst := _geen_enquete(ctx):
        return uitkomst
    enquete = _enquete(ctx)
    if not enquete.is_verstuurd:
        return Uitkomst(
            Status.OPEN,
            "De enquête is nog niet verstuurd; bij het versturen krijgt elke ondernemer uit het register een "
            "eigen uitnodiging.",
            _url(ctx),
        )
    bereikt = Q(beantwoord=True) | Q(verzending=V.VERSTUURD)
    t = enquete.uitnodigingen.aggregate(
        totaal=Count("pk"),
        mail=Count("pk", filter=Q(kanaal=K.EMAIL)),
        brief=Count("pk", filter=Q(kanaal=K.BRIEF)),
        bereikt=Count("pk", filter=bereikt),
        wachtrij=Count("pk", filter=~bereikt & Q(kanaal=K.EMAIL, verzending__in=[V.WACHT, V.BEZIG])),
        mislukt=Count("pk", filter=~bereikt & Q(verzending__in=[V.MISLUKT, V.ONBESTELBAAR])),
        brief_te_maken=Count("pk", filter=~bereikt & Q(kanaal=K.BRIEF, verzending=V.WACHT)),
    )
    from gebieden.models import Ondernemer

    register = Ondernemer.objects.filter(terrein__werkgroep=ctx.werkgroep)
    zonder = register.exclude(enquete_uitnodigingen__enquete=enquete).count()
    stand = f"{t['totaal']} uitnodigingen ({t['mail']} per e-mail, {t['brief']} per brief), {t['bereikt']} afgeleverd"
    problemen = []
    if zonder:
        problemen.append(f"{zonder} ondernemer{'s' if zonder != 1 else ''} uit het register zonder uitnodiging")
    if t["mislukt"]:
        problemen.append(
            f"{t['mislukt']} e-mail{'s' if t['mislukt'] != 1 else ''} mislukt of onbestelbaar (stuur een brief)"
        )
    if t["brief_te_maken"]:
        problemen.append(f"{t['brief_te_maken']} brie{'ven' if t['brief_te_maken'] != 1 else 'f'} nog niet gemaakt")
    if problemen:
        return Uitkomst(Status.NIET_VOLDAAN, f"{stand}; " + "; ".join(problemen) + ".", _url(ctx))
    if t["wachtrij"]:
        return Uitkomst(Status.OPEN, f"{stand}; nog {t['wachtrij']} e-mails in de wachtrij.", _url(ctx))
    return Uitkomst(
        Status.VOLDAAN,
        f"Elke ondernemer uit het register heeft een eigen uitnodiging: {stand}. Eén reactie per uitnodiging.",
        _url(ctx),
    )
