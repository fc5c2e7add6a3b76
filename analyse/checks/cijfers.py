"""Readiness checks of the incident figures (§4.1.2; IDs from eisen.md).

Both judge the figures of the cycle through ``analyse.selectors.cijfers.bron_stand`` (the page
shows the same), counting only days up to the analysis date: the adopted conclusion's date, or
else the evaluation date. Nothing recorded for the rule → ``open``.

- ``cijfers.politie-brandweer``: police and fire service each cover a whole calendar year before
  the analysis, and no figure of theirs has sub-area ``onbekend`` (not split into business park /
  other). One source missing while the other is recorded → ``niet_voldaan`` (it names "ontbreekt").
- ``cijfers.gemeente``: the municipality's public-space reports cover a whole calendar year
  before the analysis; handled reports recorded on none of them → ``open``.
"""

from __future__ import annotations

from analyse.models import Cijfer
from analyse.selectors.cijfers import BronStand, analysedatum_uit, cijfers_per_cyclus, vastgesteld_per_cyclus
from kvo.toets import Status, ToetsContext, Uitkomst, cycli_van, eis, gedeeld

IDS = ("cijfers.politie-brandweer", "cijfers.gemeente")
GEEN_CYCLUS = "Er is nog geen cyclus gestart; cijfers horen bij de veiligheidsanalyse van een cyclus."


def _url(ctx: ToetsContext) -> str:
    return ctx.url("analyse:cijfers")


@gedeeld("analyse.cijfers", leest=("cijfers", "conclusie", "gebied"))
def _gegevens(contexten: list[ToetsContext]) -> list[tuple[list[Cijfer], object, str]]:
    """Per context: the cycle's figures (``cijfers_van``) and its analysis date with the reason
    (``analysedatum``)."""
    cycli = cycli_van(contexten)
    cijfers, vastgesteld = cijfers_per_cyclus(cycli), vastgesteld_per_cyclus(cycli)
    uit = []
    for c in contexten:
        pk = c.cyclus.pk if c.cyclus is not None else None
        uit.append((cijfers.get(pk, []), *analysedatum_uit(vastgesteld.get(pk), c.datum)))
    return uit


def _stand(ctx: ToetsContext, bron: str) -> tuple[BronStand, str]:
    cijfers, datum, reden = _gegevens(ctx)
    return BronStand(bron, [c for c in cijfers if c.bron == bron], datum), reden


@eis("cijfers.politie-brandweer")
def politie_brandweer(ctx: ToetsContext) -> Uitkomst:
    if ctx.cyclus is None:
        return Uitkomst(Status.OPEN, GEEN_CYCLUS, _url(ctx))
    (politie, reden), (brandweer, _) = _stand(ctx, Cijfer.Bron.POLITIE), _stand(ctx, Cijfer.Bron.BRANDWEER)
    if not politie.cijfers and not brandweer.cijfers:
        return Uitkomst(
            Status.OPEN,
            "Nog geen cijfers van politie en brandweer vastgelegd. Vraag beide om hun aangiftes, meldingen en "
            "incidenten over minstens één heel kalenderjaar vóór de analyse.",
            _url(ctx),
        )
    voldaan = politie.status == Status.VOLDAAN and brandweer.status == Status.VOLDAAN
    tekst = f"{politie.tekst}; {brandweer.tekst}. Meegeteld tot en met {reden}."
    if not voldaan:
        tekst += (
            " Nodig: per dienst minstens één heel kalenderjaar vóór de analyse; cijfers van een postcodegebied "
            "dat groter is dan het terrein gesplitst in bedrijventerrein en overig."
        )
    return Uitkomst(Status.VOLDAAN if voldaan else Status.NIET_VOLDAAN, tekst, _url(ctx))


@eis("cijfers.gemeente")
def gemeente(ctx: ToetsContext) -> Uitkomst:
    if ctx.cyclus is None:
        return Uitkomst(Status.OPEN, GEEN_CYCLUS, _url(ctx))
    stand, reden = _stand(ctx, Cijfer.Bron.GEMEENTE)
    if not stand.cijfers:
        return Uitkomst(
            Status.OPEN,
            "Nog geen meldingen openbare ruimte van de gemeente vastgelegd. Vraag de gemeente om de meldingen "
            "over minstens één heel kalenderjaar, ook de meldingen die al zijn afgehandeld.",
            _url(ctx),
        )
    tekst = f"{stand.tekst}. Meegeteld tot en met {reden}."
    status = stand.status
    if status == Status.NIET_VOLDAAN:
        tekst += " Nodig: minstens één heel kalenderjaar (1 januari t/m 31 december)."
    elif status == Status.OPEN:
        tekst += " Vul bij de gemeentecijfers 'waarvan afgehandeld' in, zodat blijkt dat die zijn meegeteld."
    return Uitkomst(status, tekst, _url(ctx))
