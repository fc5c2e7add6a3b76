"""One label per thing in the document set, used everywhere in it (issue 22, "Cross-links and numbering").

- An inspection point is ``S<n>-<nn>``: the n-th inspection of the cycle (by date), its point number
  (``S2-07``). The inspection chapter, the photo caption, the matrix row and the §5.2.2 box all print
  it; every inspection of the cycle counts, also one after the reference date, so a point keeps its
  label in every set of the cycle.
- A measure is ``M<n>`` in the order of the measures matrix, in the matrix and wherever it is named.
- A survey question is labelled with its handbook block (``blok 12``) next to its number in the survey.

The anchors (``id`` in the set's HTML) the labels link to are made here too, so a link and its target
never spell the anchor differently.
"""

from __future__ import annotations


def schouwpunt_label(schouw_volgnummer: int, punt_nummer: int) -> str:
    return f"S{schouw_volgnummer}-{punt_nummer:02d}"


def schouwpunt_labels(schouwen) -> dict[int, str]:
    """``{point id: label}`` for the cycle's inspections in the order given (by date, then id)."""
    return {p.pk: schouwpunt_label(i, p.nummer) for i, s in enumerate(schouwen, start=1) for p in s.punten.all()}


def maatregel_nummers(matrix) -> dict[int, str]:
    """``{measure id: "M<n>"}`` in the order of the measures matrix (goals by priority, then the rest)."""
    rijen = [r for g in matrix.groepen for r in g.rijen]
    return {r.maatregel.pk: f"M{i}" for i, r in enumerate(rijen, start=1)}


def anker_schouwpunt(pk: int) -> str:
    return f"schouwpunt-{pk}"


def anker_maatregel(pk: int) -> str:
    return f"maatregel-{pk}"


def anker_doel(pk: int) -> str:
    return f"doel-{pk}"


def anker_blok(blok: int) -> str:
    return f"enquete-blok-{blok}"


def anker_vraag(pk: int) -> str:
    return f"vraag-{pk}"
