"""Readiness check of PVO's target area (pvo.md ``pvo.gebied``): every park has a valid outline on the
map and its postcodes with house numbers recorded (the police's figures are asked by postcode)."""

from __future__ import annotations

from gebieden import geo
from gebieden.checks import GEEN_TERREIN, _namen, _terreinen, _url
from kvo.toets import Status, ToetsContext, Uitkomst, eis

IDS = ("pvo.gebied",)


def postcodes_van(terrein) -> list[dict]:
    """The park's recorded postcodes (entries without a postcode do not count)."""
    return [p for p in (terrein.postcodes or []) if isinstance(p, dict) and str(p.get("postcode") or "").strip()]


@eis("pvo.gebied")
def check_gebied(ctx: ToetsContext) -> Uitkomst:
    u = _url(ctx)
    terreinen = _terreinen(ctx)
    if not terreinen:
        return Uitkomst(Status.OPEN, GEEN_TERREIN, u)
    ongeldig = [t for t in terreinen if t.grens and not geo.is_geldig(t.grens)]
    zonder_grens = [t for t in terreinen if not t.grens]
    zonder_postcodes = [t for t in terreinen if not postcodes_van(t)]
    aantal = sum(len(postcodes_van(t)) for t in terreinen)
    tekst = (
        f"{len(terreinen) - len(ongeldig) - len(zonder_grens)} van {len(terreinen)} terreinen met een geldige grens; "
        f"{aantal} postcodes vastgelegd"
    )
    if ongeldig:
        return Uitkomst(Status.NIET_VOLDAAN, f"{tekst}; ongeldige grens: {_namen(ongeldig)}.", u)
    mist = []
    if zonder_grens:
        mist.append(f"geen grens: {_namen(zonder_grens)}")
    if zonder_postcodes:
        mist.append(f"geen postcodes en huisnummers: {_namen(zonder_postcodes)}")
    if mist:
        return Uitkomst(Status.OPEN, f"{tekst}; {'; '.join(mist)}.", u)
    return Uitkomst(Status.VOLDAAN, f"{tekst}. Het doelgebied is afgebakend.", u)
