"""The garbage collector paused around work that builds many objects (kvo.geheugen.zonder_gc): a PDF
render and the readiness check of many work groups give the collector back as they found it, also
when the render fails, and leave nothing frozen."""

import gc

import pytest

from kvo.pdf import Geweigerd, pdf_maken


@pytest.mark.parametrize("aan", [True, False])
def test_collector_na_render_zoals_ervoor(aan):
    (gc.enable if aan else gc.disable)()
    try:
        inhoud, paginas = pdf_maken("<!doctype html><p>Hallo</p>")
        assert inhoud.startswith(b"%PDF") and paginas == 1
        assert gc.isenabled() is aan
        assert gc.get_freeze_count() == 0
    finally:
        gc.enable()


def test_collector_terug_ook_als_de_render_faalt():
    gc.enable()

    def stuk():
        raise Geweigerd("halverwege")

    with pytest.raises(Geweigerd):
        pdf_maken("<!doctype html><p>Hallo</p>", na_opmaak=stuk)
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_de_toets_van_veel_werkgroepen_pauzeert_de_collector(actoren, monkeypatch):
    """kvo.toets.voer_toetsen_uit (the nightly refresh) builds tens of thousands of model instances:
    the collector is paused while the checks run and given back as it was."""
    from kvo import toets, versie

    gezien = []
    echt = toets._beantwoord_een  # one rule of one work group

    def beantwoord(ctx, eis_id):
        gezien.append(gc.isenabled())
        return echt(ctx, eis_id)

    monkeypatch.setattr(toets, "_beantwoord_een", beantwoord)
    gc.enable()
    with versie.opnieuw():
        uitkomst = toets.voer_toetsen_uit([actoren.werkgroep, actoren.anderewerkgroep])
    assert len(gezien) == 2 * len(toets.geregistreerde_checks()) and not any(gezien) and len(uitkomst) == 2
    assert gc.isenabled() and gc.get_freeze_count() == 0
