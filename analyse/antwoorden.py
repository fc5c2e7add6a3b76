"""What an answer looks like per question type, and how a submission is checked.

Stored answers (``Reactie.antwoorden``, ``{vraag.ref: waarde}``), the same in the dossier:

- ``schaal``: an int 1–5 (labels in ``SCHAAL_LABELS`` unless the question has 5 ``opties``);
- ``keuze``: one of the question's ``opties`` (a string);
- ``meerkeuze``: a list of ``opties`` (strings, at least one);
- ``ja-nee``: a bool;
- ``getal``: a number (int, or float when a decimal was given);
- ``open``: a string (kept verbatim, stripped of surrounding white space);
- unanswered: the key is absent.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

SCHAAL_LABELS = ("zeer oneens", "oneens", "neutraal", "eens", "zeer eens")
MAX_OPEN = 5000
MAX_GETAL = 10**9


def schaal_labels(vraag) -> tuple[str, ...]:
    return tuple(vraag.opties) if len(vraag.opties) == 5 else SCHAAL_LABELS


def waarde_uit_formulier(vraag, ruw: list[str]) -> tuple[object | None, str | None]:
    """(value, error) for one question from the submitted form values (a list, as QueryDict.getlist)."""
    ruw = [r.strip() for r in ruw if r is not None and r.strip() != ""]
    if any("\x00" in r for r in ruw):  # PostgreSQL cannot store it, and no keyboard types it
        return None, "Uw antwoord bevat een onleesbaar teken; typ het antwoord opnieuw."
    if not ruw:
        if vraag.verplicht:
            return None, "Deze vraag is verplicht; kies of vul een antwoord in."
        return None, None
    t = vraag.type
    if t == "schaal":
        try:
            n = int(ruw[0])
        except ValueError:
            n = 0
        if not 1 <= n <= 5:
            return None, "Kies een waarde van 1 tot en met 5."
        return n, None
    if t == "keuze":
        if ruw[0] not in vraag.opties:
            return None, "Kies een van de genoemde antwoorden."
        return ruw[0], None
    if t == "meerkeuze":
        if any(r not in vraag.opties for r in ruw):
            return None, "Kies alleen uit de genoemde antwoorden."
        return [o for o in vraag.opties if o in ruw], None
    if t == "ja-nee":
        if ruw[0] not in ("ja", "nee"):
            return None, "Kies ja of nee."
        return ruw[0] == "ja", None
    if t == "getal":
        try:
            d = Decimal(ruw[0].replace(",", "."))
        except InvalidOperation:
            return None, "Vul een getal in, bijvoorbeeld 12 of 3,5."
        if not d.is_finite() or abs(d) > MAX_GETAL:
            return None, f"Vul een getal in tussen -{MAX_GETAL:,} en {MAX_GETAL:,}.".replace(",", ".")
        return (int(d) if d == d.to_integral_value() else float(d)), None
    tekst = ruw[0]
    if len(tekst) > MAX_OPEN:
        return None, f"Uw antwoord is te lang ({len(tekst)} tekens); hoogstens {MAX_OPEN} tekens."
    return tekst, None


def controleer(vraag, waarde) -> bool:
    """Is ``waarde`` a valid stored answer to ``vraag``? (For imports: the dossier's answers.)"""
    t = vraag.type
    if waarde is None:
        return True
    if t == "schaal":
        return isinstance(waarde, int) and not isinstance(waarde, bool) and 1 <= waarde <= 5
    if t == "keuze":
        return isinstance(waarde, str) and waarde in vraag.opties
    if t == "meerkeuze":
        return isinstance(waarde, list) and all(isinstance(w, str) and w in vraag.opties for w in waarde)
    if t == "ja-nee":
        return isinstance(waarde, bool)
    if t == "getal":
        return isinstance(waarde, int | float) and not isinstance(waarde, bool) and abs(waarde) <= MAX_GETAL
    return isinstance(waarde, str) and len(waarde) <= MAX_OPEN


def als_tekst(vraag, waarde) -> str:
    """An answer as Dutch text (tables, CSV)."""
    if waarde is None:
        return ""
    if vraag.type == "schaal":
        labels = schaal_labels(vraag)
        return f"{waarde} – {labels[waarde - 1]}" if isinstance(waarde, int) and 1 <= waarde <= 5 else str(waarde)
    if vraag.type == "ja-nee":
        return "ja" if waarde else "nee"
    if vraag.type == "meerkeuze":
        return "; ".join(waarde)
    if vraag.type == "getal":
        return str(waarde).replace(".", ",")
    return str(waarde)


# --- follow-up questions ("Zo ja, …") ------------------------------------------------------

# The question types a follow-up can depend on, and how the condition's value is written.
BASIS_TYPES = ("ja-nee", "keuze", "meerkeuze", "schaal")


def voorwaarde_waarden(vraag) -> list[str]:
    """The answers of ``vraag`` a follow-up can be shown after (as stored in ``toon_als_antwoord``)."""
    if vraag.type == "ja-nee":
        return ["ja", "nee"]
    if vraag.type in ("keuze", "meerkeuze"):
        return list(vraag.opties)
    if vraag.type == "schaal":
        return [str(i) for i in range(1, 6)]
    return []


def voorwaarde_label(vraag, antwoord: str) -> str:
    """The condition's answer in words: "ja", "3 – neutraal", an option."""
    if vraag.type == "schaal" and antwoord.isdigit() and 1 <= int(antwoord) <= 5:
        return als_tekst(vraag, int(antwoord))
    return antwoord


def past_bij(basis, waarde, antwoord: str) -> bool:
    """Does the stored answer ``waarde`` to ``basis`` meet the condition ``antwoord``?"""
    if waarde is None:
        return False
    if basis.type == "ja-nee":
        return isinstance(waarde, bool) and waarde == (antwoord == "ja")
    if basis.type == "keuze":
        return waarde == antwoord
    if basis.type == "meerkeuze":
        return isinstance(waarde, list) and antwoord in waarde
    if basis.type == "schaal":
        return not isinstance(waarde, bool) and str(waarde) == antwoord
    return False


def gevraagd(vragen, antwoorden: dict) -> set[str]:
    """The refs of ``vragen`` that were asked, given ``antwoorden``: a question without a condition
    always; a follow-up only when its base question was asked and answered as the condition says.

    ``vragen`` need their ``toon_als_vraag`` (select it with them). A base question outside
    ``vragen`` counts as not asked; a cycle of conditions (the builder refuses one) as not asked.
    """
    per_pk = {v.pk: v for v in vragen}
    uit: dict[int, bool] = {}

    def bezig(vraag, pad: frozenset) -> bool:
        if vraag.pk in uit:
            return uit[vraag.pk]
        if not vraag.toon_als_vraag_id:
            uit[vraag.pk] = True
            return True
        basis = per_pk.get(vraag.toon_als_vraag_id)
        if basis is None or basis.pk in pad:
            uit[vraag.pk] = False
            return False
        ja = bezig(basis, pad | {vraag.pk}) and past_bij(basis, antwoorden.get(basis.ref), vraag.toon_als_antwoord)
        uit[vraag.pk] = ja
        return ja

    return {v.ref for v in vragen if bezig(v, frozenset())}


def alleen_gevraagd(vragen, antwoorden: dict) -> dict:
    """``antwoorden`` without the answers to follow-ups that were not asked (and without empty ones)."""
    refs = gevraagd(vragen, antwoorden)
    return {ref: w for ref, w in antwoorden.items() if w is not None and (ref in refs or ref not in _refs(vragen))}


def _refs(vragen) -> set[str]:
    return {v.ref for v in vragen}
