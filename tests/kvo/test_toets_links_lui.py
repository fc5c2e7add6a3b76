"""A readiness answer's link is reversed when a page shows it, not when the rule is checked: the
document set's evidence index runs every rule in the pdf worker and shows no link, and reversing
there loaded the URLconf with every view behind it (26 MB of the set's peak; bench/RESULTS.md)."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest
from django.template import Context, Template
from django.urls import reverse

from kvo import toets, versie
from kvo.regelingen import pagina_url
from kvo.toets import voer_toets_uit

pytestmark = pytest.mark.django_db


def test_de_toets_draait_zonder_een_url_op_te_zoeken(actoren, monkeypatch):
    opgezocht = []
    echt = toets.reverse
    monkeypatch.setattr(toets, "reverse", lambda *a, **k: opgezocht.append(a) or echt(*a, **k))
    toets._url_patroon.cache_clear()
    with versie.opnieuw():
        resultaten = voer_toets_uit(actoren.werkgroep, cyclus=actoren.cyclus)
    assert opgezocht == []  # before: some twenty pages reversed by the run itself
    met_link = [r for r in resultaten if r.uitkomst.url]
    assert met_link
    # shown on a page, the link is the page's URL, also after a round trip through the cache
    r = pickle.loads(pickle.dumps(met_link[0]))
    html = Template('<a href="{{ r.uitkomst.url }}">').render(Context({"r": r}))
    assert opgezocht and f'href="{r.uitkomst.url}"' in html and html.startswith('<a href="/')


def test_pagina_url_valt_terug_op_een_pagina_die_bestaat(actoren):
    ctx = toets.ToetsContext(actoren.werkgroep, actoren.cyclus, dt.date.today())
    slug = {"werkgroep": actoren.werkgroep.slug}
    assert str(pagina_url(ctx, "bestaat:niet", "aanpak:matrix")) == reverse("aanpak:matrix", kwargs=slug)
    assert str(pagina_url(ctx, "aanpak:doelen", "aanpak:matrix")) == reverse("aanpak:doelen", kwargs=slug)
