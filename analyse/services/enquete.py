"""The survey builder (§4.1.1): compose a cycle's survey on the handbook's catalogue.

One survey per cycle. Ticking a handbook block adds its default question(s)
(``analyse.standaardvragen``); unticking removes the block's questions. The group adds, edits,
reorders and deletes questions within a handbook theme or a theme of its own. Every service
refuses once the survey was sent (``geopend_op`` set): entrepreneurs must all get the same
questions, and answers are stored by question ref.

Question refs are stable and unique per survey, and never handed out twice: ``b05-1`` for a
block's question, ``t-<theme>-1`` for a question within a handbook theme without a block,
``eigen-1`` for a question of an own theme. The counters live in ``Enquete.extra["refteller"]``
(internal, never exported); after an import without them the next number is found from the
refs present.

A question can be a follow-up ("Zo ja, …"): ``toon_als_vraag`` names an earlier question of the
survey (yes/no, choice, multiple choice or scale) and ``toon_als_antwoord`` the answer after which it
is asked (``analyse.antwoorden``). The builder keeps every condition valid: the base question comes
first in the survey's order and has that answer; changes that break this are refused, and deleting a
base question makes its follow-ups plain questions again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from analyse import catalogus, standaardvragen
from analyse.antwoorden import BASIS_TYPES, voorwaarde_waarden
from analyse.models import Enquete, Vraag
from analyse.selectors.enquete import geordend
from kvo.geschiedenis import bulk_bijwerken, bulk_maken
from werkgroepen.logboek import log_actie
from werkgroepen.models import Cyclus

BEVROREN = "Deze enquête is al verstuurd en kan niet meer worden gewijzigd."
REFTELLER = "refteller"
MAX_TEKST = 1000
MAX_OPTIE = 200
MAX_OPTIES = 20
MAX_TITEL = 200
MAX_INLEIDING = 3000
MAX_THEMANAAM = 80
RICHTINGEN = ("omhoog", "omlaag")

TYPE_ZIN = {
    "schaal": "Een schaalvraag",
    "keuze": "Een keuzevraag",
    "meerkeuze": "Een meerkeuzevraag",
    "ja-nee": "Een ja/nee-vraag",
    "getal": "Een getalvraag",
    "open": "Een open vraag",
}


def standaard_inleiding() -> str:
    return (
        "Met deze enquête brengt de KVO-werkgroep in kaart hoe u de veiligheid op het bedrijventerrein "
        "ervaart. Invullen kost ongeveer tien minuten. Uw antwoorden zijn anoniem: niemand kan zien wat u "
        "heeft ingevuld. De werkgroep gebruikt de uitkomsten om samen met gemeente, politie en brandweer "
        "maatregelen te kiezen."
    )


# --- helpers ------------------------------------------------------------------------------


def _vergrendel(enquete: Enquete) -> Enquete:
    """The survey's row, locked for this transaction; refuses a sent (frozen) survey."""
    vers = Enquete.objects.select_for_update().select_related("werkgroep").get(pk=enquete.pk)
    if vers.geopend_op is not None:
        raise ValidationError(BEVROREN)
    return vers


def _terug(doel: Enquete, bron: Enquete) -> None:
    """Bring the caller's instance up to date with what the service wrote."""
    for veld in ("titel", "inleiding", "blokken", "eigen_themas", "extra"):
        setattr(doel, veld, getattr(bron, veld))


def _nieuwe_ref(enquete: Enquete, prefix: str, bestaand: set[str]) -> str:
    """The next unused ref ``<prefix>-<n>``; the counter is kept in ``enquete.extra`` (saved by the caller)."""
    extra = dict(enquete.extra or {})
    teller = dict(extra.get(REFTELLER) or {})
    n = int(teller.get(prefix, 0))
    patroon = re.compile(re.escape(prefix) + r"-(\d+)")
    for ref in bestaand:
        if m := patroon.fullmatch(ref):
            n = max(n, int(m.group(1)))
    n += 1
    while f"{prefix}-{n}" in bestaand:
        n += 1
    teller[prefix] = n
    extra[REFTELLER] = teller
    enquete.extra = extra
    ref = f"{prefix}-{n}"
    bestaand.add(ref)
    return ref


