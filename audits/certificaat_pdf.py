"""The certificate a body issued in the product, as one A4 page (§7.2).

It carries the body's name and logo, the KVO mark only while the certificate is valid (the logic
of ``{% keurmerk %}``: ``Certificaat.is_geldig``), and a QR code (segno, as SVG) to the public
verification page ``/certificaat/<publiek_id>/``. A certificate the group uploaded is never
rendered here: its own PDF is handed out instead.
"""

from __future__ import annotations

import segno
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from audits import regels
from audits.models import Certificaat
from kvo.pdf import pdf_maken


def verificatie_url(c: Certificaat) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("certificaat_verificatie", args=[c.publiek_id])


def qr_svg(url: str) -> str:
    """The QR code as inline SVG, as the survey letters make it, but with a ``viewBox`` instead of a
    fixed size, so the PDF scales it to its box (a fixed size would be clipped, not scaled)."""
    return segno.make(url, error="m").svg_inline(border=2, dark="#000", omitsize=True)


def certificaat_pdf(c: Certificaat) -> tuple[bytes, int]:
    """The PDF bytes and the page count (always 1) of a certificate issued in the product."""
    from django.template.loader import render_to_string

    if c.aangeleverd:
        raise ValueError("Een aangeleverd certificaat wordt niet door de applicatie opgemaakt.")
    audit = c.audit
    wg = audit.werkgroep
    url = verificatie_url(c)
    vandaag = timezone.localdate()
    html = render_to_string(
        "pdf/certificaat.html",
        {"werkgroep": wg, "c": c, "audit": audit, "titel": f"KVO-certificaat {c.nummer}",
         "terreinen": list(wg.terreinen.order_by("naam")),
         "verklaring": regels.verklaring(c.certificatie_instelling, wg.naam),
         "statustekst": regels.STATUSTEKST, "eigendomstekst": regels.EIGENDOMSTEKST,
         "geldig": c.is_geldig(vandaag), "status": c.status(vandaag),
         "qr": mark_safe(qr_svg(url)), "verificatie_url": url},  # segno's own markup
    )  # fmt: skip
    return pdf_maken(html)
