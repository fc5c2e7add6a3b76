"""The accessibility statement (``/toegankelijkheid/``): public, no login, rendered from
``kvo.toegankelijkheid`` so that what it claims is what the tests check."""

from django.shortcuts import render

from kvo import toegankelijkheid as t


def verklaring(request):
    """The accessibility statement, in the format of digitoegankelijk.nl."""
    return render(
        request,
        "kvo/toegankelijkheid.html",
        {
            "norm": t.NORM,
            "status": t.STATUS,
            "volledig": t.STATUS == t.VOLDOET_VOLLEDIG,
            "axe_versie": t.AXE_VERSIE,
            "wcag_tags": t.WCAG_TAGS,
            "datum": t.DATUM,
            "rollen": t.ROLLEN,
            "toetsenbord": [tekst for _sleutel, tekst in t.TOETSENBORD],
            "uitzonderingen": t.UITZONDERINGEN,
            "contact": t.CONTACT_EMAIL,
        },
    )
