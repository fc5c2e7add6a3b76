"""The street map under the outline (gebieden.ondergrond), against a tile server started here.

The server draws a black mark on its tiles where a known point lies (in Web Mercator, as a real tile
service does); the mark must come out where the outline's projection puts that point. A server that
fails, answers HTML or an enormous image leaves the map without a base, and nothing is fetched when
no tile service is set or when the tiles are in the cache."""

from __future__ import annotations

import base64
import io
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import pytest
from PIL import Image

from gebieden.ondergrond import _pixel
from gebieden.svg import gebied_svg
from tests.gebieden.factories import vierkant

PUNT = (5.105, 52.005)  # the centre of vierkant(5.10, 52.00, 0.01)


class _Tegels(BaseHTTPRequestHandler):
    soort = "goed"
    verzoeken: list[str] = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        type(self).verzoeken.append(self.path)
        z, x, y = (int(d) for d in re.fullmatch(r"/(\d+)/(\d+)/(\d+)\.png", self.path).groups())
        if self.soort == "fout":
            self.send_response(500)
            self.end_headers()
            return
        if self.soort == "html":
            inhoud, soort = b"<html>niet gevonden</html>", "text/html"
        else:
            grootte = 2000 if self.soort == "reus" else 256
            beeld = Image.new("RGB", (grootte, grootte) if self.soort == "reus" else (256, 256), (235, 235, 235))
            px, py = _pixel(*PUNT, z)
            lx, ly = px - x * 256, py - y * 256
            if 0 <= lx < 256 and 0 <= ly < 256 and self.soort != "reus":
                for i in range(-3, 4):
                    for j in range(-3, 4):
                        if 0 <= lx + i < 256 and 0 <= ly + j < 256:
                            beeld.putpixel((int(lx + i), int(ly + j)), (0, 0, 0))
            uit = io.BytesIO()
            beeld.save(uit, "PNG")
            inhoud, soort = uit.getvalue(), "image/png"
        self.send_response(200)
        self.send_header("Content-Type", soort)
        self.send_header("Content-Length", str(len(inhoud)))
        self.end_headers()
        self.wfile.write(inhoud)


@pytest.fixture
def tegelserver(settings, tmp_path):
    _Tegels.verzoeken = []
    _Tegels.soort = "goed"
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Tegels)
    draad = threading.Thread(target=server.serve_forever, daemon=True)
    draad.start()
    settings.KVO_KAART_TEGELS = f"http://127.0.0.1:{server.server_address[1]}/{{z}}/{{x}}/{{y}}.png"
    settings.KVO_TEGELCACHE = str(tmp_path / "tegels")
    settings.KVO_KAART_BRON = "Testtegels"
    yield _Tegels
    server.shutdown()
    server.server_close()


def _terrein():
    return SimpleNamespace(naam="Schipsloot", grens=vierkant(5.10, 52.00, 0.01))


def _beeld(svg: str) -> Image.Image:
    data = re.search(r'href="data:image/jpeg;base64,([^"]+)"', svg).group(1)
    return Image.open(io.BytesIO(base64.b64decode(data))).convert("L")


def test_de_straten_liggen_precies_onder_de_omtrek(tegelserver):
    svg = str(gebied_svg([_terrein()], breedte=720, hoogte=480, ondergrond=True))
    beeld = _beeld(svg)
    assert beeld.size == (1440, 960)  # twice the viewBox: sharp in print
    donker = [(x, y) for x in range(beeld.width) for y in range(beeld.height) if beeld.getpixel((x, y)) < 90]
    assert donker, "het merkteken van de tegelserver staat niet op de kaart"
    mx = sum(x for x, _ in donker) / len(donker) / 2
    my = sum(y for _, y in donker) / len(donker) / 2
    # the park's centre in the outline's own projection (viewBox units)
    d = re.search(r'<path d="([^"]+)" fill="#154273"', svg).group(1)
    getallen = [float(g) for g in re.findall(r"-?\d+\.?\d*", d)]
    xs, ys = getallen[0::2], getallen[1::2]
    assert mx == pytest.approx((min(xs) + max(xs)) / 2, abs=2)
    assert my == pytest.approx((min(ys) + max(ys)) / 2, abs=2)
    # the source is named, the names stand on their own white ground, the image lies under the outline
    assert ">Ondergrond: Testtegels</text>" in svg
    assert svg.index("<image") < svg.index('<path d="')
    assert re.search(r'<rect [^>]*fill="#ffffff" fill-opacity="0.88"/>\s*<text [^>]*class="kaart-label"', svg)


def test_tegels_uit_de_cache_bij_de_tweede_kaart(tegelserver):
    gebied_svg([_terrein()], breedte=720, hoogte=480, ondergrond=True)
    eerste = len(tegelserver.verzoeken)
    assert 1 <= eerste <= 48
    tweede = str(gebied_svg([_terrein()], breedte=720, hoogte=480, ondergrond=True))
    assert len(tegelserver.verzoeken) == eerste  # nothing fetched again
    assert "<image" in tweede


@pytest.mark.parametrize("soort", ["fout", "html", "reus"])
def test_een_falende_tegeldienst_laat_de_kaart_zonder_ondergrond(tegelserver, soort, caplog):
    tegelserver.soort = soort
    svg = str(gebied_svg([_terrein()], breedte=720, hoogte=480, ondergrond=True))
    assert "<image" not in svg and "Ondergrond:" not in svg
    assert "<title>Schipsloot</title></path>" in svg  # the outline itself is there
    assert "Geen ondergrond onder de kaart" in caplog.text


def test_uit_zonder_tegeldienst_en_op_de_webpagina(tegelserver, settings):
    assert "<image" not in str(gebied_svg([_terrein()]))  # the web page's map: never a base
    settings.KVO_KAART_TEGELS = ""
    assert "<image" not in str(gebied_svg([_terrein()], ondergrond=True))
    assert tegelserver.verzoeken == []


def test_de_documentenset_tekent_de_kaart_met_ondergrond(monkeypatch):
    from audits.documentenset import onderdelen

    gevraagd = {}

    def nep(terreinen, locaties, **kwargs):
        gevraagd.update(kwargs)
        return ""

    monkeypatch.setattr("gebieden.svg.gebied_svg", nep)
    g = SimpleNamespace(terreinen=lambda: [], werkgroep=None)
    monkeypatch.setattr("gebieden.selectors.locaties_van", lambda werkgroep: [])
    onderdelen._gebied(g)
    assert gevraagd.get("ondergrond") is True
