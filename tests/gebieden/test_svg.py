from gebieden.svg import gebied_svg
from tests.factories import BedrijventerreinFactory
from tests.gebieden.factories import AangrenzendeLocatieFactory, vierkant


def test_svg_deterministisch_met_labels(wg):
    a = BedrijventerreinFactory(werkgroep=wg, naam="Noord & Zuid", grens=vierkant(5.10, 52.0))
    b = BedrijventerreinFactory(werkgroep=wg, naam="Oost", grens=vierkant(5.13, 52.0))
    loc = AangrenzendeLocatieFactory(werkgroep=wg, naam="Station", grens=vierkant(5.12, 52.02, 0.005))
    eerste = gebied_svg([a, b], [loc])
    assert eerste == gebied_svg([a, b], [loc])
    assert eerste.startswith("<svg") and 'viewBox="0 0 480 320"' in eerste
    assert "Noord &amp; Zuid" in eerste and ">Oost</text>" in eerste
    assert eerste.count('stroke-dasharray="6 4"') == 1
    assert eerste.index("<title>Station (aangrenzend)") < eerste.index("<title>Oost</title>")  # drawn beneath


def test_svg_past_in_viewbox(wg):
    a = BedrijventerreinFactory(werkgroep=wg, grens=vierkant(5.0, 52.0, 0.2))
    svg = str(gebied_svg([a]))
    import re

    getallen = [float(x) for d in re.findall(r'd="([^"]+)"', svg) for x in re.findall(r"-?\d+\.?\d*", d)]
    assert min(getallen) >= 0 and max(getallen) <= 480


def test_svg_leeg_zonder_grens(wg):
    assert gebied_svg([BedrijventerreinFactory(werkgroep=wg, grens=None)]) == ""
