"""kvo.pdf pauses the garbage collector during a render: it gives the collector back as it found it,
also when the render fails, and leaves nothing frozen."""

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
