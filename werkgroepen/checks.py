"""Readiness checks for the work group (handbook §3.2–3.7, §4.3.1; IDs from eisen.md).

Only members active on the evaluation date count. No members recorded → ``open``; a rule the
recorded data breaks → ``niet_voldaan``. Every explanation names the numbers it used and links to
the page where the work group fixes it. The pages show the same results as warnings.
"""

from __future__ import annotations

from collections.abc import Callable

from kvo.toets import CyclusJaar, Status, ToetsContext, Uitkomst, eis, gedeeld, jaarregel, plus_jaren
from werkgroepen import selectors
from werkgroepen.models import Groepsrol
from werkgroepen.services.administratie import MINIMUM_BEWAARTERMIJN, MINIMUM_BIJEENKOMSTEN

IDS = (
    "werkgroep.verplichte-partijen",
    "werkgroep.ondernemersvereniging",
    "werkgroep.ledenlijst",
    "werkgroep.rollen",
    "werkgroep.correspondentieadres",
    "werkgroep.afspraken",
    "werkgroep.woordvoerder",
    "werkgroep.app-beheerder",
    "werkgroep.bewaartermijn",
    "werkgroep.bijeenkomsten",
    "werkgroep.communicatie",
)
# Which page shows (and fixes) which rule.
IDS_LEDEN = (
    "werkgroep.verplichte-partijen",
    "werkgroep.ondernemersvereniging",
    "werkgroep.ledenlijst",
    "werkgroep.rollen",
    "werkgroep.woordvoerder",
    "werkgroep.app-beheerder",
)
IDS_AFSPRAKEN = ("werkgroep.correspondentieadres", "werkgroep.afspraken", "werkgroep.bewaartermijn")
IDS_BIJEENKOMSTEN = ("werkgroep.bijeenkomsten",)
IDS_COMMUNICATIE = ("werkgroep.communicatie",)
IDS_DOCUMENTEN = ("werkgroep.bewaartermijn",)

GEEN_LEDEN = "Er zijn nog geen (actieve) leden vastgelegd."
AFSPRAAK_ONDERWERPEN = (
    ("bijeenkomsten_per_jaar", "aantal bijeenkomsten per jaar"),
    ("wijziging_samenstelling", "toe- en aftreden van leden"),
    ("wijziging_gebied", "wijzigingen in het gebied"),
    ("besluitvorming", "wijze van besluitvorming"),
    ("communicatie", "wijze van communiceren"),
    ("financien", "financiële middelen en geldstromen"),
)


def _url(ctx: ToetsContext, naam: str) -> str:
    return ctx.url(f"werkgroepen:{naam}")


def _van_de_werkgroep(sleutel: str, per_werkgroep, leest: tuple[str, ...]) -> Callable[[ToetsContext], object]:
    """A loader of the work group's own rows through a batch selector (``…_per_werkgroep``); ``leest``:
    the parts of the work group's data it reads (``kvo.versie``)."""

    @gedeeld(sleutel, leest=leest)
    def laden(contexten: list[ToetsContext]) -> list:
        per = per_werkgroep(c.werkgroep for c in contexten)
        return [per[c.werkgroep.pk] for c in contexten]

    return laden


_leden = _van_de_werkgroep("werkgroepen.leden", selectors.leden_per_werkgroep, ("leden", "partijen", "gebied"))
_partijen = _van_de_werkgroep("werkgroepen.partijen", selectors.partijen_per_werkgroep, ("partijen",))
_afspraken = _van_de_werkgroep("werkgroepen.afspraken", selectors.afspraken_per_werkgroep, ("partijen",))
_bijeenkomsten = _van_de_werkgroep(
    "werkgroepen.bijeenkomsten", selectors.bijeenkomsten_per_werkgroep, ("bijeenkomst", "leden")
)
_communicaties = _van_de_werkgroep(
    "werkgroepen.communicaties", selectors.communicaties_per_werkgroep, ("communicatie",)
)


def _actief(ctx: ToetsContext) -> list:
    leden = _leden(ctx)  # through the loader every time: the rule's answer is kept under what it read
    if "werkgroepen.actief" not in ctx.cache:
        ctx.cache["werkgroepen.actief"] = selectors.actieve_leden(leden, ctx.datum)
    return ctx.cache["werkgroepen.actief"]


def _label(rol: str) -> str:
    return str(Groepsrol(rol).label)


def _namen(leden) -> str:
    return ", ".join(lid.naam for lid in leden)


def _termijn_ondernemers(ctx: ToetsContext):
    return plus_jaren(ctx.werkgroep.gestart_op, 1)