def _prefix(thema: str, blok: int | None) -> str:
    if blok is not None:
        return f"b{blok:02d}"
    if catalogus.is_eigen(thema):
        return "eigen"
    return f"t-{thema}"


def _refs(enquete: Enquete) -> set[str]:
    return set(enquete.vragen.values_list("ref", flat=True))


def _hernummer(enquete: Enquete) -> None:
    """Make ``volgorde`` 1..n in the survey's one order (see ``analyse.selectors.enquete``)."""
    gewijzigd = []
    for i, vraag in enumerate(geordend(enquete, list(enquete.vragen.all())), start=1):
        if vraag.volgorde != i:
            vraag.volgorde = i
            gewijzigd.append(vraag)
    if gewijzigd:
        bulk_bijwerken(Vraag, enquete.werkgroep_id, gewijzigd, ["volgorde"])


def _standaardvragen(enquete: Enquete, blok: int, bestaand: set[str], start: int) -> list[Vraag]:
    thema = catalogus.thema_van_blok(blok)
    return [
        Vraag(
            enquete=enquete,
            ref=_nieuwe_ref(enquete, _prefix(thema, blok), bestaand),
            volgorde=start + i,
            blok=blok,
            thema=thema,
            tekst=sv.tekst,
            type=sv.type,
            opties=list(sv.opties),
        )
        for i, sv in enumerate(standaardvragen.vragen_van(blok))
    ]


def _koppel_standaard(enquete: Enquete, blokken: Iterable[int], actor=None) -> None:
    """Give the default questions of ``blokken`` just created their conditions (``Standaardvraag.na``)."""
    vragen = {(v.blok, v.ref): v for v in enquete.vragen.filter(blok__in=list(blokken))}
    gewijzigd = []
    for blok in blokken:
        eigen = sorted((v for (b, _), v in vragen.items() if b == blok), key=lambda v: (v.volgorde, v.pk))
        standaard = standaardvragen.vragen_van(blok)
        if len(eigen) != len(standaard):
            continue
        for vraag, sv in zip(eigen, standaard, strict=True):
            if sv.na is not None:
                vraag.toon_als_vraag, vraag.toon_als_antwoord = eigen[sv.na[0] - 1], sv.na[1]
                gewijzigd.append(vraag)
    if gewijzigd:
        bulk_bijwerken(Vraag, enquete.werkgroep_id, gewijzigd, ["toon_als_vraag", "toon_als_antwoord"], actor=actor)


def _voorwaarde_fouten(enquete: Enquete) -> list[str]:
    """What is wrong with the survey's follow-up conditions (in the survey's order), or nothing."""
    volgorde = geordend(enquete, list(enquete.vragen.all()))
    plek = {v.pk: i for i, v in enumerate(volgorde)}
    per_pk = {v.pk: v for v in volgorde}
    fouten = []
    for i, vraag in enumerate(volgorde):
        if not vraag.toon_als_vraag_id:
            continue
        basis = per_pk.get(vraag.toon_als_vraag_id)
        nummer = f"Vraag {i + 1}"
        if basis is None:
            fouten.append(f"{nummer} volgt op een vraag die niet in deze enquête staat.")
        elif plek[basis.pk] >= i:
            fouten.append(
                f"{nummer} is een vervolgvraag op vraag {plek[basis.pk] + 1} en moet daarna komen; "
                "verplaats de vragen of maak er een gewone vraag van."
            )
        elif basis.type not in BASIS_TYPES:
            fouten.append(
                f"{nummer} volgt op vraag {plek[basis.pk] + 1}, maar een vervolgvraag kan alleen volgen op een "
                "ja/nee-, keuze-, meerkeuze- of schaalvraag."
            )
        elif vraag.toon_als_antwoord not in voorwaarde_waarden(basis):
            fouten.append(
                f"{nummer} volgt op het antwoord “{vraag.toon_als_antwoord}” van vraag {plek[basis.pk] + 1}, "
                "maar dat antwoord bestaat daar niet (meer); kies het antwoord opnieuw."
            )
    return fouten


