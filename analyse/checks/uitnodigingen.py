"""Readiness check ``enquete.persoonlijk`` (§4.1.1): every entrepreneur of the register has an
invitation of their own, delivered by e-mail (a protected link) or by letter (the same link).
"One response per invitation" holds by design (``reactie_dien_in`` claims the invitation).

Status: no survey, or not sent yet → ``open``; sent, and e-mails still in the queue → ``open``;
an entrepreneur without an invitation, or an invitation that did not arrive (failed, bounced, a
letter not made yet) → ``niet_voldaan``, naming the numbers; everyone reached → ``voldaan``.
"""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q

from analyse.checks.enquete import _enquete, _geen_enquete
from analyse.models import EnqueteUitnodiging
from gebieden.models import Ondernemer
from kvo.toets import Status, ToetsContext, Uitkomst, eis, gedeeld

V = EnqueteUitnodiging.Verzending
K = EnqueteUitnodiging.Kanaal
BEREIKT = Q(beantwoord=True) | Q(verzending=V.VERSTUURD)
TELLINGEN = {
    "totaal": Count("pk"),
    "mail": Count("pk", filter=Q(kanaal=K.EMAIL)),
    "brief": Count("pk", filter=Q(kanaal=K.BRIEF)),
    "bereikt": Count("pk", filter=BEREIKT),
    "wachtrij": Count("pk", filter=~BEREIKT & Q(kanaal=K.EMAIL, verzending__in=[V.WACHT, V.BEZIG])),
    "mislukt": Count("pk", filter=~BEREIKT & Q(verzending__in=[V.MISLUKT, V.ONBESTELBAAR])),
    "brief_te_maken": Count("pk", filter=~BEREIKT & Q(kanaal=K.BRIEF, verzending=V.WACHT)),
}


def _url(ctx: ToetsContext) -> str:
    return ctx.url("analyse:uitnodigingen")


@gedeeld("analyse.enquete.uitnodigingen", leest=("uitnodiging", "gebied"))
def _uitnodigingen(contexten: list[ToetsContext]) -> list:
    """Per context with a sent survey: its invitations counted (``TELLINGEN``) and the number of
    entrepreneurs of the work group's register without one, as ``(tellingen, zonder)``; else None."""
    enquetes = [e if (e := _enquete(c)) is not None and e.is_verstuurd else None for c in contexten]
    gekozen = [e for e in enquetes if e is not None]
    werkgroepen = [c.werkgroep for c, e in zip(contexten, enquetes, strict=True) if e is not None]
    if not gekozen:
        return [None] * len(contexten)
    tellingen = {
        r.pop("enquete_id"): r
        for r in EnqueteUitnodiging.objects.filter(enquete__in=gekozen)
        .order_by()
        .values("enquete_id")
        .annotate(**TELLINGEN)
    }
    # the register's entrepreneurs without an invitation to their own work group's survey of the run
    uitgenodigd = EnqueteUitnodiging.objects.filter(
        ondernemer=OuterRef("pk"), enquete__in=gekozen, enquete__cyclus__werkgroep=OuterRef("terrein__werkgroep")
    )
    zonder = dict(
        Ondernemer.objects.filter(terrein__werkgroep__in=werkgroepen)
        .filter(~Exists(uitgenodigd))
        .order_by()
        .values("terrein__werkgroep_id")
        .annotate(n=Count("pk"))
        .values_list("terrein__werkgroep_id", "n")
    )
    leeg = dict.fromkeys(TELLINGEN, 0)
    return [
        (tellingen.get(e.pk, leeg), zonder.get(c.werkgroep.pk, 0)) if e is not None else None
        for c, e in zip(contexten, enquetes, strict=True)
    ]


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
    t, zonder = _uitnodigingen(ctx)
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
