"""Readiness checks of the survey's response and anonymity (§4.1.1).

``enquete.respons``: per park, responses / entrepreneurs against 40 / 30 / 20 % compared exactly
(``analyse.regels``). No survey or not sent → ``open``; every park meets it → ``voldaan``; a park
short while the survey is still open → ``open`` (it can still be reached); closed and short →
``niet_voldaan``. The explanation names the numbers of every park.

``enquete.anoniem``: guaranteed by design (a response holds its park and answers only; tested
on the stored rows); ``voldaan`` once responses exist, else ``open``.
"""

from __future__ import annotations

from analyse.checks.enquete import _enquete, _geen_enquete, _reacties
from analyse.selectors.resultaten import respons_per_terreinen
from kvo.toets import Status, ToetsContext, Uitkomst, eis, gedeeld


def _url(ctx: ToetsContext, naam: str) -> str:
    return ctx.url(f"analyse:{naam}")


@gedeeld("analyse.enquete.respons", leest=("gebied",))
def _respons(contexten: list[ToetsContext]) -> list:
    """``respons_per_terrein`` of each context's sent survey (empty for a survey not sent, or none)."""
    enquetes = [e if (e := _enquete(c)) is not None and e.is_verstuurd else None for c in contexten]
    gekozen = [(c, e) for c, e in zip(contexten, enquetes, strict=True) if e is not None]
    respons = respons_per_terreinen([e for _, e in gekozen], {e.cyclus_id: _reacties(c) for c, e in gekozen})
    return [respons[e.pk] if e is not None else [] for e in enquetes]


@eis("enquete.respons")
def check_respons(ctx: ToetsContext) -> Uitkomst:
    if uitkomst := _geen_enquete(ctx):
        return uitkomst
    enquete = _enquete(ctx)
    url = _url(ctx, "respons")
    if not enquete.is_verstuurd:
        return Uitkomst(Status.OPEN, "De enquête is nog niet verstuurd.", url)
    per_terrein = [r for r in _respons(ctx) if r.ondernemers]
    if not per_terrein:
        return Uitkomst(Status.OPEN, "Er staan geen ondernemers in het register.", url)
    stand = "; ".join(r.tekst for r in per_terrein)
    tekort = [r for r in per_terrein if not r.gehaald]
    if not tekort:
        return Uitkomst(Status.VOLDAAN, stand + ".", url)
    nodig = ", ".join(f"{r.terrein} nog {r.tekort}" for r in tekort)
    if enquete.is_open(ctx.datum):
        return Uitkomst(Status.OPEN, f"{stand}. De enquête loopt nog; nodig: {nodig}.", url)
    return Uitkomst(Status.NIET_VOLDAAN, f"{stand}. Niet gehaald: {nodig} reacties te weinig.", url)


@eis("enquete.anoniem")
def check_anoniem(ctx: ToetsContext) -> Uitkomst:
    if uitkomst := _geen_enquete(ctx):
        return uitkomst
    aantal = sum(_reacties(ctx).values())
    url = _url(ctx, "resultaten")
    if not aantal:
        return Uitkomst(Status.OPEN, "Er zijn nog geen reacties.", url)
    return Uitkomst(
        Status.VOLDAAN,
        f"{aantal} anonieme reacties: per reactie alleen het bedrijventerrein en de antwoorden, zonder verwijzing "
        "naar de ondernemer of een tijdstip. De resultaten staan per vraag in grafiek en tabel, open antwoorden "
        "letterlijk; uitsplitsingen met minder dan 5 reacties worden niet getoond, en nieuwe reacties komen per "
        "5 van een bedrijventerrein tegelijk in de resultaten.",
        url,
    )
