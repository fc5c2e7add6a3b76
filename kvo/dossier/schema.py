"""Validation against ``schema.json`` (JSON Schema 2020-12), with Dutch messages and JSON paths."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from django.template.defaultfilters import pluralize
from jsonschema import Draft202012Validator

from kvo.dossier.fouten import pad

SCHEMA_PAD = Path(__file__).with_name("schema.json")


@cache
def schema() -> dict:
    return json.loads(SCHEMA_PAD.read_text(encoding="utf-8"))


@cache
def validator() -> Draft202012Validator:
    return Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def _bericht(fout) -> str:
    v, w, inst = fout.validator, fout.validator_value, fout.instance
    if v == "required":
        ontbrekend = [k for k in w if isinstance(inst, dict) and k not in inst]
        return "verplicht veld ontbreekt: " + ", ".join(f'"{k}"' for k in ontbrekend)
    if v == "additionalProperties":
        bekend = set(fout.schema.get("properties", {}))
        patronen = list(fout.schema.get("patternProperties", {}))
        onbekend = [k for k in inst if k not in bekend and not any(re.search(p, k) for p in patronen)]
        return "onbekend veld: " + ", ".join(f'"{k}"' for k in onbekend)
    if v == "type":
        soorten = {
            "string": "tekst",
            "integer": "geheel getal",
            "number": "getal",
            "boolean": "ja/nee (true/false)",
            "object": "object",
            "array": "lijst",
            "null": "null",
        }
        verwacht = " of ".join(soorten.get(t, t) for t in ([w] if isinstance(w, str) else w))
        return f"verwacht {verwacht}, gevonden {json.dumps(inst, ensure_ascii=False)[:60]}"
    if v == "enum":
        keuzes = ", ".join(json.dumps(k, ensure_ascii=False) for k in w)
        return f"waarde {json.dumps(inst, ensure_ascii=False)[:60]} niet toegestaan; kies uit {keuzes}"
    if v == "const":
        return f"moet {json.dumps(w)} zijn"
    if v == "format" and w == "date":
        return f'geen geldige datum "{inst}" (verwacht JJJJ-MM-DD)'
    if v == "pattern":
        return f'"{inst}" heeft niet de juiste vorm (patroon {w})'
    if v == "minLength":
        return "mag niet leeg zijn"
    if v == "minItems":
        return f"moet minstens {w} element{pluralize(w, 'en')} bevatten"
    if v == "uniqueItems":
        return "bevat een waarde twee keer"
    if v == "minimum":
        return f"moet minstens {w} zijn"
    if v == "maximum":
        return f"mag hoogstens {w} zijn"
    return fout.message


def schemafouten(dossier) -> list[str]:
    """Every schema violation as ``<json-pad>: <Nederlandse melding>``, in document order."""
    fouten = sorted(validator().iter_errors(dossier), key=lambda f: [str(p) for p in f.absolute_path])
    return [f"{pad(*fout.absolute_path)}: {_bericht(fout)}" for fout in fouten]