def _controleer_voorwaarden(enquete: Enquete) -> None:
    if fouten := _voorwaarde_fouten(enquete):
        raise ValidationError(fouten)


def _maak_los(enquete: Enquete, weg, actor=None) -> None:
    """Before ``weg`` (questions) are deleted: their follow-ups become plain questions (with history)."""
    los = list(enquete.vragen.filter(toon_als_vraag__in=weg).exclude(pk__in=weg))
    for v in los:
        v.toon_als_vraag, v.toon_als_antwoord = None, ""
    if los:
        bulk_bijwerken(Vraag, enquete.werkgroep_id, los, ["toon_als_vraag", "toon_als_antwoord"], actor=actor)


def _voorwaarde(enquete: Enquete, toon_als_vraag, toon_als_antwoord: str) -> tuple:
    """(base question, answer) from the caller's input; (None, "") for a plain question."""
    if toon_als_vraag in (None, ""):
        return None, ""
    pk = getattr(toon_als_vraag, "pk", toon_als_vraag)
    basis = enquete.vragen.filter(pk=pk).first() if str(pk).isdigit() else None
    if basis is None:
        raise ValidationError("Kies als voorwaarde een vraag van deze enquête.")
    antwoord = (toon_als_antwoord or "").strip()
    if basis.type not in BASIS_TYPES:
        raise ValidationError("Een vervolgvraag kan alleen volgen op een ja/nee-, keuze-, meerkeuze- of schaalvraag.")
    if antwoord not in voorwaarde_waarden(basis):
        raise ValidationError(f"Kies een antwoord dat bij “{basis.tekst[:80]}” hoort.")
    return basis, antwoord


def _blok(blok) -> int:
    try:
        nummer = int(blok)
    except (TypeError, ValueError):
        nummer = 0
    if nummer not in catalogus.BLOKKEN:
        raise ValidationError(f"Onbekend onderwerpblok {blok}; de blokken zijn genummerd van 1 tot en met 44.")
    return nummer


def opties_uit_tekst(tekst: str | Iterable[str] | None) -> list[str]:
    """Answer options from a text field (one per line) or a list; empty lines dropped."""
    regels = tekst.splitlines() if isinstance(tekst, str) else list(tekst or [])
    return [" ".join(str(r).split()) for r in regels if r is not None and str(r).strip()]


def _valideer_opties(type_: str, opties: list[str]) -> list[str]:
    fouten = []
    dubbel = sorted({o for o in opties if sum(1 for p in opties if p.casefold() == o.casefold()) > 1})
    if dubbel:
        fouten.append(f'Antwoordoptie "{dubbel[0]}" staat er meer dan één keer in; elke optie mag één keer.')
    te_lang = [o for o in opties if len(o) > MAX_OPTIE]
    if te_lang:
        fouten.append(f"Een antwoordoptie is te lang ({len(te_lang[0])} tekens); hoogstens {MAX_OPTIE} tekens.")
    if len(opties) > MAX_OPTIES:
        fouten.append(f"Te veel antwoordopties ({len(opties)}); hoogstens {MAX_OPTIES}.")
    if type_ in ("keuze", "meerkeuze"):
        if len({o.casefold() for o in opties}) < 2:
            fouten.append(
                f"{TYPE_ZIN[type_]} heeft minstens twee verschillende antwoordopties nodig; "
                f"zet elke optie op een eigen regel (nu {len(opties)})."
            )
    elif type_ == "schaal":
        if len(opties) not in (0, 5):
            fouten.append(
                "Een schaalvraag heeft geen eigen labels (dan: zeer oneens … zeer eens) of precies 5, "
                f"van laag naar hoog, één per regel (nu {len(opties)})."
            )
    elif opties:
        fouten.append(f"{TYPE_ZIN.get(type_, 'Deze vraag')} heeft geen antwoordopties; maak het veld leeg.")
    if fouten:
        raise ValidationError(fouten)
    return opties


