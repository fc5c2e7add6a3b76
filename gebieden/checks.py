"""Readiness checks for the area (handbook §3.1, §3.1.1; IDs from eisen.md).

No park recorded → ``open``; cluster rules with a single park → ``nvt``. The overview page of
the area shows these same results, so page and readiness check cannot disagree.
"""

from __future__ import annotations

from gebieden import geo
from gebieden.regels import MAX_ONDERNEMERS, MAX_TERREINEN, gemeenten
from gebieden.selectors import terreinen_met_telling_per
from kvo.toets import Status, ToetsContext, Uitkomst, eis, gedeeld

IDS = (
    "gebied.kaart",
    "gebied.max-ondernemers",
    "cluster.max-terreinen",
    "cluster.een-gemeente",
    "cluster.vertegenwoordiging",
    "cluster.regie",
)
GEEN_TERREIN = "Er is nog geen bedrijventerrein vastgelegd."


@gedeeld("gebieden.terreinen")
def _terreinen(contexten: list[ToetsContext]) -> list:
    per_datum: dict = {}  # the contexts of one run share their date; kept general
    for ctx in contexten:
        per_datum.setdefault(ctx.datum, []).append(ctx.werkgroep)
    per = {d: terreinen_met_telling_per(wgs, op=d) for d, wgs in per_datum.items()}
    return [per[c.datum][c.werkgroep.pk] for c in contexten]


def _url(ctx: ToetsContext) -> str:
    return ctx.url("gebieden:overzicht")


def _namen(terreinen) -> str:
    return ", ".join(t.naam for t in terreinen)


def _enkel_terrein(ctx: ToetsContext, terreinen) -> Uitkomst | None:
    if not terreinen:
        return Uitkomst(Status.OPEN, GEEN_TERREIN, _url(ctx))
    if len(terreinen) == 1:
        tekst = f"Het gebied is één bedrijventerrein ({terreinen[0].naam}), geen cluster."
        return Uitkomst(Status.NVT, tekst, _url(ctx))
    return None


@eis("gebied.kaart")
def check_kaart(ctx: ToetsContext) -> Uitkomst:
    terreinen = _terreinen(ctx)
    if not terreinen:
        return Uitkomst(Status.OPEN, GEEN_TERREIN, _url(ctx))
    ongeldig = [t for t in terreinen if t.grens and not geo.is_geldig(t.grens)]
    zonder = [t for t in terreinen if not t.grens]
    met = len(terreinen) - len(ongeldig) - len(zonder)
    telling = f"{met} van {len(terreinen)} terreinen hebben een geldige grens op de kaart"
    if ongeldig:
        return Uitkomst(Status.NIET_VOLDAAN, f"{telling}; ongeldige grens: {_namen(ongeldig)}.", _url(ctx))
    if zonder:
        return Uitkomst(Status.OPEN, f"{telling}; nog geen grens: {_namen(zonder)}.", _url(ctx))
    return Uitkomst(Status.VOLDAAN, f"{telling}. Het gebied heet {ctx.werkgroep.naam}.", _url(ctx))


@eis("gebied.max-ondernemers")
def check_max_ondernemers(ctx: ToetsContext) -> Uitkomst:
    terreinen = _terreinen(ctx)
    if not terreinen:
        return Uitkomst(Status.OPEN, GEEN_TERREIN, _url(ctx))
    totaal = sum(t.aantal_ondernemers for t in terreinen)
    verdeling = f" ({'; '.join(f'{t.naam}: {t.aantal_ondernemers}' for t in terreinen)})" if len(terreinen) > 1 else ""
    tekst = f"{totaal} ondernemers{verdeling}, maximaal {MAX_ONDERNEMERS}."
    if totaal == 0:
        return Uitkomst(Status.OPEN, "Er zijn nog geen ondernemers geregistreerd.", _url(ctx))
    if totaal > MAX_ONDERNEMERS:
        return Uitkomst(Status.NIET_VOLDAAN, f"{tekst} Dat is {totaal - MAX_ONDERNEMERS} te veel.", _url(ctx))
    return Uitkomst(Status.VOLDAAN, tekst, _url(ctx))


@eis("cluster.max-terreinen")
def check_max_terreinen(ctx: ToetsContext) -> Uitkomst:
    terreinen = _terreinen(ctx)
    if enkel := _enkel_terrein(ctx, terreinen):
        return enkel
    n = len(terreinen)
    tekst = f"Het cluster telt {n} bedrijventerreinen, maximaal {MAX_TERREINEN}."
    return Uitkomst(Status.NIET_VOLDAAN if n > MAX_TERREINEN else Status.VOLDAAN, tekst, _url(ctx))


@eis("cluster.een-gemeente")
def check_een_gemeente(ctx: ToetsContext) -> Uitkomst:
    terreinen = _terreinen(ctx)
    if enkel := _enkel_terrein(ctx, terreinen):
        return enkel
    lijst = gemeenten(t.gemeente for t in terreinen)
    if len(lijst) > 1:
        return Uitkomst(
            Status.NIET_VOLDAAN,
            f"De {len(terreinen)} terreinen liggen in {len(lijst)} gemeenten ({', '.join(lijst)}); "
            "het moet er één zijn.",
            _url(ctx),
        )
    return Uitkomst(Status.VOLDAAN, f"Alle {len(terreinen)} terreinen liggen in de gemeente {lijst[0]}.", _url(ctx))


@eis("cluster.vertegenwoordiging")
def check_vertegenwoordiging(ctx: ToetsContext) -> Uitkomst:
    terreinen = _terreinen(ctx)
    if enkel := _enkel_terrein(ctx, terreinen):
        return enkel
    zonder = [t for t in terreinen if not t.aantal_vertegenwoordigers]
    met = len(terreinen) - len(zonder)
    tekst = f"{met} van {len(terreinen)} terreinen hebben een vertegenwoordiger in de werkgroep"
    if zonder:
        return Uitkomst(Status.NIET_VOLDAAN, f"{tekst}; zonder vertegenwoordiger: {_namen(zonder)}.", _url(ctx))
    return Uitkomst(Status.VOLDAAN, f"{tekst}.", _url(ctx))


@eis("cluster.regie")
def check_regie(ctx: ToetsContext) -> Uitkomst:
    terreinen = _terreinen(ctx)
    if enkel := _enkel_terrein(ctx, terreinen):
        return enkel
    regie = (ctx.werkgroep.regie_organisatie or "").strip()
    if not regie:
        return Uitkomst(
            Status.NIET_VOLDAAN,
            f"Het cluster van {len(terreinen)} terreinen noemt geen regie-organisatie.",
            _url(ctx),
        )
    return Uitkomst(Status.VOLDAAN, f"Regie en aanspreekpunt: {regie}.", _url(ctx))
from gebieden import checks_pvo  # noqa: E402, F401  (PVO, pvo.md)
