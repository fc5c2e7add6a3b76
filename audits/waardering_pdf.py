"""PVO's appreciation (waardering) as PDF (issue 23, pvo.waardering): one A4 page for every member
of the work group and every signatory, each with their name, the partnership, the park, and the
signatories of every participating organisation.

It is not a certificate: no number, no validity, no KVO mark and no verification page; the partners
sign it, not a certification body. One PDF with a page per person, or one person's page alone.
Through ``kvo.pdf.pdf_maken`` like every PDF: PDF/A-3u, tagged, Dutch, with its title.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.template.loader import render_to_string

from audits.models import Waardering
from kvo.pdf import pdf_maken
from werkgroepen import selectors


@dataclass(frozen=True)
class Ontvanger:
    sleutel: str  # "lid-12" or "ondertekenaar-3": to ask for one person's page
    naam: str
    organisatie: str
    rol: str  # "werkgroeplid" or "tekenbevoegde"


def ontvangers(w: Waardering) -> list[Ontvanger]:
    """Every active member on the day of the waardering (or today, before it) and every signatory;
    a signatory who is also a member (same name and organisation) gets one page."""
    wg = w.werkgroep
    op = w.gehouden_op or w.gepland_op
    leden = selectors.leden(wg)
    actief = selectors.actieve_leden(leden, op) if op else [lid for lid in leden if lid.lid_tot is None]
    uit = [Ontvanger(f"lid-{lid.pk}", lid.naam, lid.partij.naam, "werkgroeplid") for lid in actief]
    gezien = {(o.naam.casefold(), o.organisatie) for o in uit}
    for o in w.ondertekenaars.select_related("partij").order_by("partij__naam", "pk"):
        if (o.naam.casefold(), o.partij.naam) not in gezien:
            uit.append(Ontvanger(f"ondertekenaar-{o.pk}", o.naam, o.partij.naam, "tekenbevoegde"))
            gezien.add((o.naam.casefold(), o.partij.naam))
    return uit


def waardering_pdf(w: Waardering, *, sleutel: str | None = None) -> tuple[bytes, int]:
    """The PDF bytes and page count: a page per recipient, or only ``sleutel``'s page (ValueError
    when that is not a recipient)."""
    alle = ontvangers(w)
    if sleutel is not None:
        alle = [o for o in alle if o.sleutel == sleutel]
        if not alle:
            raise ValueError("Geen ontvanger van deze waardering.")
    wg = w.werkgroep
    # the group's name often starts with "Veilig Bedrijventerrein" itself: say it once
    naam = wg.naam if "veilig bedrijventerrein" in wg.naam.lower() else f"Veilig Bedrijventerrein {wg.naam}"
    titel = f"Waardering {naam}"
    if sleutel is not None:
        titel += f" voor {alle[0].naam}"
    html = render_to_string(
        "pdf/waardering.html",
        {
            "werkgroep": wg,
            "cyclus": w.cyclus,
            "w": w,
            "titel": titel,
            "ontvangers": alle,
            "terreinen": list(wg.terreinen.order_by("naam")),
            "ondertekenaars": list(w.ondertekenaars.select_related("partij").order_by("partij__naam", "pk")),
            "datum": w.gehouden_op or w.gepland_op,
        },
    )
    return pdf_maken(html)