def _valideer_vraag(enquete: Enquete, *, thema: str, blok, tekst: str, type_: str, opties) -> dict:
    fouten = []
    blok = _blok(blok) if blok not in (None, "") else None
    thema = (thema or "").strip() or (catalogus.thema_van_blok(blok) if blok else "")
    eigen = [catalogus.eigen_thema(n) for n in enquete.eigen_themas or []]
    if thema not in catalogus.THEMAS and thema not in eigen:
        fouten.append("Kies een thema uit de lijst (een thema van het handboek of een eigen thema).")
    elif blok is not None:
        if catalogus.thema_van_blok(blok) != thema:
            fouten.append(
                f"Blok {blok} hoort bij het thema {catalogus.thema_naam(catalogus.thema_van_blok(blok))}, "
                f"niet bij {catalogus.thema_naam(thema)}; kies een ander blok of geen blok."
            )
        elif blok not in (enquete.blokken or []):
            fouten.append(f"Blok {blok} staat niet in de enquête; vink het eerst aan in de enquête-bouwer.")
    tekst = (tekst or "").strip()
    if not tekst:
        fouten.append("Vul de tekst van de vraag in.")
    elif len(tekst) > MAX_TEKST:
        fouten.append(f"De vraag is te lang ({len(tekst)} tekens); hoogstens {MAX_TEKST} tekens.")
    if type_ not in Vraag.Type.values:
        fouten.append("Kies de soort vraag.")
        opties = []
    else:
        try:
            opties = _valideer_opties(type_, opties_uit_tekst(opties))
        except ValidationError as fout:
            fouten.extend(fout.messages)
    if fouten:
        raise ValidationError(fouten)
    return {"thema": thema, "blok": blok, "tekst": tekst, "type": type_, "opties": opties}


def _log(enquete: Enquete, actor, actie: str, omschrijving: str, **gegevens) -> None:
    log_actie(
        werkgroep=enquete.werkgroep,
        actor=actor,
        actie=actie,
        omschrijving=omschrijving,
        enquete=enquete.pk,
        **gegevens,
    )


# --- the survey ---------------------------------------------------------------------------


@transaction.atomic
def enquete_maak(*, actor, cyclus: Cyclus, met_minimum: bool = True) -> Enquete:
    """The survey of ``cyclus`` (one per cycle). With ``met_minimum`` it starts with the default
    blocks (every theme's minimum plus the open questions 16, 23 and 33) and their default questions."""
    cyclus = Cyclus.objects.select_for_update().select_related("werkgroep").get(pk=cyclus.pk)
    if Enquete.objects.filter(cyclus=cyclus).exists():
        raise ValidationError(f"Cyclus {cyclus.nummer} heeft al een enquête; er is één enquête per cyclus.")
    werkgroep = cyclus.werkgroep
    try:
        with transaction.atomic():
            enquete = Enquete.objects.create(
                werkgroep=werkgroep,
                cyclus=cyclus,
                titel=f"Veiligheidsenquête {werkgroep.naam}"[:MAX_TITEL],
                inleiding=standaard_inleiding(),
            )
    except IntegrityError:  # a simultaneous request made it first
        raise ValidationError(f"Cyclus {cyclus.nummer} heeft al een enquête; er is één enquête per cyclus.") from None
    vragen: list[Vraag] = []
    if met_minimum:
        bestaand: set[str] = set()
        for blok in standaardvragen.STANDAARD_BLOKKEN:
            vragen += _standaardvragen(enquete, blok, bestaand, start=len(vragen) + 1)
        enquete.blokken = sorted(standaardvragen.STANDAARD_BLOKKEN)
        bulk_maken(Vraag, werkgroep, vragen, actor=actor)
        _koppel_standaard(enquete, standaardvragen.STANDAARD_BLOKKEN, actor)
        enquete.save(update_fields=["blokken", "extra"])
    log_actie(
        werkgroep=werkgroep,
        actor=actor,
        actie="enquete.opgezet",
        omschrijving=(
            f"Enquête van cyclus {cyclus.nummer} opgezet"
            + (f" met {len(enquete.blokken)} blokken en {len(vragen)} standaardvragen" if met_minimum else "")
        ),
        enquete=enquete.pk,
    )
    return enquete