@eis("werkgroep.verplichte-partijen")
def check_verplichte_partijen(ctx: ToetsContext) -> Uitkomst:
    url = _url(ctx, "leden")
    actief = _actief(ctx)
    if not actief:
        return Uitkomst(Status.OPEN, GEEN_LEDEN, url)
    stand = selectors.partijen_stand(actief)
    aanwezig = [s for s in stand if s.aanwezig]
    ontbreekt = [s for s in stand if not s.aanwezig]
    tekst = f"{len(aanwezig)} van {len(stand)} verplichte partijen vertegenwoordigd"
    if not ontbreekt:
        return Uitkomst(Status.VOLDAAN, f"{tekst}: ondernemers, gemeente, politie en brandweer.", url)
    tekst = f"{tekst}; ontbreekt: {', '.join(s.partij.label for s in ontbreekt)}."
    termijn = _termijn_ondernemers(ctx)
    if [s.partij.sleutel for s in ontbreekt] == ["ondernemers"] and ctx.datum <= termijn:
        return Uitkomst(
            Status.OPEN,
            f"{tekst} De ondernemers moeten uiterlijk {termijn:%d-%m-%Y} vertegenwoordigd zijn (één jaar na de start).",
            url,
        )
    return Uitkomst(Status.NIET_VOLDAAN, tekst, url)


@eis("werkgroep.ondernemersvereniging")
def check_ondernemersvereniging(ctx: ToetsContext) -> Uitkomst:
    url = _url(ctx, "leden")
    alle = _partijen(ctx)
    bestaand = selectors.ondernemersorganisaties(alle, ctx.datum)
    termijn = _termijn_ondernemers(ctx)
    start = ctx.werkgroep.gestart_op
    if bestaand:
        namen = ", ".join(f"{p.naam} ({p.get_soort_display()})" for p in bestaand)
        tekst = f"De ondernemers worden vertegenwoordigd door: {namen}."
        laat = [p for p in bestaand if p.opgericht_op and p.opgericht_op > termijn]
        if len(laat) == len(bestaand):
            tekst += f" Opgericht na de termijn van één jaar na de start ({termijn:%d-%m-%Y}), maar die is er nu."
        return Uitkomst(Status.VOLDAAN, tekst, url)
    if ctx.datum <= termijn:
        dagen = (termijn - ctx.datum).days
        return Uitkomst(
            Status.OPEN,
            f"Nog geen ondernemersvereniging of belangenbehartiger (overeenkomst). Gestart op {start:%d-%m-%Y}: "
            f"uiterlijk {termijn:%d-%m-%Y} moet die er zijn (nog {dagen} dagen).",
            url,
        )
    return Uitkomst(
        Status.NIET_VOLDAAN,
        f"Gestart op {start:%d-%m-%Y}; op {termijn:%d-%m-%Y} (één jaar na de start) was er nog geen "
        "ondernemersvereniging of overeenkomst met een belangenbehartiger, en die is er nog steeds niet.",
        url,
    )


@eis("werkgroep.ledenlijst")
def check_ledenlijst(ctx: ToetsContext) -> Uitkomst:
    url = _url(ctx, "leden")
    actief = _actief(ctx)
    if not actief:
        return Uitkomst(Status.OPEN, GEEN_LEDEN, url)
    zonder = [lid for lid in actief if lid.partij_id is None]
    if zonder:
        return Uitkomst(Status.NIET_VOLDAAN, f"{len(zonder)} van {len(actief)} leden zonder partij.", url)
    partijen = len({lid.partij_id for lid in actief})
    return Uitkomst(
        Status.VOLDAAN, f"{len(actief)} actieve leden, elk gekoppeld aan een partij ({partijen} partijen).", url
    )


@eis("werkgroep.rollen")
def check_rollen(ctx: ToetsContext) -> Uitkomst:
    url = _url(ctx, "leden")
    actief = _actief(ctx)
    if not actief:
        return Uitkomst(Status.OPEN, GEEN_LEDEN, url)
    stand = selectors.rollen_stand(actief)
    ontbreekt = [r for r in selectors.VERPLICHTE_ROLLEN if not stand[r]]
    bezet = len(selectors.VERPLICHTE_ROLLEN) - len(ontbreekt)
    tekst = f"{bezet} van {len(selectors.VERPLICHTE_ROLLEN)} vaste rollen bezet"
    if ontbreekt:
        return Uitkomst(Status.NIET_VOLDAAN, f"{tekst}; niemand is {', '.join(_label(r) for r in ontbreekt)}.", url)
    return Uitkomst(Status.VOLDAAN, f"{tekst}: voorzitter, secretaris, interne en externe communicatie.", url)


@eis("werkgroep.correspondentieadres")
def check_correspondentieadres(ctx: ToetsContext) -> Uitkomst:
    url = _url(ctx, "afspraken")
    wg = ctx.werkgroep
    velden = (("straat en huisnummer", wg.adres_straat), ("postcode", wg.adres_postcode), ("plaats", wg.adres_plaats))
    ontbreekt = [naam for naam, waarde in velden if not (waarde or "").strip()]
    if not ontbreekt:
        adres = f"{wg.adres_straat}, {wg.adres_postcode} {wg.adres_plaats}"
        return Uitkomst(Status.VOLDAAN, f"Correspondentieadres: {adres}.", url)
    if len(ontbreekt) == len(velden):
        return Uitkomst(Status.OPEN, "Er is nog geen correspondentieadres vastgelegd.", url)
    return Uitkomst(
        Status.NIET_VOLDAAN, f"Het correspondentieadres is onvolledig: {', '.join(ontbreekt)} ontbreekt.", url
    )