@transaction.atomic
def enquete_instellingen_wijzig(*, actor, enquete: Enquete, titel: str, inleiding: str) -> Enquete:
    vers = _vergrendel(enquete)
    titel = " ".join((titel or "").split())
    inleiding = (inleiding or "").strip()
    fouten = []
    if not titel:
        fouten.append("Geef de enquête een titel; de ondernemer ziet die bovenaan.")
    elif len(titel) > MAX_TITEL:
        fouten.append(f"De titel is te lang ({len(titel)} tekens); hoogstens {MAX_TITEL} tekens.")
    if len(inleiding) > MAX_INLEIDING:
        fouten.append(f"De inleiding is te lang ({len(inleiding)} tekens); hoogstens {MAX_INLEIDING} tekens.")
    if fouten:
        raise ValidationError(fouten)
    vers.titel, vers.inleiding = titel, inleiding
    vers.save(update_fields=["titel", "inleiding"])
    _terug(enquete, vers)
    _log(vers, actor, "enquete.instellingen", f"Titel en inleiding van de enquête gewijzigd: {titel}")
    return enquete


@transaction.atomic
def enquete_blok_zet(*, actor, enquete: Enquete, blok: int, aan: bool) -> int:
    """Tick (with the block's default questions) or untick (removing the block's questions) a handbook block.

    Returns how many questions were added or removed; ticking a ticked block changes nothing.
    """
    blok = _blok(blok)
    vers = _vergrendel(enquete)
    gekozen = set(vers.blokken or [])
    titel = catalogus.BLOKKEN[blok].titel
    if aan:
        if blok in gekozen:
            return 0
        volgende = (vers.vragen.order_by("-volgorde").values_list("volgorde", flat=True).first() or 0) + 1
        vragen = _standaardvragen(vers, blok, _refs(vers), start=volgende)
        bulk_maken(Vraag, vers.werkgroep_id, vragen, actor=actor)
        _koppel_standaard(vers, [blok], actor)
        vers.blokken = sorted(gekozen | {blok})
        vers.save(update_fields=["blokken", "extra"])
        _hernummer(vers)
        aantal = len(vragen)
        omschrijving = (
            f"Blok {blok} ({titel}) opgenomen in de enquête met {aantal} standaardvra{'ag' if aantal == 1 else 'gen'}"
        )
    else:
        if blok not in gekozen:
            return 0
        _maak_los(vers, vers.vragen.filter(blok=blok), actor)
        aantal, _ = vers.vragen.filter(blok=blok).delete()
        vers.blokken = sorted(gekozen - {blok})
        vers.save(update_fields=["blokken"])
        _hernummer(vers)
        omschrijving = (
            f"Blok {blok} ({titel}) uit de enquête gehaald; {aantal} vra{'ag' if aantal == 1 else 'gen'} verwijderd"
        )
    _terug(enquete, vers)
    _log(vers, actor, "enquete.blok", omschrijving, blok=blok, aan=aan)
    return aantal


# --- questions ----------------------------------------------------------------------------


@transaction.atomic
def vraag_maak(
    *,
    actor,
    enquete: Enquete,
    thema: str,
    tekst: str,
    type: str,
    opties: Iterable[str] | str = (),
    verplicht: bool = False,
    blok: int | None = None,
    toon_als_vraag=None,
    toon_als_antwoord: str = "",
) -> Vraag:
    """A question of the group's own within a handbook theme (optionally under a ticked block) or an own theme."""
    vers = _vergrendel(enquete)
    gegevens = _valideer_vraag(vers, thema=thema, blok=blok, tekst=tekst, type_=type, opties=opties)
    basis, antwoord = _voorwaarde(vers, toon_als_vraag, toon_als_antwoord)
    volgende = (vers.vragen.order_by("-volgorde").values_list("volgorde", flat=True).first() or 0) + 1
    vraag = Vraag(
        enquete=vers,
        ref=_nieuwe_ref(vers, _prefix(gegevens["thema"], gegevens["blok"]), _refs(vers)),
        volgorde=volgende,
        verplicht=bool(verplicht),
        toon_als_vraag=basis,
        toon_als_antwoord=antwoord,
        **gegevens,
    )
    vraag.save()
    vers.save(update_fields=["extra"])
    _hernummer(vers)
    _controleer_voorwaarden(vers)
    vraag.refresh_from_db(fields=["volgorde"])
    _terug(enquete, vers)
    _log(
        vers,
        actor,
        "enquete.vraag",
        f"Vraag toegevoegd aan {catalogus.thema_naam(vraag.thema)}: {vraag.tekst[:120]}",
        vraag=vraag.ref,
    )
    return vraag


@transaction.atomic
def vraag_wijzig(
    *,
    actor,
    vraag: Vraag,
    thema: str,
    tekst: str,
    type: str,
    opties: Iterable[str] | str = (),
    verplicht: bool = False,
    blok: int | None = None,
    toon_als_vraag=None,
    toon_als_antwoord: str = "",
) -> Vraag:
    """Change a question; its ref stays. Moved to another theme or block, it goes to the end there."""
    vers = _vergrendel(vraag.enquete)
    gegevens = _valideer_vraag(vers, thema=thema, blok=blok, tekst=tekst, type_=type, opties=opties)
    basis, antwoord = _voorwaarde(vers, toon_als_vraag, toon_als_antwoord)
    if basis is not None and basis.pk == vraag.pk:
        raise ValidationError("Een vraag kan geen vervolgvraag op zichzelf zijn.")
    vraag.refresh_from_db(fields=["volgorde", "thema", "blok"])  # the place as stored, not as last read
    verhuisd = (gegevens["thema"], gegevens["blok"]) != (vraag.thema, vraag.blok)
    for veld, waarde in gegevens.items():
        setattr(vraag, veld, waarde)
    vraag.verplicht = bool(verplicht)
    vraag.toon_als_vraag, vraag.toon_als_antwoord = basis, antwoord
    if verhuisd:
        vraag.volgorde = (vers.vragen.order_by("-volgorde").values_list("volgorde", flat=True).first() or 0) + 1
    vraag.save()
    _hernummer(vers)
    _controleer_voorwaarden(vers)
    vraag.refresh_from_db(fields=["volgorde"])
    _log(vers, actor, "enquete.vraag", f"Vraag gewijzigd: {vraag.tekst[:120]}", vraag=vraag.ref)
    return vraag


@transaction.atomic
def vraag_verwijder(*, actor, vraag: Vraag) -> None:
    """Delete a question (its block stays ticked; a block without questions does not count)."""
    vers = _vergrendel(vraag.enquete)
    ref, tekst = vraag.ref, vraag.tekst
    _maak_los(vers, [vraag.pk], actor)
    vraag.delete()
    _hernummer(vers)
    _log(vers, actor, "enquete.vraag", f"Vraag verwijderd: {tekst[:120]}", vraag=ref)