@eis("werkgroep.afspraken")
def check_afspraken(ctx: ToetsContext) -> Uitkomst:
    url = _url(ctx, "afspraken")
    af = _afspraken(ctx)
    if af is None:
        return Uitkomst(Status.OPEN, "Er zijn nog geen samenwerkingsafspraken vastgelegd.", url)
    ontbreekt = [label for veld, label in AFSPRAAK_ONDERWERPEN if getattr(af, veld) in (None, "")]
    gevuld = len(AFSPRAAK_ONDERWERPEN) - len(ontbreekt)
    tekst = f"{gevuld} van {len(AFSPRAAK_ONDERWERPEN)} onderwerpen vastgelegd"
    if af.bijeenkomsten_per_jaar is not None and af.bijeenkomsten_per_jaar < MINIMUM_BIJEENKOMSTEN:
        return Uitkomst(
            Status.NIET_VOLDAAN,
            f"Afgesproken: {af.bijeenkomsten_per_jaar} bijeenkomsten per jaar, minimaal {MINIMUM_BIJEENKOMSTEN}.",
            url,
        )
    if ontbreekt:
        return Uitkomst(Status.OPEN, f"{tekst}; nog niet: {', '.join(ontbreekt)}.", url)
    return Uitkomst(Status.VOLDAAN, f"{tekst}; {af.bijeenkomsten_per_jaar} bijeenkomsten per jaar.", url)


@eis("werkgroep.woordvoerder")
def check_woordvoerder(ctx: ToetsContext) -> Uitkomst:
    url = _url(ctx, "leden")
    actief = _actief(ctx)
    if not actief:
        return Uitkomst(Status.OPEN, GEEN_LEDEN, url)
    woordvoerders = selectors.rollen_stand(actief)[Groepsrol.WOORDVOERDER]
    if woordvoerders:
        return Uitkomst(Status.VOLDAAN, f"Woordvoerder: {_namen(woordvoerders)}.", url)
    return Uitkomst(Status.NIET_VOLDAAN, f"Geen van de {len(actief)} actieve leden is woordvoerder.", url)


@eis("werkgroep.app-beheerder")
def check_app_beheerder(ctx: ToetsContext) -> Uitkomst:
    url = _url(ctx, "leden")
    af = _afspraken(ctx)
    if af is None or not af.communicatie_app:
        return Uitkomst(Status.NVT, "Er is geen app-groep met de ondernemers vastgelegd.", _url(ctx, "afspraken"))
    beheerders = selectors.rollen_stand(_actief(ctx))[Groepsrol.APP_BEHEERDER]
    if beheerders:
        return Uitkomst(Status.VOLDAAN, f"Beheerder van de app-groep: {_namen(beheerders)}.", url)
    return Uitkomst(Status.NIET_VOLDAAN, "Er is een app-groep met de ondernemers, maar geen beheerder.", url)


@eis("werkgroep.bewaartermijn")
def check_bewaartermijn(ctx: ToetsContext) -> Uitkomst:
    url = _url(ctx, "afspraken")
    af = _afspraken(ctx)
    jaren = af.bewaartermijn_jaren if af else None
    if jaren is None:
        return Uitkomst(Status.OPEN, "Er is nog geen bewaartermijn vastgelegd (minimaal 6 jaar).", url)
    if jaren < MINIMUM_BEWAARTERMIJN:
        return Uitkomst(
            Status.NIET_VOLDAAN, f"Bewaartermijn {jaren} jaar vastgelegd, minimaal {MINIMUM_BEWAARTERMIJN} jaar.", url
        )
    return Uitkomst(
        Status.VOLDAAN,
        f"Bewaartermijn {jaren} jaar vastgelegd (minimaal {MINIMUM_BEWAARTERMIJN}); "
        "vervallen versies van documenten worden in het archief als vervallen gemarkeerd.",
        url,
    )


@eis("werkgroep.bijeenkomsten")
def check_bijeenkomsten(ctx: ToetsContext) -> Uitkomst:
    alle = _bijeenkomsten(ctx)
    tellend = [b for b in alle if selectors.bijeenkomst_telt(b)]

    def telling(jaar: CyclusJaar) -> int:
        return sum(1 for b in tellend if jaar.bevat(b.datum))

    return jaarregel(
        ctx, telling, MINIMUM_BIJEENKOMSTEN, "Werkgroepbijeenkomsten met agenda en notulen", _url(ctx, "bijeenkomsten")
    )


@eis("werkgroep.communicatie")
def check_communicatie(ctx: ToetsContext) -> Uitkomst:
    alle = _communicaties(ctx)
    tellend = [c for c in alle if c.alle_ondernemers]

    def telling(jaar: CyclusJaar) -> int:
        return sum(1 for c in tellend if jaar.bevat(c.datum))

    return jaarregel(
        ctx, telling, selectors.MINIMUM_COMMUNICATIES, "Updates aan alle ondernemers", _url(ctx, "communicatie")
    )