@transaction.atomic
def vraag_verplaats(*, actor, vraag: Vraag, richting: str) -> bool:
    """Move a question one place up or down among the questions of its block (or of its theme
    without a block). Returns False when it is already first or last there."""
    if richting not in RICHTINGEN:
        raise ValidationError("Kies omhoog of omlaag.")
    vers = _vergrendel(vraag.enquete)
    volgorde = geordend(vers, list(vers.vragen.all()))
    opgeslagen = next((v for v in volgorde if v.pk == vraag.pk), None)
    if opgeslagen is None:
        raise ValidationError("Deze vraag hoort niet (meer) bij deze enquête.")
    groep = [v for v in volgorde if (v.thema, v.blok) == (opgeslagen.thema, opgeslagen.blok)]
    plek = groep.index(opgeslagen)
    ander = plek - 1 if richting == "omhoog" else plek + 1
    if not 0 <= ander < len(groep):
        return False
    # Number the whole survey in its order with the two swapped; volgorde stays 1..n.
    i, j = volgorde.index(groep[plek]), volgorde.index(groep[ander])
    volgorde[i], volgorde[j] = volgorde[j], volgorde[i]
    for n, v in enumerate(volgorde, start=1):
        v.volgorde = n
    bulk_bijwerken(Vraag, vers.werkgroep_id, volgorde, ["volgorde"], actor=actor)
    _controleer_voorwaarden(vers)
    vraag.volgorde = next(v.volgorde for v in volgorde if v.pk == vraag.pk)
    _log(vers, actor, "enquete.vraag", f"Vraag {richting} verplaatst: {vraag.tekst[:120]}", vraag=vraag.ref)
    return True


# --- own themes ---------------------------------------------------------------------------


def _themanaam(naam: str) -> str:
    return " ".join((naam or "").split())


@transaction.atomic
def thema_eigen_maak(*, actor, enquete: Enquete, naam: str) -> str:
    """Add a theme of the group's own; returns its key ``eigen:<naam>``."""
    vers = _vergrendel(enquete)
    naam = _themanaam(naam)
    if not naam:
        raise ValidationError("Geef het thema een naam.")
    if len(naam) > MAX_THEMANAAM:
        raise ValidationError(f"De naam is te lang ({len(naam)} tekens); hoogstens {MAX_THEMANAAM} tekens.")
    if any(naam.casefold() == t.naam.casefold() or naam.casefold() == t.sleutel for t in catalogus.THEMAS.values()):
        raise ValidationError(
            f'"{naam}" is al een thema van het handboek; voeg uw vragen daar toe of kies een andere naam.'
        )
    if any(naam.casefold() == n.casefold() for n in vers.eigen_themas or []):
        raise ValidationError(f'Er is al een eigen thema "{naam}"; kies een andere naam.')
    vers.eigen_themas = [*(vers.eigen_themas or []), naam]
    vers.save(update_fields=["eigen_themas"])
    _terug(enquete, vers)
    _log(vers, actor, "enquete.thema", f"Eigen thema toegevoegd: {naam}", thema=naam)
    return catalogus.eigen_thema(naam)


@transaction.atomic
def thema_eigen_verwijder(*, actor, enquete: Enquete, naam: str) -> int:
    """Remove an own theme and its questions; returns how many questions were removed."""
    vers = _vergrendel(enquete)
    if naam not in (vers.eigen_themas or []):
        raise ValidationError(f'Er is geen eigen thema "{naam}" in deze enquête.')
    _maak_los(vers, vers.vragen.filter(thema=catalogus.eigen_thema(naam)), actor)
    aantal, _ = vers.vragen.filter(thema=catalogus.eigen_thema(naam)).delete()
    vers.eigen_themas = [n for n in vers.eigen_themas if n != naam]
    vers.save(update_fields=["eigen_themas"])
    _hernummer(vers)
    _terug(enquete, vers)
    _log(vers, actor, "enquete.thema", f"Eigen thema {naam} verwijderd met {aantal} vragen", thema=naam)
    return aantal


__all__ = [
    "BEVROREN",
    "enquete_blok_zet",
    "enquete_instellingen_wijzig",
    "enquete_maak",
    "opties_uit_tekst",
    "thema_eigen_maak",
    "thema_eigen_verwijder",
    "vraag_maak",
    "vraag_verplaats",
    "vraag_verwijder",
    "vraag_wijzig",
]
